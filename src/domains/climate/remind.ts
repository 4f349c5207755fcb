// One reminder per round, halfway through its window, to everyone who has not answered. Links are
// stored as hashes, so the reminder carries a new link and the earlier one stops working (as a 360
// reminder does). The job re-checks the round when it runs: none is sent once the round is closed.
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { col, queryRows } from '../../platform/db/rows.ts';
import { issueRaterLink } from '../../platform/http/rater-link.ts';
import { queueEmails } from '../../platform/mail/mailer.ts';
import type { OrganisationScope } from '../../platform/scope.ts';
import { CLIMATE_LINK_KIND, formatDate } from './launch.ts';

export async function remindRound(scope: OrganisationScope, roundId: string): Promise<number> {
  const { tx, organisationId } = scope;
  const pending = await queryRows(
    tx,
    sql`SELECT i.id, i.name, i.email, r.deadline, m.name AS "leaderName"
          FROM climate_invitations i
          JOIN climate_rounds r ON r.organisation_id = i.organisation_id AND r.id = i.round_id
          LEFT JOIN people m ON m.organisation_id = i.organisation_id AND m.id = i.leader_id
         WHERE i.organisation_id = ${organisationId} AND i.round_id = ${roundId}
           AND i.status = 'invited' AND i.reminders_sent = 0
           AND r.status = 'open' AND r.deadline > now()
         ORDER BY i.id
           FOR UPDATE OF i`,
    z.object({
      id: z.string(),
      name: col.text,
      email: col.text,
      deadline: col.timestamp,
      leaderName: z.string().nullable(),
    }),
  );
  if (!pending.length) return 0;
  const links = pending.map(() => issueRaterLink(scope.publicUrl, organisationId, CLIMATE_LINK_KIND));
  const values = sql.join(
    pending.map((p, i) => sql`(${p.id}::uuid, ${links[i]!.hash})`),
    sql`, `,
  );
  await tx.execute(sql`
    UPDATE climate_invitations i SET token_hash = v.hash, reminders_sent = 1
      FROM (VALUES ${values}) AS v(id, hash)
     WHERE i.organisation_id = ${organisationId} AND i.id = v.id AND i.status = 'invited'`);
  await queueEmails(
    tx,
    scope.jobs,
    organisationId,
    pending.map((p, i) => ({
      to: p.email,
      subject: 'Reminder: two minutes on how your team is doing',
      text:
        `Hello ${p.name},\n\nA reminder that the short team climate questions` +
        `${p.leaderName ? ` about working with ${p.leaderName}` : ''} are open until ${formatDate(p.deadline)}. ` +
        `Your answers are only ever shown combined with others'.\n\nThis link replaces the one sent earlier:\n${links[i]!.url}\n`,
    })),
  );
  return pending.length;
}
