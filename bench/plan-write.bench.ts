// POST /api/experiments/:id/practice: 32 demo people, each signed in with their own session and
// running an experiment of their own plan, log practice (did it / outcome / note) at 32 concurrent
// connections for 30 s. Afterwards the database is checked: exactly one practice row per 2xx answer,
// each on the experiment of the person who sent it (row-level security on the person decides who may
// write; nothing else). Target: ≥ 1,000/s on PostgreSQL, p99 < 50 ms, 0 errors.
import { loadavg } from 'node:os';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { openDatabase } from '../src/platform/db/database.ts';
import { queryRows } from '../src/platform/db/rows.ts';
import type { Benchmark } from './run.ts';
import { dropFreshDatabase, freshDatabaseEnv, load, signIn, startServerProcess } from './support.ts';

const CONNECTIONS = 32;
const SECONDS = 30;
const PASSWORD = 'lodestar-demo';

interface Writer {
  cookie: string;
  csrf: string;
  experimentId: string;
}

async function json<T>(res: Response, what: string): Promise<T> {
  if (!res.ok) throw new Error(`${what} failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Signs a demo person in and gives them a plan with one running experiment (through the API). */
async function writer(url: string, email: string): Promise<Writer> {
  const session = await signIn(url, email, PASSWORD);
  const headers = {
    cookie: session.cookie,
    'x-csrf-token': session.csrf,
    'content-type': 'application/json',
  };
  const plan = await json<{ focusAreas: { id: string }[] }>(
    await fetch(`${url}/api/plans`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        title: 'Benchmark plan',
        focusAreas: [{ kind: 'other', title: 'Listening', goal: 'Listen before I answer' }],
      }),
    }),
    `starting a plan for ${email}`,
  );
  const today = new Date().toISOString().slice(0, 10);
  const later = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
  const withExperiment = await json<{ focusAreas: { experiments: { id: string }[] }[] }>(
    await fetch(`${url}/api/focus-areas/${plan.focusAreas[0]!.id}/experiments`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        action: 'Ask one open question before giving my view',
        situation: 'In one-to-ones',
        frequency: 'Three times a week',
        signal: 'I learn something that changes my plan',
        startsOn: today,
        reviewOn: later,
        status: 'running',
      }),
    }),
    `adding an experiment for ${email}`,
  );
  // Adding an experiment answers with the whole plan.
  const experimentId = withExperiment.focusAreas[0]!.experiments[0]!.id;
  return { cookie: session.cookie, csrf: session.csrf, experimentId };
}

const bench: Benchmark = {
  name: 'plan-write',
  description: `practice-log writes by ${CONNECTIONS} people at ${CONNECTIONS} connections for ${SECONDS} s`,
  async run(ctx) {
    const env = await freshDatabaseEnv(ctx);
    const server = await startServerProcess(env, 3908);
    let result: Awaited<ReturnType<typeof load>>;
    let writers: Writer[];
    try {
      const admin = await signIn(server.url, 'amara.okafor@northwind.example', PASSWORD);
      const people = await json<{ items: { email: string; status: string }[] }>(
        await fetch(`${server.url}/api/people?limit=200`, { headers: { cookie: admin.cookie } }),
        'listing people',
      );
      const emails = people.items.filter((p) => p.status === 'active').map((p) => p.email);
      if (emails.length < CONNECTIONS) throw new Error(`only ${emails.length} active demo people`);
      writers = [];
      for (const email of emails.slice(0, CONNECTIONS)) writers.push(await writer(server.url, email));
      const body = (i: number) =>
        JSON.stringify({ didIt: i % 4 !== 0, outcome: 1 + (i % 5), note: 'Asked first; heard a new idea.' });
      let n = 0;
      const common = {
        url: server.url,
        path: '/',
        method: 'POST',
        connections: CONNECTIONS,
        expectStatus: 201,
        prepare: async (connection: number) => {
          const w = writers[connection]!;
          return {
            path: `/api/experiments/${w.experimentId}/practice`,
            headers: { cookie: w.cookie, 'x-csrf-token': w.csrf, 'content-type': 'application/json' },
            body: body(n++),
          };
        },
      };
      // One write checked by hand first, so a refused request fails the run with its answer.
      const probe = await common.prepare(0);
      const first = await fetch(`${server.url}${probe.path}`, {
        method: 'POST',
        headers: probe.headers,
        body: probe.body,
      });
      if (first.status !== 201)
        throw new Error(`practice write refused: ${first.status} ${await first.text()}`);
      const warm = await load({ ...common, seconds: 3 });
      result = await load({ ...common, seconds: SECONDS });
      ctx.log(`warm-up ${warm.requests} requests, ${warm.errors} errors`);
      const expected = 1 + warm.requests - warm.errors + (result.requests - result.errors);

      // Verify from outside the server: one row per acknowledged write, each its owner's.
      await server.stop();
      const db = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.LODESTAR_DATA_DIR ?? '' });
      try {
        const [row] = await db.asSystem((tx) =>
          queryRows(
            tx,
            sql`SELECT count(*)::int AS rows,
                       count(*) FILTER (WHERE l.owner_id <> e.owner_id)::int AS foreign_rows
                  FROM plan_practice_logs l
                  JOIN plan_experiments e ON e.organisation_id = l.organisation_id AND e.id = l.experiment_id
                 WHERE e.id = ANY(${`{${writers.map((w) => w.experimentId).join(',')}}`}::uuid[])`,
            z.object({ rows: z.number(), foreign_rows: z.number() }),
          ),
        );
        ctx.log(
          `rows ${row!.rows} for ${expected} acknowledged writes; ${row!.foreign_rows} on another's experiment`,
        );
        if (row!.rows !== expected || row!.foreign_rows !== 0)
          throw new Error(`rows do not match: ${JSON.stringify(row)} vs ${expected} acknowledged`);
      } finally {
        await db.close();
      }
      return {
        connections: CONNECTIONS,
        seconds: SECONDS,
        people: writers.length,
        ...result,
        rows_verified: expected,
        load_average: loadavg()[0]!.toFixed(1),
      };
    } finally {
      await server.stop().catch(() => {});
      await dropFreshDatabase(ctx, env);
    }
  },
};
export default bench;
