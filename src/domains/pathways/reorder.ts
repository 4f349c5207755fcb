// Reordering a pathway: the client sends the step ids in their new order. Pure, so the rule is
// tested without a database. The list must be exactly the pathway's steps, each once: anything
// else (a step from elsewhere, one left out, one twice) most likely comes from a stale page, and
// guessing what was meant would silently lose the person's order.

/** Null when `requested` is a permutation of `current`, else the rule it breaks (for `stepIds`). */
export function reorderProblem(current: readonly string[], requested: readonly string[]): string | null {
  if (new Set(requested).size !== requested.length) return 'must not repeat a step';
  const known = new Set(current);
  if (requested.some((id) => !known.has(id))) return 'must list only this pathway’s steps';
  if (requested.length !== current.length) return 'must list every step of this pathway, each once';
  return null;
}

/** The position of each step id after the move: 0, 1, 2 … in the order given. */
export function positionsOf(order: readonly string[]): Map<string, number> {
  return new Map(order.map((id, index) => [id, index]));
}
