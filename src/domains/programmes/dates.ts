// Calendar days of programmes, in UTC: a step's date is the start plus its offset, and a step is due
// from 00:00 UTC on that date. Pure.
const DAY = 86_400_000;

export const addDays = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);

/** The app's clock as a calendar day (UTC). */
export const today = (now: Date): string => now.toISOString().slice(0, 10);

export type Phase = 'upcoming' | 'running' | 'ended';

export function phaseOf(p: { startsOn: string; endsOn: string }, now: Date): Phase {
  const d = today(now);
  if (d < p.startsOn) return 'upcoming';
  return d > p.endsOn ? 'ended' : 'running';
}
