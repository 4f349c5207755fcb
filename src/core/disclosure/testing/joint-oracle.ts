import type { CampaignAnswers, ReleasedReport } from '../types.ts';
import { type AttackerModel, attackerModel, type ReleasedFigureModel } from './report-oracle.ts';

/*
 * An attacker holding two released reports over the same people (a 360 and the pulse that follows
 * it), rebuilt independently of the module. Raters are matched by id and items by key, and — the
 * attacker's best case — a rater's answer to an item is taken to be the SAME unknown in both reports,
 * as if nobody's view had changed: then a pulse figure over {A,B,C,D} subtracted from the 360's over
 * {A,B,C,D,E} gives E's answer exactly. Anything unsolvable here is unsolvable for real answers too.
 */

export interface JointPart {
  readonly campaign: CampaignAnswers;
  readonly report: ReleasedReport;
}

/** One attacker model over the union of raters and items of every part, figures of all parts together. */
export function jointAttackerModel(parts: ReadonlyArray<JointPart>): AttackerModel {
  const raterIndex = new Map<string, number>();
  const itemIndex = new Map<string, number>();
  const raterGroups: AttackerModel['raterGroups'][number][] = [];
  const minimumByRater: number[] = [];
  const concealedByRater: boolean[] = [];
  const answered: Array<Set<number>> = [];
  const figures: ReleasedFigureModel[] = [];

  parts.forEach(({ campaign, report }, p) => {
    const model = attackerModel(campaign, report);
    const raters = campaign.raters.map((rater, r) => {
      let index = raterIndex.get(rater.raterId);
      if (index === undefined) {
        index = raterGroups.length;
        raterIndex.set(rater.raterId, index);
        raterGroups.push(rater.group);
        minimumByRater.push(model.minimumByRater[r]!);
        concealedByRater.push(model.concealedByRater[r]!);
      } else {
        if (raterGroups[index] !== rater.group) throw new Error(`rater ${rater.raterId} changes group`);
        // The strictest protection any of the reports promised this rater.
        minimumByRater[index] = Math.max(minimumByRater[index]!, model.minimumByRater[r]!);
        concealedByRater[index] = concealedByRater[index]! || model.concealedByRater[r]!;
      }
      return index;
    });
    const items = campaign.itemIds.map((itemId) => {
      let index = itemIndex.get(itemId);
      if (index === undefined) {
        index = answered.length;
        itemIndex.set(itemId, index);
        answered.push(new Set());
      }
      return index;
    });
    model.answered.forEach((ratersOfItem, item) => {
      for (const rater of ratersOfItem) answered[items[item]!]!.add(raters[rater]!);
    });
    for (const figure of model.figures) {
      figures.push({
        label: `report ${p}: ${figure.label}`,
        raters: figure.raters.map((rater) => raters[rater]!).sort((a, b) => a - b),
        terms: figure.terms.map((term) => ({
          item: items[term.item]!,
          raters: term.raters.map((rater) => raters[rater]!),
          denominator: term.denominator,
        })),
      });
    }
  });

  return {
    raterGroups,
    figures,
    answered: answered.map((set) => [...set].sort((a, b) => a - b)),
    value: () => {
      throw new Error('the joint model has no single value per cell: it only solves');
    },
    minimumByRater,
    concealedByRater,
  };
}
