import {
  type BlockKind,
  KEY_PATTERN,
  MIN_ACTIVE_ITEMS as MIN_ITEMS,
} from '../../../../src/domains/framework/constants.ts';
import type { CapabilityDefinition, ItemDefinition } from '../../../../src/domains/framework/contracts.ts';
import type { FrameworkDefinition } from '../../api.ts';
import { t } from '../../i18n/index.ts';

export { KEY_PATTERN, MIN_ITEMS };
export const KEY_MAX = 60;

export const KIND_LABELS: Record<BlockKind, () => string> = {
  'building-block': () => t('editor.kind.building-block'),
  practice: () => t('editor.kind.practice'),
  values: () => t('editor.kind.values'),
  derailers: () => t('editor.kind.derailers'),
  climate: () => t('editor.kind.climate'),
};

/** The id of the control (or section) for a server path such as `capabilities.3.items.1.self`. */
export const pathId = (path: string) => `fw-${path.replace(/\./g, '-')}`;

/** A key from a name: "Our value: candour" → "our-value-candour". */
export function keyFrom(name: string, max = KEY_MAX): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, max)
    .replace(/^-+|-+$/g, '');
}

/** `${base}-${n}` for the first n from `start` that no item in the definition uses yet. */
export function freeItemKey(
  definition: FrameworkDefinition,
  base: string,
  start: number,
  taken = new Set<string>(),
) {
  const used = new Set([...taken, ...definition.capabilities.flatMap((c) => c.items.map((i) => i.key))]);
  const stem = base.slice(0, KEY_MAX - 4);
  let n = start;
  while (used.has(`${stem}-${n}`)) n++;
  return `${stem}-${n}`;
}

export const emptyItem = (key: string): ItemDefinition => ({
  key,
  self: '',
  observer: '',
  reversed: false,
  retired: false,
});

export function scaleText(definition: FrameworkDefinition, cap: CapabilityDefinition): string {
  const scale = definition.responseScales.find((s) => s.key === cap.responseScale);
  if (!scale) return cap.responseScale;
  return t('editor.scaleOption', {
    key: scale.key,
    first: scale.labels[0] ?? '',
    last: scale.labels[scale.labels.length - 1] ?? '',
    points: scale.labels.length,
  });
}

/** A readable name for the part of a path after `capabilities.N`, e.g. `items.1.self`. */
export function partLabel(parts: string[]): string {
  if (parts[0] === 'items' && parts[1] !== undefined) {
    const item = t('editor.itemInSentence', { number: Number(parts[1]) + 1 });
    return parts[2] ? `${item}, ${fieldName(parts[2])}` : item;
  }
  return parts.length ? fieldName(parts[0]!) : t('editor.thisCapability');
}

export function fieldName(field: string): string {
  const names: Record<string, string> = {
    name: t('editor.part.name'),
    description: t('editor.part.description'),
    explanation: t('editor.part.explanation'),
    key: t('editor.part.key'),
    block: t('editor.part.block'),
    responseScale: t('editor.part.responseScale'),
    practice: t('editor.part.practice'),
    derailer: t('editor.part.derailer'),
    items: t('editor.part.items'),
    self: t('editor.part.self'),
    observer: t('editor.part.observer'),
    reversed: t('editor.part.reversed'),
    retired: t('editor.part.retired'),
    labels: t('editor.part.labels'),
  };
  return names[field] ?? field;
}

/** Where a server path points, in words: `capabilities.3.items.1.self` → "“Candour”, item 2, self wording". */
export function describePath(path: string, definition: FrameworkDefinition): string {
  const parts = path.split('.');
  const [section, index, ...rest] = parts;
  if (section === 'capabilities' && index !== undefined && /^\d+$/.test(index)) {
    const cap = definition.capabilities[Number(index)];
    const name = t('editor.quoted', { name: cap?.name || cap?.key || `#${Number(index) + 1}` });
    return rest.length ? `${name}, ${partLabel(rest)}` : name;
  }
  if (section === 'blocks' && index !== undefined && /^\d+$/.test(index)) {
    const block = definition.blocks[Number(index)];
    const name = t('editor.quoted', { name: block?.name || `#${Number(index) + 1}` });
    return rest.length ? `${name}, ${fieldName(rest[rest.length - 1]!)}` : name;
  }
  if (path === 'name') return t('editor.frameworkName');
  if (path === 'description') return t('editor.frameworkDescription');
  if (path === '(body)') return t('editor.thisDraft');
  return path;
}

/** The element an error summary link moves to: the field itself, else its capability or block. */
export function targetOf(path: string): string {
  if (document.getElementById(pathId(path))) return pathId(path);
  const owner = /^(capabilities|blocks)\.\d+/.exec(path)?.[0];
  return owner ? pathId(owner) : 'fw-about';
}

/** What the editor can do to the draft; absent on a published version, which is read-only. */
export interface EditActions {
  setCapability(index: number, patch: Partial<CapabilityDefinition>): void;
  setItem(capability: number, item: number, patch: Partial<ItemDefinition>): void;
  addItem(capability: number): void;
  removeItem(capability: number, item: number): void;
  removeCapability(capability: number): void;
}
