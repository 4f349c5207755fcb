// Sign-in throttling per account and per client address, on the platform's rate limits (kept in
// the database, so it holds across restarts and server instances). Platform scope: sign-in does
// not know the organisation yet.
import type { Database } from '../../platform/db/database.ts';
import { hit, PLATFORM_SCOPE, peek, type RateLimit, reset } from '../../platform/rate-limit/rate-limit.ts';

export const THROTTLE = {
  windowMs: 15 * 60_000,
  maxFailuresPerAccount: 5,
  maxFailuresPerAddress: 30,
};

const limits = (email: string, address: string): RateLimit[] => [
  {
    scope: PLATFORM_SCOPE,
    key: `sign-in:account:${email}`,
    windowMs: THROTTLE.windowMs,
    max: THROTTLE.maxFailuresPerAccount,
  },
  {
    scope: PLATFORM_SCOPE,
    key: `sign-in:address:${address}`,
    windowMs: THROTTLE.windowMs,
    max: THROTTLE.maxFailuresPerAddress,
  },
];

/** Seconds until sign-in may be tried again, or 0 when it may be tried now. */
export async function retryAfterSeconds(db: Database, email: string, address: string): Promise<number> {
  return db.asSystem(async (tx) => {
    let wait = 0;
    for (const limit of limits(email, address))
      wait = Math.max(wait, (await peek(tx, limit)).retryAfterSeconds);
    return wait;
  });
}

export async function recordFailure(db: Database, email: string, address: string): Promise<void> {
  await db.asSystem(async (tx) => {
    for (const limit of limits(email, address)) await hit(tx, limit);
  });
}

/** A successful sign-in clears the account's counter (not the address's). */
export async function clearAccount(db: Database, email: string): Promise<void> {
  await db.asSystem((tx) => reset(tx, limits(email, '')[0]!));
}
