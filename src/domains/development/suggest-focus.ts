// Ranking focus-area suggestions for a new development plan. Pure: the person's latest profile,
// their latest released 360 (only the figures the disclosure module released, as the subject reads
// them), the balance expected at their career stage and the framework go in; a ranked list with the
// reasons behind each item comes out. Suggestions, never assignments: the person may pick anything.
//
// The ranking rule. Each reason adds WEIGHT × (1 + severity), where severity (0..1) says how far the
// figure lies towards the bad end of its scale, so the kind of evidence decides the tier and the size
// of the figure orders within it; reasons about one capability add up, since agreeing evidence is
// stronger evidence. The weights put what others see and the person does not (blind spots, derailers
// seen by others: 3) first, because self-knowledge is the first building block and these are the
// gaps a person cannot find alone; then what others or the organisation observe (low team climate,
// a manage/lead balance off the stage's expectation, others' lowest ratings: 2); then what the
// person sees in themself (growth edges, derailers they notice: 1.5). Ties go by capability key.
import { BALANCE_TOLERANCE, type DerailerBand, TOP_COUNT } from '../assessments/profile.ts';
import type { Practice } from '../framework/constants.ts';
import type { FocusReason, FocusSuggestion } from './suggestion-contracts.ts';

/** A capability of the framework the person is on now (team-climate factors are not candidates). */
export interface FrameworkCapability {
  key: string;
  name: string;
  block: string;
  practice: Practice | null;
  derailer: boolean;
}

/** What is read of the latest self-assessment profile (a ProfileResponse fits as it is). */
export interface ProfileFigures {
  capabilities: ReadonlyArray<{ key: string; score: number | null; normalised: number | null }>;
  derailers: ReadonlyArray<{
    key: string;
    frequency: number | null;
    min: number;
    max: number;
    band: DerailerBand | null;
  }>;
  growthEdges: ReadonlyArray<string>;
}

interface GapFigure {
  capability: string;
  self: number;
  others: number;
  gap: number;
}

/** What is read of the latest released 360 report (a FeedbackReport fits as it is). */
export interface FeedbackFigures {
  capabilities: ReadonlyArray<{
    key: string;
    derailer: boolean;
    self: number | null;
    others: number | null;
    scale: { min: number; max: number };
  }>;
  /** The report's own lists, so a blind spot here is exactly what the report calls one. */
  blindSpots: ReadonlyArray<GapFigure>;
  derailerBlindSpots: ReadonlyArray<GapFigure>;
}

/** Lead shares (0..1): expected at the person's stage, and measured by self and by others. */
export interface BalanceFigures {
  expectedLeadShare: number | null;
  self: number | null;
  others: number | null;
}

/** Team climate as the person's direct reports rate it: factor key → mean on the scale. */
export interface ClimateFigures {
  min: number;
  max: number;
  factors: Readonly<Record<string, number>>;
}

export interface FocusInputs {
  capabilities: ReadonlyArray<FrameworkCapability>;
  profile: ProfileFigures | null;
  feedback: FeedbackFigures | null;
  balance: BalanceFigures | null;
  climate?: ClimateFigures | null;
}

export const WEIGHTS = {
  'blind-spot': 3,
  'derailer-seen': 3,
  'low-climate': 2,
  'balance-gap': 2,
  'growth-edge-others': 2,
  'growth-edge-self': 1.5,
  'derailer-noticed': 1.5,
} as const;

/** Others rate a derailer at least this far up its frequency scale ("Sometimes" on 1–5): seen. */
export const DERAILER_SEEN_FROM = 0.5;
/** A climate factor at or below the scale's midpoint is low. */
export const CLIMATE_LOW_AT = 0.5;
/** A balance gap this large (in lead share) is as severe as it gets: 25 % against 75 %. */
const BALANCE_GAP_FULL = 0.5;

/** Code-point order: the same on every machine and locale, unlike localeCompare. */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const round = (x: number, places = 2) => Math.round(x * 10 ** places) / 10 ** places;
const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
const share = (value: number, min: number, max: number) =>
  max > min ? clamp01((value - min) / (max - min)) : 0;

interface Scored {
  reason: FocusReason;
  weight: number;
}
const textOf = (s: Scored) => JSON.stringify(s.reason);

function weightOf(reason: FocusReason, severity: number): number {
  const key = reason.code === 'growth-edge' ? (`growth-edge-${reason.source}` as const) : reason.code;
  return WEIGHTS[key] * (1 + clamp01(severity));
}

/** A stable identity of a reason, so the same evidence never counts twice for one capability. */
function identity(reason: FocusReason): string {
  switch (reason.code) {
    case 'growth-edge':
    case 'balance-gap':
      return `${reason.code}:${reason.source}`;
    case 'low-climate':
      return `${reason.code}:${reason.factor}`;
    default:
      return reason.code;
  }
}

/**
 * The others-rated growth edges: the profile's rule (the lowest three not among the top three), and
 * only below the person's own average as others rate them, so that flat ratings suggest nothing.
 */
function othersGrowthEdges(feedback: FeedbackFigures) {
  const rated = feedback.capabilities
    .filter((c) => !c.derailer && c.others !== null)
    .map((c) => ({ key: c.key, others: c.others!, normalised: share(c.others!, c.scale.min, c.scale.max) }))
    // In key order, so the float sum below (and so the result) cannot depend on the input's order.
    .sort((a, b) => byText(a.key, b.key));
  const average = rated.reduce((sum, c) => sum + c.normalised, 0) / (rated.length || 1);
  const top = new Set(
    [...rated]
      .sort((a, b) => b.normalised - a.normalised || byText(a.key, b.key))
      .slice(0, TOP_COUNT)
      .map((c) => c.key),
  );
  return rated
    .filter((c) => !top.has(c.key) && c.normalised < average)
    .sort((a, b) => a.normalised - b.normalised || byText(a.key, b.key))
    .slice(0, TOP_COUNT);
}

interface Evidence {
  key: string;
  reason: FocusReason;
  severity: number;
}

/** Every piece of evidence, each about one capability of the current framework. */
function evidenceOf(inputs: FocusInputs, framework: ReadonlyMap<string, FrameworkCapability>): Evidence[] {
  const { profile, feedback, balance, climate } = inputs;
  const found: Evidence[] = [];
  const isCapability = (key: string) => framework.get(key)?.derailer === false;
  const isDerailer = (key: string) => framework.get(key)?.derailer === true;

  if (feedback) {
    const scale = new Map(feedback.capabilities.map((c) => [c.key, c]));
    for (const b of feedback.blindSpots) {
      const c = scale.get(b.capability);
      if (!isCapability(b.capability) || !c) continue;
      const reason = {
        code: 'blind-spot',
        self: round(b.self),
        others: round(b.others),
        gap: round(b.gap),
      } as const;
      const range = c.scale.max - c.scale.min;
      found.push({ key: b.capability, reason, severity: range > 0 ? b.gap / range : 1 });
    }
    const aboveSelf = new Set(feedback.derailerBlindSpots.map((d) => d.capability));
    for (const c of feedback.capabilities) {
      if (!isDerailer(c.key) || c.others === null) continue;
      const seen = share(c.others, c.scale.min, c.scale.max);
      if (seen < DERAILER_SEEN_FROM && !aboveSelf.has(c.key)) continue;
      found.push({
        key: c.key,
        reason: {
          code: 'derailer-seen',
          others: round(c.others),
          self: c.self === null ? null : round(c.self),
        },
        severity: seen,
      });
    }
    for (const c of othersGrowthEdges(feedback)) {
      if (!isCapability(c.key)) continue;
      const reason = { code: 'growth-edge', source: 'others', score: c.others } as const;
      found.push({ key: c.key, reason, severity: 1 - c.normalised });
    }
  }

  if (profile) {
    const scores = new Map(profile.capabilities.map((c) => [c.key, c]));
    for (const key of profile.growthEdges) {
      const c = scores.get(key);
      if (!isCapability(key) || c?.score == null || c.normalised === null) continue;
      const reason = { code: 'growth-edge', source: 'self', score: round(c.score) } as const;
      found.push({ key, reason, severity: 1 - c.normalised });
    }
    for (const d of profile.derailers) {
      if (!isDerailer(d.key) || d.band !== 'frequent' || d.frequency === null) continue;
      const reason = { code: 'derailer-noticed', self: round(d.frequency) } as const;
      found.push({ key: d.key, reason, severity: share(d.frequency, d.min, d.max) });
    }
  }

  // The balance others see counts over the person's own view: it is what their practice looks like.
  const measured = balance?.others ?? balance?.self ?? null;
  const expected = balance?.expectedLeadShare ?? null;
  if (measured !== null && expected !== null && Math.abs(measured - expected) > BALANCE_TOLERANCE) {
    const practice: Practice = measured < expected ? 'lead' : 'manage';
    const source = balance?.others != null ? 'others' : 'self';
    const reason = {
      code: 'balance-gap',
      practice,
      expected: round(expected),
      actual: round(measured),
      source,
    } as const;
    for (const c of framework.values()) {
      if (c.practice === practice && !c.derailer) {
        found.push({ key: c.key, reason, severity: Math.abs(measured - expected) / BALANCE_GAP_FULL });
      }
    }
  }

  // Climate is the outcome of leading ("an environment where people thrive"): a low factor points
  // at the leadership-practice capabilities, whatever the organisation has named them.
  if (climate) {
    for (const [factor, score] of Object.entries(climate.factors).sort(([a], [b]) => byText(a, b))) {
      const level = share(score, climate.min, climate.max);
      if (level > CLIMATE_LOW_AT) continue;
      for (const c of framework.values()) {
        if (c.practice !== 'lead' || c.derailer) continue;
        found.push({
          key: c.key,
          reason: { code: 'low-climate', factor, score: round(score) },
          severity: 1 - level,
        });
      }
    }
  }
  return found;
}

/** The ranked suggestions: best first, each capability once, each with at least one reason. */
export function suggestFocus(inputs: FocusInputs): FocusSuggestion[] {
  const framework = new Map(inputs.capabilities.map((c) => [c.key, c]));
  const byKey = new Map<string, Map<string, Scored>>();
  for (const { key, reason, severity } of evidenceOf(inputs, framework)) {
    const reasons = byKey.get(key) ?? new Map<string, Scored>();
    byKey.set(key, reasons);
    const id = identity(reason);
    const scored = { reason, weight: weightOf(reason, severity) };
    // Duplicated input evidence keeps its strongest copy rather than counting twice (equal ones by
    // their figures, so the input's order never shows).
    const kept = reasons.get(id);
    if (
      !kept ||
      kept.weight < scored.weight ||
      (kept.weight === scored.weight && textOf(scored) < textOf(kept))
    ) {
      reasons.set(id, scored);
    }
  }
  const suggestions: FocusSuggestion[] = [...byKey].map(([key, reasons]) => {
    const capability = framework.get(key)!;
    const ordered = [...reasons.entries()]
      .sort(([ia, a], [ib, b]) => b.weight - a.weight || byText(ia, ib))
      .map(([, s]) => s);
    return {
      kind: capability.derailer ? 'derailer' : 'capability',
      capabilityKey: key,
      name: capability.name,
      // Rounded before sorting, so the order shown always agrees with the scores shown.
      score: round(
        ordered.reduce((sum, s) => sum + s.weight, 0),
        3,
      ),
      reasons: ordered.map((s) => s.reason),
    };
  });
  return suggestions.sort((a, b) => b.score - a.score || byText(a.capabilityKey, b.capabilityKey));
}
