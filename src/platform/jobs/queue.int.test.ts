import { sql } from 'drizzle-orm';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { col, queryRows } from '../db/rows.ts';
import { organisations } from '../tenancy/schema.ts';
import { defineJob } from './define-job.ts';
import { JobQueue } from './queue.ts';
import { QUEUE_TEST_ORG, useQueueDatabase } from './testing/queue-database.ts';

const log = pino({ level: 'silent' });
const empty = z.object({});
const org = QUEUE_TEST_ORG;

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe.each(testDatabaseKinds())('job queue on %s', (kind) => {
  const t = useQueueDatabase(kind);
  const { allJobs } = t;
  // Moves every queued job's due time to now, instead of sleeping through a backoff or delay.
  const fastForward = () =>
    t.db.asSystem((tx) => tx.execute(sql`UPDATE jobs SET run_at = now() WHERE state = 'queued'`));

  it('runs a job enqueued now and passes its payload and attempt', async () => {
    const q = new JobQueue(t.db, log);
    const seen: Array<{ payload: { n: number }; attempt: number }> = [];
    const echo = defineJob({
      name: 'echo',
      payload: z.object({ n: z.number() }),
      async handler(payload, { job }) {
        seen.push({ payload, attempt: job.attempt });
      },
    });
    q.define(echo);
    const id = await t.db.asSystem((tx) => q.enqueue(tx, echo, { n: 7 }));
    expect(id).toBeTypeOf('number');
    expect(await q.runDue()).toBe(1);
    expect(seen).toEqual([{ payload: { n: 7 }, attempt: 1 }]);
    expect((await allJobs())[0]).toMatchObject({ id, state: 'done', attempts: 1 });
    expect(await q.runDue()).toBe(0);
  });

  it('does not run a delayed job early', async () => {
    const q = new JobQueue(t.db, log);
    let runs = 0;
    const later = defineJob({
      name: 'later',
      payload: empty,
      async handler() {
        runs++;
      },
    });
    q.define(later);
    await t.db.asSystem(async (tx) => {
      await q.enqueue(tx, later, {}, { delayMs: 60_000 });
      await q.enqueue(tx, later, {}, { runAt: new Date(Date.now() + 3_600_000) });
    });
    expect(await q.runDue()).toBe(0);
    expect(runs).toBe(0);
    const [delayed, atTime] = await allJobs();
    expect(delayed!.wait_ms).toBeGreaterThan(55_000);
    expect(atTime!.wait_ms).toBeGreaterThan(3_500_000);
    await fastForward();
    expect(await q.runDue()).toBe(2);
    expect(runs).toBe(2);
  });

  it('retries a failing job with exponential backoff until it succeeds', async () => {
    const q = new JobQueue(t.db, log);
    const attempts: number[] = [];
    const flaky = defineJob({
      name: 'flaky',
      payload: empty,
      async handler(_payload, { job }) {
        attempts.push(job.attempt);
        if (job.attempt < 3) throw new Error(`boom ${job.attempt}`);
      },
    });
    q.define(flaky);
    await t.db.asSystem((tx) => q.enqueue(tx, flaky, {}));

    expect(await q.runDue()).toBe(1);
    let [job] = await allJobs();
    expect(job).toMatchObject({ state: 'queued', attempts: 1, last_error: 'boom 1' });
    // 2^1 s ± 20 %
    expect(job!.wait_ms).toBeGreaterThan(1500);
    expect(job!.wait_ms).toBeLessThan(2500);
    expect(await q.runDue()).toBe(0);

    await fastForward();
    expect(await q.runDue()).toBe(1);
    [job] = await allJobs();
    expect(job).toMatchObject({ state: 'queued', attempts: 2, last_error: 'boom 2' });
    // 2^2 s ± 20 %
    expect(job!.wait_ms).toBeGreaterThan(3100);
    expect(job!.wait_ms).toBeLessThan(4900);

    await fastForward();
    expect(await q.runDue()).toBe(1);
    [job] = await allJobs();
    expect(job).toMatchObject({ state: 'done', attempts: 3 });
    expect(attempts).toEqual([1, 2, 3]);
  });

  it('marks a job failed after maxAttempts and calls onFailed once', async () => {
    const q = new JobQueue(t.db, log);
    const failures: Array<{ payload: { to: string }; error: string; attempt: number }> = [];
    const doomed = defineJob({
      name: 'doomed',
      payload: z.object({ to: z.string() }),
      maxAttempts: 2,
      async handler() {
        throw new Error('mail server says no');
      },
      async onFailed(payload, error, { job }) {
        failures.push({ payload, error, attempt: job.attempt });
      },
    });
    q.define(doomed);
    await t.db.asSystem((tx) => q.enqueue(tx, doomed, { to: 'x' }));
    await q.runDue();
    await fastForward();
    await q.runDue();
    await fastForward();
    expect(await q.runDue()).toBe(0);
    expect((await allJobs())[0]).toMatchObject({
      state: 'failed',
      attempts: 2,
      last_error: 'mail server says no',
    });
    expect(failures).toEqual([{ payload: { to: 'x' }, error: 'mail server says no', attempt: 2 }]);
  });

  it('lets enqueue override the defined maxAttempts', async () => {
    const q = new JobQueue(t.db, log);
    const strict = defineJob({
      name: 'strict',
      payload: empty,
      maxAttempts: 4,
      async handler() {
        throw new Error('no');
      },
    });
    q.define(strict);
    await t.db.asSystem((tx) => q.enqueue(tx, strict, {}, { maxAttempts: 1 }));
    await q.runDue();
    expect((await allJobs())[0]).toMatchObject({ state: 'failed', attempts: 1 });
  });

  it('fails a job whose task has no handler, saying so', async () => {
    const q = new JobQueue(t.db, log);
    // Defined, but not on this queue.
    const orphan = defineJob({ name: 'nobody.handles.this', payload: empty, async handler() {} });
    await t.db.asSystem((tx) => q.enqueue(tx, orphan, {}));
    expect(await q.runDue()).toBe(1);
    const [job] = await allJobs();
    expect(job!.state).toBe('failed');
    expect(job!.last_error).toMatch(/no handler .*"nobody\.handles\.this"/);
  });

  it('keeps one live job per dedupe key', async () => {
    const q = new JobQueue(t.db, log);
    const digest = defineJob({
      name: 'digest',
      payload: z.object({ a: z.number().optional() }),
      async handler() {},
    });
    q.define(digest);
    const first = await t.db.asSystem((tx) => q.enqueue(tx, digest, { a: 1 }, { dedupeKey: 'digest:org' }));
    const second = await t.db.asSystem((tx) => q.enqueue(tx, digest, { a: 2 }, { dedupeKey: 'digest:org' }));
    const other = await t.db.asSystem((tx) => q.enqueue(tx, digest, { a: 3 }, { dedupeKey: 'digest:other' }));
    expect(first).toBeTypeOf('number');
    expect(second).toBeNull();
    expect(other).toBeTypeOf('number');
    expect(await q.runDue()).toBe(2);
    // once the first has finished, the key is free again
    const third = await t.db.asSystem((tx) => q.enqueue(tx, digest, {}, { dedupeKey: 'digest:org' }));
    expect(third).toBeTypeOf('number');
    expect(third).not.toBe(first);
  });

  it('enqueues from a tenant transaction, and a rollback leaves no job', async () => {
    const q = new JobQueue(t.db, log);
    const tenantWork = defineJob({
      name: 'tenant.work',
      payload: z.object({ organisationId: z.uuid().optional() }),
      async handler() {},
    });
    q.define(tenantWork);
    await expect(
      t.db.inOrganisation(org, async (tx) => {
        await q.enqueue(tx, tenantWork, { organisationId: org });
        throw new Error('the work that caused the job failed');
      }),
    ).rejects.toThrow('the work that caused the job failed');
    expect(await allJobs()).toEqual([]);

    const id = await t.db.inOrganisation(org, (tx) =>
      q.enqueue(tx, tenantWork, { organisationId: org }, { dedupeKey: `tenant:${org}` }),
    );
    expect(id).toBeTypeOf('number');
    expect(
      await t.db.inOrganisation(org, (tx) => q.enqueue(tx, tenantWork, {}, { dedupeKey: `tenant:${org}` })),
    ).toBeNull();
    expect(await q.runDue()).toBe(1);
  });

  it('fires a schedule once per due time and advances it', async () => {
    const q = new JobQueue(t.db, log);
    const runs: unknown[] = [];
    const nightly = defineJob({
      name: 'nightly',
      payload: z.object({ kind: z.string() }),
      async handler(payload) {
        runs.push(payload);
      },
    });
    q.define(nightly);
    await q.schedule('nightly-digest', '0 3 * * *', nightly, { kind: 'digest' });
    const scheduleRow = z.object({ next_run_at: col.timestamp, cron: z.string() });
    const readSchedule = async () =>
      (
        await t.db.asSystem((tx) =>
          queryRows(
            tx,
            sql`SELECT next_run_at, cron FROM job_schedules WHERE name = 'nightly-digest'`,
            scheduleRow,
          ),
        )
      )[0]!;
    const first = await readSchedule();
    expect(first.next_run_at.getTime()).toBeGreaterThan(Date.now());
    expect(first.next_run_at.getUTCHours()).toBe(3);
    expect(first.next_run_at.getUTCMinutes()).toBe(0);

    expect(await q.runDue()).toBe(0);
    // Pretend the due time has come (and went unnoticed for a while).
    const dueAt = new Date(Date.now() - 90 * 60_000);
    await t.db.asSystem((tx) =>
      tx.execute(sql`UPDATE job_schedules SET next_run_at = ${dueAt.toISOString()}::timestamptz`),
    );
    // Two workers' ticks at the same due time enqueue it once.
    const other = new JobQueue(t.db, log);
    other.define(nightly);
    const [a, b] = await Promise.all([q.runDue(), other.runDue()]);
    expect(a + b).toBe(1);
    expect(await q.runDue()).toBe(0);
    expect(runs).toEqual([{ kind: 'digest' }]);
    const advanced = await readSchedule();
    expect(advanced.next_run_at.getTime()).toBeGreaterThan(Date.now());
    expect(advanced.next_run_at.getUTCHours()).toBe(3);

    // Re-declaring unchanged keeps the pending run; a new cron recomputes it.
    await t.db.asSystem((tx) =>
      tx.execute(sql`UPDATE job_schedules SET next_run_at = ${dueAt.toISOString()}::timestamptz`),
    );
    await q.schedule('nightly-digest', '0 3 * * *', nightly, { kind: 'digest' });
    expect((await readSchedule()).next_run_at.toISOString()).toBe(dueAt.toISOString());
    await q.schedule('nightly-digest', '30 4 * * *', nightly, { kind: 'digest' });
    const changed = await readSchedule();
    expect(changed.cron).toBe('30 4 * * *');
    expect(changed.next_run_at.getTime()).toBeGreaterThan(Date.now());
    expect(await q.runDue()).toBe(0);

    expect(await q.unschedule('nightly-digest')).toBe(true);
    expect(await q.unschedule('nightly-digest')).toBe(false);
    await expect(q.schedule('bad', '0 3 * *', nightly, { kind: 'digest' })).rejects.toThrow(/five fields/);
  });

  it('stop() waits for the in-flight handler and records its result', async () => {
    const q = new JobQueue(t.db, log, { pollIntervalMs: 20 });
    const started = deferred();
    const release = deferred();
    let finished = false;
    const slow = defineJob({
      name: 'slow',
      payload: empty,
      async handler() {
        started.resolve();
        await release.promise;
        // the handler may use the database while it finishes
        await t.db.inOrganisation(org, (tx) => tx.select().from(organisations));
        finished = true;
      },
    });
    q.define(slow);
    await t.db.asSystem((tx) => q.enqueue(tx, slow, {}));
    q.start();
    await started.promise;
    let stopped = false;
    const stopping = q.stop().then(() => {
      stopped = true;
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(stopped).toBe(false);
    release.resolve();
    await stopping;
    expect(finished).toBe(true);
    expect((await allJobs())[0]!.state).toBe('done');

    // and after stop nothing more is claimed
    await t.db.asSystem((tx) => q.enqueue(tx, slow, {}));
    await new Promise((r) => setTimeout(r, 100));
    expect((await allJobs())[1]!.state).toBe('queued');
  });

  it('the poll loop runs jobs as they arrive, each exactly once across workers', async () => {
    const counts = new Map<number, number>();
    const count = defineJob({
      name: 'count',
      payload: z.object({ n: z.number() }),
      async handler({ n }) {
        counts.set(n, (counts.get(n) ?? 0) + 1);
        await t.db.inOrganisation(org, (tx) => tx.select().from(organisations));
      },
    });
    const queues = [0, 1].map(() => {
      const q = new JobQueue(t.db, log, { pollIntervalMs: 20, concurrency: 2 });
      q.define(count);
      return q;
    });
    for (const q of queues) q.start();
    await t.db.asSystem(async (tx) => {
      for (let n = 0; n < 20; n++) await queues[0]!.enqueue(tx, count, { n });
    });
    await until(() => counts.size === 20);
    await Promise.all(queues.map((q) => q.stop()));
    expect([...counts.values()].every((c) => c === 1)).toBe(true);
    expect((await allJobs()).every((j) => j.state === 'done')).toBe(true);
  });

  it('requeues a job abandoned by a crashed worker, and gives up on one out of attempts', async () => {
    const q = new JobQueue(t.db, log, { staleAfterMs: 1000 });
    const ran: string[] = [];
    q.define(
      defineJob({
        name: 'survivor',
        payload: z.object({ name: z.string() }),
        async handler({ name }) {
          ran.push(name);
        },
      }),
    );
    await t.db.asSystem((tx) =>
      tx.execute(sql`INSERT INTO jobs (task, payload, state, attempts, max_attempts, locked_at) VALUES
        ('survivor', '{"name":"stale"}', 'running', 1, 5, now() - interval '10 minutes'),
        ('survivor', '{"name":"busy"}', 'running', 1, 5, now()),
        ('survivor', '{"name":"last"}', 'running', 3, 3, now() - interval '10 minutes')`),
    );
    expect(await q.runDue()).toBe(2);
    expect(ran).toEqual(['stale']);
    const [stale, busy, last] = await allJobs();
    expect(stale).toMatchObject({ state: 'done', attempts: 2 });
    expect(busy).toMatchObject({ state: 'running', attempts: 1 });
    expect(last).toMatchObject({ state: 'failed', attempts: 4 });
    expect(last!.last_error).toMatch(/gave up after 3 attempts; last error: abandoned/);
  });

  it('keeps a long-running handler’s job from looking abandoned', async () => {
    // Margins wide enough for a loaded CI machine: the heartbeat (every staleAfterMs / 3) must stall
    // for more than staleAfterMs before the watcher may take the job back.
    const q = new JobQueue(t.db, log, { staleAfterMs: 600 });
    const watcher = new JobQueue(t.db, log, { staleAfterMs: 600 });
    let runs = 0;
    const long = defineJob({
      name: 'long',
      payload: empty,
      async handler() {
        runs++;
        await new Promise((r) => setTimeout(r, 2000));
      },
    });
    q.define(long);
    await t.db.asSystem((tx) => q.enqueue(tx, long, {}));
    const running = q.runDue();
    // another worker polling meanwhile must not take the job back
    for (let i = 0; i < 4; i++) {
      await new Promise((r) => setTimeout(r, 450));
      expect(await watcher.runDue()).toBe(0);
    }
    expect(await running).toBe(1);
    expect(runs).toBe(1);
    expect((await allJobs())[0]).toMatchObject({ state: 'done', attempts: 1 });
  });

  it('refuses bad arguments', async () => {
    const q = new JobQueue(t.db, log);
    const x = defineJob({ name: 'x', payload: empty, async handler() {} });
    q.define(x);
    expect(() => q.define({ ...x })).toThrow(/already defined/);
    await expect(
      t.db.asSystem((tx) => q.enqueue(tx, x, {}, { runAt: new Date(), delayMs: 5 })),
    ).rejects.toThrow(/not both/);
    await expect(t.db.asSystem((tx) => q.enqueue(tx, x, {}, { maxAttempts: 0 }))).rejects.toThrow(
      /maxAttempts/,
    );
  });
});
