import { DisclosureError } from './errors.ts';

/** Rater groups of a 360. Self is not a rater group: its answers are the subject's own. */
export const RATER_GROUPS = ['manager', 'peers', 'direct_reports', 'others'] as const;
export type RaterGroup = (typeof RATER_GROUPS)[number];

/** Groups with a configurable minimum; the manager's only options are "shown separately" or not. */
export type MinimumGroup = Exclude<RaterGroup, 'manager'>;
export const MINIMUM_GROUPS: ReadonlyArray<MinimumGroup> = ['peers', 'direct_reports', 'others'];

/** The lowest minimum an organisation may configure: below 2 a figure is one person's answer. */
export const LOWEST_ALLOWED_MINIMUM = 2;

export interface DisclosurePolicy {
  /** Fewest raters a figure of each group (and every atom containing them) may rest on. */
  readonly minimumByGroup: Readonly<Record<MinimumGroup, number>>;
  /**
   * True only when raters were told before answering that the manager's answers are shown as their
   * own group. Then the manager's set is the declared exception to the minimum; otherwise the
   * manager is protected like the strictest group and never shown alone.
   */
  readonly managerShownSeparately: boolean;
  /** Fewest distinct commenters behind any released bucket of comments. */
  readonly commentMinimum: number;
  /** Fewest raters in the combined set for a distribution or an agreement index. */
  readonly distributionMinimum: number;
  /** Fold groups below their minimum into "others" when the merged group reaches every member's minimum. */
  readonly mergeSmallGroupsIntoOthers: boolean;
}

export const DEFAULT_DISCLOSURE_POLICY: DisclosurePolicy = Object.freeze({
  minimumByGroup: Object.freeze({ peers: 3, direct_reports: 3, others: 3 }),
  managerShownSeparately: false,
  commentMinimum: 3,
  distributionMinimum: 5,
  mergeSmallGroupsIntoOthers: false,
});

/** A policy as an organisation stores it: any setting left out takes its default. */
export interface DisclosurePolicyInput {
  readonly minimumByGroup?: Readonly<Partial<Record<MinimumGroup, number>>>;
  readonly managerShownSeparately?: boolean;
  readonly commentMinimum?: number;
  readonly distributionMinimum?: number;
  readonly mergeSmallGroupsIntoOthers?: boolean;
}

function requireWholeNumber(field: string, value: number, atLeast: number, why: string): number {
  if (!Number.isInteger(value) || value < atLeast) {
    throw new DisclosureError(field, `must be a whole number of at least ${atLeast} (${why}); got ${value}`);
  }
  return value;
}

function requireBoolean(field: string, value: unknown): boolean {
  if (typeof value !== 'boolean')
    throw new DisclosureError(field, `must be true or false; got ${String(value)}`);
  return value;
}

/**
 * Fills in defaults and validates. Throws a DisclosureError naming the setting for a minimum below
 * 2, a distribution minimum below a group minimum (a distribution reveals more than a mean, so it
 * may never need fewer raters), or a non-boolean flag.
 */
export function resolveDisclosurePolicy(input: DisclosurePolicyInput = {}): DisclosurePolicy {
  const defaults = DEFAULT_DISCLOSURE_POLICY;
  const minimumByGroup = {} as Record<MinimumGroup, number>;
  for (const group of MINIMUM_GROUPS) {
    minimumByGroup[group] = requireWholeNumber(
      `minimumByGroup.${group}`,
      input.minimumByGroup?.[group] ?? defaults.minimumByGroup[group],
      LOWEST_ALLOWED_MINIMUM,
      'a smaller group would show individual answers',
    );
  }
  const commentMinimum = requireWholeNumber(
    'commentMinimum',
    input.commentMinimum ?? defaults.commentMinimum,
    LOWEST_ALLOWED_MINIMUM,
    'a single comment would be attributable',
  );
  const strictestGroupMinimum = Math.max(...MINIMUM_GROUPS.map((group) => minimumByGroup[group]));
  const distributionMinimum = requireWholeNumber(
    'distributionMinimum',
    // Unset, it follows a raised group minimum rather than rejecting the organisation's choice.
    input.distributionMinimum ?? Math.max(defaults.distributionMinimum, strictestGroupMinimum),
    strictestGroupMinimum,
    'a distribution reveals more than a mean, so it needs at least the largest group minimum',
  );
  return Object.freeze({
    minimumByGroup: Object.freeze(minimumByGroup),
    managerShownSeparately: requireBoolean(
      'managerShownSeparately',
      input.managerShownSeparately ?? defaults.managerShownSeparately,
    ),
    commentMinimum,
    distributionMinimum,
    mergeSmallGroupsIntoOthers: requireBoolean(
      'mergeSmallGroupsIntoOthers',
      input.mergeSmallGroupsIntoOthers ?? defaults.mergeSmallGroupsIntoOthers,
    ),
  });
}

/**
 * The minimum protecting one rater of `group`. A manager not announced as shown separately gets the
 * strictest group minimum: there is usually one manager, whom the subject knows by name.
 */
export function minimumForGroup(policy: DisclosurePolicy, group: RaterGroup): number {
  if (group === 'manager') {
    return policy.managerShownSeparately
      ? 1
      : Math.max(...MINIMUM_GROUPS.map((g) => policy.minimumByGroup[g]));
  }
  return policy.minimumByGroup[group];
}
