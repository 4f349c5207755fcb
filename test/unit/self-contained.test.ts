// A plain clone of the repository must pass its own tests: no code, test, benchmark or script may
// read the workspace folder that sits beside the repository here (../shared), which a clone lacks.
// Test data belong in test/fixtures/ (see test/support/fixtures.ts).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const FOLDERS = ['src', 'test', 'bench', 'bin', 'web', 'scripts', '.ci'];
const TOP_FILES = ['package.json', 'vitest.config.ts', 'vite.config.ts', 'drizzle.config.ts'];
const SOURCE = /\.(ts|tsx|js|mjs|cjs|json|sh)$|^run$/;
const SKIP = new Set(['node_modules', 'dist', 'fixtures']);
const FORBIDDEN = /\.\.\/shared\b|shared\/fixtures|\/work\/shared/;
const SELF = relative(ROOT, import.meta.filename);

function* sourceFiles(dir: string): Generator<string> {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const entry of entries) {
    if (SKIP.has(entry)) continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (SOURCE.test(entry)) yield path;
  }
}

describe('the repository is self-contained', () => {
  it('no source, test, benchmark or script reads ../shared', () => {
    const files = [
      ...FOLDERS.flatMap((folder) => [...sourceFiles(join(ROOT, folder))]),
      ...TOP_FILES.map((f) => join(ROOT, f)).filter((f) => statSync(f, { throwIfNoEntry: false })),
    ];
    expect(files.length).toBeGreaterThan(50);
    const offenders = files
      .map((file) => relative(ROOT, file))
      .filter((file) => file !== SELF && FORBIDDEN.test(readFileSync(join(ROOT, file), 'utf8')));
    expect(offenders, 'keep test data in test/fixtures/ instead').toEqual([]);
  });
});
