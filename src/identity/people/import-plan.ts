// Pure planning of a people CSV import: decode and parse the file, validate every row against the
// organisation's current directory, and say what would change. No I/O; the service applies a plan.
import { parse } from 'csv-parse/sync';
import { ROLES, type Role } from '../../platform/http/viewer.ts';
import { email as emailSchema } from '../auth/contracts.ts';
import { IMPORT_MAX_BYTES } from './constants.ts';
import type { ImportRowError } from './contracts.ts';
import { IMPORT_COLUMNS } from './contracts.ts';
import { findCareerStage } from './find-career-stage.ts';
import { findCycle } from './find-cycle.ts';
import { type NewTeam, planTeams } from './import-teams.ts';

export const IMPORT_MAX_ROWS = 20_000;

export class ImportFileError extends Error {}

export interface CsvRow {
  line: number;
  values: Partial<Record<(typeof IMPORT_COLUMNS)[number], string>>;
}

/**
 * Decodes a CSV upload (UTF-8 text, at most `maxBytes`) and parses it into records with their line
 * numbers; throws ImportFileError with a one-line reason for a file that cannot be read as CSV at
 * all. The people import and the programme enrolment upload read their files through it.
 */
export function readCsvRecords(
  bytes: Uint8Array,
  maxBytes: number,
): { record: string[]; info: { lines: number } }[] {
  if (bytes.byteLength === 0) throw new ImportFileError('the file is empty');
  if (bytes.byteLength > maxBytes)
    throw new ImportFileError(`the file is larger than ${Math.round(maxBytes / 1_048_576)} MB`);
  if (bytes.includes(0))
    throw new ImportFileError('the file is not a text CSV file (it contains binary data)');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ImportFileError('the file is not UTF-8 encoded: save it as "CSV UTF-8" and try again');
  }
  try {
    return parse(text, {
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
      max_record_size: 10_000,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    throw new ImportFileError(
      `the file is not valid CSV${line ? ` (near line ${line})` : ''}: ${(err as Error).message.split('\n')[0]}`,
    );
  }
}

/** Decodes and parses the file; throws ImportFileError with a one-line reason for a bad file. */
export function parsePeopleCsv(bytes: Uint8Array): CsvRow[] {
  const records = readCsvRecords(bytes, IMPORT_MAX_BYTES);
  const [header, ...rows] = records;
  if (!header) throw new ImportFileError('the file is empty');
  const columns = header.record.map((h) =>
    h
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_'),
  );
  const missing = ['email', 'name', 'career_stage'].filter((c) => !columns.includes(c));
  if (missing.length) {
    throw new ImportFileError(
      `the first line must be a header naming the columns; missing: ${missing.join(', ')} (allowed: ${IMPORT_COLUMNS.join(', ')})`,
    );
  }
  const unknown = columns.filter((c) => !(IMPORT_COLUMNS as readonly string[]).includes(c));
  if (unknown.length) {
    throw new ImportFileError(
      `unknown column${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} (allowed: ${IMPORT_COLUMNS.join(', ')})`,
    );
  }
  const duplicated = columns.filter((c, i) => columns.indexOf(c) !== i);
  if (duplicated.length) throw new ImportFileError(`column ${duplicated[0]} appears twice in the header`);
  if (rows.length === 0) throw new ImportFileError('the file has a header but no rows');
  if (rows.length > IMPORT_MAX_ROWS)
    throw new ImportFileError(`the file has more than ${IMPORT_MAX_ROWS} rows; split it`);
  return rows.map(({ record, info }) => {
    const values: CsvRow['values'] = {};
    columns.forEach((c, i) => {
      values[c as (typeof IMPORT_COLUMNS)[number]] = record[i] ?? '';
    });
    // Extra cells beyond the header are reported by planImport via the __extra marker.
    if (record.length > columns.length) values.roles = `${values.roles ?? ''}\u0000extra`;
    return { line: info.lines, values };
  });
}

export interface DirectoryPerson {
  id: string;
  email: string;
  name: string;
  careerStageId: string;
  teamId: string | null;
  managerId: string | null;
  roles: Role[];
  status: 'invited' | 'active' | 'disabled';
}

export interface Directory {
  stages: { id: string; key: string; name: string }[];
  teams: { id: string; name: string; parentTeamId: string | null; leaderId: string | null }[];
  people: DirectoryPerson[];
}

export interface PlannedRow {
  line: number;
  action: 'create' | 'update' | 'unchanged';
  email: string;
  name: string;
  careerStageId: string;
  teamName: string | null;
  managerEmail: string | null;
  roles: Role[];
  /** `leads_team`: true makes the person their team's leader, false stops it, null leaves it. */
  leadsTeam: boolean | null;
}

export interface ImportPlan {
  rows: number;
  errors: ImportRowError[];
  /** Valid rows only; with errors present, applying them is the caller's explicit choice. */
  planned: PlannedRow[];
  skippedLines: number[];
  /** Teams to create, each after its parent. */
  newTeams: NewTeam[];
}

export function planImport(rows: CsvRow[], directory: Directory): ImportPlan {
  const errors: ImportRowError[] = [];
  const existingByEmail = new Map(directory.people.map((p) => [p.email, p]));
  const emailById = new Map(directory.people.map((p) => [p.id, p.email]));
  const managerEmailOf = (p: DirectoryPerson) => (p.managerId ? (emailById.get(p.managerId) ?? null) : null);
  const teamNameById = new Map(directory.teams.map((t) => [t.id, t.name]));
  const leaderOfTeam = new Map(directory.teams.map((t) => [t.name.toLowerCase(), t.leaderId]));
  const teamPlan = planTeams(directory.teams);
  const leaderLineOf = new Map<string, number>();
  const firstLineOf = new Map<string, number>();
  const candidates: PlannedRow[] = [];

  for (const row of rows) {
    const fail = (column: string, message: string) => errors.push({ line: row.line, column, message });
    const before = errors.length;
    const v = row.values;
    if (v.roles?.includes('\u0000extra')) {
      fail('(row)', 'has more cells than the header has columns');
      continue;
    }
    const parsedEmail = emailSchema.safeParse(v.email ?? '');
    const email = parsedEmail.success ? parsedEmail.data : '';
    if (!v.email) fail('email', 'is required');
    else if (!parsedEmail.success) fail('email', 'must be a valid email address');
    else if (firstLineOf.has(email)) fail('email', `appears again (first on line ${firstLineOf.get(email)})`);
    else firstLineOf.set(email, row.line);

    const name = v.name ?? '';
    if (!name) fail('name', 'is required');
    else if (name.length > 200) fail('name', 'must be at most 200 characters');

    const stageLabel = v.career_stage ?? '';
    const careerStageId = findCareerStage(directory.stages, stageLabel)?.id;
    if (!stageLabel) fail('career_stage', 'is required');
    else if (!careerStageId) {
      fail('career_stage', `must be one of: ${directory.stages.map((s) => s.key).join(', ')}`);
    }

    const resolved = teamPlan.resolve(v.team ?? '', row.line);
    if ('error' in resolved) fail('team', resolved.error);
    const teamName = 'error' in resolved ? null : resolved.team;

    const managerRaw = v.manager_email ?? '';
    const parsedManager = emailSchema.safeParse(managerRaw);
    if (managerRaw && !parsedManager.success) fail('manager_email', 'must be a valid email address');
    const managerEmail = managerRaw && parsedManager.success ? parsedManager.data : null;
    if (managerEmail && managerEmail === email) fail('manager_email', 'cannot be the person themself');

    const existing = existingByEmail.get(email);
    let roles: Role[] = existing?.roles ?? ['participant'];
    if (v.roles) {
      const listed = v.roles
        .split(/[;|]/)
        .map((r) => r.trim().toLowerCase())
        .filter(Boolean);
      const unknown = listed.filter((r) => !(ROLES as readonly string[]).includes(r));
      if (unknown.length) fail('roles', `unknown role ${unknown.join(', ')} (allowed: ${ROLES.join(', ')})`);
      else if (listed.length) roles = [...new Set(listed as Role[])];
    }
    const leads = (v.leads_team ?? '').toLowerCase();
    const leadsTeam = leads === 'yes' ? true : leads === 'no' ? false : null;
    if (leads && leadsTeam === null) fail('leads_team', 'must be yes, no or empty');
    else if (leadsTeam && !v.team) fail('leads_team', 'needs a team in the team column');
    else if (leadsTeam && existing?.status === 'disabled')
      fail('leads_team', 'cannot make a disabled person a team leader');
    else if (leadsTeam && teamName && leaderLineOf.has(teamName.toLowerCase()))
      fail(
        'leads_team',
        `${teamName} already gets a leader on line ${leaderLineOf.get(teamName.toLowerCase())}`,
      );
    if (errors.length > before) continue;
    if (!('error' in resolved)) resolved.commit();
    if (leadsTeam && teamName) leaderLineOf.set(teamName.toLowerCase(), row.line);

    const currentLeader = teamName ? leaderOfTeam.get(teamName.toLowerCase()) : undefined;
    const leadsUnchanged =
      leadsTeam === null || (existing !== undefined && (currentLeader === existing.id) === leadsTeam);
    const unchanged =
      existing &&
      existing.name === name &&
      existing.careerStageId === careerStageId &&
      (existing.teamId ? teamNameById.get(existing.teamId) : null) === teamName &&
      managerEmailOf(existing) === managerEmail &&
      sameSet(existing.roles, roles) &&
      leadsUnchanged;
    candidates.push({
      line: row.line,
      action: !existing ? 'create' : unchanged ? 'unchanged' : 'update',
      email,
      name,
      careerStageId: careerStageId!,
      teamName,
      managerEmail,
      roles,
      leadsTeam,
    });
  }

  // Managers must exist after the import; skipping an invalid row can strand the rows that name
  // its person as manager, so repeat until nothing more drops out.
  let valid = candidates;
  for (;;) {
    const known = new Set([...existingByEmail.keys(), ...valid.map((r) => r.email)]);
    const stranded = valid.filter((r) => r.managerEmail && !known.has(r.managerEmail));
    if (stranded.length === 0) break;
    for (const r of stranded) {
      errors.push({
        line: r.line,
        column: 'manager_email',
        message: firstLineOf.has(r.managerEmail!)
          ? `names ${r.managerEmail}, whose own row (line ${firstLineOf.get(r.managerEmail!)}) is invalid`
          : `${r.managerEmail} is not in the file or the organisation`,
      });
    }
    valid = valid.filter((r) => !stranded.includes(r));
  }

  const managerOf = new Map<string, string | null>();
  for (const p of directory.people) managerOf.set(p.email, managerEmailOf(p));
  for (const r of valid) managerOf.set(r.email, r.managerEmail);
  const cycle = findCycle(managerOf);
  if (cycle) {
    const inFile = new Map(valid.map((r) => [r.email, r]));
    const lines = cycle.filter((e) => inFile.has(e));
    for (const e of lines) {
      errors.push({
        line: inFile.get(e)!.line,
        column: 'manager_email',
        message: `makes a reporting loop: ${[...cycle, cycle[0]].join(' → ')}`,
      });
    }
    const looped = new Set(lines);
    valid = valid.filter((r) => !looped.has(r.email));
  }

  const badLines = new Set(errors.map((e) => e.line));
  errors.sort((a, b) => a.line - b.line);
  const newTeams = teamPlan.newTeams(valid.flatMap((r) => (r.teamName ? [r.teamName] : [])));
  return {
    rows: rows.length,
    errors,
    planned: valid,
    skippedLines: [...badLines].sort((a, b) => a - b),
    newTeams,
  };
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}
