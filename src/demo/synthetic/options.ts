// The arguments of `lodestar seed --synthetic N [--organisation SLUG]`, checked before anything is
// written: a bad argument is one clear line naming the option and its rule, never a half-seeded
// organisation. Pure, so the CLI and the tests share the same rules.

export const SYNTHETIC_MIN = 10;
export const SYNTHETIC_MAX = 200_000;
/** Lower-case letters, digits and inner hyphens, as a DNS label: it also names the people's email domain. */
export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
/** Reserved: `seed --demo` owns it, and a synthetic seed must never silently replace the demo. */
const RESERVED_SLUGS = new Set(['demo']);

export class SyntheticOptionError extends Error {}

export interface SyntheticOptions {
  people: number;
  slug: string;
}

/** Validates the raw option values (strings as commander hands them over). */
export function syntheticOptions(raw: { synthetic: string; organisation?: string }): SyntheticOptions {
  const text = raw.synthetic.trim();
  if (!/^\d+$/.test(text)) {
    throw new SyntheticOptionError(
      `--synthetic: must be a whole number of people from ${SYNTHETIC_MIN} to ${SYNTHETIC_MAX}, got "${raw.synthetic}"`,
    );
  }
  const people = Number(text);
  if (people < SYNTHETIC_MIN || people > SYNTHETIC_MAX) {
    throw new SyntheticOptionError(
      `--synthetic: must be from ${SYNTHETIC_MIN} to ${SYNTHETIC_MAX} people, got ${people}`,
    );
  }
  const slug = raw.organisation ?? `synthetic-${people}`;
  if (!SLUG_PATTERN.test(slug)) {
    throw new SyntheticOptionError(
      `--organisation: must be 1–63 lower-case letters, digits or inner hyphens (e.g. synthetic-${people}), got "${slug}"`,
    );
  }
  if (RESERVED_SLUGS.has(slug)) {
    throw new SyntheticOptionError(
      `--organisation: "${slug}" is the demo organisation; use seed --demo for it`,
    );
  }
  return { people, slug };
}
