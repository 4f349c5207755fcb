// Finding a check-in for the viewer. Reads run as the viewer, so row-level security has already
// hidden what is not theirs (docs/decisions/0014); this is the first wall, in code: the owner, or
// the counterpart while they still are the owner's manager or active coach, else 404 as for an
// unknown id. Changes to the schedule are the owner's only.
import { and, eq } from 'drizzle-orm';
import { people } from '../../identity/people/schema.ts';
import { ApiError, conflict, notFound } from '../../platform/http/errors.ts';
import type { TenantScope } from '../../platform/scope.ts';
import { ownerFacts } from '../development/access.ts';
import type { CheckInRelation } from './constants.ts';
import type { Counterpart } from './contracts.ts';
import { checkIns } from './schema.ts';

export type CheckInRow = typeof checkIns.$inferSelect;

export const checkInNotFound = () => notFound('check-in');

/** A 400 naming every bad field, the first in the message. */
export function invalid(problems: Record<string, string>): ApiError {
  const [field, rule] = Object.entries(problems)[0]!;
  return new ApiError(400, 'invalid_input', `invalid body: ${field}: ${rule}`, problems);
}

export interface PersonContact {
  id: string;
  name: string;
  email: string;
  status: 'invited' | 'active' | 'disabled';
  roles: string[];
}

export async function contactOf(scope: TenantScope, id: string): Promise<PersonContact | undefined> {
  const [row] = await scope.tx
    .select({
      id: people.id,
      name: people.name,
      email: people.email,
      status: people.status,
      roles: people.roles,
    })
    .from(people)
    .where(and(eq(people.organisationId, scope.organisationId), eq(people.id, id)));
  return row;
}

/**
 * Whom `ownerId` may hold a check-in with now: their manager, and their accepted coach who still
 * holds the coach role (development's coaching relationships), neither disabled. One person who is
 * both counts once, as the manager.
 */
export async function counterpartsOf(scope: TenantScope, ownerId: string): Promise<Counterpart[]> {
  const facts = await ownerFacts(scope, ownerId);
  const found: Counterpart[] = [];
  if (facts.managerId) {
    const manager = await contactOf(scope, facts.managerId);
    if (manager && manager.status !== 'disabled')
      found.push({ id: manager.id, name: manager.name, relation: 'manager' });
  }
  if (facts.coachId && facts.coachId !== facts.managerId) {
    const coach = await contactOf(scope, facts.coachId);
    if (coach && coach.status !== 'disabled' && coach.roles.includes('coach'))
      found.push({ id: coach.id, name: coach.name, relation: 'coach' });
  }
  return found;
}

/** Whether `personId` still is what the check-in was scheduled with: the manager, or the coach. */
export async function relationHolds(
  scope: TenantScope,
  row: Pick<CheckInRow, 'ownerId' | 'counterpartId' | 'relation'>,
): Promise<boolean> {
  const facts = await ownerFacts(scope, row.ownerId);
  const relation: CheckInRelation = row.relation;
  if (relation === 'manager') return facts.managerId === row.counterpartId;
  if (facts.coachId !== row.counterpartId) return false;
  const coach = await contactOf(scope, row.counterpartId);
  return coach?.roles.includes('coach') ?? false;
}

/** The check-in if the viewer is its owner or its counterpart (relation holding); else 404. */
export async function readableCheckIn(
  scope: TenantScope,
  id: string,
): Promise<{ row: CheckInRow; role: 'owner' | 'counterpart'; holds: boolean }> {
  const [row] = await scope.tx
    .select()
    .from(checkIns)
    .where(and(eq(checkIns.organisationId, scope.organisationId), eq(checkIns.id, id)));
  if (!row) throw checkInNotFound();
  const me = scope.viewer.personId;
  const holds = await relationHolds(scope, row);
  if (row.ownerId === me) return { row, role: 'owner', holds };
  if (row.counterpartId === me && holds) return { row, role: 'counterpart', holds };
  throw checkInNotFound();
}

/**
 * The viewer's own check-in, for a change to it; 404 for anyone else's (the counterpart too).
 * `lock` takes the row for the rest of the transaction, so concurrent reschedules and cancels run
 * one after the other and each sends the next SEQUENCE. `scheduled` refuses (409) one that is
 * completed or cancelled.
 */
export async function ownCheckIn(
  scope: TenantScope,
  id: string,
  options: { lock?: boolean; scheduled?: boolean } = {},
): Promise<CheckInRow> {
  const query = scope.tx
    .select()
    .from(checkIns)
    .where(
      and(
        eq(checkIns.organisationId, scope.organisationId),
        eq(checkIns.id, id),
        eq(checkIns.ownerId, scope.viewer.personId),
      ),
    );
  const [row] = options.lock ? await query.for('update') : await query;
  if (!row) throw checkInNotFound();
  if (options.scheduled && row.status !== 'scheduled') throw conflict(`this check-in is ${row.status}`);
  return row;
}
