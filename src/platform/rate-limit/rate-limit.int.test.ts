import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openTestDatabase, type TestDatabase, testDatabaseKinds } from '../../../test/support/databases.ts';
import { queryRows } from '../db/rows.ts';
import { organisations } from '../tenancy/schema.ts';
import { hit, PLATFORM_SCOPE, peek, pruneRateLimits, type RateLimit, reset } from './rate-limit.ts';

const orgA = '00000000-0000-4000-8000-0000000000c1';
const orgB = '00000000-0000-4000-8000-0000000000c2';

describe.each(testDatabaseKinds())('rate limits on %s', (kind) => {
  let t: TestDatabase;

  beforeAll(async () => {
    t = await openTestDatabase(kind);
    await t.db.asSystem((tx) =>
      tx.insert(organisations).values([
        { id: orgA, slug: 'rl-a', name: 'RL A' },
        { id: orgB, slug: 'rl-b', name: 'RL B' },
      ]),
    );
  });
  afterAll(() => t.drop());
  beforeEach(() => t.db.asSystem((tx) => tx.execute(sql`DELETE FROM rate_limits`)));

  const limit = (over: Partial<RateLimit> = {}): RateLimit => ({
    scope: PLATFORM_SCOPE,
    key: 'sign-in:account:ana@example.org',
    windowMs: 60_000,
    max: 3,
    ...over,
  });
  const system = <T>(fn: Parameters<typeof t.db.asSystem<T>>[0]) => t.db.asSystem(fn);
  /** Moves every window's end to now, instead of waiting for it. */
  const endWindows = () => system((tx) => tx.execute(sql`UPDATE rate_limits SET reset_at = now()`));

  it('allows `max` hits per window, then refuses with the seconds left, without moving the window', async () => {
    const verdicts = [];
    for (let i = 0; i < 5; i++) verdicts.push(await system((tx) => hit(tx, limit())));
    expect(verdicts.map((v) => [v.allowed, v.hits])).toEqual([
      [true, 1],
      [true, 2],
      [true, 3],
      [false, 4],
      [false, 5],
    ]);
    expect(verdicts[0]!.retryAfterSeconds).toBe(0);
    const refused = verdicts[3]!;
    expect(refused.retryAfterSeconds).toBeGreaterThan(55);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(refused.resetAt!.getTime()).toBeGreaterThan(Date.now() + 55_000);
    // denied hits do not extend the window
    expect(verdicts[4]!.resetAt!.toISOString()).toBe(verdicts[0]!.resetAt!.toISOString());
  });

  it('peek says whether one more hit would pass, without counting one', async () => {
    expect(await system((tx) => peek(tx, limit()))).toEqual({
      allowed: true,
      hits: 0,
      retryAfterSeconds: 0,
      resetAt: null,
    });
    for (let i = 0; i < 2; i++) await system((tx) => hit(tx, limit()));
    expect(await system((tx) => peek(tx, limit()))).toMatchObject({ allowed: true, hits: 2 });
    expect(await system((tx) => peek(tx, limit()))).toMatchObject({ allowed: true, hits: 2 });
    await system((tx) => hit(tx, limit()));
    const full = await system((tx) => peek(tx, limit()));
    expect(full).toMatchObject({ allowed: false, hits: 3 });
    expect(full.retryAfterSeconds).toBeGreaterThan(55);
  });

  it('starts a new window at one hit once the last has ended, and reset forgets a key', async () => {
    for (let i = 0; i < 4; i++) await system((tx) => hit(tx, limit()));
    await endWindows();
    expect(await system((tx) => peek(tx, limit()))).toMatchObject({ allowed: true, hits: 0 });
    expect(await system((tx) => hit(tx, limit()))).toMatchObject({ allowed: true, hits: 1 });

    await system((tx) => hit(tx, limit({ key: 'other' })));
    await system((tx) => reset(tx, limit()));
    expect(await system((tx) => peek(tx, limit()))).toMatchObject({ hits: 0 });
    expect(await system((tx) => peek(tx, limit({ key: 'other' })))).toMatchObject({ hits: 1 });
  });

  it('keeps scopes and keys apart, and stores keys only as hashes', async () => {
    await system((tx) => hit(tx, limit({ max: 1 })));
    expect(await system((tx) => hit(tx, limit({ max: 1, scope: orgA })))).toMatchObject({ allowed: true });
    expect(
      await system((tx) => hit(tx, limit({ max: 1, key: 'sign-in:account:ben@example.org' }))),
    ).toMatchObject({ allowed: true });
    const stored = await system((tx) =>
      queryRows(
        tx,
        sql`SELECT scope, key_hash FROM rate_limits`,
        z.object({ scope: z.string(), key_hash: z.string() }),
      ),
    );
    expect(stored).toHaveLength(3);
    for (const row of stored) expect(row.key_hash).not.toMatch(/example\.org|sign-in/);
  });

  it('counts exactly under concurrent hits: one of ten gets a one-hit window', async () => {
    const verdicts = await Promise.all(
      Array.from({ length: 10 }, () => system((tx) => hit(tx, limit({ max: 1, key: 'race' })))),
    );
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(1);
    expect(verdicts.map((v) => v.hits).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('lets a tenant transaction count only in its own organisation’s scope', async () => {
    await system((tx) => hit(tx, limit()));
    await system((tx) => hit(tx, limit({ scope: orgB })));
    const mine = limit({ scope: orgA, key: 'feedback.resend:r1', max: 1 });
    expect(await t.db.inOrganisation(orgA, (tx) => hit(tx, mine))).toMatchObject({ allowed: true });
    expect(await t.db.inOrganisation(orgA, (tx) => hit(tx, mine))).toMatchObject({ allowed: false });
    // Neither the sign-in throttle nor another organisation's counters are visible or writable.
    const visible = await t.db.inOrganisation(orgA, (tx) =>
      queryRows(tx, sql`SELECT scope FROM rate_limits`, z.object({ scope: z.string() })),
    );
    expect(visible.map((r) => r.scope)).toEqual([orgA]);
    expect(await t.db.inOrganisation(orgA, (tx) => peek(tx, limit()))).toMatchObject({ hits: 0 });
    await expect(t.db.inOrganisation(orgA, (tx) => hit(tx, limit()))).rejects.toThrow();
    await expect(t.db.inOrganisation(orgA, (tx) => hit(tx, limit({ scope: orgB })))).rejects.toThrow();
    await t.db.inOrganisation(orgA, (tx) => reset(tx, limit()));
    await t.db.inOrganisation(orgA, (tx) => tx.execute(sql`DELETE FROM rate_limits`));
    expect(await system((tx) => peek(tx, limit()))).toMatchObject({ hits: 1 });
    expect(await system((tx) => peek(tx, limit({ scope: orgB })))).toMatchObject({ hits: 1 });
  });

  it('gives the hit back when the caller’s transaction rolls back', async () => {
    const slot = limit({ scope: orgA, key: 'feedback.resend:r2', max: 1 });
    await expect(
      t.db.inOrganisation(orgA, async (tx) => {
        expect((await hit(tx, slot)).allowed).toBe(true);
        throw new Error('the resend failed after taking the slot');
      }),
    ).rejects.toThrow('the resend failed');
    expect(await t.db.inOrganisation(orgA, (tx) => hit(tx, slot))).toMatchObject({ allowed: true, hits: 1 });
  });

  it('prunes only windows that have ended, and refuses nonsense limits', async () => {
    await system((tx) => hit(tx, limit({ key: 'ended' })));
    await endWindows();
    await system((tx) => hit(tx, limit({ key: 'open' })));
    expect(await system((tx) => pruneRateLimits(tx))).toBe(1);
    expect(await system((tx) => peek(tx, limit({ key: 'open' })))).toMatchObject({ hits: 1 });
    await expect(system((tx) => hit(tx, limit({ max: 0 })))).rejects.toThrow(/max/);
    await expect(system((tx) => hit(tx, limit({ windowMs: 0 })))).rejects.toThrow(/windowMs/);
  });
});
