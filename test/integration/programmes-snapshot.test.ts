// The cohort dashboard over time (docs/decisions/0023, "Frozen snapshots"). One person answers
// between two days' dashboards: decided alone, each dashboard is safe but their difference shows
// that one person moved (the exact attacker solves their membership). Decided against the earlier
// snapshot's atoms, no pair of dashboards isolates anyone; within one period the dashboard is frozen.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { solvableSmallGroups } from '../../src/core/disclosure/testing/cell-oracle.ts';
import { SNAPSHOT_PERIOD_MS } from '../../src/domains/programmes/snapshot.ts';
import { testDatabaseKinds } from '../support/databases.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import {
  addCohortPeople,
  createProgramme,
  json,
  type ProgrammeOrg,
  programmeOrg,
} from './programmes-support.ts';

const DAY1 = new Date('2026-03-02T09:00:00Z');
const DAY2 = new Date(DAY1.getTime() + SNAPSHOT_PERIOD_MS + 3_600_000);
type Figures = { enrolled: number | null; statuses: { key: string; count: number | null }[] };
type Dashboard = Figures & {
  minimum: number;
  asOf: string;
  teams: (Figures & { teamId: string | null })[] | null;
};

describe.each(testDatabaseKinds())('cohort dashboard snapshots on %s', (kind) => {
  let h: Harness;
  let o: ProgrammeOrg;

  beforeAll(async () => {
    h = await startHarness(kind);
    h.services.clock = () => DAY1;
    o = await programmeOrg(h, 'snap');
  });
  afterAll(() => h.close());

  it('freezes the dashboard for a period, and no two days of it isolate a person', async () => {
    const org = o.organisationId;
    const teamOf = (i: number) => (i % 2 === 0 ? o.teams.sales : o.teams.support);
    const ids = await addCohortPeople(h, o, 's', 12, teamOf);
    const p = await createProgramme(o.admin, { template: 'early-career', startsOn: '2026-02-01' });
    await json(
      await o.admin.post(`/api/admin/programmes/${p.id}/enrolments`, { by: 'person', personIds: ids }),
      200,
    );
    const answer = (who: number[]) =>
      h.services.db.asSystem(async (tx) => {
        for (const i of who)
          await tx.execute(sql`INSERT INTO assessments (organisation_id, person_id, version_id, status, submitted_at)
                               SELECT ${org}, ${ids[i]!}, v.id, 'submitted', ${DAY1.toISOString()}::timestamptz
                                 FROM framework_versions v WHERE v.organisation_id = ${org} LIMIT 1`);
      });
    const read = () =>
      o.admin.get(`/api/admin/programmes/${p.id}/dashboard?byTeam=true`).then((r) => json<Dashboard>(r, 200));

    // Day 1: six answered, three per team.
    await answer([0, 1, 2, 3, 4, 5]);
    const day1 = await read();
    const answered1 = [0, 1, 2, 3, 4, 5];
    // Person 6 (sales) answers the same day: the dashboard stays as it was until the period ends.
    await answer([6]);
    expect(day1.asOf).toBe(DAY1.toISOString());
    expect(await read()).toEqual(day1);
    const answered2 = [0, 1, 2, 3, 4, 5, 6];

    // The sets behind every count a dashboard shows, as indexes into ids (the attacker knows them).
    const released = (d: Dashboard, answered: number[]) => {
      const sets: number[][] = [];
      const collect = (f: Figures, members: number[]) => {
        if (f.enrolled !== null) sets.push(members);
        for (const s of f.statuses) {
          if (s.count === null) continue;
          const set =
            s.key === 'invited'
              ? members
              : s.key === 'answered'
                ? members.filter((i) => answered.includes(i))
                : [];
          expect(s.count, s.key).toBe(set.length);
          sets.push(set);
        }
      };
      const all = ids.map((_, i) => i);
      collect(d, all);
      for (const t of d.teams ?? [])
        collect(
          t,
          all.filter((i) => teamOf(i) === t.teamId),
        );
      return sets;
    };
    const sets1 = released(day1, answered1);
    expect(day1.statuses.find((s) => s.key === 'answered')?.count).toBe(6);
    expect(solvableSmallGroups(ids.length, sets1, day1.minimum)).toEqual([]);

    // Day 2, decided against day 1's atoms: the pair isolates nobody.
    h.services.clock = () => DAY2;
    const day2 = await read();
    expect(day2.asOf).toBe(DAY2.toISOString());
    const sets2 = released(day2, answered2);
    expect(solvableSmallGroups(ids.length, [...sets1, ...sets2], day2.minimum)).toEqual([]);

    // The same day 2 decided alone (the earlier atoms forgotten): each dashboard is safe, the pair is not.
    await h.services.db.asSystem(async (tx) => {
      await tx.execute(sql`DELETE FROM programme_dashboard_atoms WHERE programme_id = ${p.id}`);
      await tx.execute(
        sql`UPDATE programme_dashboard_snapshots SET stale = true WHERE programme_id = ${p.id}`,
      );
    });
    const alone = await read();
    const setsAlone = released(alone, answered2);
    expect(solvableSmallGroups(ids.length, setsAlone, alone.minimum)).toEqual([]);
    expect(solvableSmallGroups(ids.length, [...sets1, ...setsAlone], alone.minimum)).toContainEqual([6]);
  });

  it('keeps the atoms from the tenant role', async () => {
    const seen = await h.services.db
      .inOrganisation(o.organisationId, (tx) =>
        tx.execute(sql`SELECT count(*) FROM programme_dashboard_atoms`),
      )
      .then(
        () => 'read',
        () => 'refused',
      );
    expect(seen).toBe('refused');
  });
});
