// The shapes of a job: what a definition declares and what its handler is given (queue.ts runs them).
import type { z } from 'zod';

export interface JobInfo {
  id: number;
  /** 1 on the first run, 2 on the first retry, … */
  attempt: number;
}

/** What a handler is given besides its payload. */
export interface JobContext<C> {
  /**
   * The app's live services (a `Services` object in the app). Read them when the job runs, never
   * copy them at definition: the server settles its configuration (the real port of PORT=0) after
   * the jobs are defined.
   */
  readonly services: C;
  readonly job: JobInfo;
}

/**
 * A kind of background work: its name (stored with each job), the zod schema of its payload
 * (checked when a job is enqueued and again when it is read back), and its handler. Build one with
 * `defineJob` (define-job.ts). Handlers may run more than once for one job (a crash after the work
 * but before the result is recorded), so they must be idempotent.
 *
 * Payload schemas must round-trip through JSON (plain objects of strings, numbers, booleans): the
 * parsed payload is what is stored, and it is parsed again when read.
 */
export interface JobDefinition<S extends z.ZodType = z.ZodType, C = unknown> {
  readonly name: string;
  readonly payload: S;
  // Method syntax (bivariant parameters) on purpose: definitions with different payload schemas
  // are kept in one list (a module's `jobs`) and are each called only with their own payload.
  handler(payload: z.output<S>, ctx: JobContext<C>): Promise<void>;
  /** Runs before the job is marked failed for good; defaults to 5. */
  readonly maxAttempts?: number;
  /**
   * Called once after the last attempt failed (or the job was abandoned), so the owner can record
   * the failure where users see it. Its own errors are logged, not retried.
   */
  onFailed?(payload: z.output<S>, error: string, ctx: JobContext<C>): Promise<void>;
  /**
   * A recurring run (five-field cron, UTC), declared at start-up under the job's name. Its payload
   * is checked against the schema then.
   */
  readonly schedule?: { readonly cron: string; readonly payload?: z.input<S> };
}
