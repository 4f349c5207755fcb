// Nightly upkeep of the embedded database (Database.maintain): a no-op on PostgreSQL, whose
// autovacuum does the same continuously.
import { z } from 'zod';
import { defineJob } from '../jobs/define-job.ts';

export const databaseMaintenanceJob = defineJob({
  name: 'database-maintenance',
  payload: z.object({}),
  // 03:17 UTC: off the hour, when few people use a deployment small enough for PGlite.
  schedule: { cron: '17 3 * * *' },
  async handler(_payload, { services: { db, log } }) {
    const started = performance.now();
    await db.maintain();
    log.info({ ms: Math.round(performance.now() - started), kind: db.kind }, 'database maintenance done');
  },
});
