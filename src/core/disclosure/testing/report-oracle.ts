import { MINIMUM_GROUPS, type RaterGroup } from '../policy.ts';
import type { CampaignAnswers, ReleasedReport } from '../types.ts';
import { ExactRowSpace, leastCommonMultiple } from './exact-span.ts';

/*
 * An attacker's view of a released report, rebuilt independently of the module: from the raw
 * campaign (which the test knows) and the report's labels alone, it works out which raters each
 * released figure is computed over, checks the released numbers really are those means, and turns
 * every figure into the linear equation a reader could write down.
 */

/** One part of a released figure: `Σ answers of raters on item` weighted by 1/denominator. */
export interface EquationTerm {
  readonly item: number;
  readonly raters: ReadonlyArray<number>;
  readonly denominator: number;
}

export interface ReleasedFigureModel {
  readonly label: string;
  /** Raters the figure is computed over (for capability figures, those answering any used item). */
  readonly raters: ReadonlyArray<number>;
  readonly terms: ReadonlyArray<EquationTerm>;
}

export interface AttackerModel {
  readonly raterGroups: ReadonlyArray<RaterGroup>;
  readonly figures: ReadonlyArray<ReleasedFigureModel>;
  /** `answered[item]`: raters with a value on the item. */
  readonly answered: ReadonlyArray<ReadonlyArray<number>>;
  readonly value: (item: number, rater: number) => number;
  /** The minimum protecting each rater under the report's policy (1 = the declared manager). */
  readonly minimumByRater: ReadonlyArray<number>;
  /** Managers not announced as shown separately: never to be isolated as a group. */
  readonly concealedByRater: ReadonlyArray<boolean>;
}

/** Whether an atom (or any formable set) meets the policy: big enough, not unannounced managers alone. */
export function atomMeetsPolicy(atom: ReadonlyArray<number>, model: AttackerModel): boolean {
  return (
    atom.length >= requiredSize(atom, model.minimumByRater) &&
    !atom.every((rater) => model.concealedByRater[rater])
  );
}

export function requiredSize(raters: ReadonlyArray<number>, minimumByRater: ReadonlyArray<number>): number {
  return Math.max(1, ...raters.map((rater) => minimumByRater[rater]!));
}

function close(actual: number, expected: number, label: string): void {
  if (Math.abs(actual - expected) > 1e-9)
    throw new Error(`${label}: released ${actual}, recomputed ${expected}`);
}

function same(actual: number, expected: number, label: string): void {
  if (actual !== expected) throw new Error(`${label}: released ${actual}, recomputed ${expected}`);
}

export function attackerModel(campaign: CampaignAnswers, report: ReleasedReport): AttackerModel {
  const raterIndex = new Map(campaign.raters.map((rater, r) => [rater.raterId, r]));
  const itemIndex = new Map(campaign.itemIds.map((itemId, i) => [itemId, i]));
  const raterGroups = campaign.raters.map((rater) => rater.group);
  const values = new Map<string, number>();
  const answered: number[][] = campaign.itemIds.map(() => []);
  for (const answer of campaign.answers) {
    if (answer.value === null) continue;
    const item = itemIndex.get(answer.itemId)!;
    const rater = raterIndex.get(answer.raterId)!;
    values.set(`${item}:${rater}`, answer.value);
    answered[item]!.push(rater);
  }
  for (const raters of answered) raters.sort((a, b) => a - b);
  const value = (item: number, rater: number) => values.get(`${item}:${rater}`)!;
  const mean = (item: number, raters: ReadonlyArray<number>) =>
    raters.reduce((sum, rater) => sum + value(item, rater), 0) / raters.length;

  const policy = report.policy;
  const strictest = Math.max(...MINIMUM_GROUPS.map((group) => policy.minimumByGroup[group]));
  const minimumByRater = raterGroups.map((group) =>
    group === 'manager' ? (policy.managerShownSeparately ? 1 : strictest) : policy.minimumByGroup[group],
  );

  const columnGroups = new Map(report.columns.map((column) => [column.group, column.mergedFrom]));
  const setOf = (item: number, column: RaterGroup | 'all_raters') =>
    column === 'all_raters'
      ? answered[item]!
      : answered[item]!.filter((rater) => columnGroups.get(column)!.includes(raterGroups[rater]!));

  const figures: ReleasedFigureModel[] = [];
  report.items.forEach((released, item) => {
    const single = (label: string, raters: ReadonlyArray<number>) =>
      figures.push({ label, raters, terms: [{ item, raters, denominator: 1 }] });
    for (const figure of released.groups) {
      const raters = setOf(item, figure.group);
      const label = `item ${released.itemId} ${figure.group}`;
      same(figure.n, raters.length, `${label} n`);
      close(figure.mean, mean(item, raters), `${label} mean`);
      single(label, raters);
    }
    if (released.allRaters) {
      const raters = answered[item]!;
      same(released.allRaters.n, raters.length, `item ${released.itemId} all n`);
      close(released.allRaters.mean, mean(item, raters), `item ${released.itemId} all mean`);
      single(`item ${released.itemId} all`, raters);
    }
    if (released.distribution) {
      const raters = answered[item]!;
      const counts = released.distribution.counts;
      const recount = counts.map(() => 0);
      for (const rater of raters) recount[value(item, rater) - report.scale.min]!++;
      if (recount.join() !== counts.join()) throw new Error(`item ${released.itemId} distribution differs`);
      // Its linear content is the sum of the set; the rest (the multiset) is checked by the rules.
      single(`item ${released.itemId} distribution`, raters);
    }
  });

  report.capabilities.forEach((capability) => {
    const model = (
      label: string,
      column: RaterGroup | 'all_raters',
      itemIds: ReadonlyArray<string>,
      n: number,
      m: number,
    ) => {
      const items = itemIds.map((itemId) => itemIndex.get(itemId)!);
      const terms = items.map((item) => {
        const raters = setOf(item, column);
        return { item, raters, denominator: raters.length * items.length };
      });
      const raters = [...new Set(terms.flatMap((term) => term.raters))].sort((a, b) => a - b);
      same(n, raters.length, `${label} n`);
      close(
        m,
        terms.reduce((sum, term) => sum + mean(term.item, term.raters), 0) / items.length,
        `${label} mean`,
      );
      figures.push({ label, raters, terms });
    };
    for (const figure of capability.groups) {
      model(
        `capability ${capability.capabilityId} ${figure.group}`,
        figure.group,
        figure.itemIds,
        figure.n,
        figure.mean,
      );
    }
    if (capability.allRaters) {
      const { itemIds, n, mean: m } = capability.allRaters;
      model(`capability ${capability.capabilityId} all`, 'all_raters', itemIds, n, m);
    }
    if (capability.agreement) {
      const items = capability.agreement.itemIds.map((itemId) => itemIndex.get(itemId)!);
      const raters = [...new Set(items.flatMap((item) => answered[item]!))].sort((a, b) => a - b);
      same(capability.agreement.n, raters.length, `capability ${capability.capabilityId} agreement n`);
      figures.push({ label: `capability ${capability.capabilityId} agreement`, raters, terms: [] });
    }
  });

  const concealedByRater = raterGroups.map((group) => group === 'manager' && !policy.managerShownSeparately);
  return { raterGroups, figures, answered, value, minimumByRater, concealedByRater };
}

/** Atoms of the released sets, computed the naive way: raters grouped by membership signature. */
export function atomsOfFigures(model: AttackerModel): number[][] {
  const bySignature = new Map<string, number[]>();
  model.raterGroups.forEach((_, rater) => {
    const signature = model.figures.map((figure) => (figure.raters.includes(rater) ? '1' : '0')).join('');
    if (!signature.includes('1')) return;
    bySignature.set(signature, [...(bySignature.get(signature) ?? []), rater]);
  });
  return [...bySignature.values()];
}

/** The span of everything released, over one unknown per answered (rater, item) cell. */
export class ReleasedSpan {
  private readonly cellIndex = new Map<string, number>();
  private readonly space: ExactRowSpace;

  constructor(model: AttackerModel) {
    model.answered.forEach((raters, item) => {
      for (const rater of raters) this.cellIndex.set(`${item}:${rater}`, this.cellIndex.size);
    });
    this.space = new ExactRowSpace(this.cellIndex.size);
    for (const figure of model.figures) {
      if (figure.terms.length === 0) continue;
      const scale = leastCommonMultiple(figure.terms.map((term) => term.denominator));
      const row = new Array<bigint>(this.cellIndex.size).fill(0n);
      for (const term of figure.terms) {
        for (const rater of term.raters) {
          const cell = this.cellIndex.get(`${term.item}:${rater}`)!;
          row[cell] = row[cell]! + scale / BigInt(term.denominator);
        }
      }
      this.space.add(row);
    }
  }

  /** Whether Σ answers of `raters` on `item` (hence their mean) is solvable from the report. */
  solvesSum(item: number, raters: ReadonlyArray<number>): boolean {
    const target = new Array<bigint>(this.cellIndex.size).fill(0n);
    for (const rater of raters) target[this.cellIndex.get(`${item}:${rater}`)!] = 1n;
    return this.space.contains(target);
  }
}
