// One person's digest: who gets one (recipients), and composing and sending one for a period.
//
// Reading a person's plan needs their person setting (their plan is owner-only, docs/decisions/0014).
// The digest reads it exactly as the home page does, through home's readPlanGlance: one prepared
// statement in one round trip as the person (read-facts.ts), the library's modules from a 2 s
// cache, and the same due-this-week and module rules. Chosen over a SECURITY DEFINER function that
// would return every person's due experiments at once: that would be a second copy of the home
// page's query and rules to keep in step, and the per-person statement is already the app's
// fastest read (~1 ms); at 10,000 people the run is bounded by writing the emails, not by reading
// (docs/decisions/0019, bench/digest.bench.ts).
//
// Composing reads as the person (the plan, the next check-in) and writes nothing; recording is one
// transaction per batch that claims each period in digest_sends and queues the emails of the claims
// it won, with one delivery job for them all. A period already claimed (another process, or a rerun after a crash) sends nothing.
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { col, queryRows } from '../../platform/db/rows.ts';
import { signLink } from '../../platform/http/signed-links.ts';
import { ROLES, type Viewer } from '../../platform/http/viewer.ts';
import { type OutgoingEmail, queueEmails } from '../../platform/mail/mailer.ts';
import type { Services } from '../../platform/services.ts';
import { upcomingCheckIns } from '../checkins/upcoming.ts';
import { weekOf } from '../home/due-this-week.ts';
import { readPlanGlance } from '../home/read-home.ts';
import { DIGEST_FREQUENCIES } from './constants.ts';
import { renderDigestEmail } from './digest-email.ts';
import { ONE_CLICK_BODY } from './endpoints.ts';
import { scheduleOf } from './preferences.ts';
import { promptFor } from './prompts.ts';
import type { DigestSchedule } from './schedule.ts';

const DAY_MS = 86_400_000;
export const UNSUBSCRIBE_PURPOSE = 'digest-unsubscribe';
/** An unsubscribe link works for a year: people act on old emails, and turning a digest off is harmless. */
export const UNSUBSCRIBE_LINK_DAYS = 365;

export interface DigestRecipient {
  organisationId: string;
  personId: string;
  email: string;
  name: string;
  roles: Viewer['roles'];
  schedule: DigestSchedule;
  lastSentAt: Date | null;
}

const recipientRow = z.object({
  id: col.text,
  email: col.text,
  name: col.text,
  roles: z.array(z.enum(ROLES)),
  frequency: z.enum(DIGEST_FREQUENCIES).nullable(),
  weekday: col.count.nullable(),
  hour: col.count.nullable(),
  time_zone: z.string().nullable(),
  quiet_start: col.count.nullable(),
  quiet_end: col.count.nullable(),
  last_sent_at: col.timestamp.nullable(),
});

/** Which recipients to read: given people, or a page of the organisation in id order. */
export type RecipientFilter = { personIds: readonly string[] } | { after: string | null; limit: number };

/**
 * The organisation's active people whose digest is not off, with their choices (or the defaults)
 * and when their latest digest went out: the given people, or one page in id order. One statement
 * (the latest send through the primary key of digest_sends); pages keep the scheduler from parsing
 * 10,000 rows in one go while requests wait for the event loop.
 */
export async function readRecipients(
  services: Services,
  organisationId: string,
  filter: RecipientFilter,
): Promise<DigestRecipient[]> {
  const only =
    'personIds' in filter
      ? sql`AND p.id = ANY(${`{${filter.personIds.map((id) => `"${id}"`).join(',')}}`}::uuid[])`
      : filter.after
        ? sql`AND p.id > ${filter.after}::uuid`
        : sql``;
  const limit = 'limit' in filter ? sql`LIMIT ${filter.limit}` : sql``;
  const rows = await services.db.inOrganisation(organisationId, (tx) =>
    queryRows(
      tx,
      sql`SELECT p.id::text AS id, p.email, p.name, p.roles, np.frequency, np.weekday, np.hour, np.time_zone,
                 np.quiet_start, np.quiet_end,
                 (SELECT max(ds.sent_at) FROM digest_sends ds
                   WHERE ds.organisation_id = p.organisation_id AND ds.person_id = p.id) AS last_sent_at
            FROM people p
            LEFT JOIN nudge_preferences np ON np.organisation_id = p.organisation_id AND np.person_id = p.id
           WHERE p.organisation_id = ${organisationId} AND p.status = 'active'
             AND (np.frequency IS NULL OR np.frequency <> 'off') ${only}
           ORDER BY p.id ${limit}`,
      recipientRow,
    ),
  );
  return rows.map((r) => ({
    organisationId,
    personId: r.id,
    email: r.email,
    name: r.name,
    roles: r.roles,
    schedule: scheduleOf(
      r.frequency === null
        ? null
        : {
            frequency: r.frequency,
            weekday: r.weekday!,
            hour: r.hour!,
            timeZone: r.time_zone!,
            quietStart: r.quiet_start,
            quietEnd: r.quiet_end,
          },
    ),
    lastSentAt: r.last_sent_at,
  }));
}

/** The links of one person's digest; the unsubscribe ones carry a signed token and work signed out. */
export function digestLinks(services: Services, organisationId: string, personId: string, now: Date) {
  const base = services.config.publicUrl;
  const token = signLink(services.config.sessionSecret, {
    organisationId,
    personId,
    purpose: UNSUBSCRIBE_PURPOSE,
    expiresAt: new Date(now.getTime() + UNSUBSCRIBE_LINK_DAYS * DAY_MS),
  });
  return {
    app: `${base}/`,
    plan: `${base}/plan`,
    settings: `${base}/settings/nudges`,
    /** The page a person opens from the email's body: it asks before it unsubscribes. */
    unsubscribePage: `${base}/unsubscribe?token=${token}`,
    /** The List-Unsubscribe address: RFC 8058 POSTs here; a GET only shows where the digest stands. */
    unsubscribeApi: `${base}/api/nudges/unsubscribe?token=${token}`,
    library: (moduleId: string) => `${base}/library/${moduleId}`,
  };
}

/** One person's digest, composed and ready to be recorded. */
export interface ComposedDigest {
  recipient: DigestRecipient;
  period: string;
  email: OutgoingEmail;
}

/**
 * Composes `r`'s digest for `period` (schedule.ts decides when), reading as the person: their plan
 * through home's readPlanGlance (one statement) and their next check-in (a short read-only
 * transaction; check-ins are owner-only too). Writes nothing.
 */
export async function composeDigest(
  services: Services,
  r: DigestRecipient,
  period: string,
  localDate: string,
  now: Date,
): Promise<ComposedDigest> {
  const viewer: Viewer = {
    organisationId: r.organisationId,
    personId: r.personId,
    sessionId: '',
    roles: r.roles,
    email: r.email,
    name: r.name,
  };
  const horizon = new Date(now.getTime() + (r.schedule.frequency === 'fortnightly' ? 14 : 7) * DAY_MS);
  // One after the other: a batch composes a few digests at once, each holding one pooled connection
  // at a time, so the pool keeps room for requests.
  const glance = await readPlanGlance(services, viewer, weekOf(localDate), now);
  const checkIns = await services.db.inOrganisation(
    r.organisationId,
    (tx) => upcomingCheckIns(tx, r.personId, now, horizon),
    r.personId,
  );
  const checkIn = checkIns[0];
  const links = digestLinks(services, r.organisationId, r.personId, now);
  const email = renderDigestEmail({
    name: r.name,
    localDate,
    timeZone: r.schedule.timeZone,
    due: glance.due.map((e) => ({
      title: e.action,
      reasons: e.reasons,
      startsOn: e.startsOn,
      reviewOn: e.reviewOn,
    })),
    prompt: promptFor(period),
    module: glance.suggestedModule && {
      id: glance.suggestedModule.id,
      title: glance.suggestedModule.title,
      minutes: glance.suggestedModule.minutes,
    },
    // The time and the other person only: a check-in's title and agenda are theirs to read in the app.
    checkIn: checkIn ? { startsAt: checkIn.startsAt, withName: checkIn.withPerson.name } : null,
    links: {
      app: links.app,
      plan: links.plan,
      settings: links.settings,
      unsubscribe: links.unsubscribePage,
      module: glance.suggestedModule ? links.library(glance.suggestedModule.id) : null,
    },
  });
  return {
    recipient: r,
    period,
    email: {
      to: r.email,
      ...email,
      headers: {
        'List-Unsubscribe': `<${links.unsubscribeApi}>`,
        'List-Unsubscribe-Post': ONE_CLICK_BODY,
        'List-Id': 'Lodestar digest <digest.lodestar>',
        'Auto-Submitted': 'auto-generated',
      },
    },
  };
}

/**
 * Records composed digests of one organisation in ONE transaction: claims each person's period in
 * digest_sends (one statement, in person order) and queues the email of each claim it won. A key
 * already there (sent by another process, or before a crash) and a person who turned the digest off
 * since they were read are skipped. One transaction for a whole batch because each commit waits for
 * the disk (~5 ms): per person, that wait was most of the run.
 */
export async function recordDigests(
  services: Services,
  organisationId: string,
  digests: readonly ComposedDigest[],
  now: Date,
): Promise<{ sent: number; skipped: number }> {
  if (digests.length === 0) return { sent: 0, skipped: 0 };
  // The same order in every process, so two batches claiming the same people cannot deadlock.
  const ordered = [...digests].sort((a, b) =>
    a.recipient.personId < b.recipient.personId ? -1 : a.recipient.personId > b.recipient.personId ? 1 : 0,
  );
  const rows = sql.join(
    ordered.map((d) => sql`(${d.recipient.personId}::uuid, ${d.period})`),
    sql`, `,
  );
  return services.db.inOrganisation(organisationId, async (tx) => {
    const claimed = await queryRows(
      tx,
      sql`INSERT INTO digest_sends (organisation_id, person_id, period, sent_at)
          SELECT ${organisationId}, v.person_id, v.period, ${now.toISOString()}::timestamptz
            FROM (VALUES ${rows}) AS v (person_id, period)
           WHERE NOT EXISTS (SELECT 1 FROM nudge_preferences np
                              WHERE np.organisation_id = ${organisationId} AND np.person_id = v.person_id
                                AND np.frequency = 'off')
          ON CONFLICT DO NOTHING
          RETURNING person_id::text AS "personId"`,
      z.object({ personId: col.text }),
    );
    const won = new Set(claimed.map((c) => c.personId));
    // One insert and one delivery job for the batch's emails (mailer.ts queueEmails).
    await queueEmails(
      tx,
      services.jobs,
      organisationId,
      ordered.filter((d) => won.has(d.recipient.personId)).map((d) => d.email),
    );
    return { sent: won.size, skipped: ordered.length - won.size };
  });
}

/** Composes and records one person's digest (the demo; the scheduler records whole batches). */
export async function sendDigest(
  services: Services,
  r: DigestRecipient,
  period: string,
  localDate: string,
  now: Date,
): Promise<'sent' | 'skipped'> {
  const composed = await composeDigest(services, r, period, localDate, now);
  const { sent } = await recordDigests(services, r.organisationId, [composed], now);
  return sent ? 'sent' : 'skipped';
}
