import type { Config } from '../config.ts';
import type { Database } from './db/database.ts';
import type { JobQueue } from './jobs/queue.ts';
import type { Logger } from './log.ts';

/** What a request handler or job may use; built once at start-up (src/server.ts). */
export interface Services {
  config: Config;
  db: Database;
  log: Logger;
  /** Runs the modules' jobs; handlers get this same object as `ctx.services`. */
  jobs: JobQueue<Services>;
  /** The time now: every operation reads it here, so tests can set it. */
  clock: () => Date;
}
