// A worker module for thread-pool.test.ts: sums numbers, reports whether it ran off the main thread,
// or (asked to) allocates past any small heap limit.
import { isMainThread, threadId } from 'node:worker_threads';

export interface SampleTask {
  numbers?: number[];
  allocateMb?: number;
}

export default function sample(task: SampleTask): {
  sum: number;
  allocatedMb: number;
  onMainThread: boolean;
  threadId: number;
} {
  const held: number[][] = [];
  // Arrays of doubles held until the heap limit stops the worker.
  for (let mb = 0; mb < (task.allocateMb ?? 0); mb++) held.push(new Array(131_072).fill(mb + 0.5));
  const sum = (task.numbers ?? []).reduce((a, b) => a + b, 0);
  return { sum, allocatedMb: held.length, onMainThread: isMainThread, threadId };
}
