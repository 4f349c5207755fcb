// A person's digest choices: read (the defaults until they save), replaced as a whole, or turned
// off by the unsubscribe link. Tenant transactions; the routes pass the signed-in person's own id.
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.ts';
import { DEFAULT_DIGEST } from './constants.ts';
import type { DigestPreferences } from './contracts.ts';
import type { DigestSchedule } from './schedule.ts';
import { nudgePreferences } from './schema.ts';

type Row = typeof nudgePreferences.$inferSelect;

/** A stored row, or null for none, as the schedule reads it. */
export function scheduleOf(
  row: Pick<Row, 'frequency' | 'weekday' | 'hour' | 'timeZone' | 'quietStart' | 'quietEnd'> | null,
): DigestSchedule {
  if (!row) return { ...DEFAULT_DIGEST };
  return {
    frequency: row.frequency,
    weekday: row.weekday,
    hour: row.hour,
    timeZone: row.timeZone,
    quietHours:
      row.quietStart === null || row.quietEnd === null ? null : { start: row.quietStart, end: row.quietEnd },
  };
}

export async function readPreferences(
  tx: Tx,
  organisationId: string,
  personId: string,
): Promise<DigestPreferences> {
  const [row] = await tx
    .select()
    .from(nudgePreferences)
    .where(and(eq(nudgePreferences.organisationId, organisationId), eq(nudgePreferences.personId, personId)));
  return { ...scheduleOf(row ?? null), saved: row !== undefined };
}

export async function savePreferences(
  tx: Tx,
  organisationId: string,
  personId: string,
  choice: DigestSchedule,
): Promise<DigestPreferences> {
  const values = {
    frequency: choice.frequency,
    weekday: choice.weekday,
    hour: choice.hour,
    timeZone: choice.timeZone,
    quietStart: choice.quietHours?.start ?? null,
    quietEnd: choice.quietHours?.end ?? null,
    updatedAt: sql`now()`,
  };
  await tx
    .insert(nudgePreferences)
    .values({ organisationId, personId, ...values })
    .onConflictDoUpdate({
      target: [nudgePreferences.organisationId, nudgePreferences.personId],
      set: values,
    });
  return { ...choice, saved: true };
}

/**
 * Turns the digest off, keeping the other choices (or the defaults), so turning it back on in the
 * settings restores them. Idempotent: a second unsubscribe changes nothing.
 */
export async function turnDigestOff(tx: Tx, organisationId: string, personId: string): Promise<void> {
  await tx
    .insert(nudgePreferences)
    .values({
      organisationId,
      personId,
      frequency: 'off',
      weekday: DEFAULT_DIGEST.weekday,
      hour: DEFAULT_DIGEST.hour,
      timeZone: DEFAULT_DIGEST.timeZone,
    })
    .onConflictDoUpdate({
      target: [nudgePreferences.organisationId, nudgePreferences.personId],
      set: { frequency: 'off', updatedAt: sql`now()` },
    });
}
