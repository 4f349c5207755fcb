// The demo's check-ins: Sam held one with Arjun (notes, an action that became an experiment in his
// plan, a task done) and has the next coming up; Mateo meets his coach Rachel, moved once; their
// invitations are in the outbox and parse; an admin sees none of it.
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckInDetail, CheckInList } from '../../src/domains/checkins/contracts.ts';
import type { MyPlans, PlanDetail } from '../../src/domains/development/contracts.ts';
import { emails } from '../../src/platform/mail/schema.ts';
import { testDatabaseKinds } from '../support/databases.ts';
import { Client, type Harness, seedDemo, startHarness } from '../support/harness.ts';
import { json } from './checkins-support.ts';

describe.each(testDatabaseKinds())('check-ins demo on %s', (kind) => {
  let h: Harness;
  let organisationId: string;
  const as = async (who: string) => {
    const c = new Client(h.app);
    expect((await c.signIn(`${who}@northwind.example`, 'lodestar-demo')).status).toBe(200);
    return c;
  };

  beforeAll(async () => {
    h = await startHarness(kind);
    ({ organisationId } = await seedDemo(h.services));
  });
  afterAll(() => h.close());

  it('Sam has a completed check-in with Arjun and the next one coming up', async () => {
    const sam = await as('sam.taylor');
    const list = await json<CheckInList>(await sam.get('/api/check-ins'), 200);
    expect(list.upcoming.map((c) => [c.counterpart.name, c.status])).toEqual([['Arjun Patel', 'scheduled']]);
    expect(list.past.map((c) => [c.counterpart.name, c.status])).toEqual([['Arjun Patel', 'completed']]);
    const held = await json<CheckInDetail>(await sam.get(`/api/check-ins/${list.past[0]!.id}`), 200);
    expect(held.notes).toContain('Mei picked it up');
    expect(held.agenda.length).toBeGreaterThan(0);
    expect(held.actions.map((a) => [a.kind, a.done, a.author.name])).toEqual([
      ['experiment', false, 'Sam Taylor'],
      ['task', true, 'Arjun Patel'],
    ]);
    const plans = await json<MyPlans>(await sam.get('/api/plans'), 200);
    const plan = await json<PlanDetail>(await sam.get(`/api/plans/${plans.current!.id}`), 200);
    const experimentIds = plan.focusAreas.flatMap((f) => f.experiments.map((e) => e.id));
    expect(experimentIds).toContain(held.actions[0]!.experimentId);
    const arjun = await as('arjun.patel');
    expect((await json<CheckInList>(await arjun.get('/api/check-ins'), 200)).upcoming).toHaveLength(1);
  });

  it('Rachel has a session with Mateo, whom she coaches; an admin sees no check-in', async () => {
    const rachel = await as('rachel.kim');
    const list = await json<CheckInList>(await rachel.get('/api/check-ins'), 200);
    expect(list.upcoming.map((c) => [c.owner.name, c.relation, c.viewerRole])).toEqual([
      ['Mateo Rossi', 'coach', 'counterpart'],
    ]);
    const admin = await as('amara.okafor');
    expect(await json<CheckInList>(await admin.get('/api/check-ins'), 200)).toEqual({
      upcoming: [],
      past: [],
    });
  });

  it('their invitations are in the outbox and parse', async () => {
    const sent = await h.services.db.inOrganisation(organisationId, (tx) =>
      tx
        .select({ to: emails.to, method: emails.calendarMethod, ics: emails.calendar })
        .from(emails)
        .where(and(eq(emails.organisationId, organisationId), isNotNull(emails.calendar)))
        .orderBy(asc(emails.createdAt)),
    );
    const parsed = sent.map((s) => {
      const event = new ICAL.Event(new ICAL.Component(ICAL.parse(s.ics!)).getFirstSubcomponent('vevent')!);
      return [s.to, s.method, event.sequence];
    });
    expect(parsed).toEqual([
      ['sam.taylor@northwind.example', 'REQUEST', 0],
      ['arjun.patel@northwind.example', 'REQUEST', 0],
      ['sam.taylor@northwind.example', 'REQUEST', 0],
      ['arjun.patel@northwind.example', 'REQUEST', 0],
      ['mateo.rossi@northwind.example', 'REQUEST', 0],
      ['rachel.kim@northwind.example', 'REQUEST', 0],
      ['mateo.rossi@northwind.example', 'REQUEST', 1],
      ['rachel.kim@northwind.example', 'REQUEST', 1],
    ]);
  });
});
