// Scoring a self-assessment into a leadership profile. Pure: the definition of the version the
// person answered, their answers and the expectation for their career stage go in; numbers and
// plain-language explanations come out. No I/O, so it is unit-tested exhaustively and any old
// result can be re-scored against its own version at any time.
import { scaleScore } from '../../core/psychometrics/index.ts';
import type { BlockKind, Practice } from '../framework/constants.ts';
import type { BlockDefinition, CapabilityDefinition, FrameworkDefinition } from '../framework/definition.ts';
import { responseScaleOf, selfAssessedCapabilities } from '../framework/definition.ts';

/** Answers by item key; null is "can't say". An item absent from the map was not answered. */
export type Answers = ReadonlyMap<string, number | null>;

export const TOP_COUNT = 3;

/**
 * The manage/lead balance, precisely. Each practice's emphasis is the mean, over its scored
 * capabilities, of (score − min) / (max − min): how far above "not at all" the person rates that
 * practice, from 0 to 1. The lead share is lead emphasis / (manage emphasis + lead emphasis).
 * Measuring from the scale's floor, rather than dividing raw means, lets the share span 0–100 %:
 * raw 1–5 means would confine it to 17–83 % and squeeze every stage towards 50 %.
 */
export const BALANCE_DEFINITION =
  'Lead share = leading emphasis ÷ (managing emphasis + leading emphasis), where a practice’s emphasis is ' +
  'the mean over its capabilities of (score − scale minimum) ÷ (scale maximum − scale minimum). ' +
  '0 % is all managing (“doing things right”), 100 % all leading (“doing the right things”).';

/** Gaps within this distance of the expectation count as "about as expected". */
export const BALANCE_TOLERANCE = 0.05;

export type CapabilityBand = 'strength' | 'solid' | 'growing';
export type DerailerBand = 'rare' | 'occasional' | 'frequent';

export interface CapabilityScore {
  key: string;
  name: string;
  block: string;
  description: string;
  explanation: string;
  practice: Practice | null;
  /** Mean of the answered items (reverse-keyed ones as max + min − x); null below half answered. */
  score: number | null;
  /** (score − min) / (max − min), for comparing capabilities on different scales. */
  normalised: number | null;
  min: number;
  max: number;
  /** Items answered with a value ("can't say" is not counted). */
  answered: number;
  /** Items asked (not retired). */
  itemCount: number;
  band: CapabilityBand | null;
  interpretation: string;
}

export interface DerailerScore {
  key: string;
  name: string;
  description: string;
  explanation: string;
  /** Mean frequency on the scale (e.g. 1 Never … 5 Almost always); higher means seen more often. */
  frequency: number | null;
  /** The scale label nearest the mean, e.g. "Sometimes". */
  frequencyLabel: string | null;
  min: number;
  max: number;
  answered: number;
  itemCount: number;
  band: DerailerBand | null;
  interpretation: string;
}

export interface BlockScore {
  key: string;
  name: string;
  kind: BlockKind;
  description: string;
  /** Mean of its capability scores (on the first capability's scale); null below half scored. */
  score: number | null;
  min: number;
  max: number;
  capabilities: string[];
}

export interface BalanceComparison {
  /** Emphasis on managing, 0..1; null if no managing capability was scored. */
  manage: number | null;
  lead: number | null;
  /** lead / (manage + lead); null when either is missing or both are 0. */
  leadShare: number | null;
  expectedLeadShare: number | null;
  /** leadShare − expectedLeadShare. */
  gap: number | null;
  verdict: 'more-managing' | 'as-expected' | 'more-leading' | null;
  summary: string;
  definition: string;
}

export interface LeadershipProfile {
  blocks: BlockScore[];
  capabilities: CapabilityScore[];
  /** Keys of the highest-scored capabilities (derailers excluded), best first. */
  strengths: string[];
  /** Keys of the lowest-scored capabilities not already strengths, lowest first. */
  growthEdges: string[];
  derailers: DerailerScore[];
  balance: BalanceComparison;
}

export interface StageExpectation {
  stageName: string;
  leadShare: number;
}

interface ScaleBounds {
  min: number;
  max: number;
  labels: string[];
}

function boundsOf(definition: FrameworkDefinition, capability: CapabilityDefinition): ScaleBounds {
  const scale = responseScaleOf(definition, capability);
  return { min: 1, max: scale.labels.length, labels: scale.labels };
}

function scoreCapability(capability: CapabilityDefinition, bounds: ScaleBounds, answers: Answers) {
  const asked = capability.items.filter((item) => !item.retired);
  const responses = asked.map((item) => answers.get(item.key) ?? null);
  const score = scaleScore(responses, {
    reversed: asked.map((item) => item.reversed),
    min: bounds.min,
    max: bounds.max,
  });
  return {
    score,
    normalised: score === null ? null : (score - bounds.min) / (bounds.max - bounds.min),
    answered: responses.filter((v) => v !== null).length,
    itemCount: asked.length,
  };
}

function capabilityBand(normalised: number | null): CapabilityBand | null {
  if (normalised === null) return null;
  if (normalised >= 0.75) return 'strength';
  if (normalised >= 0.5) return 'solid';
  return 'growing';
}

const NOT_ENOUGH = 'Not enough answers to score this: fewer than half of its questions were answered.';

const CAPABILITY_TEXT: Record<CapabilityBand, string> = {
  strength: 'You see this as a clear strength.',
  solid: 'You see this as a solid part of how you work, with room to make it a strength.',
  growing: 'You see room to grow here; it could be a rewarding focus for your development.',
};

function derailerBand(normalised: number | null): DerailerBand | null {
  if (normalised === null) return null;
  // Bands follow the frequency labels: up to "Rarely" is rare, up to "Sometimes" occasional,
  // beyond it (towards "Often") frequent — so the wording never contradicts the label shown.
  if (normalised <= 0.25) return 'rare';
  if (normalised <= 0.5) return 'occasional';
  return 'frequent';
}

const DERAILER_TEXT: Record<DerailerBand, string> = {
  rare: 'You rarely notice this in yourself.',
  occasional: 'It shows up now and then; watch for it when you are under pressure.',
  frequent: 'You notice this often: a good candidate for unlearning in your development plan.',
};

function mean(values: number[]): number | null {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

export function compareBalance(
  manage: number | null,
  lead: number | null,
  expectation: StageExpectation | null,
): BalanceComparison {
  const leadShare = manage !== null && lead !== null && manage + lead > 0 ? lead / (manage + lead) : null;
  const expected = expectation?.leadShare ?? null;
  const gap = leadShare !== null && expected !== null ? leadShare - expected : null;
  const verdict =
    gap === null
      ? null
      : Math.abs(gap) <= BALANCE_TOLERANCE
        ? 'as-expected'
        : gap < 0
          ? 'more-managing'
          : 'more-leading';
  let summary: string;
  if (leadShare === null) {
    summary = 'Not enough answers about managing and leading to work out your balance.';
  } else {
    summary =
      `Your answers put ${percent(leadShare)} of your practice on leading (doing the right things) and ` +
      `${percent(1 - leadShare)} on managing (doing things right).`;
    if (expectation && verdict) {
      const expectedText = `At ${expectation.stageName} your organisation expects about ${percent(expectation.leadShare)} leading`;
      summary +=
        verdict === 'as-expected'
          ? ` ${expectedText}, so your balance is about where it expects.`
          : verdict === 'more-managing'
            ? ` ${expectedText}, so you lean more towards managing than expected.`
            : ` ${expectedText}, so you lean more towards leading than expected.`;
    } else {
      summary += ' Your organisation has not set an expected balance for your career stage.';
    }
  }
  return {
    manage,
    lead,
    leadShare,
    expectedLeadShare: expected,
    gap,
    verdict,
    summary,
    definition: BALANCE_DEFINITION,
  };
}

function scoreBlock(block: BlockDefinition, scores: CapabilityScore[]): BlockScore {
  const members = scores.filter((c) => c.block === block.key);
  const first = members[0];
  const min = first?.min ?? 1;
  const max = first?.max ?? 5;
  // Capabilities on another scale are mapped linearly onto the first one's before averaging.
  const onCommonScale = members
    .filter((c) => c.normalised !== null)
    .map((c) => min + c.normalised! * (max - min));
  const needed = Math.ceil(members.length / 2);
  return {
    key: block.key,
    name: block.name,
    kind: block.kind,
    description: block.description,
    score: members.length > 0 && onCommonScale.length >= needed ? mean(onCommonScale) : null,
    min,
    max,
    capabilities: members.map((c) => c.key),
  };
}

/** Scores one submitted self-assessment against the version it was taken on. */
export function scoreProfile(
  definition: FrameworkDefinition,
  answers: Answers,
  expectation: StageExpectation | null,
): LeadershipProfile {
  const capabilities: CapabilityScore[] = [];
  const derailers: DerailerScore[] = [];
  for (const capability of selfAssessedCapabilities(definition)) {
    const bounds = boundsOf(definition, capability);
    const scored = scoreCapability(capability, bounds, answers);
    const common = {
      key: capability.key,
      name: capability.name,
      description: capability.description,
      explanation: capability.explanation,
      min: bounds.min,
      max: bounds.max,
      answered: scored.answered,
      itemCount: scored.itemCount,
    };
    if (capability.derailer) {
      const band = derailerBand(scored.normalised);
      derailers.push({
        ...common,
        frequency: scored.score,
        frequencyLabel: scored.score === null ? null : bounds.labels[Math.round(scored.score) - bounds.min]!,
        band,
        interpretation: band ? DERAILER_TEXT[band] : NOT_ENOUGH,
      });
    } else {
      const band = capabilityBand(scored.normalised);
      capabilities.push({
        ...common,
        block: capability.block,
        practice: capability.practice,
        score: scored.score,
        normalised: scored.normalised,
        band,
        interpretation: band ? CAPABILITY_TEXT[band] : NOT_ENOUGH,
      });
    }
  }

  // Stable sorts: ties keep the framework's order, so the same answers always give the same lists.
  const ranked = capabilities.filter((c) => c.normalised !== null);
  const strengths = [...ranked].sort((a, b) => b.normalised! - a.normalised!).slice(0, TOP_COUNT);
  const growthEdges = [...ranked]
    .filter((c) => !strengths.includes(c))
    .sort((a, b) => a.normalised! - b.normalised!)
    .slice(0, TOP_COUNT);

  const emphasis = (practice: Practice) =>
    mean(
      capabilities.filter((c) => c.practice === practice && c.normalised !== null).map((c) => c.normalised!),
    );

  const scoredBlockKinds = new Set<BlockKind>(['building-block', 'practice', 'values']);
  return {
    blocks: definition.blocks
      .filter((b) => scoredBlockKinds.has(b.kind))
      .map((b) => scoreBlock(b, capabilities)),
    capabilities,
    strengths: strengths.map((c) => c.key),
    growthEdges: growthEdges.map((c) => c.key),
    derailers,
    balance: compareBalance(emphasis('manage'), emphasis('lead'), expectation),
  };
}
