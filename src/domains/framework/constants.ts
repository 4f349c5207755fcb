// Framework rules the server checks and the web app shows as the user types. Free of zod and of
// Drizzle, so the web app can import them without either (the layer rule web-imports-contracts-only).

export const BLOCK_KINDS = ['building-block', 'practice', 'values', 'derailers', 'climate'] as const;
export type BlockKind = (typeof BLOCK_KINDS)[number];

export const PRACTICES = ['manage', 'lead'] as const;
export type Practice = (typeof PRACTICES)[number];

/** A capability needs this many items that are not retired. */
export const MIN_ACTIVE_ITEMS = 3;

/** Keys of blocks, capabilities and items: lower-case letters and digits joined by hyphens. */
export const KEY_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** The largest framework file (JSON or YAML) an import takes. */
export const FRAMEWORK_FILE_MAX_BYTES = 1024 * 1024;

export const FILE_FORMATS = ['json', 'yaml'] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];

export const VERSION_STATUSES = ['draft', 'published'] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];
