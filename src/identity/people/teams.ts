// An organisation's teams as a tree: the one read other domains use (`loadTeamTree`) and the admin
// writes. Every write that can change the tree's shape first takes the organisation's team lock,
// so two moves that are each fine alone cannot together make a loop (docs/decisions/0020).
import { and, count, eq, isNotNull, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.ts';
import { ApiError, conflict, notFound } from '../../platform/http/errors.ts';
import type { Team, TeamInput, TeamUpdate } from './contracts.ts';
import { touchDirectory } from './directory-cache.ts';
import { people, teams } from './schema.ts';
import { checkTeamParent, type TeamTree, teamPath, teamsInTreeOrder, teamTreeOf } from './team-tree.ts';

type Scope = { tx: Tx; organisationId: string };

/** The organisation's teams by id, with parents and leaders: pass it to the team-tree.ts rules. */
export async function loadTeamTree(tx: Tx, organisationId: string): Promise<TeamTree> {
  // The organisation filter is explicit as well as row-level security's, so a system transaction
  // (a job) reads one organisation too.
  const rows = await tx
    .select({ id: teams.id, name: teams.name, parentTeamId: teams.parentTeamId, leaderId: teams.leaderId })
    .from(teams)
    .where(eq(teams.organisationId, organisationId));
  return teamTreeOf(rows);
}

/**
 * Serialises changes to the organisation's team tree until the transaction ends. A transaction
 * advisory lock rather than row locks: it also covers teams being inserted, and does not block
 * people's writes, whose foreign key checks take key-share locks on team rows.
 */
export async function lockTeams(tx: Tx, organisationId: string): Promise<void> {
  await tx.execute(
    sql`SELECT pg_advisory_xact_lock(hashtextextended(${`lodestar.teams.${organisationId}`}, 0))`,
  );
}

export async function listTeams({ tx, organisationId }: Scope): Promise<Team[]> {
  const [tree, memberRows, leaderRows] = await Promise.all([
    loadTeamTree(tx, organisationId),
    tx
      .select({ teamId: people.teamId, n: count() })
      .from(people)
      .where(isNotNull(people.teamId))
      .groupBy(people.teamId),
    tx
      .select({ id: people.id, name: people.name })
      .from(people)
      .innerJoin(teams, and(eq(teams.organisationId, people.organisationId), eq(teams.leaderId, people.id))),
  ]);
  const members = new Map(memberRows.map((r) => [r.teamId!, Number(r.n)]));
  const leaders = new Map(leaderRows.map((r) => [r.id, r]));
  const subTeams = new Map<string, number>();
  for (const t of tree.values())
    if (t.parentTeamId) subTeams.set(t.parentTeamId, (subTeams.get(t.parentTeamId) ?? 0) + 1);
  return teamsInTreeOrder(tree).map(({ team, depth }) => ({
    id: team.id,
    name: team.name,
    parentTeamId: team.parentTeamId,
    path: teamPath(tree, team.id),
    depth,
    leader: team.leaderId ? (leaders.get(team.leaderId) ?? null) : null,
    members: members.get(team.id) ?? 0,
    subTeams: subTeams.get(team.id) ?? 0,
  }));
}

async function teamOrThrow(scope: Scope, id: string): Promise<Team> {
  const found = (await listTeams(scope)).find((t) => t.id === id);
  if (!found) throw notFound('team');
  return found;
}

const invalid = (field: string, rule: string) =>
  new ApiError(400, 'invalid_input', `${field} ${rule}`, { [field]: rule });

async function checkName(tx: Tx, name: string, exceptId?: string): Promise<void> {
  const [existing] = await tx
    .select({ id: teams.id })
    .from(teams)
    .where(sql`lower(${teams.name}) = lower(${name})`);
  if (existing && existing.id !== exceptId)
    throw conflict('a team with this name exists; team names are unique', { name: 'is already in use' });
}

/** A leader is a person of this organisation who is not disabled (invited people may lead). */
async function checkLeader(tx: Tx, leaderId: string | null | undefined): Promise<void> {
  if (!leaderId) return;
  const [leader] = await tx.select({ status: people.status }).from(people).where(eq(people.id, leaderId));
  if (!leader) throw invalid('leaderId', 'must be a person of this organisation');
  if (leader.status === 'disabled') throw invalid('leaderId', 'must not be a disabled person');
}

function checkParent(tree: TeamTree, teamId: string, parentTeamId: string | null | undefined): void {
  if (parentTeamId === undefined || parentTeamId === null) return;
  // Another organisation's team is invisible here (row-level security): the same answer as none.
  if (!tree.has(parentTeamId)) throw invalid('parentTeamId', 'must be a team of this organisation');
  const broken = checkTeamParent(tree, teamId, parentTeamId);
  if (broken) throw invalid('parentTeamId', broken);
}

export async function createTeam(scope: Scope, input: TeamInput): Promise<Team> {
  const { tx, organisationId } = scope;
  await lockTeams(tx, organisationId);
  await checkName(tx, input.name);
  await checkLeader(tx, input.leaderId);
  const tree = await loadTeamTree(tx, organisationId);
  // A new team has no sub-teams, so only the parent's existence and depth can fail.
  const id = crypto.randomUUID();
  checkParent(
    teamTreeOf([...tree.values(), { id, name: input.name, parentTeamId: null, leaderId: null }]),
    id,
    input.parentTeamId,
  );
  await tx.insert(teams).values({
    organisationId,
    id,
    name: input.name,
    parentTeamId: input.parentTeamId ?? null,
    leaderId: input.leaderId ?? null,
  });
  await touchDirectory(tx, organisationId);
  return teamOrThrow(scope, id);
}

export async function updateTeam(scope: Scope, id: string, changes: TeamUpdate): Promise<Team> {
  const { tx, organisationId } = scope;
  await lockTeams(tx, organisationId);
  const tree = await loadTeamTree(tx, organisationId);
  if (!tree.has(id)) throw notFound('team');
  if (changes.name !== undefined) await checkName(tx, changes.name, id);
  await checkLeader(tx, changes.leaderId);
  checkParent(tree, id, changes.parentTeamId);
  const set: Partial<typeof teams.$inferInsert> = {};
  if (changes.name !== undefined) set.name = changes.name;
  if (changes.parentTeamId !== undefined) set.parentTeamId = changes.parentTeamId;
  if (changes.leaderId !== undefined) set.leaderId = changes.leaderId;
  if (Object.keys(set).length) {
    await tx.update(teams).set(set).where(eq(teams.id, id));
    await touchDirectory(tx, organisationId);
  }
  return teamOrThrow(scope, id);
}

/** Deletes an empty team: people and sub-teams are moved first, deliberately, by an admin. */
export async function deleteTeam(scope: Scope, id: string): Promise<void> {
  const { tx, organisationId } = scope;
  await lockTeams(tx, organisationId);
  const team = await teamOrThrow(scope, id);
  if (team.members || team.subTeams) {
    const what = [
      team.members ? `${team.members} member${team.members === 1 ? '' : 's'}` : '',
      team.subTeams ? `${team.subTeams} sub-team${team.subTeams === 1 ? '' : 's'}` : '',
    ]
      .filter(Boolean)
      .join(' and ');
    throw conflict(`the team still has ${what}; move them first`, { id: `must be empty; has ${what}` });
  }
  await tx.delete(teams).where(eq(teams.id, id));
  await touchDirectory(tx, organisationId);
}
