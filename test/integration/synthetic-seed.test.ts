// `seed --synthetic N`: a 300-person organisation seeded through the same code the CLI runs, checked
// for the invariants the real write paths keep (every person placed, an acyclic team tree whose
// leaders are its people, reporting lines up the career ladder), readable through the API as its
// admin and as a person with a released 360, reproducible from its fixed seed, and leaving every
// other organisation alone. Bad arguments are refused with one clear line.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/seed-demo.ts';
import { SyntheticOptionError, syntheticOptions } from '../../src/demo/synthetic/options.ts';
import { type SyntheticResult, seedSynthetic } from '../../src/demo/synthetic/seed-synthetic.ts';
import { testDatabaseKinds } from '../support/databases.ts';
import { addOrganisation, Client, type Harness, startHarness } from '../support/harness.ts';

const N = 300;
const SLUG = 'synth-test';

describe.each(testDatabaseKinds())('seed --synthetic on %s', (kind) => {
  let h: Harness;
  let seeded: SyntheticResult;
  let otherBefore: string;

  const rows = async <T>(query: ReturnType<typeof sql>) =>
    // drizzle types a raw statement's result per driver; both drivers return `rows`.
    ((await h.services.db.asSystem((tx) => tx.execute(query))) as unknown as { rows: T[] }).rows;
  const one = async <T>(query: ReturnType<typeof sql>) => (await rows<T>(query))[0]!;
  /** A digest of an organisation's data: people, teams, assessments, 360 rows, plans, climate answers. */
  const checksum = async (organisationId: string) =>
    (
      await one<{ sum: string }>(sql`
        SELECT md5(concat_ws('|',
          (SELECT string_agg(concat_ws(',', p.email, p.name, s.key, t.name, m.email, p.roles::text), ';' ORDER BY p.email)
             FROM people p JOIN career_stages s ON s.organisation_id = p.organisation_id AND s.id = p.career_stage_id
             LEFT JOIN teams t ON t.organisation_id = p.organisation_id AND t.id = p.team_id
             LEFT JOIN people m ON m.organisation_id = p.organisation_id AND m.id = p.manager_id
            WHERE p.organisation_id = ${organisationId}),
          (SELECT string_agg(concat_ws(',', id, person_id, status, answers::text, submitted_at::text), ';' ORDER BY id)
             FROM assessments WHERE organisation_id = ${organisationId}),
          (SELECT string_agg(concat_ws(',', id, campaign_id, rater_group, status, answers::text), ';' ORDER BY id)
             FROM feedback_raters WHERE organisation_id = ${organisationId}),
          (SELECT string_agg(concat_ws(',', id, kind, released_at::text), ';' ORDER BY id)
             FROM feedback_campaigns WHERE organisation_id = ${organisationId}),
          (SELECT string_agg(concat_ws(',', id, title, started_at::text), ';' ORDER BY id)
             FROM development_plans WHERE organisation_id = ${organisationId}),
          (SELECT string_agg(answers::text, ';' ORDER BY answers::text)
             FROM climate_responses WHERE organisation_id = ${organisationId})
        )) AS sum`)
    ).sum;

  beforeAll(async () => {
    h = await startHarness(kind);
    const other = await addOrganisation(h.services, 'other');
    otherBefore = await checksum(other.organisationId);
    seeded = await seedSynthetic(h.services, syntheticOptions({ synthetic: String(N), organisation: SLUG }));
  }, 240_000);
  afterAll(() => h?.close());

  it('writes the counts it reports, with about 8 rater responses per person', async () => {
    const org = seeded.organisationId;
    const c = await one<Record<string, number>>(sql`
      SELECT (SELECT count(*)::int FROM people WHERE organisation_id = ${org}) AS people,
             (SELECT count(*)::int FROM teams WHERE organisation_id = ${org}) AS teams,
             (SELECT count(*)::int FROM assessments WHERE organisation_id = ${org}) AS assessments,
             (SELECT count(*)::int FROM feedback_raters WHERE organisation_id = ${org} AND status = 'submitted') AS responses,
             (SELECT count(*)::int FROM feedback_campaigns WHERE organisation_id = ${org} AND kind = 'pulse') AS pulses,
             (SELECT count(*)::int FROM development_plans WHERE organisation_id = ${org}) AS plans,
             (SELECT count(*)::int FROM programmes WHERE organisation_id = ${org}) AS programmes,
             (SELECT count(*)::int FROM climate_rounds WHERE organisation_id = ${org} AND status = 'closed') AS rounds`);
    expect(c.people).toBe(N);
    expect(c.teams).toBe(seeded.counts.teams);
    expect(c.assessments).toBe(seeded.counts.assessments);
    expect(c.responses).toBe(seeded.counts.raterResponses);
    expect(c.pulses).toBe(seeded.counts.pulses);
    expect(c.plans).toBe(seeded.counts.plans);
    expect(c.programmes).toBeGreaterThanOrEqual(2);
    expect(c.rounds).toBe(4);
    expect(c.responses! / N).toBeGreaterThan(5);
    expect(c.responses! / N).toBeLessThan(12);
    expect(c.pulses).toBeGreaterThan(0);
  });

  it('places everyone: a team and a stage each, in a pyramid', async () => {
    const placed = await rows<{ key: string; n: number; unplaced: number }>(sql`
      SELECT s.key, count(p.id)::int AS n, count(*) FILTER (WHERE p.team_id IS NULL)::int AS unplaced
        FROM career_stages s LEFT JOIN people p ON p.organisation_id = s.organisation_id AND p.career_stage_id = s.id
       WHERE s.organisation_id = ${seeded.organisationId} GROUP BY s.key, s.position ORDER BY s.position`);
    expect(placed.map((s) => s.key)).toEqual([
      'individual-contributor',
      'team-lead',
      'manager',
      'senior-leader',
      'executive',
    ]);
    expect(placed.every((s) => s.unplaced === 0 && s.n > 0)).toBe(true);
    expect(placed[0]!.n / N).toBeGreaterThan(0.5);
    expect(placed[4]!.n / N).toBeLessThan(0.03);
  });

  it('has an acyclic team tree at most 6 deep, each team led by one of its own, active people', async () => {
    const tree = await one<{ teams: number; reached: number; depth: number; badLeaders: number }>(sql`
      WITH RECURSIVE walk AS (
        SELECT id, 1 AS depth FROM teams WHERE organisation_id = ${seeded.organisationId} AND parent_team_id IS NULL
        UNION ALL
        SELECT t.id, w.depth + 1 FROM teams t JOIN walk w ON t.parent_team_id = w.id
         WHERE t.organisation_id = ${seeded.organisationId} AND w.depth < 50)
      SELECT (SELECT count(*)::int FROM teams WHERE organisation_id = ${seeded.organisationId}) AS teams,
             (SELECT count(DISTINCT id)::int FROM walk) AS reached,
             (SELECT max(depth)::int FROM walk) AS depth,
             (SELECT count(*)::int FROM teams t LEFT JOIN people l ON l.organisation_id = t.organisation_id AND l.id = t.leader_id
               WHERE t.organisation_id = ${seeded.organisationId}
                 AND (l.id IS NULL OR l.status <> 'active' OR l.team_id <> t.id)) AS "badLeaders"`);
    // Every team is reached from a root exactly once: no cycle, nothing dangling.
    expect(tree.reached).toBe(tree.teams);
    expect(tree.depth).toBeLessThanOrEqual(6);
    expect(tree.depth).toBeGreaterThanOrEqual(3);
    expect(tree.badLeaders).toBe(0);
  });

  // Up or level: executives report to the chief executive, some managers to a senior manager.
  it('has reporting lines up the ladder to one chief executive', async () => {
    const lines = await one<{ roots: number; notUp: number; otherOrg: number }>(sql`
      SELECT count(*) FILTER (WHERE p.manager_id IS NULL)::int AS roots,
             count(*) FILTER (WHERE ms.position < ps.position)::int AS "notUp",
             (SELECT count(*)::int FROM people x JOIN people y ON y.id = x.manager_id AND y.organisation_id <> x.organisation_id
               WHERE x.organisation_id = ${seeded.organisationId}) AS "otherOrg"
        FROM people p
        JOIN career_stages ps ON ps.organisation_id = p.organisation_id AND ps.id = p.career_stage_id
        LEFT JOIN people m ON m.organisation_id = p.organisation_id AND m.id = p.manager_id
        LEFT JOIN career_stages ms ON ms.organisation_id = m.organisation_id AND ms.id = m.career_stage_id
       WHERE p.organisation_id = ${seeded.organisationId}`);
    expect(lines).toEqual({ roots: 1, notUp: 0, otherOrg: 0 });
  });

  it('lets the admin sign in, and a person read their released 360 report and profile', async () => {
    expect(seeded.admin).toEqual({ email: `admin@${SLUG}.example`, password: DEMO_PASSWORD });
    const admin = new Client(h.app);
    expect((await admin.signIn(seeded.admin.email, seeded.admin.password)).status).toBe(200);
    expect((await admin.get('/api/admin/feedback/campaigns')).status).toBe(200);
    const subject = await one<{ email: string; id: string }>(sql`
      SELECT p.email, c.id FROM feedback_campaigns c JOIN people p ON p.organisation_id = c.organisation_id AND p.id = c.subject_id
       WHERE c.organisation_id = ${seeded.organisationId} AND c.kind = 'full' ORDER BY c.id LIMIT 1`);
    const person = new Client(h.app);
    expect((await person.signIn(subject.email, DEMO_PASSWORD)).status).toBe(200);
    const report = await person.get(`/api/feedback/campaigns/${subject.id}/report`);
    expect(report.status).toBe(200);
    const body = (await report.json()) as {
      capabilities: unknown[];
      groups: { responded: number }[];
      selfSource: { assessmentId: string | null };
    };
    expect(body.capabilities.length).toBeGreaterThan(0);
    expect(body.groups.reduce((n, g) => n + g.responded, 0)).toBeGreaterThan(0);
    expect((await person.get('/api/me/profile')).status).toBe(200);
  });

  it('is reproducible: seeding again replaces the organisation with the same data; others untouched', async () => {
    const first = await checksum(seeded.organisationId);
    const again = await seedSynthetic(
      h.services,
      syntheticOptions({ synthetic: String(N), organisation: SLUG }),
    );
    expect(again.organisationId).not.toBe(seeded.organisationId);
    expect(await checksum(again.organisationId)).toBe(first);
    const orgs = await rows<{ slug: string }>(sql`SELECT slug FROM organisations ORDER BY slug`);
    expect(orgs.map((o) => o.slug)).toEqual(['other', SLUG]);
    const other = await one<{ id: string }>(sql`SELECT id FROM organisations WHERE slug = 'other'`);
    expect(await checksum(other.id)).toBe(otherBefore);
    seeded = again;
  }, 240_000);
});

describe('seed --synthetic arguments', () => {
  it('refuses a bad size or slug, naming the option and the rule', () => {
    const refused = (raw: { synthetic: string; organisation?: string }) => {
      try {
        syntheticOptions(raw);
      } catch (err) {
        expect(err).toBeInstanceOf(SyntheticOptionError);
        return (err as Error).message;
      }
      throw new Error(`accepted ${JSON.stringify(raw)}`);
    };
    expect(refused({ synthetic: '9' })).toMatch(/^--synthetic: must be from 10 to 200000 people, got 9/);
    expect(refused({ synthetic: '200001' })).toMatch(/^--synthetic: must be from 10/);
    expect(refused({ synthetic: '1e4' })).toMatch(/^--synthetic: must be a whole number/);
    expect(refused({ synthetic: '12.5' })).toMatch(/^--synthetic: must be a whole number/);
    expect(refused({ synthetic: '100', organisation: 'Big Org' })).toMatch(/^--organisation: must be 1–63/);
    expect(refused({ synthetic: '100', organisation: '-x' })).toMatch(/^--organisation:/);
    expect(refused({ synthetic: '100', organisation: 'demo' })).toMatch(/demo organisation; use seed --demo/);
    expect(syntheticOptions({ synthetic: '10000' })).toEqual({ people: 10_000, slug: 'synthetic-10000' });
    expect(syntheticOptions({ synthetic: '10', organisation: 'acme-2' })).toEqual({
      people: 10,
      slug: 'acme-2',
    });
  });

  it('the CLI wants exactly one of --demo and --synthetic N, and writes nothing otherwise', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lodestar-synthetic-'));
    const lodestar = (...args: string[]) =>
      spawnSync(process.execPath, [join(import.meta.dirname, '../../bin/lodestar.js'), ...args], {
        cwd: dir,
        env: { ...process.env, DATABASE_URL: '', LODESTAR_DATA_DIR: join(dir, 'data'), LOG_LEVEL: 'silent' },
        encoding: 'utf8',
        timeout: 60_000,
      });
    const neither = lodestar('seed');
    expect(neither.status).toBe(1);
    expect(neither.stderr).toMatch(/give --demo or --synthetic N/);
    const both = lodestar('seed', '--demo', '--synthetic', '100');
    expect(both.status).toBe(1);
    expect(both.stderr).toMatch(/either --demo or --synthetic N, not both/);
    const small = lodestar('seed', '--synthetic', '5');
    expect(small.status).toBe(1);
    expect(small.stderr.trim()).toBe('lodestar: --synthetic: must be from 10 to 200000 people, got 5');
  }, 90_000);
});
