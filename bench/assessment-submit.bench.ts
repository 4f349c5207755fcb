// POST /api/assessments/:id/submit with every answer of the default framework (71 items; the issue's
// figure is for 60) at 16 concurrent connections for 20 s, each connection a different demo person.
// Before each submit, unmeasured, the connection starts a new assessment (retakes are allowed), so
// every measured request is a real, complete submit: validate, store 71 answers, score the profile.
// Afterwards the database is checked: one new submitted assessment per successful submit, and 71
// answers stored with every submitted assessment. Target: p99 < 30 ms on PostgreSQL.
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { openDatabase } from '../src/platform/db/database.ts';
import { col, queryRows } from '../src/platform/db/rows.ts';
import type { Benchmark } from './run.ts';
import { freshDatabaseEnv, load, signIn, startServerProcess } from './support.ts';

const CONNECTIONS = 16;
const SECONDS = 20;
const DEMO_PASSWORD = 'lodestar-demo';

type Form = { id: string; pages: { items: { key: string }[] }[] };
type Session = { cookie: string; csrf: string };

const bench: Benchmark = {
  name: 'assessment-submit',
  description: `submit a complete self-assessment (71 answers) at ${CONNECTIONS} concurrent connections for ${SECONDS} s`,
  async run(ctx) {
    const env = await freshDatabaseEnv(ctx);
    const server = await startServerProcess(env, 3903);
    let figures: Record<string, unknown>;
    let successful = 0;
    try {
      const admin = await signIn(server.url, 'amara.okafor@northwind.example', DEMO_PASSWORD);
      const directory = (await (
        await fetch(`${server.url}/api/people`, { headers: { cookie: admin.cookie } })
      ).json()) as { items: { email: string }[] };
      const sessions: Session[] = [];
      for (const person of directory.items.slice(0, CONNECTIONS)) {
        sessions.push(await signIn(server.url, person.email, DEMO_PASSWORD));
      }
      const submittedBy = async (session: Session) => {
        const history = (await (
          await fetch(`${server.url}/api/me/assessments`, { headers: { cookie: session.cookie } })
        ).json()) as { items: { status: string }[] };
        return history.items.filter((i) => i.status === 'submitted').length;
      };
      const submittedBefore = (await Promise.all(sessions.map(submittedBy))).reduce((a, b) => a + b, 0);

      const prepare = async (connection: number) => {
        const session = sessions[connection]!;
        const headers = {
          cookie: session.cookie,
          'x-csrf-token': session.csrf,
          'content-type': 'application/json',
        };
        const started = await fetch(`${server.url}/api/assessments`, { method: 'POST', headers });
        if (started.status !== 200 && started.status !== 201) {
          throw new Error(`start failed: ${started.status} ${await started.text()}`);
        }
        const form = (await started.json()) as Form;
        const answers = form.pages.flatMap((page) =>
          page.items.map((item) => ({ item: item.key, value: 1 + Math.floor(Math.random() * 5) })),
        );
        return { path: `/api/assessments/${form.id}/submit`, headers, body: JSON.stringify({ answers }) };
      };
      const common = {
        url: server.url,
        method: 'POST',
        connections: CONNECTIONS,
        prepare,
        expectStatus: 200,
      };
      const warm = await load({ ...common, path: '/', seconds: 3 });
      const result = await load({ ...common, path: '/', seconds: SECONDS });
      successful = warm.requests - warm.errors + (result.requests - result.errors);

      const submittedAfter = (await Promise.all(sessions.map(submittedBy))).reduce((a, b) => a + b, 0);
      if (submittedAfter - submittedBefore !== successful) {
        throw new Error(
          `expected ${successful} new submitted assessments, found ${submittedAfter - submittedBefore}`,
        );
      }
      figures = { connections: CONNECTIONS, seconds: SECONDS, items: 71, ...result };
    } finally {
      await server.stop();
    }

    // With the server stopped (PGlite allows one process), check what the database holds.
    const db = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.LODESTAR_DATA_DIR ?? '' });
    try {
      const [counts] = await db.asSystem((tx) =>
        queryRows(
          tx,
          sql`SELECT count(*) AS submitted,
                     coalesce(sum((SELECT count(*) FROM jsonb_object_keys(answers))), 0) AS answers
                FROM assessments WHERE status = 'submitted'`,
          z.object({ submitted: col.count, answers: col.count }),
        ),
      );
      if (counts!.answers !== counts!.submitted * 71) {
        throw new Error(`expected 71 answers per submitted assessment: ${JSON.stringify(counts)}`);
      }
      ctx.log(
        `verified: ${successful} submits stored; ${counts!.submitted} submitted assessments, ${counts!.answers} answers`,
      );
      return {
        ...figures,
        verified_submits: successful,
        submitted_rows: counts!.submitted,
        answer_rows: counts!.answers,
      };
    } finally {
      await db.close();
    }
  },
};
export default bench;
