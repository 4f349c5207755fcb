// Self-assessment API contracts, shared by the server and the web app.
import { z } from 'zod';
import { idParams } from '../../platform/http/params.ts';
import { BLOCK_KINDS, PRACTICES } from '../framework/constants.ts';
import { definitionKey, MAX_SCALE_POINTS } from '../framework/definition.ts';
import { ASSESSMENT_STATUSES } from './constants.ts';

export const MAX_ANSWERS_PER_REQUEST = 500;

export const responseOption = z.object({ value: z.number().int(), label: z.string() });

export const formResponseScale = z.object({
  key: z.string(),
  min: z.number().int(),
  max: z.number().int(),
  /** One option per value, lowest first. */
  options: z.array(responseOption),
  /** Label of the "can't say" option; choosing it saves the answer as null. */
  cantSay: z.string(),
});

export const formPage = z.object({
  capability: z.object({ key: z.string(), name: z.string(), description: z.string() }),
  block: z.object({ key: z.string(), name: z.string() }),
  /** Key into `responseScales`. */
  responseScale: z.string(),
  /** In self wording ("I …"). */
  items: z.array(z.object({ key: z.string(), text: z.string() })),
});

export const progress = z.object({
  /** Items answered, "can't say" included. */
  answered: z.number().int(),
  total: z.number().int(),
});

export const assessmentForm = z.object({
  id: z.uuid(),
  status: z.enum(ASSESSMENT_STATUSES),
  version: z.object({ id: z.uuid(), number: z.number().int(), name: z.string() }),
  startedAt: z.string(),
  updatedAt: z.string(),
  submittedAt: z.string().nullable(),
  responseScales: z.array(formResponseScale),
  /** One page per capability, in the framework's order. */
  pages: z.array(formPage),
  /** Answers so far by item key; null is "can't say". */
  answers: z.record(z.string(), z.number().int().nullable()),
  progress,
});
export type AssessmentForm = z.infer<typeof assessmentForm>;

const onAScale = `must be a whole number on the item’s scale (from 1, at most ${MAX_SCALE_POINTS}), or null for “can’t say”`;

/** One answer; the exact range of the item's own scale is checked against its version. */
export const answerInput = z.object({
  item: definitionKey,
  value: z
    .number({ error: onAScale })
    .int(onAScale)
    .min(1, onAScale)
    .max(MAX_SCALE_POINTS, onAScale)
    .nullable(),
});
export type AnswerInput = z.infer<typeof answerInput>;

const answerList = z
  .array(answerInput)
  .max(MAX_ANSWERS_PER_REQUEST, `must have at most ${MAX_ANSWERS_PER_REQUEST} answers`);

export const saveAnswersRequest = z.object({ answers: answerList.min(1, 'needs at least one answer') });
export const saveAnswersResponse = z.object({ progress, updatedAt: z.string() });

/** Final answers may come with the submit, so a last page needs no separate save. */
export const submitRequest = z.object({ answers: answerList.default([]) });

const score = z.number().nullable();

export const capabilityScore = z.object({
  key: z.string(),
  name: z.string(),
  block: z.string(),
  description: z.string(),
  explanation: z.string(),
  practice: z.enum(PRACTICES).nullable(),
  score,
  normalised: score,
  min: z.number(),
  max: z.number(),
  answered: z.number().int(),
  itemCount: z.number().int(),
  band: z.enum(['strength', 'solid', 'growing']).nullable(),
  interpretation: z.string(),
});

export const derailerScore = z.object({
  key: z.string(),
  name: z.string(),
  description: z.string(),
  explanation: z.string(),
  frequency: score,
  frequencyLabel: z.string().nullable(),
  min: z.number(),
  max: z.number(),
  answered: z.number().int(),
  itemCount: z.number().int(),
  band: z.enum(['rare', 'occasional', 'frequent']).nullable(),
  interpretation: z.string(),
});

export const blockScore = z.object({
  key: z.string(),
  name: z.string(),
  kind: z.enum(BLOCK_KINDS),
  description: z.string(),
  score,
  min: z.number(),
  max: z.number(),
  capabilities: z.array(z.string()),
});

export const balance = z.object({
  manage: score,
  lead: score,
  leadShare: score,
  expectedLeadShare: score,
  gap: score,
  verdict: z.enum(['more-managing', 'as-expected', 'more-leading']).nullable(),
  summary: z.string(),
  /** How the figures are computed, in words. */
  definition: z.string(),
});

export const profileResponse = z.object({
  assessmentId: z.uuid(),
  version: z.object({ id: z.uuid(), number: z.number().int(), name: z.string() }),
  submittedAt: z.string(),
  careerStage: z.object({ key: z.string(), name: z.string() }).nullable(),
  blocks: z.array(blockScore),
  capabilities: z.array(capabilityScore),
  strengths: z.array(z.string()),
  growthEdges: z.array(z.string()),
  derailers: z.array(derailerScore),
  balance,
});
export type ProfileResponse = z.infer<typeof profileResponse>;

export const historyEntry = z.object({
  id: z.uuid(),
  status: z.enum(ASSESSMENT_STATUSES),
  version: z.object({ id: z.uuid(), number: z.number().int() }),
  startedAt: z.string(),
  submittedAt: z.string().nullable(),
  progress,
  /** For submitted assessments: scores by key, for charts across retakes (keys are stable across versions). */
  scores: z
    .object({
      blocks: z.array(
        z.object({ key: z.string(), name: z.string(), score, min: z.number(), max: z.number() }),
      ),
      capabilities: z.array(
        z.object({ key: z.string(), name: z.string(), score, min: z.number(), max: z.number() }),
      ),
      derailers: z.array(z.object({ key: z.string(), name: z.string(), frequency: score })),
      leadShare: score,
      expectedLeadShare: score,
    })
    .nullable(),
});
export const history = z.object({ items: z.array(historyEntry) });
export type History = z.infer<typeof history>;

/**
 * Another person's self-assessments as status only (for their person page): never answers,
 * scores or profile, which stay the person's own.
 */
export const personAssessments = z.object({
  items: z.array(
    historyEntry.pick({
      id: true,
      status: true,
      version: true,
      startedAt: true,
      submittedAt: true,
      progress: true,
    }),
  ),
});
export type PersonAssessments = z.infer<typeof personAssessments>;

export const stageBalance = z.object({
  stage: z.object({ id: z.uuid(), key: z.string(), name: z.string(), position: z.number().int() }),
  /** Expected share of leading at this stage, 0..1; null when not set. */
  leadShare: z.number().nullable(),
});
export const stageBalanceList = z.array(stageBalance);
export type StageBalanceList = z.infer<typeof stageBalanceList>;

export const stageBalanceUpdate = z.object({
  stages: z
    .array(
      z.object({
        stageId: z.uuid('must be a career stage id'),
        leadShare: z
          .number({ error: 'must be a number from 0 to 1, or null' })
          .min(0, 'must be at least 0')
          .max(1, 'must be at most 1')
          .multipleOf(0.01, 'must have at most 2 decimals')
          .nullable(),
      }),
    )
    .max(50, 'must have at most 50 stages'),
});
export type StageBalanceUpdate = z.infer<typeof stageBalanceUpdate>;

export const qualityItem = z.object({
  key: z.string(),
  text: z.string(),
  reversed: z.boolean(),
  n: z.number().int(),
  mean: z.number(),
  sd: z.number(),
  rawR: z.number(),
  rDrop: z.number(),
  alphaIfDeleted: z.number(),
  /** r.drop below 0.30: the item agrees weakly with the rest of its scale. */
  flagged: z.boolean(),
});

export const qualityScale = z.object({
  capability: z.object({ key: z.string(), name: z.string(), derailer: z.boolean() }),
  /** computed; insufficient (n below the minimum); not-computable (e.g. an item everyone answered the same). */
  status: z.enum(['computed', 'insufficient', 'not-computable']),
  /** Respondents who answered at least one item of the scale. */
  n: z.number().int(),
  message: z.string(),
  rawAlpha: z.number().nullable(),
  stdAlpha: z.number().nullable(),
  g6: z.number().nullable(),
  averageR: z.number().nullable(),
  mean: z.number().nullable(),
  sd: z.number().nullable(),
  items: z.array(qualityItem),
});

export const qualityReport = z.object({
  version: z.object({ id: z.uuid(), number: z.number().int(), name: z.string() }),
  /** Each person's latest submitted assessment on this version counts once. */
  respondents: z.number().int(),
  minimumN: z.number().int(),
  flagBelow: z.number(),
  scales: z.array(qualityScale),
});
export type QualityReport = z.infer<typeof qualityReport>;

export { idParams };
export const versionParams = idParams;
