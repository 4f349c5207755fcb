import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { builtInModules, readContentFolder } from './built-in.ts';
import { parseContentFile } from './content-file.ts';

const FIXTURES = join(import.meta.dirname, 'testing/content');
const GOOD = readFileSync(join(FIXTURES, 'building-relationships/fixture-questions-first.md'), 'utf8');

let folders: string[] = [];
afterEach(() => {
  for (const f of folders) rmSync(f, { recursive: true, force: true });
  folders = [];
});

/** A content folder holding `files` (path → text), like content/ with its README. */
function folderWith(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'library-content-'));
  folders.push(root);
  writeFileSync(join(root, 'README.md'), '# not a module');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const problemsOf = (path: string, text: string) => {
  try {
    parseContentFile(path, text);
    return [];
  } catch (error) {
    return (error as { problems: string[] }).problems;
  }
};

describe('readContentFolder', () => {
  it('reads every module of the folder, keyed by its path, skipping the README', () => {
    const modules = readContentFolder(FIXTURES);
    expect(modules.map((m) => m.key)).toEqual([
      'building-relationships/fixture-questions-first',
      'game-face/fixture-say-how-it-is-going',
    ]);
    const first = modules[0]!;
    expect(first.capabilityKey).toBe('building-relationships');
    expect(first.content).toMatchObject({
      title: 'Fixture — questions first',
      minutes: 20,
      stages: ['individual-contributor', 'team-lead'],
      practice: { frequency: 'Three times this week' },
    });
    expect(first.content.body).toMatch(/^This file is a fixture/);
    expect(first.content.body).toContain('## Why it matters');
  });

  it('fails loudly, naming every bad file with its path and problem', () => {
    const root = folderWith({
      'building-relationships/good.md': GOOD,
      'building-relationships/long-title.md': GOOD.replace(/^title: .*$/m, `title: ${'x'.repeat(81)}`),
      'not-a-capability/thing.md': GOOD,
    });
    expect(() => readContentFolder(root)).toThrow(
      /2 bad library content file\(s\):\nlibrary content building-relationships\/long-title\.md: title: must be at most 80 characters\nlibrary content not-a-capability\/thing\.md: not-a-capability is not a capability of the default framework/,
    );
  });

  it('reads the real content folder once per process', () => {
    expect(builtInModules()).toBe(builtInModules());
  });
});

describe('parseContentFile', () => {
  const path = 'building-relationships/x.md';

  it('accepts the fixture', () => {
    expect(problemsOf(path, GOOD)).toEqual([]);
  });

  it('names each front-matter field that breaks a README limit', () => {
    const bad = GOOD.replace('minutes: 20', 'minutes: 4')
      .replace('stages: [individual-contributor, team-lead]', 'stages: [intern]')
      .replace(/ {2}signal: .*$/m, `  signal: ${'y'.repeat(201)}`)
      .replace(/^reflection: .*$/m, 'reflextion: typo');
    expect(problemsOf(path, bad).sort()).toEqual([
      'minutes: must be between 5 and 120',
      'practice.signal: must be at most 200 characters',
      'reflection: is required',
      'reflextion: is not a known field',
      'stages: must be among: individual-contributor, team-lead, manager, senior-leader, executive',
    ]);
  });

  it('refuses a body that is too short, holds HTML, images, links or a level-1 heading', () => {
    const head = GOOD.slice(0, GOOD.indexOf('---\n', 4) + 4);
    expect(problemsOf(path, `${head}Too short.`)).toEqual(['body: must be 120–300 words (has 2)']);
    const body = GOOD.slice(head.length);
    expect(problemsOf(path, `${head}# Title\n\n${body}<script>x</script>\n`)).toEqual([
      'body: must not contain HTML (found <script>x</script>)',
      'body: headings start at ## (the title is the page heading)',
    ]);
    expect(problemsOf(path, `${head}${body}\n![p](p.png) [a](https://example.org)`)).toEqual([
      'body: must not contain images',
      'body: must not contain links (found https://example.org)',
    ]);
  });

  it('refuses a file without front matter, with broken YAML, or at the wrong path', () => {
    expect(problemsOf(path, 'just text')).toEqual(['must start with front matter between two lines of ---']);
    expect(problemsOf(path, '---\ntitle: [unclosed\n---\nbody')[0]).toMatch(/^front matter line \d+: /);
    expect(problemsOf('Bad_Folder/x.md', GOOD)[0]).toMatch(/lower-case letters and digits/);
    expect(problemsOf('building-relationships/x.txt', GOOD)[0]).toBe('must be at <capability>/<slug>.md');
  });
});
