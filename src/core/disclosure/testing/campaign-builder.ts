import type { RaterGroup } from '../policy.ts';
import type { CampaignAnswers, CapabilityItems, RaterAnswer, RaterComment } from '../types.ts';

export interface BuiltRater {
  readonly raterId: string;
  readonly group: RaterGroup;
  /** Position within its group, from 0. */
  readonly index: number;
}

export interface CampaignSpec {
  readonly groups: Readonly<Partial<Record<RaterGroup, number>>>;
  readonly itemCount?: number;
  readonly capabilities?: ReadonlyArray<CapabilityItems>;
  /** The answer of a rater to an item (0-based); default a spread of values, never "can't say". */
  readonly answer?: (rater: BuiltRater, item: number) => number | null;
  /** Comment texts of a rater, per question. */
  readonly comments?: (rater: BuiltRater) => ReadonlyArray<{ question: string; text: string }>;
  readonly selfAnswer?: (item: number) => number | null;
}

/** Item ids `i1`, `i2`, … and rater ids `peers-1`, `direct_reports-2`, …, in group order. */
export function buildCampaign(spec: CampaignSpec): { campaign: CampaignAnswers; raters: BuiltRater[] } {
  const itemCount = spec.itemCount ?? 3;
  const itemIds = Array.from({ length: itemCount }, (_, i) => `i${i + 1}`);
  const order: RaterGroup[] = ['manager', 'peers', 'direct_reports', 'others'];
  const raters: BuiltRater[] = order.flatMap((group) =>
    Array.from({ length: spec.groups[group] ?? 0 }, (_, index) => ({
      raterId: `${group}-${index + 1}`,
      group,
      index,
    })),
  );
  const answerOf =
    spec.answer ??
    ((rater: BuiltRater, item: number) => ((rater.index * 2 + item + rater.group.length) % 5) + 1);
  const answers: RaterAnswer[] = raters.flatMap((rater) =>
    itemIds.map((itemId, item) => ({ itemId, raterId: rater.raterId, value: answerOf(rater, item) })),
  );
  const comments: RaterComment[] = spec.comments
    ? raters.flatMap((rater) =>
        spec.comments!(rater).map((comment) => ({ raterId: rater.raterId, ...comment })),
      )
    : [];
  const campaign: CampaignAnswers = {
    scale: { min: 1, max: 5 },
    itemIds,
    capabilities: spec.capabilities ?? [{ capabilityId: 'all-items', itemIds }],
    raters: raters.map(({ raterId, group }) => ({ raterId, group })),
    answers,
    comments,
    ...(spec.selfAnswer
      ? { selfAnswers: itemIds.map((itemId, item) => ({ itemId, value: spec.selfAnswer!(item) })) }
      : {}),
  };
  return { campaign, raters };
}
