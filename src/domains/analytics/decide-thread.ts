// The pure part of a month's decision, run on a worker thread (platform/threads, ADR 0031): the
// disclosure lattice over everyone's values and the refined partition of everything released.
// Reading the input and storing the result stay with the job's transaction on the main thread.
import {
  type AnalyticsSnapshotDecision,
  decideAnalyticsSnapshot,
  PartitionRefiner,
  partitionAsSets,
  type ReleasedPartition,
} from '../../core/disclosure/index.ts';
import { expandPeople } from './compact-people.ts';
import type { CompactSnapshotInput } from './snapshot-read.ts';

/** What readers need of a stored decision; releasedSets stay in the system-only table. */
export type StoredDecision = Omit<AnalyticsSnapshotDecision, 'releasedSets'>;

export interface DecideTask {
  input: CompactSnapshotInput;
  minimum: number;
  /** Measure ids whose page is by career stage (their stage row wins over team totals). */
  byStage: string[];
  /** The cumulative partition of every earlier release as stored (JSON), or null before the first. */
  previous: string | null;
}

/**
 * The decision and the new partition as the JSON they are stored as: parsed, stringified and cloned
 * between threads as objects they were ~400 MB of the main thread's heap at 100,000 people, and the
 * main thread only passes them on to the database.
 */
export interface DecideResult {
  decisionJson: string;
  partitionJson: string;
  cells: number;
}

export function decideOnThread({ input, minimum, byStage, previous: stored }: DecideTask): DecideResult {
  const previous = stored === null ? null : (JSON.parse(stored) as ReleasedPartition);
  const refiner = new PartitionRefiner(previous);
  const decision = decideAnalyticsSnapshot(
    { ...input, people: expandPeople(input.people) },
    {
      minimum,
      earlier: previous ? [partitionAsSets(previous)] : [],
      preferByFamily: Object.fromEntries(byStage.map((id) => [id, 'stages' as const])),
    },
    (family, sets) => refiner.refine(family, sets),
  );
  return {
    decisionJson: JSON.stringify(decision satisfies StoredDecision),
    partitionJson: JSON.stringify(refiner.partition()),
    cells: Object.keys(decision.released).length,
  };
}

export default decideOnThread;
