// The demo's programmes: early career about to start, first-time managers half-way with its past
// steps launched, senior leaders ended with alumni; the dashboards answer through disclosure
// control, and the launcher has nothing of the past left to send.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchAllDue } from '../../src/domains/programmes/jobs.ts';
import { testDatabaseKinds } from '../support/databases.ts';
import { Client, type Harness, seedDemo, startHarness } from '../support/harness.ts';
import { json } from './programmes-support.ts';

type Summary = { id: string; template: string; phase: string; enrolled: number };

describe.each(testDatabaseKinds())('programmes demo on %s', (kind) => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness(kind);
    await seedDemo(h.services);
  });
  afterAll(() => h.close());

  it('has three programmes at three points, with past steps launched and alumni', async () => {
    const admin = new Client(h.app);
    expect((await admin.signIn('amara.okafor@northwind.example', 'lodestar-demo')).status).toBe(200);
    const list = await json<Summary[]>(await admin.get('/api/admin/programmes'), 200);
    expect(list.map((p) => [p.template, p.phase])).toEqual([
      ['early-career', 'upcoming'],
      ['first-time-managers', 'running'],
      ['senior-leaders', 'ended'],
    ]);
    expect(list.every((p) => p.enrolled > 0)).toBe(true);

    const midway = await json<{ steps: { status: string; launched: number }[] }>(
      await admin.get(`/api/admin/programmes/${list[1]!.id}`),
      200,
    );
    expect(midway.steps.map((s) => s.status)).toEqual([
      'launched',
      'launched',
      'launched',
      'launched',
      'scheduled',
      'scheduled',
    ]);
    const ended = await json<{ status: string }[]>(
      await admin.get(`/api/admin/programmes/${list[2]!.id}/enrolments`),
      200,
    );
    expect(new Set(ended.map((e) => e.status))).toEqual(new Set(['alumni']));
    const dashboard = await json<{ alumni: unknown[] | null; enrolled: number | null }>(
      await admin.get(`/api/admin/programmes/${list[2]!.id}/dashboard?byTeam=true`),
      200,
    );
    expect(dashboard.alumni).toHaveLength(3);
    expect(await launchAllDue(h.services)).toBe(0);
  });
});
