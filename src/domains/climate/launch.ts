// Sending a round: one transaction that creates the round (unless its period already has one, or
// another round is open: the unique indexes decide, so two processes send one round), snapshots the
// team tree and each respondent — every active person with an active manager, asked about them, in
// the team they are in now — and queues a link for each through the outbox. Run by the job queue
// (jobs.ts), from the schedule or an admin's "send now".
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { col, queryRows } from '../../platform/db/rows.ts';
import { issueRaterLink } from '../../platform/http/rater-link.ts';
import { queueEmails } from '../../platform/mail/mailer.ts';
import type { OrganisationScope } from '../../platform/scope.ts';
import { CURRENT_INSTRUMENT } from './instrument.ts';
import { climateInvitations } from './schema.ts';
import { loadClimateSettings } from './settings.ts';
import type { RoundSnapshot } from './views.ts';

/** Link kind: climate links live at /rate/climate/<token>, served by the rater page. */
export const CLIMATE_LINK_KIND = 'climate';

/** A date as climate emails write it (UTC, so every reader sees the same day). */
/** Invitation rows per INSERT: 9 parameters each, well under the 65,535 a statement may bind. */
const INVITATIONS_PER_STATEMENT = 5_000;

export const formatDate = (d: Date) =>
  d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** Sends the round of `period`; returns its id, or null when that period or an open round exists. */
export async function launchRound(scope: OrganisationScope, period: string): Promise<string | null> {
  const created = await createRound(scope, period);
  if (!created) return null;
  const { roundId, deadline, respondents, links } = created;
  if (!respondents.length) return roundId;
  const org = await queryRows(
    scope.tx,
    sql`SELECT name FROM organisations WHERE id = ${scope.organisationId}`,
    z.object({ name: col.text }),
  );
  await queueEmails(
    scope.tx,
    scope.jobs,
    scope.organisationId,
    respondents.map((r, i) => ({
      to: r.email,
      subject: `How is your team doing? Two minutes on working with ${r.leaderName}`,
      text: invitationText(
        org[0]?.name ?? 'Your organisation',
        r.name,
        r.leaderName,
        deadline,
        links[i]!.url,
      ),
    })),
  );
  return roundId;
}

/**
 * The round and its invitations, without the emails (launchRound sends them; the demo seeds rounds
 * that closed long ago and must not fill the outbox). Null when the period or an open round exists.
 */
export async function createRound(scope: OrganisationScope, period: string) {
  const { tx, organisationId } = scope;
  const settings = await loadClimateSettings(tx, organisationId);
  const snapshot = await snapshotOf(scope);
  const deadline = new Date(scope.now().getTime() + settings.windowDays * 86_400_000);
  const [round] = await queryRows(
    tx,
    sql`INSERT INTO climate_rounds (organisation_id, period, instrument_version, item_keys, minimum, snapshot, opened_at, deadline)
        VALUES (${organisationId}, ${period}, ${CURRENT_INSTRUMENT.version},
                ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(CURRENT_INSTRUMENT.items.map((i) => i.key))}::jsonb)),
                ${settings.minimum}, ${JSON.stringify(snapshot)}::jsonb, ${scope.now().toISOString()}, ${deadline.toISOString()})
        ON CONFLICT DO NOTHING
        RETURNING id`,
    z.object({ id: z.string() }),
  );
  if (!round) return null;

  const respondents = await queryRows(
    tx,
    sql`SELECT p.id, p.name, p.email, p.manager_id AS "leaderId", p.team_id AS "teamId", m.name AS "leaderName"
          FROM people p
          JOIN people m ON m.organisation_id = p.organisation_id AND m.id = p.manager_id
         WHERE p.organisation_id = ${organisationId} AND p.status = 'active' AND m.status = 'active'
         ORDER BY p.id`,
    z.object({
      id: z.string(),
      name: col.text,
      email: col.text,
      leaderId: z.string(),
      teamId: z.string().nullable(),
      leaderName: col.text,
    }),
  );
  const links = respondents.map(() => issueRaterLink(scope.publicUrl, organisationId, CLIMATE_LINK_KIND));
  // In chunks: one statement may bind at most 65,535 parameters (9 per row), and a large
  // organisation's round invites tens of thousands of people.
  for (let start = 0; start < respondents.length; start += INVITATIONS_PER_STATEMENT) {
    await tx.insert(climateInvitations).values(
      respondents.slice(start, start + INVITATIONS_PER_STATEMENT).map((r, j) => ({
        organisationId,
        roundId: round.id,
        respondentId: r.id,
        leaderId: r.leaderId,
        teamId: r.teamId,
        name: r.name,
        email: r.email,
        tokenHash: links[start + j]!.hash,
      })),
    );
  }
  return { roundId: round.id, deadline, respondents, links };
}

export function invitationText(
  org: string,
  name: string,
  leader: string,
  deadline: Date,
  url: string,
): string {
  return (
    `Hello ${name},\n\n${org} asks everyone with a manager the same eleven short questions about the ` +
    `environment their team works in: meaning, growth, belonging and how safe it is to speak up. ` +
    `Yours are about working with ${leader}. It takes about two minutes; no account is needed.\n\n` +
    `Your answers are combined with others' and never shown as yours: a group's figures are shown only ` +
    `when enough people in it answered. There is no free-text question, so nothing you write can give you away.\n\n` +
    `Answer here by ${formatDate(deadline)}:\n${url}\n`
  );
}

async function snapshotOf({ tx, organisationId }: OrganisationScope): Promise<RoundSnapshot> {
  const teams = await queryRows(
    tx,
    sql`SELECT id, name, parent_team_id AS "parentId", leader_id AS "leaderId"
          FROM teams WHERE organisation_id = ${organisationId} ORDER BY name`,
    z.object({
      id: z.string(),
      name: col.text,
      parentId: z.string().nullable(),
      leaderId: z.string().nullable(),
    }),
  );
  const leaders = await queryRows(
    tx,
    sql`SELECT DISTINCT m.id, m.name
          FROM people p JOIN people m ON m.organisation_id = p.organisation_id AND m.id = p.manager_id
         WHERE p.organisation_id = ${organisationId} AND p.status = 'active' AND m.status = 'active'
         ORDER BY m.id`,
    z.object({ id: z.string(), name: col.text }),
  );
  return { teams, leaders };
}
