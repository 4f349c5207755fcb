// Text the database cannot store, or that is not text at all, is refused in one place (the HTTP
// app) for every body, query and path parameter: 400 naming the field, never a 500, nothing written.
// And ids cannot be probed by their format: on every route, a malformed id or link in the path is
// answered exactly as a well-formed one that does not exist (same status, same body).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allRoutes } from '../../src/modules.ts';
import { testDatabaseKinds } from '../support/databases.ts';
import { addOrganisation, Client, type Harness, PASSWORD, startHarness } from '../support/harness.ts';

type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };

const NUL = 'must not contain the NUL character (U+0000)';
const MALFORMED = ['not-an-id', '1', 'x'.repeat(300), `${randomUUID()}x`];
const unknownValue = (name: string) =>
  name === 'token' ? `${randomUUID()}.${'A'.repeat(43)}` : randomUUID();

describe.each(testDatabaseKinds())('text in requests on %s', (kind) => {
  let h: Harness;
  let admin: Client;

  const headcount = async () => ((await (await admin.get('/api/people')).json()) as { total: number }).total;
  const refused = async (res: Response, field: string, rule: RegExp | string) => {
    const body = (await res.json()) as ErrorBody;
    expect(res.status, JSON.stringify(body)).toBe(400);
    expect(body.error.code).toBe('invalid_input');
    expect(body.error.message).toContain(field);
    expect(Object.keys(body.error.fields ?? {})).toEqual([field]);
    expect(body.error.fields![field]).toMatch(rule);
  };

  beforeAll(async () => {
    h = await startHarness(kind);
    await addOrganisation(h.services, 'acme');
    admin = new Client(h.app);
    expect((await admin.signIn('admin@acme.test', PASSWORD)).status).toBe(200);
  });
  afterAll(() => h.close());

  it('refuses NUL in any query parameter, naming it', async () => {
    await refused(await admin.get('/api/people?q=%00'), 'q', NUL);
    await refused(await admin.get('/api/people?stage=%00'), 'stage', NUL);
    await refused(await admin.get('/api/people?team=%00'), 'team', NUL);
    await refused(await admin.get('/api/people?q=a&q=b%00'), 'q', NUL);
    // A parameter the route does not read is refused too: the rule is the app's, not each contract's.
    await refused(await admin.get('/api/teams?x=%00'), 'x', NUL);
  });

  it('refuses NUL in a path parameter, naming it', async () => {
    await refused(await admin.get('/api/people/%00'), 'id', NUL);
    await refused(await admin.get(`/api/rate/a%00b`), 'token', NUL);
  });

  it('refuses percent-encoding that is not UTF-8 (a lone surrogate, a stray byte) in query and path', async () => {
    await refused(await admin.get('/api/people?q=%ED%A0%80'), 'q', /UTF-8/);
    await refused(await admin.get('/api/people?stage=%E9'), 'stage', /UTF-8/);
    await refused(await admin.get('/api/people/%ED%A0%80'), 'id', /UTF-8/);
  });

  it('refuses a lone surrogate in a JSON body instead of storing U+FFFD, and writes nothing', async () => {
    const before = await headcount();
    const cases: [Record<string, unknown>, string, RegExp | string][] = [
      [{ name: 'a\ud800b' }, 'name', /lone surrogate/],
      [{ team: '\udc00' }, 'team', /lone surrogate/],
      [{ '\u0000': 1 }, '\u0000', NUL],
    ];
    for (const [bad, field, rule] of cases) {
      const person = { name: 'Lone', email: 'lone@acme.test', careerStage: 'manager', ...bad };
      await refused(await admin.post('/api/people', person), field, rule);
    }
    expect(await headcount()).toBe(before);
    // A surrogate pair is ordinary text.
    const emoji = await admin.post('/api/people', {
      name: 'Ada \ud83d\ude00',
      email: 'emoji@acme.test',
      careerStage: 'manager',
    });
    expect(emoji.status).toBe(201);
    expect(((await emoji.json()) as { name: string }).name).toBe('Ada 😀');
    const found = (await (await admin.get('/api/people?q=%F0%9F%98%80')).json()) as { total: number };
    expect(found.total).toBe(1);
  });

  const withParams = allRoutes.filter((r) => r.path.includes('/:'));

  it('walks every route with a path parameter', () => {
    expect(withParams.length).toBeGreaterThanOrEqual(30);
  });

  it('answers a malformed id as an unknown one, on every route', async () => {
    const answer = async (method: string, path: string) => {
      const res = await admin.request(method.toUpperCase(), path);
      return { status: res.status, body: await res.text() };
    };
    for (const r of withParams) {
      const names = [...r.path.matchAll(/:(\w+)/g)].map((m) => m[1]!);
      const unknown = Object.fromEntries(names.map((n) => [n, unknownValue(n)]));
      const fill = (values: Record<string, string>) =>
        r.path.replace(/:(\w+)/g, (_, n: string) => encodeURIComponent(values[n]!));
      const expected = await answer(r.method, fill(unknown));
      expect(expected.status, `${r.method} ${r.path}`).toBeLessThan(500);
      for (const name of names) {
        for (const bad of MALFORMED) {
          const got = await answer(r.method, fill({ ...unknown, [name]: bad }));
          // The unknown ids are random, so messages do not quote them; compare everything.
          expect(got, `${r.method} ${r.path} with ${name}=${bad.slice(0, 20)}`).toEqual(expected);
        }
      }
    }
  });

  it('answers GET /api/people/<malformed> with the 404 of a missing person', async () => {
    const res = await admin.get('/api/people/not-an-id');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'not_found', message: 'person not found' } });
  });
});
