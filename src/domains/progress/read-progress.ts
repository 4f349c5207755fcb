// GET /api/progress: the signed-in person's measured change per capability (self-assessment against
// their first, 360 against their first) and per focus behaviour (pulse against its baseline 360),
// with the timeline and their experiments. Everything read is the viewer's own, in their tenant
// transaction; the organisation's data contributes only alpha and SD per scale.
import { and, asc, eq } from 'drizzle-orm';
import { normalQuantile } from '../../core/psychometrics/index.ts';
import type { TenantScope } from '../../platform/scope.ts';
import { planExperiments, planFocusAreas } from '../development/schema.ts';
import { type PulseComparison, releasedPulseComparison } from '../feedback/pulse-report.ts';
import {
  type CapabilityDefinition,
  responseScaleOf,
  selfAssessedCapabilities,
} from '../framework/definition.ts';
import { currentVersion } from '../framework/service.ts';
import { behaviourPoints, changeOf } from './comparisons.ts';
import type {
  ProgressCapability,
  ProgressChange,
  ProgressExperiment,
  ProgressPoint,
  ProgressResponse,
} from './contracts.ts';
import { feedbackMeasurements, feedbackScaleEstimates, itemsOf } from './feedback-series.ts';
import {
  DEFAULT_RELIABILITY,
  DEFAULT_SD_SHARE_OF_RANGE,
  itemStatistics,
  MIN_ORGANISATION_RESPONSES,
  type OrganisationEstimate,
  scaleStatistics,
} from './measured-change.ts';
import { type ScaleToEstimate, selfMeasurements, selfScaleEstimates } from './self-series.ts';

const CRITICAL_VALUE = normalQuantile(0.975);

export const METHOD_STATEMENT =
  'A change is reliable when the reliable change index, (latest − baseline) ÷ S_diff, is beyond ±1.96 ' +
  '(Jacobson & Truax, 1991), where S_diff = √2 × SD × √(1 − reliability). The reliability is the ' +
  `organisation’s own Cronbach’s alpha for the scale and the SD its baseline SD, once at least ` +
  `${MIN_ORGANISATION_RESPONSES} complete responses exist; until then ${DEFAULT_RELIABILITY.toFixed(2)} ` +
  `and ${DEFAULT_SD_SHARE_OF_RANGE} × the scale’s range are used, marked as defaults. A single behaviour ` +
  'gets the reliability one item of its scale has by the Spearman–Brown formula. 360 and pulse figures ' +
  'are the released report figures (“others”).';

async function experimentsOf(scope: TenantScope): Promise<ProgressExperiment[]> {
  const rows = await scope.tx
    .select({
      id: planExperiments.id,
      title: planExperiments.action,
      startsOn: planExperiments.startsOn,
      reviewOn: planExperiments.reviewOn,
      status: planExperiments.status,
      focusTitle: planFocusAreas.title,
      capabilityKey: planFocusAreas.capabilityKey,
    })
    .from(planExperiments)
    .innerJoin(
      planFocusAreas,
      and(
        eq(planFocusAreas.organisationId, planExperiments.organisationId),
        eq(planFocusAreas.id, planExperiments.focusId),
      ),
    )
    // Owner first: the row policy is then checked on the person's rows only (ADR 0014).
    .where(
      and(
        eq(planExperiments.organisationId, scope.organisationId),
        eq(planExperiments.ownerId, scope.viewer.personId),
      ),
    )
    .orderBy(asc(planExperiments.startsOn), asc(planExperiments.id));
  return rows.map(({ focusTitle, capabilityKey, ...e }) => ({
    ...e,
    focus: { title: focusTitle, capabilityKey },
  }));
}

export async function readProgress(scope: TenantScope): Promise<ProgressResponse> {
  const version = await currentVersion(scope.tx, scope.kind, scope.organisationId);
  const definition = version.definition;
  const self = await selfMeasurements(scope);
  const released = await feedbackMeasurements(scope);
  const feedback = released.filter((m) => m.kind === 'full');
  const pulses: PulseComparison[] = [];
  for (const m of released.filter((r) => r.kind === 'pulse')) {
    const comparison = await releasedPulseComparison(scope.tx, scope.organisationId, m.campaignId);
    if (comparison) pulses.push(comparison);
  }

  const capabilities = selfAssessedCapabilities(definition).map((capability) => {
    const scale = responseScaleOf(definition, capability);
    const selfPoints: ProgressPoint[] = self.flatMap((m) => {
      const score = m.scores.get(capability.key);
      return score == null
        ? []
        : [
            {
              kind: 'self' as const,
              sourceId: m.assessmentId,
              date: m.date.toISOString(),
              score,
              raters: null,
            },
          ];
    });
    const feedbackPoints: ProgressPoint[] = feedback.flatMap((m) => {
      const figure = m.capabilities.get(capability.key);
      return figure
        ? [{ kind: '360' as const, sourceId: m.campaignId, date: m.date.toISOString(), ...figure }]
        : [];
    });
    const behaviours = itemsOf(capability).flatMap((item) => {
      const points = behaviourPoints(item.key, pulses);
      return points.length ? [{ item, points }] : [];
    });
    return { capability, scale, selfPoints, feedbackPoints, behaviours };
  });

  // The organisation's alpha and SD only for the scales with something to compare.
  const toEstimate = (needed: (c: (typeof capabilities)[number]) => boolean): ScaleToEstimate[] =>
    capabilities.filter(needed).map((c) => ({ capability: c.capability, points: c.scale.labels.length }));
  const selfEstimates = await selfScaleEstimates(
    scope,
    toEstimate((c) => c.selfPoints.length >= 2),
  );
  const feedbackEstimates = await feedbackScaleEstimates(
    scope,
    toEstimate((c) => c.feedbackPoints.length >= 2 || c.behaviours.some((b) => b.points.length >= 2)),
  );
  const statisticsOf = (
    estimates: Map<string, OrganisationEstimate>,
    capability: CapabilityDefinition,
    points: number,
  ) => {
    const estimate = estimates.get(capability.key);
    return estimate && scaleStatistics(estimate, { min: 1, max: points });
  };
  const behaviourStatistics = (capability: CapabilityDefinition, itemKey: string, points: number) => {
    const estimate = feedbackEstimates.get(capability.key);
    const index = itemsOf(capability).findIndex((item) => item.key === itemKey);
    return estimate && itemStatistics(estimate, index, { min: 1, max: points });
  };

  const result: ProgressCapability[] = capabilities
    .filter((c) => c.selfPoints.length || c.feedbackPoints.length || c.behaviours.length)
    .map(({ capability, scale, selfPoints, feedbackPoints, behaviours }) => {
      const points = scale.labels.length;
      const higherIsBetter = !capability.derailer;
      const changes = [
        changeOf(selfPoints, statisticsOf(selfEstimates, capability, points), higherIsBetter),
        changeOf(feedbackPoints, statisticsOf(feedbackEstimates, capability, points), higherIsBetter),
      ].filter((c): c is ProgressChange => c !== null);
      return {
        key: capability.key,
        name: capability.name,
        derailer: capability.derailer,
        higherIsBetter,
        scale: { min: 1, max: points, labels: scale.labels },
        points: [...selfPoints, ...feedbackPoints].sort((a, b) => a.date.localeCompare(b.date)),
        changes,
        behaviours: behaviours.map(({ item, points: itemPoints }) => ({
          key: item.key,
          text: item.observer,
          points: itemPoints,
          change: changeOf(itemPoints, behaviourStatistics(capability, item.key, points), higherIsBetter),
        })),
      };
    });

  return {
    method: {
      criticalValue: CRITICAL_VALUE,
      minimumN: MIN_ORGANISATION_RESPONSES,
      defaultReliability: DEFAULT_RELIABILITY,
      defaultSdShareOfRange: DEFAULT_SD_SHARE_OF_RANGE,
      statement: METHOD_STATEMENT,
    },
    capabilities: result,
    experiments: await experimentsOf(scope),
  };
}
