// The one import operation, used by the API and the CLI: plan inside a tenant transaction and
// write only if every row is valid or the caller explicitly chose to skip invalid rows.
import { and, eq, inArray } from 'drizzle-orm';
import type { Database, Tx } from '../../platform/db/database.ts';
import type { Role } from '../../platform/http/viewer.ts';
import { forgetAllCachedSessions } from '../auth/sessions.ts';
import { listCareerStages } from '../organisations/service.ts';
import type { ImportResult } from './contracts.ts';
import { touchDirectory } from './directory-cache.ts';
import { type Directory, type ImportPlan, parsePeopleCsv, planImport } from './import-plan.ts';
import { people, teams } from './schema.ts';
import { lockTeams } from './teams.ts';

export async function importPeople(
  db: Database,
  organisationId: string,
  file: Uint8Array,
  options: { dryRun: boolean; skipInvalid: boolean },
): Promise<ImportResult> {
  // Throws ImportFileError for a file that cannot be read as a people CSV at all.
  const rows = parsePeopleCsv(file);
  return db.inOrganisation(organisationId, async (tx) => {
    // A write plans under the team lock, so the tree it checked paths against cannot move meanwhile.
    if (!options.dryRun) await lockTeams(tx, organisationId);
    const plan = planImport(rows, await loadDirectory(tx));
    const allowed = plan.errors.length === 0 || options.skipInvalid;
    const apply = !options.dryRun && allowed;
    if (apply) await applyImport(tx, organisationId, plan);
    const skipped = new Set(plan.skippedLines);
    return {
      dryRun: options.dryRun,
      applied: apply,
      rows: plan.rows,
      errors: plan.errors,
      changes: {
        create: plan.planned.filter((r) => r.action === 'create').length,
        update: plan.planned.filter((r) => r.action === 'update').length,
        unchanged: plan.planned.filter((r) => r.action === 'unchanged').length,
        skipped: skipped.size,
        newTeams: plan.newTeams.map((t) => t.path),
      },
      preview: [
        ...plan.planned.map((r) => ({ line: r.line, action: r.action, email: r.email, name: r.name })),
        ...rows
          .filter((r) => skipped.has(r.line))
          .map((r) => ({
            line: r.line,
            action: 'skip' as const,
            email: r.values.email ?? '',
            name: r.values.name ?? '',
          })),
      ]
        .sort((a, b) => a.line - b.line)
        .slice(0, 1000),
    };
  });
}

/** Loads what an import or an edit is validated against. */
async function loadDirectory(tx: Tx): Promise<Directory> {
  const [stages, teamRows, peopleRows] = await Promise.all([
    listCareerStages({ tx }),
    tx
      .select({ id: teams.id, name: teams.name, parentTeamId: teams.parentTeamId, leaderId: teams.leaderId })
      .from(teams),
    tx
      .select({
        id: people.id,
        email: people.email,
        name: people.name,
        careerStageId: people.careerStageId,
        teamId: people.teamId,
        managerId: people.managerId,
        roles: people.roles,
        status: people.status,
      })
      .from(people),
  ]);
  return { stages, teams: teamRows, people: peopleRows.map((p) => ({ ...p, roles: p.roles as Role[] })) };
}

/**
 * Writes a validated import plan: new teams, new people, every reporting line, then team leaders.
 * The caller holds the team lock (lockTeams) from before the plan was made.
 */
async function applyImport(tx: Tx, organisationId: string, plan: ImportPlan): Promise<void> {
  const changing = plan.planned.filter((r) => r.action !== 'unchanged');
  if (changing.length === 0) return;
  const teamIds = new Map<string, string>();
  for (const t of await tx.select({ id: teams.id, name: teams.name }).from(teams))
    teamIds.set(t.name.toLowerCase(), t.id);
  // Parents come before their sub-teams in newTeams, so each parent's id is known when needed.
  for (const t of plan.newTeams) {
    const [created] = await tx
      .insert(teams)
      .values({
        organisationId,
        name: t.name,
        parentTeamId: t.parent ? teamIds.get(t.parent.toLowerCase())! : null,
      })
      .returning({ id: teams.id });
    teamIds.set(t.name.toLowerCase(), created!.id);
  }
  const teamIdOf = (name: string | null) => (name ? teamIds.get(name.toLowerCase())! : null);
  const creates = changing.filter((r) => r.action === 'create');
  // Chunked multi-row inserts: far faster than row by row, and under the parameter limit.
  for (let i = 0; i < creates.length; i += 1000) {
    await tx.insert(people).values(
      creates.slice(i, i + 1000).map((r) => ({
        organisationId,
        email: r.email,
        name: r.name,
        careerStageId: r.careerStageId,
        teamId: teamIdOf(r.teamName),
        roles: r.roles,
      })),
    );
  }
  if (changing.some((r) => r.action === 'update')) forgetAllCachedSessions(organisationId);
  for (const r of changing.filter((r) => r.action === 'update')) {
    await tx
      .update(people)
      .set({
        name: r.name,
        careerStageId: r.careerStageId,
        teamId: teamIdOf(r.teamName),
        roles: r.roles,
        updatedAt: new Date(),
      })
      .where(eq(people.email, r.email));
  }
  // Reporting lines last: a manager may be created by a later row of the same file.
  const emails = changing.map((r) => r.email);
  const ids = new Map<string, string>();
  const managerEmails = [...new Set(changing.map((r) => r.managerEmail).filter((e): e is string => !!e))];
  for (const chunk of chunks([...new Set([...emails, ...managerEmails])], 1000)) {
    for (const p of await tx
      .select({ id: people.id, email: people.email })
      .from(people)
      .where(inArray(people.email, chunk))) {
      ids.set(p.email, p.id);
    }
  }
  for (const r of changing) {
    await tx
      .update(people)
      .set({ managerId: r.managerEmail ? ids.get(r.managerEmail)! : null })
      .where(eq(people.id, ids.get(r.email)!));
  }
  for (const r of changing) {
    if (r.leadsTeam === null || !r.teamName) continue;
    const personId = ids.get(r.email)!;
    const team = eq(teams.id, teamIdOf(r.teamName)!);
    if (r.leadsTeam) await tx.update(teams).set({ leaderId: personId }).where(team);
    else
      await tx
        .update(teams)
        .set({ leaderId: null })
        .where(and(team, eq(teams.leaderId, personId)));
  }
  await touchDirectory(tx, organisationId);
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
