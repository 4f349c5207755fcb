// The demo's team tree tells the same story as its reporting lines: everyone in a team is its
// leader or reports up to them. Read the way other domains will: loadTeamTree and the pure rules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { people } from '../../src/identity/people/schema.ts';
import { teamAncestors, teamPath, teamSubtree } from '../../src/identity/people/team-tree.ts';
import { loadTeamTree } from '../../src/identity/people/teams.ts';
import { testDatabaseKinds } from '../support/databases.ts';
import { type Harness, seedDemo, startHarness } from '../support/harness.ts';

describe.each(testDatabaseKinds())('the demo team tree on %s', (kind) => {
  let h: Harness;
  let organisationId: string;

  beforeAll(async () => {
    h = await startHarness(kind);
    ({ organisationId } = await seedDemo(h.services));
  });
  afterAll(() => h.close());

  it('nests the six teams and leads each by the person its members report up to', async () => {
    const { tree, staff } = await h.services.db.inOrganisation(organisationId, async (tx) => ({
      tree: await loadTeamTree(tx, organisationId),
      staff: await tx
        .select({ id: people.id, name: people.name, teamId: people.teamId, managerId: people.managerId })
        .from(people),
    }));
    const byName = new Map([...tree.values()].map((t) => [t.name, t]));
    expect(teamPath(tree, byName.get('Engineering')!.id)).toEqual([
      'Executive Office',
      'Product & Engineering',
      'Engineering',
    ]);
    const root = byName.get('Executive Office')!.id;
    expect(teamSubtree(tree, root)).toHaveLength(tree.size);
    expect(teamAncestors(tree, byName.get('Product')!.id)).toEqual([
      byName.get('Product & Engineering')!.id,
      root,
    ]);
    const managerOf = new Map(staff.map((p) => [p.id, p.managerId]));
    const reportsUpTo = (personId: string, leaderId: string) => {
      for (let p: string | null | undefined = personId; p; p = managerOf.get(p))
        if (p === leaderId) return true;
      return false;
    };
    for (const team of tree.values()) {
      expect(team.leaderId, team.name).not.toBeNull();
      for (const member of staff.filter((p) => p.teamId === team.id))
        expect(reportsUpTo(member.id, team.leaderId!), `${member.name} in ${team.name}`).toBe(true);
      // A parent team's leader is above the sub-team's leader on the reporting line.
      if (team.parentTeamId)
        expect(reportsUpTo(team.leaderId!, tree.get(team.parentTeamId)!.leaderId!), team.name).toBe(true);
    }
  });
});
