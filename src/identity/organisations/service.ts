import { asc } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.ts';
import type { OrganisationScope } from '../../platform/scope.ts';
import { organisations } from '../../platform/tenancy/schema.ts';
import { careerStages, DEFAULT_CAREER_STAGES } from './schema.ts';

export interface NewOrganisation {
  id: string;
  /** The default career stages just created, for modules that set up per-stage defaults. */
  stages: ReadonlyArray<{ id: string; key: string }>;
}

/**
 * Creates an organisation with the default career stages (system transaction). What the domains
 * add to a new organisation (the default framework, expected balance per stage) is added by
 * `createOrganisation` in src/modules.ts, which calls this first.
 */
export async function createOrganisationIdentity(
  tx: Tx,
  input: { name: string; slug: string },
): Promise<NewOrganisation> {
  const [org] = await tx.insert(organisations).values(input).returning({ id: organisations.id });
  const stages = await tx
    .insert(careerStages)
    .values(DEFAULT_CAREER_STAGES.map((s, position) => ({ organisationId: org!.id, ...s, position })))
    .returning({ id: careerStages.id, key: careerStages.key });
  return { id: org!.id, stages };
}

/** The organisation's career stages, in order. */
export function listCareerStages({ tx }: Pick<OrganisationScope, 'tx'>) {
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
