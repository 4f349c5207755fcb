// Shared set-up for the check-in tests: the plan tests' organisation (participant, their manager, a
// coach, an admin, a peer), the coach accepted by the participant, a plan with an experiment, and
// helpers to read the invitations from the outbox and parse them (ical.js).
import { and, asc, eq, like } from 'drizzle-orm';
import ICAL from 'ical.js';
import type { CoachingRelationship } from '../../src/domains/development/contracts.ts';
import { emails } from '../../src/platform/mail/schema.ts';
import type { Harness } from '../support/harness.ts';
import { json, type PlanOrg, planOrg, planWithExperiment } from './development-support.ts';

export { fieldsOf, json } from './development-support.ts';

export interface CheckInOrg extends PlanOrg {
  planId: string;
  focusId: string;
  experimentId: string;
}

export async function checkInOrg(h: Harness, slug: string): Promise<CheckInOrg> {
  const o = await planOrg(h, slug);
  const asked = await json<CoachingRelationship>(
    await o.coach.post('/api/coaching', { coacheeId: o.ownerId }),
    201,
  );
  await json(await o.owner.post(`/api/coaching/${asked.id}/accept`), 200);
  const plan = await planWithExperiment(o.owner);
  return { ...o, ...plan };
}

/** A local date-time `days` ahead at `time`, as the form sends it. */
export const localIn = (days: number, time = '09:30') =>
  `${new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)}T${time}`;

export const scheduleBody = (withPersonId: string, over: Record<string, unknown> = {}) => ({
  withPersonId,
  startsAt: localIn(7),
  durationMinutes: 45,
  timeZone: 'Europe/London',
  place: 'Room 4.2',
  videoUrl: 'https://meet.example/weekly',
  ...over,
});

export interface SentInvitation {
  to: string;
  subject: string;
  text: string;
  method: string | null;
  ics: string;
  uid: string;
  sequence: number;
  icsMethod: string;
  status: string;
  /** DTSTART as the TZID and local value written, and the instant a client computes from it. */
  dtstart: string;
  startsAt: string;
}

/** The calendar emails about check-in `id`, oldest first, parsed. */
export async function invitationsOf(
  h: Harness,
  organisationId: string,
  id: string,
): Promise<SentInvitation[]> {
  const rows = await h.services.db.inOrganisation(organisationId, (tx) =>
    tx
      .select()
      .from(emails)
      .where(and(eq(emails.organisationId, organisationId), like(emails.calendar, `%UID:${id}@lodestar%`)))
      .orderBy(asc(emails.createdAt), asc(emails.id)),
  );
  return rows.map((r) => {
    const calendar = new ICAL.Component(ICAL.parse(r.calendar!));
    for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
    const vevent = calendar.getFirstSubcomponent('vevent')!;
    const event = new ICAL.Event(vevent);
    const dtstart = vevent.getFirstProperty('dtstart')!;
    return {
      to: r.to,
      subject: r.subject,
      text: r.text,
      method: r.calendarMethod,
      ics: r.calendar!,
      uid: event.uid,
      sequence: event.sequence,
      icsMethod: String(calendar.getFirstPropertyValue('method')),
      status: String(vevent.getFirstPropertyValue('status')),
      dtstart: `${dtstart.getParameter('tzid') ?? 'UTC'}:${String(dtstart.getFirstValue())}`,
      startsAt: event.startDate.toJSDate().toISOString(),
    };
  });
}
