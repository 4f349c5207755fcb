// Development plan API contracts, shared by the server and the web app; endpoints.ts says which
// contract goes with which route. A plan belongs to its owner (docs/decisions/0014): everything
// they read is theirs; a manager or coach reads only what was shared with them, and gets 404 for
// anything else, exactly as for an unknown id. Errors use the one API error shape, with `fields`
// naming the field and the rule it broke.
import { z } from 'zod';
import {
  COACHING_STATUSES,
  COMMENT_BODY_MAX,
  EXPERIMENT_FREQUENCY_MAX,
  EXPERIMENT_STATUSES,
  EXPERIMENT_TEXT_MAX,
  FOCUS_GOAL_MAX,
  FOCUS_KINDS,
  FOCUS_STATUSES,
  FOCUS_TITLE_MAX,
  FOCUS_WHY_MAX,
  MAX_ACTIVE_FOCUS_AREAS,
  MAX_FOCUS_LINKS,
  PLAN_STATUSES,
  PLAN_TITLE_MAX,
  PRACTICE_NOTE_MAX,
  SUGGESTION_REASON_MAX,
} from './constants.ts';

export { idParams } from '../../platform/http/params.ts';

const text = (max: number) =>
  z
    .string({ error: 'is required' })
    .trim()
    .min(1, 'is required')
    .max(max, `must be at most ${max} characters`);
const optionalText = (max: number) =>
  z.string({ error: 'must be text' }).trim().max(max, `must be at most ${max} characters`);
const flag = z.boolean({ error: 'must be true or false' });
const day = z.iso.date({ error: 'must be a date (YYYY-MM-DD)' });
const id = (what: string) => z.uuid(`must be ${what}`);
const ids = (what: string) =>
  z
    .array(id(what), { error: `must be a list of ${what}s` })
    .max(MAX_FOCUS_LINKS, `must have at most ${MAX_FOCUS_LINKS}`)
    .refine((list) => new Set(list).size === list.length, 'must not repeat an id');

const person = z.object({ id: z.uuid(), name: z.string() });
export type PersonRef = z.infer<typeof person>;

// ---------------------------------------------------------------------------------------------
// Sharing
// ---------------------------------------------------------------------------------------------

/** What the owner shares, whole plan or one focus area; the coach is their accepted coach. */
export const sharing = z.strictObject({ withManager: flag, withCoach: flag });
export type SharingInput = z.infer<typeof sharing>;

// ---------------------------------------------------------------------------------------------
// Focus areas
// ---------------------------------------------------------------------------------------------

/** Why a suggestion proposed this focus, as shown when the person picked it (kept for the record). */
export const fromSuggestion = z.strictObject({
  reason: text(SUGGESTION_REASON_MAX),
  /** Where it came from, e.g. 'profile', '360', 'library'. */
  source: optionalText(40).optional(),
});

const focusFields = {
  /** A framework capability's key for 'capability' and 'derailer'; none for 'other'. */
  capabilityKey: z.string({ error: 'must be a capability key' }).max(100).nullable().optional(),
  /** Required for 'other'; for a capability the framework's name is used when left out. */
  title: text(FOCUS_TITLE_MAX).optional(),
  /** The goal in the person's own words. */
  goal: text(FOCUS_GOAL_MAX),
  why: optionalText(FOCUS_WHY_MAX).default(''),
  /** Organisation goals this focus serves (this organisation's only). */
  goalIds: ids('a goal id').default([]),
  /** Organisation values this focus expresses (this organisation's only). */
  valueIds: ids('a value id').default([]),
};

export const focusCreate = z.strictObject({
  kind: z.enum(FOCUS_KINDS, { error: `must be one of: ${FOCUS_KINDS.join(', ')}` }),
  ...focusFields,
  fromSuggestion: fromSuggestion.nullable().optional(),
  sharing: sharing.optional(),
});
export type FocusCreate = z.infer<typeof focusCreate>;

/** Changes to the words and links of a focus; its kind and capability are fixed once picked. */
export const focusUpdate = z.strictObject({
  title: focusFields.title,
  goal: text(FOCUS_GOAL_MAX).optional(),
  why: optionalText(FOCUS_WHY_MAX).optional(),
  goalIds: ids('a goal id').optional(),
  valueIds: ids('a value id').optional(),
});
export type FocusUpdate = z.infer<typeof focusUpdate>;

export const focusStatusUpdate = z.strictObject({
  status: z.enum(FOCUS_STATUSES, { error: `must be one of: ${FOCUS_STATUSES.join(', ')}` }),
});

// ---------------------------------------------------------------------------------------------
// Experiments and practice
// ---------------------------------------------------------------------------------------------

const experimentFields = {
  /** What I will do. */
  action: text(EXPERIMENT_TEXT_MAX),
  /** In which situation. */
  situation: text(EXPERIMENT_TEXT_MAX),
  /** How often. */
  frequency: text(EXPERIMENT_FREQUENCY_MAX),
  /** How I will know it worked. */
  signal: text(EXPERIMENT_TEXT_MAX),
  startsOn: day,
  reviewOn: day,
};

const datesInOrder = (v: { startsOn?: string | undefined; reviewOn?: string | undefined }) =>
  v.startsOn === undefined || v.reviewOn === undefined || v.reviewOn >= v.startsOn;
const datesRule = { message: 'must be on or after startsOn', path: ['reviewOn'] };

export const experimentCreate = z
  .strictObject({
    ...experimentFields,
    status: z.enum(['planned', 'running'], { error: 'must be planned or running' }).default('planned'),
    /** The library module this experiment was taken from, if any. */
    sourceModuleId: id('a module id').nullable().optional(),
  })
  .refine(datesInOrder, datesRule);
export type ExperimentCreate = z.infer<typeof experimentCreate>;

export const experimentUpdate = z
  .strictObject({
    action: experimentFields.action.optional(),
    situation: experimentFields.situation.optional(),
    frequency: experimentFields.frequency.optional(),
    signal: experimentFields.signal.optional(),
    startsOn: day.optional(),
    reviewOn: day.optional(),
  })
  .refine(datesInOrder, datesRule);
export type ExperimentUpdate = z.infer<typeof experimentUpdate>;

export const experimentStatusUpdate = z.strictObject({
  status: z.enum(EXPERIMENT_STATUSES, { error: `must be one of: ${EXPERIMENT_STATUSES.join(', ')}` }),
});

/** One quick practice log: did it, how it went (1 poor … 5 great), a note. */
export const practiceCreate = z.strictObject({
  didIt: flag,
  outcome: z
    .number({ error: 'must be a whole number from 1 to 5' })
    .int('must be a whole number from 1 to 5')
    .min(1, 'must be a whole number from 1 to 5')
    .max(5, 'must be a whole number from 1 to 5')
    .nullable()
    .optional(),
  note: optionalText(PRACTICE_NOTE_MAX).optional(),
});
export type PracticeCreate = z.infer<typeof practiceCreate>;

export const practiceEntry = z.object({
  id: z.uuid(),
  experimentId: z.uuid(),
  loggedAt: z.string(),
  didIt: z.boolean(),
  outcome: z.number().int().nullable(),
  note: z.string().nullable(),
});
export type PracticeEntry = z.infer<typeof practiceEntry>;
export const practiceList = z.object({ entries: z.array(practiceEntry) });
export type PracticeList = z.infer<typeof practiceList>;

export const experiment = z.object({
  id: z.uuid(),
  focusId: z.uuid(),
  action: z.string(),
  situation: z.string(),
  frequency: z.string(),
  signal: z.string(),
  startsOn: z.string(),
  reviewOn: z.string(),
  status: z.enum(EXPERIMENT_STATUSES),
  sourceModuleId: z.uuid().nullable(),
  practice: z.object({
    count: z.number().int(),
    didItCount: z.number().int(),
    lastLoggedAt: z.string().nullable(),
    /** Mean outcome of entries with one, 1–5; null when none. */
    averageOutcome: z.number().nullable(),
  }),
});
export type Experiment = z.infer<typeof experiment>;

// ---------------------------------------------------------------------------------------------
// Comments
// ---------------------------------------------------------------------------------------------

export const commentCreate = z.strictObject({
  /** The focus area commented on; none comments on the whole plan (needs the whole plan shared). */
  focusId: id('a focus area id').nullable().optional(),
  body: text(COMMENT_BODY_MAX),
});
export type CommentCreate = z.infer<typeof commentCreate>;

export const comment = z.object({
  id: z.uuid(),
  focusId: z.uuid().nullable(),
  author: person,
  body: z.string(),
  createdAt: z.string(),
});
export type Comment = z.infer<typeof comment>;

// ---------------------------------------------------------------------------------------------
// Plans
// ---------------------------------------------------------------------------------------------

export const focusArea = z.object({
  id: z.uuid(),
  position: z.number().int(),
  kind: z.enum(FOCUS_KINDS),
  capabilityKey: z.string().nullable(),
  /** The framework block of the capability (snapshot when picked); null for 'other'. */
  blockKey: z.string().nullable(),
  title: z.string(),
  goal: z.string(),
  why: z.string(),
  status: z.enum(FOCUS_STATUSES),
  /** The owner's sharing choice for this focus; null for anyone but the owner. */
  sharing: z.object({ withManager: z.boolean(), withCoach: z.boolean() }).nullable(),
  fromSuggestion: z.object({ reason: z.string(), source: z.string().optional() }).nullable(),
  goalIds: z.array(z.uuid()),
  valueIds: z.array(z.uuid()),
  experiments: z.array(experiment),
  comments: z.array(comment),
});
export type FocusArea = z.infer<typeof focusArea>;

export const planDetail = z.object({
  id: z.uuid(),
  title: z.string(),
  status: z.enum(PLAN_STATUSES),
  startedAt: z.string(),
  closedAt: z.string().nullable(),
  owner: person,
  /** How the viewer relates to the owner: themself, their manager, or their accepted coach. */
  viewerRelation: z.enum(['self', 'manager', 'coach']),
  /** Whole-plan sharing; null for anyone but the owner. */
  sharing: z.object({ withManager: z.boolean(), withCoach: z.boolean() }).nullable(),
  /** The owner's current manager and active coach (who sharing would reach); owner only, else null. */
  audience: z.object({ manager: person.nullable(), coach: person.nullable() }).nullable(),
  /** Focus areas the viewer may read, in the owner's order. */
  focusAreas: z.array(focusArea),
  /** Comments on the whole plan (not on one focus). */
  comments: z.array(comment),
  maxActiveFocusAreas: z.literal(MAX_ACTIVE_FOCUS_AREAS),
});
export type PlanDetail = z.infer<typeof planDetail>;

export const planSummary = z.object({
  id: z.uuid(),
  title: z.string(),
  status: z.enum(PLAN_STATUSES),
  startedAt: z.string(),
  closedAt: z.string().nullable(),
  activeFocusAreas: z.number().int(),
  focusAreas: z.number().int(),
  runningExperiments: z.number().int(),
  sharing: z.object({ withManager: z.boolean(), withCoach: z.boolean() }),
});
export type PlanSummary = z.infer<typeof planSummary>;

/** The owner's plans: the active one (if any) and every closed one, newest first. */
export const myPlans = z.object({ current: planSummary.nullable(), history: z.array(planSummary) });
export type MyPlans = z.infer<typeof myPlans>;

/** Start a new plan; the active one (if any) is closed and kept in history. */
export const planCreate = z.strictObject({
  title: text(PLAN_TITLE_MAX),
  /** Focus areas picked when starting (at most 3), written with the plan or not at all. */
  focusAreas: z
    .array(focusCreate)
    .max(MAX_ACTIVE_FOCUS_AREAS, `must have at most ${MAX_ACTIVE_FOCUS_AREAS} active focus areas`)
    .default([]),
  sharing: sharing.optional(),
});
export type PlanCreate = z.infer<typeof planCreate>;

export const planUpdate = z.strictObject({
  title: text(PLAN_TITLE_MAX).optional(),
  /** Whole-plan sharing: every focus area, experiment, practice log and plan comment. */
  sharing: sharing.optional(),
});
export type PlanUpdate = z.infer<typeof planUpdate>;

/** Plans whose content (whole, or some focus areas) their owners shared with the viewer. */
export const sharedWithMe = z.object({
  plans: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      status: z.enum(PLAN_STATUSES),
      startedAt: z.string(),
      owner: person,
      relation: z.enum(['manager', 'coach']),
      /** The whole plan is shared, or only `sharedFocusAreas` of its focus areas. */
      whole: z.boolean(),
      sharedFocusAreas: z.number().int(),
    }),
  ),
});
export type SharedWithMe = z.infer<typeof sharedWithMe>;

/**
 * Organisation-wide counts for admins, never content or names. Each count is of people; a count
 * below the organisation's minimum group size, or one that would let such a count be derived by
 * subtraction, is null (suppressed).
 */
export const plansSummary = z.object({
  minimumGroupSize: z.number().int(),
  people: z.number().int(),
  peopleWithActivePlan: z.number().int().nullable(),
  /** People with an active focus area in each framework block. */
  focusAreasByBlock: z.array(z.object({ blockKey: z.string(), people: z.number().int().nullable() })),
  peopleWithRunningExperiments: z.number().int().nullable(),
  peoplePractisedLast30Days: z.number().int().nullable(),
});
export type PlansSummary = z.infer<typeof plansSummary>;

// ---------------------------------------------------------------------------------------------
// Coaching
// ---------------------------------------------------------------------------------------------

/**
 * A coach asks to coach someone (coachId left out: the viewer), or an admin proposes a coach for
 * someone. Either way the coachee decides.
 */
export const coachingRequest = z.strictObject({
  coacheeId: id('a person id'),
  coachId: id('a person id').optional(),
});
export type CoachingRequest = z.infer<typeof coachingRequest>;

export const coachingRelationship = z.object({
  id: z.uuid(),
  coach: person,
  coachee: person,
  status: z.enum(COACHING_STATUSES),
  requestedBy: person,
  requestedAt: z.string(),
  respondedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
});
export type CoachingRelationship = z.infer<typeof coachingRelationship>;

export const coachingList = z.object({
  /** People the viewer coaches or asked to coach. */
  asCoach: z.array(coachingRelationship),
  /** The viewer's coaches and the requests waiting for their answer. */
  asCoachee: z.array(coachingRelationship),
  /** For admins: every relationship in the organisation (who coaches whom; never plan content). */
  organisation: z.array(coachingRelationship).nullable(),
});
export type CoachingList = z.infer<typeof coachingList>;
