// The manage/lead balance an organisation expects at each career stage. The defaults follow the
// source article: the ratio swings from managing towards leading with seniority, and nobody is
// all one or the other. Admins change them per stage.
import { and, eq, inArray } from 'drizzle-orm';
import { careerStages } from '../../identity/organisations/schema.ts';
import { listCareerStages } from '../../identity/organisations/service.ts';
import type { CareerStage } from '../../identity/people/contracts.ts';
import type { Tx } from '../../platform/db/database.ts';
import { ApiError } from '../../platform/http/errors.ts';
import type { OrganisationScope } from '../../platform/scope.ts';
import type { StageBalanceList, StageBalanceUpdate } from './contracts.ts';
import { stageBalanceExpectations } from './schema.ts';

/** Expected lead share for the default career stages (identity/organisations/schema.ts), by key. */
export const DEFAULT_LEAD_SHARE: Readonly<Record<string, number>> = {
  'individual-contributor': 0.3,
  'team-lead': 0.4,
  manager: 0.5,
  'senior-leader': 0.65,
  executive: 0.75,
};

/** Gives each default stage its default expectation (used when an organisation is created). */
export async function installDefaultStageBalance(tx: Tx, organisationId: string): Promise<void> {
  // A system transaction (no row-level security yet): the organisation is named explicitly.
  const stages = await tx
    .select({ id: careerStages.id, key: careerStages.key })
    .from(careerStages)
    .where(eq(careerStages.organisationId, organisationId));
  const rows = stages
    .filter((s) => DEFAULT_LEAD_SHARE[s.key] !== undefined)
    .map((s) => ({ organisationId, careerStageId: s.id, leadShare: DEFAULT_LEAD_SHARE[s.key]! }));
  if (rows.length) await tx.insert(stageBalanceExpectations).values(rows);
}

type BalanceScope = Pick<OrganisationScope, 'tx' | 'organisationId'>;

/** Every career stage in order, with its expected lead share or null. */
export async function listStageBalance(scope: BalanceScope): Promise<StageBalanceList> {
  return balanceOf(scope, await listCareerStages(scope));
}

async function balanceOf(
  { tx, organisationId }: BalanceScope,
  stages: ReadonlyArray<CareerStage>,
): Promise<StageBalanceList> {
  const expectations = await tx
    .select({
      stageId: stageBalanceExpectations.careerStageId,
      leadShare: stageBalanceExpectations.leadShare,
    })
    .from(stageBalanceExpectations)
    .where(eq(stageBalanceExpectations.organisationId, organisationId));
  const byStage = new Map(expectations.map((e) => [e.stageId, Number(e.leadShare)]));
  return stages.map((stage) => ({ stage, leadShare: byStage.get(stage.id) ?? null }));
}

/**
 * Sets (or, with null, clears) the expectation of each listed stage; stages not listed keep theirs.
 * Returns every stage's balance after the change.
 */
export async function updateStageBalance(
  scope: BalanceScope,
  update: StageBalanceUpdate,
): Promise<StageBalanceList> {
  const { tx, organisationId } = scope;
  const stages = await listCareerStages({ tx });
  const known = new Set(stages.map((s) => s.id));
  const fields: Record<string, string> = {};
  const seen = new Set<string>();
  update.stages.forEach((s, i) => {
    if (!known.has(s.stageId)) fields[`stages.${i}.stageId`] = 'must be a career stage of this organisation';
    else if (seen.has(s.stageId)) fields[`stages.${i}.stageId`] = 'appears twice';
    seen.add(s.stageId);
  });
  if (Object.keys(fields).length) {
    const [field, rule] = Object.entries(fields)[0]!;
    throw new ApiError(400, 'invalid_input', `invalid body: ${field}: ${rule}`, fields);
  }
  const ids = update.stages.map((s) => s.stageId);
  if (ids.length) {
    await tx
      .delete(stageBalanceExpectations)
      .where(
        and(
          eq(stageBalanceExpectations.organisationId, organisationId),
          inArray(stageBalanceExpectations.careerStageId, ids),
        ),
      );
  }
  const rows = update.stages
    .filter((s) => s.leadShare !== null)
    .map((s) => ({ organisationId, careerStageId: s.stageId, leadShare: s.leadShare! }));
  if (rows.length) await tx.insert(stageBalanceExpectations).values(rows);
  return balanceOf(scope, stages);
}
