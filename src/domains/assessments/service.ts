// Taking a self-assessment: start or resume, autosave, submit, and read profiles and history.
// Reads run in the caller's tenant transaction; every function only ever touches the signed-in
// person's own assessments: someone else's assessment id is simply "not found".
// Autosave and submit check their answers first, against each published version the assessment
// could be on, then write with one UPDATE in a single round trip (docs/decisions/0008) that checks
// its own preconditions (`status = 'open'`, a version the answers fit, the rest already saved for a
// submit). A save racing a submit of the same assessment is ordered by the row lock it takes.
import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { careerStages } from '../../identity/organisations/schema.ts';
import type { Database } from '../../platform/db/database.ts';
import { col, queryRows } from '../../platform/db/rows.ts';
import { ApiError, conflict, notFound } from '../../platform/http/errors.ts';
import type { Viewer } from '../../platform/http/viewer.ts';
import type { OrganisationScope, TenantScope } from '../../platform/scope.ts';
import { responseScaleOf, selfAssessedCapabilities } from '../framework/definition.ts';
import {
  currentVersion,
  type PublishedVersion,
  publishedVersion,
  publishedVersionOf,
  publishedVersionsOf,
} from '../framework/service.ts';
import { fitsOneOf, incomplete, type VersionFit } from '../framework/version-fit.ts';
import { type AskedItems, answerProblems, askedItems, unansweredItems } from './answer-rules.ts';
import type { AssessmentStatus } from './constants.ts';
import type { AnswerInput, AssessmentForm, History, ProfileResponse, QualityReport } from './contracts.ts';
import { FLAG_BELOW, instrumentQuality, MIN_RESPONDENTS } from './instrument-quality.ts';
import { type Answers, scoreProfile } from './profile.ts';
import { assessments, stageBalanceExpectations } from './schema.ts';

/** The part of the tenant scope that reading and changing one's own assessments uses. */
type OwnScope = Pick<TenantScope, 'tx' | 'kind' | 'organisationId' | 'viewer'>;

type StoredAnswers = Record<string, number | null>;

interface AssessmentRow {
  id: string;
  status: AssessmentStatus;
  versionId: string;
  answers: StoredAnswers;
  startedAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
}

const assessmentColumns = {
  id: assessments.id,
  status: assessments.status,
  versionId: assessments.versionId,
  answers: assessments.answers,
  startedAt: assessments.startedAt,
  updatedAt: assessments.updatedAt,
  submittedAt: assessments.submittedAt,
};

const ownedBy = ({ organisationId, viewer }: Pick<TenantScope, 'organisationId' | 'viewer'>) =>
  and(eq(assessments.organisationId, organisationId), eq(assessments.personId, viewer.personId));

const answerMap = (answers: StoredAnswers): Answers => new Map(Object.entries(answers));

/** Answers to items still asked in this version ("can't say" included). */
function progressOf(asked: AskedItems, answers: StoredAnswers) {
  return { answered: Object.keys(answers).filter((key) => asked.has(key)).length, total: asked.size };
}

function buildForm(row: AssessmentRow, version: PublishedVersion): AssessmentForm {
  const { definition } = version;
  const asked = askedItems(definition);
  const capabilities = selfAssessedCapabilities(definition);
  const usedScales = new Set(capabilities.map((c) => c.responseScale));
  const blockNames = new Map(definition.blocks.map((b) => [b.key, b.name]));
  return {
    id: row.id,
    status: row.status,
    version: { id: version.id, number: version.number, name: definition.name },
    startedAt: row.startedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    submittedAt: row.submittedAt?.toISOString() ?? null,
    responseScales: definition.responseScales
      .filter((s) => usedScales.has(s.key))
      .map((s) => ({
        key: s.key,
        min: 1,
        max: s.labels.length,
        options: s.labels.map((label, i) => ({ value: i + 1, label })),
        cantSay: s.cantSay,
      })),
    pages: capabilities.map((c) => ({
      capability: { key: c.key, name: c.name, description: c.description },
      block: { key: c.block, name: blockNames.get(c.block)! },
      responseScale: responseScaleOf(definition, c).key,
      items: c.items.filter((item) => !item.retired).map((item) => ({ key: item.key, text: item.self })),
    })),
    answers: Object.fromEntries(Object.entries(row.answers).filter(([key]) => asked.has(key))),
    progress: progressOf(asked, row.answers),
  };
}

async function findOwn(
  scope: Pick<TenantScope, 'tx' | 'organisationId' | 'viewer'>,
  id: string,
): Promise<AssessmentRow> {
  const [row] = await scope.tx
    .select(assessmentColumns)
    .from(assessments)
    .where(and(ownedBy(scope), eq(assessments.id, id)));
  if (!row) throw notFound('assessment');
  return row;
}

async function findOpen(scope: OwnScope): Promise<AssessmentRow | undefined> {
  const [open] = await scope.tx
    .select(assessmentColumns)
    .from(assessments)
    .where(and(ownedBy(scope), eq(assessments.status, 'open')));
  return open;
}

/** The person's assessment in progress, or a new one on the current version if they have none. */
export async function startOrResume(scope: OwnScope): Promise<{ form: AssessmentForm; created: boolean }> {
  const { tx, kind, organisationId, viewer } = scope;
  const version = await currentVersion(tx, kind, organisationId);
  // Insert first: the one-open index turns it into a no-op when one is in progress (also when a
  // concurrent start won the race), and then that one is resumed.
  const [created] = await tx
    .insert(assessments)
    .values({ organisationId, personId: viewer.personId, versionId: version.id })
    .onConflictDoNothing()
    .returning(assessmentColumns);
  if (created) return { form: buildForm(created, version), created: true };
  const open = await findOpen(scope);
  if (!open) throw new Error('an assessment in progress blocked the start but cannot be found');
  // It may be on an older version than the current one: it continues on its own.
  return {
    form: buildForm(open, await publishedVersion(tx, kind, organisationId, open.versionId)),
    created: false,
  };
}

/** The published version an assessment is on (cached). */
const versionOf = (scope: OwnScope, row: Pick<AssessmentRow, 'versionId'>) =>
  publishedVersion(scope.tx, scope.kind, scope.organisationId, row.versionId);

export async function openForm(scope: OwnScope): Promise<AssessmentForm> {
  const open = await findOpen(scope);
  if (!open) throw notFound('assessment in progress');
  return buildForm(open, await versionOf(scope, open));
}

export async function getForm(scope: OwnScope, id: string): Promise<AssessmentForm> {
  const row = await findOwn(scope, id);
  return buildForm(row, await versionOf(scope, row));
}

function invalidAnswers(problems: Record<string, string>): ApiError {
  const [field, rule] = Object.entries(problems)[0]!;
  return new ApiError(400, 'invalid_input', `invalid body: ${field}: ${rule}`, problems);
}

/** After a delete matched nothing: the assessment is someone else's (or unknown), or submitted. */
async function whyNotOpen(scope: OwnScope, id: string): Promise<never> {
  await findOwn(scope, id);
  throw conflict('this assessment has been submitted and can no longer change');
}

const patchOf = (answers: ReadonlyArray<AnswerInput>) =>
  JSON.stringify(Object.fromEntries(answers.map((a) => [a.item, a.value])));

const storedAnswers = z.record(z.string(), z.number().nullable());

/** The career stage an assessment was submitted at, and the balance expected there. */
const stageRow = z.object({
  stageKey: z.string().nullable(),
  stageName: z.string().nullable(),
  leadShare: col.number.nullable(),
  submittedAt: col.timestamp.nullable(),
});
type StageRow = z.infer<typeof stageRow>;

/** The versions among `versions` that `answers` fit, with what a submit needs saved already. */
function fitsOf(
  versions: ReadonlyArray<PublishedVersion>,
  answers: ReadonlyArray<AnswerInput>,
  submit: boolean,
): VersionFit[] {
  const sent = new Set(answers.map((a) => a.item));
  return versions.flatMap((v) => {
    const asked = askedItems(v.definition);
    if (Object.keys(answerProblems(asked, answers)).length) return [];
    return [{ versionId: v.id, mustBeSaved: submit ? unansweredItems(asked, sent) : [] }];
  });
}

/**
 * Writes a save or a submit if the assessment is open and on a version the answers fit; null when
 * the statement matched nothing.
 */
async function writeIfFits(
  db: Database,
  viewer: Viewer,
  id: string,
  answers: ReadonlyArray<AnswerInput>,
  versions: ReadonlyArray<PublishedVersion>,
  submit: boolean,
) {
  const fits = fitsOf(versions, answers, submit);
  if (!fits.length) return null;
  const [written] = await db.statementInOrganisation(
    viewer.organisationId,
    sql`UPDATE assessments a
           SET answers = a.answers || ${patchOf(answers)}::jsonb, updated_at = now()
               ${
                 submit
                   ? sql`, status = 'submitted', submitted_at = now(),
                     career_stage_id = (SELECT p.career_stage_id FROM people p
                                         WHERE p.organisation_id = a.organisation_id AND p.id = a.person_id)`
                   : sql``
               }
         WHERE a.organisation_id = ${viewer.organisationId} AND a.person_id = ${viewer.personId}
           AND a.id = ${id} AND a.status = 'open'
           AND ${fitsOneOf(sql.raw('a.version_id'), sql.raw('a.answers'), fits)}
     RETURNING a.version_id AS "versionId", a.answers, a.updated_at AS "updatedAt", a.submitted_at AS "submittedAt",
               (SELECT s.key FROM career_stages s
                 WHERE s.organisation_id = a.organisation_id AND s.id = a.career_stage_id) AS "stageKey",
               (SELECT s.name FROM career_stages s
                 WHERE s.organisation_id = a.organisation_id AND s.id = a.career_stage_id) AS "stageName",
               (SELECT e.lead_share FROM stage_balance_expectations e
                 WHERE e.organisation_id = a.organisation_id AND e.career_stage_id = a.career_stage_id) AS "leadShare"`,
    stageRow.extend({ versionId: z.string(), answers: storedAnswers, updatedAt: col.timestamp }),
  );
  return written ? { ...written, version: versions.find((v) => v.id === written.versionId)! } : null;
}

/**
 * Saves or submits. All or nothing: a refused request leaves the assessment as it was. When the
 * statement matched nothing, the assessment itself says why.
 */
async function write(
  db: Database,
  viewer: Viewer,
  id: string,
  answers: ReadonlyArray<AnswerInput>,
  submit: boolean,
) {
  const written = await writeIfFits(
    db,
    viewer,
    id,
    answers,
    await publishedVersionsOf(db, viewer.organisationId),
    submit,
  );
  if (written) return written;
  const row = await db.inOrganisation(viewer.organisationId, (tx) =>
    findOwn({ tx, organisationId: viewer.organisationId, viewer }, id),
  );
  if (row.status !== 'open') throw conflict('this assessment has been submitted and can no longer change');
  const version = await publishedVersionOf(db, viewer.organisationId, row.versionId);
  const asked = askedItems(version.definition);
  const problems = answerProblems(asked, answers);
  if (Object.keys(problems).length) throw invalidAnswers(problems);
  if (submit) {
    const missing = unansweredItems(
      asked,
      new Set([...Object.keys(row.answers), ...answers.map((a) => a.item)]),
    );
    if (missing.length) throw incomplete(missing);
  }
  // The answers fit after all: the version list was older than the assessment (another server
  // published since), or the assessment changed in between. One more try, with its own version.
  const retried = await writeIfFits(db, viewer, id, answers, [version], submit);
  if (retried) return retried;
  throw conflict('this assessment changed while saving; reload the page and try again');
}

/** Autosave: stores some answers. Saving the same answers again changes nothing. */
export async function saveAnswers(
  db: Database,
  viewer: Viewer,
  id: string,
  answers: ReadonlyArray<AnswerInput>,
) {
  const saved = await write(db, viewer, id, answers, false);
  return {
    progress: progressOf(askedItems(saved.version.definition), saved.answers),
    updatedAt: saved.updatedAt.toISOString(),
  };
}

/**
 * Submits: takes any final answers, requires every question answered (or "can't say"), records
 * the person's career stage and returns the profile, in one statement.
 */
export async function submitAssessment(
  db: Database,
  viewer: Viewer,
  id: string,
  finalAnswers: ReadonlyArray<AnswerInput>,
): Promise<ProfileResponse> {
  const submitted = await write(db, viewer, id, finalAnswers, true);
  return toProfile(id, submitted.version, submitted.answers, submitted);
}

function toProfile(
  assessmentId: string,
  version: PublishedVersion,
  answers: StoredAnswers,
  stage: StageRow,
): ProfileResponse {
  const expectation =
    stage.stageName !== null && stage.leadShare !== null
      ? { stageName: stage.stageName, leadShare: stage.leadShare }
      : null;
  return {
    assessmentId,
    version: { id: version.id, number: version.number, name: version.definition.name },
    submittedAt: stage.submittedAt!.toISOString(),
    careerStage: stage.stageKey !== null ? { key: stage.stageKey, name: stage.stageName! } : null,
    ...scoreProfile(version.definition, answerMap(answers), expectation),
  };
}

type StoredAssessment = AssessmentRow & StageRow;

/** The person's assessments (optionally one), oldest first, with the stage each was submitted at. */
async function loadOwn(scope: OwnScope, onlyId?: string): Promise<StoredAssessment[]> {
  const rows = await scope.tx
    .select({
      ...assessmentColumns,
      stageKey: careerStages.key,
      stageName: careerStages.name,
      leadShare: stageBalanceExpectations.leadShare,
    })
    .from(assessments)
    .leftJoin(
      careerStages,
      and(
        eq(careerStages.organisationId, assessments.organisationId),
        eq(careerStages.id, assessments.careerStageId),
      ),
    )
    .leftJoin(
      stageBalanceExpectations,
      and(
        eq(stageBalanceExpectations.organisationId, assessments.organisationId),
        eq(stageBalanceExpectations.careerStageId, assessments.careerStageId),
      ),
    )
    .where(and(ownedBy(scope), onlyId ? eq(assessments.id, onlyId) : undefined))
    .orderBy(asc(assessments.startedAt), asc(assessments.id));
  return rows.map((r) => ({ ...r, leadShare: r.leadShare === null ? null : Number(r.leadShare) }));
}

/** A submitted assessment's profile, scored against the version it was taken on. */
export async function getProfile(scope: OwnScope, id: string): Promise<ProfileResponse> {
  const [stored] = await loadOwn(scope, id);
  if (!stored) throw notFound('assessment');
  if (stored.status !== 'submitted') throw conflict('this assessment has not been submitted yet');
  return toProfile(stored.id, await versionOf(scope, stored), stored.answers, stored);
}

/** The profile of the person's latest submitted assessment. */
export async function latestProfile(scope: OwnScope): Promise<ProfileResponse> {
  const submitted = (await loadOwn(scope)).filter((a) => a.status === 'submitted');
  const latest = submitted.sort((a, b) => a.submittedAt!.getTime() - b.submittedAt!.getTime()).at(-1);
  if (!latest) throw notFound('submitted assessment');
  return toProfile(latest.id, await versionOf(scope, latest), latest.answers, latest);
}

/** Every assessment of the person, oldest first, with scores for the submitted ones. */
export async function assessmentHistory(scope: OwnScope): Promise<History> {
  const items: History['items'] = [];
  for (const stored of await loadOwn(scope)) {
    const version = await versionOf(scope, stored);
    const profile =
      stored.status === 'submitted' ? toProfile(stored.id, version, stored.answers, stored) : null;
    items.push({
      id: stored.id,
      status: stored.status,
      version: { id: version.id, number: version.number },
      startedAt: stored.startedAt.toISOString(),
      submittedAt: stored.submittedAt?.toISOString() ?? null,
      progress: progressOf(askedItems(version.definition), stored.answers),
      scores: profile && {
        blocks: profile.blocks.map(({ key, name, score, min, max }) => ({ key, name, score, min, max })),
        capabilities: profile.capabilities.map(({ key, name, score, min, max }) => ({
          key,
          name,
          score,
          min,
          max,
        })),
        derailers: profile.derailers.map(({ key, name, frequency }) => ({ key, name, frequency })),
        leadShare: profile.balance.leadShare,
        expectedLeadShare: profile.balance.expectedLeadShare,
      },
    });
  }
  return { items };
}

/** Throws away an assessment in progress (a submitted one is part of the record and stays). */
export async function discardAssessment(scope: OwnScope, id: string): Promise<void> {
  const deleted = await scope.tx
    .delete(assessments)
    .where(and(ownedBy(scope), eq(assessments.id, id), eq(assessments.status, 'open')))
    .returning({ id: assessments.id });
  if (!deleted.length) await whyNotOpen(scope, id);
}

/** Reliability of each scale of a published version, on each person's latest submitted answers. */
export async function versionQuality(
  { tx, kind, organisationId }: Pick<OrganisationScope, 'tx' | 'kind' | 'organisationId'>,
  versionId: string,
): Promise<QualityReport> {
  const version = await publishedVersion(tx, kind, organisationId, versionId);
  // Retakes are not independent respondents: each person counts once, with their latest answers.
  const rows = await queryRows(
    tx,
    sql`SELECT DISTINCT ON (person_id) answers
          FROM assessments
         WHERE organisation_id = ${organisationId} AND version_id = ${versionId} AND status = 'submitted'
         ORDER BY person_id, submitted_at DESC`,
    z.object({ answers: storedAnswers }),
  );
  return {
    version: { id: version.id, number: version.number, name: version.definition.name },
    minimumN: MIN_RESPONDENTS,
    flagBelow: FLAG_BELOW,
    ...instrumentQuality(
      version.definition,
      rows.map((r) => answerMap(r.answers)),
    ),
  };
}
