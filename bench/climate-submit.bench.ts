// POST /api/climate/respond/:token: a respondent answers the 11 climate items, at 32 concurrent
// connections for 30 s. Every measured request is a real first submit through its own link (links
// seeded beforehand, hashed in the database as in production, each used once). The write is one
// prepared statement that spends the invitation and inserts the response (respond.ts). Afterwards
// the database is checked: one response row per successful submit, with all 11 answers, and as many
// spent invitations. Target: ≥ 1,000/s on PostgreSQL, p99 < 50 ms; PGlite recorded.
import { loadavg } from 'node:os';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { CURRENT_INSTRUMENT } from '../src/domains/climate/instrument.ts';
import { seedOpenRound } from '../src/domains/climate/testing/seed-round.ts';
import { createOrganisation } from '../src/modules.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { col, queryRows } from '../src/platform/db/rows.ts';
import type { Benchmark } from './run.ts';
import { freshDatabaseEnv, load, signedOutHeaders, startServerProcess } from './support.ts';

const CONNECTIONS = 32;
const SECONDS = 30;
const ITEMS = CURRENT_INSTRUMENT.items.map((i) => i.key);

function submission(): string {
  return JSON.stringify({
    answers: ITEMS.map((item) => ({ item, value: 1 + Math.floor(Math.random() * 5) })),
  });
}

const bench: Benchmark = {
  name: 'climate-submit',
  description: `a respondent submits the ${ITEMS.length} team climate items, ${CONNECTIONS} connections, ${SECONDS} s`,
  async run(ctx) {
    const env = await freshDatabaseEnv(ctx);
    const seedDb = await openDatabase({
      databaseUrl: env.DATABASE_URL,
      dataDir: env.LODESTAR_DATA_DIR ?? '',
    });
    const links = ctx.db === 'postgres' ? 150_000 : 60_000;
    let tokens: string[];
    try {
      const organisationId = await seedDb.asSystem((tx) =>
        createOrganisation(tx, { name: 'bench', slug: 'bench' }),
      );
      const t0 = performance.now();
      tokens = await seedOpenRound(seedDb, organisationId, links);
      ctx.log(`seeded ${tokens.length} climate links in ${Math.round(performance.now() - t0)} ms`);
    } finally {
      await seedDb.close();
    }

    const server = await startServerProcess(env, 3906);
    let result: Awaited<ReturnType<typeof load>>;
    let warm: Awaited<ReturnType<typeof load>>;
    try {
      const headers = await signedOutHeaders(server.url);
      let next = 0;
      const prepare = async () => {
        const token = tokens[next++];
        if (!token) throw new Error('ran out of seeded climate links: seed more');
        return { path: `/api/climate/respond/${token}`, headers, body: submission() };
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

    const db = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.LODESTAR_DATA_DIR ?? '' });
    try {
      const [counts] = await db.asSystem((tx) =>
        queryRows(
          tx,
          sql`SELECT (SELECT count(*) FROM climate_responses) AS responses,
                     (SELECT count(*) FROM climate_responses
                       WHERE (SELECT count(*) FROM jsonb_object_keys(answers)) = ${ITEMS.length}) AS complete,
                     (SELECT count(*) FROM climate_invitations WHERE status = 'submitted') AS spent`,
          z.object({ responses: col.count, complete: col.count, spent: col.count }),
        ),
      );
      if (
        counts!.responses !== successful ||
        counts!.complete !== successful ||
        counts!.spent !== successful
      ) {
        throw new Error(`expected ${successful} complete climate responses, found ${JSON.stringify(counts)}`);
      }
      ctx.log(
        `verified: ${successful} responses stored with ${ITEMS.length} answers each, as many links spent`,
      );
      return {
        connections: CONNECTIONS,
        seconds: SECONDS,
        items: ITEMS.length,
        ...result,
        verified_rows: counts!.responses,
        loadavg_1m: Math.round(loadavg()[0]! * 100) / 100,
      };
    } finally {
      await db.close();
    }
  },
};
export default bench;
