// Organisation analytics through the API: who may see what, bad filters, withheld cells, exports
// that hold only released values, and the refresh. The snapshot is decided by the job's own
// function; every page is then read from it.
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import readExcelFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  analyticsClimate,
  balance,
  derailers,
  funnel,
  type Heatmap,
  heatmap,
} from '../../src/domains/analytics/contracts.ts';
import { decideSnapshot } from '../../src/domains/analytics/decide.ts';
import { testDatabaseKinds } from '../support/databases.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { type AnalyticsOrg, analyticsOrg } from './analytics-support.ts';
import { type ErrorBody, json } from './feedback-support.ts';

const ASSESSED = new Date('2026-11-03T09:00:00Z');
const NOW = new Date('2026-11-20T09:00:00Z');

describe.each(testDatabaseKinds())('analytics pages on %s', (kind) => {
  let h: Harness;
  let o: AnalyticsOrg;

  beforeAll(async () => {
    h = await startHarness(kind);
    h.services.clock = () => NOW;
    o = await analyticsOrg(h, 'ana', ASSESSED);
    const outcome = await decideSnapshot(h.services, o.organisationId, { now: NOW });
    expect(outcome).toMatchObject({ decided: true, period: '2026-11', version: 1 });
  });
  afterAll(() => h.close());

  it('shows an admin the organisation, with exact released figures and withheld cells null', async () => {
    const page = heatmap.parse(await json(await o.admin.get('/api/analytics/heatmap'), 200));
    expect(page).toMatchObject({
      period: '2026-11',
      periods: ['2026-11'],
      scope: 'organisation',
      minimum: 3,
    });
    expect(page.choices.teams.map((t) => t.path)).toEqual(['Engineering', 'Engineering / Platform', 'Sales']);
    const total = page.rows.find((r) => r.team === null && r.stage === null)!;
    expect(total.people).toBe(o.members.length);
    // Platform's two people are below the minimum: no headcount, no score, in any row.
    const platform = page.rows.filter((r) => r.team?.id === o.teams.platform);
    expect(platform.length).toBeGreaterThan(0);
    for (const row of platform) {
      expect(row.people).toBeNull();
      expect(row.cells.every((c) => c === null)).toBe(true);
    }
    // Every released count rests on at least the minimum.
    for (const row of page.rows) {
      if (row.people !== null) expect(row.people).toBeGreaterThanOrEqual(3);
      for (const cell of row.cells) if (cell) expect(cell.n).toBeGreaterThanOrEqual(3);
    }
    // The table is the page: one row per row, the withheld cells empty.
    expect(page.tables[0]!.rows).toHaveLength(page.rows.length);
    expect(
      page.tables[0]!.rows.filter((r) => r[0] === 'Engineering / Platform').every((r) => r[2] === null),
    ).toBe(true);
  });

  it('answers the other pages from the same decision', async () => {
    const b = balance.parse(await json(await o.admin.get('/api/analytics/balance'), 200));
    expect(b.stages.find((s) => s.key === 'manager')).toMatchObject({ expected: 0.5 });
    expect(b.stages.find((s) => s.key === 'manager')!.observed?.n).toBeGreaterThanOrEqual(3);
    const d = derailers.parse(await json(await o.admin.get('/api/analytics/derailers'), 200));
    expect(d.derailers.length).toBeGreaterThan(0);
    for (const row of d.byTeam) for (const c of row.cells) if (c) expect(c.count).toBeLessThanOrEqual(c.base);
    const f = funnel.parse(await json(await o.admin.get('/api/analytics/funnel'), 200));
    expect(f.people).toBe(o.members.length);
    // Nobody was invited by a programme, so no step is reached; 0 is decided like any small count.
    expect(f.steps.map((s) => s.count).every((c) => c === null || c === 0)).toBe(true);
  });

  it('shows a team leader their own line and refuses a team outside it', async () => {
    const page = heatmap.parse(await json(await o.engLead.get('/api/analytics/heatmap'), 200));
    expect(page.scope).toBe('line');
    expect(page.choices.teams.map((t) => t.id).sort()).toEqual([o.teams.eng, o.teams.platform].sort());
    for (const row of page.rows)
      expect([null, o.teams.eng, o.teams.platform]).toContain(row.team?.id ?? null);
    const total = page.rows.find((r) => r.team === null && r.stage === null)!;
    expect(total.people).toBe(
      o.members.filter((m) => m.teamId === o.teams.eng || m.teamId === o.teams.platform).length,
    );

    const outside = await json<ErrorBody>(
      await o.engLead.get(`/api/analytics/heatmap?team=${o.teams.sales}`),
      403,
    );
    expect(outside.error.fields).toHaveProperty('team');
    await json(await o.salesLead.get(`/api/analytics/funnel?team=${o.teams.eng}`), 403);
    await json(await o.engLead.get(`/api/analytics/heatmap/export?format=csv&team=${o.teams.sales}`), 403);
  });

  it('refuses a participant every page, export and the refresh', async () => {
    for (const page of ['heatmap', 'balance', 'derailers', 'funnel', 'climate'])
      await json(await o.participant.get(`/api/analytics/${page}`), 403);
    await json(await o.participant.get('/api/analytics/heatmap/export?format=xlsx'), 403);
    expect((await o.participant.post('/api/analytics/refresh')).status).toBe(403);
    expect((await o.engLead.post('/api/analytics/refresh')).status).toBe(403);
  });

  it('answers bad filters with 400 naming the field', async () => {
    const cases: Array<[string, string]> = [
      ['team=nope', 'team'],
      [`team=${crypto.randomUUID()}`, 'team'],
      ['stage=astronaut', 'stage'],
      ['period=2026-13', 'period'],
      ['period=2025-01', 'period'],
      [`programme=${crypto.randomUUID()}`, 'programme'],
      ['colour=red', '(query)'],
    ];
    for (const [query, field] of cases) {
      const body = await json<ErrorBody>(await o.admin.get(`/api/analytics/heatmap?${query}`), 400);
      expect(Object.keys(body.error.fields ?? {}).join()).toContain(field === '(query)' ? '' : field);
    }
    const format = await json<ErrorBody>(await o.admin.get('/api/analytics/funnel/export?format=pdf'), 400);
    expect(format.error.fields).toHaveProperty('format');
    const table = await json<ErrorBody>(
      await o.admin.get('/api/analytics/funnel/export?format=csv&table=x'),
      400,
    );
    expect(table.error.fields).toHaveProperty('table');
    const page = await json<ErrorBody>(await o.admin.get('/api/analytics/nothing/export?format=csv'), 400);
    expect(page.error.fields).toHaveProperty('page');
  });

  it('exports CSV and XLSX holding exactly the page’s released values', async () => {
    const query = `stage=individual-contributor`;
    const page: Heatmap = heatmap.parse(
      await json(await o.admin.get(`/api/analytics/heatmap?${query}`), 200),
    );
    const expected = page.tables[0]!;

    const csvRes = await o.admin.get(`/api/analytics/heatmap/export?format=csv&${query}`);
    expect(csvRes.status).toBe(200);
    expect(csvRes.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csvRes.headers.get('content-disposition')).toBe(
      'attachment; filename="lodestar-heatmap-latest.csv"',
    );
    const csv = parse(await csvRes.text(), { bom: true }) as string[][];
    expect(csv).toEqual([
      expected.columns,
      ...expected.rows.map((r) => r.map((v) => (v === null ? '' : String(v)))),
    ]);

    const xlsxRes = await o.admin.get(`/api/analytics/heatmap/export?format=xlsx&${query}`);
    expect(xlsxRes.status).toBe(200);
    expect(xlsxRes.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const sheets = await readExcelFile(Buffer.from(await xlsxRes.arrayBuffer()));
    expect(sheets).toHaveLength(1);
    expect(sheets[0]!.data).toEqual([expected.columns, ...expected.rows]);
    // Platform's withheld row is empty in the file too.
    const platform = sheets[0]!.data.filter((r) => r[0] === 'Engineering / Platform');
    expect(platform.length).toBeGreaterThan(0);
    for (const row of platform) expect(row.slice(2).every((v) => v === null)).toBe(true);
  });

  it('serves climate from the climate domain’s frozen rounds, to admins and leaders only', async () => {
    const admin = analyticsClimate.parse(await json(await o.admin.get('/api/analytics/climate'), 200));
    // No round has closed in this organisation: nothing to show, and nothing computed instead.
    expect(admin.views).toEqual([]);
    expect(admin.tables[0]!.rows).toEqual([]);
    await json(await o.engLead.get('/api/analytics/climate'), 200);
    const csv = await o.admin.get('/api/analytics/climate/export?format=csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="lodestar-climate.csv"');
    const filtered = await json<ErrorBody>(
      await o.admin.get(`/api/analytics/climate/export?format=csv&team=${o.teams.eng}`),
      400,
    );
    expect(filtered.error.fields).toHaveProperty('team');
  });

  it('queues a refresh for admins, a few times an hour', async () => {
    expect(await json(await o.admin.post('/api/analytics/refresh'), 202)).toEqual({ queued: true });
    // The queued job is deduplicated until it runs.
    expect(await json(await o.admin.post('/api/analytics/refresh'), 202)).toEqual({ queued: false });
    await json(await o.admin.post('/api/analytics/refresh'), 202);
    const limited = await o.admin.post('/api/analytics/refresh');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('re-decides only when the inputs changed, and then keeps the earlier version’s sets', async () => {
    expect(await decideSnapshot(h.services, o.organisationId, { now: NOW, force: true })).toMatchObject({
      decided: false,
      reason: 'unchanged',
    });
    const later = new Date(NOW.getTime() + 60_000);
    // A person's change moves the inputs' last change (rows carry the database's clock, not the
    // test's, hence a stamp after both).
    await h.services.db.asSystem((tx) =>
      tx.execute(sqlUpdate(o.organisationId, o.members[1]!.id, new Date(Date.now() + 60_000))),
    );
    expect(await decideSnapshot(h.services, o.organisationId, { now: later })).toMatchObject({
      decided: false,
      reason: 'fresh',
    });
    expect(await decideSnapshot(h.services, o.organisationId, { now: later, force: true })).toMatchObject({
      decided: true,
      version: 2,
    });
  });
});

function sqlUpdate(org: string, personId: string, at: Date) {
  return sql`UPDATE people SET updated_at = ${at.toISOString()}::timestamptz WHERE organisation_id = ${org} AND id = ${personId}`;
}
