// The team tree API: nesting, leaders, loops refused (also when two moves race), empty-only
// deletion, field-named validation, and nothing of another organisation reachable.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Team } from '../../src/identity/people/contracts.ts';
import { testDatabaseKinds } from '../support/databases.ts';
import { addOrganisation, Client, type Harness, PASSWORD, startHarness } from '../support/harness.ts';

type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };

describe.each(testDatabaseKinds())('teams on %s', (kind) => {
  let h: Harness;
  let org: Awaited<ReturnType<typeof addOrganisation>>;
  let other: Awaited<ReturnType<typeof addOrganisation>>;
  let admin: Client;
  let participant: Client;

  const create = async (body: Record<string, unknown>) => {
    const res = await admin.post('/api/teams', body);
    expect(res.status, JSON.stringify(await res.clone().json())).toBe(201);
    return (await res.json()) as Team;
  };
  const tree = async () => (await (await admin.get('/api/teams')).json()) as Team[];
  const refused = async (res: Response, status: number, field: string, rule: RegExp) => {
    expect(res.status).toBe(status);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.fields?.[field], JSON.stringify(body)).toMatch(rule);
  };

  beforeAll(async () => {
    h = await startHarness(kind);
    org = await addOrganisation(h.services, 'acme');
    other = await addOrganisation(h.services, 'globex');
    admin = new Client(h.app);
    participant = new Client(h.app);
    expect((await admin.signIn('admin@acme.test', PASSWORD)).status).toBe(200);
    expect((await participant.signIn('participant@acme.test', PASSWORD)).status).toBe(200);
  });
  afterAll(() => h.close());

  it('nests teams, sets and clears leaders, and lists the tree depth-first', async () => {
    const coach = org.people.find((p) => p.email.startsWith('coach'))!;
    const top = await create({ name: 'Product & Engineering', leaderId: coach.id });
    const eng = await create({ name: 'Engineering', parentTeamId: top.id });
    const platform = await create({ name: 'Platform', parentTeamId: eng.id });
    await create({ name: 'Design', parentTeamId: top.id });
    expect(platform).toMatchObject({ path: ['Product & Engineering', 'Engineering', 'Platform'], depth: 3 });
    expect(top.leader).toEqual({ id: coach.id, name: 'acme coach' });

    const moved = await admin.patch(`/api/people/${coach.id}`, { team: 'Platform' });
    expect(moved.status).toBe(200);
    const person = (await moved.json()) as { team: { path: string[] }; teamLeader: unknown };
    expect(person.team.path).toEqual(['Product & Engineering', 'Engineering', 'Platform']);
    expect(person.teamLeader).toBeNull();
    expect((await admin.patch(`/api/teams/${platform.id}`, { leaderId: coach.id })).status).toBe(200);
    const listed = (await (await participant.get(`/api/people?team=${top.id}`)).json()) as {
      items: { id: string; teamLeader: { id: string } | null }[];
    };
    expect(listed.items.map((p) => p.id)).toEqual([coach.id]); // a parent team's filter takes sub-teams in
    expect(listed.items[0]!.teamLeader?.id).toBe(coach.id);

    const renamed = await admin.patch(`/api/teams/${eng.id}`, { name: 'Software', parentTeamId: null });
    expect(renamed.status).toBe(200);
    expect(await renamed.json()).toMatchObject({ path: ['Software'], depth: 1, parentTeamId: null });
    const cleared = (await (await admin.patch(`/api/teams/${top.id}`, { leaderId: null })).json()) as Team;
    expect(cleared.leader).toBeNull();

    const names = (await tree()).map((t) => `${t.depth}:${t.name}`);
    expect(names).toEqual(['1:Product & Engineering', '2:Design', '1:Software', '2:Platform']);
    expect((await tree()).find((t) => t.name === 'Platform')).toMatchObject({ members: 1, subTeams: 0 });
  });

  it('refuses loops and too deep a tree, naming parentTeamId', async () => {
    const a = await create({ name: 'Loop A' });
    const b = await create({ name: 'Loop B', parentTeamId: a.id });
    const c = await create({ name: 'Loop C', parentTeamId: b.id });
    await refused(
      await admin.patch(`/api/teams/${a.id}`, { parentTeamId: c.id }),
      400,
      'parentTeamId',
      /loop/,
    );
    await refused(
      await admin.patch(`/api/teams/${a.id}`, { parentTeamId: a.id }),
      400,
      'parentTeamId',
      /itself/,
    );
    const d = await create({ name: 'Loop D', parentTeamId: c.id });
    const e = await create({ name: 'Loop E', parentTeamId: d.id });
    const parent = await create({ name: 'Loop F', parentTeamId: e.id });
    expect(parent.depth).toBe(6);
    await refused(
      await admin.post('/api/teams', { name: 'Loop G', parentTeamId: parent.id }),
      400,
      'parentTeamId',
      /6 levels/,
    );
    const side = await create({ name: 'Side', parentTeamId: null });
    await create({ name: 'Side child', parentTeamId: side.id });
    // Side (depth 1) has a child: under E (depth 5) the child would be at 7; under D, at 6.
    expect((await admin.patch(`/api/teams/${side.id}`, { parentTeamId: d.id })).status).toBe(200);
    await refused(
      await admin.patch(`/api/teams/${side.id}`, { parentTeamId: e.id }),
      400,
      'parentTeamId',
      /6 levels/,
    );
    expect((await tree()).find((t) => t.id === a.id)?.parentTeamId).toBeNull();
  });

  it('lets only one of two racing moves through when together they would make a loop', async () => {
    for (let round = 0; round < 2; round++) {
      const x = await create({ name: `Race X${round}` });
      const y = await create({ name: `Race Y${round}` });
      const results = await Promise.all([
        admin.patch(`/api/teams/${x.id}`, { parentTeamId: y.id }),
        admin.patch(`/api/teams/${y.id}`, { parentTeamId: x.id }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 400]);
      const after = await tree();
      const parentOf = (id: string) => after.find((t) => t.id === id)!.parentTeamId;
      expect(parentOf(x.id) === y.id && parentOf(y.id) === x.id).toBe(false);
    }
  });

  it('makes a second move wait for the first one’s commit, then refuses it as a loop', async () => {
    // Deterministic: the first transaction holds its move open while the second starts. Without
    // the team lock the second reads the tree before the first commits and both succeed.
    const { updateTeam } = await import('../../src/identity/people/teams.ts');
    const x = await create({ name: 'Held X' });
    const y = await create({ name: 'Held Y' });
    const inOrg = <T>(
      work: (scope: {
        tx: Parameters<Parameters<typeof h.services.db.inOrganisation>[1]>[0];
        organisationId: string;
      }) => Promise<T>,
    ) =>
      h.services.db.inOrganisation(org.organisationId, (tx) =>
        work({ tx, organisationId: org.organisationId }),
      );
    const held = new Promise((resolve) => setTimeout(resolve, 400));
    const first = inOrg(async (scope) => {
      await updateTeam(scope, x.id, { parentTeamId: y.id });
      await held;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const second = inOrg((scope) => updateTeam(scope, y.id, { parentTeamId: x.id })).then(
      () => null,
      (err: unknown) => err as { status: number; fields: Record<string, string> },
    );
    await first;
    const err = await second;
    expect(err?.status).toBe(400);
    expect(err?.fields.parentTeamId).toMatch(/loop/);
  });

  it('rejects bad input naming the field, and only admins write', async () => {
    const t = await create({ name: 'Validation' });
    await refused(await admin.post('/api/teams', { name: '' }), 400, 'name', /required/);
    await refused(await admin.post('/api/teams', { name: 'x'.repeat(101) }), 400, 'name', /100/);
    await refused(await admin.post('/api/teams', { name: 'validation' }), 409, 'name', /in use/);
    await refused(
      await admin.post('/api/teams', { name: 'Y', parentTeamId: 'nope' }),
      400,
      'parentTeamId',
      /team id/,
    );
    await refused(
      await admin.patch(`/api/teams/${t.id}`, { leaderId: 'nope' }),
      400,
      'leaderId',
      /person id/,
    );
    await refused(
      await admin.patch(`/api/teams/${t.id}`, { leaderId: crypto.randomUUID() }),
      400,
      'leaderId',
      /person of this organisation/,
    );
    await refused(
      await admin.patch(`/api/teams/${t.id}`, { parentTeamId: crypto.randomUUID() }),
      400,
      'parentTeamId',
      /team of this organisation/,
    );
    expect((await admin.patch(`/api/teams/${crypto.randomUUID()}`, { name: 'Z' })).status).toBe(404);
    expect((await participant.post('/api/teams', { name: 'Mine' })).status).toBe(403);
    expect((await participant.patch(`/api/teams/${t.id}`, { name: 'Mine' })).status).toBe(403);
  });

  it('deletes a team only when it has no members and no sub-teams; a deleted leader leaves it', async () => {
    const parent = await create({ name: 'Doomed' });
    const child = await create({ name: 'Doomed child', parentTeamId: parent.id });
    await refused(await admin.delete(`/api/teams/${parent.id}`), 409, 'id', /1 sub-team/);
    const participantId = org.people.find((p) => p.email.startsWith('participant'))!.id;
    expect((await admin.patch(`/api/people/${participantId}`, { team: 'Doomed child' })).status).toBe(200);
    await refused(await admin.delete(`/api/teams/${child.id}`), 409, 'id', /1 member/);
    expect((await admin.patch(`/api/people/${participantId}`, { team: null })).status).toBe(200);
    expect((await admin.delete(`/api/teams/${child.id}`)).status).toBe(204);
    expect((await admin.delete(`/api/teams/${parent.id}`)).status).toBe(204);

    const led = await admin.post('/api/people', {
      name: 'Temp Lead',
      email: 'temp@acme.test',
      careerStage: 'manager',
    });
    const lead = (await led.json()) as { id: string };
    const team = await create({ name: 'Led', leaderId: lead.id });
    expect((await admin.delete(`/api/people/${lead.id}`)).status).toBe(204);
    expect((await tree()).find((t) => t.id === team.id)?.leader).toBeNull();
  });

  it('a leader who is disabled leaves the teams they led, as a disabled person may not be named leader', async () => {
    const made = await admin.post('/api/people', {
      name: 'Gone Lead',
      email: 'gone@acme.test',
      careerStage: 'manager',
    });
    const lead = (await made.json()) as { id: string };
    const team = await create({ name: 'Left behind', leaderId: lead.id });
    expect((await tree()).find((t) => t.id === team.id)?.leader).not.toBeNull();
    expect((await admin.patch(`/api/people/${lead.id}`, { status: 'disabled' })).status).toBe(200);
    expect((await tree()).find((t) => t.id === team.id)?.leader).toBeNull();
  });

  it('never reaches another organisation’s teams or people', async () => {
    const theirs = await h.services.db.inOrganisation(other.organisationId, async (tx) => {
      const { createTeam } = await import('../../src/identity/people/teams.ts');
      return createTeam({ tx, organisationId: other.organisationId }, { name: 'Secret' });
    });
    const mine = await create({ name: 'Mine' });
    await refused(
      await admin.patch(`/api/teams/${mine.id}`, { parentTeamId: theirs.id }),
      400,
      'parentTeamId',
      /team of this organisation/,
    );
    await refused(
      await admin.patch(`/api/teams/${mine.id}`, { leaderId: other.people[0]!.id }),
      400,
      'leaderId',
      /person of this organisation/,
    );
    expect((await admin.patch(`/api/teams/${theirs.id}`, { name: 'Taken' })).status).toBe(404);
    expect((await admin.delete(`/api/teams/${theirs.id}`)).status).toBe(404);
    expect((await tree()).some((t) => t.name === 'Secret')).toBe(false);
  });
});
