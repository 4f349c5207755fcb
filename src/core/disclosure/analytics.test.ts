import { describe, expect, it } from 'vitest';
import { type AnalyticsPerson, type AnalyticsSnapshotInput, analyticsSnapshot } from './analytics.ts';
import { answerQuery, poolBuckets } from './analytics-query.ts';
import { DisclosureError } from './errors.ts';

/*
 * Engineering (10 people: 8 of its own, 2 in its sub-team Platform) and Sales (6), two stages.
 * Platform's 2 are below a minimum of 3, so "Engineering" and "Engineering without Platform" must
 * not both be shown: the lattice keeps Engineering (the larger, coarser cell) and withholds every
 * answer that would need Platform's cell.
 */
function person(id: number, teamId: string, stage: string, score: number | null): AnalyticsPerson {
  return {
    personId: `p${id}`,
    teamId,
    stage,
    programmeId: id % 2 === 0 ? 'emerging' : null,
    values: { score },
  };
}

const input: AnalyticsSnapshotInput = {
  teams: [
    { id: 'eng', parentTeamId: null },
    { id: 'platform', parentTeamId: 'eng' },
    { id: 'sales', parentTeamId: null },
  ],
  stages: ['individual', 'manager'],
  programmes: ['emerging'],
  measures: [{ id: 'score', kind: 'mean' }],
  people: [
    ...[0, 1, 2, 3, 4, 5, 6, 7].map((p) => person(p, 'eng', p < 5 ? 'individual' : 'manager', 3)),
    person(8, 'platform', 'individual', 5),
    person(9, 'platform', 'individual', 1),
    ...[10, 11, 12, 13, 14, 15].map((p) => person(p, 'sales', p < 13 ? 'individual' : 'manager', 4)),
  ],
};

describe('analyticsSnapshot and answerQuery', () => {
  const decision = analyticsSnapshot(input, { minimum: 3 });

  it('answers a subtree from its released cell, exactly', () => {
    expect(answerQuery(decision, { teams: ['eng'] }, 'score')).toEqual({ released: true, n: 10, sum: 30 });
    expect(answerQuery(decision, {}, 'people')).toEqual({ released: true, n: 16, sum: 16 });
  });

  it('withholds parent minus child when the child is below the minimum', () => {
    expect(answerQuery(decision, { teams: ['platform'] }, 'score')).toEqual({
      released: false,
      reason: 'withheld',
    });
    expect(answerQuery(decision, { teams: ['eng'], excludeTeams: ['platform'] }, 'score')).toEqual({
      released: false,
      reason: 'withheld',
    });
  });

  it('answers a stage selection as all stages minus the others when that is what was released', () => {
    const whole = answerQuery(decision, { teams: ['sales'] }, 'score');
    const individual = answerQuery(decision, { teams: ['sales'], stages: ['individual'] }, 'score');
    const manager = answerQuery(decision, { teams: ['sales'], stages: ['manager'] }, 'score');
    expect(whole).toEqual({ released: true, n: 6, sum: 24 });
    expect(individual).toEqual({ released: true, n: 3, sum: 12 });
    expect(manager).toEqual({ released: true, n: 3, sum: 12 });
    // Both stages listed is the whole team, not a new set.
    expect(answerQuery(decision, { teams: ['sales'], stages: ['individual', 'manager'] }, 'score')).toEqual(
      whole,
    );
  });

  it('a subtree inside an excluded one selects nobody; excluding outside the selection removes nobody', () => {
    expect(answerQuery(decision, { teams: ['platform'], excludeTeams: ['eng'] }, 'people')).toEqual({
      released: false,
      reason: 'empty',
    });
    expect(answerQuery(decision, { teams: ['sales'], excludeTeams: ['eng'] }, 'people')).toEqual(
      answerQuery(decision, { teams: ['sales'] }, 'people'),
    );
  });

  it('pools calendar buckets only when every bucket is released', () => {
    const released = answerQuery(decision, { teams: ['eng'] }, 'score');
    const withheld = answerQuery(decision, { teams: ['platform'] }, 'score');
    expect(poolBuckets([released, released])).toEqual({ released: true, n: 20, sum: 60 });
    expect(poolBuckets([released, withheld])).toEqual({ released: false, reason: 'withheld' });
  });

  it('names the field of a bad filter or input (→ 400)', () => {
    const fieldOf = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return error instanceof DisclosureError ? error.field : 'other';
      }
      return null;
    };
    expect(fieldOf(() => answerQuery(decision, { teams: ['nope'] }, 'score'))).toBe('teams[0]');
    expect(fieldOf(() => answerQuery(decision, { stages: ['ceo'] }, 'score'))).toBe('stages[0]');
    expect(fieldOf(() => answerQuery(decision, {}, 'score#counted'))).toBe('figure');
    expect(fieldOf(() => analyticsSnapshot(input, { minimum: 1 }))).toBe('minimum');
    const bad = { ...input, people: [{ ...input.people[0]!, stage: 'ceo' }] };
    expect(fieldOf(() => analyticsSnapshot(bad, { minimum: 3 }))).toBe('people[0].stage');
    const badCount = {
      ...input,
      measures: [{ id: 'score', kind: 'count' as const }],
    };
    expect(fieldOf(() => analyticsSnapshot(badCount, { minimum: 3 }))).toBe('people[0].values.score');
  });

  it('a person who moved team is decided against the month before', () => {
    // February: p8 moved from Platform to Engineering itself; Engineering's subtree is the same
    // people, so its figure is unchanged and nothing new about p8 can be formed.
    const moved = {
      ...input,
      people: input.people.map((p) => (p.personId === 'p8' ? { ...p, teamId: 'eng' } : p)),
    };
    const february = analyticsSnapshot(moved, { minimum: 3, earlier: [decision.releasedSets] });
    expect(answerQuery(february, { teams: ['eng'] }, 'score')).toEqual({ released: true, n: 10, sum: 30 });
    expect(answerQuery(february, { teams: ['platform'] }, 'score')).toEqual({
      released: false,
      reason: 'withheld',
    });
  });

  it('keeps an earlier set of old ids that cuts an earlier set holding current ones', () => {
    // Earlier month: A = {x1, x2, x3, y1, y2, y3} and B = {y1, y2, y3} (the ys have left). Now x1
    // and x2 have a score, x3 has none. Showing {x1, x2} would give A − B − {x1, x2} = x3's value,
    // although B shares no id with this month.
    const now: AnalyticsSnapshotInput = {
      teams: [{ id: 'eng', parentTeamId: null }],
      stages: ['individual'],
      programmes: [],
      measures: [{ id: 'score', kind: 'mean' }],
      people: ['x1', 'x2', 'x3'].map((id) => ({
        personId: id,
        teamId: 'eng',
        stage: 'individual',
        programmeId: null,
        values: { score: id === 'x3' ? null : 4 },
      })),
    };
    const a = ['x1', 'x2', 'x3', 'y1', 'y2', 'y3'];
    const b = ['y1', 'y2', 'y3'];
    const withB = analyticsSnapshot(now, { minimum: 2, earlier: [{ score: [a, b] }] });
    expect(answerQuery(withB, {}, 'score')).toEqual({ released: false, reason: 'withheld' });
    // Control: had B been dropped, the cell would be shown.
    const withoutB = analyticsSnapshot(now, { minimum: 2, earlier: [{ score: [a] }] });
    expect(answerQuery(withoutB, {}, 'score')).toEqual({ released: true, n: 2, sum: 8 });
  });
});

describe('a preference per family', () => {
  // Managers are 3 of 11 but 2 and 1 per team: the organisation's manager row and the team totals
  // cannot both be shown (a team ∩ managers would be formable and hold one or two people).
  const stage = (p: number) => (p === 0 || p === 1 || p === 6 ? 'manager' : 'individual');
  const people: AnalyticsPerson[] = Array.from({ length: 11 }, (_, p) => ({
    personId: `p${p}`,
    teamId: p < 6 ? 'a' : 'b',
    stage: stage(p),
    programmeId: null,
    values: { score: 3, balance: 0.5 },
  }));
  const decision = analyticsSnapshot(
    {
      teams: [
        { id: 'a', parentTeamId: null },
        { id: 'b', parentTeamId: null },
      ],
      stages: ['individual', 'manager'],
      programmes: [],
      measures: [
        { id: 'score', kind: 'mean' },
        { id: 'balance', kind: 'mean' },
      ],
      people,
    },
    { minimum: 3, preferByFamily: { balance: 'stages' } },
  );

  it('keeps the stage row for the family that prefers stages, the team totals for the others', () => {
    expect(answerQuery(decision, { stages: ['manager'] }, 'balance')).toEqual({
      released: true,
      n: 3,
      sum: 1.5,
    });
    expect(answerQuery(decision, { teams: ['a'] }, 'balance').released).toBe(false);
    expect(answerQuery(decision, { stages: ['manager'] }, 'score').released).toBe(false);
    expect(answerQuery(decision, { teams: ['a'] }, 'score')).toEqual({ released: true, n: 6, sum: 18 });
  });
});
