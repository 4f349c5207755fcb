// The synthetic organisation's shape: people at every career stage in a realistic pyramid
// (≈ 55 / 27 / 12 / 5 / 1 %), reporting lines where everyone reports to someone more senior, and
// nested teams led by the people their members report up to (executives lead divisions, senior
// leaders departments, managers teams; some managers lead sub-teams under a senior manager, so the
// tree is up to five levels deep). Spans are uneven: each manager draws a lognormal "pull".
import { sql } from 'drizzle-orm';
import { normalFrom } from '../../core/seeded-random.ts';
import { people, teams } from '../../identity/people/schema.ts';
import type { Database } from '../../platform/db/database.ts';
import { DAY_MS, insertInChunks, pick, seededUuid } from './bulk.ts';
import { DIVISIONS, FIRST_NAMES, LAST_NAMES, syntheticEmail, TEAM_WORDS } from './names.ts';

/** Career-stage index: 0 individual contributor … 4 executive (the default stages' positions). */
export type Seniority = 0 | 1 | 2 | 3 | 4;
/** The pyramid, most senior first: executive, senior leader, manager, team lead (the rest are ICs). */
const SHARE = { 4: 0.01, 3: 0.05, 2: 0.12, 1: 0.27 } as const;
/** Share of managers who report to another (senior) manager rather than a senior leader. */
const UNDER_SENIOR_MANAGER = 0.25;
/** Share of individual contributors who report to a manager directly rather than to a team lead. */
const IC_TO_MANAGER = 0.3;
/** Managers and above who also coach others. */
const COACH_SHARE_OF_MANAGERS = 0.05;

export interface SynthPerson {
  index: number;
  id: string;
  name: string;
  email: string;
  seniority: Seniority;
  managerIndex: number | null;
  teamIndex: number;
  roles: ('participant' | 'coach' | 'admin')[];
  createdAt: Date;
}

export interface SynthTeam {
  index: number;
  id: string;
  name: string;
  parentIndex: number | null;
  leaderIndex: number;
  depth: number;
}

export interface SynthOrganisation {
  people: SynthPerson[];
  teams: SynthTeam[];
  adminIndex: number;
  /** Each person's direct reports (indices), for rater and climate choices. */
  reports: number[][];
}

/** Picks among candidates with fixed, uneven weights: cumulative sums and a binary search. */
function weightedPicker(random: () => number, candidates: number[], normal: () => number) {
  const cumulative: number[] = [];
  let total = 0;
  for (let i = 0; i < candidates.length; i++) {
    total += Math.exp(0.7 * normal());
    cumulative.push(total);
  }
  return () => {
    const target = random() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (cumulative[mid]! < target) low = mid + 1;
      else high = mid;
    }
    return candidates[low]!;
  };
}

/** The organisation's people and teams, in memory; pure apart from the seeded source. */
export function generateOrganisation(n: number, slug: string, random: () => number, now: number) {
  const normal = normalFrom(random);
  const counts = {
    4: Math.max(1, Math.round(n * SHARE[4])),
    3: Math.max(1, Math.round(n * SHARE[3])),
    2: Math.max(1, Math.round(n * SHARE[2])),
    1: Math.round(n * SHARE[1]),
  };
  const seniorities: Seniority[] = [];
  for (const s of [4, 3, 2, 1] as const) for (let i = 0; i < counts[s]; i++) seniorities.push(s);
  while (seniorities.length < n) seniorities.push(0);
  const indicesOf = (s: Seniority) => seniorities.flatMap((x, i) => (x === s ? [i] : []));
  const [execs, seniors, managers, leads] = [indicesOf(4), indicesOf(3), indicesOf(2), indicesOf(1)];
  const seniorManagerCount = Math.floor(managers.length * (1 - UNDER_SENIOR_MANAGER));
  const seniorManagers = managers.slice(0, Math.max(1, seniorManagerCount));
  const isSeniorManager = new Set(seniorManagers);

  const managerOf: (number | null)[] = new Array(n).fill(null);
  const toExec = weightedPicker(random, execs, normal);
  const toSenior = weightedPicker(random, seniors, normal);
  const toSeniorManager = weightedPicker(random, seniorManagers, normal);
  const toManager = weightedPicker(random, managers, normal);
  const toLead = leads.length ? weightedPicker(random, leads, normal) : toManager;
  for (let i = 0; i < n; i++) {
    const s = seniorities[i]!;
    if (i === 0) continue; // the chief executive
    if (s === 4) managerOf[i] = 0;
    else if (s === 3) managerOf[i] = toExec();
    else if (s === 2)
      managerOf[i] =
        isSeniorManager.has(i) || random() >= UNDER_SENIOR_MANAGER ? toSenior() : toSeniorManager();
    else if (s === 1) managerOf[i] = toManager();
    else managerOf[i] = random() < IC_TO_MANAGER || !leads.length ? toManager() : toLead();
  }

  // Managers and above lead a team under their own manager's team; team leads and ICs sit in the
  // team of the nearest of their line who leads one. Managers come before their reports in this
  // order, so one pass places everyone.
  const teamsOut: SynthTeam[] = [];
  const teamOf: number[] = new Array(n).fill(-1);
  const divisionOf: number[] = new Array(n).fill(0);
  const used = new Map<string, number>();
  const uniqueName = (base: string) => {
    const k = (used.get(base) ?? 0) + 1;
    used.set(base, k);
    return k === 1 ? base : `${base} ${k}`;
  };
  for (let i = 0; i < n; i++) {
    const s = seniorities[i]!;
    const m = managerOf[i] ?? null;
    if (s >= 2) {
      const parent = m === null ? null : teamOf[m]!;
      const depth = parent === null ? 0 : teamsOut[parent]!.depth + 1;
      let name: string;
      if (i === 0) name = 'Executive Office';
      else if (s === 4) {
        divisionOf[i] = teamsOut.length;
        name = uniqueName(DIVISIONS[(i - 1) % DIVISIONS.length]!);
      } else
        name = uniqueName(
          `${teamsOut[divisionOf[m!]!]!.name.replace(/ \d+$/, '')} ${pick(random, TEAM_WORDS)}`,
        );
      if (s !== 4 && m !== null) divisionOf[i] = divisionOf[m]!;
      teamOf[i] = teamsOut.length;
      teamsOut.push({
        index: teamsOut.length,
        id: seededUuid(random),
        name,
        parentIndex: parent,
        leaderIndex: i,
        depth,
      });
    } else {
      teamOf[i] = teamOf[m!]!;
    }
  }
  const reports: number[][] = Array.from({ length: n }, () => []);
  for (let i = 1; i < n; i++) reports[managerOf[i]!]!.push(i);
  const adminIndex = seniors[0]!;
  const peopleOut: SynthPerson[] = seniorities.map((s, i) => {
    const first = pick(random, FIRST_NAMES);
    const last = pick(random, LAST_NAMES);
    const roles: SynthPerson['roles'] = ['participant'];
    if (i === adminIndex) roles.push('admin');
    else if (s >= 2 && random() < COACH_SHARE_OF_MANAGERS) roles.push('coach');
    return {
      index: i,
      id: seededUuid(random),
      name: `${first} ${last}`,
      email: i === adminIndex ? `admin@${slug}.example` : syntheticEmail(first, last, i, slug),
      seniority: s,
      managerIndex: managerOf[i]!,
      teamIndex: teamOf[i]!,
      roles,
      // Everyone joined before the year of activity the seed covers (13–16 months ago).
      createdAt: new Date(now - (395 + Math.floor(random() * 90)) * DAY_MS),
    };
  });
  return { people: peopleOut, teams: teamsOut, adminIndex, reports } satisfies SynthOrganisation;
}

/**
 * Writes the teams (parents first, leaders afterwards: teams and people point at each other) and
 * the people (managers before their reports), all active with one shared password hash.
 */
export async function insertOrganisation(
  db: Database,
  organisationId: string,
  org: SynthOrganisation,
  stageIds: readonly string[],
  passwordHash: string,
): Promise<void> {
  const byDepth = [...org.teams].sort((a, b) => a.depth - b.depth || a.index - b.index);
  await insertInChunks(
    db,
    teams,
    byDepth.map((t) => ({
      organisationId,
      id: t.id,
      name: t.name,
      parentTeamId: t.parentIndex === null ? null : org.teams[t.parentIndex]!.id,
    })),
  );
  await insertInChunks(
    db,
    people,
    org.people.map((p) => ({
      organisationId,
      id: p.id,
      email: p.email,
      name: p.name,
      careerStageId: stageIds[p.seniority]!,
      teamId: org.teams[p.teamIndex]!.id,
      managerId: p.managerIndex === null ? null : org.people[p.managerIndex]!.id,
      roles: p.roles,
      passwordHash,
      status: 'active' as const,
      createdAt: p.createdAt,
      updatedAt: p.createdAt,
    })),
  );
  // One JSON parameter, whatever the number of teams.
  const leaders = JSON.stringify(org.teams.map((t) => ({ id: t.id, leader: org.people[t.leaderIndex]!.id })));
  await db.asSystem((tx) =>
    tx.execute(sql`
      UPDATE teams t SET leader_id = v.leader
        FROM jsonb_to_recordset(${leaders}::jsonb) AS v(id uuid, leader uuid)
       WHERE t.organisation_id = ${organisationId} AND t.id = v.id`),
  );
}
