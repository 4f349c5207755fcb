// The impact refresher on the app's job queue: every 5 minutes it recomputes, per organisation with
// a programme, a report that is missing, marked stale (an assessment submitted, a 360 or pulse
// released, enrolments or a programme changed: triggers in the migration), or a day old. It may run
// twice or in two processes at once: the refresh lock and the re-check under it make the second a
// no-op.
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { col, queryRows } from '../../platform/db/rows.ts';
import { defineJob } from '../../platform/jobs/define-job.ts';
import type { Services } from '../../platform/services.ts';
import { REPORT_PERIOD_MS, refreshReport, reportDue } from './report.ts';

export const refreshImpactJob = defineJob({
  name: 'impact.refresh-reports',
  payload: z.object({}),
  schedule: { cron: '*/5 * * * *' },
  async handler(_payload, { services }) {
    const refreshed = await refreshDueReports(services);
    if (refreshed) services.log.info({ refreshed }, 'impact reports refreshed');
  },
});

export const impactJobs = [refreshImpactJob];

/** Recomputes every due report, each organisation in its own transaction; returns how many. */
export async function refreshDueReports(services: Services): Promise<number> {
  const now = services.clock();
  const before = new Date(now.getTime() - REPORT_PERIOD_MS).toISOString();
  // One statement over the reports table and the programmes' organisation index; a changed minimum
  // is caught under the lock (reportDue), and on the next read.
  const organisations = await services.db.asSystem((tx) =>
    queryRows(
      tx,
      sql`SELECT DISTINCT p.organisation_id::text AS id
            FROM programmes p
            LEFT JOIN impact_reports r ON r.organisation_id = p.organisation_id
           WHERE r.organisation_id IS NULL OR r.stale OR r.decided_at <= ${before}::timestamptz
              OR r.decided_at > ${now.toISOString()}::timestamptz
           ORDER BY 1`,
      z.object({ id: col.text }),
    ),
  );
  let refreshed = 0;
  let failed = 0;
  for (const { id } of organisations) {
    try {
      await refreshReport(services, id, (row, minimum) => reportDue(row, services.clock(), minimum));
      refreshed++;
    } catch (err) {
      failed++;
      services.log.error(
        { organisationId: id, error: err instanceof Error ? err.message : String(err) },
        'impact report not refreshed',
      );
    }
  }
  if (failed) throw new Error(`impact reports of ${failed} organisation(s) were not refreshed (see the log)`);
  return refreshed;
}
