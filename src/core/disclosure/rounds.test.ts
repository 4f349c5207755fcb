import { describe, expect, it } from 'vitest';
import { DisclosureError } from './errors.ts';
import { type RoundRespondent, type RoundViewRelease, releaseRoundViews, roundViews } from './rounds.ts';

const ITEMS = ['q1', 'q2'];

/** `count` respondents with the same leader and team path; answers from `answer(i)`. */
function people(
  count: number,
  leaderId: string | null,
  teamPath: string[],
  answer: (i: number) => number = (i) => (i % 5) + 1,
): RoundRespondent[] {
  return Array.from({ length: count }, (_, i) => ({
    leaderId,
    teamPath,
    answers: { q1: answer(i), q2: 6 - answer(i) },
  }));
}

const byKey = (releases: ReadonlyArray<RoundViewRelease>) => new Map(releases.map((r) => [r.key, r]));
const shown = (release: RoundViewRelease | undefined) => release?.items.map((figure) => figure.itemId) ?? [];
const reasons = (release: RoundViewRelease | undefined) => release?.withheld.map((w) => w.reason) ?? [];

describe('releaseRoundViews', () => {
  it('decides all views of a round together, the organisation kept first', () => {
    // Top team R (leader "ceo") holds the two sub-team leaders; sub-teams A (5) and B (4).
    const respondents = [
      ...people(1, 'ceo', ['R']),
      ...people(1, 'ceo', ['R']),
      ...people(5, 'lead-a', ['R', 'A']),
      ...people(4, 'lead-b', ['R', 'B']),
    ];
    const views = byKey(releaseRoundViews(respondents, { minimum: 3, itemIds: ITEMS }));
    expect(shown(views.get('organisation'))).toEqual(ITEMS);
    expect(shown(views.get('subtree:R'))).toEqual(ITEMS); // the same people as the organisation
    expect(shown(views.get('leader:lead-a'))).toEqual(ITEMS);
    expect(shown(views.get('team:A'))).toEqual(ITEMS);
    expect(shown(views.get('subtree:A'))).toEqual(ITEMS);
    // Organisation − A − B would be the two people of R alone: B, the smaller, gives way.
    for (const key of ['leader:lead-b', 'team:B', 'subtree:B'])
      expect(reasons(views.get(key))).toEqual(['complementary', 'complementary']);
    expect(reasons(views.get('team:R'))).toEqual(['below-minimum', 'below-minimum']);
    expect(reasons(views.get('leader:ceo'))).toEqual(['below-minimum', 'below-minimum']);
  });

  it('computes each released figure over the respondents of the view who answered the item', () => {
    // Four answer both items, three only q1: the sets differ by three, so both figures are shown.
    const both = people(4, 'lead', ['T'], (i) => i + 1);
    const onlyQ1 = [5, 5, 2].map((q1) => ({ leaderId: 'lead', teamPath: ['T'], answers: { q1, q2: null } }));
    const team = byKey(releaseRoundViews([...both, ...onlyQ1], { minimum: 3, itemIds: ITEMS })).get(
      'team:T',
    )!;
    expect(team.items).toEqual([
      { itemId: 'q1', n: 7, mean: (1 + 2 + 3 + 4 + 5 + 5 + 2) / 7 },
      { itemId: 'q2', n: 4, mean: (5 + 4 + 3 + 2) / 4 },
    ]);
  });

  it('decides the items of a round together: one skipped item does not single its respondent out', () => {
    // Five answer q1, four of them q2: q1 − q2 on correlated items would point at the fifth.
    const respondents = [
      ...people(4, 'lead', ['T']),
      { leaderId: 'lead', teamPath: ['T'], answers: { q1: 5 } },
    ];
    const team = byKey(releaseRoundViews(respondents, { minimum: 3, itemIds: ITEMS })).get('team:T')!;
    expect(shown(team)).toEqual(['q1']);
    expect(team.withheld).toEqual([{ itemId: 'q2', reason: 'complementary' }]);
  });

  it("splits a leader's reports by team, and gives way to a team's figure when they differ by one", () => {
    // Leader L leads teams X and Y; Z in team X reports to someone else.
    const respondents = [...people(4, 'L', ['X']), ...people(3, 'L', ['Y']), ...people(1, 'M', ['X'])];
    const views = byKey(releaseRoundViews(respondents, { minimum: 3, itemIds: ITEMS }));
    expect(views.has('leader-team:L:X')).toBe(true);
    expect(shown(views.get('organisation'))).toEqual(ITEMS);
    // L's 7 reports are the organisation minus Z, and L's reports in X are team X minus Z.
    expect(reasons(views.get('leader:L'))).toEqual(['complementary', 'complementary']);
    expect(shown(views.get('team:X'))).toEqual(ITEMS);
    expect(reasons(views.get('leader-team:L:X'))).toEqual(['complementary', 'complementary']);
    expect(shown(views.get('leader-team:L:Y'))).toEqual(ITEMS); // the same people as team Y
    expect(reasons(views.get('leader:M'))).toEqual(['below-minimum', 'below-minimum']);
  });

  it('builds only the kinds asked for, and a leader with one team gets no split', () => {
    const respondents = [
      ...people(3, 'L', ['X']),
      ...people(3, 'K', ['P', 'X2']),
      ...people(3, 'K', ['P', 'Y2']),
    ];
    const keys = roundViews(respondents).map(
      ({ view }) => view.kind + (view.kind === 'leader-team' ? view.teamId : ''),
    );
    expect(keys.filter((key) => key.startsWith('leader-team'))).toEqual(['leader-teamX2', 'leader-teamY2']);
    const onlyLeaders = releaseRoundViews(respondents, { minimum: 3, itemIds: ITEMS, kinds: ['leader'] });
    expect(onlyLeaders.map((view) => view.key)).toEqual(['leader:L', 'leader:K']);
    expect(onlyLeaders.every((view) => view.items.length === 2)).toBe(true);
  });

  it('lets the caller choose which view gives way', () => {
    const respondents = [...people(4, 'L', ['X']), ...people(1, 'M', ['Y'])];
    const leadersFirst = releaseRoundViews(respondents, {
      minimum: 3,
      itemIds: ITEMS,
      kinds: ['organisation', 'leader'],
      priority: (view) => (view.kind === 'leader' ? 2 : 1),
    });
    expect(byKey(leadersFirst).get('organisation')!.withheld).toEqual([
      { itemId: 'q1', reason: 'complementary' },
      { itemId: 'q2', reason: 'complementary' },
    ]);
    expect(shown(byKey(leadersFirst).get('leader:L'))).toEqual(ITEMS);
  });

  it('refuses bad input with a DisclosureError naming the field', () => {
    const field = (respondents: RoundRespondent[], itemIds = ITEMS) => {
      try {
        releaseRoundViews(respondents, { minimum: 3, itemIds });
      } catch (error) {
        expect(error).toBeInstanceOf(DisclosureError);
        return (error as DisclosureError).field;
      }
      throw new Error('no error thrown');
    };
    expect(field([{ leaderId: '', teamPath: [], answers: {} }])).toBe('respondents[0].leaderId');
    expect(field([{ leaderId: null, teamPath: ['A', 'A'], answers: {} }])).toBe('respondents[0].teamPath[1]');
    expect(field([{ leaderId: null, teamPath: [], answers: { q9: 1 } }])).toBe('respondents[0].answers.q9');
    expect(field([{ leaderId: null, teamPath: [], answers: { q1: Number.NaN } }])).toBe(
      'respondents[0].answers.q1',
    );
    expect(field([], ['q1', 'q1'])).toBe('itemIds');
  });
});
