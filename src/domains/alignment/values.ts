// The organisation's cultural values, each optionally mapped to a capability of the framework (a
// value added in the framework editor, or a built-in one such as courageous learning). Other
// domains call `listValues` and `valuesExist`; every function works in the caller's transaction.
import { and, asc, eq, inArray, isNull, max, ne, sql } from 'drizzle-orm';
import { ApiError, conflict, notFound } from '../../platform/http/errors.ts';
import { currentVersion } from '../framework/service.ts';
import type { Value, ValueInput, ValueUpdate } from './contracts.ts';
import { organisationValues as values } from './schema.ts';
import { checkOrder, invalid, type ValuesScope, violated, wellFormedIds } from './shared.ts';

const live = (organisationId: string) =>
  and(eq(values.organisationId, organisationId), isNull(values.retiredAt));
const liveValue = (organisationId: string, id: string) => and(live(organisationId), eq(values.id, id));

/** Capability names of the current published framework, by key (derailers flagged). */
async function capabilities(scope: ValuesScope): Promise<Map<string, { name: string; derailer: boolean }>> {
  try {
    const { definition } = await currentVersion(scope.tx, scope.kind, scope.organisationId);
    return new Map(definition.capabilities.map((c) => [c.key, { name: c.name, derailer: c.derailer }]));
  } catch (error) {
    // Only a draft and nothing published (an organisation mid-import): values still list, unnamed.
    if (error instanceof ApiError && error.status === 409) return new Map();
    throw error;
  }
}

async function checkCapability(scope: ValuesScope, key: string | null): Promise<void> {
  if (key === null) return;
  const capability = (await capabilities(scope)).get(key);
  if (!capability) throw invalid('capabilityKey', 'must be a capability of the current framework');
  // Values are behaviours to grow; derailers are the old behaviours to unlearn.
  if (capability.derailer) throw invalid('capabilityKey', 'must not be a derailer');
}

const NAME_TAKEN = 'is already the name of one of this organisation’s values';

/** The organisation's values (not retired) in display order, with the capability each maps to. */
export async function listValues(scope: ValuesScope): Promise<Value[]> {
  const rows = await scope.tx
    .select()
    .from(values)
    .where(live(scope.organisationId))
    .orderBy(asc(values.position), asc(values.createdAt));
  const names = rows.some((r) => r.capabilityKey) ? await capabilities(scope) : new Map();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    description: r.description,
    capability: r.capabilityKey
      ? { key: r.capabilityKey, name: names.get(r.capabilityKey)?.name ?? null }
      : null,
    position: r.position,
  }));
}

export async function getValue(scope: ValuesScope, id: string): Promise<Value> {
  const found = (await listValues(scope)).find((v) => v.id === id);
  if (!found) throw notFound('value');
  return found;
}

/**
 * The ids among `ids` that name values of this organisation a plan may link to (not retired);
 * anything else — another organisation's value, a malformed id — is absent.
 */
export async function valuesExist(
  { tx, organisationId }: Pick<ValuesScope, 'tx' | 'organisationId'>,
  ids: readonly string[],
): Promise<Set<string>> {
  const wanted = wellFormedIds(ids);
  if (!wanted.length) return new Set();
  const rows = await tx
    .select({ id: values.id })
    .from(values)
    .where(and(live(organisationId), inArray(values.id, wanted)));
  return new Set(rows.map((r) => r.id));
}

export async function createValue(scope: ValuesScope, input: ValueInput): Promise<string> {
  const { tx, organisationId } = scope;
  await checkCapability(scope, input.capabilityKey);
  const [last] = await tx
    .select({ position: max(values.position) })
    .from(values)
    .where(live(organisationId));
  // The unique index decides a duplicate name, so two admins adding it at once cannot both win.
  const [row] = await tx
    .insert(values)
    .values({ organisationId, ...input, position: (last?.position ?? -1) + 1 })
    .onConflictDoNothing()
    .returning({ id: values.id });
  if (!row) throw conflict(`a value named “${input.name}” exists already`, { name: NAME_TAKEN });
  return row.id;
}

export async function updateValue(
  scope: ValuesScope,
  { id, changes }: { id: string; changes: ValueUpdate },
): Promise<void> {
  const { tx, organisationId } = scope;
  const [current] = await tx.select().from(values).where(liveValue(organisationId, id)).for('update');
  if (!current) throw notFound('value');
  if (changes.name !== undefined) {
    const [taken] = await tx
      .select({ id: values.id })
      .from(values)
      .where(
        and(live(organisationId), ne(values.id, id), sql`lower(${values.name}) = lower(${changes.name})`),
      );
    if (taken) throw conflict(`a value named “${changes.name}” exists already`, { name: NAME_TAKEN });
  }
  if (changes.capabilityKey !== undefined && changes.capabilityKey !== current.capabilityKey) {
    await checkCapability(scope, changes.capabilityKey);
  }
  const set = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
  try {
    await tx
      .update(values)
      .set({ ...set, updatedAt: new Date() })
      .where(liveValue(organisationId, id));
  } catch (error) {
    // Another admin took the name between the check above and this write.
    if (violated(error, 'unique'))
      throw conflict('a value with this name exists already', { name: NAME_TAKEN });
    throw error;
  }
}

/** Retires a value: it leaves every list, and plans that linked to it keep the link. */
export async function retireValue(
  { tx, organisationId, now }: ValuesScope & { now(): Date },
  id: string,
): Promise<void> {
  const retired = await tx
    .update(values)
    .set({ retiredAt: now(), updatedAt: now() })
    .where(liveValue(organisationId, id))
    .returning({ id: values.id });
  if (!retired.length) throw notFound('value');
}

/** Puts every value that is not retired in the order given (all of them, each once). */
export async function orderValues({ tx, organisationId }: ValuesScope, ids: readonly string[]) {
  const current = await tx.select({ id: values.id }).from(values).where(live(organisationId)).for('update');
  checkOrder(
    current.map((r) => r.id),
    ids,
  );
  for (const [position, id] of ids.entries()) {
    await tx.update(values).set({ position }).where(liveValue(organisationId, id));
  }
}
