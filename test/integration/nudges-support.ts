// Shared set-up for the digest tests: an organisation whose participant has a plan with an
// experiment due, choices written for anyone, the app's clock set, and the digests sent, read back.
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { PreferencesUpdate } from '../../src/domains/nudges/contracts.ts';
import { scanDigests } from '../../src/domains/nudges/jobs.ts';
import { savePreferences } from '../../src/domains/nudges/preferences.ts';
import { digestSends } from '../../src/domains/nudges/schema.ts';
import { col, queryRows } from '../../src/platform/db/rows.ts';
import { emails } from '../../src/platform/mail/schema.ts';
import type { Harness } from '../support/harness.ts';
import { experimentBody, type PlanOrg, planOrg, planWithExperiment } from './development-support.ts';

export { json } from './feedback-support.ts';

/** Wednesday 10 June 2026, 09:00 UTC. */
export const NOW = new Date('2026-06-10T09:00:00Z');
export const DIGEST_SUBJECT = 'Your week in Lodestar%';

/** Choices that make the digest due at NOW (Wednesday 09:00 in UTC), unless changed. */
export const dueNow = (over: Partial<PreferencesUpdate> = {}) => ({
  frequency: 'weekly' as const,
  weekday: 3,
  hour: 9,
  timeZone: 'UTC',
  quietHours: null,
  ...over,
});

/** Plan text the digest must never carry (only the experiment's title may travel). */
export const PRIVATE = {
  goal: 'Spend an hour a week on where the team should be in a year',
  why: 'I am always in the weeds',
  situation: 'Friday afternoons',
  signal: 'My manager asks about one of them',
  planTitle: 'My plan',
};
export const EXPERIMENT_TITLE = experimentBody().action as string;

export async function digestOrg(h: Harness, slug: string): Promise<PlanOrg> {
  const o = await planOrg(h, slug);
  await planWithExperiment(o.owner);
  return o;
}

export async function choose(
  h: Harness,
  organisationId: string,
  personId: string,
  choice: PreferencesUpdate,
) {
  await h.services.db.inOrganisation(organisationId, (tx) =>
    savePreferences(tx, organisationId, personId, {
      ...choice,
      quietHours: choice.quietHours ?? null,
    }),
  );
}

/** Everyone in the organisation off except `on`, so a test counts only its own people's digests. */
export async function onlyThese(h: Harness, o: PlanOrg, on: Record<string, PreferencesUpdate>) {
  for (const id of [o.ownerId, o.managerId, o.coachId, o.adminId, o.peerId]) {
    await choose(h, o.organisationId, id, on[id] ?? dueNow({ frequency: 'off' }));
  }
}

/** The scheduler's tick at `at`, then the queue until nothing is due (batches, then deliveries). */
export async function tick(h: Harness, at: Date) {
  h.services.clock = () => at;
  const scan = await scanDigests(h.services);
  while ((await h.services.jobs.runDue()) > 0) {}
  return scan;
}

export interface SentDigest {
  to: string;
  subject: string;
  text: string;
  html: string | null;
  headers: Record<string, string>;
  status: string;
}

export async function digestsTo(h: Harness, organisationId: string, to?: string): Promise<SentDigest[]> {
  return h.services.db.inOrganisation(organisationId, (tx) =>
    tx
      .select({
        to: emails.to,
        subject: emails.subject,
        text: emails.text,
        html: emails.html,
        headers: emails.headers,
        status: emails.status,
      })
      .from(emails)
      .where(and(sql`${emails.subject} LIKE ${DIGEST_SUBJECT}`, to ? eq(emails.to, to) : undefined)),
  );
}

export async function sendsOf(h: Harness, organisationId: string) {
  return h.services.db.inOrganisation(organisationId, (tx) =>
    tx
      .select({ personId: digestSends.personId, period: digestSends.period })
      .from(digestSends)
      .where(eq(digestSends.organisationId, organisationId)),
  );
}

export async function frequencyOf(h: Harness, organisationId: string, personId: string) {
  const [row] = await h.services.db.inOrganisation(organisationId, (tx) =>
    queryRows(
      tx,
      sql`SELECT frequency, weekday, hour, time_zone FROM nudge_preferences
           WHERE organisation_id = ${organisationId} AND person_id = ${personId}`,
      z.object({ frequency: col.text, weekday: col.count, hour: col.count, time_zone: col.text }),
    ),
  );
  return row ?? null;
}

/** The token of a digest's List-Unsubscribe header. */
export function tokenOf(digest: SentDigest): string {
  const m = /<(https?:\/\/[^>]+)>/.exec(digest.headers['List-Unsubscribe'] ?? '');
  if (!m) throw new Error('no List-Unsubscribe URL');
  return new URL(m[1]!).searchParams.get('token')!;
}
