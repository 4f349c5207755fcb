// Test databases come from a migrated template, never from a fresh initdb per file: PGlite from a
// dumped data directory (~1 s to load), PostgreSQL with CREATE DATABASE … TEMPLATE.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { Database, type DatabaseKind, MIGRATIONS_FOLDER } from '../../src/platform/db/database.ts';

const TMP = join(import.meta.dirname, '../../.tmp');

function migrationsHash(): string {
  const h = createHash('sha256');
  for (const f of readdirSync(MIGRATIONS_FOLDER)
    .filter((f) => f.endsWith('.sql'))
    .sort()) {
    h.update(f).update(readFileSync(join(MIGRATIONS_FOLDER, f)));
  }
  return h.digest('hex').slice(0, 12);
}

export function pgliteTemplatePath(): string {
  return join(TMP, `pglite-template-${migrationsHash()}.tar.gz`);
}

export async function ensurePgliteTemplate(): Promise<void> {
  const path = pgliteTemplatePath();
  if (existsSync(path)) return;
  mkdirSync(TMP, { recursive: true });
  const db = await Database.openPglite({});
  await db.migrate();
  const dump = await db.pglite!.dumpDataDir('gzip');
  writeFileSync(path, Buffer.from(await dump.arrayBuffer()));
  await db.close();
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export function postgresTemplateName(): string {
  return `lodestar_tpl_${migrationsHash()}`;
}

export async function ensurePostgresTemplate(url: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const name = postgresTemplateName();
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount) return;
    await admin.query(`CREATE DATABASE ${name}`);
    const db = await Database.openPostgres(withDatabase(url, name), 1);
    await db.migrate();
    await db.close();
  } finally {
    await admin.end();
  }
}

export function testDatabaseKinds(): DatabaseKind[] {
  return process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

export interface TestDatabase {
  db: Database;
  /** For PostgreSQL, the URL of this test's own database (for a second connection). */
  url?: string;
  drop(): Promise<void>;
}

export async function openTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const blob = new Blob([readFileSync(pgliteTemplatePath())]);
    const db = await Database.openPglite({ loadDataDir: blob });
    return { db, drop: () => db.close() };
  }
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set');
  const name = `lodestar_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${postgresTemplateName()}`);
  await admin.end();
  const dbUrl = withDatabase(url, name);
  const db = await Database.openPostgres(dbUrl, 4);
  return {
    db,
    url: dbUrl,
    async drop() {
      await db.close();
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}
