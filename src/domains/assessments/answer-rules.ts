// Which answers an assessment accepts, and when it is complete. Pure: checked against the
// definition of the version the assessment was started on.
import {
  type FrameworkDefinition,
  responseScaleOf,
  selfAssessedCapabilities,
} from '../framework/definition.ts';
import type { AnswerInput } from './contracts.ts';

/** Items a person is asked, by key, with the highest value their scale allows (the lowest is 1). */
export type AskedItems = ReadonlyMap<string, { max: number }>;

// Definitions of published versions are cached and immutable, so their lookup maps can be too.
const askedItemsOf = new WeakMap<FrameworkDefinition, AskedItems>();

export function askedItems(definition: FrameworkDefinition): AskedItems {
  let asked = askedItemsOf.get(definition);
  if (!asked) {
    const map = new Map<string, { max: number }>();
    for (const capability of selfAssessedCapabilities(definition)) {
      const max = responseScaleOf(definition, capability).labels.length;
      for (const item of capability.items) if (!item.retired) map.set(item.key, { max });
    }
    asked = map;
    askedItemsOf.set(definition, asked);
  }
  return asked;
}

/**
 * Problems with a batch of answers, keyed like the request (`answers.3.value`). Empty when every
 * answer names an item of this assessment once, with a whole number on its scale or null.
 */
export function answerProblems(
  asked: AskedItems,
  answers: ReadonlyArray<AnswerInput>,
): Record<string, string> {
  const problems: Record<string, string> = {};
  const seen = new Set<string>();
  answers.forEach((answer, i) => {
    const item = asked.get(answer.item);
    if (!item) {
      problems[`answers.${i}.item`] = 'is not a question of this assessment';
      return;
    }
    if (seen.has(answer.item)) problems[`answers.${i}.item`] = 'appears more than once';
    seen.add(answer.item);
    if (answer.value !== null && (answer.value < 1 || answer.value > item.max)) {
      problems[`answers.${i}.value`] =
        `must be a whole number from 1 to ${item.max}, or null for “can’t say”`;
    }
  });
  return problems;
}

/** Items still without an answer ("can't say" counts as an answer), in the order they are asked. */
export function unansweredItems(asked: AskedItems, answered: ReadonlySet<string>): string[] {
  return [...asked.keys()].filter((key) => !answered.has(key));
}
