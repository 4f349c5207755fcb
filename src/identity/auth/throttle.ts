// Sign-in throttling per account and per client address, kept in the database so it holds
// across restarts and server instances.
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.ts';
import { hashSecret } from '../../platform/http/tokens.ts';
import { loginThrottle } from './schema.ts';

export const THROTTLE = {
  windowMs: 15 * 60_000,
  maxFailuresPerAccount: 5,
  maxFailuresPerAddress: 30,
};

const keys = (email: string, address: string) => ({
  account: `account:${hashSecret(email)}`,
  address: `address:${hashSecret(address)}`,
});

/** Seconds until sign-in may be tried again, or 0 when it may be tried now. */
export async function retryAfterSeconds(
  db: Database,
  email: string,
  address: string,
  now = new Date(),
): Promise<number> {
  const k = keys(email, address);
  const rows = await db.asSystem((tx) =>
    tx.select().from(loginThrottle).where(sql`${loginThrottle.key} IN (${k.account}, ${k.address})`),
  );
  let wait = 0;
  for (const row of rows) {
    const limit = row.key === k.account ? THROTTLE.maxFailuresPerAccount : THROTTLE.maxFailuresPerAddress;
    const endsAt = row.windowStart.getTime() + THROTTLE.windowMs;
    if (row.failures >= limit && endsAt > now.getTime())
      wait = Math.max(wait, Math.ceil((endsAt - now.getTime()) / 1000));
  }
  return wait;
}

export async function recordFailure(db: Database, email: string, address: string): Promise<void> {
  const k = keys(email, address);
  const windowSeconds = THROTTLE.windowMs / 1000;
  await db.asSystem(async (tx) => {
    for (const key of [k.account, k.address]) {
      // A window that has ended starts again at one failure.
      await tx
        .insert(loginThrottle)
        .values({ key, failures: 1, windowStart: new Date() })
        .onConflictDoUpdate({
          target: loginThrottle.key,
          set: {
            failures: sql`CASE WHEN ${loginThrottle.windowStart} < now() - make_interval(secs => ${windowSeconds}) THEN 1 ELSE ${loginThrottle.failures} + 1 END`,
            windowStart: sql`CASE WHEN ${loginThrottle.windowStart} < now() - make_interval(secs => ${windowSeconds}) THEN now() ELSE ${loginThrottle.windowStart} END`,
          },
        });
    }
  });
}

/** A successful sign-in clears the account's counter (not the address's). */
export async function clearAccount(db: Database, email: string): Promise<void> {
  const k = keys(email, '');
  await db.asSystem((tx) => tx.delete(loginThrottle).where(eq(loginThrottle.key, k.account)));
}
