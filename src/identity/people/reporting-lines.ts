// Pure rules about reporting lines, shared by the API and the CSV import.

/**
 * Finds a cycle in "person → manager" edges, returning the people in it (in order) or null.
 * Keys are whatever identifies a person to the caller (ids or emails).
 */
export function findReportingCycle(managerOf: ReadonlyMap<string, string | null>): string[] | null {
  const done = new Set<string>();
  for (const start of managerOf.keys()) {
    if (done.has(start)) continue;
    const path: string[] = [];
    const onPath = new Set<string>();
    let current: string | null | undefined = start;
    while (current != null && !done.has(current)) {
      if (onPath.has(current)) return path.slice(path.indexOf(current));
      onPath.add(current);
      path.push(current);
      current = managerOf.get(current);
    }
    for (const p of path) done.add(p);
  }
  return null;
}
