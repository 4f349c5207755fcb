// Background work of team climate, on the app's job queue (docs/decisions/0003, 0011):
// - `climate.schedule`, every 15 minutes: each organisation whose schedule is on and whose current
//   period has no round gets a `climate.launch` (deduplicated per period). It writes nothing else,
//   so two processes running it at once queue one launch.
// - `climate.launch`: sends the round of a period (launch.ts); the unique indexes make a second run,
//   or a second process, a no-op. Then queues the round's one reminder, halfway through its window.
// - `climate.remind`: that reminder (remind.ts).
// - `climate.close-due`, every minute: closes rounds past their deadline and decides their results
//   (close.ts). The submit checks the deadline itself, so the job only has to freeze the figures.
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { queryRows } from '../../platform/db/rows.ts';
import { defineJob } from '../../platform/jobs/define-job.ts';
import { inOrganisationScope } from '../../platform/scope.ts';
import type { Services } from '../../platform/services.ts';
import { closeDueRounds } from './close.ts';
import { launchRound } from './launch.ts';
import { remindRound } from './remind.ts';
import { periodOf } from './settings.ts';

export const remindRoundJob = defineJob({
  name: 'climate.remind',
  payload: z.object({ organisationId: z.uuid(), roundId: z.uuid() }),
  handler: ({ organisationId, roundId }, { services }) =>
    inOrganisationScope(services, organisationId, async (scope) => {
      await remindRound(scope, roundId);
    }),
});

export const launchRoundJob = defineJob({
  name: 'climate.launch',
  payload: z.object({ organisationId: z.uuid(), period: z.string().min(1).max(100) }),
  handler: ({ organisationId, period }, { services }) =>
    inOrganisationScope(services, organisationId, async (scope) => {
      const roundId = await launchRound(scope, period);
      if (!roundId) return;
      const [round] = await queryRows(
        scope.tx,
        sql`SELECT opened_at + (deadline - opened_at) / 2 AS "remindAt" FROM climate_rounds
             WHERE organisation_id = ${organisationId} AND id = ${roundId}`,
        z.object({ remindAt: z.coerce.date() }),
      );
      await scope.jobs.enqueue(
        scope.tx,
        remindRoundJob,
        { organisationId, roundId },
        { runAt: round!.remindAt, dedupeKey: `climate.remind:${roundId}` },
      );
      scope.log.info({ organisationId, roundId }, 'sent a team climate round');
    }),
});

/** Queues the launch of `period` for the organisation (deduplicated: one live launch per period). */
export function queueLaunch(
  services: Pick<Services, 'jobs'>,
  tx: Parameters<Services['jobs']['enqueue']>[0],
  organisationId: string,
  period: string,
): Promise<number | null> {
  return services.jobs.enqueue(
    tx,
    launchRoundJob,
    { organisationId, period },
    { dedupeKey: `climate.launch:${organisationId}:${period}` },
  );
}

export const scheduleRoundsJob = defineJob({
  name: 'climate.schedule',
  payload: z.object({}),
  schedule: { cron: '*/15 * * * *' },
  async handler(_payload, { services }) {
    const now = services.clock();
    await services.db.asSystem(async (tx) => {
      const due = await queryRows(
        tx,
        sql`SELECT s.organisation_id AS "organisationId", s.interval_weeks AS "intervalWeeks"
              FROM climate_settings s
             WHERE s.interval_weeks IS NOT NULL
               AND NOT EXISTS (SELECT 1 FROM climate_rounds r
                                WHERE r.organisation_id = s.organisation_id AND r.status = 'open')`,
        z.object({ organisationId: z.string(), intervalWeeks: z.coerce.number() }),
      );
      for (const org of due) {
        const period = periodOf(now, org.intervalWeeks);
        const [had] = await queryRows(
          tx,
          sql`SELECT 1 AS one FROM climate_rounds WHERE organisation_id = ${org.organisationId} AND period = ${period}`,
          z.object({ one: z.coerce.number() }),
        );
        if (!had) await queueLaunch(services, tx, org.organisationId, period);
      }
    });
  },
});

export const closeDueRoundsJob = defineJob({
  name: 'climate.close-due',
  payload: z.object({}),
  schedule: { cron: '* * * * *' },
  async handler(_payload, { services }) {
    const closed = await closeDueRounds(services);
    if (closed) services.log.info({ closed }, 'closed team climate rounds past their deadline');
  },
});

export const climateJobs = [scheduleRoundsJob, launchRoundJob, remindRoundJob, closeDueRoundsJob];
