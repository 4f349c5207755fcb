// The digest for 10,000 people (issue #10 figure: < 60 s on PostgreSQL while a concurrent API load
// keeps p99 < 50 ms; PGlite recorded too), then a crash run: the server is killed with SIGKILL
// mid-digest and restarted, and the digests are counted per person and period (duplicates and
// missing must both be 0).
//
// Set-up, with the server stopped (PGlite allows one process): 10,000 people in the demo
// organisation, each with an active plan, one capability focus and two experiments that are due
// (one running without practice, one planned to start), written in bulk; every one of them with a
// digest due now, in one of twelve time zones (the weekday and hour of their own wall clock now);
// everyone else's digest off; and the scheduler's next scan set to a known time T0.
//
// Run: the server starts; 16 of the people sign in; GET /api/home as them at RATE requests a second,
// first alone for 10 s (baseline p99), then from T0 until every digest is delivered to the outbox,
// while an admin polls the outbox API every 500 ms. Reported: the time from T0 to the last
// digest email recorded (the digest run: scan, batches, claim + email in one transaction each) and
// to the last one delivered to the outbox (the mailer's jobs), and the API's latency during it.
//
//   npm run bench -- digest [--db pglite|postgres]      (DIGEST_PEOPLE, DIGEST_RATE; DIGEST_CRASH=0 skips
//   the crash run, for tuning)
import http from 'node:http';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { DEMO_PASSWORD, DEMO_SLUG } from '../src/demo/seed-demo.ts';
import { developmentPlans, planExperiments, planFocusAreas } from '../src/domains/development/schema.ts';
import { localTime } from '../src/domains/nudges/schedule.ts';
import { nudgePreferences } from '../src/domains/nudges/schema.ts';
import { hashPassword } from '../src/identity/auth/password.ts';
import { people } from '../src/identity/people/schema.ts';
import { type Database, openDatabase } from '../src/platform/db/database.ts';
import { col, queryRows } from '../src/platform/db/rows.ts';
import type { BenchContext, Benchmark } from './run.ts';
import {
  dropFreshDatabase,
  freshDatabaseEnv,
  type ServerProcess,
  signIn,
  startServerProcess,
} from './support.ts';

const PEOPLE = Number(process.env.DIGEST_PEOPLE ?? 10_000);
/**
 * The API load, requests per second. Open loop (sent on a timer, not when the previous answer
 * arrives): 10,000 people opening their home page at this rate is a busy hour — one in ten every
 * minute — and, unlike a closed loop that keeps the server saturated, it leaves room for background
 * work, as a real deployment must.
 */
const RATE = Number(process.env.DIGEST_RATE ?? 100);
const USERS = 16;
const PORT = 3912;
const DOMAIN = 'digest-bench.example';
const SUBJECT = 'Your week in Lodestar%';
/** How long a phase may take before the bench gives up on it. */
const TIMEOUT_MS = 15 * 60_000;
/** Where the crash run kills the server: after this share of the digests is recorded. */
const KILL_AT = 0.4;
const ZONES = [
  'UTC',
  'Europe/London',
  'Europe/Berlin',
  'America/New_York',
  'America/Los_Angeles',
  'America/Sao_Paulo',
  'Africa/Lagos',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Asia/Tokyo',
  'Australia/Sydney',
  'Pacific/Auckland',
];
const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const chunks = <T>(list: T[], size: number) =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

type Session = { cookie: string; csrf: string };

const openDb = (env: Record<string, string>) =>
  openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.LODESTAR_DATA_DIR ?? '' });

/** The bench people, their plans and experiments, in bulk (the system role: seeding, not a request). */
export async function seed(
  db: Database,
  ctx: BenchContext,
): Promise<{ organisationId: string; users: string[] }> {
  const started = performance.now();
  const [org] = await db.asSystem((tx) =>
    queryRows(
      tx,
      sql`SELECT o.id::text AS id, (SELECT s.id::text FROM career_stages s WHERE s.organisation_id = o.id
                                     ORDER BY s.position LIMIT 1) AS stage
            FROM organisations o WHERE o.slug = ${DEMO_SLUG}`,
      z.object({ id: col.text, stage: col.text }),
    ),
  );
  const organisationId = org!.id;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const today = Date.now();
  const ids: string[] = [];
  await db.asSystem(async (tx) => {
    for (const part of chunks(
      Array.from({ length: PEOPLE }, (_, i) => i),
      1000,
    )) {
      const rows = await tx
        .insert(people)
        .values(
          part.map((i) => ({
            organisationId,
            email: `digest${i}@${DOMAIN}`,
            name: `Digest Person ${i}`,
            careerStageId: org!.stage,
            passwordHash: i < USERS ? passwordHash : null,
            status: 'active' as const,
          })),
        )
        .returning({ id: people.id });
      ids.push(...rows.map((r) => r.id));
    }
    for (const part of chunks(ids, 1000)) {
      const plans = await tx
        .insert(developmentPlans)
        .values(part.map((ownerId) => ({ organisationId, ownerId, title: 'Bench plan' })))
        .returning({ id: developmentPlans.id, ownerId: developmentPlans.ownerId });
      const focus = await tx
        .insert(planFocusAreas)
        .values(
          plans.map((p) => ({
            organisationId,
            planId: p.id,
            ownerId: p.ownerId,
            position: 0,
            kind: 'capability' as const,
            capabilityKey: 'building-relationships',
            blockKey: 'empowering-skills',
            title: 'Building relationships',
            goal: 'Know my colleagues as people',
          })),
        )
        .returning({ id: planFocusAreas.id, ownerId: planFocusAreas.ownerId });
      const experiment = (f: (typeof focus)[number], n: number) => ({
        organisationId,
        focusId: f.id,
        ownerId: f.ownerId,
        action: `Bench experiment ${n}`,
        situation: 'In one-to-ones',
        frequency: 'Twice a week',
        signal: 'People say more',
        startsOn: isoDay(today + (n === 1 ? -14 : 1) * DAY),
        reviewOn: isoDay(today + 21 * DAY),
        status: n === 1 ? ('running' as const) : ('planned' as const),
      });
      await tx.insert(planExperiments).values(focus.flatMap((f) => [experiment(f, 1), experiment(f, 2)]));
    }
  });
  ctx.log(`seeded ${PEOPLE} people with plans in ${Math.round(performance.now() - started)} ms`);
  return {
    organisationId,
    users: Array.from({ length: USERS }, (_, i) => `digest${i}@${DOMAIN}`),
  };
}

/**
 * Everyone's digest due now in their own zone, everyone else's off, and the scan set for `at`.
 * Also clears earlier digests of the bench people (the crash run sends the same period again).
 */
export async function prepareRun(db: Database, organisationId: string, at: Date): Promise<Baseline> {
  const now = new Date();
  await db.asSystem(async (tx) => {
    await tx.execute(sql`DELETE FROM digest_sends ds USING people p
                          WHERE p.organisation_id = ds.organisation_id AND p.id = ds.person_id
                            AND p.email LIKE ${`%@${DOMAIN}`}`);
    await tx.execute(sql`DELETE FROM emails WHERE "to" LIKE ${`%@${DOMAIN}`}`);
    await tx.execute(sql`DELETE FROM jobs WHERE task IN ('nudges.send-digests', 'email.deliver')`);
    const everyone = await queryRows(
      tx,
      sql`SELECT id::text AS id, email FROM people WHERE organisation_id = ${organisationId} ORDER BY email`,
      z.object({ id: col.text, email: col.text }),
    );
    await tx.execute(sql`DELETE FROM nudge_preferences WHERE organisation_id = ${organisationId}`);
    let i = 0;
    for (const part of chunks(everyone, 1000)) {
      await tx.insert(nudgePreferences).values(
        part.map((p) => {
          const timeZone = ZONES[i++ % ZONES.length]!;
          const local = localTime(now, timeZone);
          return {
            organisationId,
            personId: p.id,
            frequency: p.email.endsWith(`@${DOMAIN}`) ? ('weekly' as const) : ('off' as const),
            weekday: local.isoWeekday,
            hour: local.hour,
            timeZone,
          };
        }),
      );
    }
    await tx.execute(
      sql`UPDATE job_schedules SET next_run_at = ${at.toISOString()}::timestamptz WHERE name = 'nudges.digest-scan'`,
    );
  });
  return otherEmails(db);
}

/**
 * The emails that are not bench digests, counted while the server is down: the outbox API's totals
 * minus these are the digests, however early the scan fires after a start.
 */
interface Baseline {
  all: number;
  outbox: number;
}
async function otherEmails(db: Database): Promise<Baseline> {
  const [row] = await db.asSystem((tx) =>
    queryRows(
      tx,
      sql`SELECT count(*) AS "all", count(*) FILTER (WHERE status = 'outbox') AS outbox FROM emails
           WHERE NOT ("to" LIKE ${`%@${DOMAIN}`} AND subject LIKE ${SUBJECT})`,
      z.object({ all: col.count, outbox: col.count }),
    ),
  );
  return row!;
}

/** Digest emails to the bench people: recorded, and delivered to the outbox, through the admin API. */
async function outboxCounts(url: string, admin: Session, baseline: Baseline) {
  const total = async (query: string) => {
    const res = await fetch(`${url}/api/admin/outbox?limit=1${query}`, { headers: { cookie: admin.cookie } });
    if (!res.ok) throw new Error(`outbox: ${res.status}`);
    return ((await res.json()) as { total: number }).total;
  };
  const [all, outbox] = await Promise.all([total(''), total('&status=outbox')]);
  return { recorded: all - baseline.all, delivered: outbox - baseline.outbox };
}

/** Per person and period: how many digests (emails and digest_sends rows) the bench people got. */
async function countDigests(db: Database, organisationId: string) {
  const rows = await db.asSystem((tx) =>
    queryRows(
      tx,
      sql`WITH e AS (SELECT "to", count(*) AS emails, count(*) FILTER (WHERE status = 'queued') AS undelivered
                       FROM emails WHERE organisation_id = ${organisationId} AND subject LIKE ${SUBJECT} GROUP BY "to"),
               d AS (SELECT person_id, count(*) AS sends, count(DISTINCT period) AS periods
                       FROM digest_sends WHERE organisation_id = ${organisationId} GROUP BY person_id)
          SELECT p.id::text AS id, coalesce(e.emails, 0) AS emails, coalesce(d.sends, 0) AS sends,
                 coalesce(d.periods, 0) AS periods, coalesce(e.undelivered, 0) AS undelivered
            FROM people p
            LEFT JOIN e ON e."to" = p.email
            LEFT JOIN d ON d.person_id = p.id
           WHERE p.organisation_id = ${organisationId} AND p.email LIKE ${`%@${DOMAIN}`}`,
      z.object({
        id: col.text,
        emails: col.count,
        sends: col.count,
        periods: col.count,
        undelivered: col.count,
      }),
    ),
  );
  const [span] = await db.asSystem((tx) =>
    queryRows(
      tx,
      sql`SELECT min(created_at) AS first, max(created_at) AS last FROM emails
           WHERE organisation_id = ${organisationId} AND "to" LIKE ${`%@${DOMAIN}`} AND subject LIKE ${SUBJECT}`,
      z.object({ first: col.timestamp.nullable(), last: col.timestamp.nullable() }),
    ),
  );
  return {
    people: rows.length,
    duplicates: rows.reduce((n, r) => n + Math.max(0, r.emails - 1) + Math.max(0, r.sends - 1), 0),
    missing: rows.filter((r) => r.emails === 0 || r.sends === 0).length,
    // Every send has its email and every email its send, one period each.
    mismatched: rows.filter((r) => r.emails !== r.sends || r.periods !== r.sends).length,
    undelivered: rows.reduce((n, r) => n + r.undelivered, 0),
    first: span?.first ?? null,
    last: span?.last ?? null,
  };
}

interface Latencies {
  requests: number;
  errors: number;
  rps: number;
  p50_ms: number;
  p99_ms: number;
  max_ms: number;
}

/** GET `path` at `rate` a second (open loop), cycling through `cookies`, until `stop()` or `seconds`. */
async function paced(
  url: string,
  path: string,
  cookies: string[],
  rate: number,
  seconds: number,
  stop = () => false,
) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const latencies: number[] = [];
  let errors = 0;
  const inFlight = new Set<Promise<void>>();
  const started = performance.now();
  const deadline = started + seconds * 1000;
  for (let i = 0, next = started; !stop() && performance.now() < deadline; i++, next += 1000 / rate) {
    const wait = next - performance.now();
    if (wait > 0) await sleep(wait);
    const sent = performance.now();
    const request = new Promise<void>((resolve) => {
      const req = http.get(
        new URL(path, url),
        { agent, headers: { cookie: cookies[i % cookies.length]! } },
        (res) => {
          res.on('data', () => {});
          res.on('end', () => {
            latencies.push(performance.now() - sent);
            if (res.statusCode !== 200) errors++;
            resolve();
          });
        },
      );
      req.on('error', () => {
        errors++;
        resolve();
      });
    });
    inFlight.add(request);
    void request.then(() => inFlight.delete(request));
  }
  await Promise.all(inFlight);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const q = (p: number) =>
    Math.round((latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0) * 100) /
    100;
  const result: Latencies = {
    requests: latencies.length,
    errors,
    rps: Math.round(latencies.length / ((performance.now() - started) / 1000)),
    p50_ms: q(0.5),
    p99_ms: q(0.99),
    max_ms: q(1),
  };
  return result;
}

async function until(what: string, condition: () => Promise<boolean>, everyMs = 500): Promise<number> {
  const started = performance.now();
  while (!(await condition())) {
    if (performance.now() - started > TIMEOUT_MS)
      throw new Error(`${what}: not done in ${TIMEOUT_MS / 1000} s`);
    await sleep(everyMs);
  }
  return performance.now();
}

const bench: Benchmark = {
  name: 'digest',
  description: `the digest for ${PEOPLE} people under GET /api/home at ${RATE}/s, then SIGKILL mid-digest and count`,
  async run(ctx) {
    const env = await freshDatabaseEnv(ctx);
    let server: ServerProcess | undefined;
    try {
      // First start: migrations and the demo organisation.
      await (await startServerProcess(env, PORT)).stop();
      let db = await openDb(env);
      const { organisationId, users } = await seed(db, ctx);
      // T0 far enough ahead for the start, the sign-ins and the baseline load.
      const t0 = new Date(Date.now() + 45_000);
      const baseline = await prepareRun(db, organisationId, t0);
      await db.close();

      server = await startServerProcess(env, PORT);
      const url = server.url;
      const admin = await signIn(url, 'amara.okafor@northwind.example', DEMO_PASSWORD);
      const sessions: Session[] = [];
      for (const email of users) sessions.push(await signIn(url, email, DEMO_PASSWORD));
      const homeLoad = (seconds: number, stop?: () => boolean) =>
        paced(
          url,
          `/api/home?today=${isoDay(Date.now())}`,
          sessions.map((s) => s.cookie),
          RATE,
          seconds,
          stop,
        );
      await homeLoad(3);
      const baselineLoad = await homeLoad(10);
      ctx.log(
        `home alone: p50 ${baselineLoad.p50_ms} ms, p99 ${baselineLoad.p99_ms} ms, ${baselineLoad.rps} rps`,
      );
      if (Date.now() > t0.getTime()) throw new Error('set-up took longer than the lead before T0');
      await sleep(t0.getTime() - Date.now());

      // The run: the load until every digest is in the outbox, the admin watching.
      let done = false;
      let recordedAt = 0;
      const started = performance.now();
      const during = homeLoad(TIMEOUT_MS / 1000, () => done);
      const deliveredAt = await until('digest run', async () => {
        const c = await outboxCounts(url, admin, baseline);
        if (!recordedAt && c.recorded >= PEOPLE) recordedAt = performance.now();
        return c.delivered >= PEOPLE;
      });
      done = true;
      const duringLoad = await during;
      await server.stop();
      server = undefined;
      db = await openDb(env);
      const run = await countDigests(db, organisationId);
      ctx.log(
        `digest run: ${run.people} people, recorded by ${(run.last!.getTime() - t0.getTime()) / 1000} s after T0, ` +
          `delivered by ${Math.round(deliveredAt - started) / 1000} s; home p99 ${duringLoad.p99_ms} ms ` +
          `(${duringLoad.requests} requests, ${duringLoad.errors} errors)`,
      );

      if (process.env.DIGEST_CRASH === '0') {
        await db.close();
        return {
          people: PEOPLE,
          home_rate_per_s: RATE,
          digest_recorded_s: (run.last!.getTime() - t0.getTime()) / 1000,
          digest_delivered_s: (deliveredAt - started) / 1000,
          home_p99_ms: duringLoad.p99_ms,
          home_max_ms: duringLoad.max_ms,
          home_alone_p99_ms: baselineLoad.p99_ms,
        };
      }
      // The crash run: the same period again from nothing, SIGKILL once KILL_AT of it is recorded.
      const crashBaseline = await prepareRun(db, organisationId, new Date(Date.now() + 8_000));
      await db.close();
      server = await startServerProcess(env, PORT);
      const admin2 = await signIn(server.url, 'amara.okafor@northwind.example', DEMO_PASSWORD);
      let recordedAtKill = 0;
      await until(
        'crash run before the kill',
        async () => {
          recordedAtKill = (await outboxCounts(server!.url, admin2, crashBaseline)).recorded;
          return recordedAtKill >= PEOPLE * KILL_AT;
        },
        100,
      );
      ctx.log(`crash run: killing the server at ${recordedAtKill} digests recorded`);
      const exited = new Promise((r) => server!.child.once('exit', r));
      server.child.kill('SIGKILL');
      await exited;
      server = undefined;
      // The operator restarts it; the next scan is made due now rather than in up to 5 minutes.
      db = await openDb(env);
      const [afterKill] = await db.asSystem((tx) =>
        queryRows(
          tx,
          sql`SELECT count(*) AS n FROM emails WHERE "to" LIKE ${`%@${DOMAIN}`} AND subject LIKE ${SUBJECT}`,
          z.object({ n: col.count }),
        ),
      );
      await db.asSystem((tx) =>
        tx.execute(sql`UPDATE job_schedules SET next_run_at = now() WHERE name = 'nudges.digest-scan'`),
      );
      const restartBaseline = await otherEmails(db);
      await db.close();
      ctx.log(`crash run: ${afterKill!.n} digests committed before the kill; restarting`);
      const restartStarted = performance.now();
      server = await startServerProcess(env, PORT);
      const admin3 = await signIn(server.url, 'amara.okafor@northwind.example', DEMO_PASSWORD);
      const finishedAt = await until('crash run after the restart', async () => {
        const c = await outboxCounts(server!.url, admin3, restartBaseline);
        return c.recorded >= PEOPLE;
      });
      await server.stop();
      server = undefined;
      db = await openDb(env);
      const crash = await countDigests(db, organisationId);
      await db.close();
      ctx.log(
        `crash run: killed at ${recordedAtKill} (${afterKill!.n} committed), finished ${Math.round(finishedAt - restartStarted) / 1000} s after the restart; ` +
          `${crash.duplicates} duplicates, ${crash.missing} missing, ${crash.mismatched} mismatched, ${crash.undelivered} not yet delivered`,
      );
      if (run.duplicates || run.missing || crash.duplicates || crash.missing || crash.mismatched)
        process.exitCode = 1;

      return {
        people: PEOPLE,
        home_rate_per_s: RATE,
        digest_recorded_s: Math.round((run.last!.getTime() - t0.getTime()) / 100) / 10,
        digest_delivered_s: Math.round((deliveredAt - started) / 100) / 10,
        digests_per_s: Math.round(PEOPLE / ((run.last!.getTime() - run.first!.getTime()) / 1000)),
        home_p50_ms: duringLoad.p50_ms,
        home_p99_ms: duringLoad.p99_ms,
        home_max_ms: duringLoad.max_ms,
        home_rps: duringLoad.rps,
        home_errors: duringLoad.errors,
        home_alone_p99_ms: baselineLoad.p99_ms,
        run_duplicates: run.duplicates,
        run_missing: run.missing,
        crash_killed_after: afterKill!.n,
        crash_duplicates: crash.duplicates,
        crash_missing: crash.missing,
        crash_mismatched: crash.mismatched,
        crash_undelivered_at_end: crash.undelivered,
        ok:
          run.duplicates === 0 &&
          run.missing === 0 &&
          crash.duplicates === 0 &&
          crash.missing === 0 &&
          crash.mismatched === 0,
      };
    } finally {
      await server?.stop();
      await dropFreshDatabase(ctx, env);
    }
  },
};
export default bench;
