// Benchmark runner: `npm run bench -- NAME [--db pglite|postgres] [--minutes N] [--people N]`,
// `npm run bench -- --list`.
// Each bench/NAME.bench.ts default-exports a Benchmark; its figures are printed as the last line,
// one JSON object, so scripts can read them (DESIGN.md §5).
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

export type BenchDb = 'pglite' | 'postgres';

export interface BenchContext {
  db: BenchDb;
  /** Connection string for --db postgres: DATABASE_URL, else the local server. */
  databaseUrl: string;
  log: (line: string) => void;
  /** --minutes N, for benchmarks whose length is chosen per run (soak). */
  minutes?: number;
  /** --people N, for benchmarks whose organisation size is chosen per run (analytics-snapshot). */
  people?: number;
}

export interface Benchmark {
  name: string;
  description: string;
  run(ctx: BenchContext): Promise<Record<string, unknown>>;
}

const here = dirname(fileURLToPath(import.meta.url));

function available(): string[] {
  return readdirSync(here)
    .filter((f) => f.endsWith('.bench.ts'))
    .map((f) => f.replace(/\.bench\.ts$/, ''))
    .sort();
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      db: { type: 'string', default: 'pglite' },
      list: { type: 'boolean', default: false },
      minutes: { type: 'string' },
      people: { type: 'string' },
    },
  });
  if (values.list || positionals.length === 0) {
    for (const name of available()) console.log(name);
    return;
  }
  const name = positionals[0]!;
  if (!available().includes(name)) {
    console.error(`unknown benchmark "${name}"; available: ${available().join(', ')}`);
    process.exit(2);
  }
  if (
    values.people !== undefined &&
    !(Number.isInteger(Number(values.people)) && Number(values.people) > 0)
  ) {
    console.error('--people must be a whole number above 0');
    process.exit(2);
  }
  if (values.db !== 'pglite' && values.db !== 'postgres') {
    console.error('--db must be pglite or postgres');
    process.exit(2);
  }
  const mod = (await import(join(here, `${name}.bench.ts`))) as { default: Benchmark };
  const ctx: BenchContext = {
    db: values.db,
    databaseUrl: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    log: (line) => console.error(line),
    ...(values.minutes !== undefined ? { minutes: Number(values.minutes) } : {}),
    ...(values.people !== undefined ? { people: Number(values.people) } : {}),
  };
  const figures = await mod.default.run(ctx);
  console.log(JSON.stringify({ name, db: ctx.db, ...figures }));
  // A benchmark that verifies (e.g. crash-safety) sets process.exitCode when its check fails.
  process.exit(process.exitCode ?? 0);
}

await main();
