// A test database for job-queue tests: one organisation, emptied queue tables before each test, and
// a reader of every job row. Registers its own vitest hooks; call it inside the describe block.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { z } from 'zod';
import { openTestDatabase, type TestDatabase } from '../../../../test/support/databases.ts';
import type { Database, DatabaseKind } from '../../db/database.ts';
import { col, queryRows } from '../../db/rows.ts';
import { organisations } from '../../tenancy/schema.ts';

export const QUEUE_TEST_ORG = '00000000-0000-4000-8000-0000000000a1';

const jobRow = z.object({
  id: col.count,
  task: z.string(),
  state: z.string(),
  attempts: col.count,
  last_error: z.string().nullable(),
  wait_ms: col.number,
});

export function useQueueDatabase(kind: DatabaseKind) {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(kind);
    await t.db.asSystem((tx) =>
      tx.insert(organisations).values({ id: QUEUE_TEST_ORG, slug: 'q', name: 'Q' }),
    );
  });
  afterAll(() => t.drop());
  beforeEach(() =>
    t.db.asSystem(async (tx) => {
      await tx.execute(sql`DELETE FROM jobs`);
      await tx.execute(sql`DELETE FROM job_schedules`);
    }),
  );
  return {
    get db(): Database {
      return t.db;
    },
    /** Every job row, oldest first, with how long until it is due. */
    allJobs: () =>
      t.db.asSystem((tx) =>
        queryRows(
          tx,
          sql`SELECT id, task, state, attempts, last_error,
                     extract(epoch FROM run_at - now()) * 1000 AS wait_ms
                FROM jobs ORDER BY id`,
          jobRow,
        ),
      ),
  };
}
