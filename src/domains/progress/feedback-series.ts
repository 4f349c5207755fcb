// 360 figures over time for the signed-in person, and what the organisation's released 360s say
// about each scale. Only released (frozen) report figures are read: the disclosure module decided
// them once, and nothing here goes back to a rater's answers (DESIGN §3.1). A figure is "others" as
// the report shows it (the all-raters mean when released, else the mean of the groups shown).
import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { queryRows } from '../../platform/db/rows.ts';
import type { TenantScope } from '../../platform/scope.ts';
import { feedbackCampaigns } from '../feedback/schema.ts';
import type { CapabilityDefinition } from '../framework/definition.ts';
import { type FeedbackMeasurement, figuresOf, releasedFigure } from './comparisons.ts';
import { type OrganisationEstimate, organisationEstimate } from './measured-change.ts';
import { keyArray, type ProgressScope, type ScaleToEstimate } from './self-series.ts';

/** The person's released 360s and pulses as their subject, oldest first. */
export async function feedbackMeasurements(scope: ProgressScope): Promise<FeedbackMeasurement[]> {
  const rows = await scope.tx
    .select({
      id: feedbackCampaigns.id,
      kind: feedbackCampaigns.kind,
      versionId: feedbackCampaigns.versionId,
      report: feedbackCampaigns.report,
      releasedAt: feedbackCampaigns.releasedAt,
    })
    .from(feedbackCampaigns)
    .where(
      and(
        eq(feedbackCampaigns.organisationId, scope.organisationId),
        eq(feedbackCampaigns.subjectId, scope.viewer.personId),
        eq(feedbackCampaigns.status, 'released'),
      ),
    )
    .orderBy(asc(feedbackCampaigns.releasedAt), asc(feedbackCampaigns.id));
  return rows.map((row) => ({
    campaignId: row.id,
    kind: row.kind,
    date: row.releasedAt!,
    versionId: row.versionId,
    ...figuresOf(row.report!),
  }));
}

const itemFigures = z.object({
  items: z.record(
    z.string(),
    z.object({
      all: z.object({ n: z.number(), mean: z.number() }).nullable(),
      groups: z.array(z.object({ n: z.number(), mean: z.number() })).nullable(),
    }),
  ),
});

/**
 * Alpha and SD of capabilities as others rate them, over the organisation's released full 360s: one
 * report per subject (their first; pulses ask a few items only), each item's released "others" figure as that subject's
 * answer, complete on the capability's items. The unit is the person rated, which is what a
 * re-rating compares; the figures are released ones, so this reads nothing the reports did not show.
 */
export async function feedbackScaleEstimates(
  scope: Pick<TenantScope, 'tx' | 'organisationId'>,
  scales: ReadonlyArray<ScaleToEstimate>,
): Promise<Map<string, OrganisationEstimate>> {
  const asked = scales.map(({ capability, points }) => ({ capability, points, items: itemsOf(capability) }));
  const keys = [...new Set(asked.flatMap((s) => s.items.map((item) => item.key)))];
  if (!keys.length) return new Map();
  const rows = await queryRows(
    scope.tx,
    sql`SELECT DISTINCT ON (c.subject_id)
               COALESCE((SELECT jsonb_object_agg(i ->> 'itemId', jsonb_build_object(
                                  'all', i -> 'allRaters',
                                  'groups', i -> 'groups'))
                           FROM jsonb_array_elements(c.report -> 'items') i
                          WHERE i ->> 'itemId' = ANY(${keyArray(keys)})), '{}'::jsonb) AS items
          FROM feedback_campaigns c
         WHERE c.organisation_id = ${scope.organisationId} AND c.status = 'released' AND c.kind = 'full'
         ORDER BY c.subject_id, c.released_at, c.id`,
    itemFigures,
  );
  const subjects = rows.map(
    (row) =>
      new Map(
        Object.entries(row.items).flatMap(([key, f]) => {
          const figure = releasedFigure({ allRaters: f.all, groups: f.groups ?? [] });
          return figure ? [[key, figure.score] as const] : [];
        }),
      ),
  );
  return new Map(
    asked.map(({ capability, points, items }) => [
      capability.key,
      organisationEstimate(
        subjects.map((scores) => items.map((item) => scores.get(item.key) ?? null)),
        // Released figures are already scored (reverse-keyed items mirrored): no reversal here.
        items.map((item) => ({ item: item.key, reversed: false })),
        { min: 1, max: points },
      ),
    ]),
  );
}

export const itemsOf = (capability: CapabilityDefinition) => capability.items.filter((item) => !item.retired);
