// Measured change for one person, the rules in one pure file: where the reliability and the
// baseline SD of a scale come from (the organisation's own data from n = 30, otherwise a documented
// default: docs/decisions/0018-measured-change.md), and how a reliable change index becomes
// "improved", "no reliable change" or "declined" once we know which way is better.
import {
  type ChangeDirection,
  PsychometricsError,
  type Response,
  reliabilityReport,
  reliableChangeIndex,
  type ScaleKey,
  spearmanBrown,
} from '../../core/psychometrics/index.ts';

/** Fewest complete responses from which the organisation's own alpha and SD are used. */
export const MIN_ORGANISATION_RESPONSES = 30;
/** Reliability of a multi-item scale when the organisation's data cannot give one. */
export const DEFAULT_RELIABILITY = 0.8;
/** Baseline SD, as a share of the scale's range (max − min), when the organisation's cannot be used. */
export const DEFAULT_SD_SHARE_OF_RANGE = 0.2;

export type ChangeLabel = 'improved' | 'no-reliable-change' | 'declined';
export type FigureSource = 'organisation' | 'default';

export interface ScaleRange {
  min: number;
  max: number;
}

/** What the organisation's responses say about one scale (one response per person). */
export interface OrganisationEstimate {
  /** Complete responses: every item of the scale answered. */
  n: number;
  /** Items of the scale. */
  items: number;
  /** Cronbach's alpha; null below the minimum n or when it cannot be computed. */
  alpha: number | null;
  /** SD of the scale score (item mean); null likewise. */
  sd: number | null;
  /** SD of each item's (scored) answers, in the order of the keys; empty when not computed. */
  itemSds: number[];
  /** Why the organisation's figures are not used, if they are not. */
  reason: string | null;
}

export interface Reliability {
  value: number;
  source: FigureSource;
  /** The organisation's complete responses for this scale (whichever source was used). */
  n: number;
  /** alpha of the scale, or the Spearman–Brown share of it for one of its items. */
  basis: 'alpha' | 'spearman-brown';
  /** Why the default was used; null when the organisation's figure was. */
  reason: string | null;
}

export interface BaselineSd {
  value: number;
  source: FigureSource;
  n: number;
}

export interface ScaleStatistics {
  reliability: Reliability;
  sd: BaselineSd;
}

/**
 * Alpha and SD of a scale over the organisation's responses, one row per person. Only complete
 * rows count (as psych::alpha on complete cases); answers are raw, reverse-keyed items are scored
 * as max + min − x by the keys.
 */
export function organisationEstimate(
  rows: ReadonlyArray<ReadonlyArray<Response>>,
  keys: ReadonlyArray<ScaleKey>,
  range: ScaleRange,
): OrganisationEstimate {
  const complete = rows.filter(
    (row) => row.length === keys.length && row.every((v) => typeof v === 'number' && Number.isFinite(v)),
  );
  const base = { n: complete.length, items: keys.length, alpha: null, sd: null, itemSds: [] };
  if (complete.length < MIN_ORGANISATION_RESPONSES) {
    return {
      ...base,
      reason: `n = ${complete.length} complete responses in the organisation, below ${MIN_ORGANISATION_RESPONSES}`,
    };
  }
  if (keys.length < 2) return { ...base, reason: 'a single item has no alpha' };
  try {
    const report = reliabilityReport(complete, { keys, min: range.min, max: range.max });
    if (!(report.raw_alpha >= 0 && report.raw_alpha < 1)) {
      return { ...base, reason: `the organisation's alpha (${report.raw_alpha.toFixed(2)}) is not usable` };
    }
    if (!(report.sd > 0)) return { ...base, reason: 'every complete response has the same score' };
    return {
      ...base,
      alpha: report.raw_alpha,
      sd: report.sd,
      itemSds: report.items.map((item) => item.sd),
      reason: null,
    };
  } catch (err) {
    if (!(err instanceof PsychometricsError)) throw err;
    return { ...base, reason: err.message };
  }
}

const defaultSd = (range: ScaleRange) => DEFAULT_SD_SHARE_OF_RANGE * (range.max - range.min);

/**
 * The organisation's figures are used as reported, to two decimals: alpha and an SD change by less
 * than that when one more response arrives, so comparing them (or an RCI) before and after someone's
 * submission tells little about that person's answers, and the RCI moves by well under 1 %.
 */
export const asReported = (x: number) => Math.round(x * 100) / 100;

/** Reliability and baseline SD of a whole scale: the organisation's when it has them, else the defaults. */
export function scaleStatistics(estimate: OrganisationEstimate, range: ScaleRange): ScaleStatistics {
  const { n } = estimate;
  if (
    estimate.alpha !== null &&
    estimate.sd !== null &&
    asReported(estimate.alpha) < 1 &&
    asReported(estimate.sd) > 0
  ) {
    return {
      reliability: {
        value: asReported(estimate.alpha),
        source: 'organisation',
        n,
        basis: 'alpha',
        reason: null,
      },
      sd: { value: asReported(estimate.sd), source: 'organisation', n },
    };
  }
  return {
    reliability: {
      value: DEFAULT_RELIABILITY,
      source: 'default',
      n,
      basis: 'alpha',
      reason: estimate.reason,
    },
    sd: { value: defaultSd(range), source: 'default', n },
  };
}

/**
 * Reliability and baseline SD of one item of a scale, a behaviour re-rated on its own: the
 * Spearman–Brown share of the scale's reliability (organisation's or default) for 1 of its k items,
 * and the item's own SD in the organisation (or the default SD).
 */
export function itemStatistics(
  estimate: OrganisationEstimate,
  itemIndex: number,
  range: ScaleRange,
): ScaleStatistics {
  const scale = scaleStatistics(estimate, range);
  const k = Math.max(1, estimate.items);
  const reliability: Reliability = {
    ...scale.reliability,
    value: spearmanBrown(scale.reliability.value, 1 / k),
    basis: 'spearman-brown',
  };
  const itemSd = estimate.itemSds[itemIndex];
  const sd: BaselineSd =
    scale.sd.source === 'organisation' && itemSd !== undefined && asReported(itemSd) > 0
      ? { value: asReported(itemSd), source: 'organisation', n: estimate.n }
      : { value: defaultSd(range), source: 'default', n: estimate.n };
  return { reliability, sd };
}

/** Capabilities: higher is better. Derailers (how often an old behaviour is seen): lower is better. */
export function changeLabel(direction: ChangeDirection, higherIsBetter: boolean): ChangeLabel {
  if (direction === 'none') return 'no-reliable-change';
  return (direction === 'increase') === higherIsBetter ? 'improved' : 'declined';
}

export interface MeasuredChange {
  difference: number;
  standardError: number;
  sDiff: number;
  rci: number;
  label: ChangeLabel;
}

/** Jacobson–Truax change from `baseline` to `latest` with the statistics chosen for the scale. */
export function measureChange(
  baseline: number,
  latest: number,
  statistics: ScaleStatistics,
  higherIsBetter: boolean,
): MeasuredChange {
  const change = reliableChangeIndex(baseline, latest, {
    sdBefore: statistics.sd.value,
    reliability: statistics.reliability.value,
  });
  return {
    difference: change.difference,
    standardError: change.standardError,
    sDiff: change.sDiff,
    rci: change.rci,
    label: changeLabel(change.direction, higherIsBetter),
  };
}
