// Deciding an organisation's monthly snapshot (docs/decisions/0025, 0027). One system transaction
// per organisation, holding its advisory lock: two workers deciding at once would each take the
// same earlier sets as `earlier` and release two sets never checked together. Every decision is
// taken against everything every earlier snapshot and version released, kept as their partition.

import { and, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../../platform/db/database.ts';
import type { Services } from '../../platform/services.ts';
import { threadPool } from '../../platform/threads/thread-pool.ts';
import { loadSettings } from '../feedback/settings.ts';
import type { DecideResult, DecideTask } from './decide-thread.ts';
import { type Labels, measureIds } from './labels.ts';
import { analyticsReleasedSets, analyticsSnapshots } from './schema.ts';
import { lastChangeAt, periodOf, readSnapshotInput } from './snapshot-read.ts';

/**
 * At most one decision per organisation a day. Each decision refines what later ones must respect
 * (ADR 0025: earlier sets only add constraints), so deciding on every change would use up the
 * month's releasable cells for changes that move over weeks; the day also bounds the cost (seconds
 * for a large organisation).
 */
export const DECISION_PERIOD_MS = 24 * 60 * 60 * 1000;

/**
 * The decision's computation, off the event loop. 100,000 people in 18,000 teams keep ~350 MB live
 * at most (docs/BENCHMARKS.md); the limit leaves room above that, and the thread exits as soon as it
 * is done (decisions are daily), returning its memory before the result is stored.
 */
const decideThread = threadPool<DecideTask, DecideResult>(new URL('./decide-thread.ts', import.meta.url), {
  heapMb: 512,
  idleMs: 0,
});

/**
 * The organisation's minimum: the strictest of its 360 rater-group minimums (feedback's policy),
 * the same rule as the cohort dashboard, so an analytics figure is never looser than a 360 one.
 */
export async function analyticsMinimum(tx: Tx, organisationId: string): Promise<number> {
  const { policy } = await loadSettings(tx, organisationId);
  return Math.max(...Object.values(policy.minimumByGroup));
}

export interface DecideOptions {
  now: Date;
  /** An admin's refresh: skip the daily bound (still only when something changed). */
  force?: boolean;
}

export type DecideOutcome =
  | { decided: true; period: string; version: number; cells: number }
  | { decided: false; period: string; reason: 'fresh' | 'unchanged' };

/** Decides the current month's snapshot of one organisation when it is missing or stale. */
export async function decideSnapshot(
  services: Services,
  organisationId: string,
  options: DecideOptions,
): Promise<DecideOutcome> {
  const period = periodOf(options.now);
  return services.db.asSystem(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`analytics-snapshot:${organisationId}`}))`);
    const [current] = await tx
      .select({
        version: analyticsSnapshots.version,
        decidedAt: analyticsSnapshots.decidedAt,
        minimum: analyticsSnapshots.minimum,
        inputsChangedAt: analyticsSnapshots.inputsChangedAt,
      })
      .from(analyticsSnapshots)
      .where(
        and(eq(analyticsSnapshots.organisationId, organisationId), eq(analyticsSnapshots.period, period)),
      );
    const minimum = await analyticsMinimum(tx, organisationId);
    const changedAt = await lastChangeAt(tx, organisationId);
    if (current) {
      const changed =
        current.minimum !== minimum ||
        (changedAt !== null &&
          (current.inputsChangedAt === null || changedAt.getTime() > current.inputsChangedAt.getTime()));
      if (!changed) return { decided: false, period, reason: 'unchanged' };
      const age = options.now.getTime() - current.decidedAt.getTime();
      if (!options.force && age >= 0 && age < DECISION_PERIOD_MS)
        return { decided: false, period, reason: 'fresh' };
    }
    // The cumulative partition of every earlier release (the latest row holds it): its atoms stand for
    // all the sets released before (released-partition.ts).
    const [latest] = await tx
      .select({ sets: sql<string>`${analyticsReleasedSets.sets}::text` })
      .from(analyticsReleasedSets)
      .where(eq(analyticsReleasedSets.organisationId, organisationId))
      .orderBy(desc(analyticsReleasedSets.period), desc(analyticsReleasedSets.version))
      .limit(1);
    const { input, labels } = await readSnapshotInput(tx, services.db.kind, organisationId, period);
    // The balance page is by career stage (against the expected curve): its stage row wins over team
    // totals; every other family keeps the team totals the heatmap and team rows need.
    const { decisionJson, partitionJson, cells } = await decideThread.run(
      { input, minimum, byStage: [measureIds(labels).balance], previous: latest?.sets ?? null },
      [input.people.values.buffer],
    );
    const version = (current?.version ?? 0) + 1;
    const row = {
      version,
      decidedAt: options.now,
      minimum,
      inputsChangedAt: changedAt,
      decision: sql`${decisionJson}::jsonb`,
      labels: labels satisfies Labels,
    };
    await tx
      .insert(analyticsSnapshots)
      .values({ organisationId, period, ...row })
      .onConflictDoUpdate({
        target: [analyticsSnapshots.organisationId, analyticsSnapshots.period],
        set: row,
      });
    await tx
      .insert(analyticsReleasedSets)
      .values({ organisationId, period, version, sets: sql`${partitionJson}::jsonb` });
    return { decided: true, period, version, cells };
  });
}

/** Every organisation's snapshot, each in its own transaction; one failure does not hold the others. */
export async function decideAllSnapshots(services: Services, options: DecideOptions): Promise<number> {
  const organisations = await services.db.asSystem(async (tx) => {
    const result = (await tx.execute(
      sql`SELECT id::text AS id FROM organisations ORDER BY id`,
    )) as unknown as {
      rows: unknown[];
    };
    return result.rows.map((r) => z.object({ id: z.string() }).parse(r).id);
  });
  let decided = 0;
  let failed = 0;
  for (const id of organisations) {
    try {
      if ((await decideSnapshot(services, id, options)).decided) decided++;
    } catch (err) {
      failed++;
      services.log.error(
        { organisationId: id, error: err instanceof Error ? err.message : String(err) },
        'analytics snapshot not decided',
      );
    }
  }
  if (failed)
    throw new Error(`analytics snapshots of ${failed} organisation(s) were not decided (see the log)`);
  return decided;
}
