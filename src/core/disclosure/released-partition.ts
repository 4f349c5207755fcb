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
  const refiner = new PartitionRefiner(previous);
  for (const [family, sets] of Object.entries(released)) refiner.refine(family, sets);
  return refiner.partition();
}

/**
 * refinePartition one family at a time (decideAnalyticsSnapshot hands each family's sets over as it
 * is decided, so they need not all be held at once). Refining families in the order of `released`
 * gives exactly refinePartition's result.
 */
export class PartitionRefiner {
  readonly #ids: string[];
  readonly #indexOf: Map<string, number>;
  readonly #families = new Map<string, number[]>();

  constructor(previous: ReleasedPartition | null) {
    this.#ids = [...(previous?.ids ?? [])];
    this.#indexOf = new Map(this.#ids.map((id, i) => [id, i]));
    for (const [family, labels] of Object.entries(previous?.families ?? {}))
      this.#families.set(family, [...labels]);
  }

  refine(family: string, sets: ReadonlyArray<ReadonlyArray<string>>): void {
    for (const set of sets)
      for (const id of set)
        if (!this.#indexOf.has(id)) {
          this.#indexOf.set(id, this.#ids.length);
          this.#ids.push(id);
        }
    const labels = this.#padded(this.#families.get(family) ?? []);
    const sizes = new Map<number, number>();
    let next = 0;
    for (const label of labels)
      if (label >= 0) {
        sizes.set(label, (sizes.get(label) ?? 0) + 1);
        next = Math.max(next, label + 1);
      }
    for (const set of sets) {
      const inside = new Map<number, number[]>();
      for (const id of set) {
        const i = this.#indexOf.get(id)!;
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
    this.#families.set(family, labels);
  }

  partition(): ReleasedPartition {
    const families: Record<string, number[]> = {};
    for (const [family, labels] of this.#families) families[family] = this.#padded(labels);
    return { ids: this.#ids, families };
  }

  /** Labels for every id known so far; ids first seen in a later family are in none of its sets. */
  #padded(labels: number[]): number[] {
    while (labels.length < this.#ids.length) labels.push(-1);
    return labels;
  }
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
