// The comparisons of measured change, pure: released figures as "others", a focus behaviour's
// points (its baseline 360, then the pulses that re-rated it) and first-against-latest changes.
import type { ReleasedReport } from '../../core/disclosure/index.ts';
import type { PulseComparison, PulseItemComparison } from '../feedback/pulse-report.ts';
import { othersOf } from '../feedback/report.ts';
import type { ProgressChange, ProgressPoint } from './contracts.ts';
import { measureChange, type ScaleStatistics } from './measured-change.ts';

/** A released figure: "others" and the raters behind it. */
export interface ReleasedFigure {
  score: number;
  /** Raters behind the figure: the all-raters n, or the sum of the groups' n (disjoint columns). */
  raters: number;
}

export interface FeedbackMeasurement {
  campaignId: string;
  kind: 'full' | 'pulse';
  date: Date;
  versionId: string;
  capabilities: Map<string, ReleasedFigure>;
  items: Map<string, ReleasedFigure>;
}

interface FigureSet {
  allRaters: { n: number; mean: number } | null;
  groups: ReadonlyArray<{ n: number; mean: number }>;
}

/** The "others" figure of a released item or capability; null when nothing was released. */
export function releasedFigure({ allRaters, groups }: FigureSet): ReleasedFigure | null {
  const others = othersOf(allRaters, groups);
  if (others.value === null) return null;
  const raters = allRaters ? allRaters.n : groups.reduce((sum, g) => sum + g.n, 0);
  return { score: others.value, raters };
}

/** Figures of one released report, by capability and by item. */
export function figuresOf(report: ReleasedReport) {
  const capabilities = new Map<string, ReleasedFigure>();
  for (const c of report.capabilities) {
    const figure = releasedFigure(c);
    if (figure) capabilities.set(c.capabilityId, figure);
  }
  const items = new Map<string, ReleasedFigure>();
  for (const i of report.items) {
    const figure = releasedFigure(i);
    if (figure) items.set(i.itemId, figure);
  }
  return { capabilities, items };
}

/** A change of one kind, first point against last, or null with fewer than two points. */
export function changeOf(
  points: ReadonlyArray<ProgressPoint>,
  statistics: ScaleStatistics | undefined,
  higherIsBetter: boolean,
): ProgressChange | null {
  const baseline = points[0];
  const latest = points.at(-1);
  if (!baseline || !latest || baseline === latest || !statistics) return null;
  return {
    kind: latest.kind,
    baseline,
    latest,
    ...measureChange(baseline.score, latest.score, statistics, higherIsBetter),
    reliability: statistics.reliability,
    baselineSd: statistics.sd,
  };
}

type Figure = { mean: number; n: number };

/**
 * The two figures of one behaviour that can be compared: the all-raters figures when both reports
 * released them; otherwise the mean of the group figures both released for the same groups (with a
 * manager rating, the all-raters figure is often withheld). Never one kind against the other, and
 * only released figures, so nothing here reveals more than the two reports do.
 */
export function pairedFigures(item: PulseItemComparison): { baseline: Figure; pulse: Figure } | null {
  if (item.baseline && item.pulse) return { baseline: item.baseline, pulse: item.pulse };
  const both = item.groups.filter((g) => g.baseline && g.pulse);
  if (!both.length) return null;
  const combine = (side: 'baseline' | 'pulse'): Figure => ({
    mean: both.reduce((sum, g) => sum + g[side]!.mean, 0) / both.length,
    n: both.reduce((sum, g) => sum + g[side]!.n, 0),
  });
  return { baseline: combine('baseline'), pulse: combine('pulse') };
}

/**
 * A focus behaviour's points: its figure in the latest pulse's baseline 360, then in each released
 * pulse on the same 360 (releasedPulseComparison: frozen figures only). The change compares the
 * latest pulse with that baseline. A behaviour with no comparable pair of figures is left out.
 */
export function behaviourPoints(itemKey: string, pulses: ReadonlyArray<PulseComparison>): ProgressPoint[] {
  const pairs = pulses.flatMap((p) => {
    const item = p.items.find((i) => i.itemKey === itemKey);
    const pair = item && pairedFigures(item);
    return pair ? [{ pulse: p, pair }] : [];
  });
  const latest = pairs.at(-1);
  if (!latest) return [];
  const point = (kind: '360' | 'pulse', sourceId: string, date: Date, figure: Figure): ProgressPoint => ({
    kind,
    sourceId,
    date: date.toISOString(),
    score: figure.mean,
    raters: figure.n,
  });
  return [
    point('360', latest.pulse.baselineCampaignId, latest.pulse.baselineReleasedAt, latest.pair.baseline),
    ...pairs
      .filter(({ pulse }) => pulse.baselineCampaignId === latest.pulse.baselineCampaignId)
      .map(({ pulse, pair }) => point('pulse', pulse.pulseCampaignId, pulse.pulseReleasedAt, pair.pulse)),
  ];
}
