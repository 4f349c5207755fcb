// Enrolment by team (with or without sub-teams), career stage, a manager's line, people, and CSV;
// leaving keeps the person's own data; late joiners get the steps they missed at once.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../support/databases.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import {
  createProgramme,
  type ErrorBody,
  json,
  type ProgrammeOrg,
  programmeOrg,
  rows,
} from './programmes-support.ts';

const NOW = new Date('2026-03-02T09:00:00Z');
type Enrolment = { personId: string; status: string; source: string };
type Result = {
  applied: boolean;
  enrolled: number;
  already: number;
  launched: number;
  errors: { line: number; column: string; message: string }[];
};

describe.each(testDatabaseKinds())('programme enrolment on %s', (kind) => {
  let h: Harness;
  let o: ProgrammeOrg;
  const names = (ids: string[]) =>
    ids.map((id) => Object.entries(o.people).find(([, v]) => v === id)?.[0] ?? 'other').sort();
  const enrolled = async (programmeId: string) =>
    json<Enrolment[]>(await o.admin.get(`/api/admin/programmes/${programmeId}/enrolments`), 200);
  const enrol = async (programmeId: string, body: unknown, status = 200) =>
    json<Result>(await o.admin.post(`/api/admin/programmes/${programmeId}/enrolments`, body), status);
  const upcoming = () => createProgramme(o.admin, { template: 'early-career', startsOn: '2026-04-01' });

  beforeAll(async () => {
    h = await startHarness(kind);
    h.services.clock = () => NOW;
    o = await programmeOrg(h, 'enrol');
  });
  afterAll(() => h.close());

  it('enrols a team alone, or with its sub-teams', async () => {
    const p = await upcoming();
    expect(await enrol(p.id, { by: 'team', teamId: o.teams.department })).toMatchObject({ enrolled: 2 });
    expect(names((await enrolled(p.id)).map((e) => e.personId))).toEqual(['eve', 'head']);
    const r = await enrol(p.id, { by: 'team', teamId: o.teams.department, includeSubTeams: true });
    expect(r).toMatchObject({ applied: true, enrolled: 5, already: 2, launched: 0 });
    expect(names((await enrolled(p.id)).map((e) => e.personId))).toEqual([
      'ann',
      'bob',
      'cat',
      'dan',
      'eve',
      'head',
      'lead',
    ]);
  });

  it("enrols a career stage, a manager's whole line, and people one by one", async () => {
    const byStage = await upcoming();
    await enrol(byStage.id, { by: 'stage', careerStageId: o.stages['individual-contributor'] });
    // The participant, coach and admin of addOrganisation are individual contributors too.
    expect(names((await enrolled(byStage.id)).map((e) => e.personId))).toEqual([
      'ann',
      'bob',
      'cat',
      'eve',
      'other',
      'other',
      'other',
    ]);

    const byLine = await upcoming();
    await enrol(byLine.id, { by: 'line', managerId: o.people.head });
    expect(names((await enrolled(byLine.id)).map((e) => e.personId))).toEqual(['ann', 'bob', 'lead']);

    const one = await upcoming();
    await enrol(one.id, { by: 'person', personIds: [o.people.dan] });
    expect(await enrolled(one.id)).toMatchObject([
      { personId: o.people.dan, source: 'person', status: 'enrolled' },
    ]);
  });

  it('names the field of a bad enrolment and writes nothing', async () => {
    const p = await upcoming();
    const cases: [unknown, string][] = [
      [{ by: 'team', teamId: p.id }, 'teamId'],
      [{ by: 'stage', careerStageId: p.id }, 'careerStageId'],
      [{ by: 'line', managerId: p.id }, 'managerId'],
      [{ by: 'person', personIds: [o.people.ann, p.id] }, 'personIds.1'],
      [{ by: 'person', personIds: ['nope'] }, 'personIds.0'],
      [{ by: 'everyone' }, 'by'],
    ];
    for (const [body, field] of cases) {
      const res = await enrol(p.id, body, 400);
      expect(Object.keys((res as unknown as ErrorBody).error.fields ?? {}), JSON.stringify(body)).toContain(
        field,
      );
    }
    expect(await enrolled(p.id)).toEqual([]);
  });

  it('enrols from a CSV of emails, all or nothing, with an error per bad row', async () => {
    const p = await upcoming();
    const csv = (text: string) =>
      o.admin.request('POST', `/api/admin/programmes/${p.id}/enrolments/csv`, text, {
        'content-type': 'text/csv',
      });
    const bad = await json<Result>(
      await csv(
        'name,email\nAnn,ann@enrol.test\nNobody,nobody@enrol.test\nAnn again,ANN@enrol.test\nX,not-an-email\n',
      ),
      200,
    );
    expect(bad.applied).toBe(false);
    expect(bad.errors).toEqual([
      { line: 3, column: 'email', message: 'is not a person of this organisation' },
      { line: 4, column: 'email', message: 'appears twice (first on line 2)' },
      { line: 5, column: 'email', message: 'must be an email address' },
    ]);
    expect(await enrolled(p.id)).toEqual([]);
    const file = await json<ErrorBody>(await csv('name\nAnn\n'), 400);
    expect(file.error.fields?.file).toMatch(/email/);
    const good = await json<Result>(await csv('email\nann@enrol.test\nbob@enrol.test\n'), 200);
    expect(good).toMatchObject({ applied: true, enrolled: 2, errors: [] });
    expect((await enrolled(p.id)).map((e) => e.source)).toEqual(['csv', 'csv']);
  });

  it('marks a leaver left and leaves their own data alone; late joiners get the steps they missed', async () => {
    // Started 10 days ago: the self-assessment (day 0) and the 360 (day 7) are due already.
    const p = await createProgramme(o.admin, { template: 'early-career', startsOn: '2026-02-20' });
    const r = await enrol(p.id, { by: 'person', personIds: [o.people.ann, o.people.bob] });
    expect(r).toMatchObject({ enrolled: 2, launched: 4 });
    const campaigns = (personId: string) =>
      rows(
        h,
        o.organisationId,
        sql`SELECT id::text, status FROM feedback_campaigns WHERE subject_id = ${personId}`,
      );
    const before = await campaigns(o.people.ann);
    expect(before).toHaveLength(1);

    expect((await o.admin.delete(`/api/admin/programmes/${p.id}/enrolments/${o.people.ann}`)).status).toBe(
      204,
    );
    expect((await o.admin.delete(`/api/admin/programmes/${p.id}/enrolments/${o.people.ann}`)).status).toBe(
      404,
    );
    const list = await enrolled(p.id);
    expect(list.find((e) => e.personId === o.people.ann)?.status).toBe('left');
    expect(await campaigns(o.people.ann)).toEqual(before);

    // Coming back launches nothing twice.
    expect(await enrol(p.id, { by: 'person', personIds: [o.people.ann] })).toMatchObject({
      enrolled: 1,
      launched: 0,
    });
  });

  it('refuses to enrol into a programme that has ended', async () => {
    const p = await createProgramme(o.admin, { template: 'early-career', startsOn: '2025-01-01' });
    const res = await json<ErrorBody>(
      await o.admin.post(`/api/admin/programmes/${p.id}/enrolments`, {
        by: 'person',
        personIds: [o.people.cat],
      }),
      409,
    );
    expect(res.error.message).toMatch(/ended/);
  });
});
