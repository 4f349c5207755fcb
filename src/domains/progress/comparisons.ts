// The comparisons of measured change, pure: released figures as "others", a focus behaviour's
// points (its baseline 360, then the pulses that re-rated it) and first-against-latest changes.
import type { ReleasedReport } from '../../core/disclosure/index.ts';
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
  /** A pulse's baseline 360 and the behaviours it re-rated; null and [] for a full 360. */
  baselineCampaignId: string | null;
  itemKeys: string[];
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

/**
 * A focus behaviour's points: each released pulse that re-rated it, after the item's figure in that
 * pulse's baseline 360. The change compares the latest pulse with its own baseline, so the baseline
 * shown is the one of the latest pulse (earlier pulses on an older 360 stay on the timeline).
 */
export function behaviourPoints(
  itemKey: string,
  pulses: ReadonlyArray<FeedbackMeasurement>,
  byId: ReadonlyMap<string, FeedbackMeasurement>,
): ProgressPoint[] {
  const asked = pulses.filter((p) => p.itemKeys.includes(itemKey) && p.items.has(itemKey));
  const latest = asked.at(-1);
  const baseline = latest?.baselineCampaignId ? byId.get(latest.baselineCampaignId) : undefined;
  const baselineFigure = baseline?.items.get(itemKey);
  if (!latest || !baseline || !baselineFigure) return [];
  const point = (m: FeedbackMeasurement, kind: '360' | 'pulse'): ProgressPoint => ({
    kind,
    sourceId: m.campaignId,
    date: m.date.toISOString(),
    ...m.items.get(itemKey)!,
  });
  return [
    point(baseline, '360'),
    ...asked.filter((p) => p.date >= baseline.date).map((p) => point(p, 'pulse')),
  ];
}
