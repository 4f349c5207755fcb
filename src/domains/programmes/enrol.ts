// Enrolment (issue 11 item 2): by team (with its sub-teams or not), by career stage, by a manager's
// line, one by one, or from a CSV of emails; and leaving. Enrolling writes the enrolments and
// launches, for late joiners, the steps whose date has passed — in one transaction. Leaving marks
// the enrolment; the person's assessments, 360s and plans are theirs and are not touched.
import { and, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { people } from '../../identity/people/schema.ts';
import { teamSubtree } from '../../identity/people/team-tree.ts';
import { loadTeamTree } from '../../identity/people/teams.ts';
import { col, queryRows } from '../../platform/db/rows.ts';
import { conflict, notFound } from '../../platform/http/errors.ts';
import type { OrganisationScope, TenantScope } from '../../platform/scope.ts';
import { invalid } from '../feedback/campaign-row.ts';
import type { EnrolmentSource } from './constants.ts';
import type { EnrolRequest, EnrolResult } from './contracts.ts';
import { phaseOf } from './dates.ts';
import { type EnrolCsvRow, parseEnrolCsv } from './enrol-csv.ts';
import { launchDue } from './launch.ts';
import { programmeEnrolments, programmes } from './schema.ts';
import { markSnapshotStale } from './snapshot.ts';

const idRow = z.object({ id: col.text });

async function lockProgramme(scope: OrganisationScope, programmeId: string) {
  const [p] = await scope.tx
    .select({ startsOn: programmes.startsOn, endsOn: programmes.endsOn })
    .from(programmes)
    .where(and(eq(programmes.organisationId, scope.organisationId), eq(programmes.id, programmeId)))
    .for('update');
  if (!p) throw notFound('programme');
  if (phaseOf(p, scope.now()) === 'ended')
    throw conflict('the programme has ended: people can no longer join it');
}

async function exists(scope: OrganisationScope, table: 'career_stages' | 'people', id: string) {
  const rows = await queryRows(
    scope.tx,
    sql`SELECT id::text AS id FROM ${sql.identifier(table)} WHERE organisation_id = ${scope.organisationId} AND id = ${id}`,
    idRow,
  );
  return rows.length > 0;
}

/**
 * The people a request names (active or invited; disabled people are left out of groups). Sub-teams
 * come from the people domain's team tree; the reporting line is a recursive CTE (UNION, not
 * UNION ALL, stops at a cycle).
 */
async function resolve(
  scope: OrganisationScope,
  req: Exclude<EnrolRequest, { by: 'person' }>,
): Promise<string[]> {
  const org = scope.organisationId;
  if (req.by === 'team') {
    // The people domain's team tree and its walk (docs/decisions/0020), not a twin of it here.
    const tree = await loadTeamTree(scope.tx, org);
    if (!tree.has(req.teamId)) throw invalid({ teamId: 'is not a team of this organisation' });
    const teamIds = req.includeSubTeams ? teamSubtree(tree, req.teamId) : [req.teamId];
    const rows = await scope.tx
      .select({ id: people.id })
      .from(people)
      .where(
        and(eq(people.organisationId, org), ne(people.status, 'disabled'), inArray(people.teamId, teamIds)),
      );
    return rows.map((r) => r.id);
  }
  let query: ReturnType<typeof sql>;
  if (req.by === 'stage') {
    if (!(await exists(scope, 'career_stages', req.careerStageId)))
      throw invalid({ careerStageId: 'is not a career stage of this organisation' });
    query = sql`SELECT p.id::text AS id FROM people p
                 WHERE p.organisation_id = ${org} AND p.status <> 'disabled' AND p.career_stage_id = ${req.careerStageId}`;
  } else {
    if (!(await exists(scope, 'people', req.managerId)))
      throw invalid({ managerId: 'is not a person of this organisation' });
    query = sql`WITH RECURSIVE line(id) AS (
                  SELECT id FROM people WHERE organisation_id = ${org} AND manager_id = ${req.managerId}
                  UNION
                  SELECT p.id FROM people p JOIN line ON p.manager_id = line.id WHERE p.organisation_id = ${org})
                SELECT p.id::text AS id FROM people p
                 WHERE p.organisation_id = ${org} AND p.status <> 'disabled'
                   AND p.id IN (SELECT id FROM line) AND p.id <> ${req.managerId}`;
  }
  return (await queryRows(scope.tx, query, idRow)).map((r) => r.id);
}

async function checkPeople(scope: OrganisationScope, ids: readonly string[]) {
  const found = await scope.tx
    .select({ id: people.id, status: people.status })
    .from(people)
    .where(and(eq(people.organisationId, scope.organisationId), inArray(people.id, [...new Set(ids)])));
  const known = new Map(found.map((p) => [p.id, p.status]));
  const problems: Record<string, string> = {};
  ids.forEach((id, i) => {
    if (!known.has(id)) problems[`personIds.${i}`] = 'is not a person of this organisation';
    else if (known.get(id) === 'disabled') problems[`personIds.${i}`] = 'is a disabled person';
  });
  if (Object.keys(problems).length) throw invalid(problems);
}

const CHUNK = 1000;

/** Writes the enrolments (a person who left comes back) and launches what late joiners missed. */
async function write(
  scope: OrganisationScope,
  programmeId: string,
  personIds: readonly string[],
  source: EnrolmentSource,
): Promise<EnrolResult> {
  const unique = [...new Set(personIds)];
  const now = scope.now();
  const joined: string[] = [];
  for (let i = 0; i < unique.length; i += CHUNK) {
    const rows = await scope.tx
      .insert(programmeEnrolments)
      .values(
        unique.slice(i, i + CHUNK).map((personId) => ({
          organisationId: scope.organisationId,
          programmeId,
          personId,
          source,
          enrolledAt: now,
        })),
      )
      .onConflictDoUpdate({
        target: [
          programmeEnrolments.organisationId,
          programmeEnrolments.programmeId,
          programmeEnrolments.personId,
        ],
        set: { leftAt: null, source, enrolledAt: now },
        setWhere: sql`${programmeEnrolments.leftAt} IS NOT NULL`,
      })
      .returning({ personId: programmeEnrolments.personId });
    joined.push(...rows.map((r) => r.personId));
  }
  const launched = await launchDue(scope, { programmeId, personIds: joined });
  await markSnapshotStale(scope.tx, scope.organisationId, programmeId);
  return {
    applied: true,
    enrolled: joined.length,
    already: unique.length - joined.length,
    launched,
    errors: [],
  };
}

export async function enrol(
  scope: TenantScope,
  programmeId: string,
  req: EnrolRequest,
): Promise<EnrolResult> {
  await lockProgramme(scope, programmeId);
  if (req.by === 'person') {
    await checkPeople(scope, req.personIds);
    return write(scope, programmeId, req.personIds, 'person');
  }
  return write(scope, programmeId, await resolve(scope, req), req.by);
}

/** A CSV of emails: every bad row is reported with its line, and nothing is written unless all are good. */
export async function enrolFromCsv(
  scope: TenantScope,
  programmeId: string,
  file: Uint8Array,
): Promise<EnrolResult> {
  await lockProgramme(scope, programmeId);
  const rows: EnrolCsvRow[] = parseEnrolCsv(file);
  const emails = [...new Set(rows.map((r) => r.email.toLowerCase()))];
  const found = await scope.tx
    .select({ id: people.id, email: people.email, status: people.status })
    .from(people)
    .where(and(eq(people.organisationId, scope.organisationId), inArray(people.email, emails)));
  const byEmail = new Map(found.map((p) => [p.email, p]));
  const errors: EnrolResult['errors'] = [];
  const seen = new Map<string, number>();
  const ids: string[] = [];
  for (const row of rows) {
    const email = row.email.toLowerCase();
    const person = byEmail.get(email);
    const first = seen.get(email);
    if (!/^[^\s@]+@[^\s@]+$/.test(email))
      errors.push({ line: row.line, column: 'email', message: 'must be an email address' });
    else if (first !== undefined)
      errors.push({ line: row.line, column: 'email', message: `appears twice (first on line ${first})` });
    else if (!person)
      errors.push({ line: row.line, column: 'email', message: 'is not a person of this organisation' });
    else if (person.status === 'disabled')
      errors.push({ line: row.line, column: 'email', message: 'is a disabled person' });
    else ids.push(person.id);
    if (first === undefined) seen.set(email, row.line);
  }
  if (errors.length) return { applied: false, enrolled: 0, already: 0, launched: 0, errors };
  return write(scope, programmeId, ids, 'csv');
}

/** Marks the enrolment left; nothing of the person's own is changed or removed. */
export async function leave(scope: TenantScope, programmeId: string, personId: string): Promise<void> {
  const rows = await scope.tx
    .update(programmeEnrolments)
    .set({ leftAt: scope.now() })
    .where(
      and(
        eq(programmeEnrolments.organisationId, scope.organisationId),
        eq(programmeEnrolments.programmeId, programmeId),
        eq(programmeEnrolments.personId, personId),
        isNull(programmeEnrolments.leftAt),
      ),
    )
    .returning({ personId: programmeEnrolments.personId });
  if (rows.length === 0) throw notFound('enrolment');
  await markSnapshotStale(scope.tx, scope.organisationId, programmeId);
}

export async function listEnrolments(scope: OrganisationScope, programmeId: string) {
  const [p] = await scope.tx
    .select({ startsOn: programmes.startsOn, endsOn: programmes.endsOn })
    .from(programmes)
    .where(and(eq(programmes.organisationId, scope.organisationId), eq(programmes.id, programmeId)));
  if (!p) throw notFound('programme');
  const ended = phaseOf(p, scope.now()) === 'ended';
  const rows = await scope.tx
    .select({
      personId: programmeEnrolments.personId,
      name: people.name,
      email: people.email,
      source: programmeEnrolments.source,
      enrolledAt: programmeEnrolments.enrolledAt,
      leftAt: programmeEnrolments.leftAt,
    })
    .from(programmeEnrolments)
    .innerJoin(
      people,
      and(
        eq(people.organisationId, programmeEnrolments.organisationId),
        eq(people.id, programmeEnrolments.personId),
      ),
    )
    .where(
      and(
        eq(programmeEnrolments.organisationId, scope.organisationId),
        eq(programmeEnrolments.programmeId, programmeId),
      ),
    )
    .orderBy(people.name, people.id);
  return rows.map((r) => ({
    ...r,
    status: r.leftAt ? ('left' as const) : ended ? ('alumni' as const) : ('enrolled' as const),
    enrolledAt: r.enrolledAt.toISOString(),
    leftAt: r.leftAt?.toISOString() ?? null,
  }));
}
