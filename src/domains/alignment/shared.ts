// What goals and values have in common: the scope they work in, field errors, id filtering and
// the reorder rule.
import { ApiError } from '../../platform/http/errors.ts';
import type { OrganisationScope } from '../../platform/scope.ts';

/** The part of a scope goals work with; other domains, seeds and tests can pass just this. */
export type AlignmentScope = Pick<OrganisationScope, 'tx' | 'organisationId'>;
/** Values also read the current framework (cached per database kind) to check capability keys. */
export type ValuesScope = Pick<OrganisationScope, 'tx' | 'organisationId' | 'kind'>;

/** A 400 naming one field and its rule, the API's shape for bad input (DESIGN §3.4). */
export const invalid = (field: string, rule: string) =>
  new ApiError(400, 'invalid_input', `invalid body: ${field}: ${rule}`, { [field]: rule });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The distinct ids shaped like ids: callers (plans) may pass anything a client sent, and a
 * malformed one in a uuid comparison would be a database error rather than "not ours".
 */
export const wellFormedIds = (ids: readonly string[]): string[] =>
  [...new Set(ids.filter((id) => typeof id === 'string' && UUID.test(id)))].map((id) => id.toLowerCase());

/**
 * A reorder names every current row exactly once: a partial list would leave positions that
 * depend on what the client happened to have loaded.
 */
export function checkOrder(current: readonly string[], wanted: readonly string[]): void {
  const known = new Set(current);
  const seen = new Set<string>();
  for (const id of wanted) {
    if (!known.has(id)) throw invalid('ids', `${id} is not one of the items being ordered`);
    if (seen.has(id)) throw invalid('ids', `${id} appears more than once`);
    seen.add(id);
  }
  if (seen.size !== known.size) throw invalid('ids', 'must list every item once');
}

/**
 * Whether a failed statement broke a foreign key (23503) or a unique index (23505), on either
 * driver (drizzle wraps the driver's error as its `cause`).
 */
export function violated(error: unknown, kind: 'foreign-key' | 'unique'): boolean {
  const code = kind === 'foreign-key' ? '23503' : '23505';
  for (let e = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === code) return true;
  }
  return false;
}
