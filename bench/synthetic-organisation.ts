// A synthetic organisation of N people (`lodestar seed --synthetic N`) in a fresh database, a server
// over it and its admin signed in: what the analytics benches (heatmap, impact) measure against.
// The server's resident memory is sampled from its start, so a bench can report the peak above idle
// while the server decides and serves the figures (issue #12: < 512 MB above idle).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { BenchContext } from './run.ts';
import {
  dropFreshDatabase,
  freshDatabaseEnv,
  residentMb,
  type ServerProcess,
  signIn,
  startServerProcess,
} from './support.ts';

const ROOT = join(import.meta.dirname, '..');

export interface SyntheticServer {
  server: ServerProcess;
  /** GET headers of the signed-in admin; `post` adds the CSRF token. */
  get: Record<string, string>;
  post: Record<string, string>;
  seedSeconds: number;
  seedSummary: string;
  idleMb: number;
  /** Highest resident memory of the server seen since `idleMb` was taken. */
  peakMb(): number;
  close(): Promise<void>;
}

function run(args: string[], env: Record<string, string>): Promise<string> {
  const { DATABASE_URL: _inherited, ...inherited } = process.env;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/lodestar.js'), ...args], {
      cwd: ROOT,
      env: { ...inherited, LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += String(d);
    });
    child.stderr.on('data', (d) => {
      err += String(d);
    });
    child.on('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`lodestar ${args.join(' ')} failed: ${err}`)),
    );
  });
}

/**
 * BENCH_SYNTHETIC_DATABASE_URL: a PostgreSQL database already seeded with `seed --synthetic N
 * --organisation bench` (at 100,000 people the seed takes minutes; heatmap and impact can share one).
 * It is used as it is and kept.
 */
const REUSE = process.env.BENCH_SYNTHETIC_DATABASE_URL;

export async function syntheticServer(
  ctx: BenchContext,
  people: number,
  port: number,
): Promise<SyntheticServer> {
  const env = REUSE ? { DATABASE_URL: REUSE } : await freshDatabaseEnv(ctx);
  const started = performance.now();
  const out = REUSE
    ? `reused ${REUSE}\nadmin admin@bench.example, password lodestar-demo`
    : await run(['seed', '--synthetic', String(people), '--organisation', 'bench'], env);
  const seedSeconds = REUSE ? 0 : Math.round((performance.now() - started) / 100) / 10;
  const admin = /admin (\S+), password (\S+)/.exec(out);
  if (!admin) throw new Error(`the seed did not name its admin: ${out}`);
  ctx.log(`seeded ${people} people in ${seedSeconds} s: ${out.trim().split('\n')[0]}`);
  const server = await startServerProcess(env, port);
  const session = await signIn(server.url, admin[1]!, admin[2]!);
  const get = { cookie: session.cookie, 'accept-encoding': 'gzip, deflate, br' };
  // Idle: started, migrated, one signed-in request served, nothing analytic computed yet.
  await fetch(`${server.url}/api/me`, { headers: get });
  await new Promise((r) => setTimeout(r, 1000));
  const idleMb = residentMb(server.pid);
  let peak = idleMb;
  const sampler = setInterval(() => {
    try {
      peak = Math.max(peak, residentMb(server.pid));
    } catch {
      // the server has exited; close() reports it
    }
  }, 50);
  return {
    server,
    get,
    post: { ...get, 'x-csrf-token': session.csrf, 'content-type': 'application/json' },
    seedSeconds,
    seedSummary: out.trim().split('\n')[0]!,
    idleMb,
    peakMb: () => peak,
    async close() {
      clearInterval(sampler);
      await server.stop();
      if (!REUSE) await dropFreshDatabase(ctx, env);
    },
  };
}

/** Polls until `path` answers 200 (the job has decided), returning the wait in ms. */
export async function waitFor(
  url: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<number> {
  const started = performance.now();
  for (;;) {
    const res = await fetch(url, { headers }).catch(async (err: unknown) => {
      // A reset connection is the server gone: let its exit (and stderr) be reported first.
      await new Promise((r) => setTimeout(r, 1000));
      throw err;
    });
    await res.arrayBuffer();
    if (res.status === 200) return Math.round(performance.now() - started);
    if (performance.now() - started > timeoutMs)
      throw new Error(`${url} still ${res.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
