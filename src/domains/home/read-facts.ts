// The two reads behind the home page, each one indexed statement, because the home page is the
// page everyone opens first and most often (target: p99 < 30 ms at 32 connections, 10,000 people).
// They are a read model of other domains' tables, written here rather than composed from those
// domains' list functions: listPersonAssessments and listCampaigns answer richer questions (a
// version per assessment, per-group rater counts for every campaign the viewer may see) at four or
// more statements, where the home page needs three facts. The rules they read stay the owners':
// an assessment is submitted when its status says so; a 360's status is the campaign's.
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { col, queryRows } from '../../platform/db/rows.ts';
import type { TenantScope } from '../../platform/scope.ts';
import { EXPERIMENT_STATUSES, FOCUS_KINDS } from '../development/constants.ts';
import { CAMPAIGN_STATUSES } from '../feedback/contracts.ts';
import type { HomeFeedbackStatus } from './constants.ts';
import { PRACTICE_WINDOW_DAYS } from './due-this-week.ts';
import type { HomeFacts } from './next-step.ts';

const personRow = z.object({
  name: col.text,
  stageKey: col.text,
  stageName: col.text,
  submitted: z.boolean(),
  open: z.boolean(),
  campaignId: z.string().nullable(),
  campaignStatus: z.enum(CAMPAIGN_STATUSES).nullable(),
});

export interface PersonFacts {
  name: string;
  careerStage: { key: string; name: string };
  selfAssessment: HomeFacts['selfAssessment'];
  feedback: HomeFacts['feedback'];
}

/** The 360's statuses as the home page groups them: the person's move, others' move, or done. */
function feedbackStatus(status: (typeof CAMPAIGN_STATUSES)[number] | null): HomeFeedbackStatus {
  if (status === null) return 'none';
  if (status === 'nominating') return 'nominating';
  return status === 'released' ? 'released' : 'running';
}

/**
 * The viewer's name and stage, whether they have submitted (or started) a self-assessment, and
 * their latest 360 as its subject (a manager's view of their reports' 360s is not theirs).
 */
export async function readPersonFacts(scope: TenantScope): Promise<PersonFacts> {
  const { tx, organisationId: org, viewer } = scope;
  const me = viewer.personId;
  const [row] = await queryRows(
    tx,
    sql`SELECT p.name, s.key AS "stageKey", s.name AS "stageName",
               EXISTS (SELECT 1 FROM assessments a
                        WHERE a.organisation_id = ${org} AND a.person_id = ${me} AND a.status = 'submitted') AS submitted,
               EXISTS (SELECT 1 FROM assessments a
                        WHERE a.organisation_id = ${org} AND a.person_id = ${me} AND a.status = 'open') AS open,
               f.id::text AS "campaignId", f.status AS "campaignStatus"
          FROM people p
          JOIN career_stages s ON s.organisation_id = p.organisation_id AND s.id = p.career_stage_id
          LEFT JOIN LATERAL (
                SELECT c.id, c.status FROM feedback_campaigns c
                 WHERE c.organisation_id = ${org} AND c.subject_id = ${me}
                 ORDER BY c.created_at DESC, c.id DESC LIMIT 1) f ON true
         WHERE p.organisation_id = ${org} AND p.id = ${me}`,
    personRow,
  );
  if (!row) throw new Error('the signed-in person no longer exists');
  return {
    name: row.name,
    careerStage: { key: row.stageKey, name: row.stageName },
    selfAssessment: row.submitted ? 'submitted' : row.open ? 'in-progress' : 'none',
    feedback: { status: feedbackStatus(row.campaignStatus), campaignId: row.campaignId },
  };
}

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

/**
 * The viewer's active plan as rows: one per experiment of each active focus area (a focus area
 * without experiments gives one row with null experiment columns; a plan without focus areas one
 * row with null focus columns), in the plan's order; none without an active plan. For open
 * (planned, running) experiments, the last practice and the practice logged in the 7 days before
 * `now` (the app's clock, so tests can move it).
 * Indexes used: development_plans_one_active, plan_focus_areas_in_plan, plan_experiments_focus,
 * plan_practice_logs_experiment. Owner-first filters keep the row-level policy cheap (0014).
 */
export async function readPlanRows(scope: TenantScope): Promise<PlanRow[]> {
  const { tx, organisationId: org, viewer } = scope;
  const me = viewer.personId;
  const since = new Date(scope.now().getTime() - PRACTICE_WINDOW_DAYS * 86_400_000).toISOString();
  return queryRows(
    tx,
    sql`SELECT pl.id::text AS "planId", pl.title AS "planTitle", pl.started_at AS "startedAt",
               f.id::text AS "focusId", f.kind, f.capability_key AS "capabilityKey",
               f.title AS "focusTitle", f.goal,
               e.id::text AS "experimentId", e.action, e.status,
               e.starts_on::text AS "startsOn", e.review_on::text AS "reviewOn",
               e.source_module_id::text AS "sourceModuleId",
               lp.last_at AS "lastPracticeAt", coalesce(lp.recent, 0)::int AS "recentPractice"
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
         WHERE pl.organisation_id = ${org} AND pl.owner_id = ${me} AND pl.status = 'active'
         ORDER BY f.position NULLS FIRST, f.id, e.starts_on, e.id`,
    planRow,
  );
}
