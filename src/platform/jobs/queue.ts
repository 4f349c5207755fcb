// A durable job queue in the app's own database (docs/decisions/0003), identical on PGlite and
// PostgreSQL. Jobs are enqueued in the caller's transaction, so they commit or roll back with the
// work that caused them; workers claim one at a time with FOR UPDATE SKIP LOCKED.
import { and, eq, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database, Tx } from '../db/database.ts';
import { col, queryRows } from '../db/rows.ts';
import type { Logger } from '../log.ts';
import { nextCronRun, retryDelayMs, validateCron } from './backoff.ts';
import type { JobContext, JobDefinition, JobInfo } from './job-types.ts';
import { jobSchedules, jobs } from './schema.ts';

export interface EnqueueOptions {
  runAt?: Date;
  delayMs?: number;
  /** At most one queued or running job per key: a second enqueue returns null. */
  dedupeKey?: string;
  maxAttempts?: number;
}

export interface JobQueueOptions<C = unknown> {
  /**
   * What handlers get as `ctx.services`, read each time a job runs (the app passes a function
   * returning its `Services`). A queue built without it gives handlers that touch it an error.
   */
  services?: () => C;
  pollIntervalMs?: number;
  /** Handlers run at once; defaults to 2 on PostgreSQL and 1 on PGlite (one connection). */
  concurrency?: number;
  /** A running job whose worker has not reported for this long is taken to be crashed. */
  staleAfterMs?: number;
}

const DEFAULT_MAX_ATTEMPTS = 5;
const MAX_ERROR_LENGTH = 4000;
// Finished jobs are kept for a week for inspection, then pruned; failed ones stay until removed.
const KEEP_DONE_MS = 7 * 24 * 60 * 60 * 1000;
const PRUNE_EVERY_MS = 60 * 60 * 1000;

const claimedRow = z.object({
  id: col.count,
  task: z.string(),
  payload: z.unknown(),
  attempts: col.count,
  max_attempts: col.count,
  last_error: z.string().nullable(),
});
type ClaimedJob = z.output<typeof claimedRow>;

const dueScheduleRow = z.object({
  name: z.string(),
  cron: z.string(),
  task: z.string(),
  payload: z.record(z.string(), z.unknown()),
  next_run_at: col.timestamp,
  now: col.timestamp,
});

function positiveInteger(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${name} must be a positive integer, got ${value}`);
  return value;
}

function describeError(err: unknown): string {
  const text = err instanceof Error ? err.message || err.name : String(err);
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH)}…` : text;
}

async function insertJob(
  tx: Tx,
  task: string,
  payload: unknown,
  runAt: SQL,
  maxAttempts: number,
  dedupeKey: string | undefined,
): Promise<number | null> {
  const rows = await queryRows(
    tx,
    sql`INSERT INTO jobs (task, payload, run_at, max_attempts, dedupe_key)
        VALUES (${task}, ${JSON.stringify(payload)}::jsonb, ${runAt}, ${maxAttempts}, ${dedupeKey ?? null})
        ON CONFLICT (dedupe_key) WHERE state IN ('queued', 'running') AND dedupe_key IS NOT NULL DO NOTHING
        RETURNING id`,
    z.object({ id: col.count }),
  );
  return rows[0]?.id ?? null;
}

// Any job definition, for the queue's own bookkeeping.
type AnyJob<C> = JobDefinition<z.ZodType, C>;

/** Parses a payload with its job's schema, or throws an error naming the job and every issue. */
function parsePayload<S extends z.ZodType>(job: JobDefinition<S, unknown>, payload: unknown): z.output<S> {
  const parsed = job.payload.safeParse(payload);
  if (parsed.success) return parsed.data;
  throw new InvalidPayloadError(job.name, parsed.error);
}

/** A payload that does not match its job's schema: at enqueue, or read back from the database. */
export class InvalidPayloadError extends Error {
  constructor(task: string, error: z.ZodError) {
    super(`invalid payload for job "${task}": ${z.prettifyError(error).replace(/\n/g, '; ')}`);
    this.name = 'InvalidPayloadError';
  }
}

export class JobQueue<C = unknown> {
  readonly #db: Database;
  readonly #services: (() => C) | undefined;
  readonly #log: Logger;
  readonly #pollIntervalMs: number;
  readonly #concurrency: number;
  readonly #staleAfterMs: number;
  readonly #definitions = new Map<string, AnyJob<C>>();
  readonly #inFlight = new Set<Promise<void>>();
  #loop: Promise<void> | undefined;
  #stopping = false;
  #wakeUp: (() => void) | undefined;
  #lastMaintenance = 0;
  #lastPrune = 0;

  constructor(db: Database, log: Logger, options: JobQueueOptions<C> = {}) {
    this.#db = db;
    this.#services = options.services;
    this.#log = log.child({ component: 'jobs' });
    this.#pollIntervalMs = positiveInteger(options.pollIntervalMs ?? 1000, 'pollIntervalMs');
    this.#concurrency = positiveInteger(
      options.concurrency ?? (db.kind === 'postgres' ? 2 : 1),
      'concurrency',
    );
    this.#staleAfterMs = positiveInteger(options.staleAfterMs ?? 5 * 60 * 1000, 'staleAfterMs');
  }

  /**
   * Makes this queue run jobs of `job`'s kind. Enqueueing needs no definition here (another
   * process may run the job), but claiming one without it fails the job.
   */
  define<S extends z.ZodType>(job: JobDefinition<S, C>): void {
    if (this.#definitions.has(job.name)) throw new Error(`job task "${job.name}" is already defined`);
    if (job.maxAttempts !== undefined) positiveInteger(job.maxAttempts, 'maxAttempts');
    this.#definitions.set(job.name, job);
  }

  /**
   * Adds a job in the caller's transaction (tenant or system), so it exists only if that
   * transaction commits. The payload is checked against the job's schema here, so a bad one fails
   * at the call site. Returns the job id, or null when `dedupeKey` already has a live job.
   */
  async enqueue<S extends z.ZodType>(
    tx: Tx,
    // Any context: enqueueing does not run the handler, so a queue typed for tests or for the app
    // takes the app's jobs alike.
    job: JobDefinition<S, unknown>,
    payload: z.input<S>,
    options: EnqueueOptions = {},
  ): Promise<number | null> {
    if (options.runAt && options.delayMs !== undefined) throw new Error('give runAt or delayMs, not both');
    const maxAttempts = positiveInteger(
      options.maxAttempts ?? job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      'maxAttempts',
    );
    const runAt = options.runAt
      ? sql`${options.runAt.toISOString()}::timestamptz`
      : options.delayMs
        ? sql`now() + ${options.delayMs}::double precision * interval '1 millisecond'`
        : sql`now()`;
    return insertJob(tx, job.name, parsePayload(job, payload), runAt, maxAttempts, options.dedupeKey);
  }

  /**
   * Creates or updates a recurring schedule (five-field cron, UTC) of `job`. Re-declaring it
   * unchanged at every start keeps its pending run, so a run missed while the app was down still
   * happens once. The app declares each job's `schedule` under the job's name (src/server.ts).
   */
  async schedule<S extends z.ZodType>(
    name: string,
    cron: string,
    job: JobDefinition<S, C>,
    payload: z.input<S>,
  ): Promise<void> {
    validateCron(cron);
    const task = job.name;
    const checked = parsePayload(job, payload) as Record<string, unknown>;
    await this.#db.asSystem(async (tx) => {
      const [clock] = await queryRows(tx, sql`SELECT now() AS now`, z.object({ now: col.timestamp }));
      const next = nextCronRun(cron, clock!.now);
      await tx
        .insert(jobSchedules)
        .values({ name, cron, task, payload: checked, nextRunAt: next })
        .onConflictDoUpdate({
          target: jobSchedules.name,
          set: {
            cron,
            task,
            payload: checked,
            nextRunAt: sql`CASE WHEN job_schedules.cron = excluded.cron THEN job_schedules.next_run_at ELSE excluded.next_run_at END`,
          },
        });
    });
  }

  /** Removes a schedule (a schedule dropped from the code would otherwise keep firing). */
  async unschedule(name: string): Promise<boolean> {
    const removed = await this.#db.asSystem((tx) =>
      tx.delete(jobSchedules).where(eq(jobSchedules.name, name)).returning({ name: jobSchedules.name }),
    );
    return removed.length > 0;
  }

  /** Starts polling in the background; call stop() before closing the database. */
  start(): void {
    if (this.#loop) return;
    this.#stopping = false;
    this.#loop = this.#pollLoop();
  }

  /** Stops claiming new jobs and waits for the running handlers to finish and be recorded. */
  async stop(): Promise<void> {
    this.#stopping = true;
    this.#wakeUp?.();
    await this.#loop;
    this.#loop = undefined;
    await Promise.all(this.#inFlight);
  }

  /**
   * Runs everything due now, one job after another, including due schedules and abandoned jobs;
   * returns how many jobs ran. For the CLI and tests; the server uses start().
   */
  async runDue(): Promise<number> {
    await this.#maintain();
    let ran = 0;
    for (let job = await this.#claim(); job; job = await this.#claim()) {
      await this.#execute(job);
      ran++;
    }
    return ran;
  }

  async #pollLoop(): Promise<void> {
    while (!this.#stopping) {
      try {
        if (Date.now() - this.#lastMaintenance >= this.#pollIntervalMs) await this.#maintain();
        while (!this.#stopping && this.#inFlight.size < this.#concurrency) {
          const job = await this.#claim();
          if (!job) break;
          const running: Promise<void> = this.#execute(job).finally(() => {
            this.#inFlight.delete(running);
            // A freed slot or a follow-up job should not wait for the next poll.
            this.#wakeUp?.();
          });
          this.#inFlight.add(running);
        }
      } catch (err) {
        this.#log.error({ err }, 'job queue poll failed');
      }
      if (this.#stopping) break;
      await this.#sleep(this.#pollIntervalMs);
    }
  }

  #sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.#wakeUp = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.#wakeUp = done;
    });
  }

  /** Requeues abandoned jobs, enqueues due schedules, and now and then prunes old finished jobs. */
  async #maintain(): Promise<void> {
    this.#lastMaintenance = Date.now();
    await this.#requeueStale();
    await this.#fireSchedules();
    if (Date.now() - this.#lastPrune >= PRUNE_EVERY_MS) {
      this.#lastPrune = Date.now();
      await this.#db.asSystem((tx) =>
        tx.execute(
          sql`DELETE FROM jobs WHERE state = 'done' AND finished_at < now() - ${KEEP_DONE_MS}::double precision * interval '1 millisecond'`,
        ),
      );
    }
  }

  async #requeueStale(): Promise<void> {
    // A live worker refreshes locked_at (see #execute), so only a crashed worker's jobs get here.
    // attempts is left as it is: a job that keeps killing its worker runs out of attempts.
    const requeued = await this.#db.asSystem((tx) =>
      queryRows(
        tx,
        sql`UPDATE jobs SET state = 'queued', locked_at = NULL,
                            last_error = ${`abandoned: its worker stopped reporting for more than ${this.#staleAfterMs} ms`}
             WHERE state = 'running'
               AND locked_at < now() - ${this.#staleAfterMs}::double precision * interval '1 millisecond'
            RETURNING id, task`,
        z.object({ id: col.count, task: z.string() }),
      ),
    );
    for (const job of requeued)
      this.#log.warn({ jobId: job.id, task: job.task }, 'requeued an abandoned job');
  }

  async #fireSchedules(): Promise<void> {
    await this.#db.asSystem(async (tx) => {
      // Row locks plus advancing next_run_at in this transaction make each due time fire once even
      // with several workers; the dedupe key covers a schedule re-declared with the same due time.
      const due = await queryRows(
        tx,
        sql`SELECT name, cron, task, payload, next_run_at, now() AS now FROM job_schedules
             WHERE next_run_at <= now() ORDER BY next_run_at FOR UPDATE SKIP LOCKED`,
        dueScheduleRow,
      );
      for (const s of due) {
        let next: Date;
        try {
          next = nextCronRun(s.cron, s.now);
        } catch (err) {
          this.#log.error({ err, schedule: s.name, cron: s.cron }, 'schedule has an invalid cron expression');
          continue;
        }
        // Runs missed while nothing was polling collapse into this one.
        const runAtIso = s.next_run_at.toISOString();
        // Checked against the schema when it was declared, and again when the job runs.
        await insertJob(
          tx,
          s.task,
          s.payload,
          sql`${runAtIso}::timestamptz`,
          this.#definitions.get(s.task)?.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
          `schedule:${s.name}:${runAtIso}`,
        );
        await tx.update(jobSchedules).set({ nextRunAt: next }).where(eq(jobSchedules.name, s.name));
      }
    });
  }

  // One short transaction: the handler runs after it commits, so it can open its own.
  async #claim(): Promise<ClaimedJob | undefined> {
    const [job] = await this.#db.asSystem((tx) =>
      queryRows(
        tx,
        sql`UPDATE jobs SET state = 'running', locked_at = now(), attempts = attempts + 1
             WHERE id = (SELECT id FROM jobs WHERE state = 'queued' AND run_at <= now()
                          ORDER BY run_at, id FOR UPDATE SKIP LOCKED LIMIT 1)
            RETURNING id, task, payload, attempts, max_attempts, last_error`,
        claimedRow,
      ),
    );
    return job;
  }

  /** Runs a claimed job and records the outcome; never rejects (failures are logged). */
  async #execute(job: ClaimedJob): Promise<void> {
    const ctx = this.#context({ id: job.id, attempt: job.attempts });
    const log = this.#log.child({ jobId: job.id, task: job.task, attempt: job.attempts });
    const definition = this.#definitions.get(job.task);
    // Read back from the database, so parsed again: a payload that no longer matches (written by
    // hand, or by an older version of the job) fails the job for good instead of running on junk.
    const parsed = definition?.payload.safeParse(job.payload);
    const payload: unknown = parsed?.success ? parsed.data : undefined;
    const started = Date.now();
    let error: string | undefined;
    let final = false;
    if (!definition || !parsed) {
      error = `no handler is defined for job task "${job.task}"`;
      final = true;
    } else if (!parsed.success) {
      error = new InvalidPayloadError(job.task, parsed.error).message;
      final = true;
      log.error({ error }, 'job payload does not match its schema');
    } else if (job.attempts > job.max_attempts) {
      // Requeued after it was abandoned on its last attempt: give up without running it again.
      error = `gave up after ${job.max_attempts} attempts; last error: ${job.last_error ?? 'unknown'}`;
      final = true;
    } else {
      const heartbeat = setInterval(
        () => {
          this.#touch(job).catch((err: unknown) => log.warn({ err }, 'could not refresh the job lock'));
        },
        Math.max(1, Math.floor(this.#staleAfterMs / 3)),
      );
      try {
        await definition.handler(payload, ctx);
      } catch (err) {
        error = describeError(err);
        final = job.attempts >= job.max_attempts;
        log.warn({ err, final }, final ? 'job failed for good' : 'job failed; will retry');
      } finally {
        clearInterval(heartbeat);
      }
    }

    try {
      await this.#record(job, error, final);
    } catch (err) {
      // The job stays 'running' and is requeued once stale, so nothing is lost.
      log.error({ err }, 'could not record the job result');
      return;
    }
    if (error === undefined) {
      log.debug({ ms: Date.now() - started }, 'job done');
      return;
    }
    if (!final) return;
    if (!definition) log.error({ error }, 'job failed');
    // Only a valid payload is handed to the owner's hook.
    if (definition?.onFailed && parsed?.success) {
      try {
        await definition.onFailed(payload, error, ctx);
      } catch (err) {
        log.error({ err }, 'onFailed hook of a job failed');
      }
    }
  }

  #context(job: JobInfo): JobContext<C> {
    const services = this.#services;
    return {
      job,
      get services(): C {
        if (!services) throw new Error('this job queue was built without services for its handlers');
        return services();
      },
    };
  }

  #touch(job: ClaimedJob): Promise<unknown> {
    return this.#db.asSystem((tx) =>
      tx
        .update(jobs)
        .set({ lockedAt: sql`now()` })
        .where(and(eq(jobs.id, job.id), eq(jobs.state, 'running'), eq(jobs.attempts, job.attempts))),
    );
  }

  // Guarded by state and attempts, so a worker whose job was meanwhile requeued and claimed
  // again elsewhere does not overwrite the newer run's state.
  async #record(job: ClaimedJob, error: string | undefined, final: boolean): Promise<void> {
    const mine = and(eq(jobs.id, job.id), eq(jobs.state, 'running'), eq(jobs.attempts, job.attempts));
    await this.#db.asSystem(async (tx) => {
      if (error === undefined) {
        await tx.update(jobs).set({ state: 'done', lockedAt: null, finishedAt: sql`now()` }).where(mine);
      } else if (final) {
        await tx
          .update(jobs)
          .set({ state: 'failed', lockedAt: null, finishedAt: sql`now()`, lastError: error })
          .where(mine);
      } else {
        const delayMs = retryDelayMs(job.attempts);
        await tx
          .update(jobs)
          .set({
            state: 'queued',
            lockedAt: null,
            lastError: error,
            runAt: sql`now() + ${delayMs}::double precision * interval '1 millisecond'`,
          })
          .where(mine);
      }
    });
  }
}
