// Finding an entry for the viewer and deciding what they may do with it. Reads run as the viewer,
// so row-level security has already hidden what was not shared with them (docs/decisions/0014);
// this is the first wall, in code, so that an entry the viewer may not read answers 404 like an
// unknown id. Only the owner changes an entry: every write looks its row up by owner, 404 else.
import { and, eq } from 'drizzle-orm';
import { notFound } from '../../platform/http/errors.ts';
import type { TenantScope } from '../../platform/scope.ts';
import { type Owner, ownerFacts } from '../development/access.ts';
import { journalEntries } from './schema.ts';

export { invalid } from '../development/access.ts';

export const entryNotFound = () => notFound('journal entry');

export type EntryRow = typeof journalEntries.$inferSelect;
export type ReaderRelation = 'self' | 'manager' | 'coach';

/**
 * How the viewer reads an entry of `owner`: as its owner; as the owner's current manager when the
 * entry is shared with the manager; as their active coach (holding the coach role) when shared with
 * the coach; else not at all. The same rule as lodestar_may_read_journal_entry in the database.
 * Unlike a plan, a manager or an admin never learns that an unshared entry exists.
 */
export function readerRelation(
  scope: TenantScope,
  owner: Pick<Owner, 'id' | 'managerId' | 'coachId'>,
  entry: Pick<EntryRow, 'sharedWithManager' | 'sharedWithCoach'>,
): ReaderRelation | null {
  const me = scope.viewer.personId;
  if (owner.id === me) return 'self';
  if (entry.sharedWithManager && owner.managerId === me) return 'manager';
  if (entry.sharedWithCoach && owner.coachId === me && scope.viewer.roles.includes('coach')) return 'coach';
  return null;
}

/** The viewer's own entry, for a change; 404 for anyone else's (shared with them or not). */
export async function ownEntry(scope: TenantScope, id: string): Promise<EntryRow> {
  const [row] = await scope.tx
    .select()
    .from(journalEntries)
    .where(
      and(
        eq(journalEntries.organisationId, scope.organisationId),
        eq(journalEntries.id, id),
        eq(journalEntries.ownerId, scope.viewer.personId),
      ),
    );
  if (!row) throw entryNotFound();
  return row;
}

/** An entry the viewer may read, with the owner's facts and the viewer's relation; 404 else. */
export async function readableEntry(
  scope: TenantScope,
  id: string,
): Promise<{ row: EntryRow; owner: Owner; relation: ReaderRelation }> {
  const [row] = await scope.tx
    .select()
    .from(journalEntries)
    .where(and(eq(journalEntries.organisationId, scope.organisationId), eq(journalEntries.id, id)));
  if (!row) throw entryNotFound();
  const owner = await ownerFacts(scope, row.ownerId);
  const relation = readerRelation(scope, owner, row);
  if (!relation) throw entryNotFound();
  return { row, owner, relation };
}
