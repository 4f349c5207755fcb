// Typed jobs (docs/decisions/0011): payloads checked at enqueue, on read and in schedules.
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import type { Tx } from '../db/database.ts';
import { queryRows } from '../db/rows.ts';
import type { Services } from '../services.ts';
import { defineJob } from './define-job.ts';
import { InvalidPayloadError, JobQueue } from './queue.ts';
import { QUEUE_TEST_ORG, useQueueDatabase } from './testing/queue-database.ts';

const log = pino({ level: 'silent' });
const empty = z.object({});
const org = QUEUE_TEST_ORG;

describe.each(testDatabaseKinds())('typed jobs on %s', (kind) => {
  const t = useQueueDatabase(kind);
  const { allJobs } = t;

  describe('payloads', () => {
    const ran: unknown[] = [];
    const failed: unknown[] = [];
    const invite = defineJob({
      name: 'typed.invite',
      payload: z.object({ organisationId: z.uuid(), reminder: z.int().min(1) }),
      maxAttempts: 3,
      async handler(payload) {
        ran.push(payload);
      },
      async onFailed(payload) {
        failed.push(payload);
      },
    });
    beforeEach(() => {
      ran.length = 0;
      failed.length = 0;
    });

    it('refuses a bad payload at enqueue, naming the job and the field, and writes nothing', async () => {
      const q = new JobQueue(t.db, log);
      q.define(invite);
      const bad = { organisationId: 'not-a-uuid', reminder: 0 };
      // Never called: the payload's type comes from the job's schema, so a missing field does not compile.
      // @ts-expect-error reminder is missing
      const notCompiled = (tx: Tx) => q.enqueue(tx, invite, { organisationId: org });
      expect(notCompiled).toBeTypeOf('function');
      const refusal = t.db.asSystem((tx) => q.enqueue(tx, invite, bad));
      await expect(refusal).rejects.toThrow(InvalidPayloadError);
      await expect(t.db.asSystem((tx) => q.enqueue(tx, invite, bad))).rejects.toThrow(
        /invalid payload for job "typed\.invite".*organisationId.*reminder/s,
      );
      expect(await allJobs()).toEqual([]);
      // and the rest of that transaction is rolled back with it
      await expect(
        t.db.asSystem(async (tx) => {
          await q.enqueue(tx, invite, { organisationId: org, reminder: 1 });
          await q.enqueue(tx, invite, bad);
        }),
      ).rejects.toThrow(/reminder/);
      expect(await allJobs()).toEqual([]);
    });

    it('stores the parsed payload: unknown keys are dropped before they reach the table', async () => {
      const q = new JobQueue(t.db, log);
      q.define(invite);
      const withExtra = { organisationId: org, reminder: 2, secret: 'do not store' };
      await t.db.asSystem((tx) => q.enqueue(tx, invite, withExtra));
      const [stored] = await t.db.asSystem((tx) =>
        queryRows(tx, sql`SELECT payload FROM jobs`, z.object({ payload: z.unknown() })),
      );
      expect(stored!.payload).toEqual({ organisationId: org, reminder: 2 });
      expect(await q.runDue()).toBe(1);
      expect(ran).toEqual([{ organisationId: org, reminder: 2 }]);
    });

    it('fails a job whose stored payload no longer matches, at once and saying why, without running it', async () => {
      const q = new JobQueue(t.db, log);
      q.define(invite);
      await t.db.asSystem((tx) =>
        tx.execute(sql`INSERT INTO jobs (task, payload, max_attempts)
                       VALUES ('typed.invite', '{"organisationId":"junk","reminder":"2"}', 3)`),
      );
      expect(await q.runDue()).toBe(1);
      const [job] = await allJobs();
      // no retry: the same payload would fail the same way
      expect(job).toMatchObject({ state: 'failed', attempts: 1 });
      expect(job!.last_error).toMatch(/invalid payload for job "typed\.invite".*organisationId.*reminder/s);
      expect(ran).toEqual([]);
      // the owner's hook is given only payloads of its own type
      expect(failed).toEqual([]);
    });

    it('checks a schedule’s payload when it is declared', async () => {
      const q = new JobQueue(t.db, log);
      await expect(
        q.schedule('typed-nightly', '0 3 * * *', invite, { organisationId: org, reminder: -1 }),
      ).rejects.toThrow(/invalid payload for job "typed\.invite"/);
      const schedules = await t.db.asSystem((tx) =>
        queryRows(tx, sql`SELECT name FROM job_schedules`, z.object({ name: z.string() })),
      );
      expect(schedules).toEqual([]);
    });

    it('gives handlers the services as they are when the job runs, not when it was defined', async () => {
      // Only the part of the services this handler reads.
      const services = { config: { publicUrl: 'http://localhost:0' } } as unknown as Services;
      const q = new JobQueue<Services>(t.db, log, { services: () => services });
      const seen: string[] = [];
      const link = defineJob({
        name: 'typed.link',
        payload: empty,
        async handler(_payload, ctx) {
          seen.push(ctx.services.config.publicUrl);
        },
      });
      q.define(link);
      await t.db.asSystem((tx) => q.enqueue(tx, link, {}));
      // What startServer does once it knows the port of PORT=0.
      services.config = { ...services.config, publicUrl: 'http://localhost:41234' };
      expect(await q.runDue()).toBe(1);
      expect(seen).toEqual(['http://localhost:41234']);
    });
  });
});
