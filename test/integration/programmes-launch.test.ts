// Steps go out on their dates by the job queue's launcher, with the test's clock: each (step,
// person) once, whether the launcher runs twice, in two processes at once, or is retried.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchAllDue } from '../../src/domains/programmes/jobs.ts';
import { createServices } from '../../src/server.ts';
import { testDatabaseKinds } from '../support/databases.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import {
  createProgramme,
  emailsTo,
  json,
  type ProgrammeOrg,
  programmeOrg,
  rows,
  tick,
} from './programmes-support.ts';

const START = '2026-03-09';
const at = (day: string, time = '06:00') => new Date(`${day}T${time}:00Z`);

describe.each(testDatabaseKinds())('programme steps launch on %s', (kind) => {
  let h: Harness;
  let o: ProgrammeOrg;

  beforeAll(async () => {
    h = await startHarness(kind);
    h.services.clock = () => at('2026-03-02');
    o = await programmeOrg(h, 'launch');
  });
  afterAll(() => h.close());

  const launches = async () =>
    Number((await rows(h, o.organisationId, sql`SELECT count(*)::int AS n FROM programme_launches`))[0]!.n);

  it('launches each step on its date, once, with its email and its 360', async () => {
    const p = await createProgramme(o.admin, { template: 'first-time-managers', startsOn: START });
    await json(
      await o.admin.post(`/api/admin/programmes/${p.id}/enrolments`, {
        by: 'person',
        personIds: [o.people.lead, o.people.dan],
      }),
      200,
    );
    expect(await tick(h, at('2026-03-08', '23:59'))).toBe(0);
    expect(await tick(h, at(START))).toBe(2);
    expect(await tick(h, at(START, '12:00'))).toBe(0);
    const mail = await emailsTo(h, o.organisationId, 'lead@launch.test');
    expect(mail.map((m) => m.subject)).toEqual(['First-time managers: Your starting point as a manager']);
    expect(mail[0]!.text).toContain('http://lodestar.test/assessment');

    // The 360 a week later: one campaign per person, created by the programme's admin.
    expect(await tick(h, at('2026-03-16'))).toBe(2);
    const campaigns = await rows(
      h,
      o.organisationId,
      sql`SELECT subject_id::text AS s, created_by_id::text AS c, status FROM feedback_campaigns
                      WHERE subject_id IN (${o.people.lead}, ${o.people.dan}) ORDER BY 1`,
    );
    expect(campaigns).toHaveLength(2);
    expect(campaigns.every((r) => r.c === o.adminId)).toBe(true);

    // The participant sees their launched steps, newest first.
    const steps = await rows(
      h,
      o.organisationId,
      sql`SELECT count(*)::int AS n FROM programme_launches WHERE person_id = ${o.people.lead}`,
    );
    expect(Number(steps[0]!.n)).toBe(2);

    // Months later in one go: everything up to the re-assessment, once.
    expect(await tick(h, at('2026-09-01'))).toBe(8);
    expect(await tick(h, at('2026-09-02'))).toBe(0);
    const detail = await json<{ steps: { launched: number; status: string }[] }>(
      await o.admin.get(`/api/admin/programmes/${p.id}`),
      200,
    );
    expect(detail.steps.map((s) => s.launched)).toEqual([2, 2, 2, 2, 2, 2]);
    expect(detail.steps.every((s) => s.status === 'launched')).toBe(true);
    expect(await emailsTo(h, o.organisationId, 'dan@launch.test')).toHaveLength(6);
  });

  it('launches once when two processes run the launcher at the same time', async () => {
    const p = await createProgramme(o.admin, { template: 'early-career', startsOn: '2026-10-01' });
    await json(
      await o.admin.post(`/api/admin/programmes/${p.id}/enrolments`, {
        by: 'team',
        teamId: o.teams.department,
        includeSubTeams: true,
      }),
      200,
    );
    const before = await launches();
    const when = at('2026-10-20');
    h.services.clock = () => when;
    // A second app on the same database: another server process with its own pool on PostgreSQL.
    const second = await createServices(h.services.config, h.services.log, h.database.db);
    second.clock = () => when;
    const results = await Promise.all([
      launchAllDue(h.services),
      launchAllDue(second),
      launchAllDue(h.services),
    ]);
    // Self-assessment (day 0) and 360 (day 7) for 7 people, whoever made them.
    expect(results.reduce((a, b) => a + b, 0)).toBe(14);
    expect((await launches()) - before).toBe(14);
    expect(await launchAllDue(h.services)).toBe(0);
  });
});
