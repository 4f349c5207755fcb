/**
 * Exact linear span over the rationals, for tests that ask "can an attacker solve for this?". A
 * figure published as (n, mean) over a set of answers is the equation Σ answers = n·mean; a
 * quantity is solvable from the published figures exactly when its coefficient vector lies in the
 * span of theirs. Floating-point rank tests misjudge near-dependent rows, so rows are kept as
 * integer vectors (BigInt, scaled by their gcd) and eliminated exactly.
 */
export class ExactRowSpace {
  private readonly rows: Array<{ pivot: number; coefficients: bigint[] }> = [];

  constructor(readonly dimension: number) {}

  get rank(): number {
    return this.rows.length;
  }

  /** Adds a row of integer coefficients (scale rational rows by a common denominator first). */
  add(coefficients: ReadonlyArray<bigint>): void {
    const reduced = this.reduce(coefficients);
    const pivot = reduced.findIndex((value) => value !== 0n);
    if (pivot >= 0) this.rows.push({ pivot, coefficients: reduced });
  }

  contains(coefficients: ReadonlyArray<bigint>): boolean {
    return this.reduce(coefficients).every((value) => value === 0n);
  }

  /**
   * Eliminates every stored pivot from the vector, rows in insertion order. Each stored row was
   * reduced against all earlier ones, so it is zero in their pivots and cannot bring them back.
   */
  private reduce(coefficients: ReadonlyArray<bigint>): bigint[] {
    if (coefficients.length !== this.dimension) throw new Error('vector length differs from the dimension');
    let vector = [...coefficients];
    for (const row of this.rows) {
      const factor = vector[row.pivot]!;
      if (factor === 0n) continue;
      const scale = row.coefficients[row.pivot]!;
      vector = vector.map((value, i) => value * scale - row.coefficients[i]! * factor);
      vector = normalise(vector);
    }
    return normalise(vector);
  }
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

function normalise(vector: bigint[]): bigint[] {
  let divisor = 0n;
  for (const value of vector) if (value !== 0n) divisor = gcd(divisor, value);
  return divisor > 1n ? vector.map((value) => value / divisor) : vector;
}

/** Least common multiple of positive integers, for turning 1/n weights into integer coefficients. */
export function leastCommonMultiple(values: ReadonlyArray<number>): bigint {
  return values.reduce((lcm, value) => {
    const v = BigInt(value);
    return (lcm / gcd(lcm, v)) * v;
  }, 1n);
}
