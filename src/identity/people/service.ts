// People, teams and career stages of one organisation. Every function takes the caller's tenant
// transaction, so row-level security scopes it and a failure rolls back everything it did.
import { and, asc, count, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Tx } from '../../platform/db/database.ts';
import { ApiError, conflict, notFound } from '../../platform/http/errors.ts';
import type { Role } from '../../platform/http/viewer.ts';
import type { OrganisationScope } from '../../platform/scope.ts';
import { forgetCachedSessions } from '../auth/sessions.ts';
import { careerStages } from '../organisations/schema.ts';
import { listCareerStages } from '../organisations/service.ts';
import type { PeopleList, PeopleListQuery, PersonDetail, PersonInput, PersonSummary } from './contracts.ts';
import { touchDirectory } from './directory-cache.ts';
import { findCareerStage } from './find-career-stage.ts';
import { findCycle } from './find-cycle.ts';
import { people, teams } from './schema.ts';
import { type TeamTree, teamPath, teamSubtree } from './team-tree.ts';
import { loadTeamTree, lockTeams } from './teams.ts';

/** What the directory needs: the transaction and whose directory it is (reads need the team tree). */
export type DirectoryScope = Pick<OrganisationScope, 'tx' | 'organisationId'>;

const manager = alias(people, 'manager');
const teamLeader = alias(people, 'team_leader');

function selectSummaries(tx: Tx) {
  return tx
    .select({
      id: people.id,
      name: people.name,
      email: people.email,
      roles: people.roles,
      status: people.status,
      createdAt: people.createdAt,
      stageId: careerStages.id,
      stageKey: careerStages.key,
      stageName: careerStages.name,
      teamId: teams.id,
      teamName: teams.name,
      managerId: manager.id,
      managerName: manager.name,
      teamLeaderId: teamLeader.id,
      teamLeaderName: teamLeader.name,
    })
    .from(people)
    .innerJoin(
      careerStages,
      and(eq(careerStages.organisationId, people.organisationId), eq(careerStages.id, people.careerStageId)),
    )
    .leftJoin(teams, and(eq(teams.organisationId, people.organisationId), eq(teams.id, people.teamId)))
    .leftJoin(
      manager,
      and(eq(manager.organisationId, people.organisationId), eq(manager.id, people.managerId)),
    )
    .leftJoin(
      teamLeader,
      and(eq(teamLeader.organisationId, teams.organisationId), eq(teamLeader.id, teams.leaderId)),
    );
}

type SummaryRow = Awaited<ReturnType<typeof selectSummaries>>[number];

function toSummary(r: SummaryRow, tree: TeamTree): PersonSummary {
  return {
    id: r.id,
    name: r.name,
    email: r.email,
    careerStage: { id: r.stageId, key: r.stageKey, name: r.stageName },
    team: r.teamId ? { id: r.teamId, name: r.teamName!, path: teamPath(tree, r.teamId) } : null,
    teamLeader: r.teamLeaderId ? { id: r.teamLeaderId, name: r.teamLeaderName! } : null,
    manager: r.managerId ? { id: r.managerId, name: r.managerName! } : null,
    roles: r.roles as Role[],
    status: r.status,
  };
}

export async function listPeople(scope: DirectoryScope, query: PeopleListQuery): Promise<PeopleList> {
  const { tx, organisationId } = scope;
  const tree = await loadTeamTree(tx, organisationId);
  const filters = [];
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    filters.push(or(ilike(people.name, pattern), ilike(people.email, pattern)));
  }
  if (query.team) filters.push(inArray(people.teamId, [query.team, ...teamSubtree(tree, query.team)]));
  if (query.stage) filters.push(eq(careerStages.key, query.stage));
  const where = filters.length ? and(...filters) : undefined;
  const rows = await selectSummaries(tx)
    .where(where)
    .orderBy(asc(people.name), asc(people.id))
    .limit(query.limit)
    .offset(query.offset);
  const total =
    rows.length < query.limit && query.offset === 0
      ? rows.length
      : (
          await tx
            .select({ n: count() })
            .from(people)
            .innerJoin(
              careerStages,
              and(
                eq(careerStages.organisationId, people.organisationId),
                eq(careerStages.id, people.careerStageId),
              ),
            )
            .where(where)
        )[0]!.n;
  return { items: rows.map((r) => toSummary(r, tree)), total: Number(total) };
}

export async function getPerson(scope: DirectoryScope, id: string): Promise<PersonDetail> {
  const { tx, organisationId } = scope;
  const [row] = await selectSummaries(tx).where(eq(people.id, id));
  if (!row) throw notFound('person');
  const reports = await tx
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(eq(people.managerId, id))
    .orderBy(asc(people.name));
  const tree = await loadTeamTree(tx, organisationId);
  return { ...toSummary(row, tree), reports, createdAt: row.createdAt.toISOString() };
}

async function resolveStage(tx: Tx, label: string): Promise<string> {
  const stages = await listCareerStages({ tx });
  const found = findCareerStage(stages, label);
  if (!found) {
    throw new ApiError(400, 'invalid_input', 'unknown career stage', {
      careerStage: `must be one of: ${stages.map((s) => s.key).join(', ')}`,
    });
  }
  return found.id;
}

/** The team of that name, or a new top team; under the team lock, as every team write. */
async function ensureTeam(tx: Tx, organisationId: string, name: string): Promise<string> {
  const find = () =>
    tx.select({ id: teams.id }).from(teams).where(sql`lower(${teams.name}) = lower(${name})`);
  const [existing] = await find();
  if (existing) return existing.id;
  await lockTeams(tx, organisationId);
  const [createdMeanwhile] = await find();
  if (createdMeanwhile) return createdMeanwhile.id;
  const [created] = await tx.insert(teams).values({ organisationId, name }).returning({ id: teams.id });
  return created!.id;
}

async function checkManager(tx: Tx, personId: string | null, managerId: string | null): Promise<void> {
  if (!managerId) return;
  if (personId && managerId === personId) {
    throw new ApiError(400, 'invalid_input', 'a person cannot manage themself', {
      managerId: 'cannot be the person themself',
    });
  }
  const lines = await tx.select({ id: people.id, managerId: people.managerId }).from(people);
  if (!lines.some((l) => l.id === managerId)) {
    throw new ApiError(400, 'invalid_input', 'manager not found', {
      managerId: 'must be a person in this organisation',
    });
  }
  if (!personId) return;
  const managerOf = new Map(lines.map((l) => [l.id, l.managerId]));
  managerOf.set(personId, managerId);
  if (findCycle(managerOf)) {
    throw new ApiError(400, 'invalid_input', 'this manager would make a reporting loop', {
      managerId: 'would make a reporting loop',
    });
  }
}

async function emailTaken(tx: Tx, email: string, exceptId?: string): Promise<boolean> {
  const [row] = await tx.select({ id: people.id }).from(people).where(eq(people.email, email));
  return !!row && row.id !== exceptId;
}

export async function createPerson(scope: DirectoryScope, input: PersonInput): Promise<string> {
  const { tx, organisationId } = scope;
  if (await emailTaken(tx, input.email)) {
    throw conflict('someone in this organisation already has this email', { email: 'is already in use' });
  }
  const careerStageId = await resolveStage(tx, input.careerStage);
  await checkManager(tx, null, input.managerId ?? null);
  const teamId = input.team ? await ensureTeam(tx, organisationId, input.team) : null;
  const [row] = await tx
    .insert(people)
    .values({
      organisationId,
      name: input.name,
      email: input.email,
      careerStageId,
      teamId,
      managerId: input.managerId ?? null,
      roles: input.roles,
    })
    .returning({ id: people.id });
  await touchDirectory(tx, organisationId);
  return row!.id;
}

export async function updatePerson(
  scope: DirectoryScope,
  {
    id,
    changes: input,
  }: { id: string; changes: Partial<PersonInput> & { status?: 'active' | 'disabled' | undefined } },
): Promise<void> {
  const { tx, organisationId } = scope;
  const [current] = await tx.select().from(people).where(eq(people.id, id));
  if (!current) throw notFound('person');
  if (input.email && (await emailTaken(tx, input.email, id))) {
    throw conflict('someone in this organisation already has this email', { email: 'is already in use' });
  }
  if (input.managerId !== undefined) await checkManager(tx, id, input.managerId);
  if (input.status === 'active' && !current.passwordHash) {
    throw new ApiError(400, 'invalid_input', 'a person becomes active by accepting their invitation', {
      status: 'can be active only after the invitation is accepted',
    });
  }
  const set: Partial<typeof people.$inferInsert> = { updatedAt: new Date() };
  if (input.name !== undefined) set.name = input.name;
  if (input.email !== undefined) set.email = input.email;
  if (input.roles !== undefined) set.roles = input.roles;
  if (input.status !== undefined) set.status = input.status;
  if (input.managerId !== undefined) set.managerId = input.managerId;
  if (input.careerStage !== undefined) set.careerStageId = await resolveStage(tx, input.careerStage);
  if (input.team !== undefined)
    set.teamId = input.team ? await ensureTeam(tx, organisationId, input.team) : null;
  await tx.update(people).set(set).where(eq(people.id, id));
  // Teams may not be led by a disabled person (teams.ts checkLeader); disabling ends the leadership.
  if (input.status === 'disabled')
    await tx.update(teams).set({ leaderId: null }).where(eq(teams.leaderId, id));
  forgetCachedSessions(organisationId, id);
  await touchDirectory(tx, organisationId);
}

/**
 * Deletes a person and, by cascade, their sessions, links, self-assessments and own 360s (an
 * erasure); their direct reports are left without a manager. Reports they rated keep their
 * frozen, anonymous figures.
 */
export async function deletePerson(scope: DirectoryScope, id: string): Promise<void> {
  const { tx, organisationId } = scope;
  const [row] = await tx.select({ id: people.id }).from(people).where(eq(people.id, id));
  if (!row) throw notFound('person');
  await tx.update(people).set({ managerId: null, updatedAt: new Date() }).where(eq(people.managerId, id));
  await tx.update(teams).set({ leaderId: null }).where(eq(teams.leaderId, id));
  await tx.delete(people).where(eq(people.id, id));
  forgetCachedSessions(organisationId, id);
  await touchDirectory(tx, organisationId);
}

/** Replaces the organisation's career stages (order = position). Stages still in use stay. */
export async function replaceCareerStages(
  scope: DirectoryScope,
  stages: { id?: string | undefined; key: string; name: string }[],
): Promise<void> {
  const { tx, organisationId } = scope;
  const keys = stages.map((s) => s.key);
  const dup = keys.find((k, i) => keys.indexOf(k) !== i);
  if (dup)
    throw new ApiError(400, 'invalid_input', `stage key ${dup} appears twice`, {
      stages: `key ${dup} appears twice`,
    });
  const current = await listCareerStages({ tx });
  const keptIds = new Set(stages.map((s) => s.id).filter(Boolean));
  const removed = current.filter((s) => !keptIds.has(s.id));
  if (removed.length) {
    const [used] = await tx
      .select({ n: count() })
      .from(people)
      .where(
        inArray(
          people.careerStageId,
          removed.map((s) => s.id),
        ),
      );
    if (Number(used!.n) > 0) {
      throw conflict('a stage that people are at cannot be removed; move them first', {
        stages: `still in use: ${removed.map((s) => s.key).join(', ')}`,
      });
    }
    await tx.delete(careerStages).where(
      inArray(
        careerStages.id,
        removed.map((s) => s.id),
      ),
    );
  }
  // Park positions and keys first so reordering never trips the unique (organisation, key).
  await tx
    .update(careerStages)
    .set({ key: sql`'~' || ${careerStages.id}::text`, position: sql`${careerStages.position} + 1000` });
  for (const [position, s] of stages.entries()) {
    if (s.id && current.some((c) => c.id === s.id)) {
      await tx
        .update(careerStages)
        .set({ key: s.key, name: s.name, position })
        .where(eq(careerStages.id, s.id));
    } else {
      await tx.insert(careerStages).values({ organisationId, key: s.key, name: s.name, position });
    }
  }
  await touchDirectory(tx, organisationId);
}
