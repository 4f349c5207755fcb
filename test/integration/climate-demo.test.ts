// The demo's team climate: the schedule on (quarterly), two closed rounds; Arjun Patel (Sam's
// manager) sees his direct reports' view with figures in both rounds and his growth average up;
// the Executive Office, too small, is withheld; a participant without reports sees no view.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClimateResults, ClimateSettings } from '../../src/domains/climate/contracts.ts';
import { testDatabaseKinds } from '../support/databases.ts';
import { Client, type Harness, seedDemo, startHarness } from '../support/harness.ts';
import { json } from './feedback-support.ts';

describe.each(testDatabaseKinds())('team climate in the demo on %s', (kind) => {
  let h: Harness;
  const as = async (email: string) => {
    const c = new Client(h.app);
    expect((await c.signIn(email, 'lodestar-demo')).status).toBe(200);
    return c;
  };

  beforeAll(async () => {
    h = await startHarness(kind);
    await seedDemo(h.services);
  }, 180_000);
  afterAll(() => h.close());

  it('has the schedule on and two closed rounds, with a small team withheld', async () => {
    const admin = await as('amara.okafor@northwind.example');
    const settings = await json<ClimateSettings>(await admin.get('/api/admin/climate/settings'), 200);
    expect(settings.intervalWeeks).toBe(13);
    const r = await json<ClimateResults>(await admin.get('/api/climate/results'), 200);
    expect(r.rounds).toHaveLength(2);
    const org = r.views.find((v) => v.key === 'organisation')!;
    expect(org.rounds.every((x) => x.released)).toBe(true);
    // Its own members (the demo may nest the other teams under it, which then have their own views).
    const exec = r.views.find((v) => v.kind === 'team' && v.label.startsWith('Executive Office'))!;
    expect(exec.rounds.every((x) => !x.released && x.n === undefined)).toBe(true);
    expect(
      r.views.filter((v) => v.kind === 'team' && v.rounds.some((x) => x.released)).length,
    ).toBeGreaterThan(2);
  });

  it('shows Arjun his reports in both rounds, growth up; Sam sees no view', async () => {
    const r = await json<ClimateResults>(
      await (await as('arjun.patel@northwind.example')).get('/api/climate/results'),
      200,
    );
    const mine = r.views.find((v) => v.kind === 'leader')!;
    expect(mine.rounds).toHaveLength(2);
    expect(mine.rounds.every((x) => x.released)).toBe(true);
    const growth = mine.rounds.map((x) => x.factors!.find((f) => f.key === 'growth')!.mean);
    expect(growth[1]!).toBeGreaterThan(growth[0]!);
    const sam = await json<ClimateResults>(
      await (await as('sam.taylor@northwind.example')).get('/api/climate/results'),
      200,
    );
    expect(sam.views).toEqual([]);
  });
});
