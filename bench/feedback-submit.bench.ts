// POST /api/rate/:token/submit: a rater submits a complete 40-item form with both comments, at 32
// concurrent connections for 30 s. Every measured request is a real first submit through its own
// link: tokens are seeded beforehand (hashed in the database, as in production), each used once.
// Afterwards the database is checked: one submitted rater row per successful submit, 40 answers and
// both comments on each. On PostgreSQL, pgbench's single-row INSERT rate on the same server, in the
// same run, is reported as the ceiling; and on both, the stack's floor: a bare Hono endpoint on the
// same driver inserting the same body without validation (bench/floor-server.ts), same load.
// Targets: ≥ 1,000/s on PostgreSQL, ≥ 300/s on PGlite, p99 < 50 ms.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { z } from 'zod';
import {
  seedOpenCampaigns,
  seedOrganisationWithItems,
} from '../src/domains/feedback/testing/seed-campaigns.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { col, queryRows } from '../src/platform/db/rows.ts';
import type { BenchContext, Benchmark } from './run.ts';
import { freshDatabaseEnv, load, signedOutHeaders, startServerProcess } from './support.ts';

const CONNECTIONS = 32;
const SECONDS = 30;
const ITEMS = 40;

/** pgbench: 32 clients inserting one row per transaction for 10 s into a fresh table. */
export async function pgbenchCeiling(ctx: BenchContext, url: string): Promise<number | null> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(
    'CREATE TABLE IF NOT EXISTS pgbench_ceiling (id bigserial PRIMARY KEY, payload jsonb NOT NULL)',
  );
  await client.end();
  const script = join(mkdtempSync(join(tmpdir(), 'pgbench-')), 'insert.sql');
  writeFileSync(script, `INSERT INTO pgbench_ceiling (payload) VALUES ('{"a": 1, "b": "text"}');\n`);
  try {
    const out = execFileSync(
      'pgbench',
      ['-n', '-f', script, '-c', String(CONNECTIONS), '-j', '2', '-T', '10', url],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const tps = /tps = ([\d.]+)/.exec(out);
    return tps ? Math.round(Number(tps[1])) : null;
  } catch (err) {
    ctx.log(`pgbench failed: ${(err as Error).message}`);
    return null;
  }
}

/** The rater's request body: every item (one in 13 "can't say") and both comments. */
function submission(itemKeys: string[]): string {
  const answers = itemKeys.map((item, i) => ({
    item,
    value: i % 13 === 0 ? null : 1 + Math.floor(Math.random() * 5),
  }));
  return JSON.stringify({
    answers,
    comments: {
      keep: 'Keeps the team calm under pressure and explains decisions clearly.',
      change: 'Could delegate more of the routine work and spend the time on direction.',
    },
  });
}

/**
 * The stack's floor, in the same run: bench/floor-server.ts (Hono, node-server and the same
 * database driver) inserting the same body under the same load, with no validation at all.
 */
export async function floorRun(ctx: BenchContext, env: Record<string, string>, body: () => string) {
  const floorEnv: Record<string, string> = env.DATABASE_URL
    ? { DATABASE_URL: env.DATABASE_URL }
    : { LODESTAR_DATA_DIR: mkdtempSync(join(tmpdir(), 'lodestar-floor-')) };
  const floor = await startServerProcess(floorEnv, 3914, [
    '--import',
    'tsx',
    join(import.meta.dirname, 'floor-server.ts'),
  ]);
  try {
    let n = 0;
    const common = {
      url: floor.url,
      method: 'POST',
      connections: CONNECTIONS,
      expectStatus: 200,
      prepare: async () => ({
        path: `/api/rate/floor-${n++}/submit`,
        headers: { 'content-type': 'application/json' },
        body: body(),
      }),
    };
    await load({ ...common, path: '/', seconds: 3 });
    const result = await load({ ...common, path: '/', seconds: SECONDS });
    ctx.log(`floor: ${result.rps}/s, p99 ${result.p99_ms} ms, ${result.errors} errors`);
    return result;
  } finally {
    await floor.stop();
  }
}

const bench: Benchmark = {
  name: 'feedback-submit',
  description: `a rater submits a ${ITEMS}-item form with comments, ${CONNECTIONS} connections, ${SECONDS} s`,
  async run(ctx) {
    const env = await freshDatabaseEnv(ctx);
    // Seed before the server starts (PGlite allows one process per data directory).
    const seedDb = await openDatabase({
      databaseUrl: env.DATABASE_URL,
      dataDir: env.LODESTAR_DATA_DIR ?? '',
    });
    // Enough single-use links for the run at well above the target rate.
    const links = ctx.db === 'postgres' ? 150_000 : 60_000;
    let tokens: string[];
    let itemKeys: string[];
    try {
      const seeded = await seedOrganisationWithItems(seedDb, 'bench', ITEMS);
      itemKeys = seeded.itemKeys;
      const t0 = performance.now();
      tokens = await seedOpenCampaigns(seedDb, seeded.organisationId, links / 10, 10);
      ctx.log(`seeded ${tokens.length} rater links in ${Math.round(performance.now() - t0)} ms`);
    } finally {
      await seedDb.close();
    }

    const server = await startServerProcess(env, 3904);
    let result: Awaited<ReturnType<typeof load>>;
    let warm: Awaited<ReturnType<typeof load>>;
    try {
      const headers = await signedOutHeaders(server.url);
      let next = 0;
      const prepare = async () => {
        const token = tokens[next++];
        if (!token) throw new Error('ran out of seeded rater links: seed more');
        return { path: `/api/rate/${token}/submit`, headers, body: submission(itemKeys) };
      };
      const common = {
        url: server.url,
        method: 'POST',
        connections: CONNECTIONS,
        prepare,
        expectStatus: 200,
      };
      warm = await load({ ...common, path: '/', seconds: 3 });
      result = await load({ ...common, path: '/', seconds: SECONDS });
    } finally {
      await server.stop();
    }
    const successful = warm.requests - warm.errors + (result.requests - result.errors);

    const floor = await floorRun(ctx, env, () => submission(itemKeys));
    const ceiling = ctx.db === 'postgres' ? await pgbenchCeiling(ctx, env.DATABASE_URL!) : null;

    const db = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.LODESTAR_DATA_DIR ?? '' });
    try {
      const [counts] = await db.asSystem((tx) =>
        queryRows(
          tx,
          sql`SELECT count(*) AS submitted,
                     count(*) FILTER (WHERE (SELECT count(*) FROM jsonb_object_keys(answers)) = ${ITEMS}) AS complete,
                     count(*) FILTER (WHERE comments ? 'keep' AND comments ? 'change') AS commented
                FROM feedback_raters WHERE status = 'submitted'`,
          z.object({ submitted: col.count, complete: col.count, commented: col.count }),
        ),
      );
      if (
        counts!.submitted !== successful ||
        counts!.complete !== successful ||
        counts!.commented !== successful
      ) {
        throw new Error(`expected ${successful} complete submissions, found ${JSON.stringify(counts)}`);
      }
      ctx.log(`verified: ${successful} submissions stored, each with ${ITEMS} answers and both comments`);
      return {
        connections: CONNECTIONS,
        seconds: SECONDS,
        items: ITEMS,
        ...result,
        verified_rows: counts!.submitted,
        ...(ceiling !== null ? { pgbench_insert_tps: ceiling } : {}),
        floor_rps: floor.rps,
        floor_p50_ms: floor.p50_ms,
        floor_p99_ms: floor.p99_ms,
        floor_errors: floor.errors,
        rps_to_floor: Math.round((result.rps / floor.rps) * 100) / 100,
        loadavg_1m: Math.round(loadavg()[0]! * 100) / 100,
      };
    } finally {
      await db.close();
    }
  },
};
export default bench;
