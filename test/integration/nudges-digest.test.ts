// The digest: sent once per period at the person's chosen time, whatever runs the scheduler and
// however often; held back by quiet hours; never for 'off'; with the RFC 8058 headers; and with
// no plan text but the experiment's title in the email or in any log line.
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ONE_CLICK_BODY } from '../../src/domains/nudges/endpoints.ts';
import { scanDigests, sendBatch } from '../../src/domains/nudges/jobs.ts';
import { createServices } from '../../src/server.ts';
import { testDatabaseKinds } from '../support/databases.ts';
import { type Harness, seedDemo, startHarness } from '../support/harness.ts';
import {
  choose,
  digestOrg,
  digestsTo,
  dueNow,
  EXPERIMENT_TITLE,
  NOW,
  onlyThese,
  PRIVATE,
  sendsOf,
  tick,
} from './nudges-support.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe.each(testDatabaseKinds())('the digest on %s', (kind) => {
  let h: Harness;
  const later = (ms: number) => new Date(NOW.getTime() + ms);

  beforeAll(async () => {
    h = await startHarness(kind);
  });
  afterAll(() => h.close());

  it('is sent once per period, at the chosen weekday and hour, with the unsubscribe headers', async () => {
    const o = await digestOrg(h, 'once');
    // Wednesday 09:00 in UTC for the participant; the manager's Wednesday 09:00 is in New York.
    await onlyThese(h, o, {
      [o.ownerId]: dueNow(),
      [o.managerId]: dueNow({ timeZone: 'America/New_York' }),
    });
    expect(await tick(h, later(-HOUR))).toEqual({ due: 0, batches: 0 });
    expect((await tick(h, NOW)).due).toBe(1);
    const [digest, ...more] = await digestsTo(h, o.organisationId);
    expect(more).toEqual([]);
    expect(digest!.to).toBe('participant@once.test');
    expect(digest!.status).toBe('outbox');
    expect(digest!.subject).toBe('Your week in Lodestar: 1 experiment due');
    expect(digest!.headers['List-Unsubscribe']).toMatch(
      /^<http:\/\/lodestar\.test\/api\/nudges\/unsubscribe\?token=v1\.[\w.-]+>$/,
    );
    expect(digest!.headers['List-Unsubscribe-Post']).toBe(ONE_CLICK_BODY);
    expect(digest!.text).toContain(`- ${EXPERIMENT_TITLE} (`);
    expect(digest!.text).toContain('http://lodestar.test/settings/nudges');
    expect(digest!.text).toMatch(
      /Stop this digest \(no sign-in needed\): http:\/\/lodestar\.test\/unsubscribe\?token=v1\./,
    );
    expect(await sendsOf(h, o.organisationId)).toEqual([{ personId: o.ownerId, period: '2026-W24' }]);

    // Ticks later that day and the next day send nothing more; New York's 09:00 (13:00 UTC) does.
    await tick(h, later(HOUR));
    expect(await digestsTo(h, o.organisationId, 'participant@once.test')).toHaveLength(1);
    await tick(h, later(4 * HOUR));
    expect(await digestsTo(h, o.organisationId)).toHaveLength(2);
    await tick(h, later(20 * HOUR));
    expect(await digestsTo(h, o.organisationId)).toHaveLength(2);
    // A week later: the next period.
    await tick(h, later(7 * DAY));
    expect((await sendsOf(h, o.organisationId)).map((s) => s.period).sort()).toEqual([
      '2026-W24',
      '2026-W24',
      '2026-W25',
    ]);
  });

  it('is sent once when two schedulers run at the same time, and when a batch runs twice', async () => {
    const o = await digestOrg(h, 'twice');
    await onlyThese(h, o, {
      [o.ownerId]: dueNow(),
      [o.managerId]: dueNow(),
      [o.coachId]: dueNow(),
      [o.adminId]: dueNow(),
      [o.peerId]: dueNow(),
    });
    h.services.clock = () => NOW;
    // A second server process: its own services and job queue on the same database.
    const other = await createServices(h.services.config, h.services.log, h.database.db);
    other.clock = () => NOW;
    const scans = await Promise.all([scanDigests(h.services), scanDigests(other)]);
    expect(scans.map((s) => s.due)).toEqual([5, 5]);
    // Both processes' queues drain at once; each batch was queued twice.
    const drain = async (s: typeof other) => {
      while ((await s.jobs.runDue()) > 0) {}
    };
    await Promise.all([drain(h.services), drain(other)]);
    // And the same batch sent directly, twice at once, as a retried job racing its first run would.
    const ids = [o.ownerId, o.managerId, o.coachId, o.adminId, o.peerId];
    const again = await Promise.all([
      sendBatch(h.services, o.organisationId, ids),
      sendBatch(other, o.organisationId, ids),
    ]);
    expect(again.map((r) => r.sent)).toEqual([0, 0]);
    const sent = await digestsTo(h, o.organisationId);
    expect(sent).toHaveLength(5);
    expect(new Set(sent.map((d) => d.to)).size).toBe(5);
    expect(await sendsOf(h, o.organisationId)).toHaveLength(5);
  });

  it('two batches racing for the same person claim the period once', async () => {
    const o = await digestOrg(h, 'race');
    await onlyThese(h, o, { [o.ownerId]: dueNow() });
    h.services.clock = () => NOW;
    const results = await Promise.all(
      Array.from({ length: 4 }, () => sendBatch(h.services, o.organisationId, [o.ownerId])),
    );
    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(1);
    expect(results.reduce((n, r) => n + r.failed, 0)).toBe(0);
    expect(await digestsTo(h, o.organisationId)).toHaveLength(1);
  });

  it('waits for quiet hours to end, even past midnight', async () => {
    const o = await digestOrg(h, 'quiet');
    // Wednesday 23:00 UTC, quiet from 22:00 to 07:00: sent Thursday at 07:00, for Wednesday's week.
    await onlyThese(h, o, { [o.ownerId]: dueNow({ hour: 23, quietHours: { start: 22, end: 7 } }) });
    await tick(h, new Date('2026-06-10T23:00:00Z'));
    await tick(h, new Date('2026-06-11T03:00:00Z'));
    await tick(h, new Date('2026-06-11T06:55:00Z'));
    expect(await digestsTo(h, o.organisationId)).toEqual([]);
    await tick(h, new Date('2026-06-11T07:00:00Z'));
    expect(await digestsTo(h, o.organisationId)).toHaveLength(1);
    expect(await sendsOf(h, o.organisationId)).toEqual([{ personId: o.ownerId, period: '2026-W24' }]);
  });

  it('sends nothing to someone whose digest is off, nor to someone who turns it off before it goes', async () => {
    const o = await digestOrg(h, 'off');
    await onlyThese(h, o, { [o.managerId]: dueNow() });
    await tick(h, NOW);
    expect((await digestsTo(h, o.organisationId)).map((d) => d.to)).toEqual(['manager@off.test']);
    // Due when the scan ran, off when the batch runs.
    await choose(h, o.organisationId, o.ownerId, dueNow());
    h.services.clock = () => later(7 * DAY);
    // (Other tests' organisations are due again a week later too.)
    expect((await scanDigests(h.services)).due).toBeGreaterThanOrEqual(2);
    await choose(h, o.organisationId, o.ownerId, dueNow({ frequency: 'off' }));
    while ((await h.services.jobs.runDue()) > 0) {}
    expect((await digestsTo(h, o.organisationId)).map((d) => d.to).sort()).toEqual([
      'manager@off.test',
      'manager@off.test',
    ]);
  });

  it('carries no plan text but experiment titles, in the email or in any log line', async () => {
    const o = await digestOrg(h, 'private');
    await onlyThese(h, o, { [o.ownerId]: dueNow() });
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const quiet = h.services.log;
    h.services.log = pino({ level: 'trace' }, sink);
    try {
      await tick(h, NOW);
    } finally {
      h.services.log = quiet;
    }
    const [digest] = await digestsTo(h, o.organisationId);
    const everything = [digest!.subject, digest!.text, digest!.html ?? '', JSON.stringify(digest!.headers)];
    expect(digest!.text).toContain(EXPERIMENT_TITLE);
    for (const secret of Object.values(PRIVATE)) {
      for (const part of everything) expect(part).not.toContain(secret);
    }
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(line).not.toContain(EXPERIMENT_TITLE);
      for (const secret of Object.values(PRIVATE)) expect(line).not.toContain(secret);
    }
  });

  it('the demo has digests in the outbox', async () => {
    h.services.clock = () => new Date();
    const demo = await seedDemo(h.services);
    while ((await h.services.jobs.runDue()) > 0) {}
    const sent = await digestsTo(h, demo.organisationId);
    expect(sent.map((d) => d.to).sort()).toEqual([
      'arjun.patel@northwind.example',
      'sam.taylor@northwind.example',
    ]);
    expect(
      sent.every((d) => d.status === 'outbox' && d.headers['List-Unsubscribe-Post'] === ONE_CLICK_BODY),
    ).toBe(true);
  });
});
