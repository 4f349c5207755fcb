// What the two people write: the shared notes (either of them, through the one database function
// that may write them: docs/decisions/0014 keeps every other write the owner's), and what the
// participant learned (theirs alone).
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { queryRows } from '../../platform/db/rows.ts';
import { conflict } from '../../platform/http/errors.ts';
import type { TenantScope } from '../../platform/scope.ts';
import { ownCheckIn, readableCheckIn } from './access.ts';
import type { CheckInDetail } from './contracts.ts';
import { checkInDetail } from './read.ts';
import { checkIns } from './schema.ts';

/**
 * Replaces the notes if nobody wrote them since `version`; 409 when someone did (the answer's
 * fields say so; the page reloads the current notes rather than overwrite them).
 */
export async function writeNotes(
  scope: TenantScope,
  { id, notes, version }: { id: string; notes: string; version: number },
): Promise<CheckInDetail> {
  const { row } = await readableCheckIn(scope, id);
  if (row.status === 'cancelled') throw conflict('this check-in is cancelled');
  const [written] = await queryRows(
    scope.tx,
    sql`SELECT lodestar_write_check_in_notes(${id}::uuid, ${notes}, ${version}::int) AS version`,
    z.object({ version: z.number().int().nullable() }),
  );
  if (written?.version == null) {
    throw conflict('the notes were changed meanwhile: reload them and write again', {
      version: 'is not the current version of the notes',
    });
  }
  return checkInDetail(scope, id);
}

export async function writeLearned(
  scope: TenantScope,
  { id, learned }: { id: string; learned: string },
): Promise<CheckInDetail> {
  const row = await ownCheckIn(scope, id, { lock: true });
  if (row.status === 'cancelled') throw conflict('this check-in is cancelled');
  await scope.tx
    .update(checkIns)
    .set({ learned, updatedAt: scope.now() })
    .where(and(eq(checkIns.organisationId, scope.organisationId), eq(checkIns.id, id)));
  return checkInDetail(scope, id);
}
