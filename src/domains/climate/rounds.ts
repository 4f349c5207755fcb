// Rounds for admins: the list with organisation-wide counts (how many were asked and answered,
// never who), and "send a round now", which queues the launch job like the schedule does.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { col, queryRows } from '../../platform/db/rows.ts';
import { conflict } from '../../platform/http/errors.ts';
import type { OrganisationScope } from '../../platform/scope.ts';
import type { RoundList } from './contracts.ts';
import { launchRoundJob } from './jobs.ts';

export async function listRounds({ tx, organisationId }: OrganisationScope): Promise<RoundList> {
  const rows = await queryRows(
    tx,
    sql`SELECT r.id, r.status, r.period, r.opened_at AS "openedAt", r.deadline, r.closed_at AS "closedAt",
               (SELECT count(*) FROM climate_invitations i
                 WHERE i.organisation_id = r.organisation_id AND i.round_id = r.id)::int AS invited,
               (SELECT count(*) FROM climate_responses s
                 WHERE s.organisation_id = r.organisation_id AND s.round_id = r.id)::int AS answered
          FROM climate_rounds r
         WHERE r.organisation_id = ${organisationId}
         ORDER BY r.opened_at DESC
         LIMIT 100`,
    z.object({
      id: z.string(),
      status: z.enum(['open', 'closed']),
      period: col.text,
      openedAt: col.timestamp,
      deadline: col.timestamp,
      closedAt: col.timestamp.nullable(),
      invited: col.count,
      answered: col.count,
    }),
  );
  return {
    rounds: rows.map((r) => ({
      id: r.id,
      status: r.status,
      scheduled: !r.period.startsWith('manual:'),
      openedAt: r.openedAt.toISOString(),
      deadline: r.deadline.toISOString(),
      closedAt: r.closedAt ? r.closedAt.toISOString() : null,
      invited: r.invited,
      answered: r.answered,
    })),
  };
}

/** Queues a round now, unless one is open (one at a time: the answers would split between them). */
export async function sendRoundNow(scope: OrganisationScope): Promise<{ queued: true }> {
  const [open] = await queryRows(
    scope.tx,
    sql`SELECT deadline FROM climate_rounds WHERE organisation_id = ${scope.organisationId} AND status = 'open'`,
    z.object({ deadline: col.timestamp }),
  );
  if (open) {
    throw conflict(
      `a round is open until ${open.deadline.toISOString().slice(0, 10)}; send the next one after it closes`,
    );
  }
  await scope.jobs.enqueue(scope.tx, launchRoundJob, {
    organisationId: scope.organisationId,
    period: `manual:${randomUUID()}`,
  });
  return { queued: true };
}
