// Choices and defaults of the digest that the web app shows as the person types, shared by the
// server and the web app without zod (docs/adding-a-domain.md). The rules that use them: schedule.ts.

/** How often the digest comes: never, every week, or every other week. */
export const DIGEST_FREQUENCIES = ['off', 'weekly', 'fortnightly'] as const;
export type DigestFrequency = (typeof DIGEST_FREQUENCIES)[number];

/** ISO weekdays: 1 = Monday … 7 = Sunday. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** The longest time zone name accepted (the longest IANA name is 30 characters). */
export const TIME_ZONE_MAX = 64;

/**
 * What a person who never opened their settings gets: the digest is on, weekly, Monday 08:00 UTC,
 * no quiet hours. On by default because a nudge that must be found and switched on first reaches
 * only the people who need it least (people using Culture Amp or Lattice expect the same); every
 * email carries a one-click unsubscribe and a link to these settings. UTC because the server knows
 * no one's time zone until they say so: the settings page proposes the browser's.
 */
export const DEFAULT_DIGEST = {
  frequency: 'weekly',
  weekday: 1,
  hour: 8,
  timeZone: 'UTC',
  quietHours: null,
} as const satisfies {
  frequency: DigestFrequency;
  weekday: number;
  hour: number;
  timeZone: string;
  quietHours: null;
};
