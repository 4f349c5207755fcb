// The stack's floor for `feedback-submit`: the same HTTP server library (Hono on
// @hono/node-server) and the same database driver, one endpoint that inserts the rater payload as
// it arrives, without reading the link, validating or checking anything: what a submit cannot beat
// on this machine. Started by the benchmark as a child process, like the real server:
//   node --import tsx bench/floor-server.ts   (PORT, and DATABASE_URL or LODESTAR_DATA_DIR)
import { PGlite } from '@electric-sql/pglite';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import pg from 'pg';

const CREATE = `CREATE TABLE IF NOT EXISTS floor_submissions (
  id bigserial PRIMARY KEY, token text NOT NULL, payload jsonb NOT NULL,
  submitted_at timestamptz NOT NULL DEFAULT now())`;
const INSERT = 'INSERT INTO floor_submissions (token, payload) VALUES ($1, $2::jsonb)';

type Insert = (token: string, payload: string) => Promise<unknown>;

async function openStore(): Promise<Insert> {
  if (process.env.DATABASE_URL) {
    // The same pool size as the real server's (Database.openPostgres).
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
    await pool.query(CREATE);
    return (token, payload) => pool.query(INSERT, [token, payload]);
  }
  const db = await PGlite.create({ dataDir: process.env.LODESTAR_DATA_DIR! });
  await db.exec(CREATE);
  return (token, payload) => db.query(INSERT, [token, payload]);
}

const insert = await openStore();
const app = new Hono();
app.get('/readyz', (c) => c.json({ ready: true }));
app.post('/api/rate/:token/submit', async (c) => {
  await insert(c.req.param('token'), await c.req.text());
  return c.json({ status: 'submitted' });
});
serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' });
