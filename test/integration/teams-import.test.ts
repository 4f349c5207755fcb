// The people CSV with nested teams: "/" paths create missing teams, leads_team sets leaders, and a
// row that contradicts the tree gets its own error while nothing at all is written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportResult, PersonDetail, Team } from '../../src/identity/people/contracts.ts';
import { testDatabaseKinds } from '../support/databases.ts';
import { addOrganisation, Client, type Harness, PASSWORD, startHarness } from '../support/harness.ts';

describe.each(testDatabaseKinds())('team paths in the people import on %s', (kind) => {
  let h: Harness;
  let admin: Client;

  const upload = async (csv: string) => {
    const res = await admin.request('POST', '/api/people/import', new TextEncoder().encode(csv), {
      'content-type': 'text/csv',
    });
    expect(res.status).toBe(200);
    return (await res.json()) as ImportResult;
  };
  const tree = async () => (await (await admin.get('/api/teams')).json()) as Team[];
  const person = async (email: string) => {
    const list = (await (await admin.get(`/api/people?q=${encodeURIComponent(email)}`)).json()) as {
      items: { id: string }[];
    };
    return (await (await admin.get(`/api/people/${list.items[0]!.id}`)).json()) as PersonDetail;
  };

  beforeAll(async () => {
    h = await startHarness(kind);
    await addOrganisation(h.services, 'acme');
    admin = new Client(h.app);
    expect((await admin.signIn('admin@acme.test', PASSWORD)).status).toBe(200);
  });
  afterAll(() => h.close());

  it('creates nested teams from paths and makes the leads_team people their leaders', async () => {
    const result = await upload(
      [
        'email,name,career_stage,team,manager_email,leads_team',
        'ava@acme.test,Ava Stone,manager,Product & Engineering,,yes',
        'ben@acme.test,Ben Ode,manager,Product & Engineering / Engineering,ava@acme.test,yes',
        'cy@acme.test,Cy Lam,team-lead,Product & Engineering/Engineering/Platform,ben@acme.test,YES',
        'di@acme.test,Di Ross,individual-contributor,Engineering / Platform,cy@acme.test,',
        'ed@acme.test,Ed Park,individual-contributor,Platform,cy@acme.test,no',
      ].join('\n'),
    );
    expect(result.errors).toEqual([]);
    expect(result).toMatchObject({ applied: true, changes: { create: 5 } });
    expect(result.changes.newTeams).toEqual([
      'Product & Engineering',
      'Product & Engineering / Engineering',
      'Product & Engineering / Engineering / Platform',
    ]);
    const teams = await tree();
    expect(teams.map((t) => [t.path.join(' › '), t.leader?.name ?? null, t.members])).toEqual([
      ['Product & Engineering', 'Ava Stone', 1],
      ['Product & Engineering › Engineering', 'Ben Ode', 1],
      ['Product & Engineering › Engineering › Platform', 'Cy Lam', 3],
    ]);
    const di = await person('di@acme.test');
    expect(di.team?.path).toEqual(['Product & Engineering', 'Engineering', 'Platform']);
    expect(di.teamLeader?.name).toBe('Cy Lam');
    expect(di.manager?.name).toBe('Cy Lam');

    // The same file again changes nothing; "no" then stops Cy leading Platform.
    expect(
      (
        await upload(
          'email,name,career_stage,team,manager_email,leads_team\ncy@acme.test,Cy Lam,team-lead,Platform,ben@acme.test,yes\n',
        )
      ).changes.unchanged,
    ).toBe(1);
    const stop = await upload(
      'email,name,career_stage,team,manager_email,leads_team\ncy@acme.test,Cy Lam,team-lead,Platform,ben@acme.test,no\n',
    );
    expect(stop.changes.update).toBe(1);
    expect((await tree()).find((t) => t.name === 'Platform')?.leader).toBeNull();
  });

  it('gives each contradicting row its own error and writes nothing', async () => {
    const before = JSON.stringify(await tree());
    const result = await upload(
      [
        'email,name,career_stage,team,manager_email,leads_team',
        'fay@acme.test,Fay Wu,manager,Design / Platform,,', // Platform is under Engineering
        'gus@acme.test,Gus Yu,manager,Sales / Sales,,', // a team inside itself
        'hal@acme.test,Hal Ng,manager,Ops / Field,,',
        'ivy@acme.test,Ivy Oh,manager,Support / Field,,', // Field is placed under Ops on line 4
        'jo@acme.test,Jo Kay,manager,Ops,,yes',
        'kim@acme.test,Kim Lee,manager,Ops,,yes', // a second leader for Ops
        'lou@acme.test,Lou Ma,manager,,,yes', // leads no team
        'max@acme.test,Max Ri,manager,Ops,,maybe',
        'ned@acme.test,Ned Bo,manager,Platform / A / B / C / D,,', // 7 levels
        'oli@acme.test,Oli Su,manager,Ops /  / Field,,',
      ].join('\n'),
    );
    expect(result.applied).toBe(false);
    expect(result.errors.map((e) => [e.line, e.column])).toEqual([
      [2, 'team'],
      [3, 'team'],
      [5, 'team'],
      [7, 'leads_team'],
      [8, 'leads_team'],
      [9, 'leads_team'],
      [10, 'team'],
      [11, 'team'],
    ]);
    const message = (line: number) => result.errors.find((e) => e.line === line)!.message;
    expect(message(2)).toMatch(/Platform is already under Engineering, not under Design/);
    expect(message(3)).toMatch(/twice/);
    expect(message(5)).toMatch(/under Ops \(line 4\)/);
    expect(message(7)).toMatch(/already gets a leader on line 6/);
    expect(message(10)).toMatch(/6 levels/);
    expect(JSON.stringify(await tree())).toBe(before);
    expect((await (await admin.get('/api/people?q=fay')).json()) as { total: number }).toMatchObject({
      total: 0,
    });
  });

  it('keeps files without leads_team, and a name containing "/" that already exists, importing as before', async () => {
    expect((await admin.post('/api/teams', { name: 'R/D' })).status).toBe(201);
    const result = await upload(
      'email,name,career_stage,team,manager_email,roles\npat@acme.test,Pat Gee,manager,r/d,,participant\n',
    );
    expect(result).toMatchObject({ applied: true, errors: [], changes: { create: 1, newTeams: [] } });
    expect((await person('pat@acme.test')).team?.path).toEqual(['R/D']);
  });
});
