// A released pulse as people read it, and as the change statistics read it: the pulse's frozen
// released figures per behaviour beside the 360's frozen released figures for the same behaviour.
// Nothing is recomputed: a baseline figure over the pulse's (smaller) rater set would be exactly the
// subtraction the disclosure check prevents, so only what each report released is ever compared.
import { and, eq } from 'drizzle-orm';
import type { RaterGroup, ReleasedItem, ReleasedReport } from '../../core/disclosure/index.ts';
import type { Tx } from '../../platform/db/database.ts';
import { conflict } from '../../platform/http/errors.ts';
import type { TenantScope } from '../../platform/scope.ts';
import { publishedVersion } from '../framework/service.ts';
import { findCampaignFor } from './campaign-row.ts';
import { OPEN_QUESTIONS, PULSE_QUESTION, type PulseReport } from './contracts.ts';
import { instrumentOf } from './instrument.ts';
import { allowed, guard } from './lifecycle.ts';
import { feedbackCampaigns } from './schema.ts';

const round = (x: number) => Math.round(x * 100) / 100;

function figuresOf(item: ReleasedItem | undefined, exact: boolean) {
  const value = exact ? (x: number) => x : round;
  return {
    groups: (item?.groups ?? []).map((g) => ({ group: g.group, n: g.n, mean: value(g.mean) })),
    allRaters: item?.allRaters ? { n: item.allRaters.n, mean: value(item.allRaters.mean) } : null,
  };
}

async function frozen(tx: Tx, organisationId: string, id: string) {
  const [row] = await tx
    .select({ report: feedbackCampaigns.report, releasedAt: feedbackCampaigns.releasedAt })
    .from(feedbackCampaigns)
    .where(and(eq(feedbackCampaigns.organisationId, organisationId), eq(feedbackCampaigns.id, id)));
  return row?.report && row.releasedAt ? { report: row.report, releasedAt: row.releasedAt } : null;
}

const STATEMENT =
  'Figures are shown only for groups large enough, as in your 360. Because the same people were asked ' +
  'again, a figure is also withheld when comparing it with your 360 could single someone out — for ' +
  'instance when someone in a group did not answer this time. Your 360’s figures are exactly as they were released.';

/** The released pulse for a viewer allowed to read it; the 360's figures only if they may read that too. */
export async function loadPulseReport(scope: TenantScope, id: string): Promise<PulseReport> {
  const { tx, organisationId } = scope;
  const { campaign: c, role } = await findCampaignFor(scope, id);
  guard('readReport', role, c);
  if (c.kind !== 'pulse') throw conflict('this is a full 360, not a pulse: read its report instead');
  const { campaign: baseline, role: baselineRole } = await findCampaignFor(scope, c.baselineCampaignId!);
  const baselineVisible = allowed('readReport', baselineRole, baseline);
  const pulse = (await frozen(tx, organisationId, c.id))!;
  const before = (await frozen(tx, organisationId, baseline.id))!;
  const version = await publishedVersion(tx, scope.kind, organisationId, c.versionId);
  const instrument = instrumentOf(version.definition);
  const pulseItems = new Map(pulse.report.items.map((item) => [item.itemId, item]));
  const baselineItems = new Map(before.report.items.map((item) => [item.itemId, item]));
  const policy = pulse.report.policy;
  const questionKey = new Map<string, string>(
    [...OPEN_QUESTIONS, PULSE_QUESTION].map((q) => [q.text, q.key]),
  );
  return {
    campaignId: c.id,
    subject: { id: c.subjectId, name: c.subjectName },
    releasedAt: pulse.releasedAt.toISOString(),
    version: { id: version.id, number: version.number, name: version.definition.name },
    baseline: {
      campaignId: baseline.id,
      releasedAt: before.releasedAt.toISOString(),
      visible: baselineVisible,
    },
    policy: {
      minimumByGroup: { ...policy.minimumByGroup },
      managerShownSeparately: policy.managerShownSeparately,
      commentMinimum: policy.commentMinimum,
      distributionMinimum: policy.distributionMinimum,
    },
    groups: pulse.report.groups.map((g) => ({ ...g })),
    columns: pulse.report.columns.map((col) => ({ group: col.group, mergedFrom: [...col.mergedFrom] })),
    items: c.itemKeys!.flatMap((key) => {
      const capability = instrument.capabilities.find((ic) => ic.items.some((item) => item.key === key));
      const item = capability?.items.find((i) => i.key === key);
      if (!capability || !item) return [];
      const released = pulseItems.get(key);
      return [
        {
          key,
          text: item.observer,
          reversed: item.reversed,
          capability: {
            key: capability.definition.key,
            name: capability.definition.name,
            derailer: capability.definition.derailer,
          },
          scale: { min: 1, max: capability.labels.length, labels: capability.labels },
          pulse: {
            ...figuresOf(released, false),
            withheld: (released?.withheld ?? []).map((w) => ({ figure: w.figure, reason: w.reason })),
          },
          baseline: baselineVisible ? figuresOf(baselineItems.get(key), false) : null,
        },
      ];
    }),
    comments: pulse.report.comments.map((q) => ({
      question: questionKey.get(q.question) ?? q.question,
      text: q.question,
      buckets: q.buckets.map((b) => ({ group: b.group, texts: [...b.texts] })),
      someWithheld: q.someWithheld,
    })),
    statement: STATEMENT,
  };
}

/** A released mean and the number of raters it rests on. */
export interface ReleasedFigure {
  readonly mean: number;
  readonly n: number;
}

/** Figures are scored (reverse-keyed items mirrored): higher is more of the behaviour in both. */
export interface PulseItemComparison {
  readonly itemKey: string;
  /** The all-raters figure as the 360 released it; null when the 360 withheld it. */
  readonly baseline: ReleasedFigure | null;
  /** The all-raters figure as the pulse released it; null when withheld. */
  readonly pulse: ReleasedFigure | null;
  /** Per rater group, each as its own report released it (null when that report withheld it). */
  readonly groups: ReadonlyArray<{
    readonly group: RaterGroup;
    readonly baseline: ReleasedFigure | null;
    readonly pulse: ReleasedFigure | null;
  }>;
}

export interface PulseComparison {
  readonly pulseCampaignId: string;
  readonly baselineCampaignId: string;
  readonly subjectId: string;
  readonly versionId: string;
  readonly scale: { readonly min: number; readonly max: number };
  readonly baselineReleasedAt: Date;
  readonly pulseReleasedAt: Date;
  readonly items: ReadonlyArray<PulseItemComparison>;
}

function figureOf(report: ReleasedReport, itemKey: string, group: RaterGroup | 'all'): ReleasedFigure | null {
  const item = report.items.find((i) => i.itemId === itemKey);
  if (!item) return null;
  const figure = group === 'all' ? item.allRaters : item.groups.find((g) => g.group === group);
  return figure ? { mean: figure.mean, n: figure.n } : null;
}

/**
 * Per pulse behaviour: the 360's and the pulse's released figures (exact means, not rounded), for
 * the change statistics (reliable change). Null unless `pulseCampaignId` is a released pulse of a
 * released 360. No access check: callers decide who may see what they derive from it.
 */
export async function releasedPulseComparison(
  tx: Tx,
  organisationId: string,
  pulseCampaignId: string,
): Promise<PulseComparison | null> {
  const [c] = await tx
    .select({
      subjectId: feedbackCampaigns.subjectId,
      kind: feedbackCampaigns.kind,
      baselineCampaignId: feedbackCampaigns.baselineCampaignId,
      itemKeys: feedbackCampaigns.itemKeys,
      versionId: feedbackCampaigns.versionId,
    })
    .from(feedbackCampaigns)
    .where(
      and(eq(feedbackCampaigns.organisationId, organisationId), eq(feedbackCampaigns.id, pulseCampaignId)),
    );
  if (c?.kind !== 'pulse') return null;
  const pulse = await frozen(tx, organisationId, pulseCampaignId);
  const before = await frozen(tx, organisationId, c.baselineCampaignId!);
  if (!pulse || !before) return null;
  const groups = new Set<RaterGroup>([
    ...pulse.report.columns.map((col) => col.group),
    ...before.report.columns.map((col) => col.group),
  ]);
  return {
    pulseCampaignId,
    baselineCampaignId: c.baselineCampaignId!,
    subjectId: c.subjectId,
    versionId: c.versionId,
    scale: { min: pulse.report.scale.min, max: pulse.report.scale.max },
    baselineReleasedAt: before.releasedAt,
    pulseReleasedAt: pulse.releasedAt,
    items: c.itemKeys!.map((itemKey) => ({
      itemKey,
      baseline: figureOf(before.report, itemKey, 'all'),
      pulse: figureOf(pulse.report, itemKey, 'all'),
      groups: [...groups].map((group) => ({
        group,
        baseline: figureOf(before.report, itemKey, group),
        pulse: figureOf(pulse.report, itemKey, group),
      })),
    })),
  };
}
