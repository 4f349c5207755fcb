import { asc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.ts';
import { installDefaultStageBalance } from '../assessments/stage-balance.ts';
import { installDefaultFramework } from '../framework/service.ts';
import { forgetCachedDirectory } from '../people/directory-cache.ts';
import { careerStages, DEFAULT_CAREER_STAGES, organisations } from './schema.ts';

/**
 * Creates an organisation with the default career stages, their expected manage/lead balance and
 * the default leadership framework published as version 1 (system transaction).
 */
export async function createOrganisation(tx: Tx, input: { name: string; slug: string }): Promise<string> {
  const [org] = await tx.insert(organisations).values(input).returning({ id: organisations.id });
  const stages = await tx
    .insert(careerStages)
    .values(DEFAULT_CAREER_STAGES.map((s, position) => ({ organisationId: org!.id, ...s, position })))
    .returning({ id: careerStages.id, key: careerStages.key });
  await installDefaultStageBalance(tx, org!.id, stages);
  await installDefaultFramework(tx, org!.id);
  return org!.id;
}

export function listCareerStages(tx: Tx) {
  return tx
    .select({
      id: careerStages.id,
      key: careerStages.key,
      name: careerStages.name,
      position: careerStages.position,
    })
    .from(careerStages)
    .orderBy(asc(careerStages.position));
}

/** Marks the directory as changed, so cached directory reads are rebuilt. */
export async function touchDirectory(tx: Tx, organisationId: string): Promise<void> {
  forgetCachedDirectory(organisationId);
  await tx
    .update(organisations)
    .set({ directoryVersion: sql`${organisations.directoryVersion} + 1` })
    .where(eq(organisations.id, organisationId));
}
