// Pure rules of nested teams: ancestors, sub-trees, paths, depth and the checks a move must pass.
// No I/O: `loadTeamTree` (teams.ts) reads an organisation's tree; other domains (team climate,
// programmes) pass it here, e.g. `teamSubtree(await loadTeamTree(tx, org), teamId)`.
import { findCycle } from './find-cycle.ts';

/**
 * How many levels teams may nest, the top team counting as 1 (organisation › division ›
 * department › team › squad leaves room for one more). Deeper trees are refused: they are hard to
 * read on a phone and a sign of a mistake, such as an import path written the wrong way round.
 */
export const TEAM_MAX_DEPTH = 6;

export interface TeamNode {
  id: string;
  name: string;
  parentTeamId: string | null;
  leaderId: string | null;
}

/** An organisation's teams by id. Every parent is in the map (a same-organisation foreign key). */
export type TeamTree = ReadonlyMap<string, TeamNode>;

export function teamTreeOf(nodes: Iterable<TeamNode>): TeamTree {
  return new Map([...nodes].map((n) => [n.id, n]));
}

/** Ids of the team's parent, grandparent, … up to the top team: nearest first, the team excluded. */
export function teamAncestors(tree: TeamTree, teamId: string): string[] {
  const out: string[] = [];
  const seen = new Set([teamId]);
  let parent = tree.get(teamId)?.parentTeamId ?? null;
  // `seen` only guards against a corrupt tree; the service never writes a cycle.
  while (parent !== null && !seen.has(parent)) {
    out.push(parent);
    seen.add(parent);
    parent = tree.get(parent)?.parentTeamId ?? null;
  }
  return out;
}

/** Ids of the team and every team below it, the team first, then level by level. Unknown id: []. */
export function teamSubtree(tree: TeamTree, teamId: string): string[] {
  if (!tree.has(teamId)) return [];
  const children = childrenOf(tree);
  const out = [teamId];
  const seen = new Set(out);
  for (let i = 0; i < out.length; i++) {
    for (const child of children.get(out[i]!) ?? []) {
      if (seen.has(child)) continue;
      seen.add(child);
      out.push(child);
    }
  }
  return out;
}

/** Names from the top team down to the team itself, e.g. ['Engineering', 'Platform']. */
export function teamPath(tree: TeamTree, teamId: string): string[] {
  const node = tree.get(teamId);
  if (!node) return [];
  return [...teamAncestors(tree, teamId).reverse(), teamId].map((id) => tree.get(id)!.name);
}

/** 1 for a top team, 2 for a team directly below one, and so on. */
export function teamDepth(tree: TeamTree, teamId: string): number {
  return teamAncestors(tree, teamId).length + 1;
}

/** The rule a new parent breaks (for a 400 on `parentTeamId`), or null when the move is allowed. */
export function checkTeamParent(tree: TeamTree, teamId: string, parentTeamId: string | null): string | null {
  if (parentTeamId === null) return null;
  if (parentTeamId === teamId) return 'cannot be the team itself';
  const parentOf = new Map([...tree.values()].map((n) => [n.id, n.parentTeamId]));
  parentOf.set(teamId, parentTeamId);
  if (findCycle(parentOf)) return 'cannot be one of the team’s own sub-teams (that would make a loop)';
  const below =
    Math.max(...teamSubtree(tree, teamId).map((id) => teamDepth(tree, id))) - teamDepth(tree, teamId);
  if (teamDepth(tree, parentTeamId) + 1 + below > TEAM_MAX_DEPTH)
    return `would nest teams more than ${TEAM_MAX_DEPTH} levels deep`;
  return null;
}

/** Every team in reading order: each top team then its sub-teams, depth-first, siblings by name. */
export function teamsInTreeOrder(tree: TeamTree): { team: TeamNode; depth: number }[] {
  const children = childrenOf(tree);
  const byName = (ids: string[]) =>
    ids.map((id) => tree.get(id)!).sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  const out: { team: TeamNode; depth: number }[] = [];
  const visit = (team: TeamNode, depth: number) => {
    out.push({ team, depth });
    for (const child of byName(children.get(team.id) ?? [])) visit(child, depth + 1);
  };
  for (const top of byName([...tree.values()].filter((n) => n.parentTeamId === null).map((n) => n.id)))
    visit(top, 1);
  return out;
}

function childrenOf(tree: TeamTree): Map<string, string[]> {
  const children = new Map<string, string[]>();
  for (const n of tree.values()) {
    if (n.parentTeamId === null) continue;
    const list = children.get(n.parentTeamId) ?? [];
    list.push(n.id);
    children.set(n.parentTeamId, list);
  }
  return children;
}
