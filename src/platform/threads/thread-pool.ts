// CPU-bound pure work off the server's event loop (docs/decisions/0031): a month's analytics decision
// at 100,000 people computes for 15–35 s, which on the main thread would stall every request of every
// organisation that long, and its heap would be the server's. A pool of one worker thread (piscina)
// runs it with a heap limit of its own: work that outgrows it fails its job, not the server.
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Piscina from 'piscina';

export interface ThreadPoolOptions {
  /** The worker's old-generation heap limit; past it the task is rejected and the worker replaced. */
  heapMb: number;
  /** Idle time before the thread exits and its memory is returned. */
  idleMs?: number;
}

export interface ThreadPool<Input, Output> {
  /** `transfer`: buffers of `input` moved to the thread rather than copied (unusable here after). */
  run(input: Input, transfer?: ArrayBuffer[]): Promise<Output>;
  close(): Promise<void>;
}

// Worker modules are TypeScript, like the rest of the app (bin/lodestar.js runs it through tsx), and a
// worker thread does not inherit loader hooks registered in its parent, so it loads tsx itself.
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/**
 * A lazily started pool running `workerModule`'s default export, one task at a time (later tasks
 * queue). The thread starts on the first task and exits after `idleMs` without one.
 */
export function threadPool<Input, Output>(
  workerModule: URL,
  options: ThreadPoolOptions,
): ThreadPool<Input, Output> {
  let pool: Piscina<Input, Output> | null = null;
  const start = () => {
    const started = new Piscina<Input, Output>({
      filename: fileURLToPath(workerModule),
      minThreads: 0,
      maxThreads: 1,
      idleTimeout: options.idleMs ?? 10_000,
      execArgv: ['--import', tsxLoader],
      resourceLimits: { maxOldGenerationSizeMb: options.heapMb },
    });
    // A task's failure (its thread out of memory, say) rejects its promise; piscina emits 'error' only
    // for a thread that fails with no task, and an unheard 'error' event would end the server.
    started.on('error', (err: unknown) => process.emitWarning(`thread pool: ${String(err)}`));
    return started;
  };
  return {
    run(input, transfer = []) {
      pool ??= start();
      return pool.run(input, { transferList: transfer });
    },
    async close() {
      const closing = pool;
      pool = null;
      await closing?.destroy();
    },
  };
}
