// The demo organisation's measured change: Sam Taylor's re-assessments show a reliable improvement
// on one capability and no reliable change on others, with the organisation's own reliability
// (the demo has more than 30 self-assessments); someone without a retake has nothing to compare.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEmail } from '../../src/demo/seed-demo.ts';
import type { ProgressResponse } from '../../src/domains/progress/contracts.ts';
import { testDatabaseKinds } from '../support/databases.ts';
import { Client, type Harness, seedDemo, startHarness } from '../support/harness.ts';
import { json } from './feedback-support.ts';

describe.each(testDatabaseKinds())('measured change in the demo on %s', (kind) => {
  let h: Harness;
  const progressOf = async (email: string) => {
    const c = new Client(h.app);
    expect((await c.signIn(email, 'lodestar-demo')).status).toBe(200);
    return json<ProgressResponse>(await c.get('/api/progress'), 200);
  };

  beforeAll(async () => {
    h = await startHarness(kind);
    await seedDemo(h.services);
  }, 120_000);
  afterAll(() => h.close());

  it('Sam: a reliable improvement on one capability, no reliable change on others', async () => {
    const sam = await progressOf('sam.taylor@northwind.example');
    const self = sam.capabilities.flatMap((c) =>
      c.changes.filter((x) => x.kind === 'self').map((x) => [c.key, x] as const),
    );
    const improved = self.filter(([, x]) => x.label === 'improved').map(([key]) => key);
    expect(improved).toEqual(['building-relationships']);
    expect(self.filter(([, x]) => x.label === 'no-reliable-change').length).toBeGreaterThan(10);
    for (const [, x] of self) {
      expect(x.reliability).toMatchObject({ source: 'organisation', basis: 'alpha' });
      expect(x.reliability.n).toBeGreaterThanOrEqual(30);
    }
    expect(sam.experiments.length).toBeGreaterThan(0);
  });

  it('Sam: his pulse’s behaviours against the 360 before it, with the Spearman–Brown default', async () => {
    const sam = await progressOf('sam.taylor@northwind.example');
    const behaviours = sam.capabilities.flatMap((c) => c.behaviours);
    expect(behaviours.length).toBeGreaterThanOrEqual(3);
    for (const b of behaviours) {
      expect(b.points.map((p) => p.kind)).toEqual(['360', 'pulse']);
      expect(b.change!.reliability).toMatchObject({ source: 'default', basis: 'spearman-brown' });
      // Fewer than 30 released 360s in the demo: the default, and the organisation's n stated.
      expect(b.change!.reliability.n).toBeLessThan(30);
    }
    // The demo promises one behaviour that changed reliably and others that did not.
    const labels = behaviours.map((b) => `${b.key}:${b.change!.label}`);
    expect(labels.filter((l) => l.endsWith(':improved')).length, labels.join(' ')).toBeGreaterThanOrEqual(1);
    expect(
      labels.filter((l) => l.endsWith(':no-reliable-change')).length,
      labels.join(' '),
    ).toBeGreaterThanOrEqual(1);
  });

  it('someone who took the assessment once has points but nothing to compare', async () => {
    const once = await progressOf(demoEmail('Lucía Romero'));
    expect(once.capabilities.length).toBeGreaterThan(0);
    expect(once.capabilities.every((c) => c.points.length === 1)).toBe(true);
    expect(once.capabilities.flatMap((c) => c.changes)).toEqual([]);
  });

  it('someone half-way through their first has nothing at all', async () => {
    const none = await progressOf(demoEmail('Freya Larsen'));
    expect(none.capabilities).toEqual([]);
  });
});
