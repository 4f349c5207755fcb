// Input checks shared by the impact statistics: each rejection names the field, so a route can
// answer 400 with it (ADR 0024).
import { PsychometricsError } from './errors.ts';

/** Rejects anything but an array of finite numbers, naming the field and the position. */
export function finiteValues(values: ReadonlyArray<number>, field: string, minimum: number): number[] {
  if (!Array.isArray(values)) throw new PsychometricsError(`${field} must be a list of numbers`, field);
  values.forEach((value, i) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new PsychometricsError(`${field}[${i}] must be a finite number; got ${String(value)}`, field);
    }
  });
  if (values.length < minimum) {
    throw new PsychometricsError(`${field} needs at least ${minimum} values; got ${values.length}`, field);
  }
  return [...values];
}

export function checkConfidence(confidence: number): number {
  if (!(confidence > 0 && confidence < 1)) {
    throw new PsychometricsError(`confidence must be between 0 and 1; got ${confidence}`, 'confidence');
  }
  return confidence;
}
