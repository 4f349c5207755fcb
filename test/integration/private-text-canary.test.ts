// Private text never reaches anyone else through the API (issue 10, docs/decisions/0014): the owner
// writes a unique marker into everything private they own and do not share — plan, focus, experiment,
// practice note, comment, journal entry, check-in notes — then every GET route of the app is called
// by the admin, the manager, the coach and a peer, with every id the test knows in place of `:id`,
// and no response may contain a marker. The walk reads `allRoutes`, so a route added later is
// walked too without touching this file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoachingRelationship, PlanDetail } from '../../src/domains/development/contracts.ts';
import { allRoutes } from '../../src/modules.ts';
import { testDatabaseKinds } from '../support/databases.ts';
import { type Client, type Harness, startHarness } from '../support/harness.ts';
import { capabilityFocus, experimentBody, json, type PlanOrg, planOrg } from './development-support.ts';

/** A marker no fixture or generated text contains by chance. */
const CANARY = 'CANARY-7f3a9c-private';

describe.each(testDatabaseKinds())('private text stays private on %s', (kind) => {
  let h: Harness;
  let o: PlanOrg;
  /** Every id the walk substitutes for `:id`: people, and each private row the owner made. */
  const ids = new Set<string>();
  let planId: string;

  beforeAll(async () => {
    h = await startHarness(kind);
    o = await planOrg(h, 'canary');
    for (const id of [o.ownerId, o.managerId, o.coachId, o.adminId, o.peerId]) ids.add(id);
    const request = await json<CoachingRelationship>(
      await o.coach.post('/api/coaching', { coacheeId: o.ownerId }),
      201,
    );
    await json(await o.owner.post(`/api/coaching/${request.id}/accept`), 200);

    const plan = await json<PlanDetail>(
      await o.owner.post('/api/plans', {
        title: `Plan ${CANARY}`,
        focusAreas: [capabilityFocus({ goal: `Goal ${CANARY}`, why: `Why ${CANARY}` })],
      }),
      201,
    );
    planId = plan.id;
    const focusId = plan.focusAreas[0]!.id;
    const withExperiment = await json<PlanDetail>(
      await o.owner.post(
        `/api/focus-areas/${focusId}/experiments`,
        experimentBody({ action: `Act ${CANARY}` }),
      ),
      201,
    );
    const experimentId = withExperiment.focusAreas[0]!.experiments[0]!.id;
    await json(
      await o.owner.post(`/api/experiments/${experimentId}/practice`, {
        didIt: true,
        note: `Note ${CANARY}`,
      }),
      201,
    );
    await json(await o.owner.post(`/api/plans/${plan.id}/comments`, { body: `Comment ${CANARY}` }), 201);
    const entry = await json<{ id: string }>(
      await o.owner.post('/api/journal', { body: `Journal ${CANARY}`, experimentId }),
      201,
    );
    for (const id of [plan.id, focusId, experimentId, entry.id]) ids.add(id);
  });
  afterAll(() => h.close());

  const getRoutes = () => allRoutes.filter((r) => r.method === 'get' && !r.path.includes(':token'));

  async function walk(who: string, c: Client): Promise<number> {
    let calls = 0;
    for (const r of getRoutes()) {
      const paths = r.path.includes(':id') ? [...ids].map((id) => r.path.replace(':id', id)) : [r.path];
      for (const path of paths) {
        const res = await c.get(path);
        calls++;
        const body = await res.text();
        expect(body.includes(CANARY), `${who} GET ${path} → ${res.status}`).toBe(false);
        expect(res.status, `${who} GET ${path}`).toBeLessThan(500);
      }
    }
    return calls;
  }

  it('the owner reads their own private text (the markers are really there)', async () => {
    const plan = await o.owner.get(`/api/plans/${planId}`);
    expect((await plan.text()).match(new RegExp(CANARY, 'g'))?.length).toBeGreaterThanOrEqual(5);
    expect(await (await o.owner.get('/api/journal')).text()).toContain(`Journal ${CANARY}`);
  });

  for (const who of ['admin', 'manager', 'coach', 'peer'] as const) {
    it(`no GET response to the ${who} holds any of it`, async () => {
      const calls = await walk(who, o[who]);
      expect(calls).toBeGreaterThan(getRoutes().length);
    });
  }
});
