// The cohort dashboard: counts per building block and per step status, every one through
// disclosure control. A cohort where one status differs from the next by one person must not show
// both, and no combination of the numbers shown may single out fewer people than the minimum —
// checked here on the real memberships, by every intersection and difference of the shown sets.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { people } from '../../src/identity/people/schema.ts';
import { testDatabaseKinds } from '../support/databases.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { createProgramme, json, type ProgrammeOrg, programmeOrg } from './programmes-support.ts';

const NOW = new Date('2026-03-02T09:00:00Z');
type Figures = {
  enrolled: number | null;
  blocks: { key: string; count: number | null }[];
  statuses: { key: string; count: number | null }[];
  alumni: { key: string; count: number | null }[] | null;
};
type Dashboard = Figures & { minimum: number; teams: (Figures & { teamId: string | null })[] | null };

/** Every non-empty atom (cell of the Venn diagram) of the sets: what intersections and differences can isolate. */
function atoms(universe: string[], sets: Set<string>[]): number[] {
  const byPattern = new Map<string, number>();
  for (const person of universe) {
    const pattern = sets.map((s) => (s.has(person) ? '1' : '0')).join('');
    if (pattern.includes('1')) byPattern.set(pattern, (byPattern.get(pattern) ?? 0) + 1);
  }
  return [...byPattern.values()];
}

describe.each(testDatabaseKinds())('the cohort dashboard on %s', (kind) => {
  let h: Harness;
  let o: ProgrammeOrg;

  beforeAll(async () => {
    h = await startHarness(kind);
    h.services.clock = () => NOW;
    o = await programmeOrg(h, 'dash');
  });
  afterAll(() => h.close());

  it('withholds a status one person away from the next, and anything that would give it back', async () => {
    const org = o.organisationId;
    // Twelve people, six per team: 8 answered their self-assessment since the start, 7 of them have a plan.
    const ids = await h.services.db.inOrganisation(org, async (tx) => {
      const [stage] = await tx
        .execute(sql`SELECT id FROM career_stages LIMIT 1`)
        .then((r) => (r as { rows: { id: string }[] }).rows);
      const rows = await tx
        .insert(people)
        .values(
          Array.from({ length: 12 }, (_, i) => ({
            organisationId: org,
            name: `p${i}`,
            email: `p${i}@dash.test`,
            careerStageId: stage!.id,
            teamId: i % 2 === 0 ? o.teams.sales : o.teams.support,
            status: 'active' as const,
          })),
        )
        .returning({ id: people.id });
      return rows.map((r) => r.id);
    });
    const p = await createProgramme(o.admin, { template: 'early-career', startsOn: '2026-02-01' });
    await json(
      await o.admin.post(`/api/admin/programmes/${p.id}/enrolments`, { by: 'person', personIds: ids }),
      200,
    );
    const answered = new Set(ids.slice(0, 8));
    const planned = new Set(ids.slice(0, 7));
    await h.services.db.asSystem(async (tx) => {
      for (const id of answered)
        await tx.execute(sql`INSERT INTO assessments (organisation_id, person_id, version_id, status, submitted_at)
                             SELECT ${org}, ${id}, v.id, 'submitted', ${NOW.toISOString()}::timestamptz
                               FROM framework_versions v WHERE v.organisation_id = ${org} LIMIT 1`);
      for (const id of planned)
        await tx.execute(
          sql`INSERT INTO development_plans (organisation_id, owner_id, title) VALUES (${org}, ${id}, 'Plan')`,
        );
    });

    const d = await json<Dashboard>(
      await o.admin.get(`/api/admin/programmes/${p.id}/dashboard?byTeam=true`),
      200,
    );
    expect(d.minimum).toBe(3);
    expect(d.enrolled).toBe(12);
    const status = Object.fromEntries(d.statuses.map((s) => [s.key, s.count]));
    expect(status.invited).toBe(12);
    // 8 answered, 7 planned: one of the two is withheld, never both shown.
    expect([status.answered, status.plan].filter((c) => c !== null)).toHaveLength(1);
    expect(status.practising).toBeNull();
    expect(d.blocks.every((b) => b.count === null)).toBe(true);

    // The true sets behind every count shown, overall and per team, and all their atoms.
    const all = new Set(ids);
    const team = (t: string) =>
      new Set(ids.filter((_, i) => (i % 2 === 0 ? o.teams.sales : o.teams.support) === t));
    const truth = (members: Set<string>, key: string) =>
      key === 'enrolled' || key === 'invited'
        ? members
        : key === 'answered'
          ? new Set([...members].filter((x) => answered.has(x)))
          : key === 'plan'
            ? new Set([...members].filter((x) => planned.has(x)))
            : new Set<string>();
    const shown: Set<string>[] = [];
    const collect = (f: Figures, members: Set<string>) => {
      if (f.enrolled !== null) shown.push(truth(members, 'enrolled'));
      for (const s of f.statuses) {
        if (s.count === null) continue;
        const set = truth(members, s.key);
        expect(s.count).toBe(set.size);
        shown.push(set);
      }
      for (const b of f.blocks) expect(b.count).toBeNull();
    };
    collect(d, all);
    for (const t of d.teams ?? []) collect(t, team(t.teamId!));
    for (const size of atoms(ids, shown)) expect(size).toBeGreaterThanOrEqual(d.minimum);
  });

  it('shows alumni activity once the programme has ended, through the same control', async () => {
    const p = await createProgramme(o.admin, { template: 'senior-leaders', startsOn: '2026-02-20' });
    await json(
      await o.admin.post(`/api/admin/programmes/${p.id}/enrolments`, {
        by: 'team',
        teamId: o.teams.department,
        includeSubTeams: true,
      }),
      200,
    );
    const before = await json<Dashboard>(await o.admin.get(`/api/admin/programmes/${p.id}/dashboard`), 200);
    expect(before.alumni).toBeNull();
    expect(before.teams).toBeNull();
    h.services.clock = () => new Date('2026-12-01T09:00:00Z');
    try {
      const after = await json<Dashboard>(await o.admin.get(`/api/admin/programmes/${p.id}/dashboard`), 200);
      expect(after.alumni?.map((a) => a.key)).toEqual(['pathway', 'practising', 'pulse']);
      // Nobody has a pathway, practice or a pulse: zero is below the minimum like any small count.
      expect(after.alumni?.every((a) => a.count === null)).toBe(true);
      const list = await json<{ status: string }[]>(
        await o.admin.get(`/api/admin/programmes/${p.id}/enrolments`),
        200,
      );
      expect(new Set(list.map((e) => e.status))).toEqual(new Set(['alumni']));
    } finally {
      h.services.clock = () => NOW;
    }
  });
});
