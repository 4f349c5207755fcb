// The framework version caches are read both inside a request's transaction and, by the
// single-statement write paths, outside any (ADR 0008). A cold cache read from both sides at once
// must not deadlock: on PGlite the transaction holder once waited for a load that needed its
// connection, and every later request hung.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  currentVersion,
  publishedVersion,
  publishedVersionOf,
  publishedVersionsOf,
} from '../../src/domains/framework/service.ts';
import { createOrganisation } from '../../src/modules.ts';
import { queryRows } from '../../src/platform/db/rows.ts';
import { openTestDatabase, type TestDatabase, testDatabaseKinds } from '../support/databases.ts';

const withinSeconds = <T>(promise: Promise<T>, seconds = 5) =>
  Promise.race([
    promise,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`still waiting after ${seconds} s: deadlock`)), seconds * 1000),
    ),
  ]);

describe.each(testDatabaseKinds())('framework version caches on %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(kind);
  });
  afterAll(() => t.drop());

  const newOrganisation = (slug: string) =>
    t.db.asSystem((tx) => createOrganisation(tx, { name: slug, slug }));

  it('a transaction and a transaction-less read of a cold version list do not wait on each other', async () => {
    const org = await newOrganisation('cold-list');
    const [inside, outside] = await withinSeconds(
      Promise.all([
        t.db.inOrganisation(org, (tx) => currentVersion(tx, t.db.kind, org)),
        publishedVersionsOf(t.db, org),
      ]),
    );
    expect(outside.map((v) => v.id)).toEqual([inside.id]);
    await withinSeconds(t.db.asSystem((tx) => tx.execute(sql`SELECT 1`)));
  });

  it('nor do they for one cold version definition', async () => {
    const org = await newOrganisation('cold-version');
    // Read past the caches, so the definition is not cached yet.
    const [row] = await t.db.asSystem((tx) =>
      queryRows(
        tx,
        sql`SELECT id FROM framework_versions WHERE organisation_id = ${org}`,
        z.object({ id: z.string() }),
      ),
    );
    const [a, b] = await withinSeconds(
      Promise.all([
        t.db.inOrganisation(org, (tx) => publishedVersion(tx, t.db.kind, org, row!.id)),
        publishedVersionOf(t.db, org, row!.id),
      ]),
    );
    expect(a.id).toBe(b.id);
  });
});
