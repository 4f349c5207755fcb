// The CLI as an operator runs it, in a child process against a fresh embedded database.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'lodestar-cli-'));

function lodestar(...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/lodestar.js'), ...args], {
    cwd: dir,
    env: { ...process.env, DATABASE_URL: '', LODESTAR_DATA_DIR: join(dir, 'data'), LOG_LEVEL: 'silent' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('lodestar CLI', () => {
  beforeAll(() => {
    const seeded = lodestar('seed', '--demo');
    expect(seeded.code, seeded.err).toBe(0);
  }, 60_000);

  it('has help for every command', () => {
    for (const cmd of ['serve', 'migrate', 'seed', 'import-people', 'stats']) {
      const r = lodestar(cmd, '--help');
      expect(r.code, cmd).toBe(0);
      expect(r.out).toMatch(/Usage: lodestar/);
    }
    // Five child processes each loading the app (~4 s apiece alone): 30 s ran out on loaded cores.
  }, 90_000);

  it('imports people: reports bad rows with line numbers and writes nothing, then imports', () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(
      bad,
      'email,name,career_stage\ncli.one@northwind.example,Cli One,manager\ncli.two@northwind.example,,manager\n',
    );
    const dry = lodestar('import-people', bad, '--dry-run');
    expect(dry.code).toBe(1);
    expect(dry.err).toMatch(/line 3, name: is required/);
    const refused = lodestar('import-people', bad);
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/nothing written/);
    const skipped = lodestar('import-people', bad, '--skip-invalid');
    expect(skipped.code, skipped.err).toBe(0);
    expect(skipped.out).toMatch(/imported\. 2 rows: 1 to create/);
    const again = lodestar('import-people', bad, '--skip-invalid', '--dry-run');
    expect(again.out).toMatch(/0 to create, 0 to update, 1 unchanged/);
  }, 60_000);

  it('gives a one-line error for a missing or junk file', () => {
    expect(lodestar('import-people', join(dir, 'nope.csv')).err).toMatch(/cannot read .*ENOENT/);
    const junk = join(dir, 'junk.csv');
    writeFileSync(junk, Buffer.from([0xff, 0xfe, 0x00, 0x41, 0x00]));
    const r = lodestar('import-people', junk);
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/binary/);
  }, 60_000);
});
