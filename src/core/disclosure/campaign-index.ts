import { DisclosureError } from './errors.ts';
import { RATER_GROUPS, type RaterGroup } from './policy.ts';
import { addMember, emptyRaterSet, type RaterSet } from './rater-set.ts';
import type { CampaignAnswers, Rater, RatingScale } from './types.ts';

/** One comment with its rater as an index; ids stop here so they cannot leak further down. */
export interface IndexedComment {
  readonly rater: number;
  readonly question: string;
  readonly text: string;
}

/**
 * A validated campaign in the shape the disclosure rules work on: raters and items as indices,
 * answers in one array, the raters who answered each item as a bitset.
 */
export interface IndexedCampaign {
  readonly scale: RatingScale;
  /**
   * Raters indexed: those who submitted, then any known only from earlier releases over the same
   * people (`earlierRaters`), who answered nothing here but belong to sets released before.
   */
  readonly raterCount: number;
  /** Index of each rater id, earlier-only raters included. */
  readonly raterIndex: ReadonlyMap<string, number>;
  readonly raterGroups: ReadonlyArray<RaterGroup>;
  readonly itemIds: ReadonlyArray<string>;
  /** `answerValues[item * raterCount + rater]`, NaN for "can't say" or no answer. */
  readonly answerValues: Float64Array;
  readonly answeredByItem: ReadonlyArray<RaterSet>;
  readonly selfByItem: ReadonlyArray<number | null>;
  readonly capabilities: ReadonlyArray<{
    readonly capabilityId: string;
    readonly items: ReadonlyArray<number>;
  }>;
  readonly respondedByGroup: Readonly<Record<RaterGroup, number>>;
  readonly invitedByGroup: Readonly<Record<RaterGroup, number | null>>;
  readonly comments: ReadonlyArray<IndexedComment>;
  readonly commentQuestions: ReadonlyArray<string>;
}

function requireId(field: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new DisclosureError(field, 'must be a non-empty string');
  }
  return value;
}

function requireAnswerValue(field: string, value: unknown, scale: RatingScale): number | null {
  if (value === null) return null;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < scale.min || value > scale.max) {
    throw new DisclosureError(
      field,
      `must be null ("can't say") or a whole number from ${scale.min} to ${scale.max}; got ${String(value)}`,
    );
  }
  return value;
}

function validateScale(scale: RatingScale): RatingScale {
  if (!Number.isInteger(scale.min) || !Number.isInteger(scale.max) || scale.max <= scale.min) {
    throw new DisclosureError('scale', `must have whole-number min < max; got ${scale.min}..${scale.max}`);
  }
  return scale;
}

/**
 * Validates the campaign and indexes it; throws a DisclosureError naming the first bad field.
 * `earlierRaters`: raters of earlier releases over the same people (same ids, same groups), indexed
 * after this campaign's raters so sets released earlier can be expressed over the same indices.
 */
export function indexCampaign(
  campaign: CampaignAnswers,
  earlierRaters: ReadonlyArray<Rater> = [],
): IndexedCampaign {
  const scale = validateScale(campaign.scale);

  const itemIndex = new Map<string, number>();
  campaign.itemIds.forEach((itemId, i) => {
    requireId(`itemIds[${i}]`, itemId);
    if (itemIndex.has(itemId)) throw new DisclosureError(`itemIds[${i}]`, `repeats item "${itemId}"`);
    itemIndex.set(itemId, i);
  });
  const itemCount = campaign.itemIds.length;

  const raterIndex = new Map<string, number>();
  const raterGroups: RaterGroup[] = [];
  const respondedByGroup = { manager: 0, peers: 0, direct_reports: 0, others: 0 };
  campaign.raters.forEach((rater, r) => {
    requireId(`raters[${r}].raterId`, rater.raterId);
    if (raterIndex.has(rater.raterId)) throw new DisclosureError(`raters[${r}].raterId`, 'repeats a rater');
    if (!RATER_GROUPS.includes(rater.group)) {
      throw new DisclosureError(`raters[${r}].group`, `must be one of ${RATER_GROUPS.join(', ')}`);
    }
    raterIndex.set(rater.raterId, r);
    raterGroups.push(rater.group);
    respondedByGroup[rater.group]++;
  });
  // Answers and comments may only come from this campaign's raters, not from earlier-only ones.
  const ownRaters = new Map(raterIndex);
  earlierRaters.forEach((rater, r) => {
    requireId(`earlier.raters[${r}].raterId`, rater.raterId);
    if (!RATER_GROUPS.includes(rater.group)) {
      throw new DisclosureError(`earlier.raters[${r}].group`, `must be one of ${RATER_GROUPS.join(', ')}`);
    }
    const known = raterIndex.get(rater.raterId);
    if (known !== undefined) {
      // The same person must be protected by the same group's minimum in both releases.
      if (raterGroups[known] !== rater.group) {
        throw new DisclosureError(`earlier.raters[${r}].group`, 'differs from the same rater’s group here');
      }
      return;
    }
    raterIndex.set(rater.raterId, raterGroups.length);
    raterGroups.push(rater.group);
  });
  const raterCount = raterGroups.length;

  const invitedByGroup: Record<RaterGroup, number | null> = {
    manager: null,
    peers: null,
    direct_reports: null,
    others: null,
  };
  for (const group of RATER_GROUPS) {
    const invited = campaign.invitedByGroup?.[group];
    if (invited === undefined) continue;
    if (!Number.isInteger(invited) || invited < respondedByGroup[group]) {
      throw new DisclosureError(
        `invitedByGroup.${group}`,
        `must be a whole number of at least the ${respondedByGroup[group]} who responded; got ${invited}`,
      );
    }
    invitedByGroup[group] = invited;
  }

  const answerValues = new Float64Array(itemCount * raterCount).fill(Number.NaN);
  const answeredByItem = campaign.itemIds.map(() => emptyRaterSet(raterCount));
  const seen = new Set<number>();
  campaign.answers.forEach((answer, a) => {
    const item = itemIndex.get(answer.itemId);
    if (item === undefined) throw new DisclosureError(`answers[${a}].itemId`, `is not an item of the report`);
    const rater = ownRaters.get(answer.raterId);
    if (rater === undefined)
      throw new DisclosureError(`answers[${a}].raterId`, 'is not a rater of the report');
    const cell = item * raterCount + rater;
    if (seen.has(cell))
      throw new DisclosureError(`answers[${a}]`, 'repeats an answer of the same rater and item');
    seen.add(cell);
    const value = requireAnswerValue(`answers[${a}].value`, answer.value, scale);
    if (value === null) return;
    answerValues[cell] = value;
    addMember(answeredByItem[item]!, rater);
  });

  const selfByItem: Array<number | null> = campaign.itemIds.map(() => null);
  const selfSeen = new Set<number>();
  (campaign.selfAnswers ?? []).forEach((answer, a) => {
    const item = itemIndex.get(answer.itemId);
    if (item === undefined)
      throw new DisclosureError(`selfAnswers[${a}].itemId`, 'is not an item of the report');
    if (selfSeen.has(item)) throw new DisclosureError(`selfAnswers[${a}]`, 'repeats an item');
    selfSeen.add(item);
    selfByItem[item] = requireAnswerValue(`selfAnswers[${a}].value`, answer.value, scale);
  });

  const capabilityIds = new Set<string>();
  const capabilities = campaign.capabilities.map((capability, c) => {
    requireId(`capabilities[${c}].capabilityId`, capability.capabilityId);
    if (capabilityIds.has(capability.capabilityId)) {
      throw new DisclosureError(`capabilities[${c}].capabilityId`, 'repeats a capability');
    }
    capabilityIds.add(capability.capabilityId);
    if (capability.itemIds.length === 0)
      throw new DisclosureError(`capabilities[${c}].itemIds`, 'must not be empty');
    const items = capability.itemIds.map((itemId, i) => {
      const item = itemIndex.get(itemId);
      if (item === undefined) {
        throw new DisclosureError(
          `capabilities[${c}].itemIds[${i}]`,
          `"${itemId}" is not an item of the report`,
        );
      }
      return item;
    });
    if (new Set(items).size !== items.length) {
      throw new DisclosureError(`capabilities[${c}].itemIds`, 'repeats an item');
    }
    return { capabilityId: capability.capabilityId, items };
  });

  const comments = (campaign.comments ?? []).map((comment, k) => {
    const rater = ownRaters.get(comment.raterId);
    if (rater === undefined)
      throw new DisclosureError(`comments[${k}].raterId`, 'is not a rater of the report');
    requireId(`comments[${k}].question`, comment.question);
    if (typeof comment.text !== 'string')
      throw new DisclosureError(`comments[${k}].text`, 'must be a string');
    return { rater, question: comment.question, text: comment.text };
  });
  const listed = campaign.commentQuestions ?? [];
  const unlisted = [...new Set(comments.map((comment) => comment.question))]
    .filter((question) => !listed.includes(question))
    .sort();
  const commentQuestions = [...listed, ...unlisted];

  return {
    scale,
    raterCount,
    raterIndex,
    raterGroups,
    itemIds: campaign.itemIds,
    answerValues,
    answeredByItem,
    selfByItem,
    capabilities,
    respondedByGroup,
    invitedByGroup,
    comments,
    commentQuestions,
  };
}
