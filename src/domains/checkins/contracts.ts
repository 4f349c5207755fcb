// Check-in API contracts, shared by the server and the web app; endpoints.ts says which contract
// goes with which route. A check-in is the participant's and their counterpart's (manager or
// accepted coach) only: anyone else, admins included, gets 404 as for an unknown id.
import { z } from 'zod';
import { experimentCreate } from '../development/contracts.ts';
import { DUE_REASONS } from '../home/constants.ts';
import {
  ACTION_KINDS,
  ACTION_TITLE_MAX,
  CHECK_IN_RELATIONS,
  CHECK_IN_STATUSES,
  CHECK_IN_TITLE_MAX,
  DURATION_MAX_MINUTES,
  DURATION_MIN_MINUTES,
  isTimeZoneName,
  isWebLink,
  LEARNED_MAX,
  LOCAL_DATE_TIME,
  MAX_AGENDA_ITEMS,
  NOTES_MAX,
  PLACE_MAX,
  VIDEO_URL_MAX,
} from './constants.ts';

export { idParams } from '../../platform/http/params.ts';

/** One line: titles go into email subjects and calendar summaries. */
const line = (max: number) =>
  z
    .string({ error: 'is required' })
    .trim()
    .min(1, 'is required')
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !/[\r\n]/.test(s), 'must be one line');
const optionalLine = (max: number) =>
  z
    .string({ error: 'must be text' })
    .trim()
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !/[\r\n]/.test(s), 'must be one line')
    .transform((s) => (s === '' ? null : s));
const longText = (max: number) =>
  z.string({ error: 'must be text' }).max(max, `must be at most ${max} characters`);

const person = z.object({ id: z.uuid(), name: z.string() });

// ---------------------------------------------------------------------------------------------
// Scheduling
// ---------------------------------------------------------------------------------------------

const timing = {
  /** Local date and time in `timeZone`, e.g. 2026-11-03T09:30. */
  startsAt: z
    .string({ error: 'is required' })
    .regex(LOCAL_DATE_TIME, 'must be a local date and time (YYYY-MM-DDTHH:mm)'),
  durationMinutes: z
    .number({
      error: `must be a whole number of minutes from ${DURATION_MIN_MINUTES} to ${DURATION_MAX_MINUTES}`,
    })
    .int(`must be a whole number of minutes from ${DURATION_MIN_MINUTES} to ${DURATION_MAX_MINUTES}`)
    .min(DURATION_MIN_MINUTES, `must be at least ${DURATION_MIN_MINUTES} minutes`)
    .max(DURATION_MAX_MINUTES, `must be at most ${DURATION_MAX_MINUTES} minutes`),
  /** IANA name, e.g. Europe/London; the form sends the browser's unless the person picks another. */
  timeZone: z
    .string({ error: 'is required' })
    .refine(isTimeZoneName, 'must be an IANA time zone name, e.g. Europe/London'),
  place: optionalLine(PLACE_MAX).nullable().optional(),
  videoUrl: z
    .string({ error: 'must be a link' })
    .trim()
    .max(VIDEO_URL_MAX, `must be at most ${VIDEO_URL_MAX} characters`)
    .transform((s) => (s === '' ? null : s))
    .refine((s) => s === null || isWebLink(s), 'must be an http or https link')
    .nullable()
    .optional(),
};

export const checkInCreate = z.strictObject({
  /** The participant's manager or accepted coach. */
  withPersonId: z.uuid('must be your manager or your coach'),
  title: optionalLine(CHECK_IN_TITLE_MAX).optional(),
  ...timing,
  /**
   * The experiments the participant chose to put on the agenda, from the proposal
   * (GET /api/check-ins/new): only these are copied, so nothing unshared reaches the counterpart
   * without the participant choosing it.
   */
  agendaExperimentIds: z
    .array(z.uuid('must be an experiment id'), { error: 'must be a list of experiment ids' })
    .max(MAX_AGENDA_ITEMS, `must have at most ${MAX_AGENDA_ITEMS}`)
    .refine((l) => new Set(l).size === l.length, 'must not repeat an id')
    .default([]),
  learned: longText(LEARNED_MAX).default(''),
});
export type CheckInCreate = z.infer<typeof checkInCreate>;

export const checkInReschedule = z.strictObject({
  title: optionalLine(CHECK_IN_TITLE_MAX).optional(),
  ...timing,
});
export type CheckInReschedule = z.infer<typeof checkInReschedule>;

export const learnedUpdate = z.strictObject({ learned: longText(LEARNED_MAX) });

export const notesUpdate = z.strictObject({
  notes: longText(NOTES_MAX),
  /** The notesVersion the edit started from; a newer one answers 409 with the current notes. */
  version: z.number({ error: 'must be a whole number' }).int('must be a whole number').min(0),
});

// ---------------------------------------------------------------------------------------------
// The proposal: whom the participant may meet, and the experiments due that could go on the agenda
// ---------------------------------------------------------------------------------------------

export const proposalQuery = z.object({
  /** The viewer's calendar date (home page's rule: within a day of the server's). */
  today: z.string().optional(),
});

export const counterpart = person.extend({ relation: z.enum(CHECK_IN_RELATIONS) });
export type Counterpart = z.infer<typeof counterpart>;

export const proposedItem = z.object({
  experimentId: z.uuid(),
  focusTitle: z.string(),
  action: z.string(),
  status: z.enum(['planned', 'running']),
  reviewOn: z.string(),
  reasons: z.array(z.enum(DUE_REASONS)),
  /** Whether the owner already shares it (its focus or the whole plan) with each of them. */
  sharedWith: z.object({ manager: z.boolean(), coach: z.boolean() }),
});
export type ProposedItem = z.infer<typeof proposedItem>;

export const proposal = z.object({
  counterparts: z.array(counterpart),
  agenda: z.array(proposedItem),
});
export type Proposal = z.infer<typeof proposal>;

// ---------------------------------------------------------------------------------------------
// A check-in as its two people read it
// ---------------------------------------------------------------------------------------------

export const agendaItem = z.object({
  experimentId: z.string(),
  focusTitle: z.string(),
  action: z.string(),
  status: z.enum(['planned', 'running']),
  reviewOn: z.string(),
  reasons: z.array(z.string()),
});

export const action = z.object({
  id: z.uuid(),
  title: z.string(),
  kind: z.enum(ACTION_KINDS),
  done: z.boolean(),
  doneAt: z.string().nullable(),
  /** The experiment it became (owner's plan); null for a task. */
  experimentId: z.uuid().nullable(),
  author: person,
  createdAt: z.string(),
});
export type Action = z.infer<typeof action>;

export const checkInSummary = z.object({
  id: z.uuid(),
  title: z.string(),
  status: z.enum(CHECK_IN_STATUSES),
  /** ISO instant. */
  startsAt: z.string(),
  durationMinutes: z.number().int(),
  timeZone: z.string(),
  owner: person,
  counterpart: person,
  relation: z.enum(CHECK_IN_RELATIONS),
  /** The viewer's side. */
  viewerRole: z.enum(['owner', 'counterpart']),
});
export type CheckInSummary = z.infer<typeof checkInSummary>;

export const checkInDetail = checkInSummary.extend({
  /** startsAt in its time zone, as the form shows it (YYYY-MM-DDTHH:mm). */
  localStart: z.string(),
  place: z.string().nullable(),
  videoUrl: z.string().nullable(),
  sequence: z.number().int(),
  agenda: z.array(agendaItem),
  learned: z.string(),
  notes: z.string(),
  notesVersion: z.number().int(),
  actions: z.array(action),
  completedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  /**
   * For the owner: whether the counterpart still is their manager or coach (else they no longer
   * see it). Always true for the counterpart, who would not see it otherwise.
   */
  relationHolds: z.boolean(),
});
export type CheckInDetail = z.infer<typeof checkInDetail>;

export const checkInList = z.object({
  upcoming: z.array(checkInSummary),
  past: z.array(checkInSummary),
});
export type CheckInList = z.infer<typeof checkInList>;

// ---------------------------------------------------------------------------------------------
// Agreed actions
// ---------------------------------------------------------------------------------------------

/** Either side records an agreed action; it starts as a task. */
export const actionCreate = z.strictObject({ title: line(ACTION_TITLE_MAX) });

export const actionDone = z.strictObject({ done: z.boolean({ error: 'must be true or false' }) });

/**
 * The participant turns an agreed action into an experiment in one of their active focus areas:
 * the development domain's experiment fields, and which focus area.
 */
export const actionToExperiment = z.strictObject({
  focusId: z.uuid('must be one of your active focus areas'),
  experiment: experimentCreate,
});
export type ActionToExperiment = z.infer<typeof actionToExperiment>;

/** The participant's check-in tasks, for their plan page. */
export const myTasks = z.object({
  tasks: z.array(
    action.extend({
      checkIn: z.object({ id: z.uuid(), title: z.string(), startsAt: z.string(), counterpart: person }),
    }),
  ),
});
export type MyTasks = z.infer<typeof myTasks>;
