// Pure cycle finding over "child → parent" edges, shared by reporting lines (person → manager) and
// nested teams (team → parent team), in the API and the CSV import alike.

/**
 * Finds a cycle in "child → parent" edges, returning its members (in order) or null. Keys are
 * whatever identifies a node to the caller (person ids, emails, team ids or names).
 */
export function findCycle(parentOf: ReadonlyMap<string, string | null>): string[] | null {
  const done = new Set<string>();
  for (const start of parentOf.keys()) {
    if (done.has(start)) continue;
    const path: string[] = [];
    const onPath = new Set<string>();
    let current: string | null | undefined = start;
    while (current != null && !done.has(current)) {
      if (onPath.has(current)) return path.slice(path.indexOf(current));
      onPath.add(current);
      path.push(current);
      current = parentOf.get(current);
    }
    for (const p of path) done.add(p);
  }
  return null;
}
