import {
  ANY,
  type AnalyticsCellKey,
  type AnalyticsSnapshotDecision,
  analyticsCellId,
  type ReleasedAnalyticsCell,
} from './analytics.ts';
import { DisclosureError } from './errors.ts';

/*
 * Answers a filter from a decided snapshot (docs/decisions/0025). Nothing is recomputed over people:
 * the answer is a signed sum of released lattice cells, or withheld. Hence any number of answers
 * together say nothing the released cells do not.
 */

export interface AnalyticsFilter {
  /** Subtrees to include (a team and all below it); absent or empty: the whole organisation. */
  readonly teams?: ReadonlyArray<string>;
  /** Subtrees to leave out of the included ones (“Engineering without Platform”). */
  readonly excludeTeams?: ReadonlyArray<string>;
  /** Stages to include; absent: all. */
  readonly stages?: ReadonlyArray<string>;
  /** Programmes to include; absent: everyone, in a programme or not. */
  readonly programmes?: ReadonlyArray<string>;
}

export type AnalyticsAnswer =
  | { readonly released: true; readonly n: number; readonly sum: number }
  | {
      readonly released: false;
      /** `empty`: the filter selects nobody; `withheld`: it needs a lattice cell that was not released. */
      readonly reason: 'empty' | 'withheld';
    };

/** The answer for one figure (`people`, a measure id, or `<count measure>#counted`) under a filter. */
export function answerQuery(
  decision: AnalyticsSnapshotDecision,
  filter: AnalyticsFilter,
  figure: string,
): AnalyticsAnswer {
  const options = [queryTerms(decision, filter, figure)];
  // Stages s1, s2 of s1…s3 are also "all stages minus s3": the same people, another sum of cells.
  const stages = filter.stages === undefined ? [] : [...new Set(filter.stages)];
  if (stages.length > 0 && stages.length < decision.stages.length) {
    const others = decision.stages.filter((stage) => !stages.includes(stage));
    const all = queryTerms(decision, { ...filter, stages: undefined }, figure);
    const minus = queryTerms(decision, { ...filter, stages: others }, figure);
    options.push([...all, ...minus.map(({ key, sign }) => ({ key, sign: -sign as 1 | -1 }))]);
  }
  if (options[0]!.length === 0) return { released: false, reason: 'empty' };
  for (const terms of options) {
    const answer = sumOf(decision, terms);
    if (answer) return answer;
  }
  return { released: false, reason: 'withheld' };
}

/** The sum of the terms' cells, or null when one was not released. */
function sumOf(
  decision: AnalyticsSnapshotDecision,
  terms: ReadonlyArray<{ key: AnalyticsCellKey; sign: 1 | -1 }>,
): AnalyticsAnswer | null {
  let n = 0;
  let sum = 0;
  for (const { key, sign } of terms) {
    const cell: ReleasedAnalyticsCell | undefined = decision.released[analyticsCellId(key)];
    // A cell with no people is never in the lattice; it is "withheld" too, so that absence and
    // suppression look alike and an empty sub-team is not told apart from a small one.
    if (!cell) return null;
    n += sign * cell.n;
    sum += sign * cell.sum;
  }
  return { released: true, n, sum };
}

/**
 * A period range answered from several snapshots (calendar buckets): released only if every bucket
 * is, as the pooled n and sum. Meaningful for observations that belong to one bucket (answers given
 * in that month); for people counted in every month, show the series instead.
 */
export function poolBuckets(answers: ReadonlyArray<AnalyticsAnswer>): AnalyticsAnswer {
  let n = 0;
  let sum = 0;
  for (const answer of answers) {
    if (!answer.released) return { released: false, reason: 'withheld' };
    n += answer.n;
    sum += answer.sum;
  }
  return answers.length === 0 ? { released: false, reason: 'empty' } : { released: true, n, sum };
}

/** The lattice cells, with signs, whose sum is the filter's figure. */
export function queryTerms(
  decision: AnalyticsSnapshotDecision,
  filter: AnalyticsFilter,
  figure: string,
): Array<{ key: AnalyticsCellKey; sign: 1 | -1 }> {
  const [measureId, counted] = figure.split('#');
  const measure = decision.measures.find((m) => m.id === measureId);
  const known =
    figure === 'people' ||
    (measure && (counted === undefined || (counted === 'counted' && measure.kind === 'count')));
  if (!known)
    throw new DisclosureError('figure', `must be "people" or a measure of the snapshot; got "${figure}"`);

  const teams = teamTerms(decision.parentOf, filter);
  const stages = valueTerms(decision.stages, filter.stages, 'stages', true);
  const programmes = valueTerms(decision.programmes, filter.programmes, 'programmes', false);
  const terms: Array<{ key: AnalyticsCellKey; sign: 1 | -1 }> = [];
  for (const team of teams)
    for (const stage of stages)
      for (const programme of programmes)
        terms.push({ key: { team: team.id, stage, programme, figure }, sign: team.sign });
  return terms;
}

/** `ANY` when the selection is absent, or (when `wholeWhenAll`) lists every value; else each value. */
function valueTerms(
  all: ReadonlyArray<string>,
  selected: ReadonlyArray<string> | undefined,
  field: string,
  wholeWhenAll: boolean,
): string[] {
  if (selected === undefined) return [ANY];
  const chosen = [...new Set(selected)];
  chosen.forEach((value, i) => {
    if (!all.includes(value))
      throw new DisclosureError(`${field}[${i}]`, `is not one of the snapshot's ${field}; got "${value}"`);
  });
  return wholeWhenAll && chosen.length === all.length ? [ANY] : chosen;
}

/**
 * Included subtrees +1 and excluded ones −1, each counted once: a team below another chosen one is
 * dropped, and an exclusion outside every included subtree removes nobody.
 */
function teamTerms(
  parentOf: Readonly<Record<string, string | null>>,
  filter: AnalyticsFilter,
): Array<{ id: string; sign: 1 | -1 }> {
  const check = (ids: ReadonlyArray<string>, field: string) =>
    ids.forEach((id, i) => {
      if (!Object.hasOwn(parentOf, id))
        throw new DisclosureError(`${field}[${i}]`, `is not a team of the snapshot; got "${id}"`);
    });
  const include = [...new Set(filter.teams ?? [])];
  const exclude = [...new Set(filter.excludeTeams ?? [])];
  check(include, 'teams');
  check(exclude, 'excludeTeams');
  const ancestors = (id: string) => {
    const out: string[] = [];
    for (let up = parentOf[id] ?? null; up !== null && !out.includes(up); up = parentOf[up] ?? null)
      out.push(up);
    return out;
  };
  const within = (id: string, among: ReadonlyArray<string>) => ancestors(id).some((a) => among.includes(a));
  const outer = exclude.filter((id) => !within(id, exclude));
  // An included subtree inside an excluded one selects nobody; an exclusion outside every included
  // subtree removes nobody.
  const included = (include.length === 0 ? [ANY] : include.filter((id) => !within(id, include))).filter(
    (id) => id === ANY || !(outer.includes(id) || within(id, outer)),
  );
  const excluded = outer.filter((id) => included[0] === ANY || within(id, included));
  return [
    ...included.map((id) => ({ id, sign: 1 as const })),
    ...excluded.map((id) => ({ id, sign: -1 as const })),
  ];
}
