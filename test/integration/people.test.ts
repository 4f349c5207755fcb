import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { people } from '../../src/identity/people/schema.ts';
import { testDatabaseKinds } from '../support/databases.ts';
import { addOrganisation, Client, type Harness, PASSWORD, startHarness } from '../support/harness.ts';

type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };
type ImportBody = {
  applied: boolean;
  errors: { line: number; column: string; message: string }[];
  changes: { create: number; update: number; unchanged: number; skipped: number; newTeams: string[] };
};

describe.each(testDatabaseKinds())('people on %s', (kind) => {
  let h: Harness;
  let org: Awaited<ReturnType<typeof addOrganisation>>;
  let admin: Client;

  const headcount = async () =>
    Number(
      (
        await h.services.db.inOrganisation(org.organisationId, (tx) => tx.select({ n: count() }).from(people))
      )[0]!.n,
    );
  const upload = (csv: string | Uint8Array, query = '') =>
    admin.request(
      'POST',
      `/api/people/import${query}`,
      typeof csv === 'string' ? new TextEncoder().encode(csv) : csv,
      {
        'content-type': 'text/csv',
      },
    );

  beforeAll(async () => {
    h = await startHarness(kind);
    org = await addOrganisation(h.services, 'acme');
    admin = new Client(h.app);
    expect((await admin.signIn('admin@acme.test', PASSWORD)).status).toBe(200);
  });
  afterAll(() => h.close());

  it('creates, reads, lists and updates a person', async () => {
    const created = await admin.post('/api/people', {
      name: '  Ada Lovelace ',
      email: 'ADA@acme.test',
      careerStage: 'Team lead',
      team: 'Analytics',
      managerId: org.people[2]!.id,
      roles: ['participant', 'coach'],
    });
    expect(created.status).toBe(201);
    const ada = (await created.json()) as { id: string; name: string; email: string; team: { name: string } };
    expect(ada).toMatchObject({ name: 'Ada Lovelace', email: 'ada@acme.test', team: { name: 'Analytics' } });
    const list = (await (await admin.get('/api/people?q=ada')).json()) as {
      items: { id: string }[];
      total: number;
    };
    expect(list.items.map((p) => p.id)).toEqual([ada.id]);
    const manager = (await (await admin.get(`/api/people/${org.people[2]!.id}`)).json()) as {
      reports: { id: string }[];
    };
    expect(manager.reports.map((r) => r.id)).toContain(ada.id);
    const updated = await admin.patch(`/api/people/${ada.id}`, { careerStage: 'manager', team: null });
    expect(updated.status).toBe(200);
    expect(await updated.json()).toMatchObject({ careerStage: { key: 'manager' }, team: null });
  });

  it('rejects bad input naming the field, and writes nothing', async () => {
    const before = await headcount();
    const cases: [unknown, string, RegExp][] = [
      [{ name: '', email: 'x@acme.test', careerStage: 'manager' }, 'name', /required/],
      [{ name: 'X', email: 'nope', careerStage: 'manager' }, 'email', /valid email/],
      [{ name: 'X', email: 'x@acme.test', careerStage: 'wizard' }, 'careerStage', /one of/],
      [{ name: 'X', email: 'x@acme.test', careerStage: 'manager', roles: ['king'] }, 'roles.0', /./],
      [
        { name: 'X', email: 'x@acme.test', careerStage: 'manager', managerId: 'not-an-id' },
        'managerId',
        /id/,
      ],
      [{ name: 'X', email: 'participant@acme.test', careerStage: 'manager' }, 'email', /in use/],
      [{ name: 'X'.repeat(201), email: 'x@acme.test', careerStage: 'manager' }, 'name', /200/],
    ];
    for (const [body, field, rule] of cases) {
      const res = await admin.post('/api/people', body);
      expect(res.status, field).toBeGreaterThanOrEqual(400);
      expect(res.status, field).toBeLessThan(500);
      const err = (await res.json()) as ErrorBody;
      expect(err.error.fields?.[field], JSON.stringify(err)).toMatch(rule);
    }
    expect(await headcount()).toBe(before);
  });

  it('rejects reporting loops', async () => {
    const [p, c] = org.people;
    expect((await admin.patch(`/api/people/${p!.id}`, { managerId: c!.id })).status).toBe(200);
    const loop = await admin.patch(`/api/people/${c!.id}`, { managerId: p!.id });
    expect(loop.status).toBe(400);
    expect(((await loop.json()) as ErrorBody).error.fields?.managerId).toMatch(/loop/);
    const self = await admin.patch(`/api/people/${c!.id}`, { managerId: c!.id });
    expect(((await self.json()) as ErrorBody).error.fields?.managerId).toMatch(/themself/);
    await admin.patch(`/api/people/${p!.id}`, { managerId: null });
  });

  it('imports nothing when one row is bad, reports it with line and column, then imports the fixed file', async () => {
    const before = await headcount();
    const bad = [
      'email,name,career_stage,team,manager_email,roles',
      'lead@acme.test,Lena Lead,team-lead,Platform,,participant',
      'dev1@acme.test,Dev One,individual-contributor,Platform,lead@acme.test,',
      'dev2@acme.test,Dev Two,wizard,Platform,lead@acme.test,',
      'dev3@acme.test,Dev Three,individual-contributor,Platform,lead@acme.test,participant;coach',
    ].join('\n');
    const dry = (await (await upload(bad, '?dryRun=true')).json()) as ImportBody;
    expect(dry.errors).toEqual([
      { line: 4, column: 'career_stage', message: expect.stringMatching(/one of/) },
    ]);
    const refused = (await (await upload(bad)).json()) as ImportBody;
    expect(refused.applied).toBe(false);
    expect(await headcount()).toBe(before);

    const fixed = bad.replace('wizard', 'individual-contributor');
    const preview = (await (await upload(fixed, '?dryRun=true')).json()) as ImportBody;
    expect(preview).toMatchObject({
      applied: false,
      errors: [],
      changes: { create: 4, newTeams: ['Platform'] },
    });
    expect(await headcount()).toBe(before);
    const done = (await (await upload(fixed)).json()) as ImportBody;
    expect(done).toMatchObject({ applied: true, changes: { create: 4 } });
    expect(await headcount()).toBe(before + 4);
    const again = (await (await upload(fixed)).json()) as ImportBody;
    expect(again.changes).toMatchObject({ create: 0, unchanged: 4 });
  });

  it('takes a career stage by key or name in any common spelling, in imports and the API', async () => {
    const csv = [
      'email,name,career_stage',
      'snake@acme.test,Snake Case,individual_contributor',
      'shout@acme.test,Shouting,TEAM-LEAD',
      'named@acme.test,By Name,senior leader',
    ].join('\n');
    const res = (await (await upload(csv)).json()) as ImportBody;
    expect(res).toMatchObject({ applied: true, errors: [], changes: { create: 3 } });
    const created = await admin.post('/api/people', {
      name: 'Spaced',
      email: 'spaced@acme.test',
      careerStage: 'Individual Contributor',
    });
    expect(await created.json()).toMatchObject({ careerStage: { key: 'individual-contributor' } });
    const list = (await (await admin.get('/api/people?q=acme.test&limit=1000')).json()) as {
      items: { email: string; careerStage: { key: string } }[];
    };
    const stageOf = (email: string) => list.items.find((p) => p.email === email)?.careerStage.key;
    expect(stageOf('snake@acme.test')).toBe('individual-contributor');
    expect(stageOf('shout@acme.test')).toBe('team-lead');
    expect(stageOf('named@acme.test')).toBe('senior-leader');
  });

  it('imports the valid rows only when asked, dropping rows that depend on invalid ones', async () => {
    const before = await headcount();
    const csv = [
      'email,name,career_stage,manager_email',
      'boss@acme.test,,manager,',
      'kid@acme.test,Kid,individual-contributor,boss@acme.test',
      'ok@acme.test,Okay,individual-contributor,',
      'ok@acme.test,Okay Again,individual-contributor,',
    ].join('\n');
    const res = (await (await upload(csv, '?skipInvalid=true')).json()) as ImportBody;
    expect(res.applied).toBe(true);
    expect(res.errors.map((e) => [e.line, e.column])).toEqual([
      [2, 'name'],
      [3, 'manager_email'],
      [5, 'email'],
    ]);
    expect(await headcount()).toBe(before + 1);
  });

  it('rejects a reporting loop made by the file', async () => {
    const csv = [
      'email,name,career_stage,manager_email',
      'a@loop.test,A,manager,b@loop.test',
      'b@loop.test,B,manager,a@loop.test',
    ].join('\n');
    const res = (await (await upload(csv)).json()) as ImportBody;
    expect(res.applied).toBe(false);
    expect(res.errors.map((e) => e.message).join()).toMatch(/reporting loop/);
  });

  it('gives a clear error for files that are not a people CSV', async () => {
    const cases: [Uint8Array | string, RegExp, number][] = [
      [new Uint8Array([0x65, 0x6d, 0x61, 0x69, 0x6c, 0x0a, 0xff, 0xfe, 0x41]), /UTF-8/, 400],
      ['name,career_stage\nBob,manager', /missing: email/, 400],
      ['', /empty/, 400],
      ['email,name,career_stage,shoe_size\n', /unknown column shoe_size/, 400],
      ['email,name,career_stage\n', /no rows/, 400],
      ['email,name,career_stage\n"unterminated,x,y\n', /not valid CSV/, 400],
      [new Uint8Array(10 * 1024 * 1024).fill(0x41), /larger than 5 MB/, 413],
      [new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]), /binary/, 400],
    ];
    const before = await headcount();
    for (const [file, message, status] of cases) {
      const res = await upload(file);
      const body = (await res.json()) as ErrorBody;
      expect(res.status, body.error.message).toBe(status);
      expect(body.error.message).toMatch(message);
    }
    expect(await headcount()).toBe(before);
  });

  it('edits career stages but keeps those in use', async () => {
    const stages = (await (await admin.get('/api/career-stages')).json()) as {
      id: string;
      key: string;
      name: string;
    }[];
    expect(stages.map((s) => s.key)).toEqual([
      'individual-contributor',
      'team-lead',
      'manager',
      'senior-leader',
      'executive',
    ]);
    const renamed = stages.map((s) => ({ ...s, name: s.key === 'executive' ? 'C-suite' : s.name }));
    renamed.push({ id: undefined as unknown as string, key: 'principal', name: 'Principal' });
    const res = await admin.put('/api/career-stages', {
      stages: renamed.map(({ id, key, name }) => ({ ...(id ? { id } : {}), key, name })),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { name: string }[]).map((s) => s.name)).toContain('C-suite');
    const drop = await admin.put('/api/career-stages', { stages: [{ key: 'only', name: 'Only' }] });
    expect(drop.status).toBe(409);
  });

  it('deletes a person, releasing their reports, but never the admin themself', async () => {
    const boss = (await (
      await admin.post('/api/people', {
        name: 'Short Stay',
        email: 'short@acme.test',
        careerStage: 'manager',
      })
    ).json()) as { id: string };
    const report = (await (
      await admin.post('/api/people', {
        name: 'Report',
        email: 'report@acme.test',
        careerStage: 'individual-contributor',
        managerId: boss.id,
      })
    ).json()) as { id: string };
    const before = await headcount();
    expect((await admin.delete(`/api/people/${boss.id}`)).status).toBe(204);
    expect(await headcount()).toBe(before - 1);
    expect((await admin.get(`/api/people/${boss.id}`)).status).toBe(404);
    expect(await (await admin.get(`/api/people/${report.id}`)).json()).toMatchObject({ manager: null });
    expect((await admin.delete(`/api/people/${boss.id}`)).status).toBe(404);
    const me = org.people.find((p) => p.email === 'admin@acme.test')!;
    expect((await admin.delete(`/api/people/${me.id}`)).status).toBe(400);
  });

  it('serves an OpenAPI document listing every route', async () => {
    const doc = (await (await admin.get('/api/openapi.json')).json()) as { paths: Record<string, object> };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/people', '/api/auth/login', '/api/me', '/api/people/{id}']),
    );
  });
});
