// POST /api/rate/:token/submit on a pulse: a rater re-rates 5 focus behaviours and answers the one
// open question, at 32 concurrent connections for 30 s. Every measured request is a real first
// submit through its own link (tokens seeded beforehand, hashed in the database as in production,
// each used once); each pulse follows a released 360 whose raters it links to, as launch makes it.
// The write is the same single statement as a 360's, with the pulse's conditions (items among the
// pulse's, every pulse item answered, only the pulse's question). Afterwards the database is checked:
// one submitted pulse row per successful submit, with exactly the 5 answers and the comment. As in
// feedback-submit, pgbench's single-row INSERT rate (PostgreSQL) and the stack's floor (a bare Hono
// endpoint inserting the same body, bench/floor-server.ts) are measured in the same run.
// Target: ≥ 1,000/s on PostgreSQL, p99 < 50 ms; PGlite recorded.
import { loadavg } from 'node:os';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { seedOpenPulses, seedOrganisationWithItems } from '../src/domains/feedback/testing/seed-campaigns.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { col, queryRows } from '../src/platform/db/rows.ts';
import { floorRun, pgbenchCeiling } from './feedback-submit.bench.ts';
import type { Benchmark } from './run.ts';
import { freshDatabaseEnv, load, signedOutHeaders, startServerProcess } from './support.ts';

const CONNECTIONS = 32;
const SECONDS = 30;
/** The framework the pulses' 360s used (as in feedback-submit), and how many behaviours a pulse asks. */
const FRAMEWORK_ITEMS = 40;
const PULSE_ITEMS = 5;
const RATERS_PER_PULSE = 10;

/** The rater's request body: every pulse item (one "can't say" now and then) and the question. */
function submission(itemKeys: ReadonlyArray<string>): string {
  return JSON.stringify({
    answers: itemKeys.map((item) => ({
      item,
      value: Math.random() < 0.05 ? null : 1 + Math.floor(Math.random() * 5),
    })),
    comments: { different: 'Asks for our ideas in planning before giving their own.' },
  });
}

const bench: Benchmark = {
  name: 'pulse-submit',
  description: `a rater submits a ${PULSE_ITEMS}-item pulse with its question, ${CONNECTIONS} connections, ${SECONDS} s`,
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
    let pulseItems: string[];
    try {
      const seeded = await seedOrganisationWithItems(seedDb, 'bench', FRAMEWORK_ITEMS);
      // Spread over capabilities, as focus behaviours usually are.
      pulseItems = seeded.itemKeys.filter((_, i) => i % 8 === 0).slice(0, PULSE_ITEMS);
      const t0 = performance.now();
      tokens = await seedOpenPulses(
        seedDb,
        seeded.organisationId,
        links / RATERS_PER_PULSE,
        RATERS_PER_PULSE,
        pulseItems,
      );
      ctx.log(`seeded ${tokens.length} pulse rater links in ${Math.round(performance.now() - t0)} ms`);
    } finally {
      await seedDb.close();
    }

    const server = await startServerProcess(env, 3905);
    let result: Awaited<ReturnType<typeof load>>;
    let warm: Awaited<ReturnType<typeof load>>;
    try {
      const headers = await signedOutHeaders(server.url);
      let next = 0;
      const prepare = async () => {
        const token = tokens[next++];
        if (!token) throw new Error('ran out of seeded rater links: seed more');
        return { path: `/api/rate/${token}/submit`, headers, body: submission(pulseItems) };
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

    const floor = await floorRun(ctx, env, () => submission(pulseItems));
    const ceiling = ctx.db === 'postgres' ? await pgbenchCeiling(ctx, env.DATABASE_URL!) : null;

    const db = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.LODESTAR_DATA_DIR ?? '' });
    try {
      const keys = `{${pulseItems.join(',')}}`;
      const [counts] = await db.asSystem((tx) =>
        queryRows(
          tx,
          sql`SELECT count(*) AS submitted,
                     count(*) FILTER (WHERE r.answers ?& ${keys}::text[]
                                        AND (SELECT count(*) FROM jsonb_object_keys(r.answers)) = ${PULSE_ITEMS}) AS complete,
                     count(*) FILTER (WHERE r.comments ? 'different' AND NOT r.comments ? 'keep') AS commented
                FROM feedback_raters r
                JOIN feedback_campaigns c ON c.organisation_id = r.organisation_id AND c.id = r.campaign_id
               WHERE r.status = 'submitted' AND c.kind = 'pulse'`,
          z.object({ submitted: col.count, complete: col.count, commented: col.count }),
        ),
      );
      if (
        counts!.submitted !== successful ||
        counts!.complete !== successful ||
        counts!.commented !== successful
      ) {
        throw new Error(`expected ${successful} complete pulse submissions, found ${JSON.stringify(counts)}`);
      }
      ctx.log(
        `verified: ${successful} pulse submissions stored, each with ${PULSE_ITEMS} answers and the question`,
      );
      return {
        connections: CONNECTIONS,
        seconds: SECONDS,
        items: PULSE_ITEMS,
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
