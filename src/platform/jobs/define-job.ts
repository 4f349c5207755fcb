// Typed jobs (docs/decisions/0011): a job is defined once, with the zod schema of its payload, and
// enqueued by passing that definition, so a call site can neither misspell a task name nor send a
// payload its handler does not expect.
import type { z } from 'zod';
import type { Services } from '../services.ts';
import type { JobContext, JobDefinition } from './job-types.ts';

/** A job of the app: its handler gets the app's live `Services` in `ctx.services`. */
export type Job<S extends z.ZodType = z.ZodType> = JobDefinition<S, Services>;

/** What a job's handler gets besides its payload: the live services and the job's id and attempt. */
export type JobCtx = JobContext<Services>;

/**
 * Defines a job. List it in its module's `jobs`; createServices (src/server.ts) makes the queue run
 * it and declares its `schedule`. Enqueue it with `services.jobs.enqueue(tx, job, payload)`.
 */
export function defineJob<S extends z.ZodType>(job: Job<S>): Job<S> {
  return job;
}
