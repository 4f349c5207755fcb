// The impact report: admins only, a bad programme filter is a 400 naming it, the report is stored
// and served from its row, a submitted assessment marks it stale and the job recomputes it, and the
// PDF parses and carries only released figures (a group below the minimum leaves no number).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import readExcelFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selfAssessedCapabilities } from '../../src/domains/framework/definition.ts';
import { currentVersion } from '../../src/domains/framework/service.ts';
import { refreshDueReports } from '../../src/domains/impact/jobs.ts';
import { people } from '../../src/identity/people/schema.ts';
import { testDatabaseKinds } from '../support/databases.ts';
import { Client, type Harness, PASSWORD, startHarness } from '../support/harness.ts';
import {
  createProgramme,
  type ErrorBody,
  json,
  type ProgrammeOrg,
  programmeOrg,
} from './programmes-support.ts';

const NOW = new Date('2026-06-01T09:00:00Z');
type Cell = { key: string; status: string; n: number | null; meanBefore: number | null; dRm: unknown };
type Report = {
  decidedAt: string;
  minimum: number;
  benchmark: { source: string };
  programmes: { id: string; name: string; enrolled: number | null; capabilities: Cell[] }[];
  tables: { id: string; rows: unknown[][] }[];
};

async function pdfText(bytes: Uint8Array): Promise<string> {
  // pdfjs reads the 14 standard fonts' metrics from its own package (no network, no system fonts).
  const standardFontDataUrl = `${join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;
  const doc = await getDocument({ data: bytes, useSystemFonts: false, standardFontDataUrl }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    text += `${content.items.map((item) => ('str' in item ? item.str : '')).join(' ')}\n`;
  }
  return text;
}

describe.each(testDatabaseKinds())('the impact report on %s', (kind) => {
  let h: Harness;
  let o: ProgrammeOrg;
  let big: { id: string };
  let small: { id: string };
  let participant: Client;
  let versionId: string;
  let items: { key: string; capability: string }[];
  let bigIds: string[];
  let smallIds: string[];

  /** A submitted self-assessment answering every item with `value(itemIndex)`. */
  const assess = async (personId: string, at: string, value: (i: number) => number) =>
    h.services.db.asSystem((tx) =>
      tx.execute(sql`INSERT INTO assessments (organisation_id, person_id, version_id, status, answers, submitted_at)
                     VALUES (${o.organisationId}, ${personId}, ${versionId}, 'submitted',
                             ${JSON.stringify(Object.fromEntries(items.map((it, i) => [it.key, value(i)])))}::jsonb,
                             ${at}::timestamptz)`),
    );

  beforeAll(async () => {
    h = await startHarness(kind);
    h.services.clock = () => NOW;
    o = await programmeOrg(h, 'impact');
    participant = new Client(h.app);
    await participant.signIn('participant@impact.test', PASSWORD);
    const org = o.organisationId;
    const version = await h.services.db.inOrganisation(org, (tx) => currentVersion(tx, kind, org));
    versionId = version.id;
    items = selfAssessedCapabilities(version.definition)
      .filter((c) => !c.derailer)
      .flatMap((c) => c.items.filter((i) => !i.retired).map((i) => ({ key: i.key, capability: c.key })));
    const made = await h.services.db.inOrganisation(org, async (tx) => {
      const [stage] = await tx
        .execute(sql`SELECT id FROM career_stages LIMIT 1`)
        .then((r) => (r as { rows: { id: string }[] }).rows);
      const rows = await tx
        .insert(people)
        .values(
          Array.from({ length: 14 }, (_, i) => ({
            organisationId: org,
            name: `p${i}`,
            email: `p${i}@impact.test`,
            careerStageId: stage!.id,
            teamId: o.teams.sales,
            status: 'active' as const,
          })),
        )
        .returning({ id: people.id });
      return rows.map((r) => r.id);
    });
    bigIds = made.slice(0, 12);
    smallIds = made.slice(12);
    big = await createProgramme(o.admin, {
      template: 'early-career',
      name: 'Big cohort',
      startsOn: '2026-01-05',
    });
    small = await createProgramme(o.admin, {
      template: 'early-career',
      name: 'Tiny cohort',
      startsOn: '2026-01-12',
    });
    await json(
      await o.admin.post(`/api/admin/programmes/${big.id}/enrolments`, { by: 'person', personIds: bigIds }),
      200,
    );
    await json(
      await o.admin.post(`/api/admin/programmes/${small.id}/enrolments`, {
        by: 'person',
        personIds: smallIds,
      }),
      200,
    );
    // Before (December) and after (May): varied answers so every scale has variance.
    for (const [n, id] of [...bigIds, ...smallIds].entries()) {
      await assess(id, '2025-12-15T10:00:00Z', (i) => 1 + ((n + i) % 3));
      await assess(id, '2026-05-10T10:00:00Z', (i) => 2 + ((n * 2 + i) % 4));
    }
  });
  afterAll(() => h.close());

  it('answers admins only', async () => {
    const res = await participant.get('/api/analytics/impact');
    expect(res.status).toBe(403);
    expect((await participant.get('/api/analytics/impact/report.pdf')).status).toBe(403);
  });

  it('names the programme filter when it is not a programme id', async () => {
    const body = await json<ErrorBody>(await o.admin.get('/api/analytics/impact?programme=nope'), 400);
    expect(JSON.stringify(body)).toContain('programme');
    await json(
      await o.admin.get('/api/analytics/impact?programme=00000000-0000-4000-8000-000000000000'),
      404,
    );
  });

  it('shows the big cohort, withholds the tiny one, and filters by programme', async () => {
    const report = await json<Report>(await o.admin.get('/api/analytics/impact'), 200);
    expect(report.benchmark.source).toBe('external');
    const bigReport = report.programmes.find((p) => p.id === big.id)!;
    const tiny = report.programmes.find((p) => p.id === small.id)!;
    expect(bigReport.enrolled).toBe(12);
    expect(bigReport.capabilities.some((c) => c.status === 'shown' && c.n === 12)).toBe(true);
    expect(report.minimum).toBeGreaterThan(smallIds.length);
    expect(tiny.enrolled).toBeNull();
    for (const c of tiny.capabilities)
      expect(c).toMatchObject({ status: 'withheld', n: null, meanBefore: null });
    const only = await json<Report>(await o.admin.get(`/api/analytics/impact?programme=${big.id}`), 200);
    expect(only.programmes.map((p) => p.id)).toEqual([big.id]);
  });

  it('serves the stored report until an assessment marks it stale, and the job recomputes it', async () => {
    const first = await json<Report>(await o.admin.get('/api/analytics/impact'), 200);
    h.services.clock = () => new Date(NOW.getTime() + 60_000);
    expect(await refreshDueReports(h.services)).toBe(0);
    // One more after-assessment in the big cohort: the trigger marks the report stale.
    await assess(bigIds[0]!, '2026-05-31T10:00:00Z', () => 5);
    const stale = await json<Report>(await o.admin.get('/api/analytics/impact'), 200);
    expect(stale.decidedAt).toBe(first.decidedAt);
    expect(await refreshDueReports(h.services)).toBe(1);
    const fresh = await json<Report>(await o.admin.get('/api/analytics/impact'), 200);
    expect(fresh.decidedAt).not.toBe(first.decidedAt);
    h.services.clock = () => NOW;
  });

  it('renders a PDF with the released figures and none of a withheld group', async () => {
    const res = await o.admin.get('/api/analytics/impact/report.pdf');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    const text = await pdfText(bytes);
    expect(text).toContain('Impact report');
    expect(text).toContain('Big cohort');
    expect(text).toContain('Tiny cohort');
    expect(text).toMatch(/External/);
    expect(text).toMatch(/people with all three building blocks|an association/i);
    const report = await json<Report>(await o.admin.get('/api/analytics/impact'), 200);
    const shown = report.programmes
      .find((p) => p.id === big.id)!
      .capabilities.find((c) => c.status === 'shown')!;
    expect(text).toContain(shown.meanBefore!.toFixed(2));
    // The tiny cohort's mean before on its first capability, as the server would have computed it.
    const cap = items.find((it) => it.capability === shown.key)!.capability;
    const capItems = items.map((it, i) => ({ ...it, i })).filter((it) => it.capability === cap);
    const scores = smallIds.map((_, k) => {
      const n = bigIds.length + k;
      return capItems.reduce((s, it) => s + 1 + ((n + it.i) % 3), 0) / capItems.length;
    });
    const tinyMean = (scores.reduce((a, b) => a + b, 0) / scores.length).toFixed(2);
    // Programmes come newest first: the tiny cohort's page runs up to the big cohort's.
    const tinyPage = text.slice(text.indexOf('Tiny cohort'), text.indexOf('Big cohort'));
    expect(tinyPage.length).toBeGreaterThan(0);
    expect(tinyPage).not.toContain(tinyMean);
    expect(tinyPage).toContain('withheld');
  });

  it('exports the released table as CSV and XLSX, withheld cells empty, and names a bad format or table', async () => {
    const csv = await o.admin.get(`/api/analytics/impact/export?format=csv&programme=${small.id}`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const [header, ...rows] = parse(await csv.text()) as string[][];
    expect(header).toContain('Capability');
    expect(rows.length).toBeGreaterThan(0);
    // Tiny cohort: every row says withheld and carries no figure.
    for (const row of rows) {
      expect(row.slice(0, 3)).toEqual(['Tiny cohort', expect.any(String), 'withheld']);
      expect(row.slice(3).every((v) => v === '')).toBe(true);
    }
    const xlsx = await o.admin.get('/api/analytics/impact/export?format=xlsx');
    expect(xlsx.status).toBe(200);
    const sheets = await readExcelFile(Buffer.from(await xlsx.arrayBuffer()));
    const sheet = sheets[0]!.data;
    expect(sheet[0]).toContain('Capability');
    // Both programmes' rows; the big cohort's pairs are numbers, the tiny cohort's empty.
    expect(sheet.some((row) => row[0] === 'Big cohort' && typeof row[3] === 'number')).toBe(true);
    expect(sheet.filter((row) => row[0] === 'Tiny cohort').every((row) => row[3] === null)).toBe(true);
    const badFormat = await json<ErrorBody>(
      await o.admin.get('/api/analytics/impact/export?format=pdf'),
      400,
    );
    expect(JSON.stringify(badFormat)).toContain('format');
    const badTable = await json<ErrorBody>(
      await o.admin.get('/api/analytics/impact/export?format=csv&table=x'),
      400,
    );
    expect(JSON.stringify(badTable)).toContain('table');
    expect((await participant.get('/api/analytics/impact/export?format=csv')).status).toBe(403);
  });

  it('goes stale on a write in a tenant transaction too, and a leaver withholds what would give them back', async () => {
    h.services.clock = () => new Date(NOW.getTime() + 120_000);
    // A write in the admin's tenant transaction (a person leaves) marks it stale: the trigger
    // runs as its definer, so the tenant role needs no grant on the reports table.
    expect((await o.admin.delete(`/api/admin/programmes/${big.id}/enrolments/${bigIds[11]}`)).status).toBe(
      204,
    );
    expect(await refreshDueReports(h.services)).toBe(1);
    const afterLeave = await json<Report>(await o.admin.get('/api/analytics/impact'), 200);
    // Every earlier figure held the leaver; eleven beside those twelve would isolate them by difference.
    const bigAfter = afterLeave.programmes.find((p) => p.id === big.id)!;
    expect(bigAfter.enrolled).toBeNull();
    expect(bigAfter.capabilities.every((c) => c.status === 'withheld')).toBe(true);
    h.services.clock = () => NOW;
  });
});
