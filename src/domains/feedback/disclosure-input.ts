// The disclosure module's input for one campaign, from the submitted rater rows: shared by the
// release of a 360 and of a pulse (which also reads its baseline's answers back, pulse-release.ts).
import type {
  CampaignAnswers,
  RaterAnswer,
  RaterComment,
  RaterGroup,
  SelfAnswer,
} from '../../core/disclosure/index.ts';
import type { FrameworkDefinition } from '../framework/definition.ts';
import { OPEN_QUESTIONS, type OpenQuestionKey } from './contracts.ts';
import { type Instrument, instrumentOf, scoredValue } from './instrument.ts';
import type { StoredComments } from './schema.ts';

export interface SubmittedRater {
  /** The rater's identity in the disclosure input: on a pulse, their row in the baseline 360. */
  id: string;
  group: RaterGroup;
  answers: Record<string, number | null>;
  comments: StoredComments;
}

/**
 * The disclosure module's input for one campaign. Pure. Answers are scored (reverse-keyed items
 * mirrored), so every figure reads "higher = more of it"; items a rater never answered count as
 * "can't say", which is what they are.
 */
export function campaignAnswers(
  definition: FrameworkDefinition,
  submitted: ReadonlyArray<SubmittedRater>,
  invitedByGroup: Partial<Record<RaterGroup, number>>,
  selfAnswers: Record<string, number | null> | null,
): CampaignAnswers {
  return answersFor(instrumentOf(definition), OPEN_QUESTIONS, submitted, invitedByGroup, selfAnswers);
}

/** `campaignAnswers` for any instrument (a pulse's cut) and its open questions. */
export function answersFor(
  instrument: Instrument,
  questions: ReadonlyArray<{ key: OpenQuestionKey; text: string }>,
  submitted: ReadonlyArray<SubmittedRater>,
  invitedByGroup: Partial<Record<RaterGroup, number>>,
  selfAnswers: Record<string, number | null> | null,
): CampaignAnswers {
  const answers: RaterAnswer[] = [];
  const comments: RaterComment[] = [];
  for (const rater of submitted) {
    for (const itemId of instrument.itemKeys) {
      const value = scoredValue(instrument, itemId, rater.answers[itemId] ?? null);
      if (value !== null) answers.push({ itemId, raterId: rater.id, value });
    }
    for (const q of questions) {
      const text = rater.comments[q.key]?.trim();
      if (text) comments.push({ raterId: rater.id, question: q.text, text });
    }
  }
  const self: SelfAnswer[] = selfAnswers
    ? instrument.itemKeys.map((itemId) => ({
        itemId,
        value: scoredValue(instrument, itemId, selfAnswers[itemId] ?? null),
      }))
    : [];
  return {
    scale: instrument.scale!,
    itemIds: instrument.itemKeys,
    capabilities: instrument.capabilities.map((c) => ({
      capabilityId: c.definition.key,
      itemIds: c.items.map((i) => i.key),
    })),
    raters: submitted.map((r) => ({ raterId: r.id, group: r.group })),
    invitedByGroup,
    answers,
    selfAnswers: self,
    comments,
    commentQuestions: questions.map((q) => q.text),
  };
}
