// An app on a test database, and a client that keeps cookies and sends the CSRF header like the
// web app does. Requests go through app.request(), without a socket.
import type { Hono } from 'hono';
import { loadConfig } from '../../src/config.ts';
import { seedDemo } from '../../src/demo/seed-demo.ts';
import { hashPassword } from '../../src/identity/auth/password.ts';
import { listCareerStages } from '../../src/identity/organisations/service.ts';
import { people } from '../../src/identity/people/schema.ts';
import { createOrganisation } from '../../src/modules.ts';
import type { DatabaseKind } from '../../src/platform/db/database.ts';
import { createLogger } from '../../src/platform/log.ts';
import type { Services } from '../../src/platform/services.ts';
import { createLodestarApp, createServices } from '../../src/server.ts';
import { openTestDatabase, type TestDatabase } from './databases.ts';

export interface Harness {
  app: Hono;
  services: Services;
  database: TestDatabase;
  close(): Promise<void>;
}

export async function startHarness(kind: DatabaseKind): Promise<Harness> {
  const database = await openTestDatabase(kind);
  const config = loadConfig({ NODE_ENV: 'test', PUBLIC_URL: 'http://lodestar.test', LOG_LEVEL: 'silent' });
  const log = createLogger('silent');
  const services = await createServices(config, log, database.db);
  const app = createLodestarApp(services) as unknown as Hono;
  return { app, services, database, close: () => database.drop() };
}

export class Client {
  readonly cookies = new Map<string, string>();
  constructor(readonly app: Hono) {}

  async request(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Response> {
    const h: Record<string, string> = { ...headers };
    if (this.cookies.size) h.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (method !== 'GET' && this.cookies.has('lodestar_csrf') && !('x-csrf-token' in h)) {
      h['x-csrf-token'] = this.cookies.get('lodestar_csrf')!;
    }
    let payload: BodyInit | undefined;
    if (body instanceof Uint8Array || typeof body === 'string') payload = body as BodyInit;
    else if (body !== undefined) {
      payload = JSON.stringify(body);
      h['content-type'] ??= 'application/json';
    }
    const res = await this.app.request(path, {
      method,
      headers: h,
      ...(payload !== undefined ? { body: payload } : {}),
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...rest] = pair!.split('=');
      const value = rest.join('=');
      if (/max-age=0/i.test(line) || value === '') this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), value);
    }
    return res;
  }

  get = (path: string) => this.request('GET', path);
  post = (path: string, body?: unknown, headers?: Record<string, string>) =>
    this.request('POST', path, body, headers);
  patch = (path: string, body?: unknown) => this.request('PATCH', path, body);
  put = (path: string, body?: unknown) => this.request('PUT', path, body);
  delete = (path: string) => this.request('DELETE', path);

  async signIn(email: string, password: string): Promise<Response> {
    await this.get('/api/auth/csrf');
    return this.post('/api/auth/login', { email, password });
  }
}

export const PASSWORD = 'correct horse battery';

/** A second organisation with one person of each role, all sharing PASSWORD. */
export async function addOrganisation(services: Services, slug: string) {
  const passwordHash = await hashPassword(PASSWORD);
  const organisationId = await services.db.asSystem((tx) =>
    createOrganisation(tx, { name: slug.toUpperCase(), slug }),
  );
  const made = await services.db.inOrganisation(organisationId, async (tx) => {
    const stages = await listCareerStages({ tx });
    const stageId = stages[0]!.id;
    const rows = await tx
      .insert(people)
      .values(
        (['participant', 'coach', 'admin'] as const).map((role) => ({
          organisationId,
          name: `${slug} ${role}`,
          email: `${role}@${slug}.test`,
          careerStageId: stageId,
          roles: role === 'participant' ? ['participant'] : ['participant', role],
          passwordHash,
          status: 'active' as const,
        })),
      )
      .returning({ id: people.id, email: people.email });
    return rows;
  });
  return { organisationId, people: made };
}

export { seedDemo };
