// The invitation parsed back with ical.js (Mozilla's parser, as Thunderbird uses): method, UID,
// sequence, the time in its zone with the zone's VTIMEZONE, the two people, and nothing more.
import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import { checkInUid, type Invitation, invitationIcs } from './invitation.ts';

const base: Invitation = {
  checkInId: '0b6a2f4e-1c1d-4b8e-9a51-5f2b7d3c9e10',
  method: 'REQUEST',
  sequence: 0,
  title: 'Check-in: Sam, Arjun; weekly',
  startsAt: new Date('2026-11-03T14:00:00Z'),
  durationMinutes: 45,
  timeZone: 'America/New_York',
  place: 'Room 4.2',
  videoUrl: 'https://meet.example/sam-arjun',
  organizer: { name: 'Sam Taylor', email: 'sam.taylor@northwind.example' },
  counterpart: { name: 'Arjun Patel', email: 'arjun.patel@northwind.example' },
  link: 'http://lodestar.test/check-ins/0b6a2f4e-1c1d-4b8e-9a51-5f2b7d3c9e10',
  now: new Date('2026-10-01T08:00:00Z'),
};

function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const zones = calendar.getAllSubcomponents('vtimezone');
  for (const zone of zones) ICAL.TimezoneService.register(zone);
  const vevent = calendar.getFirstSubcomponent('vevent')!;
  return { calendar, vevent, event: new ICAL.Event(vevent), zones };
}

describe('check-in invitation', () => {
  afterEach(() => ICAL.TimezoneService.reset());

  it('is a REQUEST with a stable UID, the sequence, and both people', () => {
    const { calendar, vevent, event } = parse(invitationIcs(base));
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(event.uid).toBe(`${base.checkInId}@lodestar`);
    expect(checkInUid(base.checkInId)).toBe(event.uid);
    expect(event.sequence).toBe(0);
    expect(event.summary).toBe(base.title);
    expect(event.location).toBe('Room 4.2');
    expect(vevent.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(vevent.getFirstPropertyValue('organizer')).toBe('mailto:sam.taylor@northwind.example');
    const attendees = vevent.getAllProperties('attendee').map((p) => ({
      value: String(p.getFirstValue()).toLowerCase(),
      partstat: p.getParameter('partstat'),
      rsvp: p.getParameter('rsvp') ?? null,
    }));
    expect(attendees).toEqual([
      { value: 'mailto:sam.taylor@northwind.example', partstat: 'ACCEPTED', rsvp: null },
      { value: 'mailto:arjun.patel@northwind.example', partstat: 'NEEDS-ACTION', rsvp: 'TRUE' },
    ]);
  });

  it('gives DTSTART and DTEND in the chosen zone with its VTIMEZONE, and DTSTAMP in UTC', () => {
    const ics = invitationIcs(base);
    expect(ics).toContain('DTSTART;TZID=America/New_York:20261103T090000');
    expect(ics).toContain('DTEND;TZID=America/New_York:20261103T094500');
    expect(ics).toContain('DTSTAMP:20261001T080000Z');
    const { event, zones } = parse(ics);
    expect(zones.map((z) => z.getFirstPropertyValue('tzid'))).toEqual(['America/New_York']);
    // A client that applies the VTIMEZONE lands on the very instant stored.
    expect(event.startDate.zone?.tzid).toBe('America/New_York');
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-11-03T14:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-11-03T14:45:00.000Z');
  });

  it('is right in summer time too, whatever zone the server runs in', () => {
    const ics = invitationIcs({
      ...base,
      startsAt: new Date('2026-07-01T08:30:00Z'),
      timeZone: 'Europe/London',
    });
    expect(ics).toContain('DTSTART;TZID=Europe/London:20260701T093000');
    expect(parse(ics).event.startDate.toJSDate().toISOString()).toBe('2026-07-01T08:30:00.000Z');
  });

  it('falls back to UTC times for a zone without a VTIMEZONE', () => {
    const ics = invitationIcs({ ...base, timeZone: 'Etc/Unknown' });
    expect(ics).toContain('DTSTART:20261103T140000Z');
    expect(ics).not.toContain('TZID');
  });

  it('a reschedule is a REQUEST with the same UID and the next sequence', () => {
    const { calendar, event } = parse(invitationIcs({ ...base, sequence: 1 }));
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(event.uid).toBe(`${base.checkInId}@lodestar`);
    expect(event.sequence).toBe(1);
  });

  it('a cancellation is a CANCEL with the same UID, the next sequence and STATUS:CANCELLED', () => {
    const { calendar, vevent, event } = parse(invitationIcs({ ...base, method: 'CANCEL', sequence: 2 }));
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(event.uid).toBe(`${base.checkInId}@lodestar`);
    expect(event.sequence).toBe(2);
    expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
  });

  it('escapes what a title could use to add properties', () => {
    const ics = invitationIcs({ ...base, title: 'Hi\nATTENDEE:mailto:eve@evil.example' });
    const { vevent } = parse(ics);
    expect(vevent.getAllProperties('attendee')).toHaveLength(2);
    expect(ics).not.toMatch(/^ATTENDEE:mailto:eve/m);
  });

  it('holds the title, time, place and links only', () => {
    const { vevent } = parse(invitationIcs(base));
    expect(vevent.getFirstPropertyValue('description')).toBe(
      `Join: ${base.videoUrl}\nOpen in Lodestar: ${base.link}`,
    );
    const names = vevent.getAllProperties().map((p) => p.name);
    expect(names.sort()).toEqual(
      [
        'attendee',
        'attendee',
        'description',
        'dtend',
        'dtstamp',
        'dtstart',
        'location',
        'organizer',
        'sequence',
        'status',
        'summary',
        'uid',
        'url',
      ].sort(),
    );
  });
});
