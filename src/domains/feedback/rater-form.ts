// The rater's side, by link alone: read the form, autosave, submit once, or decline. The link's
// organisation part picks the tenant (RLS applies); its secret is looked up by SHA-256 only.
// Answers are checked before anything is written, against each published version the link's
// campaign could use; the write is then one UPDATE, sent in a single round trip, that also checks
// its own preconditions (rater still invited, campaign open, deadline not passed, the campaign's
// version one the answers fit, every other item saved already for a submit; docs/decisions/0008).
// When it matches nothing, a second look at the link says why.
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { minimumForGroup } from '../../core/disclosure/index.ts';
import type { Database } from '../../platform/db/database.ts';
import { col } from '../../platform/db/rows.ts';
import { ApiError, conflict } from '../../platform/http/errors.ts';
import { readRaterLink } from '../../platform/http/rater-link.ts';
import { publishedVersionOf, publishedVersionsOf } from '../framework/service.ts';
import { fitsOneOf, incomplete } from '../framework/version-fit.ts';
import {
  CAMPAIGN_KINDS,
  OPEN_QUESTIONS,
  PULSE_QUESTION,
  RATER_GROUP_KEYS,
  type RaterAnswerInput,
  type RaterDoneResponse,
  type RaterForm,
  type RaterSaveRequest,
  type RaterSaveResponse,
} from './contracts.ts';
import { campaignInstrument, type Instrument, instrumentOf, pulseInstrumentOf } from './instrument.ts';
import type { StoredComments } from './schema.ts';

const linkInvalid = () =>
  new ApiError(
    404,
    'link_invalid',
    'this feedback link is not valid: it may have been replaced by a newer one',
  );
const linkClosed = () =>
  new ApiError(410, 'link_closed', 'this feedback request is closed and no longer takes answers');
const alreadyDone = (status: string) =>
  new ApiError(
    409,
    'conflict',
    status === 'declined' ? 'you declined this request' : 'your feedback has already been submitted',
  );

function tokenParts(token: string): { organisationId: string; hash: string } {
  const link = readRaterLink(token);
  if (!link) throw linkInvalid();
  return link;
}

const storedAnswers = z.record(z.string(), z.number().nullable());
const storedComments = z.object({
  keep: z.string().optional(),
  change: z.string().optional(),
  different: z.string().optional(),
});

const linkRow = z.object({
  status: z.enum(['invited', 'submitted', 'declined', 'removed']),
  group: z.enum(RATER_GROUP_KEYS),
  answers: storedAnswers,
  comments: storedComments,
  campaignStatus: z.string(),
  deadline: col.timestamp,
  open: z.boolean(),
  versionId: z.string(),
  kind: z.enum(CAMPAIGN_KINDS),
  itemKeys: z.array(z.string()).nullable(),
  policy: z.object({
    minimumByGroup: z.object({ peers: z.number(), direct_reports: z.number(), others: z.number() }),
    managerShownSeparately: z.boolean(),
    commentMinimum: z.number(),
    distributionMinimum: z.number(),
    mergeSmallGroupsIntoOthers: z.boolean(),
  }),
  subjectName: z.string(),
  organisationName: z.string(),
});

function privacyStatements(
  policy: z.infer<typeof linkRow>['policy'],
  subjectName: string,
  pulse: boolean,
): string[] {
  const m = policy.minimumByGroup;
  const followUp = pulse
    ? [
        `This is a short follow-up to the 360 you answered for ${subjectName}. Its figures are also checked against that report: any figure that, compared with it, could single out who answered this time (for instance because someone did not take part) is withheld.`,
      ]
    : [];
  return [
    ...followUp,
    `Your name is never shown next to your answers. ${subjectName} sees averages of groups of raters, never one person's answers.`,
    `Peers, direct reports and others are shown as a group only when at least ${m.peers}, ${m.direct_reports} and ${m.others} of them answer an item; otherwise their answers are withheld or combined so they cannot be worked out.`,
    policy.managerShownSeparately
      ? 'The manager’s answers are shown as their own group, so if you are the manager, the person will see your ratings.'
      : `The manager’s answers are never shown on their own; they only count within combined figures of at least ${minimumForGroup(policy, 'manager')} raters.`,
    `Written comments are shown word for word but unattributed and in random order, and only when at least ${policy.commentMinimum} people wrote in that group (otherwise they are pooled or withheld). Do not write anything that identifies you.`,
    'The report is seen by the person themself, and by their manager or coach only if the person chooses to share it. Administrators see only whether feedback was given, never its content.',
    'Choose “can’t say” for anything you have not seen; it is not counted.',
  ];
}

async function lookup(db: Database, token: string) {
  const { organisationId, hash } = tokenParts(token);
  const rows = await db.statementInOrganisation(
    organisationId,
    sql`SELECT r.status, r.rater_group AS "group", r.answers, r.comments, c.status AS "campaignStatus", c.deadline,
               (c.status = 'open' AND c.deadline > now()) AS open, c.version_id AS "versionId", c.policy,
               c.kind, c.item_keys AS "itemKeys",
               p.name AS "subjectName", o.name AS "organisationName"
          FROM feedback_raters r
          JOIN feedback_campaigns c ON c.organisation_id = r.organisation_id AND c.id = r.campaign_id
          JOIN people p ON p.organisation_id = c.organisation_id AND p.id = c.subject_id
          JOIN organisations o ON o.id = r.organisation_id
         WHERE r.organisation_id = ${organisationId} AND r.token_hash = ${hash}`,
    linkRow,
  );
  const row = rows[0];
  if (!row || row.status === 'removed') throw linkInvalid();
  return { organisationId, row };
}

function progressOf(instrument: Instrument, answers: Record<string, number | null>) {
  return {
    answered: Object.keys(answers).filter((k) => instrument.items.has(k)).length,
    total: instrument.items.size,
  };
}

const questionsOf = (kind: z.infer<typeof linkRow>['kind']) =>
  kind === 'pulse' ? [PULSE_QUESTION] : OPEN_QUESTIONS;

export async function raterForm(db: Database, token: string): Promise<RaterForm> {
  const { organisationId, row } = await lookup(db, token);
  if (row.status === 'invited' && !row.open) throw linkClosed();
  const version = await publishedVersionOf(db, organisationId, row.versionId);
  const instrument = campaignInstrument(version.definition, row.itemKeys);
  const done = row.status !== 'invited';
  const scales = new Map(instrument.capabilities.map((c) => [c.scaleKey, c]));
  return {
    subject: { name: row.subjectName },
    organisation: { name: row.organisationName },
    group: row.group,
    deadline: row.deadline.toISOString(),
    status: row.status as 'invited' | 'submitted' | 'declined',
    kind: row.kind,
    responseScales: [...scales.values()].map((c) => ({
      key: c.scaleKey,
      min: 1,
      max: c.labels.length,
      options: c.labels.map((label, i) => ({ value: i + 1, label })),
      cantSay: c.cantSay,
    })),
    pages: instrument.capabilities.map((c) => ({
      capability: { key: c.definition.key, name: c.definition.name },
      responseScale: c.scaleKey,
      items: c.items.map((item) => ({ key: item.key, text: item.observer })),
    })),
    openQuestions: questionsOf(row.kind).map((q) => ({ key: q.key, text: q.text })),
    // Once submitted or declined the link shows only that: answers are not echoed back.
    answers: done
      ? {}
      : Object.fromEntries(Object.entries(row.answers).filter(([k]) => instrument.items.has(k))),
    comments: done
      ? { keep: '', change: '', different: '' }
      : {
          keep: row.comments.keep ?? '',
          change: row.comments.change ?? '',
          different: row.comments.different ?? '',
        },
    progress: done ? { answered: 0, total: instrument.items.size } : progressOf(instrument, row.answers),
    privacy: {
      minimumByGroup: { ...row.policy.minimumByGroup },
      managerShownSeparately: row.policy.managerShownSeparately,
      commentMinimum: row.policy.commentMinimum,
      statements: privacyStatements(row.policy, row.subjectName, row.kind === 'pulse'),
    },
  };
}

function answerProblems(
  instrument: Instrument,
  answers: ReadonlyArray<RaterAnswerInput>,
): Record<string, string> {
  const problems: Record<string, string> = {};
  const seen = new Set<string>();
  answers.forEach((a, i) => {
    const item = instrument.items.get(a.item);
    if (!item) {
      problems[`answers.${i}.item`] = 'is not a question of this form';
      return;
    }
    if (seen.has(a.item)) problems[`answers.${i}.item`] = 'appears more than once';
    seen.add(a.item);
    if (a.value !== null && a.value > item.max) {
      problems[`answers.${i}.value`] =
        `must be a whole number from 1 to ${item.max}, or null for “can’t say”`;
    }
  });
  return problems;
}

function invalid(problems: Record<string, string>): ApiError {
  const [field, rule] = Object.entries(problems)[0]!;
  return new ApiError(400, 'invalid_input', `invalid body: ${field}: ${rule}`, problems);
}

/** Open answers the request sends to questions its form does not ask. */
function commentProblems(kind: z.infer<typeof linkRow>['kind'], request: RaterSaveRequest) {
  const asked = new Set<string>(questionsOf(kind).map((q) => q.key));
  const problems: Record<string, string> = {};
  for (const [key, text] of Object.entries(request.comments ?? {})) {
    if (text !== undefined && !asked.has(key)) problems[`comments.${key}`] = 'is not a question of this form';
  }
  return problems;
}

const writeRow = z.object({
  versionId: z.string(),
  itemKeys: z.array(z.string()).nullable(),
  answers: storedAnswers,
  savedAt: col.timestamp,
});
type Written = { answers: Record<string, number | null>; savedAt: Date; instrument: Instrument };

/**
 * What the row's campaign must be for the request to fit it, as one SQL condition. A 360: a version
 * whose items the answers are (and, for a submit, every other item saved already: `fitsOneOf`). A
 * pulse: a version whose items they are, each among the pulse's items, and for a submit every pulse
 * item answered once this request is merged. Open answers only to the form's own questions.
 */
function fitCondition(
  request: RaterSaveRequest,
  submit: boolean,
  instruments: ReadonlyMap<string, Instrument>,
  patch: string,
) {
  const sent = new Set(request.answers.map((a) => a.item));
  const valid = [...instruments].filter(
    ([, instrument]) => Object.keys(answerProblems(instrument, request.answers)).length === 0,
  );
  const full = valid.map(([versionId, instrument]) => ({
    versionId,
    mustBeSaved: submit ? instrument.itemKeys.filter((k) => !sent.has(k)) : [],
  }));
  const fullOk = full.length > 0 && !Object.keys(commentProblems('full', request)).length;
  const pulseOk = valid.length > 0 && !Object.keys(commentProblems('pulse', request)).length;
  const versions = sql.join(
    valid.map(([versionId]) => sql`${versionId}`),
    sql`, `,
  );
  const pulse = pulseOk
    ? sql`c.version_id IN (${versions})
          AND c.item_keys @> ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify([...sent])}::jsonb))
          ${submit ? sql`AND (r.answers || ${patch}::jsonb) ?& c.item_keys` : sql``}`
    : sql`FALSE`;
  return sql`((c.kind = 'full' AND ${fullOk ? fitsOneOf(sql.raw('c.version_id'), sql.raw('r.answers'), full) : sql`FALSE`})
              OR (c.kind = 'pulse' AND ${pulse}))`;
}

/** Writes the request to the link if its campaign is one the request fits (`fitCondition`). */
async function writeIfFits(
  db: Database,
  { organisationId, hash }: { organisationId: string; hash: string },
  request: RaterSaveRequest,
  submit: boolean,
  instruments: ReadonlyMap<string, Instrument>,
): Promise<Written | null> {
  const patch = JSON.stringify(Object.fromEntries(request.answers.map((a) => [a.item, a.value])));
  const condition = fitCondition(request, submit, instruments, patch);
  const comments: StoredComments = {};
  for (const key of ['keep', 'change', 'different'] as const) {
    const text = request.comments?.[key];
    if (text !== undefined) comments[key] = text.trim();
  }
  // A save reports progress from the merged answers; a submit needs none, so none are sent back.
  const returnedAnswers = submit ? sql`'{}'::jsonb` : sql`r.answers`;
  const [saved] = await db.statementInOrganisation(
    organisationId,
    sql`UPDATE feedback_raters r
           SET answers = r.answers || ${patch}::jsonb, comments = r.comments || ${JSON.stringify(comments)}::jsonb,
               updated_at = now()
               ${submit ? sql`, status = 'submitted', submitted_at = now()` : sql``}
          FROM feedback_campaigns c
         WHERE r.organisation_id = ${organisationId} AND r.token_hash = ${hash} AND r.status = 'invited'
           AND c.organisation_id = r.organisation_id AND c.id = r.campaign_id
           AND c.status = 'open' AND c.deadline > now()
           AND ${condition}
     RETURNING c.version_id AS "versionId", c.item_keys AS "itemKeys", r.updated_at AS "savedAt",
               ${returnedAnswers} AS answers`,
    writeRow,
  );
  if (!saved) return null;
  const instrument = instruments.get(saved.versionId)!;
  return {
    answers: saved.answers,
    savedAt: saved.savedAt,
    instrument: saved.itemKeys ? pulseInstrumentOf(instrument, saved.itemKeys) : instrument,
  };
}

async function write(
  db: Database,
  token: string,
  request: RaterSaveRequest,
  submit: boolean,
): Promise<Written> {
  const link = tokenParts(token);
  const { organisationId } = link;
  const versions = await publishedVersionsOf(db, organisationId);
  const instruments = new Map(versions.map((v) => [v.id, instrumentOf(v.definition)]));
  const written = await writeIfFits(db, link, request, submit, instruments);
  if (written) return written;

  // Nothing written: the link says why.
  const { row } = await lookup(db, token);
  if (row.status !== 'invited') throw alreadyDone(row.status);
  if (!row.open) throw linkClosed();
  const whole = instrumentOf((await publishedVersionOf(db, organisationId, row.versionId)).definition);
  const instrument = row.itemKeys ? pulseInstrumentOf(whole, row.itemKeys) : whole;
  const problems = { ...answerProblems(instrument, request.answers), ...commentProblems(row.kind, request) };
  if (Object.keys(problems).length) throw invalid(problems);
  const sent = new Set(request.answers.map((a) => a.item));
  const missing = submit ? instrument.itemKeys.filter((k) => !sent.has(k) && !(k in row.answers)) : [];
  if (missing.length) throw incomplete(missing);
  // The request fits the link after all: the list of versions was older than its campaign (another
  // server published since), or the link changed in between. One more try, with its own version.
  const retried = await writeIfFits(db, link, request, submit, new Map([[row.versionId, whole]]));
  if (retried) return retried;
  throw conflict('this feedback request changed while saving; reload the page and try again');
}

export async function saveRaterAnswers(
  db: Database,
  token: string,
  request: RaterSaveRequest,
): Promise<RaterSaveResponse> {
  const saved = await write(db, token, request, false);
  return { progress: progressOf(saved.instrument, saved.answers), savedAt: saved.savedAt.toISOString() };
}

export async function submitRaterAnswers(
  db: Database,
  token: string,
  request: RaterSaveRequest,
): Promise<RaterDoneResponse> {
  await write(db, token, request, true);
  return { status: 'submitted' };
}

/** The rater declines: anything they saved is discarded, and no reminder follows. */
export async function declineRequest(db: Database, token: string): Promise<RaterDoneResponse> {
  const { organisationId, hash } = tokenParts(token);
  const rows = await db.statementInOrganisation(
    organisationId,
    sql`UPDATE feedback_raters r SET status = 'declined', answers = '{}'::jsonb, comments = '{}'::jsonb, updated_at = now()
          FROM feedback_campaigns c
         WHERE r.organisation_id = ${organisationId} AND r.token_hash = ${hash} AND r.status = 'invited'
           AND c.organisation_id = r.organisation_id AND c.id = r.campaign_id AND c.status = 'open'
     RETURNING r.id`,
    z.object({ id: z.string() }),
  );
  if (!rows.length) {
    const { row } = await lookup(db, token);
    if (row.status !== 'invited') throw alreadyDone(row.status);
    throw linkClosed();
  }
  return { status: 'declined' };
}
