// Property: for any organisation shape (a random team tree, leaders whose reports may span teams,
// people without a team) and any answers, the figures a round releases single out nobody. Every
// set of respondents formable from the released views by intersection and difference — the atoms of
// the released views — holds at least the minimum; a withheld view carries no number; a released
// view's figures are the means of exactly its respondents' answers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideRound } from './decide.ts';
import { CURRENT_INSTRUMENT } from './instrument.ts';
import { type Placement, type RoundSnapshot, subtreeOf } from './views.ts';

const ITEMS = CURRENT_INSTRUMENT.items.map((i) => i.key);

const round = fc
  .record({
    parents: fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
    people: fc.array(
      fc.record({
        leader: fc.nat({ max: 4 }),
        team: fc.option(fc.nat(), { nil: null }),
        answered: fc.boolean(),
        value: fc.integer({ min: 1, max: 5 }),
      }),
      { minLength: 0, maxLength: 30 },
    ),
    minimum: fc.integer({ min: 2, max: 4 }),
  })
  .map(({ parents, people, minimum }) => {
    // Team i's parent is an earlier team (or none), so the tree has no cycle.
    const teams = parents.map((p, i) => ({
      id: `t${i}`,
      name: `Team ${i}`,
      parentId: i === 0 || p % (i + 1) === i ? null : `t${p % i}`,
      leaderId: null,
    }));
    const placed = people.map((p) => ({
      leaderId: `l${p.leader}`,
      teamId: p.team === null ? null : `t${p.team % teams.length}`,
      answered: p.answered,
      value: p.value,
    }));
    const snapshot: RoundSnapshot = { teams, leaders: [] };
    return { snapshot, placed, minimum };
  });

/** Who a view covers, from its key, by the same rules as the disclosure module's views. */
function covers(key: string, p: Placement, snapshot: RoundSnapshot, leaderTeams: Map<string, Set<string>>) {
  const [kind, a, b] = key.split(':');
  if (kind === 'organisation') return true;
  if (kind === 'leader') return p.leaderId === a;
  if (kind === 'leader-team') return p.leaderId === a && p.teamId === b && leaderTeams.get(a!)!.size > 1;
  if (kind === 'team') return p.teamId === a;
  if (kind === 'subtree') return p.teamId !== null && subtreeOf(snapshot.teams, a!).has(p.teamId);
  throw new Error(key);
}

// Property runs with an exact attacker: seconds alone, several times that on two loaded cores.
describe('a climate round’s released views', { timeout: 60_000 }, () => {
  it('never let fewer than the minimum respondents be singled out', () => {
    fc.assert(
      fc.property(round, ({ snapshot, placed, minimum }) => {
        const responses = placed
          .filter((p) => p.answered)
          .map((p) => ({
            leaderId: p.leaderId,
            teamId: p.teamId,
            answers: Object.fromEntries(ITEMS.map((k) => [k, p.value])),
          }));
        const views = decideRound({ snapshot, itemKeys: ITEMS, minimum, invited: placed, responses });
        const leaderTeams = new Map<string, Set<string>>();
        for (const r of responses) {
          if (r.teamId) leaderTeams.set(r.leaderId, (leaderTeams.get(r.leaderId) ?? new Set()).add(r.teamId));
        }
        const released = views.filter((v) => v.released);
        for (const v of views.filter((x) => !x.released)) {
          expect(v.n).toBeUndefined();
          expect(v.factors).toBeUndefined();
        }
        const atoms = new Map<string, number>();
        responses.forEach((r) => {
          const signature = released
            .filter((v) => covers(v.key, r, snapshot, leaderTeams))
            .map((v) => v.key)
            .join('|');
          if (signature) atoms.set(signature, (atoms.get(signature) ?? 0) + 1);
        });
        for (const size of atoms.values()) expect(size).toBeGreaterThanOrEqual(minimum);
        for (const v of released) {
          const members = responses.filter((r) => covers(v.key, r, snapshot, leaderTeams));
          expect(v.n).toBe(members.length);
          const mean = members.reduce((s, r) => s + r.answers[ITEMS[0]!]!, 0) / members.length;
          expect(v.items![0]!.mean).toBeCloseTo(mean, 2);
        }
      }),
      { numRuns: 300 },
    );
  });
});
