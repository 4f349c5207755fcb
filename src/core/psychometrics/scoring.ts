import { isAnswered, type Response, type ResponseData, toResponseMatrix } from './descriptives.ts';
import { PsychometricsError } from './errors.ts';

/** One item of a scale and whether it is reverse-keyed. */
export interface ScaleKey {
  item: string;
  reversed: boolean;
}

/**
 * Parses a psych-style key list: comma-separated item names, a leading `-` marking a reverse-keyed
 * item ("-A1,A2,A3"). Rejects empty names and duplicates, since either would silently change the
 * scale being analysed.
 */
export function parseScaleKeys(spec: string): ScaleKey[] {
  const keys: ScaleKey[] = [];
  const seen = new Set<string>();
  for (const part of spec.split(',')) {
    const token = part.trim();
    const reversed = token.startsWith('-');
    const item = (reversed ? token.slice(1) : token).trim();
    if (item === '') throw new PsychometricsError(`empty item name in keys "${spec}"`);
    if (seen.has(item)) throw new PsychometricsError(`item "${item}" appears twice in keys`);
    seen.add(item);
    keys.push({ item, reversed });
  }
  return keys;
}

/** Reverses an answer on a min..max scale as max + min − x (psych's convention); missing stays missing. */
export function reverseScore(value: Response, min: number, max: number): number | null {
  return isAnswered(value) ? max + min - value : null;
}

export interface ScaleScoreOptions {
  /** Per item, whether it is reverse-keyed; default none. */
  reversed?: ReadonlyArray<boolean>;
  /** Scale bounds, required when any item is reversed. */
  min?: number;
  max?: number;
  /**
   * Fewest answered items for a score; below it the score is missing (null). Default: half the
   * items, rounded up — a common rule that keeps a mean of answered items comparable across people
   * without letting one or two answers stand in for a whole scale.
   */
  minAnswered?: number;
}

function resolvedMinimum(itemCount: number, options: ScaleScoreOptions): number {
  const minimum = options.minAnswered ?? Math.ceil(itemCount / 2);
  if (!Number.isInteger(minimum) || minimum < 1 || minimum > itemCount) {
    throw new PsychometricsError(`minAnswered must be an integer from 1 to ${itemCount}; got ${minimum}`);
  }
  if (options.reversed?.some(Boolean) && (options.min === undefined || options.max === undefined)) {
    throw new PsychometricsError('min and max are required to reverse items');
  }
  return minimum;
}

/**
 * A person's scale score: the mean of the items they answered (reversed items recoded first), or
 * null when fewer than `minAnswered` were answered. Missing answers are skipped, never imputed.
 */
export function scaleScore(
  responses: ReadonlyArray<Response>,
  options: ScaleScoreOptions = {},
): number | null {
  const minimum = resolvedMinimum(responses.length, options);
  let answered = 0;
  let sum = 0;
  responses.forEach((value, i) => {
    if (!isAnswered(value)) return;
    answered++;
    sum += options.reversed?.[i] ? options.max! + options.min! - value : value;
  });
  return answered >= minimum ? sum / answered : null;
}

/** scaleScore for every row of the data. */
export function scaleScores(data: ResponseData, options: ScaleScoreOptions = {}): Array<number | null> {
  const matrix = toResponseMatrix(data);
  const k = matrix.itemCount;
  const minimum = resolvedMinimum(k, options);
  const scores: Array<number | null> = [];
  for (let r = 0; r < matrix.rowCount; r++) {
    let answered = 0;
    let sum = 0;
    for (let i = 0; i < k; i++) {
      const v = matrix.values[r * k + i]!;
      if (Number.isNaN(v)) continue;
      answered++;
      sum += options.reversed?.[i] ? options.max! + options.min! - v : v;
    }
    scores.push(answered >= minimum ? sum / answered : null);
  }
  return scores;
}
