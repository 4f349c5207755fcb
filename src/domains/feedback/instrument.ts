// What a 360 asks, derived from a published framework version: the self-assessed capabilities
// (team climate is rated elsewhere), their items in observer wording, and one rating scale. Pure and
// cached per (immutable) definition, because every rater request needs it.
import type { RatingScale } from '../../core/disclosure/index.ts';
import {
  type CapabilityDefinition,
  type FrameworkDefinition,
  type ItemDefinition,
  responseScaleOf,
  selfAssessedCapabilities,
} from '../framework/definition.ts';

export interface InstrumentCapability {
  definition: CapabilityDefinition;
  items: ItemDefinition[];
  labels: string[];
  cantSay: string;
  scaleKey: string;
}

export interface Instrument {
  capabilities: InstrumentCapability[];
  /** Item key → its scale's highest value and whether it is reverse-keyed. */
  items: ReadonlyMap<string, { max: number; reversed: boolean; capability: string }>;
  itemKeys: string[];
  /**
   * One scale for the whole report: the disclosure module compares figures across items, which is
   * only meaningful on one scale. Null when the version mixes scale lengths (a 360 refuses it).
   */
  scale: RatingScale | null;
}

const cache = new WeakMap<FrameworkDefinition, Instrument>();

export function instrumentOf(definition: FrameworkDefinition): Instrument {
  const cached = cache.get(definition);
  if (cached) return cached;
  const capabilities = selfAssessedCapabilities(definition).map((c) => {
    const scale = responseScaleOf(definition, c);
    return {
      definition: c,
      items: c.items.filter((item) => !item.retired),
      labels: scale.labels,
      cantSay: scale.cantSay,
      scaleKey: scale.key,
    };
  });
  const items = new Map<string, { max: number; reversed: boolean; capability: string }>();
  for (const c of capabilities) {
    for (const item of c.items) {
      items.set(item.key, { max: c.labels.length, reversed: item.reversed, capability: c.definition.key });
    }
  }
  const lengths = new Set(capabilities.map((c) => c.labels.length));
  const instrument: Instrument = {
    capabilities,
    items,
    itemKeys: [...items.keys()],
    scale: lengths.size === 1 ? { min: 1, max: [...lengths][0]! } : null,
  };
  cache.set(definition, instrument);
  return instrument;
}

/**
 * A stored answer as the report scores it: reverse-keyed items mirrored (max + 1 − value), so that
 * higher always means more of the capability (or, for derailers, more often seen).
 */
export function scoredValue(instrument: Instrument, itemKey: string, value: number | null): number | null {
  const item = instrument.items.get(itemKey);
  if (!item || value === null) return null;
  return item.reversed ? item.max + 1 - value : value;
}

const pulseCache = new WeakMap<Instrument, Map<string, Instrument>>();

/**
 * What a pulse asks: the same instrument cut down to the pulse's items (same wording, same scales,
 * same scoring), capabilities without any of them left out. Cached like the instrument itself.
 */
export function pulseInstrumentOf(instrument: Instrument, itemKeys: ReadonlyArray<string>): Instrument {
  const key = itemKeys.join('\u0000');
  let byKeys = pulseCache.get(instrument);
  if (!byKeys) {
    byKeys = new Map();
    pulseCache.set(instrument, byKeys);
  }
  const cached = byKeys.get(key);
  if (cached) return cached;
  const wanted = new Set(itemKeys);
  const capabilities = instrument.capabilities
    .map((c) => ({ ...c, items: c.items.filter((item) => wanted.has(item.key)) }))
    .filter((c) => c.items.length > 0);
  const items = new Map([...instrument.items].filter(([k]) => wanted.has(k)));
  const cut: Instrument = {
    capabilities,
    items,
    itemKeys: itemKeys.filter((k) => items.has(k)),
    scale: instrument.scale,
  };
  byKeys.set(key, cut);
  return cut;
}

/** The instrument a campaign's raters answer: the whole one for a 360, its items for a pulse. */
export function campaignInstrument(
  definition: FrameworkDefinition,
  itemKeys: ReadonlyArray<string> | null,
): Instrument {
  const instrument = instrumentOf(definition);
  return itemKeys ? pulseInstrumentOf(instrument, itemKeys) : instrument;
}
