// Nightly upkeep of the embedded database (Database.maintain): a no-op on PostgreSQL, whose
// autovacuum does the same continuously.

import type { JobQueue } from '../jobs/queue.ts';
import type { Logger } from '../log.ts';
import type { Database } from './database.ts';

export const MAINTAIN_TASK = 'database-maintenance';

export async function registerDatabaseMaintenance(jobs: JobQueue, db: Database, log: Logger): Promise<void> {
  jobs.define(MAINTAIN_TASK, async () => {
    const started = performance.now();
    await db.maintain();
    log.info({ ms: Math.round(performance.now() - started), kind: db.kind }, 'database maintenance done');
  });
  // 03:17 UTC: off the hour, when few people use a deployment small enough for PGlite.
  await jobs.schedule(MAINTAIN_TASK, '17 3 * * *', MAINTAIN_TASK);
}
