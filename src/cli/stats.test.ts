import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { psychometricsFixture } from '../../test/support/fixtures.ts';
import { registerStatsCommands } from './stats.ts';

const scratch = mkdtempSync(join(tmpdir(), 'lodestar-stats-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function csvFile(name: string, text: string): string {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
}

interface RunResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** Runs `lodestar stats …` in-process through commander, capturing output and the exit code. */
async function run(...args: string[]): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const program = new Command('lodestar')
    .exitOverride()
    .configureOutput({ writeOut: (text) => (stdout += text), writeErr: (text) => (stderr += text) });
  registerStatsCommands(program);
  process.exitCode = undefined;
  let exitCode = 0;
  try {
    await program.parseAsync(['stats', ...args], { from: 'user' });
    exitCode = Number(process.exitCode ?? 0);
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    exitCode = error.exitCode;
  }
  return { stdout, stderr, exitCode };
}

afterEach(() => {
  process.exitCode = undefined;
});

describe('stats reliability', () => {
  it('prints one JSON object with the psych::alpha figures', async () => {
    const file = psychometricsFixture('bfi-items-complete.csv');
    const result = await run(
      'reliability',
      file,
      '--keys',
      '-A1,A2,A3,A4,A5',
      '--min',
      '1',
      '--max',
      '6',
      '--json',
    );
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    const report = JSON.parse(result.stdout);
    expect(Object.keys(report)).toEqual([
      'n',
      'raw_alpha',
      'std_alpha',
      'G6',
      'average_r',
      'median_r',
      's_n',
      'ase',
      'mean',
      'sd',
      'items',
    ]);
    expect(Object.keys(report.items[0])).toEqual([
      'item',
      'reversed',
      'n',
      'mean',
      'sd',
      'raw_r',
      'std_r',
      'r_cor',
      'r_drop',
      'alpha_if_deleted',
      'std_alpha_if_deleted',
    ]);
    expect(report.n).toBe(2436);
    expect(Math.abs(report.raw_alpha - 0.715848549777111)).toBeLessThan(1e-9);
    expect(report.items[0]).toMatchObject({ item: 'A1', reversed: true });
  });

  it('defaults --min/--max to the observed range (1..6 here)', async () => {
    const file = psychometricsFixture('bfi-items-complete.csv');
    const result = await run('reliability', file, '--keys=-A1,A2,A3,A4,A5', '--json');
    expect(Math.abs(JSON.parse(result.stdout).items[0].mean - 4.5935960591133)).toBeLessThan(1e-9);
  });

  it('prints an aligned table without --json', async () => {
    const file = csvFile('small.csv', 'a,b,c\n1,2,2\n2,2,3\n3,4,3\n4,3,5\n5,5,4\n');
    const result = await run('reliability', file, '--keys', 'a,b,-c');
    expect(result.exitCode).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toContain('Reliability of 3 items');
    expect(result.stdout).toMatch(/raw_alpha\s+std_alpha/);
    const itemRows = lines.filter((line) => /^(a|b|-c)\s/.test(line));
    expect(itemRows).toHaveLength(3);
    expect(new Set(itemRows.map((line) => line.length)).size).toBe(1);
  });

  it('treats blank cells as missing answers', async () => {
    const file = csvFile('missing.csv', 'a,b,c\n1,2,\n2,,3\n3,4,3\n4,3,5\n5,5,4\n,,\n');
    const result = await run('reliability', file, '--keys', 'a,b,c', '--json');
    expect(result.exitCode).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.n).toBe(5);
    expect(report.items.map((item: { n: number }) => item.n)).toEqual([5, 4, 4]);
  });

  it.each([
    [['nope.csv', '--keys', 'a,b'], /^error: file not found: nope\.csv$/],
    [['{small}', '--keys', 'a,zz'], /^error: column "zz" not found; the header has: a, b, c$/],
    [['{small}', '--keys', 'a'], /^error: --keys must name at least 2 items; got 1$/],
    [['{constant}', '--keys', 'a,b'], /^error: item "b" is constant/],
    [['{text}', '--keys', 'a,b'], /^error: line 3, column "b": "x" is not a number$/],
    [['{empty}', '--keys', 'a,b'], /^error: the file is empty$/],
    [
      ['{small}', '--keys', 'a,b', '--max', '4'],
      /^error: line 6, column "a": 5 is above the scale maximum 4$/,
    ],
    [
      ['{small}', '--keys', 'a,b', '--min', '3', '--max', '3'],
      /^error: --min \(3\) must be below --max \(3\)$/,
    ],
    [['{dir}', '--keys', 'a,b'], /^error: not a file: /],
  ])('fails with one line for bad input %j', async (args, message) => {
    const files: Record<string, string> = {
      '{small}': csvFile('small.csv', 'a,b,c\n1,2,2\n2,2,3\n3,4,3\n4,3,5\n5,5,4\n'),
      '{constant}': csvFile('constant.csv', 'a,b\n1,3\n2,3\n3,3\n'),
      '{text}': csvFile('text.csv', 'a,b\n1,2\n2,x\n'),
      '{empty}': csvFile('empty.csv', ''),
      '{dir}': join(scratch, 'a-directory'),
    };
    mkdirSync(files['{dir}']!, { recursive: true });
    const result = await run('reliability', ...args.map((arg) => files[arg] ?? arg));
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.endsWith('\n')).toBe(true);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr.trimEnd()).toMatch(message);
  });

  it('rejects a non-numeric --min through commander, on one line', async () => {
    const result = await run('reliability', 'x.csv', '--keys', 'a,b', '--min', 'low');
    expect(result.exitCode).toBe(1);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('--min must be a number');
  });

  it('requires --keys', async () => {
    const result = await run('reliability', 'x.csv');
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain("required option '--keys <items>' not specified");
  });
});

describe('stats agreement', () => {
  const items = Array.from({ length: 11 }, (_, i) => `LEAD${String(i + 1).padStart(2, '0')}`).join(',');

  it('prints rwg(j) per group and the ICCs as one JSON object matching multilevel', async () => {
    const file = psychometricsFixture('lq2002-leadership-climate.csv');
    const result = await run(
      'agreement',
      file,
      '--group',
      'COMPID',
      '--items',
      items,
      '--points',
      '5',
      '--json',
    );
    expect(result.exitCode).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    const report = JSON.parse(result.stdout);
    expect(Object.keys(report)).toEqual(['groups', 'icc1', 'icc2']);
    expect(report.groups).toHaveLength(49);
    expect(report.groups[0]).toEqual({ group: '2', n: 24, rwg_j: expect.closeTo(0.807527258396462, 9) });
    expect(Math.abs(report.icc1 - 0.0879562185216011)).toBeLessThan(1e-9);
    expect(Math.abs(report.icc2 - 0.80075437301326)).toBeLessThan(1e-9);
  });

  it('prints a table without --json', async () => {
    const file = csvFile('teams.csv', 'team,i1,i2\nx,3,4\nx,4,4\nx,5,5\ny,2,2\ny,2,3\ny,,3\n');
    const result = await run('agreement', file, '--group', 'team', '--items', 'i1,i2', '--points', '5');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('2 groups, n = 5 complete rows');
    expect(result.stdout).toMatch(/^x\s+3\s+0\.800$/m);
    expect(result.stdout).toMatch(/ICC\(1\) = -?\d\.\d{3}/);
  });

  it.each([
    [['--group', 'team', '--items', 'i1,i9', '--points', '5'], /^error: column "i9" not found/],
    [['--group', 'squad', '--items', 'i1,i2', '--points', '5'], /^error: column "squad" not found/],
    [
      ['--group', 'team', '--items', 'i1,i2', '--points', '3'],
      /^error: answers range from 1 to 5, more than a 3-point scale allows$/,
    ],
    [
      ['--group', 'team', '--items', 'i1,i2', '--points', '1'],
      /--points must be a whole number of at least 2/,
    ],
  ])('fails with one line for bad input %j', async (args, message) => {
    const file = csvFile('teams-bad.csv', 'team,i1,i2\nx,1,4\nx,4,4\nx,5,5\ny,2,2\ny,2,3\n');
    const result = await run('agreement', file, ...args);
    expect(result.exitCode).toBe(1);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr.trimEnd()).toMatch(message);
  });

  it('names a non-numeric cell by line and column', async () => {
    const file = csvFile('teams-text.csv', 'team,i1,i2\nx,1,4\nx,four,4\n');
    const result = await run('agreement', file, '--group', 'team', '--items', 'i1,i2', '--points', '5');
    expect(result.stderr.trimEnd()).toBe('error: line 3, column "i1": "four" is not a number');
  });
});
