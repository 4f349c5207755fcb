import { rwg, rwgJ, uniformNullVariance } from '../psychometrics/agreement.ts';
import {
  type AtomRequirements,
  type CandidateSet,
  isAtomSafe,
  type SelectionOutcome,
  selectReleasableSets,
  selectReleasableSetsAfter,
} from './atoms.ts';
import { type IndexedCampaign, indexCampaign } from './campaign-index.ts';
import { releaseComments } from './comments.ts';
import { DisclosureError } from './errors.ts';
import {
  type DisclosurePolicy,
  type DisclosurePolicyInput,
  minimumForGroup,
  RATER_GROUPS,
  type RaterGroup,
  resolveDisclosurePolicy,
} from './policy.ts';
import {
  addMember,
  emptyRaterSet,
  hasMember,
  intersection,
  isEmptySet,
  membersOf,
  type RaterSet,
  raterSetKey,
  raterSetOf,
  setSize,
  union,
} from './rater-set.ts';
import type {
  CampaignAnswers,
  CapabilityAgreement,
  CapabilityGroupFigure,
  CombinedFigure,
  DistributionWithholdingReason,
  EarlierRelease,
  FigureWithholdingReason,
  GroupFigure,
  GroupStatus,
  ReleasedCapability,
  ReleasedDistribution,
  ReleasedItem,
  ReleasedReport,
  ReportColumn,
  WithheldFigure,
} from './types.ts';

export interface ReleaseOptions {
  readonly policy?: DisclosurePolicyInput;
  /**
   * Seed of the comment order. Pick it when the report is released (e.g. at random) and keep it with
   * the frozen report, so every view shows the same order.
   */
  readonly shuffleSeed: number;
  /**
   * Sets released earlier over the same people (the 360 a pulse follows, earlier pulses of it): this
   * report's figures are chosen so that all sets together still satisfy the rule (DESIGN §3.1).
   */
  readonly earlier?: EarlierRelease;
}

/*
 * Value of keeping a figure, used to decide which of two conflicting figures gives way (atoms.ts).
 * A group's figure is worth more than the combined one: the columns are what a 360 report is read
 * for, and the combined figure exists to include small groups only when that is safe.
 */
const GROUP_FIGURE_VALUE = 2;
const COMBINED_FIGURE_VALUE = 1;

/**
 * A column being considered: its raters who answered anything. What each of its figures needs is
 * decided per figure from the raters actually in it (atoms.ts), not from the column as a whole.
 */
interface ColumnPlan {
  readonly group: RaterGroup;
  readonly mergedFrom: RaterGroup[];
  readonly members: RaterSet;
}

interface GroupPlan {
  readonly columns: ColumnPlan[];
  readonly statuses: GroupStatus[];
}

function planColumns(
  campaign: IndexedCampaign,
  policy: DisclosurePolicy,
  requirements: AtomRequirements,
): GroupPlan {
  const answerersByGroup = new Map<RaterGroup, RaterSet>(
    RATER_GROUPS.map((group) => [group, emptyRaterSet(campaign.raterCount)]),
  );
  for (const answered of campaign.answeredByItem) {
    for (const rater of membersOf(answered)) {
      addMember(answerersByGroup.get(campaign.raterGroups[rater]!)!, rater);
    }
  }
  type Decision = Pick<GroupStatus, 'disclosure' | 'reason'>;
  const decisions = new Map<RaterGroup, Decision>();
  const shown: RaterGroup[] = [];
  const small: RaterGroup[] = [];
  for (const group of RATER_GROUPS) {
    const size = setSize(answerersByGroup.get(group)!);
    if (size === 0) decisions.set(group, { disclosure: 'suppressed', reason: 'no-answers' });
    else if (group === 'manager' && !policy.managerShownSeparately) {
      decisions.set(group, { disclosure: 'suppressed', reason: 'manager-not-announced' });
      small.push(group);
    } else if (size < minimumForGroup(policy, group)) {
      decisions.set(group, { disclosure: 'suppressed', reason: 'below-minimum' });
      small.push(group);
    } else {
      decisions.set(group, { disclosure: 'shown', reason: null });
      shown.push(group);
    }
  }

  // Merging: small groups join "others" only if the merged column reaches the minimum of every
  // group in it. Whether it can be subtracted back is decided per figure by the atom check, like
  // any other column.
  const mergeable = small.filter((group) => group !== 'others');
  let merged: ColumnPlan | null = null;
  if (policy.mergeSmallGroupsIntoOthers && mergeable.length > 0) {
    const pool = [...mergeable, ...(setSize(answerersByGroup.get('others')!) > 0 ? ['others' as const] : [])];
    const members = pool.reduce(
      (set, group) => union(set, answerersByGroup.get(group)!),
      emptyRaterSet(campaign.raterCount),
    );
    // isAtomSafe also refuses a pool of unannounced managers alone, which "others" must not disguise.
    if (isAtomSafe(members, requirements)) {
      const mergedFrom = RATER_GROUPS.filter((group) => pool.includes(group));
      merged = { group: 'others', mergedFrom, members };
      for (const group of mergeable) decisions.set(group, { disclosure: 'merged-into-others', reason: null });
      if (pool.includes('others')) decisions.set('others', { disclosure: 'shown', reason: null });
    }
  }

  const columns: ColumnPlan[] = [];
  for (const group of RATER_GROUPS) {
    if (group === 'others' && merged) columns.push(merged);
    else if (shown.includes(group)) {
      const members = answerersByGroup.get(group)!;
      columns.push({ group, mergedFrom: [group], members });
    }
  }
  const statuses = RATER_GROUPS.map((group) => ({
    group,
    invited: campaign.invitedByGroup[group],
    responded: campaign.respondedByGroup[group],
    ...decisions.get(group)!,
  }));
  return { columns, statuses };
}

/** One figure the report could show, over a set of raters, before the atom check. */
interface CandidateFigure {
  readonly item: number;
  /** Index into the column plans, or -1 for the combined ("all raters") figure. */
  readonly column: number;
  readonly set: RaterSet;
  /** Index of the distinct set the figure shares with others, for the atom check. */
  readonly distinctSet: number;
}

interface FigureDecision {
  readonly set: RaterSet;
  readonly released: boolean;
  readonly reason: FigureWithholdingReason | null;
}

const COMBINED = -1;

/**
 * Every item figure of every column plus the combined figure, decided together: those failing their
 * own minimum are withheld outright, the rest go through the whole-report atom check.
 */
function decideItemFigures(
  campaign: IndexedCampaign,
  columns: ReadonlyArray<ColumnPlan>,
  requirements: AtomRequirements,
  earlier: ReadonlyArray<RaterSet> | null,
): FigureDecisions {
  const decisions = new FigureDecisions(columns.length);
  const candidates: CandidateFigure[] = [];
  const distinct = new Map<string, number>();
  const distinctSets: CandidateSet[] = [];
  const consider = (item: number, column: number, set: RaterSet) => {
    if (isEmptySet(set)) {
      decisions.set(item, column, { set, released: false, reason: 'no-answers' });
      return;
    }
    // The set itself is formable, so it must pass as an atom: the largest minimum of the raters in
    // it, and not only concealed raters. Exactly this test, no stricter one (such as a merged
    // column's minimum when its strictest group did not answer the item): a set withheld here must
    // be one no released figures can rebuild. An unsafe set never can (a union of safe atoms is
    // safe), and a set refused below is never rebuilt either (it would have split an atom); a safe
    // set withheld on a stricter rule would bypass the atom check and could still be subtracted out.
    if (!isAtomSafe(set, requirements)) {
      decisions.set(item, column, { set, released: false, reason: 'below-minimum' });
      return;
    }
    const setKey = raterSetKey(set);
    let index = distinct.get(setKey);
    const value = column === COMBINED ? COMBINED_FIGURE_VALUE : GROUP_FIGURE_VALUE;
    if (index === undefined) {
      index = distinctSets.length;
      distinct.set(setKey, index);
      distinctSets.push({ set, value: 0 });
    }
    const previous = distinctSets[index]!;
    distinctSets[index] = { set: previous.set, value: previous.value + value };
    candidates.push({ item, column, set, distinctSet: index });
  };
  campaign.answeredByItem.forEach((answered, item) => {
    columns.forEach((column, c) => {
      consider(item, c, intersection(column.members, answered));
    });
    consider(item, COMBINED, answered);
  });
  const outcomes: SelectionOutcome[] = earlier
    ? selectReleasableSetsAfter(campaign.raterCount, earlier, distinctSets, requirements)
    : selectReleasableSets(campaign.raterCount, distinctSets, requirements).map((ok) =>
        ok ? 'released' : 'refused',
      );
  for (const candidate of candidates) {
    const outcome = outcomes[candidate.distinctSet]!;
    decisions.set(candidate.item, candidate.column, {
      set: candidate.set,
      released: outcome === 'released',
      reason:
        outcome === 'released'
          ? null
          : outcome === 'refused-earlier'
            ? 'earlier-report'
            : 'complementary-suppression',
    });
  }
  return decisions;
}

/** The decision for every (item, column) pair, the combined figure included, in one flat array. */
class FigureDecisions {
  private readonly entries: FigureDecision[] = [];

  constructor(private readonly columnCount: number) {}

  set(item: number, column: number, decision: FigureDecision): void {
    this.entries[item * (this.columnCount + 1) + column + 1] = decision;
  }

  get(item: number, column: number): FigureDecision {
    return this.entries[item * (this.columnCount + 1) + column + 1]!;
  }
}

function meanOver(campaign: IndexedCampaign, item: number, set: RaterSet): number {
  let sum = 0;
  let count = 0;
  for (const rater of membersOf(set)) {
    sum += campaign.answerValues[item * campaign.raterCount + rater]!;
    count++;
  }
  return sum / count;
}

function distributionOf(
  campaign: IndexedCampaign,
  item: number,
  set: RaterSet,
  policy: DisclosurePolicy,
): ReleasedDistribution | DistributionWithholdingReason {
  const n = setSize(set);
  if (n < policy.distributionMinimum) return 'below-distribution-minimum';
  const { min, max } = campaign.scale;
  const counts = new Array<number>(max - min + 1).fill(0);
  const values: number[] = [];
  let sum = 0;
  for (const rater of membersOf(set)) {
    const value = campaign.answerValues[item * campaign.raterCount + rater]!;
    counts[value - min]!++;
    values.push(value);
    sum += value;
  }
  // The mean is public; a whole-number mean is the only way a unanimous set can look, so holding
  // back every such distribution hides unanimity without the withholding itself giving it away.
  if (sum % n === 0) return 'could-reveal-unanimity';
  return { n, counts, rwg: rwg(values, uniformNullVariance(max - min + 1)) };
}

function releaseItems(
  campaign: IndexedCampaign,
  columns: ReadonlyArray<ColumnPlan>,
  shownColumns: ReadonlyArray<number>,
  decisions: FigureDecisions,
  policy: DisclosurePolicy,
): ReleasedItem[] {
  return campaign.itemIds.map((itemId, item) => {
    const withheld: WithheldFigure[] = [];
    const groups: GroupFigure[] = [];
    for (const c of shownColumns) {
      const decision = decisions.get(item, c);
      const group = columns[c]!.group;
      if (decision.released) {
        groups.push({ group, n: setSize(decision.set), mean: meanOver(campaign, item, decision.set) });
      } else withheld.push({ figure: group, reason: decision.reason! });
    }
    const combined = decisions.get(item, COMBINED);
    let allRaters: CombinedFigure | null = null;
    let distribution: ReleasedDistribution | null = null;
    let distributionWithheld: DistributionWithholdingReason | null = 'combined-figure-withheld';
    if (combined.released) {
      allRaters = { n: setSize(combined.set), mean: meanOver(campaign, item, combined.set) };
      const outcome = distributionOf(campaign, item, combined.set, policy);
      if (typeof outcome === 'string') distributionWithheld = outcome;
      else {
        distribution = outcome;
        distributionWithheld = null;
      }
    } else withheld.push({ figure: 'all_raters', reason: combined.reason! });
    return {
      itemId,
      self: campaign.selfByItem[item]!,
      groups,
      allRaters,
      distribution,
      distributionWithheld,
      withheld,
    };
  });
}

function meanOrNull(values: ReadonlyArray<number | null>): number | null {
  const answered = values.filter((value): value is number => value !== null);
  return answered.length === 0 ? null : answered.reduce((sum, value) => sum + value, 0) / answered.length;
}

/**
 * Capability figures are means of released item means only, so they add no equation an attacker
 * could use: anything derivable from them is derivable from the item figures already shown.
 */
function releaseCapabilities(
  campaign: IndexedCampaign,
  columns: ReadonlyArray<ColumnPlan>,
  shownColumns: ReadonlyArray<number>,
  decisions: FigureDecisions,
  items: ReadonlyArray<ReleasedItem>,
): ReleasedCapability[] {
  const summarise = (capabilityItems: ReadonlyArray<number>, column: number) => {
    const used = capabilityItems.filter((item) => decisions.get(item, column).released);
    if (used.length === 0) return null;
    let raters = emptyRaterSet(campaign.raterCount);
    let meanSum = 0;
    for (const item of used) {
      const set = decisions.get(item, column).set;
      raters = union(raters, set);
      meanSum += meanOver(campaign, item, set);
    }
    return {
      n: setSize(raters),
      mean: meanSum / used.length,
      itemIds: used.map((item) => campaign.itemIds[item]!),
    };
  };
  const { min, max } = campaign.scale;
  const nullVariance = uniformNullVariance(max - min + 1);

  return campaign.capabilities.map(({ capabilityId, items: capabilityItems }) => {
    const groups: CapabilityGroupFigure[] = [];
    const withheld: Array<RaterGroup | 'all_raters'> = [];
    for (const c of shownColumns) {
      const figure = summarise(capabilityItems, c);
      if (figure) groups.push({ group: columns[c]!.group, ...figure });
      else withheld.push(columns[c]!.group);
    }
    const allRaters = summarise(capabilityItems, COMBINED);
    if (!allRaters) withheld.push('all_raters');

    // r_wg(j) only over items whose distribution is released: item variances follow from those, so
    // the index reveals nothing beyond them.
    const agreementItems = capabilityItems.filter((item) => items[item]!.distribution !== null);
    let agreement: CapabilityAgreement | null = null;
    if (agreementItems.length > 0) {
      const raters = membersOf(
        agreementItems.reduce(
          (set, item) => union(set, decisions.get(item, COMBINED).set),
          emptyRaterSet(campaign.raterCount),
        ),
      );
      const values = new Float64Array(raters.length * agreementItems.length);
      raters.forEach((rater, row) => {
        agreementItems.forEach((item, column) => {
          const combinedSet = decisions.get(item, COMBINED).set;
          values[row * agreementItems.length + column] = hasMember(combinedSet, rater)
            ? campaign.answerValues[item * campaign.raterCount + rater]!
            : Number.NaN;
        });
      });
      agreement = {
        n: raters.length,
        rwgJ: rwgJ({ rowCount: raters.length, itemCount: agreementItems.length, values }, nullVariance),
        itemIds: agreementItems.map((item) => campaign.itemIds[item]!),
      };
    }
    return {
      capabilityId,
      self: meanOrNull(capabilityItems.map((item) => campaign.selfByItem[item]!)),
      groups,
      allRaters,
      agreement,
      withheld,
    };
  });
}

/** The earlier release's sets over this campaign's rater indices; unknown ids are refused. */
function earlierSets(indexed: IndexedCampaign, earlier: EarlierRelease): RaterSet[] {
  return earlier.sets.map((ids, s) =>
    raterSetOf(
      indexed.raterCount,
      ids.map((id, r) => {
        const rater = indexed.raterIndex.get(id);
        if (rater === undefined) {
          throw new DisclosureError(
            `earlier.sets[${s}][${r}]`,
            'is not a rater of this or the earlier release',
          );
        }
        return rater;
      }),
    ),
  );
}

/**
 * The one disclosure gate for 360 results: takes the raw answers of one subject's campaign and
 * returns only what may leave the server under DESIGN §3.1. Every path (UI, API, PDF, CSV, admin
 * views) should render from this output, released once and stored frozen, never from raw answers.
 *
 * Guarantees: every released figure rests on at least its group's minimum (the announced manager
 * excepted); across ALL figures of the report, every atom of their rater sets holds at least the
 * minimum of each rater in it, so no figure can be subtracted back to a smaller set; no rater id
 * appears in the output; distributions and agreement indices only for the combined set at the
 * distribution minimum; comments unattributed, shuffled, grouped only under shown columns.
 */
export function releaseReport(campaign: CampaignAnswers, options: ReleaseOptions): ReleasedReport {
  const policy = resolveDisclosurePolicy(options.policy);
  if (!Number.isFinite(options.shuffleSeed)) {
    throw new DisclosureError('shuffleSeed', `must be a finite number; got ${options.shuffleSeed}`);
  }
  const indexed = indexCampaign(campaign, options.earlier?.raters);
  const earlier = options.earlier ? earlierSets(indexed, options.earlier) : null;
  const requirements: AtomRequirements = {
    minimumByRater: indexed.raterGroups.map((group) => minimumForGroup(policy, group)),
    concealedByRater: indexed.raterGroups.map(
      (group) => group === 'manager' && !policy.managerShownSeparately,
    ),
  };
  const { columns, statuses } = planColumns(indexed, policy, requirements);
  const decisions = decideItemFigures(indexed, columns, requirements, earlier);

  // A column appears in the report only if at least one of its figures survived the check.
  const shownColumns = columns
    .map((_, c) => c)
    .filter((c) => indexed.itemIds.some((_, item) => decisions.get(item, c).released));
  // A group that lost its whole column to the earlier report says so, rather than 'shown'.
  for (const [c, column] of columns.entries()) {
    if (shownColumns.includes(c)) continue;
    if (!indexed.itemIds.some((_, item) => decisions.get(item, c).reason === 'earlier-report')) continue;
    for (const group of column.mergedFrom) {
      const at = statuses.findIndex((status) => status.group === group);
      statuses[at] = { ...statuses[at]!, disclosure: 'suppressed', reason: 'earlier-report' };
    }
  }
  const reportColumns: ReportColumn[] = shownColumns.map((c) => ({
    group: columns[c]!.group,
    mergedFrom: columns[c]!.mergedFrom,
  }));
  const items = releaseItems(indexed, columns, shownColumns, decisions, policy);
  const capabilities = releaseCapabilities(indexed, columns, shownColumns, decisions, items);

  // By group rather than by answers, so a rater who answered "can't say" throughout still has
  // their comments grouped with their column.
  const columnOfRater = indexed.raterGroups.map(
    (group) => reportColumns.find((column) => column.mergedFrom.includes(group))?.group ?? null,
  );
  const comments = releaseComments(indexed.commentQuestions, indexed.comments, {
    columnOfRater,
    exemptColumn:
      policy.managerShownSeparately && reportColumns.some((c) => c.group === 'manager') ? 'manager' : null,
    commentMinimum: policy.commentMinimum,
    shuffleSeed: Math.trunc(options.shuffleSeed) >>> 0,
  });

  return {
    policy,
    scale: indexed.scale,
    groups: statuses,
    columns: reportColumns,
    items,
    capabilities,
    comments,
  };
}
