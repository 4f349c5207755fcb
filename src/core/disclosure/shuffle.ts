/**
 * Deterministic shuffling for comment order. Determinism matters twice: a released report is frozen,
 * so every later view must show the same order, and tests need to fix it. The seed is chosen by the
 * caller when it releases the report (and stored with it); the order carries no information about
 * raters because callers' inputs are put in a canonical order first (see comments.ts).
 */
import { seededRandom } from '../seeded-random.ts';

export { seededRandom };

/** 32-bit FNV-1a hash of a string, to derive independent seeds per question and bucket. */
export function hashString(text: string, seed = 0x811c9dc5): number {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** A shuffled copy (Fisher–Yates) driven by `seed`. */
export function seededShuffle<T>(values: ReadonlyArray<T>, seed: number): T[] {
  const out = [...values];
  const random = seededRandom(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const held = out[i]!;
    out[i] = out[j]!;
    out[j] = held;
  }
  return out;
}
