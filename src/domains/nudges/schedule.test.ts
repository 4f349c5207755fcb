import { describe, expect, it } from 'vitest';
import {
  type DigestSchedule,
  digestDecision,
  isoWeekLabel,
  isQuiet,
  latestTarget,
  localTime,
  normaliseTimeZone,
} from './schedule.ts';

const at = (iso: string) => new Date(iso);
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;
const weekly = (over: Partial<DigestSchedule> = {}): DigestSchedule => ({
  frequency: 'weekly',
  weekday: 1,
  hour: 8,
  timeZone: 'Europe/London',
  quietHours: null,
  ...over,
});
const decide = (s: DigestSchedule, now: string, lastSentAt: string | null = null) =>
  digestDecision(s, at(now), lastSentAt ? at(lastSentAt) : null);

describe('isoWeekLabel', () => {
  it.each([
    ['2026-06-08', '2026-W24'], // Monday
    ['2026-06-14', '2026-W24'], // Sunday
    ['2026-01-01', '2026-W01'], // Thursday: week 1 of its own year
    ['2027-01-01', '2026-W53'], // Friday: the last week of 2026, which has 53
    ['2024-12-30', '2025-W01'], // Monday of a week whose Thursday is in 2025
    ['2021-01-03', '2020-W53'],
    ['1969-12-29', '1970-W01'],
  ])('%s is in %s', (date, label) => {
    expect(isoWeekLabel(dayNumber(date))).toBe(label);
  });
});

describe('localTime', () => {
  it('reads the wall clock of the zone, daylight saving included', () => {
    expect(localTime(at('2026-01-15T12:30:00Z'), 'Europe/London')).toMatchObject({
      date: '2026-01-15',
      isoWeekday: 4,
      hour: 12,
      minute: 30,
    });
    expect(localTime(at('2026-07-15T12:30:00Z'), 'Europe/London')).toMatchObject({ hour: 13 });
    expect(localTime(at('2026-07-15T23:30:00Z'), 'Asia/Kolkata')).toMatchObject({
      date: '2026-07-16',
      isoWeekday: 4,
      hour: 5,
      minute: 0,
    });
    // Midnight is 0, never 24.
    expect(localTime(at('2026-07-15T00:00:00Z'), 'UTC')).toMatchObject({ hour: 0, minute: 0 });
  });
});

describe('normaliseTimeZone', () => {
  it.each([
    ['Europe/London', 'Europe/London'],
    ['europe/london', 'Europe/London'],
    ['UTC', 'UTC'],
    ['Asia/Kolkata', 'Asia/Kolkata'], // an alias Intl knows as Asia/Calcutta keeps its name
    ['America/Port-au-Prince', 'America/Port-au-Prince'],
    ['Etc/GMT+5', 'Etc/GMT+5'],
  ])('%s is accepted as %s', (name, stored) => {
    expect(normaliseTimeZone(name)).toBe(stored);
  });

  it.each(['', 'Mars/Olympus', '+01:00', 'GMT+1:00', 'Europe/London\n', '../etc', 'x'.repeat(100)])(
    '%j is refused',
    (name) => {
      expect(normaliseTimeZone(name)).toBeNull();
    },
  );
});

describe('isQuiet', () => {
  it('within a day', () => {
    const q = { start: 12, end: 14 };
    expect([11, 12, 13, 14].map((h) => isQuiet(q, h))).toEqual([false, true, true, false]);
  });
  it('wrapping midnight', () => {
    const q = { start: 22, end: 7 };
    expect([21, 22, 23, 0, 6, 7, 12].map((h) => isQuiet(q, h))).toEqual([
      false,
      true,
      true,
      true,
      true,
      false,
      false,
    ]);
  });
  it('none', () => {
    expect(isQuiet(null, 3)).toBe(false);
  });
});

describe('digestDecision, weekly', () => {
  // Monday 8 June 2026, British Summer Time (UTC+1): 08:00 local is 07:00 UTC.
  it('waits for the chosen weekday and hour on the local clock', () => {
    expect(decide(weekly(), '2026-06-08T06:59:00Z')).toEqual({ due: false, reason: 'waiting' });
    expect(decide(weekly(), '2026-06-08T07:00:00Z')).toEqual({
      due: true,
      period: '2026-W24',
      localDate: '2026-06-08',
    });
  });

  it('stays due for a day after the target, then skips the period', () => {
    expect(decide(weekly(), '2026-06-09T06:59:00Z')).toMatchObject({ due: true, period: '2026-W24' });
    expect(decide(weekly(), '2026-06-09T07:00:00Z')).toEqual({ due: false, reason: 'waiting' });
    expect(decide(weekly(), '2026-06-14T20:00:00Z')).toEqual({ due: false, reason: 'waiting' });
  });

  it('a Sunday target is due from Sunday, in that week', () => {
    const s = weekly({ weekday: 7, hour: 18, timeZone: 'UTC' });
    expect(decide(s, '2026-06-14T18:00:00Z')).toMatchObject({ due: true, period: '2026-W24' });
    // Monday 00:30 is a new week, but the window of Sunday's target still runs.
    expect(decide(s, '2026-06-15T00:30:00Z')).toMatchObject({ due: true, period: '2026-W24' });
  });

  it('never follows the last digest within three days', () => {
    const sent = '2026-06-08T07:00:00Z';
    expect(decide(weekly(), '2026-06-08T07:15:00Z', sent)).toEqual({ due: false, reason: 'too-soon' });
    // Moved to Tuesday 08:00 after Monday's digest: Tuesday's target is this same week.
    expect(decide(weekly({ weekday: 2 }), '2026-06-09T07:00:00Z', sent)).toEqual({
      due: false,
      reason: 'too-soon',
    });
    // The next week is due again.
    expect(decide(weekly(), '2026-06-15T07:00:00Z', sent)).toMatchObject({ due: true, period: '2026-W25' });
  });

  it('uses the zone of the person, with half-hour offsets', () => {
    const s = weekly({ timeZone: 'Asia/Kolkata', hour: 9 }); // UTC+5:30
    expect(decide(s, '2026-06-08T03:29:00Z')).toMatchObject({ due: false });
    expect(decide(s, '2026-06-08T03:30:00Z')).toMatchObject({ due: true, localDate: '2026-06-08' });
    // 09:00 Monday in Auckland (UTC+12 in June) is 21:00 Sunday UTC.
    const nz = weekly({ timeZone: 'Pacific/Auckland', hour: 9 });
    expect(decide(nz, '2026-06-07T21:00:00Z')).toMatchObject({ due: true, period: '2026-W24' });
  });

  it('off is never due', () => {
    expect(decide(weekly({ frequency: 'off' }), '2026-06-08T07:00:00Z')).toEqual({
      due: false,
      reason: 'off',
    });
  });
});

describe('digestDecision, quiet hours', () => {
  it('holds the digest while quiet and sends when they end, wrapping midnight', () => {
    // Sunday 23:00 with quiet hours 22–7: held until Monday 07:00, still Sunday's period.
    const s = weekly({ weekday: 7, hour: 23, timeZone: 'UTC', quietHours: { start: 22, end: 7 } });
    expect(decide(s, '2026-06-14T23:00:00Z')).toEqual({ due: false, reason: 'quiet' });
    expect(decide(s, '2026-06-15T03:00:00Z')).toEqual({ due: false, reason: 'quiet' });
    expect(decide(s, '2026-06-15T06:59:00Z')).toEqual({ due: false, reason: 'quiet' });
    expect(decide(s, '2026-06-15T07:00:00Z')).toEqual({
      due: true,
      period: '2026-W24',
      localDate: '2026-06-15',
    });
  });

  it('quiet hours within the day', () => {
    const s = weekly({ hour: 12, timeZone: 'UTC', quietHours: { start: 12, end: 14 } });
    expect(decide(s, '2026-06-08T13:59:00Z')).toEqual({ due: false, reason: 'quiet' });
    expect(decide(s, '2026-06-08T14:00:00Z')).toMatchObject({ due: true });
  });

  it('quiet hours are read on the local clock', () => {
    // Quiet hours 0–8 in London: 07:30 BST (06:30 UTC) is quiet, 08:00 BST (07:00 UTC) is not.
    const s = weekly({ hour: 7, quietHours: { start: 0, end: 8 } });
    expect(decide(s, '2026-06-08T06:30:00Z')).toEqual({ due: false, reason: 'quiet' }); // 07:30 BST
    expect(decide(s, '2026-06-08T07:00:00Z')).toMatchObject({ due: true }); // 08:00 BST
  });
});

describe('digestDecision across daylight saving', () => {
  it('an hour skipped in spring is reached at the first time after it', () => {
    // Berlin, Sunday 29 March 2026: 02:00 CET jumps to 03:00 CEST (01:00 UTC). 02:00 never happens.
    const s = weekly({ weekday: 7, hour: 2, timeZone: 'Europe/Berlin' });
    expect(decide(s, '2026-03-29T00:59:00Z')).toEqual({ due: false, reason: 'waiting' }); // 01:59 CET
    expect(decide(s, '2026-03-29T01:00:00Z')).toEqual({
      due: true,
      period: '2026-W13',
      localDate: '2026-03-29',
    }); // 03:00 CEST
  });

  it('an hour that happens twice in autumn is one period: the second time is too soon', () => {
    // Berlin, Sunday 25 October 2026: 03:00 CEST goes back to 02:00 CET. 02:00 happens at 00:00
    // and again at 01:00 UTC.
    const s = weekly({ weekday: 7, hour: 2, timeZone: 'Europe/Berlin' });
    const first = decide(s, '2026-10-25T00:00:00Z');
    const second = decide(s, '2026-10-25T01:00:00Z');
    expect(first).toMatchObject({ due: true, period: '2026-W43' });
    // Both readings are the same period: digest_sends lets only one through…
    expect(second).toMatchObject({ due: true, period: '2026-W43' });
    // …and after the first is sent, the second is too soon anyway.
    expect(decide(s, '2026-10-25T01:00:00Z', '2026-10-25T00:00:00Z')).toEqual({
      due: false,
      reason: 'too-soon',
    });
  });

  it('the hour is the wall-clock hour on both sides of a change', () => {
    // New York: Monday 08:00 is 13:00 UTC in winter (EST) and 12:00 UTC in summer (EDT).
    const s = weekly({ timeZone: 'America/New_York' });
    expect(decide(s, '2026-03-02T13:00:00Z')).toMatchObject({ due: true, period: '2026-W10' });
    expect(decide(s, '2026-03-02T12:59:00Z')).toMatchObject({ due: false });
    // Clocks went forward on Sunday 8 March.
    expect(decide(s, '2026-03-09T12:00:00Z')).toMatchObject({ due: true, period: '2026-W11' });
    expect(decide(s, '2026-03-09T11:59:00Z')).toMatchObject({ due: false });
  });

  it('the grace window is counted on the wall clock across a change', () => {
    // Saturday 10:00 in London; clocks go back on Sunday 25 October 2026. Sunday 09:59 local is
    // 23 h 59 min of wall clock later (24 h 59 min of real time): still due.
    const s = weekly({ weekday: 6, hour: 10 });
    expect(decide(s, '2026-10-25T09:59:00Z')).toMatchObject({ due: true, period: '2026-W43' });
    expect(decide(s, '2026-10-25T10:00:00Z')).toEqual({ due: false, reason: 'waiting' });
  });
});

describe('digestDecision, fortnightly', () => {
  const s = weekly({ frequency: 'fortnightly', timeZone: 'UTC' });
  // Weeks counted from Monday 29 December 1969: 8 June 2026 starts week 2945 (odd), 15 June week
  // 2946 (even), so fortnights start on 1 and 15 June.
  it('is due in the first week of each fortnight only', () => {
    expect(decide(s, '2026-06-15T08:00:00Z')).toMatchObject({ due: true, period: '2026-W25' });
    expect(decide(s, '2026-06-08T08:00:00Z')).toEqual({ due: false, reason: 'waiting' });
    expect(decide(s, '2026-06-01T08:00:00Z')).toMatchObject({ due: true, period: '2026-W23' });
    expect(decide(s, '2026-06-29T08:00:00Z')).toMatchObject({ due: true, period: '2026-W27' });
  });

  it('a target in the second week of the fortnight is not the first week’s', () => {
    // Weekday 1 targets the fortnight's first Monday; a Sunday target is its first Sunday.
    const sunday = { ...s, weekday: 7 };
    expect(decide(sunday, '2026-06-21T08:00:00Z')).toMatchObject({ due: true, period: '2026-W25' });
    expect(decide(sunday, '2026-06-28T08:00:00Z')).toEqual({ due: false, reason: 'waiting' });
  });

  it('keeps its rhythm across a year with 53 ISO weeks', () => {
    const dues: string[] = [];
    for (let d = dayNumber('2026-11-30'); d < dayNumber('2027-03-01'); d += 7) {
      const monday = new Date(d * 86_400_000 + 8 * 3_600_000).toISOString();
      const r = digestDecision(s, new Date(monday), null);
      if (r.due) dues.push(r.period);
    }
    expect(dues).toEqual([
      '2026-W49',
      '2026-W51',
      '2026-W53',
      '2027-W02',
      '2027-W04',
      '2027-W06',
      '2027-W08',
    ]);
  });

  it('switching from weekly mid-fortnight finds the same period', () => {
    const w = latestTarget({ ...s, frequency: 'weekly' }, at('2026-06-15T09:00:00Z'));
    const f = latestTarget({ ...s, frequency: 'fortnightly' }, at('2026-06-15T09:00:00Z'));
    expect(w.period).toBe(f.period);
  });
});
