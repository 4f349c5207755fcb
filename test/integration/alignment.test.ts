// Organisation goals and values: admins keep them, participants read them, plans check links
// through goalsExist / valuesExist, and another organisation sees and links none of them.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goalsExist } from '../../src/domains/alignment/goals.ts';
import { valuesExist } from '../../src/domains/alignment/values.ts';
import { people } from '../../src/identity/people/schema.ts';
import type { Tx } from '../../src/platform/db/database.ts';
import { testDatabaseKinds } from '../support/databases.ts';
import { addOrganisation, Client, type Harness, PASSWORD, startHarness } from '../support/harness.ts';

type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };
type Goal = {
  id: string;
  title: string;
  status: string;
  owner: { id: string; name: string } | null;
  periodStart: string;
  periodEnd: string;
  position: number;
};
type Value = { id: string; name: string; capability: { key: string; name: string | null } | null };

const GOALS = '/api/alignment/goals';
const VALUES = '/api/alignment/values';
const goalBody = (over: Record<string, unknown> = {}) => ({
  title: 'Grow leaders at every stage',
  periodStart: '2026-01-01',
  periodEnd: '2026-12-31',
  ...over,
});

describe.each(testDatabaseKinds())('organisation goals and values on %s', (kind) => {
  let h: Harness;
  let home: Awaited<ReturnType<typeof addOrganisation>>;
  let other: Awaited<ReturnType<typeof addOrganisation>>;
  let admin: Client;
  let participant: Client;
  let otherAdmin: Client;

  const json = async <T>(res: Response, status: number): Promise<T> => {
    const text = await res.text();
    expect(res.status, text.slice(0, 500)).toBe(status);
    return (text ? JSON.parse(text) : undefined) as T;
  };
  const fieldsOf = async (res: Response, status = 400) =>
    (await json<ErrorBody>(res, status)).error.fields ?? {};
  const inOrg = <T>(
    organisationId: string,
    work: (scope: { tx: Tx; organisationId: string }) => Promise<T>,
  ) => h.services.db.inOrganisation(organisationId, (tx) => work({ tx, organisationId }));

  beforeAll(async () => {
    h = await startHarness(kind);
    home = await addOrganisation(h.services, 'home');
    other = await addOrganisation(h.services, 'other');
    [admin, participant, otherAdmin] = [new Client(h.app), new Client(h.app), new Client(h.app)];
    expect((await admin.signIn('admin@home.test', PASSWORD)).status).toBe(200);
    expect((await participant.signIn('participant@home.test', PASSWORD)).status).toBe(200);
    expect((await otherAdmin.signIn('admin@other.test', PASSWORD)).status).toBe(200);
  });
  afterAll(() => h.close());

  it('keeps goals: drafts and dropped goals are for admins, active and achieved ones for everyone', async () => {
    const owner = home.people.find((p) => p.email === 'coach@home.test')!;
    const draft = await json<Goal>(await admin.post(GOALS, goalBody({ ownerId: owner.id })), 201);
    expect(draft).toMatchObject({
      status: 'draft',
      owner: { id: owner.id, name: 'home coach' },
      position: 0,
    });
    const active = await json<Goal>(
      await admin.post(GOALS, goalBody({ title: 'Ship safely', status: 'active' })),
      201,
    );
    expect(active.position).toBe(1);

    const seen = await json<Goal[]>(await participant.get(GOALS), 200);
    expect(seen.map((g) => g.id)).toEqual([active.id]);
    expect((await json<Goal[]>(await admin.get(GOALS), 200)).map((g) => g.id)).toEqual([draft.id, active.id]);

    const changed = await json<Goal>(
      await admin.patch(`${GOALS}/${draft.id}`, {
        status: 'achieved',
        ownerId: null,
        periodEnd: '2027-06-30',
      }),
      200,
    );
    expect(changed).toMatchObject({
      status: 'achieved',
      owner: null,
      periodStart: '2026-01-01',
      periodEnd: '2027-06-30',
    });
    await json(await admin.patch(`${GOALS}/${active.id}`, { status: 'dropped' }), 200);
    expect((await json<Goal[]>(await participant.get(GOALS), 200)).map((g) => g.id)).toEqual([draft.id]);

    const reordered = await json<Goal[]>(
      await admin.put(`${GOALS}/order`, { ids: [active.id, draft.id] }),
      200,
    );
    expect(reordered.map((g) => [g.id, g.position])).toEqual([
      [active.id, 0],
      [draft.id, 1],
    ]);
    // A partial or repeated order is refused and changes nothing.
    expect(await fieldsOf(await admin.put(`${GOALS}/order`, { ids: [draft.id] }))).toHaveProperty('ids');
    expect(await fieldsOf(await admin.put(`${GOALS}/order`, { ids: [draft.id, draft.id] }))).toHaveProperty(
      'ids',
    );
    expect((await json<Goal[]>(await admin.get(GOALS), 200))[0]!.id).toBe(active.id);

    await json(await admin.delete(`${GOALS}/${active.id}`), 204);
    await json(await admin.delete(`${GOALS}/${active.id}`), 404);
    await json(await admin.patch(`${GOALS}/${active.id}`, { title: 'x' }), 404);
    await json(await admin.patch(`${GOALS}/not-an-id`, { title: 'x' }), 404);
  });

  it('keeps values mapped to framework capabilities; names are unique ignoring case; retiring hides them', async () => {
    const learn = await json<Value>(
      await admin.post(VALUES, { name: 'Learn out loud', capabilityKey: 'courageous-learning' }),
      201,
    );
    expect(learn.capability).toEqual({ key: 'courageous-learning', name: expect.any(String) });
    const trust = await json<Value>(
      await admin.post(VALUES, { name: 'Trust first', description: 'Keep our word.' }),
      201,
    );
    expect(trust.capability).toBeNull();

    expect((await fieldsOf(await admin.post(VALUES, { name: 'LEARN OUT LOUD' }), 409)).name).toMatch(
      /already/,
    );
    expect(
      (await fieldsOf(await admin.patch(`${VALUES}/${trust.id}`, { name: 'learn out loud' }), 409)).name,
    ).toBeDefined();
    const renamed = await json<Value>(
      await admin.patch(`${VALUES}/${trust.id}`, { name: 'Trust FIRST', capabilityKey: 'ownership' }),
      200,
    );
    expect(renamed).toMatchObject({ name: 'Trust FIRST', capability: { key: 'ownership' } });

    const seen = await json<Value[]>(await participant.get(VALUES), 200);
    expect(seen.map((v) => v.name)).toEqual(['Learn out loud', 'Trust FIRST']);

    await json(await admin.delete(`${VALUES}/${learn.id}`), 204);
    await json(await admin.delete(`${VALUES}/${learn.id}`), 404);
    await json(await admin.patch(`${VALUES}/${learn.id}`, { description: 'x' }), 404);
    expect((await json<Value[]>(await participant.get(VALUES), 200)).map((v) => v.id)).toEqual([trust.id]);
    // A retired value's name is free again.
    await json(await admin.post(VALUES, { name: 'Learn out loud' }), 201);
  });

  it('lets participants read but not change anything', async () => {
    const [goal] = await json<Goal[]>(await admin.get(GOALS), 200);
    const [value] = await json<Value[]>(await admin.get(VALUES), 200);
    expect((await participant.post(GOALS, goalBody())).status).toBe(403);
    expect((await participant.patch(`${GOALS}/${goal!.id}`, { title: 'Mine' })).status).toBe(403);
    expect((await participant.delete(`${GOALS}/${goal!.id}`)).status).toBe(403);
    expect((await participant.put(`${GOALS}/order`, { ids: [goal!.id] })).status).toBe(403);
    expect((await participant.post(VALUES, { name: 'Mine' })).status).toBe(403);
    expect((await participant.patch(`${VALUES}/${value!.id}`, { name: 'Mine' })).status).toBe(403);
    expect((await participant.delete(`${VALUES}/${value!.id}`)).status).toBe(403);
  });

  it('names the field and the rule for bad input, and writes nothing', async () => {
    const before = (await json<Goal[]>(await admin.get(GOALS), 200)).length;
    const otherPerson = other.people[0]!.id;
    const cases: [Record<string, unknown>, string][] = [
      [goalBody({ title: 'x'.repeat(121) }), 'title'],
      [goalBody({ title: '   ' }), 'title'],
      [goalBody({ description: 'x'.repeat(2001) }), 'description'],
      [goalBody({ periodEnd: '2025-12-31' }), 'periodEnd'],
      [goalBody({ periodStart: '2026-02-30' }), 'periodStart'],
      [goalBody({ status: 'finished' }), 'status'],
      [goalBody({ ownerId: otherPerson }), 'ownerId'],
      [goalBody({ ownerId: 'someone' }), 'ownerId'],
    ];
    for (const [body, field] of cases) {
      expect(
        Object.keys(await fieldsOf(await admin.post(GOALS, body))),
        JSON.stringify(body).slice(0, 80),
      ).toContain(field);
    }
    expect((await json<Goal[]>(await admin.get(GOALS), 200)).length).toBe(before);

    const [goal] = await json<Goal[]>(await admin.get(GOALS), 200);
    // The period is checked as it would be after the change.
    expect(
      await fieldsOf(await admin.patch(`${GOALS}/${goal!.id}`, { periodStart: '2030-01-01' })),
    ).toHaveProperty('periodEnd');

    // An owner who is not active (disabled) cannot be given a goal.
    const coach = home.people.find((p) => p.email === 'coach@home.test')!;
    await json(await admin.patch(`/api/people/${coach.id}`, { status: 'disabled' }), 200);
    expect(await fieldsOf(await admin.patch(`${GOALS}/${goal!.id}`, { ownerId: coach.id }))).toHaveProperty(
      'ownerId',
    );
    await json(await admin.patch(`/api/people/${coach.id}`, { status: 'active' }), 200);

    expect(await fieldsOf(await admin.post(VALUES, { name: 'x'.repeat(81) }))).toHaveProperty('name');
    expect(
      await fieldsOf(await admin.post(VALUES, { name: 'Ok', description: 'x'.repeat(2001) })),
    ).toHaveProperty('description');
    expect(
      await fieldsOf(await admin.post(VALUES, { name: 'Ok', capabilityKey: 'no-such-capability' })),
    ).toHaveProperty('capabilityKey');
    expect(
      await fieldsOf(await admin.post(VALUES, { name: 'Ok', capabilityKey: 'needing-to-win' })),
    ).toHaveProperty('capabilityKey');
    expect((await json<Value[]>(await admin.get(VALUES), 200)).some((v) => v.name === 'Ok')).toBe(false);
  });

  it('clears the owner, not the goal, when the owner is erased', async () => {
    const person = await json<{ id: string }>(
      await admin.post('/api/people', {
        name: 'Leaving Soon',
        email: 'leaving@home.test',
        careerStage: 'individual-contributor',
      }),
      201,
    );
    // Only active people can be named, so make the row active as accepting an invitation would.
    await h.services.db.inOrganisation(home.organisationId, (tx) =>
      tx.update(people).set({ status: 'active' }).where(eq(people.id, person.id)),
    );
    const goal = await json<Goal>(
      await admin.post(GOALS, goalBody({ title: 'Owned', ownerId: person.id })),
      201,
    );
    await json(await admin.delete(`/api/people/${person.id}`), 204);
    const after = (await json<Goal[]>(await admin.get(GOALS), 200)).find((g) => g.id === goal.id);
    expect(after).toMatchObject({ title: 'Owned', owner: null });
  });

  it('keeps each organisation’s goals and values to itself, for reading and for linking', async () => {
    const goal = await json<Goal>(
      await admin.post(GOALS, goalBody({ title: 'Ours', status: 'active' })),
      201,
    );
    const hidden = await json<Goal>(await admin.post(GOALS, goalBody({ title: 'Not yet' })), 201);
    const [value] = await json<Value[]>(await admin.get(VALUES), 200);

    const theirs = await otherAdmin.get(GOALS);
    expect(await theirs.text()).not.toContain(goal.id);
    expect(await (await otherAdmin.get(VALUES)).text()).not.toContain(value!.id);
    await json(await otherAdmin.patch(`${GOALS}/${goal.id}`, { title: 'Taken' }), 404);
    await json(await otherAdmin.delete(`${GOALS}/${goal.id}`), 404);
    await json(await otherAdmin.patch(`${VALUES}/${value!.id}`, { name: 'Taken' }), 404);
    await json(await otherAdmin.delete(`${VALUES}/${value!.id}`), 404);

    const ids = [goal.id, hidden.id, value!.id, 'junk', other.organisationId];
    const homeGoals = await inOrg(home.organisationId, (s) => goalsExist(s, ids));
    expect([...homeGoals]).toEqual([goal.id]);
    const homeValues = await inOrg(home.organisationId, (s) => valuesExist(s, ids));
    expect([...homeValues]).toEqual([value!.id]);
    expect((await inOrg(other.organisationId, (s) => goalsExist(s, ids))).size).toBe(0);
    expect((await inOrg(other.organisationId, (s) => valuesExist(s, ids))).size).toBe(0);
  });
});
