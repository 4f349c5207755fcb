// Bulk writing for the synthetic seed: multi-row INSERTs in chunks, each chunk its own system
// transaction for the one organisation being seeded (ADR 0030).
import { getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Database } from '../../platform/db/database.ts';

/**
 * Rows per statement: each chunk is one JSON parameter of a few MB (a rater row with its answers
 * is about 1.5 kB), big enough that round trips do not dominate, small enough for PGlite's memory.
 */
const ROWS_PER_STATEMENT = 2_000;

/**
 * Inserts `rows` into `table`, chunk by chunk, each chunk one statement with one parameter: the rows
 * as a JSON array, expanded by jsonb_populate_recordset into the table's own row type (ADR 0030).
 * Only the columns the rows carry are written, so the others take their defaults, and every
 * constraint and trigger applies as for any INSERT. Returns the number of rows written.
 */
export async function insertInChunks<T extends PgTable>(
  db: Database,
  table: T,
  rows: ReadonlyArray<T['$inferInsert']>,
): Promise<number> {
  if (!rows.length) return 0;
  const columns = Object.entries(getTableColumns(table)).filter(([key]) => key in rows[0]!);
  const names = sql.raw(columns.map(([, c]) => `"${c.name}"`).join(', '));
  const tableName = sql.raw(`"${getTableName(table)}"`);
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + ROWS_PER_STATEMENT).map((row) => {
      const out: Record<string, unknown> = {};
      // Dates become ISO strings in JSON; PostgreSQL reads them back as timestamptz.
      for (const [key, c] of columns) out[c.name] = (row as Record<string, unknown>)[key];
      return out;
    });
    const json = JSON.stringify(chunk);
    await db.asSystem((tx) =>
      tx.execute(sql`INSERT INTO ${tableName} (${names})
                     SELECT ${names} FROM jsonb_populate_recordset(NULL::${tableName}, ${json}::jsonb)`),
    );
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
