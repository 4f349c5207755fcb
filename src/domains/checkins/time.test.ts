import { describe, expect, it } from 'vitest';
import { isTimeZoneName, isWebLink } from './constants.ts';
import { canonicalTimeZone, describeWhen, instantOf, localOf } from './time.ts';

describe('check-in times', () => {
  it('reads a local time in its zone, across summer and winter time', () => {
    expect(instantOf('2026-07-01T09:30', 'Europe/London')?.toISOString()).toBe('2026-07-01T08:30:00.000Z');
    expect(instantOf('2026-12-01T09:30', 'Europe/London')?.toISOString()).toBe('2026-12-01T09:30:00.000Z');
    expect(instantOf('2026-11-03T09:00', 'America/New_York')?.toISOString()).toBe('2026-11-03T14:00:00.000Z');
    expect(instantOf('2026-11-03T09:00', 'Asia/Kolkata')?.toISOString()).toBe('2026-11-03T03:30:00.000Z');
  });

  it('refuses a time the clock skips and a date that does not exist', () => {
    // Clocks go forward at 01:00 on 29 March 2026 in London: 01:30 never happens.
    expect(instantOf('2026-03-29T01:30', 'Europe/London')).toBeNull();
    expect(instantOf('2026-02-30T09:00', 'Europe/London')).toBeNull();
    expect(instantOf('2026-01-01T25:00', 'Europe/London')).toBeNull();
  });

  it('an hour that happens twice means its first occurrence', () => {
    // Clocks go back at 02:00 BST on 25 October 2026: 01:30 happens in BST first.
    expect(instantOf('2026-10-25T01:30', 'Europe/London')?.toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('gives the form its value back', () => {
    expect(localOf(new Date('2026-11-03T14:00:00Z'), 'America/New_York')).toBe('2026-11-03T09:00');
  });

  it('knows IANA names and refuses anything else', () => {
    for (const ok of ['Europe/London', 'America/Argentina/Buenos_Aires', 'UTC', 'Etc/GMT+5', 'Asia/Kolkata'])
      expect(isTimeZoneName(ok), ok).toBe(true);
    for (const bad of ['Mars/Olympus', '+02:00', 'Europe/London\r\nX', '', 'europe', 'a'.repeat(70)])
      expect(isTimeZoneName(bad), bad).toBe(false);
    expect(canonicalTimeZone('Asia/Calcutta')).toMatch(/^Asia\/(Calcutta|Kolkata)$/);
  });

  it('takes only web links', () => {
    expect(isWebLink('https://meet.example/abc')).toBe(true);
    expect(isWebLink('http://intranet.example/room')).toBe(true);
    for (const bad of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'ftp://x.example',
      'meet.example',
      'https://',
    ])
      expect(isWebLink(bad), bad).toBe(false);
  });

  it('describes the time for an email in the check-in’s zone', () => {
    expect(describeWhen(new Date('2026-11-03T14:00:00Z'), 30, 'America/New_York')).toBe(
      'Tuesday 3 November 2026, 09:00–09:30 (America/New_York)',
    );
  });
});
