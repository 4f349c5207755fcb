// Alignment API contracts (organisation goals and values), shared by the server and the web app.
import { z } from 'zod';
import { idParams } from '../../platform/http/params.ts';
import { DESCRIPTION_MAX, GOAL_STATUSES, GOAL_TITLE_MAX, LIST_MAX, VALUE_NAME_MAX } from './constants.ts';

const text = (max: number) =>
  z.string().trim().min(1, 'is required').max(max, `must be at most ${max} characters`);
const description = z.string().trim().max(DESCRIPTION_MAX, `must be at most ${DESCRIPTION_MAX} characters`);
/** A calendar day, `YYYY-MM-DD`; zod checks the day exists (no 30 February). */
const day = z.iso.date('must be a date (YYYY-MM-DD)');

export const goal = z.object({
  id: z.uuid(),
  title: z.string(),
  description: z.string(),
  owner: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  periodStart: z.string(),
  periodEnd: z.string(),
  status: z.enum(GOAL_STATUSES),
  position: z.number().int(),
  updatedAt: z.string(),
});
export type Goal = z.infer<typeof goal>;

export const goalInput = z.object({
  title: text(GOAL_TITLE_MAX),
  description: description.default(''),
  ownerId: z.uuid('must be a person id').nullable().default(null),
  periodStart: day,
  periodEnd: day,
  status: z.enum(GOAL_STATUSES, `must be one of: ${GOAL_STATUSES.join(', ')}`).default('draft'),
});
export type GoalInput = z.infer<typeof goalInput>;

/** Only the fields sent change; the period rule is checked against the stored ones. */
export const goalUpdate = z.object({
  title: text(GOAL_TITLE_MAX).optional(),
  description: description.optional(),
  ownerId: z.uuid('must be a person id').nullable().optional(),
  periodStart: day.optional(),
  periodEnd: day.optional(),
  status: z.enum(GOAL_STATUSES, `must be one of: ${GOAL_STATUSES.join(', ')}`).optional(),
});
export type GoalUpdate = z.infer<typeof goalUpdate>;

export const value = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  /** The framework capability the value maps to; `name` is null if the current framework lacks it. */
  capability: z.object({ key: z.string(), name: z.string().nullable() }).nullable(),
  position: z.number().int(),
});
export type Value = z.infer<typeof value>;

const capabilityKey = z.string().trim().min(1, 'is required').max(100, 'must be at most 100 characters');

export const valueInput = z.object({
  name: text(VALUE_NAME_MAX),
  description: description.default(''),
  capabilityKey: capabilityKey.nullable().default(null),
});
export type ValueInput = z.infer<typeof valueInput>;

export const valueUpdate = z.object({
  name: text(VALUE_NAME_MAX).optional(),
  description: description.optional(),
  capabilityKey: capabilityKey.nullable().optional(),
});
export type ValueUpdate = z.infer<typeof valueUpdate>;

/** Every goal (or every value not retired), each once, in the order wanted. */
export const orderInput = z.object({
  ids: z.array(z.uuid('must be ids')).min(1, 'is required').max(LIST_MAX, `must be at most ${LIST_MAX} ids`),
});

export { idParams };
