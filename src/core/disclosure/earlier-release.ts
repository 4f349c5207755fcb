import { DisclosureError } from './errors.ts';
import { type DisclosurePolicy, MINIMUM_GROUPS, type MinimumGroup, type RaterGroup } from './policy.ts';
import type { CampaignAnswers, EarlierRelease, Rater, ReleasedReport } from './types.ts';

/*
 * A pulse asks the same people again, so its figures and its 360's are computed over sets of the
 * same raters. DESIGN §3.1 then applies to all of them together: had the 360 shown peers {A,B,C,D,E}
 * and the pulse peers {A,B,C,D} (E did not answer this time), the difference is E alone. The pulse's
 * release is therefore decided with the 360's released sets as context (releaseReport's `earlier`).
 *
 * The earlier sets are read back from what was actually released — the frozen report's labels and
 * the raw answers of the raters it was released over — not recomputed by today's rules, so a change
 * of the rules since cannot make the context differ from what a reader of that report knows.
 */

/**
 * The rater sets of every figure a frozen released report shows: per item, each shown column's
 * raters who answered it and the combined set; per capability, the union over its used items. (A
 * distribution or agreement index rests on the combined sets, which are already listed.) `campaign`
 * must be the input the report was released from.
 */
export function releasedRaterSets(campaign: CampaignAnswers, report: ReleasedReport): string[][] {
  const groupOf = new Map(campaign.raters.map((rater) => [rater.raterId, rater.group]));
  const answered = new Map<string, string[]>(campaign.itemIds.map((itemId) => [itemId, []]));
  for (const answer of campaign.answers) {
    if (answer.value === null) continue;
    const raters = answered.get(answer.itemId);
    if (!raters) throw new DisclosureError('answers', `item "${answer.itemId}" is not an item of the report`);
    raters.push(answer.raterId);
  }
  const columns = new Map(report.columns.map((column) => [column.group, column.mergedFrom]));
  const setOf = (itemId: string, column: RaterGroup | 'all_raters'): string[] => {
    const raters = answered.get(itemId);
    if (!raters) throw new DisclosureError('report.items', `item "${itemId}" is not an item of the campaign`);
    if (column === 'all_raters') return [...raters];
    const groups = columns.get(column);
    if (!groups)
      throw new DisclosureError('report.columns', `column "${column}" is not a column of the report`);
    return raters.filter((rater) => groups.includes(groupOf.get(rater)!));
  };
  const sets: string[][] = [];
  for (const item of report.items) {
    for (const figure of item.groups) sets.push(setOf(item.itemId, figure.group));
    if (item.allRaters) sets.push(setOf(item.itemId, 'all_raters'));
  }
  for (const capability of report.capabilities) {
    const union = (column: RaterGroup | 'all_raters', itemIds: ReadonlyArray<string>) => [
      ...new Set(itemIds.flatMap((itemId) => setOf(itemId, column))),
    ];
    for (const figure of capability.groups) sets.push(union(figure.group, figure.itemIds));
    if (capability.allRaters) sets.push(union('all_raters', capability.allRaters.itemIds));
  }
  return sets.filter((set) => set.length > 0);
}

/**
 * Several earlier releases over the same people as one context (a second pulse follows both the 360
 * and the first pulse). A rater appearing in more than one must have the same group in each.
 */
export function combineEarlierReleases(releases: ReadonlyArray<EarlierRelease>): EarlierRelease {
  const raters = new Map<string, Rater>();
  releases.forEach((release, r) => {
    for (const rater of release.raters) {
      const known = raters.get(rater.raterId);
      if (known && known.group !== rater.group) {
        throw new DisclosureError(`earlier[${r}].raters`, `rater "${rater.raterId}" changes group`);
      }
      raters.set(rater.raterId, rater);
    }
  });
  return { raters: [...raters.values()], sets: releases.flatMap((release) => release.sets) };
}

/**
 * The stricter of two policies, setting by setting: a pulse keeps the promises made to its raters
 * for the 360 they answered, and any stricter rule the organisation adopted since. The manager is
 * shown separately only if both promised it.
 */
export function strictestPolicy(a: DisclosurePolicy, b: DisclosurePolicy): DisclosurePolicy {
  const minimumByGroup = {} as Record<MinimumGroup, number>;
  for (const group of MINIMUM_GROUPS) {
    minimumByGroup[group] = Math.max(a.minimumByGroup[group], b.minimumByGroup[group]);
  }
  return Object.freeze({
    minimumByGroup: Object.freeze(minimumByGroup),
    managerShownSeparately: a.managerShownSeparately && b.managerShownSeparately,
    commentMinimum: Math.max(a.commentMinimum, b.commentMinimum),
    distributionMinimum: Math.max(a.distributionMinimum, b.distributionMinimum),
    mergeSmallGroupsIntoOthers: a.mergeSmallGroupsIntoOthers && b.mergeSmallGroupsIntoOthers,
  });
}
