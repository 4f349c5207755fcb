// The composition root: configuration → database → jobs → HTTP, and an orderly shutdown.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Config } from './config.ts';
import { type DemoCredentials, isDatabaseEmpty, seedDemo } from './demo/seed-demo.ts';
import { resolveViewer } from './identity/auth/sessions.ts';
import { allRoutes, modules } from './modules.ts';
import { type Database, openDatabase } from './platform/db/database.ts';
import { type AppOptions, createApp } from './platform/http/app.ts';
import { drainable } from './platform/http/drain.ts';
import { StaticSite } from './platform/http/static.ts';
import { JobQueue } from './platform/jobs/queue.ts';
import { createLogger, type Logger } from './platform/log.ts';
import type { Services } from './platform/services.ts';
import { ensureWebBuild } from './web-build.ts';

export interface RunningServer {
  url: string;
  services: Services;
  demo: DemoCredentials | null;
  close(): Promise<void>;
}

/**
 * Builds the services a server, a CLI command or a test needs, with every module's jobs defined
 * and their schedules declared. `db` is an already open database (tests); otherwise the configured one is opened.
 */
export async function createServices(
  config: Config,
  log: Logger = createLogger(config.logLevel),
  db?: Database,
): Promise<Services> {
  const database = db ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
  // Handlers are given this very object when they run, so they see a configuration replaced later
  // (startServer settles the real port of PORT=0 after this).
  const services: Services = {
    config,
    db: database,
    log,
    jobs: new JobQueue<Services>(database, log, { services: () => services }),
    clock: () => new Date(),
  };
  for (const job of modules.flatMap((m) => m.jobs ?? [])) {
    services.jobs.define(job);
    if (job.schedule)
      await services.jobs.schedule(job.name, job.schedule.cron, job, job.schedule.payload ?? {});
  }
  return services;
}

/** The HTTP app with every module's routes, signed-in people resolved by identity's sessions. */
export function createLodestarApp(services: Services, options: Pick<AppOptions, 'site' | 'isReady'> = {}) {
  return createApp({
    services,
    routes: allRoutes,
    viewerOf: (cookie) => resolveViewer(services.db, cookie),
    ...options,
  });
}

export async function startServer(config: Config, options: { web?: boolean } = {}): Promise<RunningServer> {
  const log = createLogger(config.logLevel);
  const services = await createServices(config, log);
  let demo: DemoCredentials | null = null;
  if (config.seedDemo && (await isDatabaseEmpty(services.db))) {
    log.info('empty database: seeding the demo organisation');
    demo = await seedDemo(services);
  }
  const site = options.web === false ? undefined : new StaticSite(await ensureWebBuild((m) => log.info(m)));
  let ready = false;
  let closing = false;
  const app = createLodestarApp(services, { site, isReady: () => ready && !closing });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host });
  // serve() makes a plain HTTP/1.1 server unless given TLS or HTTP/2 options, which we never pass.
  const http = drainable(server as Server);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const url = config.publicUrl.replace(/:\d+$/, `:${port}`);
  // PORT=0 (tests, benchmarks) picks a free port: links in emails must carry the real one. Job
  // handlers read services.config when they run, and none runs before this.
  if (config.publicUrl.endsWith(':0')) services.config = { ...services.config, publicUrl: url };
  services.jobs.start();
  ready = true;
  log.info({ url }, 'Lodestar is ready');

  return {
    url,
    services,
    demo,
    async close() {
      if (closing) return;
      closing = true;
      // Stop taking connections, let in-flight requests finish (until the deadline), then in-flight
      // jobs, then the database.
      const { cutOff } = await http.drain(config.shutdownTimeoutMs);
      if (cutOff) log.warn({ cutOff }, 'requests still running at the shutdown deadline were cut off');
      await services.jobs.stop();
      await services.db.close();
      log.info('Lodestar stopped');
    },
  };
}
