import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../seeded-random.ts';
import { type RoundRespondent, type RoundViewRelease, releaseRoundViews } from './rounds.ts';
import { naiveAtoms, solvableSmallGroups } from './testing/cell-oracle.ts';
import { releaseTrend } from './trend.ts';

/*
 * Random organisations (nested teams, leaders of one or several teams, people reporting across
 * teams), two climate rounds between which people join, leave and move, random non-response to the
 * round and to single items. Each round's release is attacked exactly: every released mean is the
 * equation Σ answers = n·mean over the people the test itself works out for the view.
 */

interface Person extends RoundRespondent {
  readonly personId: string;
}

interface Scenario {
  readonly rounds: ReadonlyArray<ReadonlyArray<Person>>;
  readonly minimum: number;
  readonly itemIds: ReadonlyArray<string>;
}

const scenarioArbitrary: fc.Arbitrary<Scenario> = fc
  .record({
    teamCount: fc.integer({ min: 1, max: 6 }),
    leaderPool: fc.integer({ min: 1, max: 4 }),
    peopleCount: fc.integer({ min: 4, max: 24 }),
    itemCount: fc.integer({ min: 1, max: 3 }),
    nonResponse: fc.constantFrom(0, 0.1, 0.25),
    skipRate: fc.constantFrom(0, 0, 0.05, 0.15),
    moveRate: fc.constantFrom(0, 0.1, 0.25),
    leaveRate: fc.constantFrom(0, 0.1),
    joiners: fc.integer({ min: 0, max: 3 }),
    minimum: fc.integer({ min: 2, max: 4 }),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  })
  .map((shape) => {
    // Per-person draws from a seeded uniform source: fast-check biases numbers towards their bounds.
    const random = seededRandom(shape.seed);
    const pick = (count: number) => Math.floor(random() * count);
    const parent = Array.from({ length: shape.teamCount }, (_, t) =>
      t > 0 && random() < 0.8 ? pick(t) : null,
    );
    const pathOf = (team: number): string[] =>
      parent[team] === null ? [`team-${team}`] : [...pathOf(parent[team]!), `team-${team}`];
    // Leaders drawn from a small pool, so some lead two or more teams.
    const teamLeader = parent.map(() => `leader-${pick(shape.leaderPool)}`);
    const place = () => {
      const team = random() < 0.9 ? pick(shape.teamCount) : null;
      const leaderId =
        team !== null && random() < 0.85
          ? teamLeader[team]!
          : random() < 0.8
            ? `leader-${pick(shape.leaderPool)}`
            : null;
      return { leaderId, teamPath: team === null ? [] : pathOf(team) };
    };
    const itemIds = Array.from({ length: shape.itemCount }, (_, i) => `item-${i}`);
    const respond = (placed: { personId: string; leaderId: string | null; teamPath: string[] }) => ({
      ...placed,
      answers: Object.fromEntries(
        itemIds.map((itemId) => [itemId, random() < shape.skipRate ? null : 1 + pick(5)]),
      ),
    });
    let staff = Array.from({ length: shape.peopleCount }, (_, p) => ({
      personId: `person-${p}`,
      ...place(),
    }));
    const rounds: Person[][] = [];
    for (let round = 0; round < 2; round++) {
      if (round > 0) {
        staff = staff
          .filter(() => random() >= shape.leaveRate)
          .map((person) => (random() < shape.moveRate ? { ...person, ...place() } : person));
        for (let j = 0; j < shape.joiners; j++) staff.push({ personId: `joiner-${j}`, ...place() });
      }
      rounds.push(staff.filter(() => random() >= shape.nonResponse).map(respond));
    }
    return { rounds, minimum: shape.minimum, itemIds };
  });

/** The views of a round as the test works them out: key → indexes of the respondents in it. */
function oracleViews(respondents: ReadonlyArray<Person>): Map<string, number[]> {
  const views = new Map<string, number[]>();
  const add = (key: string, r: number) => views.set(key, [...(views.get(key) ?? []), r]);
  respondents.forEach((person, r) => {
    add('organisation', r);
    if (person.leaderId !== null) add(`leader:${person.leaderId}`, r);
    if (person.teamPath.length > 0) add(`team:${person.teamPath.at(-1)}`, r);
    for (const team of person.teamPath) add(`subtree:${team}`, r);
  });
  respondents.forEach((person, r) => {
    if (person.leaderId === null || person.teamPath.length === 0) return;
    const teams = new Set(
      respondents
        .filter((p) => p.leaderId === person.leaderId && p.teamPath.length > 0)
        .map((p) => p.teamPath.at(-1)),
    );
    if (teams.size > 1) add(`leader-team:${person.leaderId}:${person.teamPath.at(-1)}`, r);
  });
  return views;
}

const answerers = (respondents: ReadonlyArray<Person>, members: ReadonlyArray<number>, itemId: string) =>
  members.filter((r) => respondents[r]!.answers[itemId] !== null);

/** Every released figure of a round as (item, respondent indexes), checked against the raw answers. */
function releasedSets(
  respondents: ReadonlyArray<Person>,
  release: ReadonlyArray<RoundViewRelease>,
  scenario: Scenario,
): Array<{ item: string; members: number[]; viewKey: string }> {
  const views = oracleViews(respondents);
  expect([...views.keys()].sort()).toEqual(release.map((view) => view.key).sort());
  return release.flatMap((view) => {
    expect(view.items.length + view.withheld.length).toBe(scenario.itemIds.length);
    return view.items.map((figure) => {
      const members = answerers(respondents, views.get(view.key)!, figure.itemId);
      const sum = members.reduce((total, r) => total + respondents[r]!.answers[figure.itemId]!, 0);
      expect(figure.n).toBe(members.length);
      expect(figure.mean).toBeCloseTo(sum / members.length, 12);
      expect(figure.n).toBeGreaterThanOrEqual(scenario.minimum);
      return { item: figure.itemId, members, viewKey: view.key };
    });
  });
}

function smallGroupsSolvable(
  size: number,
  sets: ReadonlyArray<{ item: string; members: number[] }>,
  scenario: Scenario,
) {
  // Figures on different items share no unknowns: the span splits by item.
  return scenario.itemIds.some(
    (itemId) =>
      solvableSmallGroups(
        size,
        sets.filter((set) => set.item === itemId).map((set) => set.members),
        scenario.minimum,
      ).length > 0,
  );
}

const RUNS = { numRuns: 250 };

// Property runs with an exact attacker: seconds alone, several times that on two loaded cores.
describe('climate rounds against an attacker (property-based)', { timeout: 60_000 }, () => {
  it('every atom of all figures released in a round holds the minimum', () => {
    fc.assert(
      fc.property(scenarioArbitrary, (scenario) => {
        for (const respondents of scenario.rounds) {
          const release = releaseRoundViews(respondents, scenario);
          const sets = releasedSets(respondents, release, scenario);
          // Atoms over the whole round, across items: one skipped item must not single anyone out.
          for (const atom of naiveAtoms(sets.map((set) => set.members)))
            expect(atom.length, `atom ${atom}`).toBeGreaterThanOrEqual(scenario.minimum);
        }
      }),
      RUNS,
    );
  });

  it('no single answer, and no pair below the minimum, is solvable from everything a round shows', () => {
    fc.assert(
      fc.property(scenarioArbitrary, (scenario) => {
        for (const respondents of scenario.rounds) {
          const sets = releasedSets(respondents, releaseRoundViews(respondents, scenario), scenario);
          expect(smallGroupsSolvable(respondents.length, sets, scenario)).toBe(false);
        }
      }),
      RUNS,
    );
  });

  it('control: without complementary suppression the same rounds give answers away, and the check keeps figures', () => {
    // Guards the tests above against passing vacuously: every view figure of at least the minimum,
    // released as a naive "n ≥ minimum" rule would, is broken by the same attacker in many rounds.
    let broken = 0;
    let rounds = 0;
    let leaderFiguresShown = 0;
    let leaderFigures = 0;
    fc.assert(
      fc.property(scenarioArbitrary, (scenario) => {
        for (const respondents of scenario.rounds) {
          rounds++;
          const naive = [...oracleViews(respondents).entries()].flatMap(([viewKey, members]) =>
            scenario.itemIds.map((item) => ({
              item,
              viewKey,
              members: answerers(respondents, members, item),
            })),
          );
          const big = naive.filter((set) => set.members.length >= scenario.minimum);
          if (smallGroupsSolvable(respondents.length, big, scenario)) broken++;
          const released = releasedSets(respondents, releaseRoundViews(respondents, scenario), scenario);
          leaderFigures += big.filter((set) => set.viewKey.startsWith('leader:')).length;
          leaderFiguresShown += released.filter((set) => set.viewKey.startsWith('leader:')).length;
        }
      }),
      { numRuns: 200, seed: 11 },
    );
    expect(broken / rounds).toBeGreaterThan(0.5); // 82 % with this seed
    // Of the leader figures a naive rule would show, the check keeps most (62 % with this seed).
    expect(leaderFiguresShown / leaderFigures).toBeGreaterThan(0.5);
  });

  it('rounds: a change is shown only when the two figures alone determine no group below the minimum', () => {
    // The attacker's best case across rounds: nobody's answer changed, so a person's answer is one
    // unknown in both rounds. releaseTrend must refuse every step that this pair of figures breaks.
    fc.assert(
      fc.property(scenarioArbitrary, (scenario) => {
        const [first, second] = scenario.rounds as [Person[], Person[]];
        const before = new Map(releaseRoundViews(first, scenario).map((view) => [view.key, view]));
        const after = releaseRoundViews(second, scenario);
        const viewsBefore = oracleViews(first);
        const viewsAfter = oracleViews(second);
        const everyone = [...new Set([...first, ...second].map((person) => person.personId))];
        const indexOf = new Map(everyone.map((id, i) => [id, i]));
        for (const view of after) {
          const earlier = before.get(view.key);
          if (!earlier) continue;
          for (const itemId of scenario.itemIds) {
            const people = (round: Person[], members: number[] | undefined) =>
              answerers(round, members ?? [], itemId).map((r) => round[r]!.personId);
            const was = people(first, viewsBefore.get(view.key));
            const is = people(second, viewsAfter.get(view.key));
            const released = (release: RoundViewRelease) => release.items.some((f) => f.itemId === itemId);
            const [step] = releaseTrend(
              [
                { round: 1, released: released(earlier), people: was },
                { round: 2, released: released(view), people: is },
              ],
              scenario,
            );
            if (!step!.comparable) continue;
            const sets = [was, is].map((ids) => ids.map((id) => indexOf.get(id)!));
            expect(solvableSmallGroups(everyone.length, sets, scenario.minimum)).toEqual([]);
          }
        }
      }),
      RUNS,
    );
  });

  it('residual: with no answer changed, two rounds together can give an answer away (ADR 0021 accepts)', () => {
    // Documents the limit of the guarantee rather than a property of the module: rounds are disjoint
    // universes, so this needs answers identical across rounds; real answers drift, which turns the
    // exact solution into an estimate off by the others' changes (see the ADR).
    let exposed = 0;
    let scenarios = 0;
    fc.assert(
      fc.property(scenarioArbitrary, (scenario) => {
        scenarios++;
        const everyone = [...new Set(scenario.rounds.flat().map((person) => person.personId))];
        const indexOf = new Map(everyone.map((id, i) => [id, i]));
        const sets = scenario.rounds.flatMap((respondents) =>
          releasedSets(respondents, releaseRoundViews(respondents, scenario), scenario).map((set) => ({
            item: set.item,
            members: set.members.map((r) => indexOf.get(respondents[r]!.personId)!),
          })),
        );
        if (smallGroupsSolvable(everyone.length, sets, scenario)) exposed++;
      }),
      { numRuns: 200, seed: 12 },
    );
    // 81 of 200 with this seed: frequent, which is why the ADR states it plainly.
    expect(exposed / scenarios).toBeGreaterThan(0.1);
  });
});
