// 360° feedback API contracts, shared by the server and the web app.
//
// The routes themselves (method, path, which contract goes where) are declared in endpoints.ts.
//
// Errors use the one API error shape {error: {code, message, fields}}. A link that is unknown,
// replaced, expired, or whose campaign is not open answers 404/410 with code `link_invalid` /
// `link_closed` and no detail about the campaign.
import { z } from 'zod';
import { idParam, idParams, linkParam } from '../../platform/http/params.ts';
import {
  MAX_COMMENT_LENGTH,
  MAX_NOMINATIONS,
  NOMINATION_EMAIL_MAX,
  NOMINATION_EMAIL_PATTERN,
  NOMINATION_NAME_MAX,
  PULSE_MAX_ITEMS,
  PULSE_MIN_ITEMS,
} from './constants.ts';

export const RATER_GROUP_KEYS = ['manager', 'peers', 'direct_reports', 'others'] as const;
export type RaterGroupKey = (typeof RATER_GROUP_KEYS)[number];

export const CAMPAIGN_STATUSES = ['nominating', 'awaiting_approval', 'open', 'closed', 'released'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/** A full 360, or a pulse: a few focus behaviours re-rated by the same raters as a released 360. */
export const CAMPAIGN_KINDS = ['full', 'pulse'] as const;
export type CampaignKind = (typeof CAMPAIGN_KINDS)[number];

export const RATER_STATUSES = ['invited', 'submitted', 'declined', 'removed'] as const;
export type RaterStatus = (typeof RATER_STATUSES)[number];

/** The two open questions of every rater form, in report order. */
export const OPEN_QUESTIONS = [
  { key: 'keep', text: 'What should this person keep doing?' },
  { key: 'change', text: 'What is one thing this person could change to be more effective?' },
] as const;
/** The one open question of a pulse form. */
export const PULSE_QUESTION = {
  key: 'different',
  text: 'What is one thing this person has done differently lately?',
} as const;
export const OPEN_QUESTION_KEYS = ['keep', 'change', 'different'] as const;
export type OpenQuestionKey = (typeof OPEN_QUESTION_KEYS)[number];
export { MAX_COMMENT_LENGTH, MAX_NOMINATIONS, PULSE_MAX_ITEMS, PULSE_MIN_ITEMS };

const uuid = (what: string) => z.uuid(`must be ${what}`);
const isoDate = z.string();

// ---------------------------------------------------------------------------------------------
// Settings
// ---------------------------------------------------------------------------------------------

export const feedbackSettings = z.object({
  /** The subject's manager approves (or edits) the rater list before invitations go out. */
  approvalRequired: z.boolean(),
  /** Warn when a nominee already has more than this many open feedback requests. */
  fatigueThreshold: z.number().int(),
  /** Days between reminders to raters who have not answered. */
  reminderIntervalDays: z.number().int(),
  /** Most reminders one rater gets for one request. */
  maxReminders: z.number().int(),
  /** Days from launch to the default deadline. */
  defaultDurationDays: z.number().int(),
  /** Disclosure: fewest raters behind any figure of these groups (never below 2). */
  minimumByGroup: z.object({
    peers: z.number().int(),
    direct_reports: z.number().int(),
    others: z.number().int(),
  }),
  /** Raters are told beforehand that the manager's answers are shown as their own group. */
  managerShownSeparately: z.boolean(),
  commentMinimum: z.number().int(),
  /** Fold small groups into "others" when the merged group is large enough and nothing can be subtracted back. */
  mergeSmallGroupsIntoOthers: z.boolean(),
});
export type FeedbackSettings = z.infer<typeof feedbackSettings>;

const wholeNumber = (min: number, max: number) =>
  z
    .number({ error: `must be a whole number from ${min} to ${max}` })
    .int(`must be a whole number from ${min} to ${max}`)
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);
const flag = z.boolean({ error: 'must be true or false' });

export const feedbackSettingsUpdate = z.strictObject({
  approvalRequired: flag.optional(),
  fatigueThreshold: wholeNumber(1, 50).optional(),
  reminderIntervalDays: wholeNumber(1, 30).optional(),
  maxReminders: wholeNumber(0, 10).optional(),
  defaultDurationDays: wholeNumber(1, 90).optional(),
  minimumByGroup: z
    .strictObject({
      peers: wholeNumber(2, 20).optional(),
      direct_reports: wholeNumber(2, 20).optional(),
      others: wholeNumber(2, 20).optional(),
    })
    .optional(),
  managerShownSeparately: flag.optional(),
  commentMinimum: wholeNumber(2, 20).optional(),
  mergeSmallGroupsIntoOthers: flag.optional(),
});
export type FeedbackSettingsUpdate = z.infer<typeof feedbackSettingsUpdate>;

// ---------------------------------------------------------------------------------------------
// Campaigns
// ---------------------------------------------------------------------------------------------

const futureDeadline = z.iso.datetime({
  offset: true,
  error: 'must be a date-time with a time zone (ISO 8601)',
});

export const requestOwnCampaign = z.strictObject({ deadline: futureDeadline.optional() });

export const nominationInput = z.strictObject({
  /** Keep the id of an existing nomination to keep its link; a changed email or group issues a new one. */
  id: uuid('a nomination id').optional(),
  group: z.enum(RATER_GROUP_KEYS, { error: `must be one of: ${RATER_GROUP_KEYS.join(', ')}` }),
  name: z
    .string({ error: 'is required' })
    .trim()
    .min(1, 'is required')
    .max(NOMINATION_NAME_MAX, `must be at most ${NOMINATION_NAME_MAX} characters`),
  email: z
    .email({ pattern: NOMINATION_EMAIL_PATTERN, error: 'must be an email address' })
    .max(NOMINATION_EMAIL_MAX, `must be at most ${NOMINATION_EMAIL_MAX} characters`)
    .transform((e) => e.toLowerCase()),
});
export type NominationInput = z.infer<typeof nominationInput>;

export const nominationsUpdate = z.strictObject({
  nominations: z.array(nominationInput).max(MAX_NOMINATIONS, `must have at most ${MAX_NOMINATIONS} raters`),
});
export type NominationsUpdate = z.infer<typeof nominationsUpdate>;

export const approveRequest = z.strictObject({
  /** The manager's edited list; omitted means "approve as nominated". */
  nominations: nominationsUpdate.shape.nominations.optional(),
});

export const reopenRequest = z.strictObject({ deadline: futureDeadline });
/** Moves the deadline of an open 360: the same input as reopening, and the same future-date rule. */
export const deadlineUpdate = reopenRequest;
export type DeadlineUpdate = z.infer<typeof deadlineUpdate>;

export const sharingUpdate = z.strictObject({
  withManager: flag,
  /** A person with the coach role, or null for no coach. */
  coachId: uuid('a person id').nullable(),
});

const personRef = z.object({ id: z.uuid(), name: z.string() });

export const nomination = z.object({
  id: z.uuid(),
  group: z.enum(RATER_GROUP_KEYS),
  name: z.string(),
  email: z.string(),
  /**
   * Deliberately no per-rater status (who answered) for the subject: only counts per group, below.
   * `removed` is never listed.
   */
});
export type Nomination = z.infer<typeof nomination>;

export const warning = z.object({
  /** e.g. `nominations.3.email` or `groups.peers`. */
  field: z.string(),
  code: z.enum(['rater-fatigue', 'below-guidance', 'above-guidance', 'below-minimum', 'no-manager']),
  message: z.string(),
});
export type Warning = z.infer<typeof warning>;

export const groupGuidance = z.object({
  group: z.enum(RATER_GROUP_KEYS),
  label: z.string(),
  recommendedMin: z.number().int(),
  recommendedMax: z.number().int(),
  /** Fewest raters whose answers can be shown as a group of their own. */
  disclosureMinimum: z.number().int(),
});

/**
 * Response counts (per group, or for the whole campaign): never who answered. An edit to the rater
 * list moves them the same way whatever the edited rater had done, so they cannot reveal it: taking
 * a rater off the list changes no count, and a changed email or group (a new nomination) adds one to
 * `invited`. The released report's response rates use the same counts, frozen at release.
 */
export const responseCounts = z.object({
  /**
   * Nominations on the list, plus every nomination taken off it after its invitation went out
   * (removed, or re-addressed: each address counts once). Never drops once invitations are out.
   */
  invited: z.number().int(),
  /** Raters who submitted, including any taken off the list since: their answers still count. */
  responded: z.number().int(),
  /** Raters who declined, including any taken off the list since. */
  declined: z.number().int(),
});

export const groupProgress = z.object({ group: z.enum(RATER_GROUP_KEYS) }).extend(responseCounts.shape);

export const campaignSummary = z.object({
  id: z.uuid(),
  subject: personRef,
  /** 'pulse': a few behaviours re-rated by the same raters as `baselineCampaignId`. */
  kind: z.enum(CAMPAIGN_KINDS),
  baselineCampaignId: z.uuid().nullable(),
  status: z.enum(CAMPAIGN_STATUSES),
  origin: z.enum(['admin', 'self']),
  deadline: isoDate,
  createdAt: isoDate,
  releasedAt: isoDate.nullable(),
  /** How the viewer relates to this campaign. */
  viewerRole: z.enum(['subject', 'manager', 'coach', 'admin']),
  /** Counts only (see `responseCounts`): nobody but the server knows who answered. */
  progress: responseCounts,
  /** True when the viewer may read the released report. */
  reportAvailable: z.boolean(),
});
export type CampaignSummary = z.infer<typeof campaignSummary>;

export const campaignList = z.object({ campaigns: z.array(campaignSummary) });
export type CampaignList = z.infer<typeof campaignList>;

export const campaignDetail = campaignSummary.extend({
  version: z.object({ id: z.uuid(), number: z.number().int(), name: z.string() }),
  approvalRequired: z.boolean(),
  manager: personRef.nullable(),
  /** The nominated raters (subject and manager only; empty for coaches and admins). */
  nominations: z.array(nomination),
  guidance: z.array(groupGuidance),
  /** People who report to the subject in the directory (not disabled): with none, the direct-reports group may stay empty. */
  subjectDirectReports: z.number().int(),
  warnings: z.array(warning),
  groups: z.array(groupProgress),
  sharing: z.object({ withManager: z.boolean(), coach: personRef.nullable() }),
  /** A pulse's behaviours in the order asked, in observer wording; null for a full 360. */
  pulseItems: z
    .array(
      z.object({
        key: z.string(),
        text: z.string(),
        capability: z.object({ key: z.string(), name: z.string() }),
      }),
    )
    .nullable(),
  /** What the viewer may do now. */
  can: z.object({
    editNominations: z.boolean(),
    submitNominations: z.boolean(),
    approve: z.boolean(),
    close: z.boolean(),
    reopen: z.boolean(),
    /** Move the deadline of an open 360 without closing it (subject or admin). */
    changeDeadline: z.boolean(),
    /** Resend a rater's invitation (a new link); open 360s, for whoever manages its raters. */
    resendInvitations: z.boolean(),
    release: z.boolean(),
    share: z.boolean(),
    /** Ask the same raters to re-rate a few behaviours (the subject, on a released full 360). */
    launchPulse: z.boolean(),
  }),
});
export type CampaignDetail = z.infer<typeof campaignDetail>;

export const adminCampaignList = z.object({
  campaigns: z.array(
    z.object({
      id: z.uuid(),
      subject: personRef,
      kind: z.enum(CAMPAIGN_KINDS),
      status: z.enum(CAMPAIGN_STATUSES),
      deadline: isoDate,
      releasedAt: isoDate.nullable(),
      /** See `responseCounts`. */
      progress: responseCounts,
    }),
  ),
});
export type AdminCampaignList = z.infer<typeof adminCampaignList>;

// ---------------------------------------------------------------------------------------------
// Rater form (public)
// ---------------------------------------------------------------------------------------------

export const raterFormScale = z.object({
  key: z.string(),
  min: z.number().int(),
  max: z.number().int(),
  options: z.array(z.object({ value: z.number().int(), label: z.string() })),
  /** Label of the "can't say" option; it is saved as null. */
  cantSay: z.string(),
});

export const raterForm = z.object({
  subject: z.object({ name: z.string() }),
  organisation: z.object({ name: z.string() }),
  /** The group the rater was nominated in; shown so they know how they are counted. */
  group: z.enum(RATER_GROUP_KEYS),
  deadline: isoDate,
  status: z.enum(['invited', 'submitted', 'declined']),
  /** A pulse asks only a few behaviours and one open question, as a follow-up to an earlier 360. */
  kind: z.enum(CAMPAIGN_KINDS),
  responseScales: z.array(raterFormScale),
  /** One page per capability, items in observer wording ("They …"). */
  pages: z.array(
    z.object({
      capability: z.object({ key: z.string(), name: z.string() }),
      responseScale: z.string(),
      items: z.array(z.object({ key: z.string(), text: z.string() })),
    }),
  ),
  /** `keep` and `change` on a 360's form; `different` alone on a pulse's. */
  openQuestions: z.array(z.object({ key: z.enum(OPEN_QUESTION_KEYS), text: z.string() })),
  /** Answers saved so far (autosave/resume); null is "can't say". */
  answers: z.record(z.string(), z.number().int().nullable()),
  /** Saved open answers of the form's questions ('' when none). */
  comments: z.object({ keep: z.string(), change: z.string(), different: z.string() }),
  progress: z.object({ answered: z.number().int(), total: z.number().int() }),
  /** The privacy promise, stated from the same settings the disclosure module enforces. */
  privacy: z.object({
    minimumByGroup: z.object({
      peers: z.number().int(),
      direct_reports: z.number().int(),
      others: z.number().int(),
    }),
    managerShownSeparately: z.boolean(),
    commentMinimum: z.number().int(),
    /** Plain-language sentences, in order, for the form's privacy panel. */
    statements: z.array(z.string()),
  }),
});
export type RaterForm = z.infer<typeof raterForm>;

const onScale = 'must be a whole number on the item’s scale, or null for “can’t say”';
export const raterAnswerInput = z.strictObject({
  item: z.string({ error: 'is required' }).min(1, 'is required').max(60, 'must be at most 60 characters'),
  value: z.number({ error: onScale }).int(onScale).min(1, onScale).max(11, onScale).nullable(),
});
export type RaterAnswerInput = z.infer<typeof raterAnswerInput>;

const commentText = z
  .string({ error: 'must be text' })
  .max(MAX_COMMENT_LENGTH, `must be at most ${MAX_COMMENT_LENGTH} characters`);

export const raterSaveRequest = z.strictObject({
  answers: z.array(raterAnswerInput).max(500, 'must have at most 500 answers').default([]),
  /**
   * Open answers; an omitted question keeps what was saved, an empty string clears it. Only the
   * form's own questions: `keep`/`change` on a 360, `different` on a pulse.
   */
  comments: z
    .strictObject({
      keep: commentText.optional(),
      change: commentText.optional(),
      different: commentText.optional(),
    })
    .optional(),
});
export type RaterSaveRequest = z.infer<typeof raterSaveRequest>;

export const raterSaveResponse = z.object({
  progress: z.object({ answered: z.number().int(), total: z.number().int() }),
  savedAt: isoDate,
});
export type RaterSaveResponse = z.infer<typeof raterSaveResponse>;

/** Final answers may come with the submit; every item needs an answer or "can't say" by then. */
export const raterSubmitRequest = raterSaveRequest;
/**
 * The answer to a resend, identical whether the rater has answered, declined or not (ADR 0007):
 * only a rater who has not answered gets the new email, and the caller cannot tell which happened.
 */
export const resendResponse = z.object({ status: z.literal('accepted'), message: z.string() });
export type ResendResponse = z.infer<typeof resendResponse>;

export const raterDoneResponse = z.object({ status: z.enum(['submitted', 'declined']) });
export type RaterDoneResponse = z.infer<typeof raterDoneResponse>;

// ---------------------------------------------------------------------------------------------
// Report: everything here is derived from the frozen released report of the disclosure module.
// ---------------------------------------------------------------------------------------------

const figure = z.object({ n: z.number().int(), mean: z.number() });
const columnFigure = figure.extend({ group: z.enum(RATER_GROUP_KEYS) });

export const reportItem = z.object({
  key: z.string(),
  text: z.string(),
  reversed: z.boolean(),
  self: z.number().nullable(),
  groups: z.array(columnFigure),
  allRaters: figure.nullable(),
  /** What "others" means for gaps: the all-raters figure, or the mean of the shown group figures. */
  others: z.number().nullable(),
  distribution: z
    .object({ n: z.number().int(), counts: z.array(z.number().int()), rwg: z.number().nullable() })
    .nullable(),
  /** r_wg below AGREEMENT_FLAG_BELOW: raters disagree strongly. Only where a distribution is released. */
  lowAgreement: z.boolean(),
});
export type ReportItem = z.infer<typeof reportItem>;

export const reportCapability = z.object({
  key: z.string(),
  name: z.string(),
  practice: z.enum(['manage', 'lead']).nullable(),
  derailer: z.boolean(),
  scale: z.object({ min: z.number().int(), max: z.number().int(), labels: z.array(z.string()) }),
  self: z.number().nullable(),
  groups: z.array(columnFigure),
  allRaters: figure.nullable(),
  others: z.number().nullable(),
  othersBasis: z.enum(['all-raters', 'mean-of-groups']).nullable(),
  /** self − others (positive: the subject rates themself higher). */
  gap: z.number().nullable(),
  rwgJ: z.number().nullable(),
  lowAgreement: z.boolean(),
  items: z.array(reportItem),
});
export type ReportCapability = z.infer<typeof reportCapability>;

const gapEntry = z.object({
  capability: z.string(),
  name: z.string(),
  self: z.number(),
  others: z.number(),
  gap: z.number(),
});

const behaviour = z.object({
  item: z.string(),
  text: z.string(),
  capability: z.string(),
  others: z.number(),
});

export const feedbackReport = z.object({
  campaignId: z.uuid(),
  subject: personRef,
  releasedAt: isoDate,
  version: z.object({ id: z.uuid(), number: z.number().int(), name: z.string() }),
  /** Where the self ratings come from: the subject's latest submitted self-assessment at release. */
  selfSource: z.object({ assessmentId: z.uuid().nullable(), submittedAt: isoDate.nullable() }),
  policy: z.object({
    minimumByGroup: z.object({
      peers: z.number().int(),
      direct_reports: z.number().int(),
      others: z.number().int(),
    }),
    managerShownSeparately: z.boolean(),
    commentMinimum: z.number().int(),
    distributionMinimum: z.number().int(),
  }),
  /** Response rate per group (counts are not answers). */
  groups: z.array(
    z.object({
      group: z.enum(RATER_GROUP_KEYS),
      /** `invited` of the campaign's `responseCounts` at release (raters taken off the list included). */
      invited: z.number().int().nullable(),
      /** Raters whose submitted answers the report is computed from (n of the group). */
      responded: z.number().int(),
      disclosure: z.enum(['shown', 'merged-into-others', 'suppressed']),
      reason: z.string().nullable(),
    }),
  ),
  columns: z.array(
    z.object({ group: z.enum(RATER_GROUP_KEYS), mergedFrom: z.array(z.enum(RATER_GROUP_KEYS)) }),
  ),
  thresholds: z.object({
    /** |self − others| at or above this marks a blind spot (self higher) or hidden strength (self lower). */
    gap: z.number(),
    agreementFlagBelow: z.number(),
    statement: z.string(),
  }),
  capabilities: z.array(reportCapability),
  blindSpots: z.array(gapEntry),
  hiddenStrengths: z.array(gapEntry),
  /** Derailers others see more often than the subject does (by at least the gap threshold). */
  derailerBlindSpots: z.array(gapEntry),
  highest: z.array(behaviour),
  lowest: z.array(behaviour),
  balance: z.object({
    definition: z.string(),
    self: z.number().nullable(),
    others: z.number().nullable(),
  }),
  comments: z.array(
    z.object({
      question: z.string(),
      text: z.string(),
      buckets: z.array(
        z.object({ group: z.enum([...RATER_GROUP_KEYS, 'combined']), texts: z.array(z.string()) }),
      ),
      someWithheld: z.boolean(),
    }),
  ),
});
export type FeedbackReport = z.infer<typeof feedbackReport>;

// ---------------------------------------------------------------------------------------------
// Pulse re-rating: the same raters as a released 360, a few focus behaviours, one open question.
// ---------------------------------------------------------------------------------------------

/** What the subject chooses from before launching a pulse on their latest released 360. */
export const pulseOptions = z.object({
  baselineCampaignId: z.uuid(),
  /** Null when a pulse can be launched now; otherwise why not (e.g. another campaign is running). */
  blockedBy: z.string().nullable(),
  minItems: z.number().int(),
  maxItems: z.number().int(),
  /** The baseline version's capabilities and items in observer wording, as the raters will read them. */
  capabilities: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      derailer: z.boolean(),
      items: z.array(z.object({ key: z.string(), text: z.string() })),
    }),
  ),
  /**
   * The 360's rater list, read-only. Those on it who answered the 360 are asked again; which of them
   * that is stays unknown, as in the 360 (ADR 0007).
   */
  raters: z.array(z.object({ group: z.enum(RATER_GROUP_KEYS), name: z.string(), email: z.string() })),
  question: z.object({ key: z.literal(PULSE_QUESTION.key), text: z.string() }),
});
export type PulseOptions = z.infer<typeof pulseOptions>;

export const pulseRequest = z.strictObject({
  /** Keys of the baseline version's items, 3–6, each once. */
  itemKeys: z
    .array(
      z.string({ error: 'must be an item key' }).min(1, 'must be an item key').max(60, 'must be an item key'),
    )
    .min(PULSE_MIN_ITEMS, `must have at least ${PULSE_MIN_ITEMS} behaviours`)
    .max(PULSE_MAX_ITEMS, `must have at most ${PULSE_MAX_ITEMS} behaviours`),
  /** Defaults to now + the organisation's default duration. */
  deadline: futureDeadline.optional(),
});
export type PulseRequest = z.infer<typeof pulseRequest>;

/** Why a figure is not shown. `earlier-report`: with the 360 (or an earlier pulse) it would single raters out. */
const withheldFigure = z.object({
  figure: z.enum([...RATER_GROUP_KEYS, 'all_raters']),
  reason: z.enum(['below-minimum', 'complementary-suppression', 'no-answers', 'earlier-report']),
});

const releasedFigures = z.object({
  groups: z.array(columnFigure),
  allRaters: figure.nullable(),
});

export const pulseReport = z.object({
  campaignId: z.uuid(),
  subject: personRef,
  releasedAt: isoDate,
  version: z.object({ id: z.uuid(), number: z.number().int(), name: z.string() }),
  baseline: z.object({
    campaignId: z.uuid(),
    releasedAt: isoDate,
    /** False when the viewer may not read the 360 itself: its figures are then left out. */
    visible: z.boolean(),
  }),
  policy: feedbackReport.shape.policy,
  groups: feedbackReport.shape.groups,
  columns: feedbackReport.shape.columns,
  items: z.array(
    z.object({
      key: z.string(),
      text: z.string(),
      reversed: z.boolean(),
      capability: z.object({ key: z.string(), name: z.string(), derailer: z.boolean() }),
      scale: z.object({ min: z.number().int(), max: z.number().int(), labels: z.array(z.string()) }),
      /** The pulse's released figures. */
      pulse: releasedFigures.extend({ withheld: z.array(withheldFigure) }),
      /** The 360's frozen released figures for the same item (null when not visible to the viewer). */
      baseline: releasedFigures.nullable(),
    }),
  ),
  comments: feedbackReport.shape.comments,
  /** Plain-language note on figures withheld because of the earlier report. */
  statement: z.string(),
});
export type PulseReport = z.infer<typeof pulseReport>;

export { idParams };
export const raterParams = idParams.extend({ raterId: idParam });
// Shape only; parseToken checks it precisely and an unknown link is a 404 like any other.
export const tokenParams = z.object({ token: linkParam(z.string().min(1).max(200)) });
