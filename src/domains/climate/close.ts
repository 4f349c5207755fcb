// Closing a round: once its deadline has passed, its results are decided once and frozen on the
// round (views.ts for what the views are, release.ts for which of them may be shown), and the round
// takes no more answers. Later changes to people, teams or settings never touch a closed round.
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../../platform/db/database.ts';
import { queryRows } from '../../platform/db/rows.ts';
import type { Services } from '../../platform/services.ts';
import { releasedViews } from './release.ts';
import type { RoundSnapshot } from './views.ts';
import { climateViews, viewResult } from './views.ts';

const placement = { leaderId: z.string(), teamId: z.string().nullable() };

/** Closes one open round and freezes its results; false if it was not open. */
export async function closeRound(tx: Tx, organisationId: string, roundId: string): Promise<boolean> {
  const [round] = await queryRows(
    tx,
    sql`SELECT snapshot, item_keys AS "itemKeys", minimum FROM climate_rounds
         WHERE organisation_id = ${organisationId} AND id = ${roundId} AND status = 'open'
           FOR UPDATE`,
    z.object({
      snapshot: z.custom<RoundSnapshot>(),
      itemKeys: z.array(z.string()),
      minimum: z.coerce.number(),
    }),
  );
  if (!round) return false;
  const invited = await queryRows(
    tx,
    sql`SELECT leader_id AS "leaderId", team_id AS "teamId" FROM climate_invitations
         WHERE organisation_id = ${organisationId} AND round_id = ${roundId}`,
    z.object(placement),
  );
  const responses = await queryRows(
    tx,
    sql`SELECT leader_id AS "leaderId", team_id AS "teamId", answers FROM climate_responses
         WHERE organisation_id = ${organisationId} AND round_id = ${roundId} ORDER BY id`,
    z.object({ ...placement, answers: z.record(z.string(), z.number()) }),
  );
  const views = climateViews(round.snapshot, invited, responses);
  const released = releasedViews(
    responses.length,
    views.map((v) => v.members),
    round.minimum,
  );
  const answers = responses.map((r) => r.answers);
  const results = { views: views.map((v, i) => viewResult(v, released[i]!, answers, round.itemKeys)) };
  await tx.execute(sql`
    UPDATE climate_rounds SET status = 'closed', results = ${JSON.stringify(results)}::jsonb, closed_at = now()
     WHERE organisation_id = ${organisationId} AND id = ${roundId}`);
  return true;
}

/** Closes every open round past its deadline, each in its own organisation's transaction. */
export async function closeDueRounds(services: Services): Promise<number> {
  const due = await services.db.asSystem((tx) =>
    queryRows(
      tx,
      sql`SELECT organisation_id AS "organisationId", id FROM climate_rounds
           WHERE status = 'open' AND deadline <= now()`,
      z.object({ organisationId: z.string(), id: z.string() }),
    ),
  );
  let closed = 0;
  for (const r of due) {
    if (await services.db.inOrganisation(r.organisationId, (tx) => closeRound(tx, r.organisationId, r.id)))
      closed++;
  }
  return closed;
}
