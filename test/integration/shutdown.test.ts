// Shutdown (SIGTERM/SIGINT in `lodestar serve` call close(), then exit 0) against a real listening
// server with busy keep-alive clients: requests in flight finish with `Connection: close`, each
// connection closes after its response, and a request still running at the deadline is cut, so
// close() always finishes within SHUTDOWN_TIMEOUT_MS and a little.

import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { startServer } from '../../src/server.ts';
import { openTestDatabase, testDatabaseKinds } from '../support/databases.ts';

const DEADLINE_MS = 1500;

type Outcome = { status: number; connection: string | undefined } | { error: string };

/** One request; resolves with its status and Connection header once the body has fully arrived. */
function send(
  url: string,
  options: { method?: string; agent?: Agent; headers?: Record<string, string>; body?: string[] } = {},
): { outcome: Promise<Outcome>; write(chunk: string): void } {
  const req = request(url, {
    method: options.method ?? 'GET',
    agent: options.agent,
    headers: options.headers,
  });
  const outcome = new Promise<Outcome>((resolve) => {
    req.on('error', (err: NodeJS.ErrnoException) => resolve({ error: err.code ?? err.message }));
    req.on('response', (res) => {
      res.on('error', (err: NodeJS.ErrnoException) => resolve({ error: `truncated: ${err.code}` }));
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode!, connection: res.headers.connection }));
    });
  });
  const [first, ...rest] = options.body ?? [];
  if (first === undefined) req.end();
  else req.write(first);
  return {
    outcome,
    write(chunk: string) {
      req.write(chunk);
      if (chunk === rest.at(-1)) req.end();
    },
  };
}

let answeredInAll = 0;

/** A client sending requests one after another on one keep-alive connection until one fails. */
async function busyClient(url: string): Promise<Outcome[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const outcomes: Outcome[] = [];
  for (;;) {
    const outcome = await send(`${url}/readyz`, { agent }).outcome;
    outcomes.push(outcome);
    if ('error' in outcome) break;
    answeredInAll++;
  }
  agent.destroy();
  return outcomes;
}

describe.each(testDatabaseKinds())('shutdown on %s', (kind) => {
  it('drains busy keep-alive clients, cuts a stuck request at the deadline, and closes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lodestar-shutdown-'));
    const database = kind === 'postgres' ? await openTestDatabase('postgres') : undefined;
    const running = await startServer(
      loadConfig({
        NODE_ENV: 'test',
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
        LODESTAR_SEED_DEMO: 'never',
        LODESTAR_DATA_DIR: join(dir, 'data'),
        SHUTDOWN_TIMEOUT_MS: String(DEADLINE_MS),
        ...(database ? { DATABASE_URL: database.url } : {}),
      }),
      { web: false },
    );
    try {
      const url = running.url.replace('localhost', '127.0.0.1');
      const csrf = await fetch(`${url}/api/auth/csrf`);
      const token = ((await csrf.json()) as { csrfToken: string }).csrfToken;
      const login = JSON.stringify({ email: 'nobody@example.test', password: 'not the password' });
      const upload = () =>
        send(`${url}/api/auth/login`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'content-length': String(login.length),
            'x-csrf-token': token,
            cookie: csrf.headers
              .getSetCookie()
              .map((c) => c.split(';')[0])
              .join('; '),
          },
          body: [login.slice(0, 10), login.slice(10)],
        });

      const busy = [1, 2, 3, 4].map(() => busyClient(url));
      // Two requests in flight when the shutdown starts: one finishes during the drain, one never does.
      const finishing = upload();
      const stuck = upload();
      // Once the server has answered a few more requests, it has read the uploads' headers too.
      const mark = answeredInAll;
      while (answeredInAll < mark + 12) await new Promise((r) => setTimeout(r, 20));

      const started = Date.now();
      const closed = running.close().then(() => Date.now() - started);
      await new Promise((r) => setTimeout(r, 200));
      finishing.write(login.slice(10));

      // The request in flight was answered in full, telling the client the connection ends.
      expect(await finishing.outcome).toEqual({ status: 401, connection: 'close' });
      const tookMs = await Promise.race([
        closed,
        new Promise<number>((r) => setTimeout(() => r(-1), 10_000)),
      ]);
      expect(tookMs, 'close() must finish soon after the deadline').toBeGreaterThan(0);
      expect(tookMs).toBeGreaterThanOrEqual(DEADLINE_MS - 50);
      expect(tookMs).toBeLessThan(DEADLINE_MS + 5000);
      expect('error' in (await stuck.outcome)).toBe(true);

      for (const outcomes of await Promise.all(busy)) {
        const answered = outcomes.filter((o): o is Exclude<Outcome, { error: string }> => !('error' in o));
        expect(answered.length).toBeGreaterThan(0);
        // Nothing that was answered was cut short; the client stopped when the server was gone.
        expect(outcomes.filter((o) => 'error' in o && o.error.startsWith('truncated'))).toEqual([]);
        expect(outcomes.at(-1)).toMatchObject({
          error: expect.stringMatching(/ECONNREFUSED|ECONNRESET|hang up/),
        });
      }
      expect(await send(`${url}/healthz`).outcome).toEqual({ error: 'ECONNREFUSED' });
    } finally {
      await running.close();
      await database?.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
