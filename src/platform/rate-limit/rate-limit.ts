// One rate-limit primitive (docs/decisions/0011): fixed-window counters in the `rate_limits`
// table, used in the caller's transaction so a limit and the work it guards commit or roll back
// together, the same on PGlite and PostgreSQL and across server instances. The database's clock
// decides when a window ends.
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../db/database.ts';
import { col, queryRows } from '../db/rows.ts';
import { hashSecret } from '../http/tokens.ts';
import { rateLimits } from './schema.ts';

/** The scope of limits that apply before an organisation is known (sign-in); system transactions only. */
export const PLATFORM_SCOPE = 'platform';

export interface RateLimitKey {
  /**
   * `PLATFORM_SCOPE`, or the organisation's id. A tenant transaction may use only its own
   * organisation's id: row-level security refuses any other scope.
   */
  scope: string;
  /** What is limited, e.g. `sign-in:account:<email>`; stored only as its SHA-256. */
  key: string;
}

export interface RateLimit extends RateLimitKey {
  windowMs: number;
  /** Hits allowed per window. */
  max: number;
}

export interface RateLimitVerdict {
  allowed: boolean;
  /** Hits counted in the current window (0 when none is open). */
  hits: number;
  /** 0 when allowed; else whole seconds until the window ends (at least 1). */
  retryAfterSeconds: number;
  /** When the current window ends; null when no window is open. */
  resetAt: Date | null;
}

const windowRow = z.object({ hits: col.count, reset_at: col.timestamp, seconds_left: col.number });

function verdict(row: z.output<typeof windowRow> | undefined, allowed: boolean): RateLimitVerdict {
  return {
    allowed,
    hits: row?.hits ?? 0,
    retryAfterSeconds: allowed || !row ? 0 : Math.max(1, Math.ceil(row.seconds_left)),
    resetAt: row?.reset_at ?? null,
  };
}

function check(limit: RateLimit): void {
  if (!Number.isInteger(limit.max) || limit.max < 1) throw new Error(`max must be a positive integer`);
  if (!(limit.windowMs > 0)) throw new Error(`windowMs must be positive`);
}

/**
 * Counts one hit and says whether it is within the limit. A window starts at the first hit and
 * lasts `windowMs`; the first hit after it ends starts a new one. Denied hits are counted too, but
 * never move the window's end.
 */
export async function hit(tx: Tx, limit: RateLimit): Promise<RateLimitVerdict> {
  check(limit);
  const keyHash = hashSecret(limit.key);
  const [row] = await queryRows(
    tx,
    sql`INSERT INTO rate_limits AS r (scope, key_hash, hits, reset_at)
        VALUES (${limit.scope}, ${keyHash}, 1, now() + ${limit.windowMs}::double precision * interval '1 millisecond')
        ON CONFLICT (scope, key_hash) DO UPDATE SET
          hits = CASE WHEN r.reset_at <= now() THEN 1 ELSE r.hits + 1 END,
          reset_at = CASE WHEN r.reset_at <= now() THEN excluded.reset_at ELSE r.reset_at END
        RETURNING hits, reset_at, extract(epoch FROM reset_at - now()) AS seconds_left`,
    windowRow,
  );
  return verdict(row, row!.hits <= limit.max);
}

/** Whether one more hit would be allowed now, without counting one. */
export async function peek(tx: Tx, limit: RateLimit): Promise<RateLimitVerdict> {
  check(limit);
  const [row] = await queryRows(
    tx,
    sql`SELECT hits, reset_at, extract(epoch FROM reset_at - now()) AS seconds_left FROM rate_limits
         WHERE scope = ${limit.scope} AND key_hash = ${hashSecret(limit.key)} AND reset_at > now()`,
    windowRow,
  );
  return verdict(row, !row || row.hits < limit.max);
}

/** Forgets a key's window (a successful sign-in clears its account's failures). */
export async function reset(tx: Tx, target: RateLimitKey): Promise<void> {
  await tx
    .delete(rateLimits)
    .where(and(eq(rateLimits.scope, target.scope), eq(rateLimits.keyHash, hashSecret(target.key))));
}

/** Deletes windows that have ended; they count for nothing. System transaction. */
export async function pruneRateLimits(tx: Tx): Promise<number> {
  const gone = await tx
    .delete(rateLimits)
    .where(sql`${rateLimits.resetAt} <= now()`)
    .returning({ scope: rateLimits.scope });
  return gone.length;
}
