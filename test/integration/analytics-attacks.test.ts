// Differencing attacks on the analytics API (issue #12): an admin, and each team leader within their
// line, asks every filter the pages offer — the organisation, each team (so parent minus child: Engineering vs Platform), each stage,
// each team × stage — in two monthly snapshots between which a person moved from Engineering to
// Sales, without a new assessment (their scores carry over: the worst case, ADR 0025). Every
// released headcount and score is then an equation over the people (or assessments) it covers,
// worked out here from the test's own membership, not from the module; the exact attacker
// (cell-oracle.ts) must solve no group below the minimum. The control shows the attacker does find
// one when every figure of at least the minimum is shown, as a per-request check would.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { solvableSmallGroups } from '../../src/core/disclosure/testing/cell-oracle.ts';
import { type Heatmap, heatmap } from '../../src/domains/analytics/contracts.ts';
import { decideSnapshot } from '../../src/domains/analytics/decide.ts';
import { testDatabaseKinds } from '../support/databases.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { type AnalyticsOrg, analyticsOrg, type Member } from './analytics-support.ts';
import { json } from './feedback-support.ts';

const OCTOBER = new Date('2026-10-20T09:00:00Z');
const NOVEMBER = new Date('2026-11-20T09:00:00Z');

interface Figure {
  /** Indexes into the universe (people, or assessments for scores). */
  members: number[];
  value: number;
}

describe.each(testDatabaseKinds())('analytics differencing attacks on %s', (kind) => {
  let h: Harness;
  let o: AnalyticsOrg;
  const months: Record<string, Member[]> = {};

  beforeAll(async () => {
    h = await startHarness(kind);
    o = await analyticsOrg(h, 'attack', new Date('2026-10-03T09:00:00Z'));
    months['2026-10'] = o.members.map((m) => ({ ...m }));
    await decideSnapshot(h.services, o.organisationId, { now: OCTOBER });
    const mover = o.members.find((m) => m.teamId === o.teams.eng && m.stage === 'individual-contributor')!;
    await h.services.db.asSystem((tx) =>
      tx.execute(sql`UPDATE people SET team_id = ${o.teams.sales} WHERE id = ${mover.id}`),
    );
    months['2026-11'] = o.members.map((m) =>
      m.id === mover.id ? { ...m, teamId: o.teams.sales } : { ...m },
    );
    await decideSnapshot(h.services, o.organisationId, { now: NOVEMBER });
  });
  afterAll(() => h.close());

  /**
   * Every page request the admin and each team leader can make with the team and stage filters, for
   * one month; a leader's unfiltered rows cover their own line (`root`).
   */
  async function pages(
    period: string,
  ): Promise<Array<{ query: Record<string, string>; page: Heatmap; root: string | undefined }>> {
    const teams = [undefined, o.teams.eng, o.teams.platform, o.teams.sales];
    const stages = [undefined, 'individual-contributor', 'manager'];
    const viewers = [
      { client: o.admin, root: undefined },
      { client: o.engLead, root: o.teams.eng },
      { client: o.salesLead, root: o.teams.sales },
    ];
    const out = [];
    for (const { client, root } of viewers)
      for (const team of teams)
        for (const stage of stages) {
          const query = { period, ...(team ? { team } : {}), ...(stage ? { stage } : {}) };
          const res = await client.get(`/api/analytics/heatmap?${new URLSearchParams(query)}`);
          if (root !== undefined && team !== undefined && !inSubtree(team, root)) {
            await json(res, 403); // outside the leader's line
            continue;
          }
          out.push({ query, page: heatmap.parse(await json(res, 200)), root });
        }
    return out;
  }

  const inSubtree = (teamId: string | null, root: string) =>
    teamId === root || (root === o.teams.eng && teamId === o.teams.platform);

  it('lets no combination of both months’ figures single out fewer than the minimum', async () => {
    const people = o.members.map((m) => m.id);
    const assessments = o.members.flatMap((m) => (m.assessmentId ? [m.assessmentId] : []));
    const headcounts: Figure[] = [];
    const scores: Figure[] = [];
    const everyRow: number[][] = [];
    let minimum = 0;
    for (const period of ['2026-10', '2026-11']) {
      const members = months[period]!;
      for (const { query, page, root } of await pages(period)) {
        minimum = page.minimum;
        for (const row of page.rows) {
          const stage = row.stage ?? query.stage;
          const team = row.team?.id ?? query.team ?? root;
          const covered = members.filter(
            (m) =>
              (team === undefined || inSubtree(m.teamId, team)) && (stage === undefined || m.stage === stage),
          );
          everyRow.push(covered.map((m) => people.indexOf(m.id)));
          if (row.people !== null) {
            expect(row.people).toBe(covered.length); // the equation is the right one
            headcounts.push({ members: covered.map((m) => people.indexOf(m.id)), value: row.people });
          }
          const cell = row.cells[0];
          if (cell) {
            const observed = covered.filter((m) => m.assessmentId !== null);
            expect(cell.n).toBe(observed.length);
            scores.push({
              members: observed.map((m) => assessments.indexOf(m.assessmentId!)),
              value: cell.n,
            });
          }
        }
      }
    }
    expect(headcounts.length).toBeGreaterThan(10);
    expect(scores.length).toBeGreaterThan(5);
    expect(minimum).toBe(3);
    expect(
      solvableSmallGroups(
        people.length,
        headcounts.map((f) => f.members),
        minimum,
      ),
    ).toEqual([]);
    expect(
      solvableSmallGroups(
        assessments.length,
        scores.map((f) => f.members),
        minimum,
      ),
    ).toEqual([]);

    // Control: showing every row of at least the minimum, each request checked alone, gives the
    // mover or Platform away (parent minus child, or one month minus the other).
    const naive = everyRow.filter((set) => set.length >= minimum);
    expect(solvableSmallGroups(people.length, naive, minimum).length).toBeGreaterThan(0);
  });
});
