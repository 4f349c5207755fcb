// The iCalendar invitation of a check-in (RFC 5545, sent by email as iMIP, RFC 6047), built with
// ical-generator (docs/decisions/0016). One event per check-in, its UID fixed for life
// (<checkInId>@lodestar), so a calendar updates or removes the event it already holds:
// - scheduled and every reschedule: METHOD:REQUEST, SEQUENCE as stored (0, then +1 each time);
// - cancelled: METHOD:CANCEL, STATUS:CANCELLED, SEQUENCE +1 again.
// Times: DTSTART/DTEND carry TZID=<the check-in's IANA zone> with that zone's VTIMEZONE
// (timezones-ical-library, built from the IANA database), so Outlook, which needs the VTIMEZONE,
// and Google, which reads the IANA name, both show the local time the person picked, and the
// event follows the zone's clock changes. A zone the library lacks falls back to UTC times
// (DTSTART:…Z), which every client converts correctly. The event holds the title, time, place and
// video link only: no agenda, notes or plan text leaves in an email.
import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
} from 'ical-generator';
import { DateTime } from 'luxon';
import { tzlib_get_ical_block } from 'timezones-ical-library';

export interface InvitationPerson {
  name: string;
  email: string;
}

export interface Invitation {
  checkInId: string;
  method: 'REQUEST' | 'CANCEL';
  sequence: number;
  title: string;
  startsAt: Date;
  durationMinutes: number;
  timeZone: string;
  place: string | null;
  videoUrl: string | null;
  /** The participant who scheduled it. */
  organizer: InvitationPerson;
  /** Their manager or coach. */
  counterpart: InvitationPerson;
  /** Where the check-in is opened in Lodestar (a link, not content). */
  link: string;
  /** DTSTAMP: when this version of the invitation was made. */
  now: Date;
}

export const checkInUid = (checkInId: string) => `${checkInId}@lodestar`;

/** The zone's VTIMEZONE, or null when the library has none for it. */
function vtimezone(zone: string): string | null {
  try {
    const block = tzlib_get_ical_block(zone);
    const text = Array.isArray(block) ? block[0] : null;
    return text?.startsWith('BEGIN:VTIMEZONE') ? text : null;
  } catch {
    return null;
  }
}

export function invitationIcs(inv: Invitation): string {
  const zoned = vtimezone(inv.timeZone) !== null;
  const calendar = ical({
    prodId: { company: 'Lodestar', product: 'Check-ins', language: 'EN' },
    method: inv.method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
    // No calendar-wide zone (its X-WR-TIMEZONE would also turn DTSTAMP into local time): the
    // generator adds the VTIMEZONE of the event's zone.
    timezone: { name: null, generator: vtimezone },
  });
  // Luxon dates carry their zone: ical-generator formats them in the event's zone whatever the
  // server's own TZ is (a plain Date would be read in the server's local time).
  const start = DateTime.fromJSDate(inv.startsAt, { zone: zoned ? inv.timeZone : 'utc' });
  const description = [inv.videoUrl ? `Join: ${inv.videoUrl}` : null, `Open in Lodestar: ${inv.link}`]
    .filter((line) => line !== null)
    .join('\n');
  const event = calendar.createEvent({
    id: checkInUid(inv.checkInId),
    sequence: inv.sequence,
    stamp: inv.now,
    start,
    end: start.plus({ minutes: inv.durationMinutes }),
    ...(zoned ? { timezone: inv.timeZone } : {}),
    summary: inv.title,
    description,
    location: inv.place ?? inv.videoUrl ?? null,
    url: inv.videoUrl ?? inv.link,
    status: inv.method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: { name: inv.organizer.name, email: inv.organizer.email },
  });
  event.createAttendee({
    name: inv.organizer.name,
    email: inv.organizer.email,
    role: ICalAttendeeRole.REQ,
    status: ICalAttendeeStatus.ACCEPTED,
  });
  event.createAttendee({
    name: inv.counterpart.name,
    email: inv.counterpart.email,
    role: ICalAttendeeRole.REQ,
    status: ICalAttendeeStatus.NEEDSACTION,
    rsvp: inv.method === 'REQUEST',
  });
  return calendar.toString();
}
