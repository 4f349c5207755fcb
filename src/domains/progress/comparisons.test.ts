import { describe, expect, it } from 'vitest';
import type { PulseComparison } from '../feedback/pulse-report.ts';
import { behaviourPoints, changeOf, pairedFigures, releasedFigure } from './comparisons.ts';
import type { ProgressPoint } from './contracts.ts';
import { organisationEstimate, scaleStatistics } from './measured-change.ts';

const at = (day: number) => new Date(Date.UTC(2026, 0, day));
const figure = (mean: number) => ({ mean, n: 6 });

/** A released pulse on `baseline`, with the all-raters figures of both reports per item. */
const pulse = (
  id: string,
  day: number,
  baseline: { id: string; day: number },
  items: Record<string, [number | null, number | null]>,
): PulseComparison => ({
  pulseCampaignId: id,
  baselineCampaignId: baseline.id,
  subjectId: 's',
  versionId: 'v',
  scale: { min: 1, max: 5 },
  baselineReleasedAt: at(baseline.day),
  pulseReleasedAt: at(day),
  items: Object.entries(items).map(([itemKey, [before, after]]) => ({
    itemKey,
    baseline: before === null ? null : figure(before),
    pulse: after === null ? null : figure(after),
    groups: [],
  })),
});

describe('released figures', () => {
  it('are the all-raters figure when released, else the mean of the groups shown', () => {
    expect(releasedFigure({ allRaters: { n: 7, mean: 3.4 }, groups: [{ n: 3, mean: 3 }] })).toEqual({
      score: 3.4,
      raters: 7,
    });
    expect(
      releasedFigure({
        allRaters: null,
        groups: [
          { n: 1, mean: 4 },
          { n: 3, mean: 3 },
        ],
      }),
    ).toEqual({ score: 3.5, raters: 4 });
    expect(releasedFigure({ allRaters: null, groups: [] })).toBeNull();
  });
});

describe('a focus behaviour’s points', () => {
  const first = { id: 'a', day: 1 };
  const second = { id: 'b', day: 60 };
  const p1 = pulse('p1', 30, first, { x: [3, 3.6], y: [2.5, null], z: [null, 3] });
  const p2 = pulse('p2', 45, first, { x: [3, 3.8] });
  const p3 = pulse('p3', 90, second, { x: [3.2, 4], y: [2.6, 3] });

  it('start at the latest pulse’s own baseline 360 and follow the pulses on it', () => {
    const points = (pulses: PulseComparison[]) =>
      behaviourPoints('x', pulses).map((p) => [p.kind, p.sourceId, p.score, p.raters]);
    expect(points([p1, p2])).toEqual([
      ['360', 'a', 3, 6],
      ['pulse', 'p1', 3.6, 6],
      ['pulse', 'p2', 3.8, 6],
    ]);
    // A pulse on a later 360 starts over from that 360.
    expect(points([p1, p2, p3])).toEqual([
      ['360', 'b', 3.2, 6],
      ['pulse', 'p3', 4, 6],
    ]);
  });

  it('fall back to the groups both reports released when an all-raters figure is withheld', () => {
    const g = (group: 'manager' | 'peers' | 'others', before: number | null, after: number | null) => ({
      group,
      baseline: before === null ? null : { mean: before, n: 3 },
      pulse: after === null ? null : { mean: after, n: 3 },
    });
    const item = {
      itemKey: 'x',
      baseline: null,
      pulse: figure(4),
      groups: [g('manager', 2, null), g('peers', 3, 4), g('others', 3.5, 4.5)],
    };
    // Manager released only in the 360: left out of both sides.
    expect(pairedFigures(item)).toEqual({ baseline: { mean: 3.25, n: 6 }, pulse: { mean: 4.25, n: 6 } });
    expect(pairedFigures({ ...item, groups: [g('peers', 3, null)] })).toBeNull();
    expect(pairedFigures({ ...item, baseline: figure(3) })).toEqual({
      baseline: figure(3),
      pulse: figure(4),
    });
  });

  it('leave out a behaviour either report withheld, or no pulse asked', () => {
    expect(behaviourPoints('y', [p1])).toEqual([]);
    expect(behaviourPoints('z', [p1])).toEqual([]);
    expect(behaviourPoints('w', [p1, p2, p3])).toEqual([]);
    // y withheld by p1 but released by the later p3: p3 and its own baseline count.
    expect(behaviourPoints('y', [p1, p3]).map((p) => p.sourceId)).toEqual(['b', 'p3']);
  });
});

describe('a change', () => {
  const stats = scaleStatistics(organisationEstimate([], [], { min: 1, max: 5 }), { min: 1, max: 5 });
  const point = (score: number, day: number): ProgressPoint => ({
    kind: 'self',
    sourceId: '00000000-0000-4000-8000-000000000000',
    date: new Date(Date.UTC(2026, 0, day)).toISOString(),
    score,
    raters: null,
  });

  it('needs two points and compares the first with the last', () => {
    expect(changeOf([point(3, 1)], stats, true)).toBeNull();
    const change = changeOf([point(3, 1), point(5, 2), point(4, 3)], stats, true)!;
    expect(change).toMatchObject({ difference: 1, baseline: { score: 3 }, latest: { score: 4 } });
    expect(change.reliability.source).toBe('default');
  });
});
