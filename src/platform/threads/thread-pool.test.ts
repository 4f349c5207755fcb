import { afterEach, describe, expect, it } from 'vitest';
import type sample from './testing/sample-worker.ts';
import type { SampleTask } from './testing/sample-worker.ts';
import { type ThreadPool, threadPool } from './thread-pool.ts';

type Sample = ThreadPool<SampleTask, ReturnType<typeof sample>>;
const sampleWorker = new URL('./testing/sample-worker.ts', import.meta.url);
const pools: Sample[] = [];
function pool(heapMb: number): Sample {
  const made: Sample = threadPool(sampleWorker, { heapMb, idleMs: 1000 });
  pools.push(made);
  return made;
}

afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

describe('threadPool', () => {
  it('runs a TypeScript module off the main thread and returns its result', async () => {
    const result = await pool(64).run({ numbers: [1, 2, 3.5] });
    expect(result).toMatchObject({ sum: 6.5, onMainThread: false });
    expect(result.threadId).toBeGreaterThan(0);
  });

  it('queues tasks on its one thread', async () => {
    const p = pool(64);
    const results = await Promise.all([1, 2, 3].map((n) => p.run({ numbers: [n] })));
    expect(results.map((r) => r.sum)).toEqual([1, 2, 3]);
    expect(new Set(results.map((r) => r.threadId)).size).toBe(1);
  });

  it('rejects a task that outgrows the heap limit, and the next task runs on a new thread', async () => {
    const p = pool(32);
    await expect(p.run({ allocateMb: 512 })).rejects.toThrow(/memory limit/i);
    await expect(p.run({ numbers: [2, 2] })).resolves.toMatchObject({ sum: 4, onMainThread: false });
  });
});
