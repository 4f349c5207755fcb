// Learning pathway API contracts, shared by the server and the web app. A pathway belongs to its
// owner (docs/decisions/0014): everything here is the viewer's own, and anything else is a 404,
// exactly as for an unknown id. Errors use the one API error shape, `fields` naming the field.
import { z } from 'zod';
import { moduleReason } from '../development/suggestion-contracts.ts';
import { MAX_STEPS, PATHWAY_TITLE_MAX, PROGRESS_MARKS } from './constants.ts';

export { idParams } from '../../platform/http/params.ts';

const title = z
  .string({ error: 'is required' })
  .trim()
  .min(1, 'is required')
  .max(PATHWAY_TITLE_MAX, `must be at most ${PATHWAY_TITLE_MAX} characters`);
const focusId = z.uuid('must be one of your focus areas');
const moduleId = z.uuid('must be a module of the library');

export const pathwayCreate = z.strictObject({
  title,
  /** One of the viewer's own plan focus areas; none for a pathway of its own. */
  focusId: focusId.nullable().optional(),
  /** Modules to start with, in order. */
  moduleIds: z
    .array(moduleId, { error: 'must be a list of module ids' })
    .max(MAX_STEPS, `must have at most ${MAX_STEPS} modules`)
    .refine((list) => new Set(list).size === list.length, 'must not repeat a module')
    .default([]),
});
export type PathwayCreate = z.input<typeof pathwayCreate>;

/** Rename, or tie to a focus (null unties); at least one of them. */
export const pathwayUpdate = z
  .strictObject({ title: title.optional(), focusId: focusId.nullable().optional() })
  .refine((v) => v.title !== undefined || v.focusId !== undefined, 'must change title or focusId');
export type PathwayUpdate = z.input<typeof pathwayUpdate>;

export const stepCreate = z.strictObject({ moduleId });

export const reorderRequest = z.strictObject({
  /** Every step of the pathway, each once, in the new order. */
  stepIds: z.array(z.uuid('must be a step id'), { error: 'must be a list of step ids' }).max(MAX_STEPS),
});

export const progressUpdate = z.strictObject({
  mark: z.enum(PROGRESS_MARKS, { error: `must be one of: ${PROGRESS_MARKS.join(', ')}` }),
  /** true sets the mark, false undoes it. */
  done: z.boolean({ error: 'must be true or false' }),
});
export type ProgressUpdate = z.input<typeof progressUpdate>;

const moduleRef = z.object({
  id: z.uuid(),
  title: z.string(),
  minutes: z.number().int(),
  capabilityKey: z.string(),
  /** False once the module is retired or unpublished: the step stays, the module is no longer offered. */
  available: z.boolean(),
});

export const pathwayStep = z.object({
  id: z.uuid(),
  position: z.number().int(),
  module: moduleRef,
  startedAt: z.string().nullable(),
  practisedAt: z.string().nullable(),
  reflectedAt: z.string().nullable(),
  note: z.string().nullable(),
});
export type PathwayStep = z.infer<typeof pathwayStep>;

export const pathway = z.object({
  id: z.uuid(),
  title: z.string(),
  focus: z.object({ id: z.uuid(), title: z.string() }).nullable(),
  createdAt: z.string(),
  steps: z.array(pathwayStep),
});
export type Pathway = z.infer<typeof pathway>;

/** The viewer's active focus areas, to tie a pathway to one of them. */
export const focusOption = z.object({
  id: z.uuid(),
  title: z.string(),
  capabilityKey: z.string().nullable(),
});
export type FocusOption = z.infer<typeof focusOption>;

export const pathwayList = z.object({ items: z.array(pathway), focusAreas: z.array(focusOption) });
export type PathwayList = z.infer<typeof pathwayList>;

export const recommendationsQuery = z.object({
  /** Rank for this one focus of the viewer's plan; without it, for all their active focus areas. */
  focusId: focusId.optional(),
});

export const recommendation = z.object({
  module: z.object({
    id: z.uuid(),
    title: z.string(),
    summary: z.string(),
    minutes: z.number().int(),
    capabilityKey: z.string(),
    capabilityName: z.string(),
  }),
  score: z.number(),
  /** Strongest first; worded by the web app. */
  reasons: z.array(moduleReason).min(1),
});
export type Recommendation = z.infer<typeof recommendation>;

export const recommendationList = z.object({
  items: z.array(recommendation),
  /** The viewer's career stage, to word "suits your stage". */
  stage: z.object({ key: z.string(), name: z.string() }).nullable(),
});
export type RecommendationList = z.infer<typeof recommendationList>;
