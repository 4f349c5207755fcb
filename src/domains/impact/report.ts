// The stored impact report (docs/decisions/0029): computed by the refresh (the job, or the first
// read when there is none), served from one row. A refresh decides each programme's figures against
// the atoms of every earlier report of it (figures.ts), in one system transaction holding the
// organisation's refresh lock, so two servers cannot each decide against the same earlier atoms.
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.ts';
import type { Services } from '../../platform/services.ts';
import { threadPool } from '../../platform/threads/thread-pool.ts';
import { cohortMinimum } from '../programmes/dashboard.ts';
import type { ImpactResult, ImpactTask } from './decide-thread.ts';
import type { ImpactProgramme } from './figures.ts';
import { readImpactInputs } from './read.ts';
import { impactAtoms, impactReports } from './schema.ts';

/** The figures' computation, off the event loop; the thread exits when done (ADR 0031). */
const impactThread = threadPool<ImpactTask, ImpactResult>(new URL('./decide-thread.ts', import.meta.url), {
  heapMb: 512,
  idleMs: 0,
});

/**
 * A report is recomputed when marked stale (triggers in the migration) and at least daily: the
 * building blocks move with plans, journals and check-ins, which do not mark it stale (they change
 * every day; a day-old association is fine, as for the cohort dashboard).
 */
export const REPORT_PERIOD_MS = 24 * 60 * 60 * 1000;

export interface StoredReport {
  decidedAt: Date;
  minimum: number;
  stale: boolean;
  figures: ImpactProgramme[];
}

export async function loadReport(tx: Tx, organisationId: string): Promise<StoredReport | undefined> {
  const [row] = await tx
    .select({
      decidedAt: impactReports.decidedAt,
      minimum: impactReports.minimum,
      stale: impactReports.stale,
      figures: impactReports.figures,
    })
    .from(impactReports)
    .where(eq(impactReports.organisationId, organisationId));
  return row as StoredReport | undefined;
}

/** Due for the job: stale, older than the period, or from the future (a moved clock). */
export function reportDue(row: StoredReport | undefined, now: Date, minimum: number): boolean {
  return (
    !row ||
    row.stale ||
    row.minimum !== minimum ||
    now.getTime() - row.decidedAt.getTime() >= REPORT_PERIOD_MS ||
    now.getTime() < row.decidedAt.getTime()
  );
}

/**
 * Decides and stores the organisation's report. `due` is re-checked under the lock, so a second
 * caller that waited for the first one's refresh gets its row instead of deciding again.
 */
export async function refreshReport(
  services: Services,
  organisationId: string,
  due: (row: StoredReport | undefined, minimum: number) => boolean,
): Promise<StoredReport> {
  return services.db.asSystem(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`impact-report:${organisationId}`}))`);
    const minimum = await cohortMinimum({ tx, organisationId });
    const current = await loadReport(tx, organisationId);
    if (current && !due(current, minimum)) return current;
    const now = services.clock();
    const { programmes, capabilities } = await readImpactInputs(tx, services.db.kind, organisationId, now);

    const stored = await tx
      .select({
        programmeId: impactAtoms.programmeId,
        personId: impactAtoms.personId,
        atom: impactAtoms.atom,
      })
      .from(impactAtoms)
      .where(eq(impactAtoms.organisationId, organisationId));
    const { figures, atoms } = await impactThread.run({ programmes, capabilities, minimum, stored });
    const labels = atoms.map((atom) => ({ organisationId, ...atom }));

    const row: StoredReport = { decidedAt: now, minimum, stale: false, figures };
    await tx
      .insert(impactReports)
      .values({ organisationId, ...row })
      .onConflictDoUpdate({ target: impactReports.organisationId, set: row });
    await tx.delete(impactAtoms).where(and(eq(impactAtoms.organisationId, organisationId)));
    for (let i = 0; i < labels.length; i += 1000)
      await tx.insert(impactAtoms).values(labels.slice(i, i + 1000));
    return row;
  });
}
