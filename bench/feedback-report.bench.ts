// GET /api/feedback/campaigns/:id/report for a released 360 with 15 raters (manager, 5 peers,
// 5 direct reports, 4 others) × 50 items, at 16 concurrent connections for 20 s, signed in as the
// subject. Each request checks access, reads the frozen released report and builds the view from it.
// Target: p99 < 25 ms.
import { loadavg } from 'node:os';
import {
  seedOrganisationWithItems,
  seedReleasedCampaign,
} from '../src/domains/feedback/testing/seed-campaigns.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import type { Benchmark } from './run.ts';
import { freshDatabaseEnv, load, signIn, startServerProcess } from './support.ts';

const CONNECTIONS = 16;
const SECONDS = 20;
const PASSWORD = 'bench-password-1';

const bench: Benchmark = {
  name: 'feedback-report',
  description: `read a released 360 report (15 raters × 50 items), ${CONNECTIONS} connections, ${SECONDS} s`,
  async run(ctx) {
    const env = await freshDatabaseEnv(ctx);
    const seedDb = await openDatabase({
      databaseUrl: env.DATABASE_URL,
      dataDir: env.LODESTAR_DATA_DIR ?? '',
    });
    let released: { campaignId: string; email: string };
    try {
      const seeded = await seedOrganisationWithItems(seedDb, 'bench', 50);
      released = await seedReleasedCampaign(seedDb, seeded, PASSWORD, {
        manager: 1,
        peers: 5,
        direct_reports: 5,
        others: 4,
      });
    } finally {
      await seedDb.close();
    }
    const server = await startServerProcess(env, 3905);
    try {
      const session = await signIn(server.url, released.email, PASSWORD);
      const path = `/api/feedback/campaigns/${released.campaignId}/report`;
      const first = await fetch(`${server.url}${path}`, { headers: { cookie: session.cookie } });
      const body = (await first.json()) as { capabilities?: { items: unknown[] }[] };
      const items = body.capabilities?.reduce((n, c) => n + c.items.length, 0);
      if (first.status !== 200 || items !== 50)
        throw new Error(`unexpected report: ${first.status} ${items} items`);
      const common = { url: server.url, path, headers: { cookie: session.cookie }, connections: CONNECTIONS };
      await load({ ...common, seconds: 3 });
      const result = await load({ ...common, seconds: SECONDS });
      return {
        connections: CONNECTIONS,
        seconds: SECONDS,
        raters: 15,
        items: 50,
        response_bytes: JSON.stringify(body).length,
        ...result,
        loadavg_1m: Math.round(loadavg()[0]! * 100) / 100,
      };
    } finally {
      await server.stop();
    }
  },
};
export default bench;
