// Raw SQL results differ by driver: node-postgres returns bigint and numeric as strings where
// PGlite returns numbers, and timestamps may be Date or string. Every raw query goes through here,
// with a zod row schema, so both databases give the same types.
import type { SQL } from 'drizzle-orm';
import { z } from 'zod';
import { yieldToRequests } from '../threads/event-loop.ts';
import type { Tx } from './database.ts';

export async function queryRows<Row extends z.ZodType>(
  tx: Tx,
  query: SQL,
  row: Row,
): Promise<z.output<Row>[]> {
  const result = (await tx.execute(query)) as unknown as { rows: unknown[] };
  const parsed: z.output<Row>[] = [];
  for (const [k, r] of result.rows.entries()) {
    // A large result (an organisation's assessments) is parsed in slices between requests.
    if (k % PARSE_SLICE === PARSE_SLICE - 1) await yieldToRequests();
    parsed.push(row.parse(r));
  }
  return parsed;
}

const PARSE_SLICE = 2000;

/** Column types for row schemas that read the same from either driver. */
export const col = {
  count: z.coerce.number().int(),
  number: z.coerce.number(),
  text: z.string(),
  timestamp: z.coerce.date(),
};
