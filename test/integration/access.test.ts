// Deny by default, proved by walking every declared route with every kind of caller, including
// an admin of another organisation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allRoutes } from '../../src/modules.ts';
import { canAccess } from '../../src/platform/http/route.ts';
import { testDatabaseKinds } from '../support/databases.ts';
import { addOrganisation, Client, type Harness, PASSWORD, startHarness } from '../support/harness.ts';

const CALLERS = ['anonymous', 'participant', 'coach', 'admin', 'other-admin'] as const;

describe.each(testDatabaseKinds())('route access on %s', (kind) => {
  let h: Harness;
  let home: Awaited<ReturnType<typeof addOrganisation>>;

  beforeAll(async () => {
    h = await startHarness(kind);
    home = await addOrganisation(h.services, 'home');
    await addOrganisation(h.services, 'other');
  });
  afterAll(() => h.close());

  async function clientFor(caller: (typeof CALLERS)[number]): Promise<Client> {
    const c = new Client(h.app);
    await c.get('/api/auth/csrf');
    if (caller === 'anonymous') return c;
    const email = caller === 'other-admin' ? 'admin@other.test' : `${caller}@home.test`;
    expect((await c.signIn(email, PASSWORD)).status).toBe(200);
    return c;
  }

  it('covers every route', () => {
    expect(allRoutes.length).toBeGreaterThanOrEqual(15);
    for (const r of allRoutes) expect(r.access, `${r.method} ${r.path}`).toBeDefined();
  });

  for (const caller of CALLERS) {
    it(`answers ${caller} as each route declares`, async () => {
      const someoneAtHome = home.people[0]!.id;
      for (const r of allRoutes) {
        const path = r.path
          .replace(':id', someoneAtHome)
          .replace(':token', `${home.organisationId}.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`);
        const c = await clientFor(caller);
        const body = r.method === 'get' ? undefined : r.rawBody ? 'email,name,career_stage\n' : {};
        const res = await c.request(r.method.toUpperCase(), path, body);
        const label = `${caller} ${r.method.toUpperCase()} ${r.path} → ${res.status}`;
        const roles =
          caller === 'anonymous'
            ? null
            : caller === 'other-admin'
              ? ['participant', 'admin']
              : caller === 'participant'
                ? ['participant']
                : ['participant', caller];
        const viewer = roles
          ? { organisationId: '', personId: '', sessionId: '', email: '', name: '', roles: roles as never }
          : null;
        if (!canAccess(r.access, viewer)) {
          expect(res.status, label).toBe(viewer ? 403 : 401);
          continue;
        }
        // A route narrowed to a group that is not a role (team leaders) may refuse with 403.
        if (!(r.narrowedTo && res.status === 403)) expect([401, 403], label).not.toContain(res.status);
        expect(res.status, label).toBeLessThan(500);
        if (caller === 'other-admin') {
          // Another organisation's admin never sees this organisation's rows.
          const text = await res.text();
          for (const p of home.people) expect(text, label).not.toContain(p.id);
          if (r.path.includes(':id')) expect([404, 400], label).toContain(res.status);
        }
      }
    });
  }
});
