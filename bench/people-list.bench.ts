// GET /api/people for an organisation of 500 people, signed in, 32 concurrent connections, 20 s.

import type { Benchmark } from './run.ts';
import { freshDatabaseEnv, load, signIn, startServerProcess } from './support.ts';

const bench: Benchmark = {
  name: 'people-list',
  description: 'GET /api/people (500 people) at 32 concurrent connections for 20 s',
  async run(ctx) {
    const server = await startServerProcess(await freshDatabaseEnv(ctx), 3902);
    try {
      const admin = await signIn(server.url, 'amara.okafor@northwind.example', 'lodestar-demo');
      const existing = (await (
        await fetch(`${server.url}/api/people`, { headers: { cookie: admin.cookie } })
      ).json()) as {
        total: number;
      };
      const rows = ['email,name,career_stage,team,manager_email'];
      for (let i = existing.total; i < 500; i++) {
        rows.push(
          `bench${i}@northwind.example,Bench Person ${i},individual-contributor,Bench ${i % 8},sam.taylor@northwind.example`,
        );
      }
      const imported = await fetch(`${server.url}/api/people/import`, {
        method: 'POST',
        headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'text/csv' },
        body: rows.join('\n'),
      });
      if (!imported.ok) throw new Error(`import failed: ${await imported.text()}`);
      const check = (await (
        await fetch(`${server.url}/api/people`, { headers: { cookie: admin.cookie } })
      ).json()) as {
        total: number;
        items: unknown[];
      };
      if (check.items.length !== 500) throw new Error(`expected 500 people, got ${check.items.length}`);
      const participant = await signIn(server.url, 'sam.taylor@northwind.example', 'lodestar-demo');
      await load({
        url: server.url,
        path: '/api/people',
        headers: { cookie: participant.cookie },
        connections: 32,
        seconds: 3,
      });
      // Browsers always send Accept-Encoding, so the headline figures do too; the same load without
      // it (100 KB of JSON per response) is reported beside them.
      const browserLike = { cookie: participant.cookie, 'accept-encoding': 'gzip, deflate, br' };
      const result = await load({
        url: server.url,
        path: '/api/people',
        headers: browserLike,
        connections: 32,
        seconds: 20,
      });
      const identity = await load({
        url: server.url,
        path: '/api/people',
        headers: { cookie: participant.cookie },
        connections: 32,
        seconds: 20,
      });
      return {
        people: check.items.length,
        connections: 32,
        seconds: 20,
        ...result,
        identity_rps: identity.rps,
        identity_p99_ms: identity.p99_ms,
        identity_errors: identity.errors,
      };
    } finally {
      await server.stop();
    }
  },
};
export default bench;
