// What the cohort dashboard counts, per enrolled person, in ONE statement. It reads other people's
// plans, pathways, journal and check-ins, which are owner-only (docs/decisions/0014), so it runs as
// the system, filtered by organisation in every subquery; it reads dates, counts and statuses only,
// never a word of anyone's text, and nothing of it leaves the server except counts that
// disclosure control released (dashboard.ts, docs/decisions/0023). The journey's dated facts are
// the home page's own definition (journeyDateColumns), not a copy.
import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../../platform/db/database.ts';
import { col, queryRows } from '../../platform/db/rows.ts';
import { JOURNEY_DEFAULTS } from '../home/constants.ts';
import { journeyDateColumns } from '../home/read-facts.ts';

const personRow = z.object({
  personId: col.text,
  teamId: z.string().nullable(),
  teamName: z.string().nullable(),
  selfAssessmentAt: col.timestamp.nullable(),
  feedbackReleasedAt: col.timestamp.nullable(),
  lastReflectionAt: col.timestamp.nullable(),
  lastCheckInAt: col.timestamp.nullable(),
  feedbackUnderWay: z.boolean(),
  planStartedAt: col.timestamp.nullable(),
  runningExperiments: col.count,
  pathwayWithModule: z.boolean(),
  invited: z.boolean(),
  /** Self-assessments submitted since the programme started. */
  assessmentsSinceStart: col.count,
  pulseReleasedSinceStart: z.boolean(),
  pulseSinceEnd: z.boolean(),
  knowledgeMonths: col.count,
  leadershipDays: col.count,
});
export type CohortPerson = z.infer<typeof personRow>;

/**
 * Running experiments of a person's active focus areas in a plan: the "practising" fact, as the cohort
 * dashboard and organisation analytics both count it (one definition).
 */
export function runningExperimentsColumn(org: string, planId: SQL, personId: SQL): SQL {
  return sql`coalesce((SELECT count(*)::int FROM plan_focus_areas f
                         JOIN plan_experiments x
                           ON x.organisation_id = f.organisation_id AND x.focus_id = f.id AND x.owner_id = f.owner_id
                        WHERE f.organisation_id = ${org} AND f.plan_id = ${planId} AND f.owner_id = ${personId}
                          AND f.status = 'active' AND x.status = 'running'), 0)`;
}

/** Whether the person has a live pathway with at least one module (the self-leadership fact). */
export function pathwayWithModuleColumn(org: string, personId: SQL): SQL {
  return sql`EXISTS (SELECT 1 FROM learning_pathways pw
                       JOIN learning_pathway_steps ps
                         ON ps.organisation_id = pw.organisation_id AND ps.pathway_id = pw.id AND ps.owner_id = pw.owner_id
                      WHERE pw.organisation_id = ${org} AND pw.owner_id = ${personId} AND pw.archived_at IS NULL)`;
}

/** Everyone enrolled and not left (alumni included), with the facts the dashboard counts; `tx` is the system's. */
export async function readCohort(
  tx: Tx,
  organisationId: string,
  programme: { id: string; startsOn: string; endsOn: string },
): Promise<CohortPerson[]> {
  const org = organisationId;
  const start = `${programme.startsOn}T00:00:00Z`;
  const end = `${programme.endsOn}T23:59:59.999Z`;
  return queryRows(
    tx,
    sql`SELECT e.person_id::text AS "personId", t.id::text AS "teamId", t.name AS "teamName",
                 ${journeyDateColumns(org, sql`e.person_id`)},
                 coalesce((SELECT c.status <> 'released' FROM feedback_campaigns c
                            WHERE c.organisation_id = ${org} AND c.subject_id = e.person_id AND c.kind = 'full'
                            ORDER BY c.created_at DESC, c.id DESC LIMIT 1), false) AS "feedbackUnderWay",
                 pl.started_at AS "planStartedAt",
                 ${runningExperimentsColumn(org, sql`pl.id`, sql`e.person_id`)} AS "runningExperiments",
                 ${pathwayWithModuleColumn(org, sql`e.person_id`)} AS "pathwayWithModule",
                 EXISTS (SELECT 1 FROM programme_launches l
                          WHERE l.organisation_id = ${org} AND l.programme_id = e.programme_id
                            AND l.person_id = e.person_id) AS invited,
                 (SELECT count(*)::int FROM assessments a
                   WHERE a.organisation_id = ${org} AND a.person_id = e.person_id AND a.status = 'submitted'
                     AND a.submitted_at >= ${start}::timestamptz) AS "assessmentsSinceStart",
                 EXISTS (SELECT 1 FROM feedback_campaigns c
                          WHERE c.organisation_id = ${org} AND c.subject_id = e.person_id AND c.kind = 'pulse'
                            AND c.status = 'released' AND c.released_at >= ${start}::timestamptz) AS "pulseReleasedSinceStart",
                 EXISTS (SELECT 1 FROM feedback_campaigns c
                          WHERE c.organisation_id = ${org} AND c.subject_id = e.person_id AND c.kind = 'pulse'
                            AND c.created_at > ${end}::timestamptz) AS "pulseSinceEnd",
                 coalesce(js.knowledge_months, ${JOURNEY_DEFAULTS.knowledgeMonths}) AS "knowledgeMonths",
                 coalesce(js.leadership_days, ${JOURNEY_DEFAULTS.leadershipDays}) AS "leadershipDays"
            FROM programme_enrolments e
            JOIN people p ON p.organisation_id = e.organisation_id AND p.id = e.person_id
            LEFT JOIN teams t ON t.organisation_id = p.organisation_id AND t.id = p.team_id
            LEFT JOIN journey_settings js ON js.organisation_id = e.organisation_id
            LEFT JOIN development_plans pl
                   ON pl.organisation_id = e.organisation_id AND pl.owner_id = e.person_id AND pl.status = 'active'
           WHERE e.organisation_id = ${org} AND e.programme_id = ${programme.id} AND e.left_at IS NULL
           ORDER BY e.person_id`,
    personRow,
  );
}
