// Self-assessment scores over time for the signed-in person, and what the organisation's own
// self-assessments say about each scale (alpha, SD). Scores are the profile's own (assessments'
// scoreProfile against the version each assessment was taken on), so this page and the profile
// never disagree.
import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { queryRows } from '../../platform/db/rows.ts';
import type { TenantScope } from '../../platform/scope.ts';
import { scoreProfile } from '../assessments/profile.ts';
import { assessments } from '../assessments/schema.ts';
import type { CapabilityDefinition } from '../framework/definition.ts';
import { publishedVersion } from '../framework/service.ts';
import { type OrganisationEstimate, organisationEstimate } from './measured-change.ts';

export type ProgressScope = Pick<TenantScope, 'tx' | 'kind' | 'organisationId' | 'viewer'>;

export interface SelfMeasurement {
  assessmentId: string;
  date: Date;
  /** Capability key → score on its scale (derailers: how often), null when not scored. */
  scores: Map<string, number | null>;
}

/** The person's submitted self-assessments, oldest first, each scored on its own version. */
export async function selfMeasurements(scope: ProgressScope): Promise<SelfMeasurement[]> {
  const rows = await scope.tx
    .select({
      id: assessments.id,
      versionId: assessments.versionId,
      answers: assessments.answers,
      submittedAt: assessments.submittedAt,
    })
    .from(assessments)
    .where(
      and(
        eq(assessments.organisationId, scope.organisationId),
        eq(assessments.personId, scope.viewer.personId),
        eq(assessments.status, 'submitted'),
      ),
    )
    .orderBy(asc(assessments.submittedAt), asc(assessments.id));
  const measurements: SelfMeasurement[] = [];
  for (const row of rows) {
    const version = await publishedVersion(scope.tx, scope.kind, scope.organisationId, row.versionId);
    const profile = scoreProfile(version.definition, new Map(Object.entries(row.answers)), null);
    const scores = new Map<string, number | null>([
      ...profile.capabilities.map((c) => [c.key, c.score] as const),
      ...profile.derailers.map((d) => [d.key, d.frequency] as const),
    ]);
    measurements.push({ assessmentId: row.id, date: row.submittedAt!, scores });
  }
  return measurements;
}

/** A text[] literal of parameters (the same on both drivers). */
export const keyArray = (keys: ReadonlyArray<string>) =>
  sql`ARRAY[${sql.join(
    keys.map((key) => sql`${key}`),
    sql`, `,
  )}]::text[]`;

const answersRow = z.object({ answers: z.record(z.string(), z.number().nullable()) });

export interface ScaleToEstimate {
  capability: CapabilityDefinition;
  /** Points of its response scale (answers are 1..points). */
  points: number;
}

/**
 * Alpha and SD of self-assessed capabilities over the organisation: one response per person, their
 * first submitted assessment (the baseline: Jacobson–Truax take the SD of the pre-test population),
 * complete on the capability's items as asked now. One query for every capability asked for.
 */
export async function selfScaleEstimates(
  scope: Pick<TenantScope, 'tx' | 'organisationId'>,
  scales: ReadonlyArray<ScaleToEstimate>,
): Promise<Map<string, OrganisationEstimate>> {
  const asked = scales.map(({ capability, points }) => ({
    capability,
    points,
    items: capability.items.filter((item) => !item.retired),
  }));
  const keys = [...new Set(asked.flatMap((s) => s.items.map((item) => item.key)))];
  if (!keys.length) return new Map();
  // Only these items' answers leave the database, not whole answer sets.
  const rows = await queryRows(
    scope.tx,
    sql`SELECT DISTINCT ON (person_id)
               COALESCE((SELECT jsonb_object_agg(a.key, a.value) FROM jsonb_each(answers) a
                          WHERE a.key = ANY(${keyArray(keys)}) AND a.value <> 'null'::jsonb), '{}'::jsonb) AS answers
          FROM assessments
         WHERE organisation_id = ${scope.organisationId} AND status = 'submitted'
         ORDER BY person_id, submitted_at, id`,
    answersRow,
  );
  return new Map(
    asked.map(({ capability, points, items }) => [
      capability.key,
      organisationEstimate(
        rows.map((r) => items.map((item) => r.answers[item.key] ?? null)),
        items.map((item) => ({ item: item.key, reversed: item.reversed })),
        { min: 1, max: points },
      ),
    ]),
  );
}
