// A framework definition: the one document shape for a version's content, used to edit a draft,
// to import and export (JSON or YAML), and to hold the default framework. Pure: no I/O.
// Errors name the path and the rule, e.g. `capabilities[3].items[1].self: is required`.
import { z } from 'zod';
import { BLOCK_KINDS, KEY_PATTERN, MIN_ACTIVE_ITEMS, PRACTICES } from './constants.ts';

export const FRAMEWORK_FORMAT = 'lodestar-framework/1';

/** Most answer options a response scale may have (the database bounds stored answers by it too). */
export const MAX_SCALE_POINTS = 11;

/** Fewest items (not retired) a capability needs: reliability needs several, and 3 is the floor. */

const unknownFieldRule = 'is not a known field';

/** Text that must be present: "is required" for a missing or blank value, not zod's type jargon. */
function text(max: number) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be text') })
    .trim()
    .min(1, 'is required')
    .max(max, `must be at most ${max} characters`);
}

function flag() {
  return z.boolean({ error: 'must be true or false' });
}

export const definitionKey = z
  .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be text') })
  .regex(KEY_PATTERN, 'must be lower-case letters and digits joined by hyphens')
  .max(60, 'must be at most 60 characters');

// Strict objects, so a misspelt field ("slef") is reported rather than silently dropped.
function strict<Shape extends z.ZodRawShape>(shape: Shape) {
  return z.strictObject(shape, {
    error: (issue) => (issue.code === 'unrecognized_keys' ? unknownFieldRule : 'must be an object'),
  });
}

function list<Item extends z.ZodType>(item: Item, what: string, max: number) {
  return z
    .array(item, { error: (issue) => (issue.input === undefined ? 'is required' : 'must be a list') })
    .max(max, `must have at most ${max} ${what}`);
}

export const responseScaleDefinition = strict({
  key: definitionKey,
  /** Labels of the answer options, lowest first; answers are 1..labels.length. */
  labels: list(text(60), 'labels', MAX_SCALE_POINTS).min(2, 'needs at least 2 labels'),
  /** The label of the "can't say" option, which is always offered and scores as missing. */
  cantSay: text(60).default('Can’t say'),
});

export const blockDefinition = strict({
  key: definitionKey,
  name: text(100),
  kind: z.enum(BLOCK_KINDS, { error: `must be one of: ${BLOCK_KINDS.join(', ')}` }),
  description: text(1000),
});

export const itemDefinition = strict({
  key: definitionKey,
  /** First-person wording for the self-assessment ("I …"). */
  self: text(300),
  /** Wording for others rating the person ("They …"). */
  observer: text(300),
  /** Agreeing means less of the capability; scored as max + min − answer. */
  reversed: flag().default(false),
  /** Kept so its key is never reused, but no longer asked or scored. */
  retired: flag().default(false),
});

export const capabilityDefinition = strict({
  key: definitionKey,
  block: definitionKey,
  name: text(100),
  description: text(500),
  explanation: text(1500),
  practice: z
    .enum(PRACTICES, { error: `must be one of: ${PRACTICES.join(', ')}, or null` })
    .nullable()
    .default(null),
  derailer: flag().default(false),
  responseScale: definitionKey,
  items: list(itemDefinition, 'items', 30),
});

const definitionShape = strict({
  format: z.literal(FRAMEWORK_FORMAT, { error: `must be "${FRAMEWORK_FORMAT}"` }).default(FRAMEWORK_FORMAT),
  name: text(100),
  description: text(2000),
  responseScales: list(responseScaleDefinition, 'response scales', 10).min(1, 'needs at least one scale'),
  blocks: list(blockDefinition, 'blocks', 30).min(1, 'needs at least one block'),
  capabilities: list(capabilityDefinition, 'capabilities', 100).min(1, 'needs at least one capability'),
});

/** Rules across the document that no single field can check. */
export const frameworkDefinition = definitionShape.superRefine((d, ctx) => {
  const fail = (path: (string | number)[], message: string) =>
    ctx.addIssue({ code: 'custom', path, message });
  const firstIndex = new Map<string, number>();
  const unique = (section: string, keys: string[], prefix: (i: number) => (string | number)[]) => {
    firstIndex.clear();
    keys.forEach((key, i) => {
      const first = firstIndex.get(key);
      if (first === undefined) firstIndex.set(key, i);
      else fail([...prefix(i), 'key'], `"${key}" is already used by ${section}[${first}]`);
    });
  };
  unique(
    'responseScales',
    d.responseScales.map((s) => s.key),
    (i) => ['responseScales', i],
  );
  unique(
    'blocks',
    d.blocks.map((b) => b.key),
    (i) => ['blocks', i],
  );
  unique(
    'capabilities',
    d.capabilities.map((c) => c.key),
    (i) => ['capabilities', i],
  );

  const scales = new Set(d.responseScales.map((s) => s.key));
  const blocks = new Map(d.blocks.map((b) => [b.key, b]));
  const itemOwner = new Map<string, string>();
  const usedBlocks = new Set<string>();
  d.capabilities.forEach((c, ci) => {
    const at = (...rest: (string | number)[]) => ['capabilities', ci, ...rest];
    const block = blocks.get(c.block);
    if (!block) fail(at('block'), `must be one of the blocks: ${[...blocks.keys()].join(', ')}`);
    usedBlocks.add(c.block);
    if (!scales.has(c.responseScale)) {
      fail(at('responseScale'), `must be one of the response scales: ${[...scales].join(', ')}`);
    }
    if (block && (block.kind === 'derailers') !== c.derailer) {
      fail(
        at('derailer'),
        c.derailer ? 'must be false outside a derailers block' : 'must be true in a derailers block',
      );
    }
    if (c.practice && (c.derailer || block?.kind === 'climate')) {
      fail(at('practice'), 'must be null for a derailer or a team climate capability');
    }
    if (c.items.filter((item) => !item.retired).length < MIN_ACTIVE_ITEMS) {
      fail(at('items'), `needs at least ${MIN_ACTIVE_ITEMS} items that are not retired`);
    }
    c.items.forEach((item, ii) => {
      const owner = itemOwner.get(item.key);
      if (owner !== undefined) fail(at('items', ii, 'key'), `"${item.key}" is already used in ${owner}`);
      else itemOwner.set(item.key, `capability "${c.key}"`);
    });
  });
  d.blocks.forEach((b, bi) => {
    if (!usedBlocks.has(b.key)) fail(['blocks', bi], 'has no capabilities');
  });
  if (!d.capabilities.some((c) => blocks.get(c.block)?.kind !== 'climate')) {
    fail(['capabilities'], 'needs at least one capability outside team climate, for the self-assessment');
  }
});

export type FrameworkDefinition = z.output<typeof frameworkDefinition>;
export type FrameworkDefinitionInput = z.input<typeof frameworkDefinition>;
export type CapabilityDefinition = FrameworkDefinition['capabilities'][number];
export type ItemDefinition = CapabilityDefinition['items'][number];
export type BlockDefinition = FrameworkDefinition['blocks'][number];
export type ResponseScaleDefinition = FrameworkDefinition['responseScales'][number];

export interface DefinitionIssue {
  /** e.g. `capabilities[3].items[1].self` (indices from 0, as in the file's lists). */
  path: string;
  rule: string;
}

/** `['capabilities', 3, 'items', 1, 'self']` → `capabilities[3].items[1].self`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || '(document)';
}

/** Every problem of a zod error, one per path, naming an unknown field itself rather than its object. */
export function definitionIssues(error: z.ZodError): DefinitionIssue[] {
  const seen = new Set<string>();
  const issues: DefinitionIssue[] = [];
  for (const issue of error.issues) {
    const paths =
      issue.code === 'unrecognized_keys' ? issue.keys.map((key) => [...issue.path, key]) : [issue.path];
    for (const path of paths) {
      const formatted = formatPath(path);
      if (seen.has(formatted)) continue;
      seen.add(formatted);
      issues.push({
        path: formatted,
        rule: issue.code === 'unrecognized_keys' ? unknownFieldRule : issue.message,
      });
    }
  }
  return issues;
}

export type DefinitionResult =
  | { ok: true; definition: FrameworkDefinition }
  | { ok: false; issues: DefinitionIssue[] };

export function parseDefinition(input: unknown): DefinitionResult {
  const result = frameworkDefinition.safeParse(input);
  return result.success
    ? { ok: true, definition: result.data }
    : { ok: false, issues: definitionIssues(result.error) };
}

/** Capabilities a person rates about themself: everything but team climate. */
export function selfAssessedCapabilities(definition: FrameworkDefinition): CapabilityDefinition[] {
  const climate = new Set(definition.blocks.filter((b) => b.kind === 'climate').map((b) => b.key));
  return definition.capabilities.filter((c) => !climate.has(c.block));
}

/** Items of the self-assessment, in the order they are asked. */
export function selfAssessedItems(definition: FrameworkDefinition): ItemDefinition[] {
  return selfAssessedCapabilities(definition).flatMap((c) => c.items.filter((item) => !item.retired));
}

export function responseScaleOf(
  definition: FrameworkDefinition,
  capability: CapabilityDefinition,
): ResponseScaleDefinition {
  const scale = definition.responseScales.find((s) => s.key === capability.responseScale);
  // A parsed definition has checked every reference, so a miss is a programming error.
  if (!scale)
    throw new Error(`capability ${capability.key} has no response scale ${capability.responseScale}`);
  return scale;
}
