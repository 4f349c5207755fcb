// Bulk writing for the synthetic seed: multi-row INSERTs in chunks, each chunk its own system
// transaction scoped to the one organisation being seeded (ADR 0030). A chunk stays well under
// PostgreSQL's 65,535 bind parameters per statement and keeps each statement's JSON a few MB.
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Database } from '../../platform/db/database.ts';

/** Bind parameters per statement: under the protocol's 65,535, with room for drizzle's own. */
const PARAMETERS_PER_STATEMENT = 30_000;
/** Rows per statement whatever their width: big JSON answers make a statement heavy before its parameters do. */
const MAX_ROWS_PER_STATEMENT = 2_000;

/** Inserts `rows` into `table`, chunk by chunk; returns the number of rows written. */
export async function insertInChunks<T extends PgTable>(
  db: Database,
  table: T,
  rows: ReadonlyArray<T['$inferInsert']>,
): Promise<number> {
  if (!rows.length) return 0;
  const columns = Object.keys(rows[0]!).length;
  const size = Math.max(1, Math.min(MAX_ROWS_PER_STATEMENT, Math.floor(PARAMETERS_PER_STATEMENT / columns)));
  for (let start = 0; start < rows.length; start += size) {
    const chunk = rows.slice(start, start + size);
    // drizzle's insert typing over a generic table is not expressible without a cast.
    await db.asSystem((tx) => tx.insert(table).values(chunk as T['$inferInsert'][]));
  }
  return rows.length;
}

/**
 * A version-4-shaped UUID from a seeded source: the same seed gives the same ids, so two seeds of
 * the same size hold the same data, row for row (the test compares checksums).
 */
export function seededUuid(random: () => number): string {
  let hex = '';
  for (let i = 0; i < 4; i++)
    hex += Math.floor(random() * 2 ** 32)
      .toString(16)
      .padStart(8, '0');
  const variant = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export const DAY_MS = 86_400_000;

/** A draw from a list. */
export const pick = <T>(random: () => number, list: ReadonlyArray<T>): T =>
  list[Math.floor(random() * list.length)]!;

/** A whole number in [low, high]. */
export const between = (random: () => number, low: number, high: number): number =>
  low + Math.floor(random() * (high - low + 1));
