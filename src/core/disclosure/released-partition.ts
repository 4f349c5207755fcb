/*
 * What later analytics snapshots must be decided against (docs/decisions/0025) is not the list of
 * every set released before but the partition those sets induce: its atoms generate by intersection
 * and difference exactly the sets the released ones do, so deciding against the atoms gives the
 * same decisions (the programme dashboard keeps its earlier releases the same way, ADR 0023). The
 * sets grow with every cell of every month — at 100,000 people one month's were over PostgreSQL's
 * 256 MB jsonb limit — while the partition is one label per id and family, and one cumulative
 * partition replaces every earlier version.
 */

/** Per family (headcount or measure), the atom of each id; -1: the id is in none of its sets. */
export interface ReleasedPartition {
  readonly ids: ReadonlyArray<string>;
  readonly families: Readonly<Record<string, ReadonlyArray<number>>>;
}

/** The partition after `released` (a snapshot's releasedSets), refining `previous` if there is one. */
export function refinePartition(
  previous: ReleasedPartition | null,
  released: Readonly<Record<string, ReadonlyArray<ReadonlyArray<string>>>>,
): ReleasedPartition {
  const ids = [...(previous?.ids ?? [])];
  const indexOf = new Map(ids.map((id, i) => [id, i]));
  for (const sets of Object.values(released))
    for (const set of sets)
      for (const id of set)
        if (!indexOf.has(id)) {
          indexOf.set(id, ids.length);
          ids.push(id);
        }
  const names = new Set([...Object.keys(previous?.families ?? {}), ...Object.keys(released)]);
  const families: Record<string, number[]> = {};
  for (const family of names) {
    const labels = new Array<number>(ids.length).fill(-1);
    (previous?.families[family] ?? []).forEach((label, i) => {
      labels[i] = label;
    });
    const sizes = new Map<number, number>();
    let next = 0;
    for (const label of labels)
      if (label >= 0) {
        sizes.set(label, (sizes.get(label) ?? 0) + 1);
        next = Math.max(next, label + 1);
      }
    for (const set of released[family] ?? []) {
      const inside = new Map<number, number[]>();
      for (const id of set) {
        const i = indexOf.get(id)!;
        const members = inside.get(labels[i]!) ?? [];
        members.push(i);
        inside.set(labels[i]!, members);
      }
      for (const [label, members] of inside) {
        // A whole class inside the set stays as it is; otherwise its part inside becomes an atom of its
        // own (ids in no earlier set, label -1, always do: that "outside" class is not an atom).
        if (label >= 0 && members.length === sizes.get(label)) continue;
        if (label >= 0) sizes.set(label, sizes.get(label)! - members.length);
        sizes.set(next, members.length);
        for (const i of members) labels[i] = next;
        next++;
      }
    }
    families[family] = labels;
  }
  return { ids, families };
}

/** The atoms as sets of ids per family: the `earlier` context analyticsSnapshot takes. */
export function partitionAsSets(partition: ReleasedPartition): Record<string, string[][]> {
  const out: Record<string, string[][]> = {};
  for (const [family, labels] of Object.entries(partition.families)) {
    const atoms = new Map<number, string[]>();
    labels.forEach((label, i) => {
      if (label < 0) return;
      const members = atoms.get(label) ?? [];
      members.push(partition.ids[i]!);
      atoms.set(label, members);
    });
    out[family] = [...atoms.values()];
  }
  return out;
}
