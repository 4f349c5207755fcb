import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkTeamParent,
  TEAM_MAX_DEPTH,
  type TeamNode,
  teamAncestors,
  teamDepth,
  teamPath,
  teamSubtree,
  teamsInTreeOrder,
  teamTreeOf,
} from './team-tree.ts';

const node = (id: string, parentTeamId: string | null): TeamNode => ({
  id,
  name: id.toUpperCase(),
  parentTeamId,
  leaderId: null,
});

// org ─┬─ eng ─┬─ platform ── sre
//      │       └─ web
//      └─ design
// sales
const tree = teamTreeOf([
  node('org', null),
  node('eng', 'org'),
  node('platform', 'eng'),
  node('sre', 'platform'),
  node('web', 'eng'),
  node('design', 'org'),
  node('sales', null),
]);

describe('team tree', () => {
  it('lists ancestors nearest first and sub-trees with the team first', () => {
    expect(teamAncestors(tree, 'sre')).toEqual(['platform', 'eng', 'org']);
    expect(teamAncestors(tree, 'org')).toEqual([]);
    expect(teamSubtree(tree, 'eng').sort()).toEqual(['eng', 'platform', 'sre', 'web']);
    expect(teamSubtree(tree, 'eng')[0]).toBe('eng');
    expect(teamSubtree(tree, 'sales')).toEqual(['sales']);
    expect(teamSubtree(tree, 'nope')).toEqual([]);
  });

  it('gives paths, depths and a depth-first reading order', () => {
    expect(teamPath(tree, 'sre')).toEqual(['ORG', 'ENG', 'PLATFORM', 'SRE']);
    expect(teamDepth(tree, 'org')).toBe(1);
    expect(teamDepth(tree, 'sre')).toBe(4);
    expect(teamsInTreeOrder(tree).map((e) => `${e.depth}${e.team.id}`)).toEqual([
      '1org',
      '2design',
      '2eng',
      '3platform',
      '4sre',
      '3web',
      '1sales',
    ]);
  });

  it('refuses a parent inside the team’s own sub-tree, the team itself, or too deep a tree', () => {
    expect(checkTeamParent(tree, 'eng', 'sre')).toMatch(/loop/);
    expect(checkTeamParent(tree, 'eng', 'eng')).toMatch(/itself/);
    expect(checkTeamParent(tree, 'eng', 'sales')).toBeNull();
    expect(checkTeamParent(tree, 'eng', null)).toBeNull();
    // eng's sub-tree is 3 levels; under sre (depth 4) it would reach 7.
    expect(checkTeamParent(tree, 'web', 'sre')).toBeNull();
    const deep = teamTreeOf([...tree.values(), node('x5', 'sre'), node('x6', 'x5')]);
    expect(teamDepth(deep, 'x6')).toBe(TEAM_MAX_DEPTH);
    expect(checkTeamParent(deep, 'sales', 'x6')).toMatch(/6 levels/);
    expect(checkTeamParent(deep, 'sales', 'x5')).toBeNull();
  });

  it('any allowed move keeps the tree a tree within the depth limit', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(), { minLength: 2, maxLength: 25 }),
        fc.array(fc.tuple(fc.nat(), fc.option(fc.nat(), { nil: null })), { maxLength: 30 }),
        (picks, moves) => {
          // Start from a tree: each team's parent is an earlier team, or none.
          const nodes = picks.map((p, i) => node(`t${i}`, i === 0 || p % 3 === 0 ? null : `t${p % i}`));
          let current = teamTreeOf(nodes.filter((n) => teamDepthOf(nodes, n) <= TEAM_MAX_DEPTH));
          for (const [team, parent] of moves) {
            const ids = [...current.keys()];
            const id = ids[team % ids.length]!;
            const parentId = parent === null ? null : ids[parent % ids.length]!;
            if (checkTeamParent(current, id, parentId) !== null) continue;
            current = teamTreeOf(
              [...current.values()].map((n) => (n.id === id ? { ...n, parentTeamId: parentId } : n)),
            );
          }
          return [...current.keys()].every(
            (id) => teamDepth(current, id) <= TEAM_MAX_DEPTH && !teamAncestors(current, id).includes(id),
          );
        },
      ),
    );
  });
});

function teamDepthOf(nodes: TeamNode[], n: TeamNode): number {
  return teamDepth(teamTreeOf(nodes), n.id);
}
