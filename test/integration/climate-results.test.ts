// Team climate results through the API, attacked as DESIGN §3.1 describes: every figure shown is
// over a set of respondents, and no set of fewer than the minimum (3) may be formable from the
// released ones by intersection and difference. The organisation (climate-support.ts) has a small
// team (Apps, 2), a parent (Engineering) over it, and a leader (l1) whose reports span Platform and
// Apps. Access: admins see every view, leaders their reports' and their teams' (with sub-teams),
// nobody else anything. A person moving between rounds leaves round 1's figures as they were.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClimateResults } from '../../src/domains/climate/contracts.ts';
import { people } from '../../src/identity/people/schema.ts';
import { testDatabaseKinds } from '../support/databases.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import {
  type ClimateOrg,
  climateOrg,
  closeRound,
  everyoneAnswers,
  json,
  type Name,
  PEOPLE,
  sendRound,
} from './climate-support.ts';

const MINIMUM = 3;
const RESPONDENTS = PEOPLE.filter((p) => p !== 'lead');
/** Each person's answer to every item: distinct per person, so a leaked mean would show. */
const VALUE: Record<Name, number> = { lead: 1, l1: 5, l2: 1, p1: 4, p2: 3, p3: 4, p4: 5, a1: 1, a2: 2 };

describe.each(testDatabaseKinds())('team climate results on %s', (kind) => {
  let h: Harness;
  let o: ClimateOrg;
  let round1: string;

  /** Who each view of round 1 covers, by the structure of climate-support.ts. */
  const members = (key: string): Name[] => {
    const { ids, teams } = o;
    const table: Record<string, Name[]> = {
      organisation: RESPONDENTS,
      [`leader:${ids.lead}`]: ['l1', 'l2'],
      [`leader:${ids.l1}`]: ['p1', 'p2', 'p3', 'p4', 'a1'],
      [`leader:${ids.l2}`]: ['a2'],
      [`leader-team:${ids.l1}:${teams.platform}`]: ['p1', 'p2', 'p3', 'p4'],
      [`leader-team:${ids.l1}:${teams.apps}`]: ['a1'],
      [`team:${teams.eng}`]: ['l1', 'l2'],
      [`team:${teams.platform}`]: ['p1', 'p2', 'p3', 'p4'],
      [`team:${teams.apps}`]: ['a1', 'a2'],
      [`subtree:${teams.eng}`]: RESPONDENTS,
    };
    if (!table[key]) throw new Error(`unexpected view ${key}`);
    return table[key];
  };
  const roundOf = (r: ClimateResults, key: string, roundId: string) =>
    r.views.find((v) => v.key === key)?.rounds.find((x) => x.roundId === roundId);

  beforeAll(async () => {
    h = await startHarness(kind);
    o = await climateOrg(h, 'res');
    round1 = await sendRound(h, o);
    await everyoneAnswers(h, o, RESPONDENTS, (n) => VALUE[n]);
    await closeRound(h, o, round1);
  }, 120_000);
  afterAll(() => h?.close());

  it('lists every view people were asked in, withholding the small ones without any number', async () => {
    const r = await json<ClimateResults>(await o.admin.get('/api/climate/results'), 200);
    expect(r.minimum).toBe(MINIMUM);
    expect(r.views.map((v) => v.key).sort()).toEqual(
      [
        'organisation',
        `leader:${o.ids.lead}`,
        `leader:${o.ids.l1}`,
        `leader:${o.ids.l2}`,
        `leader-team:${o.ids.l1}:${o.teams.platform}`,
        `leader-team:${o.ids.l1}:${o.teams.apps}`,
        `team:${o.teams.eng}`,
        `team:${o.teams.platform}`,
        `team:${o.teams.apps}`,
        `subtree:${o.teams.eng}`,
      ].sort(),
    );
    // The small team, the leader's one report in it, and every view under 3 are withheld: no n, no mean.
    for (const key of [
      `team:${o.teams.apps}`,
      `leader-team:${o.ids.l1}:${o.teams.apps}`,
      `leader:${o.ids.l2}`,
      `leader:${o.ids.lead}`,
      `team:${o.teams.eng}`,
    ]) {
      expect(roundOf(r, key, round1), key).toEqual({
        roundId: round1,
        released: false,
        changeFromPrevious: false,
      });
    }
  });

  it('releases no set of figures from which fewer than 3 respondents could be singled out', async () => {
    const r = await json<ClimateResults>(await o.admin.get('/api/climate/results'), 200);
    const released = r.views.filter((v) => roundOf(r, v.key, round1)?.released).map((v) => v.key);
    expect(released.length).toBeGreaterThan(0);
    // Atoms: respondents grouped by which released views contain them. Each group is what
    // intersections and differences of the released figures can isolate.
    const atoms = new Map<string, Name[]>();
    for (const n of RESPONDENTS) {
      const signature = released.filter((k) => members(k).includes(n)).join('|');
      if (signature) atoms.set(signature, [...(atoms.get(signature) ?? []), n]);
    }
    for (const [signature, group] of atoms) expect(group.length, signature).toBeGreaterThanOrEqual(MINIMUM);
    // In particular the parent with its sub-teams, less the released sub-team, does not give Apps,
    // and the leader of two teams is not shown both over all reports and over the larger team.
    expect(
      released.includes(`leader:${o.ids.l1}`) &&
        released.includes(`leader-team:${o.ids.l1}:${o.teams.platform}`),
    ).toBe(false);
  });

  it('shows correct means and n for released views', async () => {
    const r = await json<ClimateResults>(await o.admin.get('/api/climate/results'), 200);
    const org = roundOf(r, 'organisation', round1)!;
    expect(org.released).toBe(true);
    const expected = RESPONDENTS.reduce((s, n) => s + VALUE[n], 0) / RESPONDENTS.length;
    expect(org.n).toBe(RESPONDENTS.length);
    expect(org.factors!.map((f) => f.key)).toEqual(['meaning', 'growth', 'belonging', 'safety']);
    for (const f of org.factors!) expect(f.mean).toBeCloseTo(expected, 2);
    for (const i of org.items!) expect(i).toMatchObject({ mean: Math.round(expected * 100) / 100, n: 8 });
  });

  it('lets a leader see only their reports and the teams they lead with sub-teams; others nothing', async () => {
    const keysFor = async (name: Name | 'participant') =>
      (await json<ClimateResults>(await (await o.signIn(name)).get('/api/climate/results'), 200)).views
        .map((v) => v.key)
        .sort();
    expect(await keysFor('l1')).toEqual(
      [
        `leader:${o.ids.l1}`,
        `leader-team:${o.ids.l1}:${o.teams.platform}`,
        `leader-team:${o.ids.l1}:${o.teams.apps}`,
        `team:${o.teams.platform}`,
      ].sort(),
    );
    expect(await keysFor('l2')).toEqual([`leader:${o.ids.l2}`, `team:${o.teams.apps}`].sort());
    expect(await keysFor('lead')).toEqual(
      [
        `leader:${o.ids.lead}`,
        `team:${o.teams.eng}`,
        `team:${o.teams.platform}`,
        `team:${o.teams.apps}`,
        `subtree:${o.teams.eng}`,
      ].sort(),
    );
    expect(await keysFor('p1')).toEqual([]);
    expect(await keysFor('participant')).toEqual([]);
  });

  it('keeps round 1 as it was when a person moves team and manager before round 2', async () => {
    const before = await json<ClimateResults>(await o.admin.get('/api/climate/results'), 200);
    await h.services.db.inOrganisation(o.organisationId, (tx) =>
      tx
        .update(people)
        .set({ teamId: o.teams.apps, managerId: o.ids.l2 })
        .where(and(eq(people.organisationId, o.organisationId), eq(people.id, o.ids.p1))),
    );
    const round2 = await sendRound(h, o);
    await everyoneAnswers(h, o, RESPONDENTS, () => 3);
    await closeRound(h, o, round2);
    const after = await json<ClimateResults>(await o.admin.get('/api/climate/results'), 200);
    for (const view of before.views) {
      expect(roundOf(after, view.key, round1), view.key).toEqual(view.rounds[0]);
    }
    expect(after.rounds.map((x) => x.id)).toEqual([round1, round2]);
    // Round 2 sees p1 in Apps under l2: Apps now has 3 people.
    const apps2 = roundOf(after, `team:${o.teams.apps}`, round2)!;
    expect(apps2).toBeDefined();
  });
});
