// Raw SQL results differ by driver: node-postgres returns bigint and numeric as strings where
// PGlite returns numbers, and timestamps may be Date or string. Every raw query goes through here,
// with a zod row schema, so both databases give the same types.
import type { SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from './database.ts';

export async function queryRows<Row extends z.ZodType>(
  tx: Tx,
  query: SQL,
  row: Row,
): Promise<z.output<Row>[]> {
  const result = (await tx.execute(query)) as unknown as { rows: unknown[] };
  return result.rows.map((r) => row.parse(r));
}

/** Column types for row schemas that read the same from either driver. */
export const col = {
  count: z.coerce.number().int(),
  number: z.coerce.number(),
  text: z.string(),
  timestamp: z.coerce.date(),
};
