// The nudges API contracts, shared by the server and the web app: a person's digest choices (their
// own only), and the signed unsubscribe link's two requests.
import { z } from 'zod';
import { DIGEST_FREQUENCIES, TIME_ZONE_MAX } from './constants.ts';
import { normaliseTimeZone } from './schedule.ts';

const hour = z
  .number({ error: 'must be an hour from 0 to 23' })
  .int('must be a whole hour from 0 to 23')
  .min(0, 'must be an hour from 0 to 23')
  .max(23, 'must be an hour from 0 to 23');

const quietHours = z
  .strictObject({ start: hour, end: hour }, { error: 'must be {start, end} hours, or null for none' })
  .refine((q) => q.start !== q.end, { path: ['end'], message: 'must differ from start' });

export const digestPreferences = z.object({
  frequency: z.enum(DIGEST_FREQUENCIES),
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: z.number().int(),
  hour: z.number().int(),
  timeZone: z.string(),
  /** Hours when no digest is sent, e.g. 22 to 7; null for none. */
  quietHours: z.object({ start: z.number().int(), end: z.number().int() }).nullable(),
  /** False while the person has never saved their choices: these are the defaults. */
  saved: z.boolean(),
});
export type DigestPreferences = z.infer<typeof digestPreferences>;

/** The whole set of choices, every field required (a PUT replaces them). */
export const preferencesUpdate = z.strictObject({
  frequency: z.enum(DIGEST_FREQUENCIES, { error: `must be one of: ${DIGEST_FREQUENCIES.join(', ')}` }),
  weekday: z
    .number({ error: 'must be a weekday from 1 (Monday) to 7 (Sunday)' })
    .int('must be a weekday from 1 (Monday) to 7 (Sunday)')
    .min(1, 'must be a weekday from 1 (Monday) to 7 (Sunday)')
    .max(7, 'must be a weekday from 1 (Monday) to 7 (Sunday)'),
  hour,
  timeZone: z
    .string({ error: 'must be a time zone name such as Europe/London' })
    .trim()
    .max(TIME_ZONE_MAX, `must be at most ${TIME_ZONE_MAX} characters`)
    // Intl's own list decides, so the server can compute the person's wall clock with it.
    .transform((name, ctx) => {
      const zone = normaliseTimeZone(name);
      if (zone === null) {
        ctx.addIssue({ code: 'custom', message: 'must be an IANA time zone such as Europe/London' });
        return z.NEVER;
      }
      return zone;
    }),
  quietHours: quietHours.nullable(),
});
export type PreferencesUpdate = z.input<typeof preferencesUpdate>;

export const unsubscribeQuery = z.object({
  /** The signed link from the digest email (platform/http/signed-links.ts). */
  token: z.string({ error: 'is required: use the link from the email' }).max(300, 'is not a link we sent'),
});

/** Where the digest stands for the link's person, before or after the unsubscribe. */
export const unsubscribeState = z.object({ frequency: z.enum(DIGEST_FREQUENCIES) });
