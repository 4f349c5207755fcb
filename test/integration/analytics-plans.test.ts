// The analytics queries stay within one organisation's rows at scale (docs/decisions/0027): on
// PostgreSQL with a few thousand people in other organisations, every statement the snapshot
// decision and the pages run is EXPLAINed, and no plan may Seq Scan an organisation-keyed table
// without organisation_id in that scan's filter. Such a scan reads every tenant's rows: slow on one
// server, and on Citus (sharded by organisation_id) a query sent to every shard. PostgreSQL only:
// PGlite's plans say nothing about a server's.
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideSnapshot } from '../../src/domains/analytics/decide.ts';
import { createOrganisation } from '../../src/modules.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { type AnalyticsOrg, analyticsOrg } from './analytics-support.ts';
import { json } from './feedback-support.ts';

const NOW = new Date('2026-11-20T09:00:00Z');

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Filter?: string;
  'Index Cond'?: string;
  Plans?: PlanNode[];
}

function* nodes(plan: PlanNode): Generator<PlanNode> {
  yield plan;
  for (const child of plan.Plans ?? []) yield* nodes(child);
}

describe.skipIf(!process.env.DATABASE_URL)('analytics query plans on postgres', () => {
  let h: Harness;
  let o: AnalyticsOrg;

  beforeAll(async () => {
    h = await startHarness('postgres');
    h.services.clock = () => NOW;
    o = await analyticsOrg(h, 'plans', new Date('2026-11-03T09:00:00Z'));
    // Other tenants: 3 organisations × 1,500 people in 30 teams, each with two assessments.
    await h.services.db.asSystem(async (tx) => {
      for (const other of ['big1', 'big2', 'big3']) {
        const org = await createOrganisation(tx, { name: other, slug: other });
        await tx.execute(sql`INSERT INTO teams (organisation_id, name)
                             SELECT ${org}, 'team ' || g FROM generate_series(1, 30) g`);
        await tx.execute(sql`INSERT INTO people (organisation_id, email, name, career_stage_id, team_id, status)
                             SELECT ${org}, 'p' || g || '@' || ${other} || '.test', 'p' || g,
                                    (SELECT id FROM career_stages WHERE organisation_id = ${org} ORDER BY position LIMIT 1),
                                    (SELECT id FROM teams WHERE organisation_id = ${org} ORDER BY id OFFSET (g % 30) LIMIT 1),
                                    'active'
                               FROM generate_series(1, 1500) g`);
        await tx.execute(sql`INSERT INTO assessments (organisation_id, person_id, version_id, status, submitted_at)
                             SELECT ${org}, p.id, v.id, 'submitted', ${NOW.toISOString()}::timestamptz - (k || ' days')::interval
                               FROM people p CROSS JOIN generate_series(1, 2) k
                               JOIN framework_versions v ON v.organisation_id = ${org}
                              WHERE p.organisation_id = ${org}`);
      }
    });
    await h.services.db.asSystem((tx) => tx.execute(sql`ANALYZE`));
  }, 300_000);
  afterAll(() => h?.close());

  it('never scans another tenant’s rows, in the decision or the pages', async () => {
    const seen: Array<{ text: string; values: unknown[] }> = [];
    const original = pg.Client.prototype.query;
    // Records every statement the app sends while deciding and serving, to EXPLAIN it afterwards.
    // biome-ignore lint/suspicious/noExplicitAny: node-postgres' overloaded query signature.
    (pg.Client.prototype as any).query = function (this: pg.Client, ...args: any[]) {
      const [first, second] = args;
      const text = typeof first === 'string' ? first : first?.text;
      const values = typeof first === 'string' ? second : (first?.values ?? second);
      // Not checked: the session lookup of every request, which finds the organisation from the
      // cookie's token (by its unique hash) before any organisation is known (ADR 0027).
      if (
        typeof text === 'string' &&
        /^\s*(select|with)\b/i.test(text) &&
        !/pg_advisory/.test(text) &&
        !/^select "sessions"/i.test(text)
      )
        seen.push({ text, values: Array.isArray(values) ? values : [] });
      return original.apply(this, args as Parameters<typeof original>);
    };
    try {
      expect(await decideSnapshot(h.services, o.organisationId, { now: NOW })).toMatchObject({
        decided: true,
      });
      for (const page of ['heatmap', 'balance', 'derailers', 'funnel']) {
        await json(await o.admin.get(`/api/analytics/${page}`), 200);
        await json(await o.engLead.get(`/api/analytics/${page}?team=${o.teams.platform}`), 200);
      }
    } finally {
      pg.Client.prototype.query = original;
    }
    expect(seen.length).toBeGreaterThan(5);

    const client = new pg.Client({ connectionString: h.database.url });
    await client.connect();
    try {
      const tenantTables = new Set(
        (
          await client.query(
            `SELECT table_name FROM information_schema.columns
              WHERE table_schema = 'public' AND column_name = 'organisation_id'`,
          )
        ).rows.map((r: { table_name: string }) => r.table_name),
      );
      const offencesOf = async (text: string, values: unknown[]) => {
        const result = await client.query(`EXPLAIN (FORMAT JSON) ${text}`, values);
        const [{ Plan }] = result.rows[0]['QUERY PLAN'] as [{ Plan: PlanNode }];
        return [...nodes(Plan)]
          .filter((node) => node['Node Type'] === 'Seq Scan' && tenantTables.has(node['Relation Name'] ?? ''))
          .filter((node) => !/organisation_id/.test(node.Filter ?? ''))
          .map(
            (node) => `${node['Relation Name']} (filter: ${node.Filter ?? 'none'}) in: ${text.slice(0, 160)}`,
          );
      };
      // Control: a statement that reads every tenant's assessments is caught.
      expect(
        await offencesOf(`SELECT count(*) FROM assessments WHERE status = 'submitted'`, []),
      ).toHaveLength(1);
      // The snapshot's one set-based read of people was among those recorded.
      expect(seen.some(({ text }) => /LEFT JOIN LATERAL/.test(text))).toBe(true);
      const offences: string[] = [];
      for (const { text, values } of seen) offences.push(...(await offencesOf(text, values)));
      expect(offences).toEqual([]);
    } finally {
      await client.end();
    }
  });
});
