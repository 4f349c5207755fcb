// Read caches for hot, rarely-changing reads (docs/decisions/0004). Writers in this process
// invalidate at once. On PGlite every writer is in this process, so that is complete; on
// PostgreSQL other server instances may write, so entries also expire after a short time.
import type { DatabaseKind } from './database.ts';

/** How long an entry may be served without a write in this process invalidating it. */
export const MAX_STALENESS_MS: Record<DatabaseKind, number> = { pglite: 5 * 60_000, postgres: 2_000 };

interface Entry<V> {
  value: V;
  scope: string;
  /** performance.now() after which the entry is not served; Infinity for immutable values. */
  expiresAt: number;
}

export class ReadCache<V> {
  readonly #entries = new Map<string, Entry<V>>();
  // Bumped by invalidate(); a load that started before a bump must not store what it read.
  readonly #generation = new Map<string, number>();
  // Loads in flight by key: when an entry expires under load, every waiting request would
  // otherwise run the same query at once (on PostgreSQL this made the directory's p99 spike).
  readonly #loading = new Map<string, { generation: number; promise: Promise<V> }>();

  /**
   * `immutable`: the values never change once written (a published framework version, the version
   * an assessment answers), so entries never expire; only invalidation or eviction drops them.
   */
  constructor(
    readonly maxEntries: number,
    readonly options: { immutable?: boolean } = {},
  ) {}

  /**
   * Returns the cached value for `key` in `scope` (an organisation, a person), or loads it. A load
   * racing with an invalidation of its scope is returned but not kept.
   */
  async get(
    kind: DatabaseKind,
    scope: string,
    key: string,
    load: () => Promise<V>,
    options: { opensTransaction?: boolean } = {},
  ): Promise<V> {
    const hit = this.peek(scope, key);
    if (hit !== undefined) return hit;
    const generation = this.#generation.get(scope) ?? 0;
    // A load that opens a transaction of its own is never joined by one that runs in its caller's,
    // nor the other way round: on PGlite (one connection) a caller holding a transaction would wait
    // for a load that waits for that very transaction to end.
    const flight = options.opensTransaction ? `own-transaction:${key}` : key;
    const inFlight = this.#loading.get(flight);
    // Joining is safe only if no write invalidated the scope since that load began.
    if (inFlight && inFlight.generation === generation) return inFlight.promise;
    const promise = load();
    this.#loading.set(flight, { generation, promise });
    try {
      const value = await promise;
      if ((this.#generation.get(scope) ?? 0) === generation) {
        if (this.#entries.size >= this.maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
        const expiresAt = this.options.immutable ? Infinity : performance.now() + MAX_STALENESS_MS[kind];
        this.#entries.set(key, { value, scope, expiresAt });
      }
      return value;
    } finally {
      if (this.#loading.get(flight)?.promise === promise) this.#loading.delete(flight);
    }
  }

  /**
   * The stored value for `key` in `scope` if it may still be served, without loading it: for a
   * synchronous fast path (a released report sent without a database round trip).
   */
  peek(scope: string, key: string): V | undefined {
    const hit = this.#entries.get(key);
    // Immutable entries skip the clock: this is the hot path of every cached read.
    const fresh = hit !== undefined && (hit.expiresAt === Infinity || performance.now() < hit.expiresAt);
    return fresh && hit.scope === scope ? hit.value : undefined;
  }

  /** Drops every entry of a scope; call it from the write, before its transaction commits. */
  invalidate(scope: string): void {
    this.#generation.set(scope, (this.#generation.get(scope) ?? 0) + 1);
    for (const [key, entry] of this.#entries) if (entry.scope === scope) this.#entries.delete(key);
  }

  /** Drops entries whose value matches, e.g. every cached session of one person. */
  invalidateWhere(scope: string, matches: (value: V) => boolean): void {
    this.#generation.set(scope, (this.#generation.get(scope) ?? 0) + 1);
    for (const [key, entry] of this.#entries)
      if (entry.scope === scope && matches(entry.value)) this.#entries.delete(key);
  }
}
