// The cohort dashboard's frozen snapshot (docs/decisions/0023, "Frozen snapshots"). Every count is
// a cell — the set of people it counts — and ALL cells (every team included, whichever view is
// asked for) are decided together by disclosure control's releaseCounts, WITH everything released
// before for this programme as `earlier`: the dashboards of two days can then be subtracted without
// isolating fewer people than the minimum. Earlier releases are kept as the partition into their
// atoms (one label per person, programme_dashboard_atoms): the atoms generate the same sets by
// intersection and difference as all earlier released sets, so the decision is the same and
// `earlier` stays as small as the partition. The refresh runs as the system (it reads other
// people's owner-only facts, cohort-read.ts); only counts and team names are stored for readers.
import { and, eq, sql } from 'drizzle-orm';
import {
  type DisclosureCell,
  disclosureAtoms,
  membersOf,
  raterSetOf,
  releaseCounts,
} from '../../core/disclosure/index.ts';
import type { Tx } from '../../platform/db/database.ts';
import type { Services } from '../../platform/services.ts';
import { type CohortPerson, readCohort } from './cohort-read.ts';
import type { CohortDashboard } from './contracts.ts';
import {
  ALUMNI_ACTIVITY,
  alumniActivity,
  blocksInPlace,
  FUNNEL,
  funnelReached,
  JOURNEY_BLOCKS,
} from './funnel.ts';
import { programmeDashboardAtoms, programmeDashboardSnapshots } from './schema.ts';

/**
 * A snapshot serves every read for a day. The period is not what keeps the dashboards safe (each
 * decision is taken against every earlier one, however often); it bounds two costs. Each refresh
 * refines the stored partition, and a finer partition refuses more later figures, so hourly
 * snapshots would use up a programme's releasable figures 24 times faster for changes — statuses
 * move over days and weeks — that hourly reading does not need. And a refresh is the one expensive
 * read (the cohort read and the decision, ~100–200 ms for 2,000 people), paid once a day instead of
 * on every request. Enrolment changes mark the snapshot stale so the admin sees the new cohort at once.
 */
export const SNAPSHOT_PERIOD_MS = 24 * 60 * 60 * 1000;

export type Figures = Omit<CohortDashboard, 'minimum' | 'asOf' | 'phase' | 'teams'>;
export type SnapshotFigures = Figures & {
  teams: Array<Figures & { teamId: string | null; name: string | null }>;
};

// Whole-programme figures are kept before a team's when two conflict.
const OVERALL = 4;
const PER_TEAM = 1;

/** The dashboard's cells over the cohort (indexes into `cohort`), and its teams in order of name. */
export function cohortCells(cohort: ReadonlyArray<CohortPerson>, now: Date, ended: boolean) {
  const cells: DisclosureCell<string>[] = [];
  const groups = new Map<string, { name: string | null; members: number[] }>();
  const facts = cohort.map((p, i) => {
    const team = p.teamId ?? 'none';
    const g = groups.get(team) ?? { name: p.teamName, members: [] };
    g.members.push(i);
    groups.set(team, g);
    return { reached: funnelReached(p), blocks: blocksInPlace(p, now), alumni: alumniActivity(p) };
  });
  const figures = (prefix: string, members: number[], value: number) => {
    const add = (key: string, of: (i: number) => boolean) =>
      cells.push({ key: `${prefix}${key}`, members: members.filter(of), value });
    add('enrolled', () => true);
    for (const b of JOURNEY_BLOCKS) add(`block:${b}`, (i) => facts[i]!.blocks.has(b));
    for (const [k, s] of FUNNEL.entries()) add(`status:${s}`, (i) => facts[i]!.reached >= k);
    if (ended) for (const a of ALUMNI_ACTIVITY) add(`alumni:${a}`, (i) => facts[i]!.alumni.has(a));
  };
  figures(
    '',
    cohort.map((_, i) => i),
    OVERALL,
  );
  for (const [team, g] of groups) figures(`team:${team}:`, g.members, PER_TEAM);
  const teams = [...groups]
    .map(([team, g]) => ({ team, name: g.name }))
    .sort((a, b) => (a.name ?? '').localeCompare(b.name ?? ''));
  return { cells, teams };
}

/** The released counts as the dashboard shows them (null = withheld). */
function figuresOf(
  released: Map<string, number>,
  ended: boolean,
  teams: Array<{ team: string; name: string | null }>,
) {
  const view = (prefix: string): Figures => ({
    enrolled: released.get(`${prefix}enrolled`) ?? null,
    blocks: JOURNEY_BLOCKS.map((key) => ({ key, count: released.get(`${prefix}block:${key}`) ?? null })),
    statuses: FUNNEL.map((key) => ({ key, count: released.get(`${prefix}status:${key}`) ?? null })),
    alumni: ended
      ? ALUMNI_ACTIVITY.map((key) => ({ key, count: released.get(`${prefix}alumni:${key}`) ?? null }))
      : null,
  });
  return {
    ...view(''),
    teams: teams.map(({ team, name }) => ({
      teamId: team === 'none' ? null : team,
      name,
      ...view(`team:${team}:`),
    })),
  };
}

/**
 * Decides and stores a new snapshot, in one system transaction holding the programme's refresh lock
 * (two servers refreshing at once would otherwise each decide against the same earlier atoms and
 * release two sets never checked together). `due` is re-checked under the lock.
 */
export async function refreshSnapshot(
  services: Services,
  organisationId: string,
  programme: { id: string; startsOn: string; endsOn: string },
  options: { minimum: number; now: Date; ended: boolean; due: (row: SnapshotRow | undefined) => boolean },
): Promise<SnapshotRow> {
  return services.db.asSystem(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`programme-dashboard:${programme.id}`}))`);
    const current = await loadSnapshot(tx, organisationId, programme.id);
    if (current && !options.due(current)) return current;
    const { minimum, now, ended } = options;
    const cohort = await readCohort(tx, organisationId, programme);
    const { cells, teams } = cohortCells(cohort, now, ended);

    // The universe is the cohort and everyone an earlier release counted: a person who left is in
    // no new cell, but their earlier atom still holds them, so a new count cannot give their
    // earlier status back by difference.
    const stored = await tx
      .select({ personId: programmeDashboardAtoms.personId, atom: programmeDashboardAtoms.atom })
      .from(programmeDashboardAtoms)
      .where(
        and(
          eq(programmeDashboardAtoms.organisationId, organisationId),
          eq(programmeDashboardAtoms.programmeId, programme.id),
        ),
      );
    const people = cohort.map((p) => p.personId);
    const index = new Map(people.map((id, i) => [id, i]));
    for (const row of stored)
      if (!index.has(row.personId)) {
        index.set(row.personId, people.length);
        people.push(row.personId);
      }
    const byAtom = new Map<number, number[]>();
    for (const row of stored)
      byAtom.set(row.atom, [...(byAtom.get(row.atom) ?? []), index.get(row.personId)!]);
    const earlier = [...byAtom.values()];

    const decision = releaseCounts(people.length, cells, { minimum, earlier });
    const released = new Map(decision.counts.map((c) => [c.key, c.count]));
    const releasedSets = cells.filter((c) => released.has(c.key)).map((c) => c.members);
    const atoms = disclosureAtoms(
      people.length,
      [...earlier, ...releasedSets].map((members) => raterSetOf(people.length, members)),
    );

    const figures = figuresOf(released, ended, teams);
    const row: SnapshotRow = { decidedAt: now, minimum, stale: false, figures };
    await tx
      .insert(programmeDashboardSnapshots)
      .values({ organisationId, programmeId: programme.id, ...row })
      .onConflictDoUpdate({
        target: [programmeDashboardSnapshots.organisationId, programmeDashboardSnapshots.programmeId],
        set: row,
      });
    await tx
      .delete(programmeDashboardAtoms)
      .where(
        and(
          eq(programmeDashboardAtoms.organisationId, organisationId),
          eq(programmeDashboardAtoms.programmeId, programme.id),
        ),
      );
    const labels = atoms.flatMap((atom, a) =>
      membersOf(atom).map((i) => ({
        organisationId,
        programmeId: programme.id,
        personId: people[i]!,
        atom: a,
      })),
    );
    for (let i = 0; i < labels.length; i += 1000)
      await tx.insert(programmeDashboardAtoms).values(labels.slice(i, i + 1000));
    return row;
  });
}

export interface SnapshotRow {
  decidedAt: Date;
  minimum: number;
  stale: boolean;
  figures: SnapshotFigures;
}

export async function loadSnapshot(tx: Tx, organisationId: string, programmeId: string) {
  const [row] = await tx
    .select({
      decidedAt: programmeDashboardSnapshots.decidedAt,
      minimum: programmeDashboardSnapshots.minimum,
      stale: programmeDashboardSnapshots.stale,
      figures: programmeDashboardSnapshots.figures,
    })
    .from(programmeDashboardSnapshots)
    .where(
      and(
        eq(programmeDashboardSnapshots.organisationId, organisationId),
        eq(programmeDashboardSnapshots.programmeId, programmeId),
      ),
    );
  return row as SnapshotRow | undefined;
}

/** Enrolments changed: the next read decides afresh (still against every earlier release). */
export async function markSnapshotStale(tx: Tx, organisationId: string, programmeId: string): Promise<void> {
  await tx
    .update(programmeDashboardSnapshots)
    .set({ stale: true })
    .where(
      and(
        eq(programmeDashboardSnapshots.organisationId, organisationId),
        eq(programmeDashboardSnapshots.programmeId, programmeId),
      ),
    );
}
