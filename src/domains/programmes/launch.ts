// Launching a programme's steps (issue 11 item 3): every step whose date has come, for every person
// enrolled and not left. The claim is one INSERT … ON CONFLICT DO NOTHING into programme_launches,
// whose key is (step, person), in the same transaction as the step's work: a second process or a
// retried job finds the key taken (it waits on the first one's row, then skips), so no step goes
// out twice and none is lost if the work fails (the claim rolls back with it).
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { col, queryRows } from '../../platform/db/rows.ts';
import { type OutgoingEmail, queueEmails } from '../../platform/mail/mailer.ts';
import type { OrganisationScope } from '../../platform/scope.ts';
import { createCampaign, defaultDeadline } from '../feedback/launch.ts';
import type { StepKind } from './constants.ts';
import { today } from './dates.ts';

/** Where in the app each kind of step is done. */
export const STEP_HREF: Record<StepKind, string> = {
  'self-assessment': '/assessment',
  '360': '/feedback',
  plan: '/plan',
  practice: '/pathways',
  pulse: '/feedback',
  're-assessment': '/assessment',
};

/** What the email asks, beyond the step's own words. */
const ASK: Record<StepKind, string> = {
  'self-assessment': 'Take your self-assessment',
  '360': 'Your 360 is ready: choose who you would like feedback from',
  plan: 'Write your development plan',
  practice: 'Choose a learning pathway and book a check-in',
  // A pulse re-rates the person's own focus behaviours, which only they choose: the step invites
  // them to request it from their released 360.
  pulse: 'Request a pulse on the behaviours you chose',
  're-assessment': 'Take your self-assessment again',
};

const claimed = z.object({
  stepId: col.text,
  personId: col.text,
  programmeId: col.text,
  kind: z.enum(['self-assessment', '360', 'plan', 'practice', 'pulse', 're-assessment']),
  title: z.string(),
  description: z.string(),
  programmeName: z.string(),
  createdById: col.text,
  email: z.string(),
});

/**
 * Launches every step due by the app's clock that has not gone out, in the scope's transaction;
 * `only` narrows it to some people of one programme (late joiners, at enrolment). Returns how many
 * (step, person) launches it made.
 */
export async function launchDue(
  scope: OrganisationScope,
  only?: { programmeId: string; personIds: readonly string[] },
): Promise<number> {
  const { tx, organisationId } = scope;
  if (only && only.personIds.length === 0) return 0;
  const now = scope.now();
  const narrow = only
    ? sql`AND e.programme_id = ${only.programmeId}
          AND e.person_id IN (SELECT unnest(${`{${only.personIds.join(',')}}`}::uuid[]))`
    : sql``;
  const rows = await queryRows(
    tx,
    sql`WITH due AS (
          INSERT INTO programme_launches (organisation_id, step_id, person_id, programme_id, launched_at)
          SELECT s.organisation_id, s.id, e.person_id, s.programme_id, ${now.toISOString()}::timestamptz
            FROM programme_steps s
            JOIN programmes p ON p.organisation_id = s.organisation_id AND p.id = s.programme_id
            JOIN programme_enrolments e
              ON e.organisation_id = s.organisation_id AND e.programme_id = s.programme_id AND e.left_at IS NULL
            JOIN people pe ON pe.organisation_id = e.organisation_id AND pe.id = e.person_id AND pe.status <> 'disabled'
           WHERE s.organisation_id = ${organisationId}
             AND p.starts_on + s.offset_days <= ${today(now)}::date
             ${narrow}
             AND NOT EXISTS (SELECT 1 FROM programme_launches l
                              WHERE l.organisation_id = s.organisation_id AND l.step_id = s.id
                                AND l.person_id = e.person_id)
          ON CONFLICT DO NOTHING
          RETURNING step_id, person_id, programme_id)
        SELECT d.step_id::text AS "stepId", d.person_id::text AS "personId", d.programme_id::text AS "programmeId",
               s.kind, s.title, s.description, p.name AS "programmeName", p.created_by_id::text AS "createdById",
               pe.email
          FROM due d
          JOIN programme_steps s ON s.organisation_id = ${organisationId} AND s.id = d.step_id
          JOIN programmes p ON p.organisation_id = ${organisationId} AND p.id = d.programme_id
          JOIN people pe ON pe.organisation_id = ${organisationId} AND pe.id = d.person_id
         ORDER BY s.position, d.person_id`,
    claimed,
  );
  if (rows.length === 0) return 0;
  const deadline = rows.some((r) => r.kind === '360') ? await defaultDeadline(scope, undefined) : null;
  const emails: OutgoingEmail[] = [];
  for (const r of rows) {
    if (r.kind === '360') {
      const campaignId = await createCampaign(scope, {
        subjectId: r.personId,
        origin: 'admin',
        deadline: deadline!,
        createdById: r.createdById,
      });
      if (campaignId)
        await tx.execute(
          sql`UPDATE programme_launches SET campaign_id = ${campaignId}
               WHERE organisation_id = ${organisationId} AND step_id = ${r.stepId} AND person_id = ${r.personId}`,
        );
    }
    emails.push(stepEmail(scope.publicUrl, r));
  }
  await queueEmails(tx, scope.jobs, organisationId, emails);
  return rows.length;
}

function stepEmail(publicUrl: string, r: z.infer<typeof claimed>): OutgoingEmail {
  const link = `${publicUrl}${STEP_HREF[r.kind]}`;
  return {
    to: r.email,
    subject: `${r.programmeName}: ${r.title}`,
    text: [
      `${ASK[r.kind]}.`,
      '',
      r.description,
      '',
      `Open Lodestar: ${link}`,
      '',
      `You receive this as part of the programme "${r.programmeName}".`,
    ].join('\n'),
  };
}
