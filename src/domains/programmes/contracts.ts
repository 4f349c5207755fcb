// Requests and responses of the programmes API, shared with the web client.
import { z } from 'zod';
import { idParam } from '../../platform/http/params.ts';
import {
  ENROL_MAX,
  ENROLMENT_SOURCES,
  PROGRAMME_DAYS_MAX,
  PROGRAMME_DESCRIPTION_MAX,
  PROGRAMME_NAME_MAX,
  STEP_DESCRIPTION_MAX,
  STEP_KINDS,
  STEP_TITLE_MAX,
  STEPS_MAX,
  TEMPLATE_KEYS,
} from './constants.ts';

export { idParams } from '../../platform/http/params.ts';

const text = (max: number) =>
  z
    .string({ error: 'is required' })
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`);
const optionalText = (max: number) =>
  z.string({ error: 'must be text' }).trim().max(max, `must be at most ${max} characters`);
const day = z.iso.date({ error: 'must be a date (YYYY-MM-DD)' });
const id = (what: string) => z.uuid(`must be ${what}`);

export const stepKind = z.enum(STEP_KINDS, { error: `must be one of ${STEP_KINDS.join(', ')}` });
export const templateKey = z.enum(TEMPLATE_KEYS, { error: `must be one of ${TEMPLATE_KEYS.join(', ')}` });

export const templateSummary = z.object({
  key: templateKey,
  name: z.string(),
  description: z.string(),
  stageKeys: z.array(z.string()),
  durationDays: z.number().int(),
  steps: z.array(
    z.object({ kind: stepKind, title: z.string(), description: z.string(), offsetDays: z.number().int() }),
  ),
});
export const templateList = z.array(templateSummary);

export const programmeCreate = z.strictObject({
  template: templateKey,
  startsOn: day,
  /** Defaults to the template's name. */
  name: text(PROGRAMME_NAME_MAX).optional(),
  /** Defaults to the start plus the template's duration. */
  endsOn: day.optional(),
  /** Defaults to the stages the template was written for; any stage may be chosen. */
  careerStageIds: z.array(id('a career stage id')).max(50, 'must have at most 50 stages').optional(),
});
export type ProgrammeCreate = z.infer<typeof programmeCreate>;

export const stepInput = z.strictObject({
  /** An existing step's id keeps its launches; a step without one is new. */
  id: id('a step id of this programme').optional(),
  kind: stepKind,
  title: text(STEP_TITLE_MAX),
  description: optionalText(STEP_DESCRIPTION_MAX).default(''),
  offsetDays: z
    .number({ error: 'must be a whole number of days' })
    .int('must be a whole number of days')
    .min(0, 'must not be before the start')
    .max(PROGRAMME_DAYS_MAX, `must be at most ${PROGRAMME_DAYS_MAX} days`),
});

/** The whole programme as the admin edited it: steps in their new order. */
export const programmeUpdate = z.strictObject({
  name: text(PROGRAMME_NAME_MAX),
  description: optionalText(PROGRAMME_DESCRIPTION_MAX),
  startsOn: day,
  endsOn: day,
  careerStageIds: z.array(id('a career stage id')).max(50, 'must have at most 50 stages'),
  steps: z
    .array(stepInput)
    .min(1, 'needs at least one step')
    .max(STEPS_MAX, `must have at most ${STEPS_MAX} steps`),
});
export type ProgrammeUpdate = z.infer<typeof programmeUpdate>;

export const PROGRAMME_PHASES = ['upcoming', 'running', 'ended'] as const;

export const programmeStep = z.object({
  id: z.uuid(),
  position: z.number().int(),
  kind: stepKind,
  title: z.string(),
  description: z.string(),
  offsetDays: z.number().int(),
  /** startsOn + offsetDays. */
  date: z.string(),
  /** People it was launched for. */
  launched: z.number().int(),
  status: z.enum(['scheduled', 'launched']),
});

export const programmeSummary = z.object({
  id: z.uuid(),
  template: templateKey,
  name: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  phase: z.enum(PROGRAMME_PHASES),
  enrolled: z.number().int(),
});
export const programmeList = z.array(programmeSummary);

export const programmeDetail = programmeSummary.extend({
  description: z.string(),
  careerStages: z.array(z.object({ id: z.uuid(), key: z.string(), name: z.string() })),
  steps: z.array(programmeStep),
});
export type ProgrammeDetail = z.infer<typeof programmeDetail>;

export const enrolRequest = z.discriminatedUnion(
  'by',
  [
    z.strictObject({
      by: z.literal('team'),
      teamId: id('a team id'),
      /** Everyone in the team's sub-teams too (teams.parent_team_id), however deep. */
      includeSubTeams: z.boolean({ error: 'must be true or false' }).default(false),
    }),
    z.strictObject({ by: z.literal('stage'), careerStageId: id('a career stage id') }),
    /** Everyone under the manager on the reporting line, however deep (not the manager). */
    z.strictObject({ by: z.literal('line'), managerId: id('a person id') }),
    z.strictObject({
      by: z.literal('person'),
      personIds: z.array(id('a person id')).min(1, 'needs at least one person').max(ENROL_MAX),
    }),
  ],
  { error: 'must say how to enrol: by team, stage, line or person' },
);
export type EnrolRequest = z.infer<typeof enrolRequest>;

export const enrolRowError = z.object({ line: z.number().int(), column: z.string(), message: z.string() });

export const enrolResult = z.object({
  applied: z.boolean(),
  /** People newly enrolled (or back after leaving). */
  enrolled: z.number().int(),
  /** People already in the programme. */
  already: z.number().int(),
  /** Steps launched at once for late joiners (those whose date has passed). */
  launched: z.number().int(),
  errors: z.array(enrolRowError),
});
export type EnrolResult = z.infer<typeof enrolResult>;

export const enrolmentParams = z.object({ id: idParam, personId: idParam });

export const ENROLMENT_STATUSES = ['enrolled', 'left', 'alumni'] as const;
export const enrolment = z.object({
  personId: z.uuid(),
  name: z.string(),
  email: z.string(),
  source: z.enum(ENROLMENT_SOURCES),
  status: z.enum(ENROLMENT_STATUSES),
  enrolledAt: z.string(),
  leftAt: z.string().nullable(),
});
export const enrolmentList = z.array(enrolment);

/** A participant's launched programme steps, newest first: what they are asked to do next. */
export const myProgrammeSteps = z.array(
  z.object({
    programmeId: z.uuid(),
    programmeName: z.string(),
    stepId: z.uuid(),
    kind: stepKind,
    title: z.string(),
    description: z.string(),
    launchedAt: z.string(),
    /** Where in the app the step is done. */
    href: z.string(),
  }),
);

// An admin launches a 360 for each person of a cohort (moved here from feedback: cohorts are
// programmes' business; feedback keeps the one campaign-creation function).
const futureDeadline = z.iso.datetime({
  offset: true,
  error: 'must be a date-time with a time zone (ISO 8601)',
});
export const launchCohortRequest = z.strictObject({
  /** People who get a 360 each. */
  subjectIds: z
    .array(z.uuid('must be a person id'))
    .min(1, 'needs at least one person')
    .max(500, 'must have at most 500 people'),
  /** Defaults to now + the organisation's default duration. */
  deadline: futureDeadline.optional(),
});
export const launchCohortResponse = z.object({
  campaigns: z.array(z.object({ id: z.uuid(), subjectId: z.uuid() })),
  /** Subjects skipped because they already have a 360 that is not yet released. */
  skipped: z.array(z.object({ subjectId: z.uuid(), reason: z.string() })),
});
export type LaunchCohortResponse = z.infer<typeof launchCohortResponse>;

const count = z.number().int().nullable();
const figures = {
  /** Null: withheld by disclosure control (fewer people than the minimum, or it would let one be worked out). */
  enrolled: count,
  blocks: z.array(
    z.object({ key: z.enum(['self-knowledge', 'self-empowerment', 'self-leadership']), count }),
  ),
  /** Cumulative: people who reached at least this status. */
  statuses: z.array(
    z.object({ key: z.enum(['invited', 'answered', 'plan', 'practising', 're-rated']), count }),
  ),
  /** After the end date: alumni with a pathway, practising, or a pulse since the end. */
  alumni: z.array(z.object({ key: z.enum(['pathway', 'practising', 'pulse']), count })).nullable(),
};
export const dashboardQuery = z.object({
  byTeam: z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .optional()
    .transform((v) => v === 'true'),
});
export const cohortDashboard = z.object({
  /** The fewest people any shown count (and any difference of shown counts) rests on. */
  minimum: z.number().int(),
  /** When the counts were decided: the dashboard is a snapshot refreshed daily (docs/decisions/0023). */
  asOf: z.string(),
  phase: z.enum(PROGRAMME_PHASES),
  ...figures,
  teams: z
    .array(z.object({ teamId: z.uuid().nullable(), name: z.string().nullable(), ...figures }))
    .nullable(),
});
export type CohortDashboard = z.infer<typeof cohortDashboard>;
