// Rules of programmes that the web app shows as the admin types (zod-free, shared with the client).

/** What a step of a programme does when its date comes (launch.ts). */
export const STEP_KINDS = ['self-assessment', '360', 'plan', 'practice', 'pulse', 're-assessment'] as const;
export type StepKind = (typeof STEP_KINDS)[number];

/** The four journeys an admin starts from (templates.ts); every one is open to every career stage. */
export const TEMPLATE_KEYS = [
  'early-career',
  'first-time-managers',
  'experienced-managers',
  'senior-leaders',
] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

/** How a person came into a programme, kept for the enrolled list. */
export const ENROLMENT_SOURCES = ['team', 'stage', 'line', 'csv', 'person'] as const;
export type EnrolmentSource = (typeof ENROLMENT_SOURCES)[number];

export const PROGRAMME_NAME_MAX = 120;
export const PROGRAMME_DESCRIPTION_MAX = 2000;
export const STEP_TITLE_MAX = 120;
export const STEP_DESCRIPTION_MAX = 1000;
export const STEPS_MAX = 30;
/** A programme lasts at most two years; a step's offset is at most that many days. */
export const PROGRAMME_DAYS_MAX = 730;
/** People one enrolment request may name (a CSV holds at most this many rows). */
export const ENROL_MAX = 5000;
export const ENROL_CSV_MAX_BYTES = 1_048_576;
