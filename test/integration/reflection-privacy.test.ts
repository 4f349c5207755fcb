// The privacy proof of the reflection journal (issue 10 item 1, docs/decisions/0014): an entry is
// its owner's. Admin, manager, coach and peer get 404 from the API and no row from the database for
// an unshared entry, and its text appears in none of their API responses; shared with the manager
// (or the coach) it is theirs to read, and unsharing, a change of manager or the end of coaching
// takes it away again — cleared by the database itself, as for plans (migration 0016).
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoachingRelationship } from '../../src/domains/development/contracts.ts';
import type { Entry, JournalPage } from '../../src/domains/reflection/contracts.ts';
import { journalEntries } from '../../src/domains/reflection/schema.ts';
import { allRoutes } from '../../src/modules.ts';
import { testDatabaseKinds } from '../support/databases.ts';
import { type Client, type Harness, startHarness } from '../support/harness.ts';
import {
  fieldsOf,
  json,
  type PlanOrg,
  planOrg,
  planWithExperiment,
  writeEntry,
} from './reflection-support.ts';

const SECRET = 'I froze when Dana challenged me in the retro';

describe.each(testDatabaseKinds())('journal privacy on %s', (kind) => {
  let h: Harness;
  let o: PlanOrg;
  let coaching: CoachingRelationship;
  let linked: Entry;
  let plain: Entry;

  /** Entry ids `personId` reads, straight from the database (row-level security decides). */
  const rowsAs = (personId?: string) =>
    h.services.db.inOrganisation(
      o.organisationId,
      async (tx) => (await tx.select({ id: journalEntries.id }).from(journalEntries)).map((r) => r.id).sort(),
      personId,
    );
  const others = () => ({ admin: o.admin, manager: o.manager, coach: o.coach, peer: o.peer });
  type Other = keyof ReturnType<typeof others>;
  const idOf = (who: Other) =>
    ({ admin: o.adminId, manager: o.managerId, coach: o.coachId, peer: o.peerId })[who];

  async function expectNoAccess(who: Other, entry: Entry) {
    const c = others()[who];
    expect((await c.get(`/api/journal/${entry.id}`)).status, who).toBe(404);
    expect((await c.patch(`/api/journal/${entry.id}`, { body: 'mine now' })).status, who).toBe(404);
    expect(
      (await c.put(`/api/journal/${entry.id}/sharing`, { withManager: true, withCoach: true })).status,
      who,
    ).toBe(404);
    expect((await c.delete(`/api/journal/${entry.id}`)).status, who).toBe(404);
    const mine = await json<JournalPage>(await c.get('/api/journal'), 200);
    expect(
      mine.items.map((e) => e.id),
      who,
    ).not.toContain(entry.id);
    const shared = await json<JournalPage>(await c.get('/api/journal/shared-with-me'), 200);
    expect(
      shared.items.map((e) => e.id),
      who,
    ).not.toContain(entry.id);
  }
  const sharedWith = async (c: Client) =>
    (await json<JournalPage>(await c.get('/api/journal/shared-with-me'), 200)).items;

  beforeAll(async () => {
    h = await startHarness(kind);
    o = await planOrg(h, 'journal');
    coaching = await json<CoachingRelationship>(
      await o.coach.post('/api/coaching', { coacheeId: o.ownerId }),
      201,
    );
    await json(await o.owner.post(`/api/coaching/${coaching.id}/accept`), 200);
    const { experimentId } = await planWithExperiment(o.owner);
    linked = await writeEntry(o.owner, { body: SECRET, mood: 2, energy: 4, experimentId });
    plain = await writeEntry(o.owner, { body: 'Second thoughts, also private' });
  });
  afterAll(() => h.close());

  it('nobody but the owner reads an unshared entry: 404 from the API, no rows from the database', async () => {
    for (const who of ['admin', 'manager', 'coach', 'peer'] as const) {
      await expectNoAccess(who, linked);
      await expectNoAccess(who, plain);
      expect(await rowsAs(idOf(who)), who).toEqual([]);
    }
    // A transaction without a person (jobs, organisation-wide work) sees none either.
    expect(await rowsAs()).toEqual([]);
    expect(await rowsAs(o.ownerId)).toEqual([linked.id, plain.id].sort());
    const mine = await json<JournalPage>(await o.owner.get('/api/journal'), 200);
    expect(mine.items.map((e) => e.id)).toEqual([plain.id, linked.id]);
    expect(mine.items[1]).toMatchObject({ body: SECRET, viewerRelation: 'self', mood: 2, energy: 4 });
  });

  it('the text is in no API response of the admin, the manager or the coach (every GET route)', async () => {
    const gets = allRoutes.filter((r) => r.method === 'get');
    for (const who of ['admin', 'manager', 'coach'] as const) {
      for (const r of gets) {
        for (const id of [linked.id, o.ownerId]) {
          const path = r.path.replace(':id', id).replace(':token', 'x');
          const res = await others()[who].get(path);
          const text = await res.text();
          expect(text.includes(SECRET), `${who} GET ${path}`).toBe(false);
        }
      }
    }
    // The walk does reach the text where it belongs: the owner's own journal.
    expect(await (await o.owner.get('/api/journal')).text()).toContain(SECRET);
    // And the journal has no organisation-level route at all: each acts for the signed-in person.
    for (const r of allRoutes.filter((r) => r.path.startsWith('/api/journal')))
      expect(r.access).toBe('signed-in');
    expect(allRoutes.some((r) => r.path.includes('/admin/') && r.path.includes('journal'))).toBe(false);
  });

  it('shared with the manager: the manager reads that entry (not the other); unsharing takes it away', async () => {
    const shared = await json<Entry>(
      await o.owner.put(`/api/journal/${linked.id}/sharing`, { withManager: true, withCoach: false }),
      200,
    );
    expect(shared.sharing).toEqual({ withManager: true, withCoach: false });
    const seen = await json<Entry>(await o.manager.get(`/api/journal/${linked.id}`), 200);
    expect(seen).toMatchObject({
      body: SECRET,
      viewerRelation: 'manager',
      sharing: null,
      owner: { id: o.ownerId },
    });
    // The experiment itself is not shared: its id shows, its words do not.
    expect(seen.experiment).toEqual({ id: linked.experiment!.id, action: null });
    expect((await sharedWith(o.manager)).map((e) => e.id)).toEqual([linked.id]);
    expect(await rowsAs(o.managerId)).toEqual([linked.id]);
    await expectNoAccess('manager', plain);
    for (const who of ['admin', 'coach', 'peer'] as const) {
      await expectNoAccess(who, linked);
      expect(await rowsAs(idOf(who)), who).toEqual([]);
    }
    // Reading is all: the manager cannot change it, and the database refuses their writes.
    expect((await o.manager.patch(`/api/journal/${linked.id}`, { body: 'edited' })).status).toBe(404);
    await h.services.db.inOrganisation(
      o.organisationId,
      async (tx) => {
        await tx.execute(sql`UPDATE journal_entries SET body = 'edited'`);
        await tx.execute(sql`DELETE FROM journal_entries`);
      },
      o.managerId,
    );
    await expect(
      h.services.db.inOrganisation(
        o.organisationId,
        (tx) =>
          tx.execute(
            sql`INSERT INTO journal_entries (organisation_id, owner_id, body) VALUES (${o.organisationId}, ${o.ownerId}, 'forged')`,
          ),
        o.managerId,
      ),
    ).rejects.toMatchObject({ cause: { message: expect.stringMatching(/row-level security/) } });
    expect((await json<Entry>(await o.owner.get(`/api/journal/${linked.id}`), 200)).body).toBe(SECRET);

    await json(
      await o.owner.put(`/api/journal/${linked.id}/sharing`, { withManager: false, withCoach: false }),
      200,
    );
    await expectNoAccess('manager', linked);
    expect(await rowsAs(o.managerId)).toEqual([]);
    expect(await sharedWith(o.manager)).toEqual([]);
  });

  it('shared with the coach: the coach reads it; when coaching ends the share is withdrawn for good', async () => {
    await json(
      await o.owner.put(`/api/journal/${plain.id}/sharing`, { withManager: false, withCoach: true }),
      200,
    );
    expect((await json<Entry>(await o.coach.get(`/api/journal/${plain.id}`), 200)).viewerRelation).toBe(
      'coach',
    );
    expect((await sharedWith(o.coach)).map((e) => e.id)).toEqual([plain.id]);
    expect(await rowsAs(o.coachId)).toEqual([plain.id]);
    await expectNoAccess('manager', plain);

    await json(await o.coach.post(`/api/coaching/${coaching.id}/end`), 200);
    await expectNoAccess('coach', plain);
    expect(await rowsAs(o.coachId)).toEqual([]);
    const mine = await json<Entry>(await o.owner.get(`/api/journal/${plain.id}`), 200);
    expect(mine.sharing).toEqual({ withManager: false, withCoach: false });
    // With no active coach, a share with "my coach" reaches nobody and is refused.
    expect(
      await fieldsOf(
        await o.owner.put(`/api/journal/${plain.id}/sharing`, { withManager: false, withCoach: true }),
      ),
    ).toMatchObject({ withCoach: expect.stringMatching(/no active coach/) });

    // Coaching again starts with nothing shared.
    const again = await json<CoachingRelationship>(
      await o.coach.post('/api/coaching', { coacheeId: o.ownerId }),
      201,
    );
    await json(await o.owner.post(`/api/coaching/${again.id}/accept`), 200);
    await expectNoAccess('coach', plain);
    expect(await rowsAs(o.coachId)).toEqual([]);

    // An active relationship that disappears (the coach's record deleted) withdraws the share too.
    await json(
      await o.owner.put(`/api/journal/${plain.id}/sharing`, { withManager: false, withCoach: true }),
      200,
    );
    await h.services.db.asSystem((tx) =>
      tx.execute(sql`DELETE FROM coaching_relationships WHERE id = ${again.id}`),
    );
    expect((await json<Entry>(await o.owner.get(`/api/journal/${plain.id}`), 200)).sharing).toEqual({
      withManager: false,
      withCoach: false,
    });
  });

  it('an admin who makes themself the manager does not inherit what was shared with the old manager', async () => {
    await json(
      await o.owner.put(`/api/journal/${linked.id}/sharing`, { withManager: true, withCoach: false }),
      200,
    );
    expect((await o.manager.get(`/api/journal/${linked.id}`)).status).toBe(200);

    expect((await o.admin.patch(`/api/people/${o.ownerId}`, { managerId: o.adminId })).status).toBe(200);

    await expectNoAccess('admin', linked);
    await expectNoAccess('manager', linked);
    expect(await rowsAs(o.adminId)).toEqual([]);
    expect(await rowsAs(o.managerId)).toEqual([]);
    const [row] = await h.services.db.inOrganisation(
      o.organisationId,
      (tx) => tx.select().from(journalEntries).where(eq(journalEntries.id, linked.id)),
      o.ownerId,
    );
    expect(row).toMatchObject({ sharedWithManager: false, sharedWithCoach: false });
    // Sharing with the new manager is a new, deliberate consent.
    await json(
      await o.owner.put(`/api/journal/${linked.id}/sharing`, { withManager: true, withCoach: false }),
      200,
    );
    expect((await json<Entry>(await o.admin.get(`/api/journal/${linked.id}`), 200)).viewerRelation).toBe(
      'manager',
    );
    expect(await rowsAs(o.adminId)).toEqual([linked.id]);
  });

  it('someone without a manager cannot share with one', async () => {
    const own = await writeEntry(o.peer, { body: 'Peer notes' });
    expect(
      await fieldsOf(
        await o.peer.put(`/api/journal/${own.id}/sharing`, { withManager: true, withCoach: false }),
      ),
    ).toMatchObject({ withManager: expect.stringMatching(/no manager/) });
    expect((await json<Entry>(await o.peer.get(`/api/journal/${own.id}`), 200)).sharing).toEqual({
      withManager: false,
      withCoach: false,
    });
  });
});
