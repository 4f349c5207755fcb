// The input of one organisation's monthly analytics snapshot (docs/decisions/0025, 0027), read in
// ONE statement: every person with their team, career stage, the programme they were enrolled in
// during the month, their latest self-assessment submitted by the month's end, and the facts of the
// participation funnel. It runs as the system (plans and pathways are owner-only, 0014) and filters
// every table by organisation_id, which is also what keeps it on one shard under Citus (ADR 0027).
// It reads dates, counts, statuses and answer values only, never anyone's text. Scoring is the
// profile's own (assessments' scoreProfile on the version each assessment was taken on).

import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AnalyticsSnapshotInput } from '../../core/disclosure/index.ts';
import type { DatabaseKind, Tx } from '../../platform/db/database.ts';
import { col, queryRows } from '../../platform/db/rows.ts';
import { yieldToRequests } from '../../platform/threads/event-loop.ts';
import { scoreProfile } from '../assessments/profile.ts';
import { currentVersion, publishedVersion } from '../framework/service.ts';
import { pathwayWithModuleColumn, runningExperimentsColumn } from '../programmes/cohort-read.ts';
import { FUNNEL, funnelReached } from '../programmes/funnel.ts';
import { type CompactPeople, CompactPeopleBuilder } from './compact-people.ts';
import { FUNNEL_STEPS } from './contracts.ts';
import { type Labels, measureIds } from './labels.ts';

/** The month's first instant and the next month's first instant (UTC), for a YYYY-MM period. */
export function monthBounds(period: string): { start: string; end: string } {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return { start: `${period}-01T00:00:00Z`, end: `${next}-01T00:00:00Z` };
}

export function periodOf(date: Date): string {
  return date.toISOString().slice(0, 7);
}

const personRow = z.object({
  personId: col.text,
  teamId: z.string().nullable(),
  stage: col.text,
  programmeId: z.string().nullable(),
  assessmentId: z.string().nullable(),
  versionId: z.string().nullable(),
  answers: z.record(z.string(), z.number().nullable()).nullable(),
  invited: z.boolean(),
  assessmentsSinceStart: col.count,
  planStartedAt: col.timestamp.nullable(),
  runningExperiments: col.count,
  pathwayWithModule: z.boolean(),
  pulseReleasedSinceStart: z.boolean(),
});
type PersonRow = z.output<typeof personRow>;

/**
 * People are read a page at a time (keyset on the primary key) and each page is reduced to the
 * measures before the next is read: at 100,000 people the raw rows with their answers held at once
 * were most of the decision's memory (over 1 GB), the reduced input is about 40 MB.
 */
const PEOPLE_PER_READ = 2000;

/** The core's input with its people in columns (compact-people.ts). */
export type CompactSnapshotInput = Omit<AnalyticsSnapshotInput, 'people'> & { people: CompactPeople };

/**
 * Everyone not disabled (the job decides the current month only, so everyone exists by its end). "Since start" is since the start of the
 * programme they are enrolled in, or ever for people in none (the funnel's meaning, funnel.ts).
 * Facts without a history (running experiments, pathways) are as of the decision: snapshots are
 * decided for the current month and then frozen.
 */
function peopleQuery(org: string, period: string, after: string | null): SQL {
  const { start, end } = monthBounds(period);
  return sql`SELECT p.id::text AS "personId", p.team_id::text AS "teamId", cs.key AS stage,
               enr.programme_id::text AS "programmeId",
               la.id::text AS "assessmentId", la.version_id::text AS "versionId", la.answers,
               EXISTS (SELECT 1 FROM programme_launches l
                        WHERE l.organisation_id = ${org} AND l.person_id = p.id
                          AND l.launched_at < ${end}::timestamptz) AS invited,
               (SELECT count(*)::int FROM assessments a
                 WHERE a.organisation_id = ${org} AND a.person_id = p.id AND a.status = 'submitted'
                   AND a.submitted_at < ${end}::timestamptz
                   AND (enr.starts_on IS NULL OR a.submitted_at >= enr.starts_on::timestamptz)) AS "assessmentsSinceStart",
               pl.started_at AS "planStartedAt",
               ${runningExperimentsColumn(org, sql`pl.id`, sql`p.id`)} AS "runningExperiments",
               ${pathwayWithModuleColumn(org, sql`p.id`)} AS "pathwayWithModule",
               EXISTS (SELECT 1 FROM feedback_campaigns c
                        WHERE c.organisation_id = ${org} AND c.subject_id = p.id AND c.kind = 'pulse'
                          AND c.status = 'released' AND c.released_at < ${end}::timestamptz
                          AND (enr.starts_on IS NULL OR c.released_at >= enr.starts_on::timestamptz)) AS "pulseReleasedSinceStart"
          FROM people p
          JOIN career_stages cs ON cs.organisation_id = p.organisation_id AND cs.id = p.career_stage_id
          LEFT JOIN LATERAL (
            SELECT e.programme_id, pr.starts_on FROM programme_enrolments e
              JOIN programmes pr ON pr.organisation_id = e.organisation_id AND pr.id = e.programme_id
             WHERE e.organisation_id = ${org} AND e.person_id = p.id
               AND e.enrolled_at < ${end}::timestamptz AND (e.left_at IS NULL OR e.left_at >= ${start}::timestamptz)
               AND pr.starts_on < ${end}::date AND pr.ends_on >= ${start}::date
             ORDER BY e.enrolled_at DESC, e.programme_id LIMIT 1) enr ON true
          LEFT JOIN LATERAL (
            SELECT a.id, a.version_id, a.answers FROM assessments a
             WHERE a.organisation_id = ${org} AND a.person_id = p.id AND a.status = 'submitted'
               AND a.submitted_at < ${end}::timestamptz
             ORDER BY a.submitted_at DESC, a.id DESC LIMIT 1) la ON true
          LEFT JOIN development_plans pl
                 ON pl.organisation_id = p.organisation_id AND pl.owner_id = p.id AND pl.status = 'active'
                AND pl.started_at < ${end}::timestamptz
         WHERE p.organisation_id = ${org} AND p.status <> 'disabled'
           ${after === null ? sql`` : sql`AND p.id > ${after}::uuid`}
         ORDER BY p.id LIMIT ${PEOPLE_PER_READ}`;
}

/** The names readers need, and the lattice's dimensions (teams, stages, programmes). */
async function readLabels(tx: Tx, kind: DatabaseKind, org: string, period: string): Promise<Labels> {
  const { start, end } = monthBounds(period);
  const [teams, stages, programmes, version] = await Promise.all([
    queryRows(
      tx,
      sql`SELECT id::text, name, parent_team_id::text AS "parentTeamId" FROM teams
           WHERE organisation_id = ${org} ORDER BY name, id`,
      z.object({ id: col.text, name: col.text, parentTeamId: z.string().nullable() }),
    ),
    queryRows(
      tx,
      sql`SELECT cs.key, cs.name, e.lead_share AS expected FROM career_stages cs
            LEFT JOIN stage_balance_expectations e
                   ON e.organisation_id = cs.organisation_id AND e.career_stage_id = cs.id
           WHERE cs.organisation_id = ${org} ORDER BY cs.position`,
      z.object({ key: col.text, name: col.text, expected: col.number.nullable() }),
    ),
    queryRows(
      tx,
      sql`SELECT id::text, name FROM programmes
           WHERE organisation_id = ${org} AND starts_on < ${end}::date AND ends_on >= ${start}::date
           ORDER BY starts_on, name, id`,
      z.object({ id: col.text, name: col.text }),
    ),
    currentVersion(tx, kind, org),
  ]);
  const capabilities = scoreProfile(version.definition, new Map(), null);
  return {
    teams,
    stages,
    programmes,
    capabilities: capabilities.capabilities.map((c) => ({ key: c.key, name: c.name })),
    derailers: capabilities.derailers.map((d) => ({ key: d.key, name: d.name })),
  };
}

/**
 * The snapshot input and its labels. Measures: each capability's score (mean), the lead share
 * (mean, 0–1), each derailer flagged "frequent" among those assessed (count), and each funnel step
 * reached among everyone (count). Assessment-based values carry the assessment id as observation,
 * so a re-assessment is a new observation (ADR 0025); funnel steps persist by person.
 */
export async function readSnapshotInput(
  tx: Tx,
  kind: DatabaseKind,
  organisationId: string,
  period: string,
): Promise<{ input: CompactSnapshotInput; labels: Labels }> {
  const labels = await readLabels(tx, kind, organisationId, period);
  const ids = measureIds(labels);
  const funnel = FUNNEL_STEPS.map((s) => ({ id: ids.funnel(s), kind: 'count' as const, observed: false }));
  const measures = [
    ...labels.capabilities.map((c) => ({ id: ids.capability(c.key), kind: 'mean' as const, observed: true })),
    { id: ids.balance, kind: 'mean' as const, observed: true },
    ...labels.derailers.map((d) => ({ id: ids.derailer(d.key), kind: 'count' as const, observed: true })),
    ...funnel,
  ];
  const teamIds = new Set(labels.teams.map((t) => t.id));
  const programmeIds = new Set(labels.programmes.map((p) => p.id));
  // FUNNEL_STEPS is the programmes funnel: a step's index is the step funnelReached counts to.
  FUNNEL_STEPS.forEach((step, k) => {
    if (FUNNEL[k] !== step) throw new Error(`funnel step ${k} differs: ${FUNNEL[k]} vs ${step}`);
  });
  const people = new CompactPeopleBuilder(measures);
  for (let after: string | null = null; ; ) {
    const rows: PersonRow[] = await queryRows(tx, peopleQuery(organisationId, period, after), personRow);
    for (const [k, row] of rows.entries()) {
      if (k % 500 === 499) await yieldToRequests();
      const values = new Map<string, number | null>();
      if (row.assessmentId && row.versionId && row.answers) {
        const version = await publishedVersion(tx, kind, organisationId, row.versionId);
        const profile = scoreProfile(version.definition, new Map(Object.entries(row.answers)), null);
        const scored = (id: string, value: number | null) => {
          // A capability the current framework no longer has is left out.
          if (ids.known.has(id)) values.set(id, value);
        };
        for (const c of profile.capabilities) scored(ids.capability(c.key), c.score);
        for (const d of profile.derailers)
          scored(ids.derailer(d.key), d.band === null ? null : d.band === 'frequent' ? 1 : 0);
        scored(ids.balance, profile.balance.leadShare);
      }
      const reached = funnelReached(row);
      FUNNEL_STEPS.forEach((step, k) => {
        values.set(ids.funnel(step), reached >= k ? 1 : 0);
      });
      people.add(
        {
          personId: row.personId,
          teamId: row.teamId !== null && teamIds.has(row.teamId) ? row.teamId : null,
          stage: row.stage,
          programmeId: row.programmeId !== null && programmeIds.has(row.programmeId) ? row.programmeId : null,
          assessmentId: row.assessmentId,
        },
        values,
      );
    }
    if (rows.length < PEOPLE_PER_READ) break;
    after = rows[rows.length - 1]!.personId;
  }
  return {
    input: {
      teams: labels.teams.map((t) => ({ id: t.id, parentTeamId: t.parentTeamId })),
      stages: labels.stages.map((s) => s.key),
      programmes: labels.programmes.map((p) => p.id),
      measures: measures.map(({ id, kind }) => ({ id, kind })),
      people: people.build(),
    },
    labels,
  };
}

/**
 * When the inputs last changed, cheaply (each a max over an organisation-keyed index): a released
 * 360 or pulse, a submitted assessment, a closed climate round, a person's change (team, stage),
 * an enrolment, a plan. The job re-decides the month only when this moved since its decision.
 */
export async function lastChangeAt(tx: Tx, org: string): Promise<Date | null> {
  const [row] = await queryRows(
    tx,
    sql`SELECT GREATEST(
              (SELECT max(submitted_at) FROM assessments WHERE organisation_id = ${org} AND status = 'submitted'),
              (SELECT max(released_at) FROM feedback_campaigns WHERE organisation_id = ${org}),
              (SELECT max(closed_at) FROM climate_rounds WHERE organisation_id = ${org}),
              (SELECT max(updated_at) FROM people WHERE organisation_id = ${org}),
              (SELECT max(GREATEST(enrolled_at, left_at)) FROM programme_enrolments WHERE organisation_id = ${org}),
              (SELECT max(launched_at) FROM programme_launches WHERE organisation_id = ${org}),
              (SELECT max(started_at) FROM development_plans WHERE organisation_id = ${org})
            ) AS at`,
    z.object({ at: col.timestamp.nullable() }),
  );
  return row?.at ?? null;
}
