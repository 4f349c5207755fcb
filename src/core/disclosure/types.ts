import type { DisclosurePolicy, RaterGroup } from './policy.ts';

// ---------------------------------------------------------------------------------------------
// Input: the raw answers of one subject's campaign. They never leave the server; only the
// ReleasedReport built from them does.
// ---------------------------------------------------------------------------------------------

/** A rater who submitted. Invited raters who did not submit are counted in `invited` only. */
export interface Rater {
  readonly raterId: string;
  readonly group: RaterGroup;
}

/** One answer; `null` is "can't say": the rater is then not in that item's set. */
export interface RaterAnswer {
  readonly itemId: string;
  readonly raterId: string;
  readonly value: number | null;
}

export interface SelfAnswer {
  readonly itemId: string;
  readonly value: number | null;
}

export interface CapabilityItems {
  readonly capabilityId: string;
  readonly itemIds: ReadonlyArray<string>;
}

export interface RaterComment {
  readonly raterId: string;
  readonly question: string;
  readonly text: string;
}

/** Whole-number answer points from `min` to `max` (e.g. 1–5). */
export interface RatingScale {
  readonly min: number;
  readonly max: number;
}

/**
 * What was released earlier over the same people: their raters (same ids and groups as here) and
 * the rater sets of the figures released (see `releasedRaterSets`). Only sets, never answers.
 */
export interface EarlierRelease {
  readonly raters: ReadonlyArray<Rater>;
  readonly sets: ReadonlyArray<ReadonlyArray<string>>;
}

export interface CampaignAnswers {
  readonly scale: RatingScale;
  /** Items in report order. */
  readonly itemIds: ReadonlyArray<string>;
  readonly capabilities: ReadonlyArray<CapabilityItems>;
  /** Raters who submitted, self excluded. */
  readonly raters: ReadonlyArray<Rater>;
  /** Invitations per group, for response rates; a group left out shows `invited: null`. */
  readonly invitedByGroup?: Readonly<Partial<Record<RaterGroup, number>>>;
  /** Answers of the raters; an item a rater has no answer for counts as "can't say". */
  readonly answers: ReadonlyArray<RaterAnswer>;
  /** The subject's own answers: always shown to the subject, never part of any rater set. */
  readonly selfAnswers?: ReadonlyArray<SelfAnswer>;
  readonly comments?: ReadonlyArray<RaterComment>;
  /** Open questions in report order; questions not listed follow in alphabetical order. */
  readonly commentQuestions?: ReadonlyArray<string>;
}

// ---------------------------------------------------------------------------------------------
// Output: everything that may leave the server. No rater id and no single rater's answer is in it
// (the declared manager excepted); a released report is stored and served frozen.
// ---------------------------------------------------------------------------------------------

/**
 * Why a group is not shown as its own column. Deliberately no counts of answers. `earlier-report`:
 * every figure of the group would, with a report released earlier over the same people, single
 * raters out (a pulse after its 360, when someone in the group did not answer this time).
 */
export type GroupSuppressionReason =
  | 'below-minimum'
  | 'manager-not-announced'
  | 'no-answers'
  | 'earlier-report';

export interface GroupStatus {
  readonly group: RaterGroup;
  /** Invitations and submissions are not answers; every figure states its own n, so they add nothing. */
  readonly invited: number | null;
  readonly responded: number;
  readonly disclosure: 'shown' | 'merged-into-others' | 'suppressed';
  readonly reason: GroupSuppressionReason | null;
}

/** A column of the report: a group shown with figures. "others" may hold merged small groups. */
export interface ReportColumn {
  readonly group: RaterGroup;
  readonly mergedFrom: ReadonlyArray<RaterGroup>;
}

/** A mean over the raters of one column who answered: n raters. */
export interface GroupFigure {
  readonly group: RaterGroup;
  readonly n: number;
  readonly mean: number;
}

/** The mean over all raters except self who answered. */
export interface CombinedFigure {
  readonly n: number;
  readonly mean: number;
}

/**
 * `below-minimum`: fewer raters answered than the minimum. `complementary-suppression`: together with
 * the figures shown it would narrow down to fewer raters than the minimum. `no-answers`: nobody in
 * the group answered. `earlier-report`: safe within this report, but together with figures released
 * earlier over the same people (a pulse after its 360) it would narrow down to too few raters.
 */
export type FigureWithholdingReason =
  | 'below-minimum'
  | 'complementary-suppression'
  | 'no-answers'
  | 'earlier-report';

export interface WithheldFigure {
  readonly figure: RaterGroup | 'all_raters';
  readonly reason: FigureWithholdingReason;
}

/**
 * `could-reveal-unanimity` is used when the combined mean is a whole number: a unanimous set would
 * show every answer at one point, and withholding only unanimous ones would itself announce it.
 */
export type DistributionWithholdingReason =
  | 'combined-figure-withheld'
  | 'below-distribution-minimum'
  | 'could-reveal-unanimity';

/** Answers of the combined set per scale point (`counts[0]` is `scale.min`), with r_wg. */
export interface ReleasedDistribution {
  readonly n: number;
  readonly counts: ReadonlyArray<number>;
  /** r_wg against the uniform null distribution of the scale. */
  readonly rwg: number | null;
}

export interface ReleasedItem {
  readonly itemId: string;
  readonly self: number | null;
  readonly groups: ReadonlyArray<GroupFigure>;
  readonly allRaters: CombinedFigure | null;
  readonly distribution: ReleasedDistribution | null;
  readonly distributionWithheld: DistributionWithholdingReason | null;
  /** Figures of the report's columns and the combined figure that are not shown for this item. */
  readonly withheld: ReadonlyArray<WithheldFigure>;
}

/**
 * A capability figure is the mean of the released item means of the same column over the
 * capability's items (`itemIds`: those used). It is computed only from figures already released,
 * so it can reveal nothing they do not; its rater set, n, is the raters who answered at least one
 * of those items.
 */
export interface CapabilityGroupFigure extends GroupFigure {
  readonly itemIds: ReadonlyArray<string>;
}

export interface CapabilityCombinedFigure extends CombinedFigure {
  readonly itemIds: ReadonlyArray<string>;
}

/** r_wg(j) of the combined set over the capability's items whose distribution is released. */
export interface CapabilityAgreement {
  readonly n: number;
  readonly rwgJ: number | null;
  readonly itemIds: ReadonlyArray<string>;
}

export interface ReleasedCapability {
  readonly capabilityId: string;
  /** Mean of the subject's own answers to the capability's items. */
  readonly self: number | null;
  readonly groups: ReadonlyArray<CapabilityGroupFigure>;
  readonly allRaters: CapabilityCombinedFigure | null;
  readonly agreement: CapabilityAgreement | null;
  /** Columns (or all raters) with no released item figure in this capability. */
  readonly withheld: ReadonlyArray<RaterGroup | 'all_raters'>;
}

/** Comments of one bucket, unattributed and shuffled; `combined` mixes every group not bucketed. */
export interface CommentBucket {
  readonly group: RaterGroup | 'combined';
  readonly texts: ReadonlyArray<string>;
}

export interface ReleasedQuestionComments {
  readonly question: string;
  readonly buckets: ReadonlyArray<CommentBucket>;
  /** True when some comments were held back because too few raters wrote them. */
  readonly someWithheld: boolean;
}

export interface ReleasedReport {
  readonly policy: DisclosurePolicy;
  readonly scale: RatingScale;
  readonly groups: ReadonlyArray<GroupStatus>;
  readonly columns: ReadonlyArray<ReportColumn>;
  readonly items: ReadonlyArray<ReleasedItem>;
  readonly capabilities: ReadonlyArray<ReleasedCapability>;
  readonly comments: ReadonlyArray<ReleasedQuestionComments>;
}
