// One way into the database for the whole app, on PGlite (embedded) and PostgreSQL alike
// (docs/decisions/0002). Code never holds the root handle: it asks for a transaction scoped to an
// organisation (RLS applies) or, for the few platform paths, a system transaction.
import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { type SQL, sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import { type PgDatabase, PgDialect, type PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import type { z } from 'zod';
import { inlineParameters } from './inline-sql.ts';

// No schema is handed to Drizzle: queries name their tables (the modules own them), so the
// platform needs to know none of them, and making a handle reads nothing.
type Root = PgDatabase<PgQueryResultHKT>;
/** The handle a transaction's work gets: Drizzle's API bound to that one transaction. */
export type Tx = PgDatabase<PgQueryResultHKT>;
export type DatabaseKind = 'pglite' | 'postgres';

export const MIGRATIONS_FOLDER = join(dirname(fileURLToPath(import.meta.url)), '../../../drizzle');

export class NestedTransactionError extends Error {
  constructor() {
    super(
      'a transaction was opened inside another: use the transaction handle you were given ' +
        '(on PGlite a second transaction waits for the first forever)',
    );
  }
}

const dialect = new PgDialect();

const PREPARED_NAME = /^[a-z][a-z0-9_]{0,62}$/;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The statement that makes the rest of a transaction the organisation's: the lodestar_app role
 * and the tenant id that row-level security reads. The id is inlined rather than bound (it must
 * match UUID): a parameter would force the extended protocol and so a round trip of its own
 * (docs/decisions/0002).
 */
function tenantSettings(organisationId: string, personId?: string): string {
  if (!UUID.test(organisationId)) throw new Error(`not an organisation id: ${organisationId}`);
  if (personId !== undefined && !UUID.test(personId)) throw new Error(`not a person id: ${personId}`);
  // The person the transaction acts for, read by the owner-only policies on private records
  // (plans, journals: docs/decisions/0014). Without one, no private row is readable at all.
  const person = personId ? `, set_config('lodestar.person_id', '${personId}', true)` : '';
  return `SELECT set_config('role', 'lodestar_app', true), set_config('lodestar.organisation_id', '${organisationId}', true)${person}`;
}

export class Database {
  // Marks the async context of a running transaction, to refuse a second one opened inside it.
  readonly #inTransaction = new AsyncLocalStorage<true>();

  readonly #root: Root;
  readonly #close: () => Promise<void>;
  readonly #pool: pg.Pool | undefined;
  // One Drizzle handle per pooled connection, made once.
  readonly #handles = new WeakMap<pg.PoolClient, Tx>();
  // Prepared statements: each name's text, and the names each connection (or PGlite) has prepared.
  readonly #preparedText = new Map<string, string>();
  readonly #preparedOn = new WeakMap<object, Set<string>>();

  private constructor(
    readonly kind: DatabaseKind,
    root: Root,
    close: () => Promise<void>,
    /** The PGlite instance, for backups and test templates; undefined on PostgreSQL. */
    readonly pglite: PGlite | undefined,
    pool?: pg.Pool,
  ) {
    this.#root = root;
    this.#close = close;
    this.#pool = pool;
  }

  /** Opens PGlite in `dataDir` (created if missing), or an in-memory/loaded instance for tests. */
  static async openPglite(options: { dataDir?: string; loadDataDir?: Blob }): Promise<Database> {
    if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
    const client = await PGlite.create({
      ...(options.dataDir ? { dataDir: options.dataDir } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    });
    const root = drizzlePglite(client) as unknown as Root;
    return new Database('pglite', root, () => client.close(), client);
  }

  static async openPostgres(url: string, poolSize = 10): Promise<Database> {
    const pool = new pg.Pool({ connectionString: url, max: poolSize });
    // An idle connection that the server ends (a restart, an administrator, a dropped database) is
    // taken out of the pool by pg-pool, and the next query opens a new one; but without a listener
    // its 'error' event would crash the whole process.
    pool.on('error', () => {});
    // Surface connection errors now, with the URL's host, instead of on the first request.
    const probe = await pool.connect();
    probe.release();
    const root = drizzleNodePg(pool) as unknown as Root;
    return new Database('postgres', root, () => pool.end(), undefined, pool);
  }

  /** Applies the committed migrations in drizzle/ (idempotent). */
  async migrate(): Promise<void> {
    if (this.kind === 'pglite') {
      await migratePglite(this.#root as unknown as Parameters<typeof migratePglite>[0], {
        migrationsFolder: MIGRATIONS_FOLDER,
      });
    } else {
      await migrateNodePg(this.#root as unknown as Parameters<typeof migrateNodePg>[0], {
        migrationsFolder: MIGRATIONS_FOLDER,
      });
    }
  }

  /**
   * Runs `work` in one transaction as the lodestar_app role with the organisation set, so
   * row-level security limits every statement to that organisation's rows; with `asPerson`, also
   * as that person, whose private records (and what others shared with them) become readable.
   */
  inOrganisation<T>(organisationId: string, work: (tx: Tx) => Promise<T>, asPerson?: string): Promise<T> {
    const settings = tenantSettings(organisationId, asPerson);
    if (this.#pool) return this.#postgresTransaction(settings, work);
    return this.#transaction(async (tx) => {
      await tx.execute(sql.raw(settings));
      return work(tx);
    });
  }

  /**
   * Runs ONE statement in the organisation, as a transaction of its own, in a single round trip:
   * the tenant settings and the statement travel as one simple-protocol message, which the server
   * runs as one implicit transaction (all or nothing). Values are inlined as escaped literals,
   * since that protocol takes no parameters. For hot single-statement paths whose checks can all
   * happen before the statement (docs/decisions/0008); other work uses `inOrganisation`.
   */
  async statementInOrganisation<Row extends z.ZodType>(
    organisationId: string,
    statement: SQL,
    row: Row,
    asPerson?: string,
    options: { prepared?: string } = {},
  ): Promise<z.output<Row>[]> {
    const settings = tenantSettings(organisationId, asPerson);
    if (this.#inTransaction.getStore()) throw new NestedTransactionError();
    const query = dialect.sqlToQuery(statement);
    if (options.prepared) return this.#preparedStatement(options.prepared, settings, query, row);
    const text = `${settings}; ${inlineParameters(query.sql, query.params)}`;
    const results = this.#pool
      ? ((await this.#pool.query(text)) as unknown as pg.QueryResult[])
      : await this.#pgliteTurn(() => this.pglite!.exec(text));
    return results[results.length - 1]!.rows.map((r) => row.parse(r));
  }

  /**
   * `statementInOrganisation` with `prepared: name`: the statement is PREPAREd once per connection
   * (one extra round trip, the first time a connection runs it) and then sent as
   * `<tenant settings>; EXECUTE name(<literals>)`, still one simple-protocol message and one
   * round trip. For statements whose planning costs more than running them: the home page's
   * statement, with row-level security on every table it reads, took ~0.9 ms to plan and ~0.45 ms
   * to run, and planning was most of PostgreSQL's CPU under load. The plan cache re-plans by itself
   * on a change of role or schema (row-level security included). One name, one text: a second text
   * under a name already used is refused.
   */
  async #preparedStatement<Row extends z.ZodType>(
    name: string,
    settings: string,
    query: { sql: string; params: unknown[] },
    row: Row,
  ): Promise<z.output<Row>[]> {
    if (!PREPARED_NAME.test(name)) throw new Error(`not a prepared statement name: ${name}`);
    const known = this.#preparedText.get(name);
    if (known === undefined) this.#preparedText.set(name, query.sql);
    else if (known !== query.sql) throw new Error(`prepared statement ${name} already has another text`);
    const args = query.params.length
      ? `(${inlineParameters(query.params.map((_, i) => `$${i + 1}`).join(', '), query.params)})`
      : '';
    const text = `${settings}; EXECUTE ${name}${args}`;
    const prepare = `PREPARE ${name} AS ${query.sql}`;
    let results: { rows: unknown[] }[];
    if (this.#pool) {
      const client = await this.#pool.connect();
      try {
        const names = this.#preparedOn.get(client) ?? new Set<string>();
        if (!names.has(name)) {
          await client.query(prepare);
          names.add(name);
          this.#preparedOn.set(client, names);
        }
        results = (await client.query(text)) as unknown as pg.QueryResult[];
      } finally {
        client.release();
      }
    } else {
      const pglite = this.pglite!;
      results = await this.#pgliteTurn(async () => {
        const names = this.#preparedOn.get(pglite) ?? new Set<string>();
        if (!names.has(name)) {
          await pglite.exec(prepare);
          names.add(name);
          this.#preparedOn.set(pglite, names);
        }
        return pglite.exec(text);
      });
    }
    return results[results.length - 1]!.rows.map((r) => row.parse(r));
  }

  /**
   * Runs `work` in one transaction as the owner, across organisations. Only for platform work
   * that cannot know the organisation yet (sign-in by email, the job queue, seeding, migrations).
   */
  asSystem<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.#pool ? this.#postgresTransaction('', work) : this.#transaction(work);
  }

  #transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    if (this.#inTransaction.getStore()) return Promise.reject(new NestedTransactionError());
    return this.#pgliteTurn(() =>
      this.#root.transaction((tx) => this.#inTransaction.run(true, () => work(tx as Tx))),
    );
  }

  /**
   * Runs PGlite work between two turns of the event loop. PGlite executes on this thread; when many
   * requests wait for it, its queue otherwise drains as one long chain of promise callbacks during
   * which no socket is read or written, so a request arriving meanwhile waits for the whole chain
   * (at 32 concurrent rater submits, p99 was twice the median). Yielding before and after each
   * turn lets the network in between, so requests are served about in arrival order.
   */
  async #pgliteTurn<T>(work: () => Promise<T>): Promise<T> {
    await new Promise((resolve) => setImmediate(resolve));
    const result = await work();
    await new Promise((resolve) => setImmediate(resolve));
    return result;
  }

  /**
   * A transaction on one pooled connection whose BEGIN and tenant settings go in a single round
   * trip (a simple-protocol query may hold several statements); every request saves one of four.
   */
  async #postgresTransaction<T>(prelude: string, work: (tx: Tx) => Promise<T>): Promise<T> {
    if (this.#inTransaction.getStore()) throw new NestedTransactionError();
    const client = await this.#pool!.connect();
    let tx = this.#handles.get(client);
    if (!tx) {
      tx = drizzleNodePg(client) as unknown as Tx;
      this.#handles.set(client, tx);
    }
    let broken = false;
    try {
      await client.query(prelude ? `BEGIN; ${prelude}` : 'BEGIN');
      const result = await this.#inTransaction.run(true, () => work(tx));
      await client.query('COMMIT');
      return result;
    } catch (err) {
      // A connection that cannot even roll back is not returned to the pool.
      await client.query('ROLLBACK').catch(() => {
        broken = true;
      });
      throw err;
    } finally {
      client.release(broken);
    }
  }

  /**
   * Routine upkeep that PostgreSQL's autovacuum does by itself and PGlite never does: reclaim the
   * space of updated and deleted rows (every autosave leaves one behind) and refresh the planner's
   * statistics, without which it can pick a scan over a whole table for a one-row look-up. Blocks
   * other statements on PGlite while it runs, so it is scheduled at night (maintenance.ts).
   * `afterBulkLoad` (the synthetic seed) also analyses PostgreSQL: autovacuum gets to new rows only
   * later, or never where it is off, and until then the planner takes a 100,000-person organisation
   * for a few rows (the analytics read ran 15 s a page instead of 0.9 s).
   */
  async maintain(options: { afterBulkLoad?: boolean } = {}): Promise<void> {
    if (this.#pool) {
      if (options.afterBulkLoad) await this.#pool.query('ANALYZE');
      return;
    }
    await this.#pgliteTurn(() => this.pglite!.exec('VACUUM (ANALYZE)'));
  }

  async close(): Promise<void> {
    await this.#close();
  }
}

/** Opens the configured database: PostgreSQL when a URL is given, else PGlite in the data dir. */
export async function openDatabase(options: {
  databaseUrl?: string | undefined;
  dataDir: string;
}): Promise<Database> {
  const db = options.databaseUrl
    ? await Database.openPostgres(options.databaseUrl)
    : await Database.openPglite({ dataDir: join(options.dataDir, 'pglite') });
  await db.migrate();
  return db;
}
