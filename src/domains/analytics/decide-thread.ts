// The pure part of a month's decision, run on a worker thread (platform/threads, ADR 0031): the
// disclosure lattice over everyone's values and the refined partition of everything released.
// Reading the input and storing the result stay with the job's transaction on the main thread.
import {
  type AnalyticsSnapshotDecision,
  type AnalyticsSnapshotInput,
  analyticsSnapshot,
  partitionAsSets,
  type ReleasedPartition,
  refinePartition,
} from '../../core/disclosure/index.ts';

/** What readers need of a stored decision; releasedSets stay in the system-only table. */
export type StoredDecision = Omit<AnalyticsSnapshotDecision, 'releasedSets'>;

export interface DecideTask {
  input: AnalyticsSnapshotInput;
  minimum: number;
  /** Measure ids whose page is by career stage (their stage row wins over team totals). */
  byStage: string[];
  /** The cumulative partition of every earlier release, or null before the first. */
  previous: ReleasedPartition | null;
}

export interface DecideResult {
  decision: StoredDecision;
  partition: ReleasedPartition;
}

export function decideOnThread({ input, minimum, byStage, previous }: DecideTask): DecideResult {
  const { releasedSets, ...decision } = analyticsSnapshot(input, {
    minimum,
    earlier: previous ? [partitionAsSets(previous)] : [],
    preferByFamily: Object.fromEntries(byStage.map((id) => [id, 'stages' as const])),
  });
  return { decision, partition: refinePartition(previous, releasedSets) };
}

export default decideOnThread;
