// The launcher on the app's job queue: every 15 minutes it launches, in each organisation, the
// programme steps whose date has come (launch.ts). It may run twice or in two processes at once:
// the (step, person) claim lets each launch through once.
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { col, queryRows } from '../../platform/db/rows.ts';
import { defineJob } from '../../platform/jobs/define-job.ts';
import { inOrganisationScope } from '../../platform/scope.ts';
import type { Services } from '../../platform/services.ts';
import { launchDue } from './launch.ts';

export const launchStepsJob = defineJob({
  name: 'programmes.launch-steps',
  payload: z.object({}),
  schedule: { cron: '*/15 * * * *' },
  async handler(_payload, { services }) {
    const launched = await launchAllDue(services);
    if (launched) services.log.info({ launched }, 'programme steps launched');
  },
});

export const programmesJobs = [launchStepsJob];

/** Every organisation with a programme, each in its own transaction; returns the launches made. */
export async function launchAllDue(services: Services): Promise<number> {
  const organisations = await services.db.asSystem((tx) =>
    queryRows(
      tx,
      sql`SELECT DISTINCT organisation_id::text AS id FROM programmes ORDER BY 1`,
      z.object({ id: col.text }),
    ),
  );
  let launched = 0;
  let failed = 0;
  // One organisation's failure (rolled back whole) does not hold the others back; the job fails
  // afterwards so the queue retries it, and the claims let the retry redo only what is left.
  for (const { id } of organisations) {
    try {
      launched += await inOrganisationScope(services, id, (scope) => launchDue(scope));
    } catch (err) {
      failed++;
      services.log.error(
        { organisationId: id, error: err instanceof Error ? err.message : String(err) },
        'programme steps not launched',
      );
    }
  }
  if (failed) throw new Error(`programme steps of ${failed} organisation(s) were not launched (see the log)`);
  return launched;
}
