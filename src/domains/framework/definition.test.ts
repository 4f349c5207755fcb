import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MIN_ACTIVE_ITEMS } from './constants.ts';
import { DEFAULT_FRAMEWORK } from './default-framework.ts';
import { type FrameworkDefinition, formatPath, parseDefinition, selfAssessedItems } from './definition.ts';
import { exportDefinition, readDefinitionFile } from './file-format.ts';

const clone = (): FrameworkDefinition => structuredClone(DEFAULT_FRAMEWORK);
const issuesOf = (input: unknown) => {
  const result = parseDefinition(input);
  if (result.ok) throw new Error('expected the definition to be refused');
  return Object.fromEntries(result.issues.map((i) => [i.path, i.rule]));
};
const bytes = (text: string) => new TextEncoder().encode(text);

describe('the default framework', () => {
  const byKey = new Map(DEFAULT_FRAMEWORK.capabilities.map((c) => [c.key, c]));

  it('covers the building blocks, practices, derailers and team climate of issue 3', () => {
    const expected: Record<string, string[]> = {
      'self-knowledge': ['self-awareness', 'values-motivations'],
      'self-empowerment': [
        'building-relationships',
        'inspiring-influencing',
        'strategic-thinking',
        'creating-vision',
      ],
      'self-leadership': ['ownership', 'courageous-learning', 'wellbeing-energy'],
      'management-practice': ['planning-organising', 'execution-follow-through', 'delegating-tracking'],
      'leadership-practice': ['setting-direction', 'thriving-environment'],
      derailers: [
        'needing-to-win',
        'profit-at-all-cost',
        'game-face',
        'knowing-all-the-answers',
        'never-showing-vulnerability',
      ],
      'team-climate': ['meaning', 'growth', 'belonging'],
    };
    const actual: Record<string, string[]> = {};
    for (const c of DEFAULT_FRAMEWORK.capabilities) actual[c.block] = [...(actual[c.block] ?? []), c.key];
    expect(actual).toEqual(expected);
    for (const key of expected['management-practice']!) expect(byKey.get(key)!.practice).toBe('manage');
    for (const key of expected['leadership-practice']!) expect(byKey.get(key)!.practice).toBe('lead');
    for (const key of expected.derailers!) {
      expect(byKey.get(key)).toMatchObject({ derailer: true, responseScale: 'frequency' });
    }
    expect(DEFAULT_FRAMEWORK.blocks.find((b) => b.key === 'team-climate')!.kind).toBe('climate');
  });

  it('has at least 3 items per scale, some reverse-keyed, with self and observer wording', () => {
    for (const c of DEFAULT_FRAMEWORK.capabilities) {
      expect(c.items.length, c.key).toBeGreaterThanOrEqual(c.derailer ? 3 : 4);
      expect(c.explanation.length, c.key).toBeGreaterThan(80);
      for (const item of c.items) {
        expect(item.self, item.key).toMatch(/\b(I|my|me)\b/i);
        expect(item.observer, item.key).toMatch(/\b(They|them|their|themselves)\b/i);
        expect(item.observer, item.key).not.toMatch(/^I\b/);
      }
    }
    const reversed = DEFAULT_FRAMEWORK.capabilities.flatMap((c) => c.items).filter((i) => i.reversed);
    expect(reversed.length).toBeGreaterThanOrEqual(15);
    expect(selfAssessedItems(DEFAULT_FRAMEWORK)).toHaveLength(71);
  });
});

describe('framework definition validation', () => {
  it('names the path and the rule of a missing field', () => {
    const d = clone() as unknown as { capabilities: { items: Record<string, unknown>[] }[] };
    delete d.capabilities[3]!.items[1]!.self;
    expect(issuesOf(d)).toEqual({ 'capabilities[3].items[1].self': 'is required' });
  });

  it('names misspelt fields, wrong types and bad keys', () => {
    const d = clone() as unknown as Record<string, unknown> & {
      capabilities: Record<string, unknown>[];
      blocks: Record<string, unknown>[];
    };
    d.capabilities[0]!.slef = 'x';
    d.capabilities[1]!.derailer = 'no';
    d.blocks[0]!.key = 'Self Knowledge';
    d.blocks[1]!.kind = 'wizardry';
    expect(issuesOf(d)).toMatchObject({
      'capabilities[0].slef': 'is not a known field',
      'capabilities[1].derailer': 'must be true or false',
      'blocks[0].key': 'must be lower-case letters and digits joined by hyphens',
      'blocks[1].kind': expect.stringMatching(/must be one of: building-block/),
    });
  });

  it('checks references and uniqueness across the document', () => {
    const d = clone();
    d.capabilities[2]!.block = 'nowhere';
    d.capabilities[4]!.responseScale = 'stars';
    d.capabilities[5]!.key = d.capabilities[0]!.key;
    d.capabilities[6]!.items[0]!.key = d.capabilities[0]!.items[0]!.key;
    const issues = issuesOf(d);
    expect(issues['capabilities[2].block']).toMatch(/must be one of the blocks/);
    expect(issues['capabilities[4].responseScale']).toMatch(
      /must be one of the response scales: agreement, frequency/,
    );
    expect(issues['capabilities[5].key']).toBe('"self-awareness" is already used by capabilities[0]');
    expect(issues['capabilities[6].items[0].key']).toMatch(/already used in capability "self-awareness"/);
  });

  it(`needs ${MIN_ACTIVE_ITEMS} items that are not retired, and derailers only in a derailers block`, () => {
    const d = clone();
    d.capabilities[0]!.items[0]!.retired = true;
    d.capabilities[0]!.items[1]!.retired = true;
    d.capabilities[1]!.derailer = true;
    d.capabilities[14]!.derailer = false;
    d.capabilities[14]!.practice = 'lead';
    expect(issuesOf(d)).toEqual({
      'capabilities[0].items': 'needs at least 3 items that are not retired',
      'capabilities[1].derailer': 'must be false outside a derailers block',
      'capabilities[14].derailer': 'must be true in a derailers block',
    });
  });

  it('refuses a block without capabilities and a framework with nothing to self-assess', () => {
    const d = clone();
    d.blocks.push({
      key: 'our-values',
      name: 'Our values',
      kind: 'values',
      description: 'What we stand for.',
    });
    expect(issuesOf(d)).toEqual({ 'blocks[7]': 'has no capabilities' });
    const climateOnly = clone();
    climateOnly.blocks = climateOnly.blocks.filter((b) => b.kind === 'climate');
    climateOnly.capabilities = climateOnly.capabilities.filter((c) => c.block === 'team-climate');
    expect(issuesOf(climateOnly).capabilities).toMatch(/outside team climate/);
  });

  it('formats paths like a reader would write them', () => {
    expect(formatPath(['capabilities', 3, 'items', 1, 'self'])).toBe('capabilities[3].items[1].self');
    expect(formatPath([])).toBe('(document)');
  });
});

describe('framework files', () => {
  it('round-trips the default framework through JSON and YAML', () => {
    for (const format of ['json', 'yaml'] as const) {
      const text = exportDefinition(DEFAULT_FRAMEWORK, format);
      expect(
        text.startsWith(
          format === 'json' ? '{\n  "format": "lodestar-framework/1"' : 'format: lodestar-framework/1',
        ),
      ).toBe(true);
      const read = readDefinitionFile(bytes(text));
      expect(read).toEqual({ ok: true, definition: DEFAULT_FRAMEWORK });
    }
  });

  it('round-trips any wording, whatever characters it holds', () => {
    const wording = fc
      .string({ minLength: 1, maxLength: 120, unit: 'grapheme' })
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
    fc.assert(
      fc.property(
        wording,
        wording,
        wording,
        fc.boolean(),
        fc.constantFrom('json', 'yaml'),
        (name, self, observer, reversed, format) => {
          const d = clone();
          d.name = name.slice(0, 100);
          d.capabilities[0]!.items[0]!.self = self;
          d.capabilities[0]!.items[0]!.observer = observer;
          d.capabilities[0]!.items[0]!.reversed = reversed;
          const read = readDefinitionFile(bytes(exportDefinition(d, format)));
          expect(read).toEqual({ ok: true, definition: d });
        },
      ),
      { numRuns: 100 },
    );
    // 100 exports and parses of the whole framework: ~1 s alone, nearly 4 s on two loaded cores.
  }, 20_000);

  it('reports file problems with the line they are on', () => {
    const yaml = exportDefinition(DEFAULT_FRAMEWORK, 'yaml');
    const lines = yaml.split('\n');
    const selfLine = lines.findIndex((l) => l.includes('self: I adapt how I make my case'));
    lines.splice(selfLine, 1);
    const read = readDefinitionFile(bytes(lines.join('\n')));
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.issues).toEqual([
      { path: 'capabilities[3].items[0].self', rule: 'is required', line: selfLine },
    ]);

    const broken = readDefinitionFile(bytes('name: [unclosed\n'));
    expect(broken.ok).toBe(false);
    if (!broken.ok)
      expect(broken.issues[0]).toMatchObject({ path: '(file)', rule: /not valid JSON or YAML/ });
    const json = readDefinitionFile(bytes('{"name": "x",\n "name": "y"}'));
    if (!json.ok) expect(json.issues[0]!.rule).toMatch(/unique/);
    expect(readDefinitionFile(bytes(''))).toEqual({
      ok: false,
      issues: [{ path: '(file)', rule: 'is empty', line: null }],
    });
    expect(readDefinitionFile(new Uint8Array([0xff, 0xfe, 0x00]))).toMatchObject({ ok: false });
    expect(readDefinitionFile(bytes('just a sentence'))).toMatchObject({
      ok: false,
      issues: [{ path: '(document)', rule: 'must be an object' }],
    });
  });
});
