// The stored impact report (docs/decisions/0029): computed by the refresh (the job, or the first
// read when there is none), served from one row. A refresh decides each programme's figures against
// the atoms of every earlier report of it (figures.ts), in one system transaction holding the
// organisation's refresh lock, so two servers cannot each decide against the same earlier atoms.
import { and, eq, sql } from 'drizzle-orm';
import { disclosureAtoms, membersOf, raterSetOf } from '../../core/disclosure/index.ts';
import type { Tx } from '../../platform/db/database.ts';
import type { Services } from '../../platform/services.ts';
import { cohortMinimum } from '../programmes/dashboard.ts';
import { decideProgramme, type ImpactProgramme } from './figures.ts';
import { readImpactInputs } from './read.ts';
import { impactAtoms, impactReports } from './schema.ts';

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
    const figures: ImpactProgramme[] = [];
    const labels: Array<typeof impactAtoms.$inferInsert> = [];
    for (const input of programmes) {
      // The universe: the programme's people, then anyone only an earlier report counted (who
      // left): their earlier atom still holds them, so a new figure cannot give them back by
      // difference.
      const people = input.people.map((p) => p.personId);
      const index = new Map(people.map((id, i) => [id, i]));
      const mine = stored.filter((row) => row.programmeId === input.id);
      for (const row of mine)
        if (!index.has(row.personId)) {
          index.set(row.personId, people.length);
          people.push(row.personId);
        }
      const byAtom = new Map<number, number[]>();
      for (const row of mine)
        byAtom.set(row.atom, [...(byAtom.get(row.atom) ?? []), index.get(row.personId)!]);
      const earlier = [...byAtom.values()];
      const { programme, shownSets } = decideProgramme(input, capabilities, {
        minimum,
        universeSize: people.length,
        earlier,
      });
      figures.push(programme);
      const atoms = disclosureAtoms(
        people.length,
        [...earlier, ...shownSets].map((members) => raterSetOf(people.length, members)),
      );
      atoms.forEach((atom, a) => {
        for (const i of membersOf(atom))
          labels.push({ organisationId, programmeId: input.id, personId: people[i]!, atom: a });
      });
    }

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
