import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { careerStages } from '../../src/identity/organisations/schema.ts';
import { people } from '../../src/identity/people/schema.ts';
import { NestedTransactionError } from '../../src/platform/db/database.ts';
import { col, queryRows } from '../../src/platform/db/rows.ts';
import { organisations } from '../../src/platform/tenancy/schema.ts';
import { openTestDatabase, type TestDatabase, testDatabaseKinds } from '../support/databases.ts';

describe.each(testDatabaseKinds())('database on %s', (kind) => {
  let t: TestDatabase;
  const orgA = '00000000-0000-4000-8000-00000000000a';
  const orgB = '00000000-0000-4000-8000-00000000000b';

  beforeAll(async () => {
    t = await openTestDatabase(kind);
    await t.db.asSystem(async (tx) => {
      await tx.insert(organisations).values([
        { id: orgA, slug: 'a', name: 'A' },
        { id: orgB, slug: 'b', name: 'B' },
      ]);
      for (const org of [orgA, orgB]) {
        const [stage] = await tx
          .insert(careerStages)
          .values({ organisationId: org, key: 'ic', name: 'IC', position: 0 })
          .returning();
        await tx.insert(people).values([
          { organisationId: org, email: `one@${org}.test`, name: 'One', careerStageId: stage!.id },
          { organisationId: org, email: `two@${org}.test`, name: 'Two', careerStageId: stage!.id },
        ]);
      }
      await tx.insert(people).values({
        organisationId: orgB,
        email: 'three@b.test',
        name: 'Three',
        careerStageId: (await tx.select().from(careerStages).where(sql`organisation_id = ${orgB}`))[0]!.id,
      });
    });
  });
  afterAll(() => t.drop());

  it('a query that forgets the organisation filter still sees only its own rows', async () => {
    const seenByA = await t.db.inOrganisation(orgA, (tx) => tx.select().from(people));
    const seenByB = await t.db.inOrganisation(orgB, (tx) => tx.select().from(people));
    expect(seenByA).toHaveLength(2);
    expect(seenByA.every((p) => p.organisationId === orgA)).toBe(true);
    expect(seenByB).toHaveLength(3);
    const orgs = await t.db.inOrganisation(orgA, (tx) => tx.select().from(organisations));
    expect(orgs.map((o) => o.id)).toEqual([orgA]);
  });

  it('refuses to write a row into another organisation', async () => {
    const stageB = await t.db.inOrganisation(orgB, (tx) => tx.select().from(careerStages));
    await expect(
      t.db.inOrganisation(orgA, (tx) =>
        tx
          .insert(people)
          .values({ organisationId: orgB, email: 'x@b.test', name: 'X', careerStageId: stageB[0]!.id }),
      ),
    ).rejects.toThrow();
  });

  it('cannot point a row at another organisation’s row (composite foreign keys)', async () => {
    const stageB = await t.db.inOrganisation(orgB, (tx) => tx.select().from(careerStages));
    await expect(
      t.db.asSystem((tx) =>
        tx
          .insert(people)
          .values({ organisationId: orgA, email: 'x@a.test', name: 'X', careerStageId: stageB[0]!.id }),
      ),
    ).rejects.toThrow();
  });

  it('without an organisation set, tenant tables show nothing', async () => {
    const rows = await t.db.inOrganisation('00000000-0000-4000-8000-0000000000ff', (tx) =>
      tx.select().from(people),
    );
    expect(rows).toEqual([]);
  });

  it('raw counts are numbers on every driver', async () => {
    const [row] = await t.db.asSystem((tx) =>
      queryRows(
        tx,
        sql`SELECT count(*) AS n, now() AS at FROM people`,
        z.object({ n: col.count, at: col.timestamp }),
      ),
    );
    expect(row!.n).toBe(5);
    expect(typeof row!.n).toBe('number');
    expect(row!.at).toBeInstanceOf(Date);
  });

  it('a single-statement write runs under row-level security, as one transaction', async () => {
    const seen = await t.db.statementInOrganisation(
      orgA,
      sql`SELECT organisation_id AS "organisationId", current_user AS "user" FROM people`,
      z.object({ organisationId: z.string(), user: z.string() }),
    );
    expect(seen).toHaveLength(2);
    expect(seen.every((r) => r.organisationId === orgA && r.user === 'lodestar_app')).toBe(true);
    // A failing statement leaves nothing behind: the rename and the error are one transaction.
    await expect(
      t.db.statementInOrganisation(
        orgA,
        sql`UPDATE people SET name = CASE WHEN email LIKE 'two%' THEN (1 / 0)::text ELSE 'Renamed' END`,
        z.object({}),
      ),
    ).rejects.toThrow(/division by zero/);
    const names = await t.db.inOrganisation(orgA, (tx) => tx.select({ name: people.name }).from(people));
    expect(names.map((n) => n.name).sort()).toEqual(['One', 'Two']);
    // And the settings end with it: the pooled connection is the owner again.
    const [after] = await t.db.asSystem((tx) =>
      queryRows(
        tx,
        sql`SELECT current_user AS "user", coalesce(current_setting('lodestar.organisation_id', true), '') AS org`,
        z.object({ user: z.string(), org: z.string() }),
      ),
    );
    expect(after!.user).not.toBe('lodestar_app');
    expect(after!.org).toBe('');
  });

  it('inlined text reaches the database exactly as bound text would', async () => {
    const samples = [
      "O'Brien",
      'back\\slash \\',
      '$1 and $2',
      "'; DROP TABLE people; --",
      'émoji 🧭 and \u0001 controls \t\n',
      '"quoted" E\'x\'',
    ];
    for (const text of samples) {
      const [row] = await t.db.statementInOrganisation(
        orgA,
        sql`SELECT ${text}::text AS value, ${text}::text = ${text} AS same`,
        z.object({ value: z.string(), same: z.boolean() }),
      );
      expect(row).toEqual({ value: text, same: true });
    }
  });

  it('maintenance refreshes the planner statistics on PGlite (autovacuum does it on PostgreSQL)', async () => {
    const tuples = async () => {
      const [row] = await t.db.asSystem((tx) =>
        queryRows(
          tx,
          sql`SELECT reltuples AS n FROM pg_class WHERE relname = 'people' AND relkind = 'r'`,
          z.object({ n: col.number }),
        ),
      );
      return row!.n;
    };
    await t.db.maintain();
    // After ANALYZE the estimate is the real count (5 people); PostgreSQL's autovacuum may or may
    // not have run yet, so there maintain() only has to succeed.
    if (kind === 'pglite') expect(await tuples()).toBe(5);
  });

  it.runIf(kind === 'postgres')('survives the server ending its idle connections', async () => {
    // Several connections in the pool, then all but the current one ended by the server.
    await Promise.all(
      Array.from({ length: 4 }, () => t.db.asSystem((tx) => tx.execute(sql`SELECT pg_sleep(0.05)`))),
    );
    await t.db.asSystem((tx) =>
      tx.execute(
        sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
             WHERE datname = current_database() AND pid <> pg_backend_pid()`,
      ),
    );
    await new Promise((r) => setTimeout(r, 200));
    const rows = await t.db.inOrganisation(orgA, (tx) => tx.select().from(people));
    expect(rows).toHaveLength(2);
  });

  it('refuses a transaction opened inside another instead of deadlocking', async () => {
    await expect(
      t.db.inOrganisation(orgA, async () => {
        await t.db.inOrganisation(orgA, async () => 1);
      }),
    ).rejects.toBeInstanceOf(NestedTransactionError);
    // and the database is still usable afterwards
    expect(await t.db.inOrganisation(orgA, (tx) => tx.select().from(people))).toHaveLength(2);
  });

  it('every table with organisation_id has row-level security and the tenant policy', async () => {
    const rows = await t.db.asSystem((tx) =>
      queryRows(
        tx,
        sql`SELECT c.relname AS table, c.relrowsecurity AS rls,
                   EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid AND p.polname = 'tenant_isolation') AS policy
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = 'public' AND c.relkind = 'r'
               AND (EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'organisation_id')
                    OR c.relname = 'organisations')`,
        z.object({ table: z.string(), rls: z.boolean(), policy: z.boolean() }),
      ),
    );
    expect(rows.length).toBeGreaterThanOrEqual(7);
    for (const r of rows)
      expect({ table: r.table, rls: r.rls, policy: r.policy }).toEqual({
        table: r.table,
        rls: true,
        policy: true,
      });
  });

  it('a private table shows its rows to their owner only, and takes writes from the owner only', async () => {
    const [one, two] = await t.db.asSystem((tx) =>
      queryRows(
        tx,
        sql`SELECT id FROM people WHERE organisation_id = ${orgA} ORDER BY email`,
        z.object({ id: z.string() }),
      ),
    );
    await t.db.asSystem(async (tx) => {
      await tx.execute(sql`CREATE TABLE IF NOT EXISTS privacy_probe (
        organisation_id uuid NOT NULL, owner_id uuid NOT NULL, body text NOT NULL)`);
      await tx.execute(sql`SELECT lodestar_enable_tenancy('privacy_probe')`);
      await tx.execute(sql`SELECT lodestar_enable_person_privacy('privacy_probe')`);
    });
    const read = (person?: string) =>
      t.db.inOrganisation(
        orgA,
        (tx) => queryRows(tx, sql`SELECT body FROM privacy_probe`, z.object({ body: z.string() })),
        person,
      );
    await t.db.inOrganisation(
      orgA,
      (tx) => tx.execute(sql`INSERT INTO privacy_probe VALUES (${orgA}, ${one!.id}, 'mine')`),
      one!.id,
    );
    expect(await read(one!.id)).toEqual([{ body: 'mine' }]);
    expect(await read(two!.id)).toEqual([]);
    expect(await read()).toEqual([]);
    // Someone else can neither write in the owner's name nor change or delete the owner's rows.
    await expect(
      t.db.inOrganisation(
        orgA,
        (tx) => tx.execute(sql`INSERT INTO privacy_probe VALUES (${orgA}, ${one!.id}, 'forged')`),
        two!.id,
      ),
    ).rejects.toMatchObject({ cause: { message: expect.stringMatching(/row-level security/) } });
    await t.db.inOrganisation(
      orgA,
      async (tx) => {
        await tx.execute(sql`UPDATE privacy_probe SET body = 'changed'`);
        await tx.execute(sql`DELETE FROM privacy_probe`);
      },
      two!.id,
    );
    expect(await read(one!.id)).toEqual([{ body: 'mine' }]);
    await t.db.asSystem((tx) => tx.execute(sql`DROP TABLE privacy_probe`));
  });

  it('every table with an owner_id column is private to its owner', async () => {
    const rows = await t.db.asSystem((tx) =>
      queryRows(
        tx,
        sql`SELECT c.relname AS table,
                   (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid AND NOT p.polpermissive
                       AND p.polname IN ('person_read', 'person_insert', 'person_update', 'person_delete')) AS policies
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = 'public' AND c.relkind = 'r'
               AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'owner_id')`,
        z.object({ table: z.string(), policies: z.number() }),
      ),
    );
    for (const r of rows) expect(r).toEqual({ table: r.table, policies: 4 });
  });

  it('every tenant table keys its primary key and unique constraints by organisation', async () => {
    const rows = await t.db.asSystem((tx) =>
      queryRows(
        tx,
        sql`SELECT con.conname AS name, con.contype AS type,
                   EXISTS (SELECT 1 FROM unnest(con.conkey) k JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k
                            WHERE a.attname = 'organisation_id') AS keyed
              FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid
             WHERE con.contype IN ('p', 'u', 'f') AND c.relname <> 'organisations'
               AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'organisation_id')`,
        z.object({ name: z.string(), type: z.string(), keyed: z.boolean() }),
      ),
    );
    expect(rows.length).toBeGreaterThan(10);
    for (const r of rows) expect({ name: r.name, keyed: r.keyed }).toEqual({ name: r.name, keyed: true });
  });
});
