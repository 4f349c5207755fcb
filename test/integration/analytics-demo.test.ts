// The demo's analytics: seeding decides this month's snapshot, so `npm start` shows figures, and a
// demo team leader sees their own line.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { funnel, heatmap } from '../../src/domains/analytics/contracts.ts';
import { testDatabaseKinds } from '../support/databases.ts';
import { Client, type Harness, seedDemo, startHarness } from '../support/harness.ts';
import { json } from './feedback-support.ts';

describe.each(testDatabaseKinds())('analytics demo on %s', (kind) => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness(kind);
    await seedDemo(h.services);
  });
  afterAll(() => h.close());

  it('shows the admin released scores for the organisation this month', async () => {
    const admin = new Client(h.app);
    expect((await admin.signIn('amara.okafor@northwind.example', 'lodestar-demo')).status).toBe(200);
    const page = heatmap.parse(await json(await admin.get('/api/analytics/heatmap'), 200));
    expect(page.period).toBe(h.services.clock().toISOString().slice(0, 7));
    const total = page.rows.find((r) => r.team === null && r.stage === null)!;
    expect(total.people).toBeGreaterThan(10);
    expect(total.cells.filter((c) => c !== null).length).toBeGreaterThan(0);
    const f = funnel.parse(await json(await admin.get('/api/analytics/funnel'), 200));
    expect(f.steps[0]!.count).not.toBeNull();
  });
});
