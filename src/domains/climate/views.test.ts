// The pure parts of climate views: team paths and subtrees from a round's snapshot (cycles end the
// walk), labels, what a decided view shows, and who may see which view.
import { describe, expect, it } from 'vitest';
import type { RoundViewRelease } from '../../core/disclosure/index.ts';
import { CURRENT_INSTRUMENT } from './instrument.ts';
import {
  labelOf,
  ledTeams,
  mayView,
  type RoundSnapshot,
  subtreeOf,
  teamPathOf,
  viewResult,
} from './views.ts';

const snapshot: RoundSnapshot = {
  teams: [
    { id: 'eng', name: 'Engineering', parentId: null, leaderId: 'lead' },
    { id: 'plat', name: 'Platform', parentId: 'eng', leaderId: 'l1' },
    { id: 'apps', name: 'Apps', parentId: 'eng', leaderId: 'l2' },
    { id: 'web', name: 'Web', parentId: 'apps', leaderId: null },
  ],
  leaders: [{ id: 'l1', name: 'Lee' }],
};
const keys = CURRENT_INSTRUMENT.items.map((i) => i.key);

describe('climate views', () => {
  it('walks paths and subtrees of the snapshot', () => {
    expect(teamPathOf(snapshot.teams, 'web')).toEqual(['eng', 'apps', 'web']);
    expect(teamPathOf(snapshot.teams, null)).toEqual([]);
    expect([...subtreeOf(snapshot.teams, 'apps')].sort()).toEqual(['apps', 'web']);
    const cyclic = [
      { id: 'a', name: 'A', parentId: 'b', leaderId: null },
      { id: 'b', name: 'B', parentId: 'a', leaderId: null },
    ];
    expect(teamPathOf(cyclic, 'a')).toEqual(['b', 'a']);
    expect([...subtreeOf(cyclic, 'a')].sort()).toEqual(['a', 'b']);
  });

  it('labels views with the names the round was sent with', () => {
    expect(labelOf({ kind: 'leader', leaderId: 'l1' }, snapshot)).toBe('Lee: all direct reports');
    expect(labelOf({ kind: 'team', teamId: 'apps' }, snapshot)).toBe('Apps (its own members)');
    expect(labelOf({ kind: 'team', teamId: 'plat' }, snapshot)).toBe('Platform');
    expect(labelOf({ kind: 'subtree', teamId: 'eng' }, snapshot)).toBe('Engineering with its sub-teams');
    expect(labelOf({ kind: 'leader', leaderId: 'gone' }, snapshot)).toBe(
      'A former leader: all direct reports',
    );
  });

  it('shows nothing of a withheld view, and a factor only when all its items were released', () => {
    const view = { kind: 'team', teamId: 'plat' } as const;
    expect(viewResult(view, undefined, snapshot, keys)).toEqual({
      key: 'team:plat',
      kind: 'team',
      label: 'Platform',
      leaderId: null,
      teamId: 'plat',
      released: false,
    });
    const release: RoundViewRelease = {
      key: 'team:plat',
      view,
      items: keys.filter((k) => k !== 'safety.disagree').map((itemId) => ({ itemId, n: 4, mean: 3.125 })),
      withheld: [{ itemId: 'safety.disagree', reason: 'complementary' }],
    };
    const shown = viewResult(view, release, snapshot, keys);
    expect(shown.released).toBe(true);
    expect(shown.n).toBe(4);
    expect(shown.factors!.map((f) => f.key)).toEqual(['meaning', 'growth', 'belonging']);
    expect(shown.factors![0]).toEqual({ key: 'meaning', mean: 3.13, n: 4 });
    expect(shown.items!.some((i) => i.key === 'safety.disagree')).toBe(false);
  });

  it('lets admins see all, leaders their reports and led teams with sub-teams, others nothing', () => {
    const leaderView = {
      key: 'leader:l1',
      kind: 'leader',
      label: '',
      leaderId: 'l1',
      teamId: null,
      released: false,
    } as const;
    const team = (teamId: string) => ({
      key: `team:${teamId}`,
      kind: 'team' as const,
      label: '',
      leaderId: null,
      teamId,
      released: false,
    });
    const org = {
      key: 'organisation',
      kind: 'organisation',
      label: '',
      leaderId: null,
      teamId: null,
      released: false,
    } as const;
    expect([...ledTeams(snapshot, 'l2')].sort()).toEqual(['apps', 'web']);
    expect(mayView(leaderView, snapshot, { personId: 'l1', admin: false })).toBe(true);
    expect(mayView(leaderView, snapshot, { personId: 'l2', admin: false })).toBe(false);
    expect(mayView(team('web'), snapshot, { personId: 'l2', admin: false })).toBe(true);
    expect(mayView(team('plat'), snapshot, { personId: 'l2', admin: false })).toBe(false);
    expect(mayView(team('web'), snapshot, { personId: 'lead', admin: false })).toBe(true);
    expect(mayView(org, snapshot, { personId: 'lead', admin: false })).toBe(false);
    expect(mayView(org, snapshot, { personId: 'x', admin: true })).toBe(true);
  });
});
