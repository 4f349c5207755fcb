import { integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Fixed-window counters of the rate-limit primitive (rate-limit.ts, docs/decisions/0011). A platform
 * table: `scope` is 'platform' for limits that apply before an organisation is known (sign-in), or
 * an organisation's id. Tenant transactions see and write only their own organisation's scope
 * (row-level security, drizzle/0008_rate_limits_scope.sql); the system role sees all. Keys are
 * SHA-256 hashes, so the table holds no email or network address.
 */
export const rateLimits = pgTable(
  'rate_limits',
  {
    scope: text('scope').notNull(),
    keyHash: text('key_hash').notNull(),
    hits: integer('hits').notNull(),
    /** When the current window ends; the next hit after it starts a new window at one hit. */
    resetAt: timestamp('reset_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.keyHash] })],
);
