// Reflection journal API contracts, shared by the server and the web app. An entry belongs to its
// owner (docs/decisions/0014): the owner reads and writes it; their manager or accepted coach reads
// one only while the owner shares it with them; anyone else — admins included — gets 404, exactly
// as for an unknown id. No contract here carries entries to an organisation-level view. Errors use
// the one API error shape, `fields` naming the field and the rule it broke (never the text).
import { z } from 'zod';
import { EXPERIMENT_STATUSES } from '../development/constants.ts';
import { ENTRY_BODY_MAX, JOURNAL_PAGE_MAX, JOURNAL_PAGE_SIZE, SCALE_MAX, SCALE_MIN } from './constants.ts';

export { idParams } from '../../platform/http/params.ts';

const body = z
  .string({ error: 'is required' })
  .trim()
  .min(1, 'is required')
  .max(ENTRY_BODY_MAX, `must be at most ${ENTRY_BODY_MAX} characters`);
const scaleRule = `must be a whole number from ${SCALE_MIN} to ${SCALE_MAX}`;
const scale = z
  .number({ error: scaleRule })
  .int(scaleRule)
  .min(SCALE_MIN, scaleRule)
  .max(SCALE_MAX, scaleRule)
  .nullable();
const experimentId = z.uuid('must be one of your experiments').nullable();
const moduleId = z.uuid('must be a published module of the library').nullable();
const flag = z.boolean({ error: 'must be true or false' });

/** An entry is about one thing at most: naming both is refused on moduleId. */
const oneLink = (v: { experimentId?: string | null | undefined; moduleId?: string | null | undefined }) =>
  !(v.experimentId && v.moduleId);
const oneLinkRule = { message: 'must be empty when experimentId is set', path: ['moduleId'] };

export const entryCreate = z
  .strictObject({
    body,
    /** How the person feels, 1 (low) … 5 (high). */
    mood: scale.optional(),
    /** How much energy they have, 1 (low) … 5 (high). */
    energy: scale.optional(),
    /** One of the viewer's own experiments (of any of their plans). */
    experimentId: experimentId.optional(),
    /** A module published in the organisation's library now. */
    moduleId: moduleId.optional(),
  })
  .refine(oneLink, oneLinkRule);
export type EntryCreate = z.input<typeof entryCreate>;

/**
 * Changes to an entry; fields left out stay as they are, null clears mood, energy or a link. The
 * links left after the change must still be one at most (setting one and clearing the other in
 * the same request is how the web app switches).
 */
export const entryUpdate = z
  .strictObject({
    body: body.optional(),
    mood: scale.optional(),
    energy: scale.optional(),
    experimentId: experimentId.optional(),
    moduleId: moduleId.optional(),
  })
  .refine(oneLink, oneLinkRule)
  .refine((v) => Object.keys(v).length > 0, 'must change at least one field');
export type EntryUpdate = z.input<typeof entryUpdate>;

/** Share one entry with the owner's current manager and/or accepted coach; false withdraws. */
export const entrySharing = z.strictObject({ withManager: flag, withCoach: flag });
export type EntrySharing = z.infer<typeof entrySharing>;

const page = {
  limit: z.coerce
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(JOURNAL_PAGE_MAX, `must be at most ${JOURNAL_PAGE_MAX}`)
    .default(JOURNAL_PAGE_SIZE),
  offset: z.coerce
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(0, 'must be 0 or more')
    .max(1_000_000, 'must be at most 1000000')
    .default(0),
};

export const journalQuery = z.object({
  /** Only entries linked to this experiment (the viewer's own). */
  experimentId: z.uuid('must be an experiment id').optional(),
  ...page,
});
export type JournalQuery = z.output<typeof journalQuery>;

export const sharedJournalQuery = z.object(page);
export type SharedJournalQuery = z.output<typeof sharedJournalQuery>;

const person = z.object({ id: z.uuid(), name: z.string() });

export const entry = z.object({
  id: z.uuid(),
  body: z.string(),
  mood: z.number().int().nullable(),
  energy: z.number().int().nullable(),
  /** The linked experiment; `action` is null when the viewer may not read that experiment. */
  experiment: z.object({ id: z.uuid(), action: z.string().nullable() }).nullable(),
  /** The linked module; `title` is null once it is no longer published. */
  module: z.object({ id: z.uuid(), title: z.string().nullable() }).nullable(),
  owner: person,
  /** How the viewer relates to the owner: themself, or the manager or coach it is shared with. */
  viewerRelation: z.enum(['self', 'manager', 'coach']),
  /** The owner's sharing choice; null for anyone but the owner. */
  sharing: z.object({ withManager: z.boolean(), withCoach: z.boolean() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Entry = z.infer<typeof entry>;

export const journalPage = z.object({
  items: z.array(entry),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});
export type JournalPage = z.infer<typeof journalPage>;

/** What the owner's entry form offers: their experiments, the library's modules, who shares reach. */
export const journalOptions = z.object({
  experiments: z.array(
    z.object({
      id: z.uuid(),
      action: z.string(),
      status: z.enum(EXPERIMENT_STATUSES),
      focusTitle: z.string(),
      /** False for experiments of a closed plan (history). */
      current: z.boolean(),
    }),
  ),
  modules: z.array(z.object({ id: z.uuid(), title: z.string() })),
  /** The owner's current manager and active coach: who a share would reach (null: none). */
  audience: z.object({ manager: person.nullable(), coach: person.nullable() }),
});
export type JournalOptions = z.infer<typeof journalOptions>;
