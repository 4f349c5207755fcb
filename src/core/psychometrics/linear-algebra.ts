/**
 * Inverse of a square matrix (row-major) by Gauss–Jordan elimination with partial pivoting, or
 * null when it is singular. Pivoting (rather than Cholesky) because pairwise-complete correlation
 * matrices need not be positive definite, yet are usually still invertible.
 */
export function invertMatrix(matrix: ArrayLike<number>, size: number): Float64Array | null {
  const n = size;
  const width = 2 * n;
  const work = new Float64Array(n * width);
  let scale = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const v = matrix[i * n + j]!;
      if (!Number.isFinite(v)) return null;
      work[i * width + j] = v;
      scale = Math.max(scale, Math.abs(v));
    }
    work[i * width + n + i] = 1;
  }
  if (scale === 0) return null;
  // Relative to the largest entry, so the test does not depend on the matrix's units.
  const singularTolerance = scale * n * Number.EPSILON * 16;

  for (let column = 0; column < n; column++) {
    let pivotRow = column;
    let pivotSize = Math.abs(work[column * width + column]!);
    for (let r = column + 1; r < n; r++) {
      const candidate = Math.abs(work[r * width + column]!);
      if (candidate > pivotSize) {
        pivotSize = candidate;
        pivotRow = r;
      }
    }
    if (pivotSize <= singularTolerance) return null;
    if (pivotRow !== column) {
      for (let j = 0; j < width; j++) {
        const held = work[column * width + j]!;
        work[column * width + j] = work[pivotRow * width + j]!;
        work[pivotRow * width + j] = held;
      }
    }
    const pivot = work[column * width + column]!;
    for (let j = 0; j < width; j++) work[column * width + j]! /= pivot;
    for (let r = 0; r < n; r++) {
      if (r === column) continue;
      const factor = work[r * width + column]!;
      if (factor === 0) continue;
      for (let j = 0; j < width; j++) work[r * width + j]! -= factor * work[column * width + j]!;
    }
  }

  const inverse = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) inverse[i * n + j] = work[i * width + n + j]!;
  }
  return inverse;
}

/**
 * Squared multiple correlation of each variable with all the others: 1 − 1/diag(R⁻¹). As psych's
 * smc(): 1 for every variable when R is singular, and clamped to [0, 1] (sampling error in
 * pairwise matrices can push it outside).
 */
export function squaredMultipleCorrelations(correlation: ArrayLike<number>, size: number): Float64Array {
  const smc = new Float64Array(size);
  const inverse = invertMatrix(correlation, size);
  for (let i = 0; i < size; i++) {
    const value = inverse === null ? 1 : 1 - 1 / inverse[i * size + i]!;
    smc[i] = Math.min(1, Math.max(0, value));
  }
  return smc;
}
