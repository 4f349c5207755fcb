// The one read behind the home page: a single statement in a single round trip (docs/decisions/0008),
// because the home page is the page everyone opens first and most often (target: p99 < 30 ms at 32
// connections, 10,000 people). It returns one row: the person's facts, and the plan rows and the
// pathway steps as JSON arrays. It is a read model of other domains' tables, written here rather
// than composed from those domains' list functions: listPersonAssessments and listCampaigns answer
// richer questions (a version per assessment, per-group rater counts for every campaign the viewer
// may see) at four or more statements, where the home page needs three facts. The rules they read
// stay the owners': an assessment is submitted when its status says so; a 360's status is the
// campaign's.
import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { col } from '../../platform/db/rows.ts';
import type { Viewer } from '../../platform/http/viewer.ts';
import type { Services } from '../../platform/services.ts';
import { EXPERIMENT_STATUSES, FOCUS_KINDS } from '../development/constants.ts';
import { CAMPAIGN_STATUSES } from '../feedback/contracts.ts';
import { type HomeFeedbackStatus, JOURNEY_DEFAULTS } from './constants.ts';
import type { JourneySettings } from './contracts.ts';
import { PRACTICE_WINDOW_DAYS } from './due-this-week.ts';
import type { HomeFacts } from './next-step.ts';

export interface PersonFacts {
  name: string;
  careerStage: { key: string; name: string };
  selfAssessment: HomeFacts['selfAssessment'];
  feedback: HomeFacts['feedback'];
}

/** The dated facts of the person's journey (journey.ts), and their organisation's thresholds. */
export interface JourneyDates {
  selfAssessmentAt: Date | null;
  feedbackReleasedAt: Date | null;
  lastReflectionAt: Date | null;
  lastCheckInAt: Date | null;
  settings: JourneySettings;
}

/** The 360's statuses as the home page groups them: the person's move, others' move, or done. */
function feedbackStatus(status: (typeof CAMPAIGN_STATUSES)[number] | null): HomeFeedbackStatus {
  if (status === null) return 'none';
  if (status === 'nominating') return 'nominating';
  return status === 'released' ? 'released' : 'running';
}

// Inside json_build_object, timestamps arrive as ISO text and counts as JSON numbers: col.timestamp
// and col.count read both.
const planRow = z.object({
  planId: col.text,
  planTitle: col.text,
  startedAt: col.timestamp,
  focusId: z.string().nullable(),
  kind: z.enum(FOCUS_KINDS).nullable(),
  capabilityKey: z.string().nullable(),
  focusTitle: z.string().nullable(),
  goal: z.string().nullable(),
  experimentId: z.string().nullable(),
  action: z.string().nullable(),
  status: z.enum(EXPERIMENT_STATUSES).nullable(),
  startsOn: z.string().nullable(),
  reviewOn: z.string().nullable(),
  sourceModuleId: z.string().nullable(),
  lastPracticeAt: col.timestamp.nullable(),
  recentPractice: col.count,
});
export type PlanRow = z.infer<typeof planRow>;

const stepRow = z.object({ moduleId: z.string(), pathwayTitle: z.string(), started: z.boolean() });
export type PathwayStep = z.infer<typeof stepRow>;

/** A json column: node-postgres and PGlite both parse json, but accept its text too. */
const jsonArray = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === 'string' ? JSON.parse(v) : v), z.array(item));

const homeRow = z.object({
  name: col.text,
  stageKey: col.text,
  stageName: col.text,
  selfAssessmentAt: col.timestamp.nullable(),
  open: z.boolean(),
  campaignId: z.string().nullable(),
  campaignStatus: z.enum(CAMPAIGN_STATUSES).nullable(),
  feedbackReleasedAt: col.timestamp.nullable(),
  lastReflectionAt: col.timestamp.nullable(),
  lastCheckInAt: col.timestamp.nullable(),
  knowledgeMonths: col.count,
  leadershipDays: col.count,
  plan: jsonArray(planRow),
  steps: jsonArray(stepRow),
});

/**
 * The one place check-ins wire into the home page (issue 10 items 2 and 6): the journey reads the
 * latest check-in the person held as its participant (status completed; check_ins_owner index).
 * Row-level security lets only its two people read a check-in, and the owner is the viewer here.
 */
function lastCheckInAt(org: string, person: SQL): SQL {
  return sql`(SELECT max(ci.starts_at) FROM check_ins ci
               WHERE ci.organisation_id = ${org} AND ci.owner_id = ${person} AND ci.status = 'completed')`;
}

/**
 * The journey's dated facts (journey.ts) of `person`, an SQL expression (the viewer's id here, each
 * enrolled person's id in a programme's cohort read), as scalar subqueries named like JourneyDates:
 * the latest submitted self-assessment, the latest released full 360 as subject, the latest journal
 * entry and the latest completed check-in. One definition of what counts, for both reads.
 */
export function journeyDateColumns(org: string, person: SQL): SQL {
  return sql`(SELECT max(a.submitted_at) FROM assessments a
                 WHERE a.organisation_id = ${org} AND a.person_id = ${person} AND a.status = 'submitted') AS "selfAssessmentAt",
               (SELECT max(c.released_at) FROM feedback_campaigns c
                 WHERE c.organisation_id = ${org} AND c.subject_id = ${person} AND c.status = 'released'
                   AND c.kind = 'full') AS "feedbackReleasedAt",
               (SELECT max(j.created_at) FROM journal_entries j
                 WHERE j.organisation_id = ${org} AND j.owner_id = ${person}) AS "lastReflectionAt",
               ${lastCheckInAt(org, person)} AS "lastCheckInAt"`;
}

export interface HomeFactsRead {
  person: PersonFacts;
  /**
   * The viewer's active plan as rows: one per experiment of each active focus area (a focus area
   * without experiments gives one row with null experiment columns; a plan without focus areas one
   * row with null focus columns), in the plan's order; none without an active plan. For open
   * (planned, running) experiments, the last practice and the practice logged in the 7 days before
   * `now` (the app's clock, so tests can move it).
   */
  plan: PlanRow[];
  /** The steps of the viewer's pathways that are not archived, oldest pathway first, each in its order. */
  steps: PathwayStep[];
  journey: JourneyDates;
}

/**
 * Everything the home page reads, as ONE statement run as the viewer (row-level security applies,
 * with the person set for the owner-only policies of docs/decisions/0014):
 * - the viewer's name and stage, when they last submitted a self-assessment (or whether one is
 *   started), and their latest 360 as its subject (a manager's view of their reports' 360s is not
 *   theirs) with when one was last released;
 * - the journey's dates (journey.ts): the latest journal entry (journal_entries_owner) and the
 *   latest completed check-in (check_ins_owner); the organisation's thresholds;
 * - the active plan's rows (development_plans_one_active, plan_focus_areas_in_plan,
 *   plan_experiments_focus, plan_practice_logs_experiment);
 * - the pathway steps (learning_pathways_owner, then the steps' (pathway, position) key): a small
 *   read of the pathways tables rather than the pathways list, which renders every step's module.
 * Each part keeps its owner-first filters, which keep the row-level policies cheap (0014), and its
 * ordering, inside json_agg. The three parts are independent subqueries of the person's row.
 */
export async function readHomeFacts(services: Services, viewer: Viewer, now: Date): Promise<HomeFactsRead> {
  const org = viewer.organisationId;
  const me = viewer.personId;
  const since = new Date(now.getTime() - PRACTICE_WINDOW_DAYS * 86_400_000).toISOString();
  const [row] = await services.db.statementInOrganisation(
    org,
    sql`SELECT p.name, s.key AS "stageKey", s.name AS "stageName",
               ${journeyDateColumns(org, sql`${me}`)},
               EXISTS (SELECT 1 FROM assessments a
                        WHERE a.organisation_id = ${org} AND a.person_id = ${me} AND a.status = 'open') AS open,
               fc.id::text AS "campaignId", fc.status AS "campaignStatus",
               coalesce(js.knowledge_months, ${sql.raw(String(JOURNEY_DEFAULTS.knowledgeMonths))}) AS "knowledgeMonths",
               coalesce(js.leadership_days, ${sql.raw(String(JOURNEY_DEFAULTS.leadershipDays))}) AS "leadershipDays",
               (SELECT coalesce(json_agg(json_build_object(
                         'planId', pl.id, 'planTitle', pl.title, 'startedAt', pl.started_at,
                         'focusId', f.id, 'kind', f.kind, 'capabilityKey', f.capability_key,
                         'focusTitle', f.title, 'goal', f.goal,
                         'experimentId', e.id, 'action', e.action, 'status', e.status,
                         'startsOn', e.starts_on::text, 'reviewOn', e.review_on::text,
                         'sourceModuleId', e.source_module_id,
                         'lastPracticeAt', lp.last_at, 'recentPractice', coalesce(lp.recent, 0))
                         ORDER BY f.position NULLS FIRST, f.id, e.starts_on, e.id), '[]')
                  FROM development_plans pl
                  LEFT JOIN plan_focus_areas f
                         ON f.organisation_id = pl.organisation_id AND f.plan_id = pl.id
                        AND f.owner_id = pl.owner_id AND f.status = 'active'
                  LEFT JOIN plan_experiments e
                         ON e.organisation_id = f.organisation_id AND e.focus_id = f.id AND e.owner_id = f.owner_id
                  LEFT JOIN LATERAL (
                        SELECT max(l.logged_at) AS last_at,
                               count(*) FILTER (WHERE l.logged_at > ${since}::timestamptz) AS recent
                          FROM plan_practice_logs l
                         WHERE l.organisation_id = e.organisation_id AND l.experiment_id = e.id
                           AND l.owner_id = e.owner_id) lp ON e.status IN ('planned', 'running')
                 WHERE pl.organisation_id = ${org} AND pl.owner_id = ${me} AND pl.status = 'active') AS plan,
               (SELECT coalesce(json_agg(json_build_object(
                         'moduleId', ps.module_id, 'pathwayTitle', pw.title, 'started', ps.started_at IS NOT NULL)
                         ORDER BY pw.created_at, pw.id, ps.position), '[]')
                  FROM learning_pathways pw
                  JOIN learning_pathway_steps ps
                    ON ps.organisation_id = pw.organisation_id AND ps.pathway_id = pw.id AND ps.owner_id = pw.owner_id
                 WHERE pw.organisation_id = ${org} AND pw.owner_id = ${me} AND pw.archived_at IS NULL) AS steps
          FROM people p
          JOIN career_stages s ON s.organisation_id = p.organisation_id AND s.id = p.career_stage_id
          LEFT JOIN journey_settings js ON js.organisation_id = p.organisation_id
          LEFT JOIN LATERAL (
                SELECT c.id, c.status FROM feedback_campaigns c
                 WHERE c.organisation_id = ${org} AND c.subject_id = ${me} AND c.kind = 'full'
                 ORDER BY c.created_at DESC, c.id DESC LIMIT 1) fc ON true
         WHERE p.organisation_id = ${org} AND p.id = ${me}`,
    homeRow,
    me,
    // Planning this statement (row-level security on every table) cost twice its run: prepared once
    // per connection, it is planned once (database.ts).
    { prepared: 'home_facts' },
  );
  if (!row) throw new Error('the signed-in person no longer exists');
  return {
    person: {
      name: row.name,
      careerStage: { key: row.stageKey, name: row.stageName },
      selfAssessment: row.selfAssessmentAt ? 'submitted' : row.open ? 'in-progress' : 'none',
      feedback: { status: feedbackStatus(row.campaignStatus), campaignId: row.campaignId },
    },
    plan: row.plan,
    steps: row.steps,
    journey: {
      selfAssessmentAt: row.selfAssessmentAt,
      feedbackReleasedAt: row.feedbackReleasedAt,
      lastReflectionAt: row.lastReflectionAt,
      lastCheckInAt: row.lastCheckInAt,
      settings: { knowledgeMonths: row.knowledgeMonths, leadershipDays: row.leadershipDays },
    },
  };
}
