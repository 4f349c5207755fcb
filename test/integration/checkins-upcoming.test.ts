// upcomingCheckIns, the function other domains (the nudge digest) read: both sides see a scheduled
// check-in while the relation holds; admins, peers and transactions without a person see none.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkIns } from '../../src/domains/checkins/schema.ts';
import { upcomingCheckIns } from '../../src/domains/checkins/upcoming.ts';
import { people } from '../../src/identity/people/schema.ts';
import { testDatabaseKinds } from '../support/databases.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { type PlanOrg, planOrg } from './development-support.ts';

describe.each(testDatabaseKinds())('upcoming check-ins on %s', (kind) => {
  let h: Harness;
  let o: PlanOrg;
  const soon = new Date(Date.now() + 2 * 86_400_000);
  const from = new Date(Date.now() - 60_000);
  const to = new Date(Date.now() + 7 * 86_400_000);

  const upcomingAs = (personId: string | undefined, of: string) =>
    h.services.db.inOrganisation(o.organisationId, (tx) => upcomingCheckIns(tx, of, from, to), personId);

  beforeAll(async () => {
    h = await startHarness(kind);
    o = await planOrg(h, 'upcoming');
    await h.services.db.inOrganisation(
      o.organisationId,
      (tx) =>
        tx.insert(checkIns).values([
          {
            organisationId: o.organisationId,
            ownerId: o.ownerId,
            counterpartId: o.managerId,
            relation: 'manager',
            title: 'Check-in',
            startsAt: soon,
            durationMinutes: 30,
            timeZone: 'Europe/London',
          },
          // Outside the window, and a cancelled one: neither is listed.
          {
            organisationId: o.organisationId,
            ownerId: o.ownerId,
            counterpartId: o.managerId,
            relation: 'manager',
            title: 'Later',
            startsAt: new Date(Date.now() + 30 * 86_400_000),
            durationMinutes: 30,
            timeZone: 'Europe/London',
          },
          {
            organisationId: o.organisationId,
            ownerId: o.ownerId,
            counterpartId: o.managerId,
            relation: 'manager',
            title: 'Cancelled',
            status: 'cancelled',
            cancelledAt: new Date(),
            startsAt: soon,
            durationMinutes: 30,
            timeZone: 'Europe/London',
          },
        ]),
      o.ownerId,
    );
  });
  afterAll(() => h.close());

  it('lists the scheduled check-in in the window for both sides, as each of them', async () => {
    const mine = await upcomingAs(o.ownerId, o.ownerId);
    expect(mine).toEqual([
      {
        id: expect.any(String),
        title: 'Check-in',
        startsAt: soon,
        durationMinutes: 30,
        timeZone: 'Europe/London',
        role: 'owner',
        withPerson: { id: o.managerId, name: 'upcoming manager' },
      },
    ]);
    const theirs = await upcomingAs(o.managerId, o.managerId);
    expect(theirs.map((c) => ({ role: c.role, with: c.withPerson.id }))).toEqual([
      { role: 'counterpart', with: o.ownerId },
    ]);
  });

  it('shows nothing to an admin, a peer, or a transaction without a person', async () => {
    expect(await upcomingAs(o.adminId, o.ownerId)).toEqual([]);
    expect(await upcomingAs(o.peerId, o.ownerId)).toEqual([]);
    expect(await upcomingAs(undefined, o.ownerId)).toEqual([]);
  });

  it('a manager who is no longer the manager no longer sees it', async () => {
    await h.services.db.inOrganisation(o.organisationId, (tx) =>
      tx.update(people).set({ managerId: null }).where(eq(people.id, o.ownerId)),
    );
    expect(await upcomingAs(o.managerId, o.managerId)).toEqual([]);
    expect(await upcomingAs(o.ownerId, o.ownerId)).toHaveLength(1);
  });
});
