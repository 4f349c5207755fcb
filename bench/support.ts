// Shared pieces of the benchmarks: a Lodestar server in a child process (so the load generator
// does not share its event loop), a fresh database for either kind, and a closed-loop HTTP load.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { z } from 'zod';
import { DEMO_SLUG } from '../src/demo/seed-demo.ts';
import { seedOpenCampaigns } from '../src/domains/feedback/testing/seed-campaigns.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { col, queryRows } from '../src/platform/db/rows.ts';
import type { BenchContext } from './run.ts';

const ROOT = join(import.meta.dirname, '..');

export interface ServerProcess {
  url: string;
  pid: number;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Env for a fresh, empty database of the bench's kind. */
export async function freshDatabaseEnv(ctx: BenchContext): Promise<Record<string, string>> {
  if (ctx.db === 'pglite') return { LODESTAR_DATA_DIR: mkdtempSync(join(tmpdir(), 'lodestar-bench-')) };
  const name = `lodestar_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: ctx.databaseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(ctx.databaseUrl);
  u.pathname = `/${name}`;
  return { DATABASE_URL: u.toString() };
}

export async function startServerProcess(
  env: Record<string, string>,
  port: number,
  /** What to run instead of `bin/lodestar.js serve` (e.g. a floor server); it must answer /readyz. */
  script: string[] = [join(ROOT, 'bin/lodestar.js'), 'serve'],
): Promise<ServerProcess & { readyMs: number }> {
  const started = performance.now();
  // BENCH_SERVER_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the server.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  // The database is the benchmark's choice alone: a DATABASE_URL in the caller's environment (CI
  // exports one) must not turn a --db pglite server into a PostgreSQL one.
  const { DATABASE_URL: _inherited, ...inherited } = process.env;
  const child = spawn(process.execPath, [...nodeArgs, ...script], {
    cwd: ROOT,
    env: { ...inherited, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d) => {
    stderr += String(d);
  });
  let stopping = false;
  // A server that dies mid-run (out of memory, say) shows up as a reset connection; say why.
  child.once('exit', (code, signal) => {
    if (!stopping) console.error(`server exited (${code ?? signal}) during the run:\n${stderr.slice(-4000)}`);
  });
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited: ${stderr}`);
    const ok = await fetch(`${url}/readyz`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  const readyMs = performance.now() - started;
  return {
    url,
    pid: child.pid!,
    child,
    readyMs,
    stop: () =>
      new Promise<void>((resolve) => {
        stopping = true;
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export function residentMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

/**
 * What a signed-out browser sends with a JSON POST (a rater's link): the CSRF cookie and its token.
 */
export async function signedOutHeaders(url: string): Promise<Record<string, string>> {
  const csrfRes = await fetch(`${url}/api/auth/csrf`);
  const cookie = csrfRes.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .join('; ');
  const csrf = ((await csrfRes.json()) as { csrfToken: string }).csrfToken;
  return { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' };
}

/** A signed-in session: returns the Cookie header and the CSRF token. */
export async function signIn(
  url: string,
  email: string,
  password: string,
): Promise<{ cookie: string; csrf: string }> {
  const headers = await signedOutHeaders(url);
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const session = res.headers.getSetCookie().map((c) => c.split(';')[0]!);
  return { cookie: [headers.cookie, ...session].join('; '), csrf: headers['x-csrf-token']! };
}

export interface LoadResult {
  requests: number;
  errors: number;
  rps: number;
  p50_ms: number;
  p90_ms: number;
  p99_ms: number;
  max_ms: number;
}

/** One request of a load, as `prepare` may shape it. */
export interface PreparedRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
}

/** Closed-loop load: `connections` keep-alive clients each send the next request when one ends. */
export async function load(options: {
  url: string;
  path: string;
  method?: string;
  headers?: Record<string, string>;
  body?: () => string;
  connections: number;
  seconds: number;
  expectStatus?: number;
  /**
   * Runs before each request of a connection, unmeasured (e.g. to start the assessment the request
   * submits), and may replace the path, headers and body of that request.
   */
  prepare?: (connection: number) => Promise<PreparedRequest>;
}): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const target = new URL(options.path, options.url);
  const latencies: number[] = [];
  let errors = 0;
  const deadline = performance.now() + options.seconds * 1000;
  const one = (request: PreparedRequest = {}) =>
    new Promise<void>((resolve) => {
      const started = performance.now();
      const body = request.body ?? options.body?.();
      const headers = request.headers ?? options.headers;
      const req = http.request(
        request.path ? new URL(request.path, options.url) : target,
        {
          method: request.method ?? options.method ?? 'GET',
          agent,
          headers: { ...headers, ...(body ? { 'content-length': Buffer.byteLength(body) } : {}) },
        },
        (res) => {
          res.on('data', () => {});
          res.on('end', () => {
            latencies.push(performance.now() - started);
            if (res.statusCode !== (options.expectStatus ?? 200)) errors++;
            resolve();
          });
        },
      );
      req.on('error', () => {
        errors++;
        resolve();
      });
      if (body) req.write(body);
      req.end();
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: options.connections }, async (_, connection) => {
      while (performance.now() < deadline) await one(await options.prepare?.(connection));
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const q = (p: number) =>
    Math.round((latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0) * 100) /
    100;
  return {
    requests: latencies.length,
    errors,
    rps: Math.round(latencies.length / elapsed),
    p50_ms: q(0.5),
    p90_ms: q(0.9),
    p99_ms: q(0.99),
    max_ms: q(1),
  };
}

export interface DemoWithLinks {
  /** Open rater links (single use) in the demo organisation, in random order. */
  tokens: string[];
  /** Demo people who can sign in with DEMO_PASSWORD. */
  emails: string[];
  /** A released 360 and its subject's email, for report reads. */
  released: { campaignId: string; email: string } | null;
}

/**
 * A first start (migrations and the demo organisation), then, with the server stopped (PGlite
 * allows one process), `links` open rater links seeded into the demo organisation.
 */
export async function prepareDemoWithRaterLinks(
  ctx: BenchContext,
  env: Record<string, string>,
  port: number,
  links: number,
): Promise<DemoWithLinks> {
  await (await startServerProcess(env, port)).stop();
  const db = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.LODESTAR_DATA_DIR ?? '' });
  try {
    const [org] = await db.asSystem((tx) =>
      queryRows(
        tx,
        sql`SELECT id::text AS id FROM organisations WHERE slug = ${DEMO_SLUG}`,
        z.object({ id: col.text }),
      ),
    );
    const t0 = performance.now();
    const tokens = await seedOpenCampaigns(db, org!.id, Math.ceil(links / 8), 8);
    ctx.log(`seeded ${tokens.length} rater links in ${Math.round(performance.now() - t0)} ms`);
    return await db.inOrganisation(org!.id, async (tx) => {
      const people = await queryRows(
        tx,
        sql`SELECT email FROM people WHERE password_hash IS NOT NULL AND status = 'active' ORDER BY email`,
        z.object({ email: col.text }),
      );
      const [released] = await queryRows(
        tx,
        sql`SELECT c.id::text AS "campaignId", p.email FROM feedback_campaigns c
              JOIN people p ON p.organisation_id = c.organisation_id AND p.id = c.subject_id
             WHERE c.status = 'released' LIMIT 1`,
        z.object({ campaignId: col.text, email: col.text }),
      );
      return { tokens, emails: people.map((p) => p.email), released: released ?? null };
    });
  } finally {
    await db.close();
  }
}

/** Drops a database freshDatabaseEnv made, for benchmarks that run in CI on every submission. */
export async function dropFreshDatabase(ctx: BenchContext, env: Record<string, string>): Promise<void> {
  if (!env.DATABASE_URL) return;
  const admin = new pg.Client({ connectionString: ctx.databaseUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${new URL(env.DATABASE_URL).pathname.slice(1)}" WITH (FORCE)`);
  await admin.end();
}
