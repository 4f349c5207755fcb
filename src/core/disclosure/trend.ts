import { DisclosureError } from './errors.ts';
import { LOWEST_ALLOWED_MINIMUM } from './policy.ts';

/*
 * A view's trend across climate rounds (docs/decisions/0021). Rounds are disjoint universes — no
 * response is in two rounds — so no difference of two rounds' figures is exactly anyone's answer.
 * It is approximately, when the figures rest on almost the same people and attitudes are stable:
 * a team of 5 that gains one person has 6·m₂ − 5·m₁ ≈ the newcomer's answer, off by the sum of the
 * 5 others' changes. The round figures themselves stay shown (each was released with its round);
 * what this decides is whether the product may present the step between two rounds as a change —
 * a delta, an arrow, a significance mark. It may when both figures were released and the people
 * behind them are the same, or differ by at least the minimum on each side (those joining and those
 * leaving are each a group the minimum protects). Otherwise the step is mostly who came or went,
 * not a change of climate, and showing it as one both misleads and points at those people.
 */

/** One round's figure of a view, as released with that round. */
export interface TrendPoint<R> {
  /** The caller's name for the round (e.g. its id); returned as given. */
  readonly round: R;
  /** Whether the round's figure of this view was released (releaseRoundViews). */
  readonly released: boolean;
  /**
   * Stable ids of the people the figure rests on in that round (the view's respondents as
   * snapshotted for the round). Used only to count who joined and who left; never returned.
   */
  readonly people: ReadonlyArray<string>;
}

/** `round-withheld`: one of the two figures was not released. `membership-change`: see above. */
export type TrendWithholdingReason = 'round-withheld' | 'membership-change';

export type TrendStep<R> =
  | { readonly from: R; readonly to: R; readonly comparable: true }
  | { readonly from: R; readonly to: R; readonly comparable: false; readonly reason: TrendWithholdingReason };

/**
 * For each pair of consecutive points (in the order given: oldest first), whether the change between
 * them may be shown. A step is only ever between neighbours: skipping a withheld or changed round
 * would compare figures further apart in time over the same mix of people, which is no better.
 */
export function releaseTrend<R>(
  points: ReadonlyArray<TrendPoint<R>>,
  options: { readonly minimum: number },
): Array<TrendStep<R>> {
  const { minimum } = options;
  if (!Number.isInteger(minimum) || minimum < LOWEST_ALLOWED_MINIMUM) {
    throw new DisclosureError(
      'minimum',
      `must be a whole number of at least ${LOWEST_ALLOWED_MINIMUM}; got ${minimum}`,
    );
  }
  const steps: Array<TrendStep<R>> = [];
  for (let p = 1; p < points.length; p++) {
    const before = points[p - 1]!;
    const after = points[p]!;
    const step = { from: before.round, to: after.round };
    if (!before.released || !after.released) {
      steps.push({ ...step, comparable: false, reason: 'round-withheld' });
      continue;
    }
    const was = new Set(before.people);
    const is = new Set(after.people);
    const joined = [...is].filter((person) => !was.has(person)).length;
    const left = [...was].filter((person) => !is.has(person)).length;
    const protectedChange = (count: number) => count === 0 || count >= minimum;
    steps.push(
      protectedChange(joined) && protectedChange(left)
        ? { ...step, comparable: true }
        : { ...step, comparable: false, reason: 'membership-change' },
    );
  }
  return steps;
}
