// Contracts of development suggestions: the ranked focus areas offered when a person starts a plan,
// and the ranked library modules offered for a pathway. Every reason is structured data (a code and
// the figures behind it), never a sentence, so the web app words it in its own language and can show
// the numbers next to the words. Shared by the server and the web app.
import { z } from 'zod';
import { PRACTICES } from '../framework/constants.ts';

const figure = z.number();

/** Others rate a capability clearly lower than the person does (the 360's own blind-spot rule). */
export const blindSpotReason = z.object({
  code: z.literal('blind-spot'),
  self: figure,
  others: figure,
  /** self − others, in scale points. */
  gap: figure,
});

/** Among the lowest-scored capabilities: in the self-assessment profile, or as others rate it. */
export const growthEdgeReason = z.object({
  code: z.literal('growth-edge'),
  source: z.enum(['self', 'others']),
  score: figure,
});

/**
 * The measured manage/lead balance is off the organisation's expectation for the person's career
 * stage; `practice` is the side to strengthen (lead when they manage more than expected).
 */
export const balanceGapReason = z.object({
  code: z.literal('balance-gap'),
  practice: z.enum(PRACTICES),
  /** Expected lead share, 0..1. */
  expected: figure,
  /** Measured lead share, 0..1, as others see it when the 360 shows it, else as the person does. */
  actual: figure,
  source: z.enum(['self', 'others']),
});

/** Others see an old behaviour often, or more often than the person does (null: no self rating). */
export const derailerSeenReason = z.object({
  code: z.literal('derailer-seen'),
  others: figure,
  self: figure.nullable(),
});

/** The person notices an old behaviour in themself often (the profile's "frequent" band). */
export const derailerNoticedReason = z.object({
  code: z.literal('derailer-noticed'),
  self: figure,
});

/** The person's team rates a climate factor low (meaning, growth, belonging). */
export const lowClimateReason = z.object({
  code: z.literal('low-climate'),
  factor: z.string(),
  score: figure,
});

export const focusReason = z.discriminatedUnion('code', [
  blindSpotReason,
  growthEdgeReason,
  balanceGapReason,
  derailerSeenReason,
  derailerNoticedReason,
  lowClimateReason,
]);
export type FocusReason = z.infer<typeof focusReason>;
export type FocusReasonCode = FocusReason['code'];

export const focusSuggestion = z.object({
  /** A capability to build, or a derailer to unlearn. */
  kind: z.enum(['capability', 'derailer']),
  capabilityKey: z.string(),
  name: z.string(),
  /** Higher ranks first; only the order is meaningful (see suggest-focus.ts for the rule). */
  score: figure,
  /** Strongest first; never empty. */
  reasons: z.array(focusReason).min(1),
});
export type FocusSuggestion = z.infer<typeof focusSuggestion>;

/** What the suggestions were computed from, so the page can say "from your 360 of 3 May". */
export const suggestionBasis = z.object({
  assessment: z.object({ id: z.uuid(), submittedAt: z.string() }).nullable(),
  feedback: z.object({ campaignId: z.uuid(), releasedAt: z.string() }).nullable(),
  careerStage: z
    .object({ key: z.string(), name: z.string(), expectedLeadShare: z.number().nullable() })
    .nullable(),
});
export type SuggestionBasis = z.infer<typeof suggestionBasis>;

/** GET /api/development/suggestions: best first; empty when there is nothing to go on yet. */
export const focusSuggestionsResponse = z.object({
  suggestions: z.array(focusSuggestion),
  basis: suggestionBasis,
});
export type FocusSuggestionsResponse = z.infer<typeof focusSuggestionsResponse>;

export const moduleReason = z.discriminatedUnion('code', [
  z.object({ code: z.literal('your-focus'), capabilityKey: z.string() }),
  z.object({ code: z.literal('growth-edge'), capabilityKey: z.string() }),
  z.object({ code: z.literal('suits-your-stage'), stage: z.string() }),
  z.object({ code: z.literal('short'), minutes: z.number().int() }),
]);
export type ModuleReason = z.infer<typeof moduleReason>;

export const moduleRecommendation = z.object({
  moduleId: z.string(),
  score: figure,
  reasons: z.array(moduleReason).min(1),
});
export type ModuleRecommendation = z.infer<typeof moduleRecommendation>;
