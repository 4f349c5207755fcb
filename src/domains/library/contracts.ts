// Library API contracts, shared by the server and the web app. Errors name the field and the rule
// (`practice.action: must be at most 200 characters`), as the framework's do.
import { z } from 'zod';
import { idParams } from '../../platform/http/params.ts';
import {
  LIMITS,
  MAX_MINUTES,
  MIN_MINUTES,
  MODULE_ORIGINS,
  MODULE_VERSION_STATUSES,
  SLUG_PATTERN,
} from './constants.ts';

export { idParams };

/** Text that must be present: "is required" for a missing or blank value, not zod's type jargon. */
function text(max: number) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be text') })
    .trim()
    .min(1, 'is required')
    .max(max, `must be at most ${max} characters`);
}

const key = z
  .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be text') })
  .min(1, 'is required')
  .max(60, 'must be at most 60 characters')
  .regex(SLUG_PATTERN, 'must be lower-case letters and digits joined by hyphens');

// Strict, so a misspelt field ("reflextion") is reported rather than silently dropped.
function strict<Shape extends z.ZodRawShape>(shape: Shape) {
  return z.strictObject(shape, {
    error: (issue) => (issue.code === 'unrecognized_keys' ? 'is not a known field' : 'must be an object'),
  });
}

/** The behavioural experiment a module suggests: what, where, how often, and how I will know. */
export const practice = strict({
  action: text(LIMITS.action),
  situation: text(LIMITS.situation),
  frequency: text(LIMITS.frequency),
  signal: text(LIMITS.signal),
});
export type Practice = z.infer<typeof practice>;

export const minutes = z
  .number({ error: 'must be a whole number of minutes' })
  .int('must be a whole number of minutes')
  .min(MIN_MINUTES, `must be between ${MIN_MINUTES} and ${MAX_MINUTES}`)
  .max(MAX_MINUTES, `must be between ${MIN_MINUTES} and ${MAX_MINUTES}`);

export const stages = z
  .array(key, { error: 'must be a list of career-stage keys' })
  .min(1, 'needs at least one career stage')
  .max(20, 'must have at most 20 career stages')
  .refine((list) => new Set(list).size === list.length, 'must not name a career stage twice');

/** What an admin edits in a draft (and a built-in file holds, with its own stricter rules). */
export const moduleContent = strict({
  title: text(LIMITS.title),
  summary: text(LIMITS.summary),
  /** Markdown: headings from ##, paragraphs, lists, emphasis, links. No HTML, no images. */
  body: text(LIMITS.body),
  practice,
  reflection: text(LIMITS.reflection),
  minutes,
  stages,
});
export type ModuleContent = z.infer<typeof moduleContent>;
export type ModuleContentInput = z.input<typeof moduleContent>;

export const newModule = moduleContent.extend({ capabilityKey: key });
export type NewModule = z.infer<typeof newModule>;
export type NewModuleInput = z.input<typeof newModule>;

// ---- participants ------------------------------------------------------------------------------

export const libraryQuery = z.object({
  q: z.string().trim().max(LIMITS.search, `must be at most ${LIMITS.search} characters`).optional(),
  capability: key.optional(),
  stage: key.optional(),
  maxMinutes: z.coerce
    .number({ error: 'must be a whole number of minutes' })
    .int('must be a whole number of minutes')
    .min(1, 'must be at least 1')
    .max(10_000, 'must be at most 10000')
    .optional(),
});
export type LibraryFilters = z.infer<typeof libraryQuery>;

/** A published module as lists show it; also what pathways and plans build on. */
export const moduleSummary = z.object({
  id: z.uuid(),
  key: z.string(),
  origin: z.enum(MODULE_ORIGINS),
  capabilityKey: z.string(),
  /** From the organisation's current framework; the key when the framework no longer has it. */
  capabilityName: z.string(),
  version: z.number().int(),
  title: z.string(),
  summary: z.string(),
  minutes: z.number().int(),
  stages: z.array(z.string()),
  practice,
});
export type ModuleSummary = z.infer<typeof moduleSummary>;

export const moduleList = z.object({ items: z.array(moduleSummary) });
export type ModuleList = z.infer<typeof moduleList>;

export const moduleDetail = moduleSummary.extend({
  reflection: z.string(),
  /** The body rendered and sanitised on the server: safe to insert as HTML. */
  html: z.string(),
  publishedAt: z.string(),
});
export type ModuleDetail = z.infer<typeof moduleDetail>;

export const libraryFacets = z.object({
  /** Every capability of the current framework, in its order, with its published modules. */
  capabilities: z.array(
    z.object({ key: z.string(), name: z.string(), blockName: z.string(), count: z.number().int() }),
  ),
  stages: z.array(z.object({ key: z.string(), name: z.string() })),
});
export type LibraryFacets = z.infer<typeof libraryFacets>;

// ---- admins ------------------------------------------------------------------------------------

export const adminModuleRow = z.object({
  id: z.uuid(),
  key: z.string(),
  origin: z.enum(MODULE_ORIGINS),
  capabilityKey: z.string(),
  capabilityName: z.string(),
  /** The draft's title when there is a draft, else the published one's. */
  title: z.string(),
  publishedVersion: z.number().int().nullable(),
  draftVersion: z.number().int().nullable(),
  retiredAt: z.string().nullable(),
});
export type AdminModuleRow = z.infer<typeof adminModuleRow>;

export const moduleVersion = z.object({
  version: z.number().int(),
  status: z.enum(MODULE_VERSION_STATUSES),
  content: moduleContent,
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
  /** Null for built-in content and for people no longer in the organisation. */
  authorName: z.string().nullable(),
});
export type ModuleVersion = z.infer<typeof moduleVersion>;

const renderedVersion = moduleVersion.extend({ html: z.string() });

export const adminModuleDetail = adminModuleRow.extend({
  createdAt: z.string(),
  published: renderedVersion.nullable(),
  draft: renderedVersion.nullable(),
});
export type AdminModuleDetail = z.infer<typeof adminModuleDetail>;

export const previewRequest = strict({
  body: z.string().max(LIMITS.body, `must be at most ${LIMITS.body} characters`),
});
export const previewResponse = z.object({ html: z.string() });
