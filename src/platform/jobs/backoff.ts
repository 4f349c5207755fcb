// Pure timing rules of the job queue, kept apart from I/O so they can be unit-tested.
import { CronExpressionParser } from 'cron-parser';

const BASE_MS = 1000;
const CAP_MS = 60 * 60 * 1000;
const JITTER = 0.2;

/**
 * Delay before retrying after the given (1-based) failed attempt: 2^attempt seconds, ±20 % so
 * jobs that failed together (an SMTP outage) do not all retry in the same instant, at most 1 h.
 */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const exponential = BASE_MS * 2 ** Math.max(1, attempt);
  const jittered = exponential * (1 - JITTER + 2 * JITTER * random());
  return Math.round(Math.min(CAP_MS, jittered));
}

/** Throws with the parser's message when `cron` is not a valid five-field expression. */
export function validateCron(cron: string): void {
  if (cron.trim().split(/\s+/).length !== 5) {
    throw new Error(`cron expression must have five fields (minute hour day month weekday): "${cron}"`);
  }
  CronExpressionParser.parse(cron, { tz: 'UTC' });
}

/** The first time strictly after `after` that `cron` (UTC) matches. */
export function nextCronRun(cron: string, after: Date): Date {
  return CronExpressionParser.parse(cron, { currentDate: after, tz: 'UTC' }).next().toDate();
}
