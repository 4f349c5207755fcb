// Closing a round: once its deadline has passed, its results are decided once (decide.ts) and
// frozen on the round, and the round takes no more answers. Whether the step from the previous
// round may be shown as a change is the disclosure module's too (releaseTrend), from who answered
// in each round (the submitted invitations: never stored with the figures). Later changes to people, teams or settings never
// touch a closed round.
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { releaseTrend, roundViewKey, roundViews } from '../../core/disclosure/index.ts';
import type { Tx } from '../../platform/db/database.ts';
import { queryRows } from '../../platform/db/rows.ts';
import type { Services } from '../../platform/services.ts';
import { decideRound } from './decide.ts';
import { type RoundResults, type RoundSnapshot, respondentOf } from './views.ts';

const placement = { leaderId: z.string(), teamId: z.string().nullable() };
const roundRow = z.object({
  id: z.string(),
  snapshot: z.custom<RoundSnapshot>(),
  itemKeys: z.array(z.string()),
  minimum: z.coerce.number(),
});

/** Who answered, per view key, from the round's submitted invitations. */
async function peopleByView(tx: Tx, organisationId: string, round: z.infer<typeof roundRow>) {
  const submitted = await queryRows(
    tx,
    sql`SELECT respondent_id AS "respondentId", leader_id AS "leaderId", team_id AS "teamId"
          FROM climate_invitations
         WHERE organisation_id = ${organisationId} AND round_id = ${round.id} AND status = 'submitted'`,
    z.object({ respondentId: z.string(), ...placement }),
  );
  const views = roundViews(submitted.map((p) => respondentOf(round.snapshot, p)));
  return new Map(views.map((v) => [roundViewKey(v.view), v.members.map((m) => submitted[m]!.respondentId)]));
}

/** Closes one open round and freezes its results; false if it was not open. */
export async function closeRound(tx: Tx, organisationId: string, roundId: string): Promise<boolean> {
  const [round] = await queryRows(
    tx,
    sql`SELECT id, snapshot, item_keys AS "itemKeys", minimum FROM climate_rounds
         WHERE organisation_id = ${organisationId} AND id = ${roundId} AND status = 'open'
           FOR UPDATE`,
    roundRow,
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
  const views = decideRound({
    snapshot: round.snapshot,
    itemKeys: round.itemKeys,
    minimum: round.minimum,
    invited,
    responses,
  });

  // The step from the previous closed round, per view both rounds have.
  const [previous] = await queryRows(
    tx,
    sql`SELECT id, snapshot, item_keys AS "itemKeys", minimum, results FROM climate_rounds
         WHERE organisation_id = ${organisationId} AND status = 'closed'
         ORDER BY opened_at DESC LIMIT 1`,
    roundRow.extend({ results: z.custom<RoundResults>() }),
  );
  if (previous) {
    const before = new Map(previous.results.views.map((v) => [v.key, v]));
    const [was, is] = [
      await peopleByView(tx, organisationId, previous),
      await peopleByView(tx, organisationId, round),
    ];
    for (const view of views) {
      const earlier = before.get(view.key);
      if (!earlier) continue;
      const [step] = releaseTrend(
        [
          { round: previous.id, released: earlier.released, people: was.get(view.key) ?? [] },
          { round: round.id, released: view.released, people: is.get(view.key) ?? [] },
        ],
        { minimum: round.minimum },
      );
      view.changeFromPrevious = step!.comparable;
    }
  }
  const results: RoundResults = { views };
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
