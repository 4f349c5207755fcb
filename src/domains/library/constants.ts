// Library rules the server checks and the web app shows as the user types. Free of zod and of
// Drizzle, so the web app can import them (the layer rule web-imports-contracts-only).

export const MODULE_ORIGINS = ['built-in', 'organisation'] as const;
export type ModuleOrigin = (typeof MODULE_ORIGINS)[number];

/** A version is drafted, then published; publishing the next one supersedes it. */
export const MODULE_VERSION_STATUSES = ['draft', 'published', 'superseded'] as const;
export type ModuleVersionStatus = (typeof MODULE_VERSION_STATUSES)[number];

/** Limits of a module's fields (content/README.md states the same for built-in files). */
export const LIMITS = {
  title: 80,
  summary: 200,
  /** Characters of Markdown; built-in files are further held to BUILT_IN_WORDS. */
  body: 20_000,
  action: 200,
  situation: 200,
  frequency: 100,
  signal: 200,
  reflection: 300,
  search: 200,
} as const;

export const MIN_MINUTES = 5;
export const MAX_MINUTES = 120;

/** Built-in bodies are short on purpose: one behaviour, read in a few minutes. */
export const BUILT_IN_WORDS = { min: 120, max: 300 } as const;

/** Slugs and capability keys: lower-case letters and digits joined by hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * An organisation's own modules are keyed `org/<capability>/<slug>`: built-in keys have no `org/`
 * prefix, so a built-in module added in a later release can never take an organisation's key.
 */
export const ORGANISATION_KEY_PREFIX = 'org/';

/** The four empowering skills of the source article and the derailers: at least 6 modules each. */
export const EMPOWERING_SKILLS = [
  'building-relationships',
  'inspiring-influencing',
  'strategic-thinking',
  'creating-vision',
] as const;
export const MIN_MODULES_PER_CAPABILITY = 3;
export const MIN_MODULES_PER_FOCUS_CAPABILITY = 6;
