// Taking a self-assessment: start or resume, autosave, submit, and read profiles and history.
// Every function runs in the caller's tenant transaction and only ever touches the signed-in
// person's own assessments: someone else's assessment id is simply "not found".
// Writes are single-row updates that check their own preconditions (`status = 'open'`), so a save
// racing a submit of the same assessment is ordered by the row lock the update takes; a request
// whose answers turn out to be invalid throws, and its transaction rolls the update back.
import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DatabaseKind, Tx } from '../../platform/db/database.ts';
import { col, queryRows } from '../../platform/db/rows.ts';
import { ApiError, conflict, notFound } from '../../platform/http/errors.ts';
import type { Viewer } from '../../platform/http/route.ts';
import { responseScaleOf, selfAssessedCapabilities } from '../framework/definition.ts';
import { currentVersion, type PublishedVersion, publishedVersion } from '../framework/service.ts';
import { careerStages } from '../organisations/schema.ts';
import { type AskedItems, answerProblems, askedItems, unansweredItems } from './answer-rules.ts';
import type { AnswerInput, AssessmentForm, History, ProfileResponse, QualityReport } from './contracts.ts';
import { FLAG_BELOW, instrumentQuality, MIN_RESPONDENTS } from './instrument-quality.ts';
import { type Answers, scoreProfile } from './profile.ts';
import { type AssessmentStatus, assessments, stageBalanceExpectations } from './schema.ts';

/** What every function here needs to know about the request. */
export interface AssessmentScope {
  tx: Tx;
  kind: DatabaseKind;
  viewer: Viewer;
}

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

const ownedBy = (viewer: Viewer) =>
  and(eq(assessments.organisationId, viewer.organisationId), eq(assessments.personId, viewer.personId));

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

async function findOwn(scope: AssessmentScope, id: string): Promise<AssessmentRow> {
  const [row] = await scope.tx
    .select(assessmentColumns)
    .from(assessments)
    .where(and(ownedBy(scope.viewer), eq(assessments.id, id)));
  if (!row) throw notFound('assessment');
  return row;
}

async function findOpen(scope: AssessmentScope): Promise<AssessmentRow | undefined> {
  const [open] = await scope.tx
    .select(assessmentColumns)
    .from(assessments)
    .where(and(ownedBy(scope.viewer), eq(assessments.status, 'open')));
  return open;
}

/** The person's assessment in progress, or a new one on the current version if they have none. */
export async function startOrResume(
  scope: AssessmentScope,
): Promise<{ form: AssessmentForm; created: boolean }> {
  const { tx, kind, viewer } = scope;
  const version = await currentVersion(tx, kind, viewer.organisationId);
  // Insert first: the one-open index turns it into a no-op when one is in progress (also when a
  // concurrent start won the race), and then that one is resumed.
  const [created] = await tx
    .insert(assessments)
    .values({ organisationId: viewer.organisationId, personId: viewer.personId, versionId: version.id })
    .onConflictDoNothing()
    .returning(assessmentColumns);
  if (created) return { form: buildForm(created, version), created: true };
  const open = await findOpen(scope);
  if (!open) throw new Error('an assessment in progress blocked the start but cannot be found');
  // It may be on an older version than the current one: it continues on its own.
  return {
    form: buildForm(open, await publishedVersion(tx, kind, viewer.organisationId, open.versionId)),
    created: false,
  };
}

export async function openForm(scope: AssessmentScope): Promise<AssessmentForm> {
  const open = await findOpen(scope);
  if (!open) throw notFound('assessment in progress');
  return buildForm(
    open,
    await publishedVersion(scope.tx, scope.kind, scope.viewer.organisationId, open.versionId),
  );
}

export async function getForm(scope: AssessmentScope, id: string): Promise<AssessmentForm> {
  const row = await findOwn(scope, id);
  return buildForm(
    row,
    await publishedVersion(scope.tx, scope.kind, scope.viewer.organisationId, row.versionId),
  );
}

function invalidAnswers(problems: Record<string, string>): ApiError {
  const [field, rule] = Object.entries(problems)[0]!;
  return new ApiError(400, 'invalid_input', `invalid body: ${field}: ${rule}`, problems);
}

/** After an update matched nothing: the assessment is someone else's (or unknown), or submitted. */
async function whyNotOpen(scope: AssessmentScope, id: string): Promise<never> {
  await findOwn(scope, id);
  throw conflict('this assessment has been submitted and can no longer change');
}

const patchOf = (answers: ReadonlyArray<AnswerInput>) =>
  JSON.stringify(Object.fromEntries(answers.map((a) => [a.item, a.value])));

/** Autosave: stores some answers. Saving the same answers again changes nothing. */
export async function saveAnswers(scope: AssessmentScope, id: string, answers: ReadonlyArray<AnswerInput>) {
  const { tx, kind, viewer } = scope;
  const [saved] = await queryRows(
    tx,
    sql`UPDATE assessments SET answers = answers || ${patchOf(answers)}::jsonb, updated_at = now()
         WHERE organisation_id = ${viewer.organisationId} AND person_id = ${viewer.personId}
           AND id = ${id} AND status = 'open'
     RETURNING version_id AS "versionId", answers, updated_at AS "updatedAt"`,
    z.object({ versionId: z.string(), answers: storedAnswers, updatedAt: col.timestamp }),
  );
  if (!saved) return whyNotOpen(scope, id);
  // Checked against the assessment's own version, known only now; a bad batch rolls back whole.
  const asked = askedItems(
    (await publishedVersion(tx, kind, viewer.organisationId, saved.versionId)).definition,
  );
  const problems = answerProblems(asked, answers);
  if (Object.keys(problems).length) throw invalidAnswers(problems);
  return { progress: progressOf(asked, saved.answers), updatedAt: saved.updatedAt.toISOString() };
}

const storedAnswers = z.record(z.string(), z.number().nullable());

/** The career stage an assessment was submitted at, and the balance expected there. */
const stageRow = z.object({
  stageKey: z.string().nullable(),
  stageName: z.string().nullable(),
  leadShare: col.number.nullable(),
  submittedAt: col.timestamp.nullable(),
});
type StageRow = z.infer<typeof stageRow>;

/**
 * Submits: takes any final answers, requires every question answered (or "can't say"), records
 * the person's career stage and returns the profile, in one statement. All or nothing: a refused
 * submit is rolled back and leaves the assessment as it was.
 */
export async function submitAssessment(
  scope: AssessmentScope,
  id: string,
  finalAnswers: ReadonlyArray<AnswerInput>,
): Promise<ProfileResponse> {
  const { tx, kind, viewer } = scope;
  const [submitted] = await queryRows(
    tx,
    sql`UPDATE assessments a
           SET answers = a.answers || ${patchOf(finalAnswers)}::jsonb, status = 'submitted',
               submitted_at = now(), updated_at = now(),
               career_stage_id = (SELECT p.career_stage_id FROM people p
                                   WHERE p.organisation_id = a.organisation_id AND p.id = a.person_id)
         WHERE a.organisation_id = ${viewer.organisationId} AND a.person_id = ${viewer.personId}
           AND a.id = ${id} AND a.status = 'open'
     RETURNING a.version_id AS "versionId", a.answers, a.submitted_at AS "submittedAt",
               (SELECT s.key FROM career_stages s
                 WHERE s.organisation_id = a.organisation_id AND s.id = a.career_stage_id) AS "stageKey",
               (SELECT s.name FROM career_stages s
                 WHERE s.organisation_id = a.organisation_id AND s.id = a.career_stage_id) AS "stageName",
               (SELECT e.lead_share FROM stage_balance_expectations e
                 WHERE e.organisation_id = a.organisation_id AND e.career_stage_id = a.career_stage_id) AS "leadShare"`,
    stageRow.extend({ versionId: z.string(), answers: storedAnswers }),
  );
  if (!submitted) return whyNotOpen(scope, id);
  const version = await publishedVersion(tx, kind, viewer.organisationId, submitted.versionId);
  const asked = askedItems(version.definition);
  const problems = answerProblems(asked, finalAnswers);
  if (Object.keys(problems).length) throw invalidAnswers(problems);
  const missing = unansweredItems(asked, new Set(Object.keys(submitted.answers)));
  if (missing.length) {
    throw new ApiError(
      400,
      'incomplete',
      `${missing.length} question${missing.length > 1 ? 's are' : ' is'} not answered yet; answer them or choose “can’t say”`,
      Object.fromEntries(missing.map((key) => [`items.${key}`, 'needs an answer or “can’t say”'])),
    );
  }
  return toProfile(id, version, submitted.answers, submitted);
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
async function loadOwn(scope: AssessmentScope, onlyId?: string): Promise<StoredAssessment[]> {
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
    .where(and(ownedBy(scope.viewer), onlyId ? eq(assessments.id, onlyId) : undefined))
    .orderBy(asc(assessments.startedAt), asc(assessments.id));
  return rows.map((r) => ({ ...r, leadShare: r.leadShare === null ? null : Number(r.leadShare) }));
}

/** A submitted assessment's profile, scored against the version it was taken on. */
export async function getProfile(scope: AssessmentScope, id: string): Promise<ProfileResponse> {
  const [stored] = await loadOwn(scope, id);
  if (!stored) throw notFound('assessment');
  if (stored.status !== 'submitted') throw conflict('this assessment has not been submitted yet');
  const version = await publishedVersion(scope.tx, scope.kind, scope.viewer.organisationId, stored.versionId);
  return toProfile(stored.id, version, stored.answers, stored);
}

/** The profile of the person's latest submitted assessment. */
export async function latestProfile(scope: AssessmentScope): Promise<ProfileResponse> {
  const submitted = (await loadOwn(scope)).filter((a) => a.status === 'submitted');
  const latest = submitted.sort((a, b) => a.submittedAt!.getTime() - b.submittedAt!.getTime()).at(-1);
  if (!latest) throw notFound('submitted assessment');
  const version = await publishedVersion(scope.tx, scope.kind, scope.viewer.organisationId, latest.versionId);
  return toProfile(latest.id, version, latest.answers, latest);
}

/** Every assessment of the person, oldest first, with scores for the submitted ones. */
export async function assessmentHistory(scope: AssessmentScope): Promise<History> {
  const items: History['items'] = [];
  for (const stored of await loadOwn(scope)) {
    const version = await publishedVersion(
      scope.tx,
      scope.kind,
      scope.viewer.organisationId,
      stored.versionId,
    );
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
export async function discardAssessment(scope: AssessmentScope, id: string): Promise<void> {
  const deleted = await scope.tx
    .delete(assessments)
    .where(and(ownedBy(scope.viewer), eq(assessments.id, id), eq(assessments.status, 'open')))
    .returning({ id: assessments.id });
  if (!deleted.length) await whyNotOpen(scope, id);
}

/** Reliability of each scale of a published version, on each person's latest submitted answers. */
export async function versionQuality(
  tx: Tx,
  kind: DatabaseKind,
  organisationId: string,
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
