import {
  isAnswered,
  mean,
  type Response,
  type ResponseData,
  toResponseMatrix,
  variance,
} from './descriptives.ts';
import { PsychometricsError } from './errors.ts';

/** Group identifier of a row; null/undefined/'' mean "no group" and exclude the row. */
export type GroupId = string | number | null | undefined;

/**
 * Variance of a uniform ("no agreement") answer distribution on an A-point scale: (A² − 1)/12.
 * The null distribution of James, Demaree & Wolf's r_wg.
 */
export function uniformNullVariance(points: number): number {
  if (!Number.isInteger(points) || points < 2) {
    throw new PsychometricsError(`scale points must be an integer of at least 2; got ${points}`);
  }
  return (points * points - 1) / 12;
}

function checkNullVariance(nullVariance: number): void {
  if (!(nullVariance > 0) || !Number.isFinite(nullVariance)) {
    throw new PsychometricsError(`null variance must be a positive number; got ${nullVariance}`);
  }
}

/**
 * r_wg of one group on one item: 1 − s²/σ²_E, with s² truncated at σ²_E so that more-than-random
 * disagreement reads as 0 (multilevel::rwg). Null for fewer than two answers.
 */
export function rwg(values: ReadonlyArray<Response>, nullVariance: number): number | null {
  checkNullVariance(nullVariance);
  const observed = variance(values);
  if (Number.isNaN(observed)) return null;
  return 1 - Math.min(observed, nullVariance) / nullVariance;
}

/**
 * r_wg(j) of one group on J parallel items (multilevel::rwg.j): with s̄² the mean of the item
 * variances, truncated at σ²_E, J(1 − s̄²/σ²_E) / (J(1 − s̄²/σ²_E) + s̄²/σ²_E). Each item variance is
 * over that item's answers; null when a group has fewer than two rows or an item fewer than two answers.
 */
export function rwgJ(data: ResponseData, nullVariance: number): number | null {
  checkNullVariance(nullVariance);
  const matrix = toResponseMatrix(data);
  const j = matrix.itemCount;
  if (j === 0 || matrix.rowCount < 2) return null;
  const column = new Float64Array(matrix.rowCount);
  let varianceSum = 0;
  for (let item = 0; item < j; item++) {
    for (let r = 0; r < matrix.rowCount; r++) column[r] = matrix.values[r * j + item]!;
    varianceSum += variance(column);
  }
  const ratio = Math.min(varianceSum / j, nullVariance) / nullVariance;
  if (Number.isNaN(ratio)) return null;
  return (j * (1 - ratio)) / (j * (1 - ratio) + ratio);
}

function groupKey(id: GroupId): string | null {
  if (id === null || id === undefined) return null;
  const key = String(id).trim();
  return key === '' ? null : key;
}

/**
 * Orders group identifiers as R orders factor levels: numerically when every identifier is a
 * number (so "10" follows "9"), otherwise by code point, which is R's order in the C locale.
 */
export function compareGroupIds(ids: ReadonlyArray<string>): (a: string, b: string) => number {
  const numeric = ids.every((id) => id.trim() !== '' && Number.isFinite(Number(id)));
  if (numeric) return (a, b) => Number(a) - Number(b) || (a < b ? -1 : a > b ? 1 : 0);
  return (a, b) => (a < b ? -1 : a > b ? 1 : 0);
}

/** Row indices per group, groups in R's factor order. */
function splitRows(groups: ReadonlyArray<GroupId>, keep: (row: number) => boolean): Map<string, number[]> {
  const byGroup = new Map<string, number[]>();
  groups.forEach((id, row) => {
    const key = groupKey(id);
    if (key === null || !keep(row)) return;
    const rows = byGroup.get(key);
    if (rows) rows.push(row);
    else byGroup.set(key, [row]);
  });
  const order = [...byGroup.keys()].sort(compareGroupIds([...byGroup.keys()]));
  return new Map(order.map((key) => [key, byGroup.get(key)!]));
}

export interface GroupRwg {
  group: string;
  n: number;
  rwg: number | null;
}

export interface GroupRwgJ {
  group: string;
  n: number;
  rwg_j: number | null;
}

/** r_wg per group for one item; rows missing the answer or the group are left out (multilevel::rwg). */
export function rwgByGroup(
  groups: ReadonlyArray<GroupId>,
  values: ReadonlyArray<Response>,
  nullVariance: number,
): GroupRwg[] {
  if (groups.length !== values.length) throw new PsychometricsError('groups and values differ in length');
  const split = splitRows(groups, (row) => isAnswered(values[row]));
  return [...split].map(([group, rows]) => ({
    group,
    n: rows.length,
    rwg: rwg(
      rows.map((row) => values[row]),
      nullVariance,
    ),
  }));
}

function completeRowFilter(data: ReturnType<typeof toResponseMatrix>): (row: number) => boolean {
  const k = data.itemCount;
  return (row) => {
    for (let i = 0; i < k; i++) if (Number.isNaN(data.values[row * k + i]!)) return false;
    return true;
  };
}

/**
 * r_wg(j) per group. As multilevel::rwg.j, rows with any missing answer (or no group) are dropped
 * before grouping (listwise deletion), so n is the number of complete rows in the group.
 */
export function rwgJByGroup(
  groups: ReadonlyArray<GroupId>,
  data: ResponseData,
  nullVariance: number,
): GroupRwgJ[] {
  const matrix = toResponseMatrix(data);
  if (groups.length !== matrix.rowCount) throw new PsychometricsError('groups and rows differ in length');
  const k = matrix.itemCount;
  const split = splitRows(groups, completeRowFilter(matrix));
  return [...split].map(([group, rows]) => {
    const values = new Float64Array(rows.length * k);
    for (const [r, row] of rows.entries()) values.set(matrix.values.subarray(row * k, row * k + k), r * k);
    return {
      group,
      n: rows.length,
      rwg_j: rwgJ({ rowCount: rows.length, itemCount: k, values }, nullVariance),
    };
  });
}

export interface OneWayAnova {
  /** Observations and groups used. */
  n: number;
  groupCount: number;
  dfBetween: number;
  dfWithin: number;
  sumSquaresBetween: number;
  sumSquaresWithin: number;
  meanSquareBetween: number;
  meanSquareWithin: number;
}

/** One-way ANOVA of values by group membership, as R's aov(y ~ factor(group)); incomplete pairs dropped. */
export function oneWayAnova(groups: ReadonlyArray<GroupId>, values: ReadonlyArray<Response>): OneWayAnova {
  if (groups.length !== values.length) throw new PsychometricsError('groups and values differ in length');
  const split = splitRows(groups, (row) => isAnswered(values[row]));
  const all: number[] = [];
  for (const rows of split.values()) for (const row of rows) all.push(values[row] as number);
  const grandMean = mean(all);
  let sumSquaresBetween = 0;
  let sumSquaresWithin = 0;
  for (const rows of split.values()) {
    const groupValues = rows.map((row) => values[row] as number);
    const groupMean = mean(groupValues);
    sumSquaresBetween += groupValues.length * (groupMean - grandMean) ** 2;
    for (const v of groupValues) sumSquaresWithin += (v - groupMean) ** 2;
  }
  const n = all.length;
  const groupCount = split.size;
  const dfBetween = groupCount - 1;
  const dfWithin = n - groupCount;
  return {
    n,
    groupCount,
    dfBetween,
    dfWithin,
    sumSquaresBetween,
    sumSquaresWithin,
    meanSquareBetween: sumSquaresBetween / dfBetween,
    meanSquareWithin: sumSquaresWithin / dfWithin,
  };
}

export interface GroupReliability {
  /** Bliese's ICC(1): (MSB − MSW) / (MSB + (k̄ − 1)·MSW), k̄ = n / groups (multilevel::ICC1). */
  icc1: number | null;
  /** ICC(2), reliability of the group means: (MSB − MSW) / MSB (multilevel::ICC2). */
  icc2: number | null;
  anova: OneWayAnova;
}

/** ICC(1) and ICC(2) from a one-way ANOVA; null when there are fewer than two groups or no within-group df. */
export function groupReliability(
  groups: ReadonlyArray<GroupId>,
  values: ReadonlyArray<Response>,
): GroupReliability {
  const anova = oneWayAnova(groups, values);
  if (anova.dfBetween < 1 || anova.dfWithin < 1) return { icc1: null, icc2: null, anova };
  const msb = anova.meanSquareBetween;
  const msw = anova.meanSquareWithin;
  const averageGroupSize = anova.n / anova.groupCount;
  return {
    icc1: (msb - msw) / (msb + (averageGroupSize - 1) * msw),
    icc2: (msb - msw) / msb,
    anova,
  };
}

export interface AgreementReport {
  groups: GroupRwgJ[];
  icc1: number | null;
  icc2: number | null;
}

/**
 * Within-group agreement and group-mean reliability of a multi-item measure, as multilevel's
 * rwg.j plus ICC1/ICC2 of aov(row mean ~ group). Rows with a missing answer or group are dropped
 * (listwise, as multilevel does), so every figure rests on the same rows.
 */
export function agreementReport(
  groups: ReadonlyArray<GroupId>,
  data: ResponseData,
  options: { nullVariance: number },
): AgreementReport {
  const matrix = toResponseMatrix(data);
  if (groups.length !== matrix.rowCount) throw new PsychometricsError('groups and rows differ in length');
  const k = matrix.itemCount;
  if (k < 1) throw new PsychometricsError('agreement needs at least 1 item');
  const isComplete = completeRowFilter(matrix);
  const composites: Array<number | null> = [];
  for (let row = 0; row < matrix.rowCount; row++) {
    if (!isComplete(row)) {
      composites.push(null);
      continue;
    }
    let sum = 0;
    for (let i = 0; i < k; i++) sum += matrix.values[row * k + i]!;
    composites.push(sum / k);
  }
  const { icc1, icc2 } = groupReliability(groups, composites);
  return { groups: rwgJByGroup(groups, matrix, options.nullVariance), icc1, icc2 };
}
