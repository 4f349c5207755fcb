// The answer model behind every synthetic rating, the same one the demo's self-assessments use
// (src/domains/assessments/demo.ts): each person has a general level, each capability a level
// around it shifted by career stage (seniority moves practice from managing towards leading), and
// each answer is that level seen through the item (its loading) plus noise, cut into the scale's
// categories. Raters see the same levels less rosily, with their own leniency. Pure.
import { normalFrom } from '../../core/seeded-random.ts';
import type { FrameworkDefinition } from '../../domains/framework/definition.ts';
import { responseScaleOf, selfAssessedCapabilities } from '../../domains/framework/definition.ts';

export interface ModelItem {
  key: string;
  capability: number;
  points: number;
  reversed: boolean;
  loading: number;
  /** How easy the item is to endorse. */
  offset: number;
}

export interface ModelCapability {
  key: string;
  block: string;
  name: string;
  derailer: boolean;
  practice: string | null;
}

export interface AnswerModel {
  capabilities: ModelCapability[];
  items: ModelItem[];
}

export function answerModel(definition: FrameworkDefinition, random: () => number): AnswerModel {
  const caps = selfAssessedCapabilities(definition);
  const items: ModelItem[] = [];
  caps.forEach((c, capability) => {
    const points = responseScaleOf(definition, c).labels.length;
    for (const item of c.items) {
      if (item.retired) continue;
      items.push({
        key: item.key,
        capability,
        points,
        reversed: item.reversed,
        loading: 0.6 + 0.25 * random(),
        offset: -0.3 + 0.6 * random(),
      });
    }
  });
  return {
    capabilities: caps.map((c) => ({
      key: c.key,
      block: c.block,
      name: c.name,
      derailer: c.derailer,
      practice: c.practice,
    })),
    items,
  };
}

/** Per-person capability levels, one row of `capabilities.length` per person. */
export function personLevels(
  model: AnswerModel,
  seniorities: ReadonlyArray<number>,
  random: () => number,
): Float32Array {
  const normal = normalFrom(random);
  const width = model.capabilities.length;
  const levels = new Float32Array(seniorities.length * width);
  seniorities.forEach((seniority, p) => {
    const general = normal();
    const stageShift = (seniority - 2) / 2; // −1 (IC) … +1 (executive)
    model.capabilities.forEach((c, i) => {
      const practiceShift =
        c.practice === 'lead' ? 1.5 * stageShift : c.practice === 'manage' ? -0.6 * stageShift : 0;
      levels[p * width + i] = 0.6 * general + 0.8 * normal() + practiceShift;
    });
  });
  return levels;
}

export interface Rating {
  /** The person's level shift per capability since their levels were drawn (growth), or null. */
  growth: ((capability: number) => number) | null;
  /** Positive for self-ratings; others see a little less. */
  lean: number;
  /** The rater's own leniency. */
  raterEffect: number;
  cantSayRate: number;
  noise: number;
}

/**
 * Answers (raw, as stored: reverse-keyed items mirrored) of one rating of person `p`, as a compact
 * byte per item, 0 for "can't say". `only` restricts it to some items (a pulse).
 */
export function rate(
  model: AnswerModel,
  levels: Float32Array,
  p: number,
  r: Rating,
  random: () => number,
  normal: () => number,
  only?: ReadonlySet<number>,
): Uint8Array {
  const width = model.capabilities.length;
  const out = new Uint8Array(model.items.length);
  model.items.forEach((item, i) => {
    if (only && !only.has(i)) return;
    if (random() < r.cantSayRate) return;
    const c = model.capabilities[item.capability]!;
    const level = levels[p * width + item.capability]! + (r.growth?.(item.capability) ?? 0);
    const lean = c.derailer ? -0.7 - r.lean * 0.5 : r.lean;
    const latent =
      item.loading * level +
      Math.sqrt(1 - item.loading ** 2) * normal() * r.noise +
      lean +
      item.offset +
      r.raterEffect;
    const agreeing = Math.round((item.points + 1) / 2 + latent * (item.points / 4.5));
    const clamped = Math.min(item.points, Math.max(1, agreeing));
    out[i] = item.reversed ? item.points + 1 - clamped : clamped;
  });
  return out;
}

/** The stored JSON answers of a compact rating: every asked item, null for "can't say". */
export function answersJson(
  model: AnswerModel,
  compact: Uint8Array,
  only?: ReadonlySet<number>,
): Record<string, number | null> {
  const answers: Record<string, number | null> = {};
  model.items.forEach((item, i) => {
    if (only && !only.has(i)) return;
    answers[item.key] = compact[i] ? compact[i]! : null;
  });
  return answers;
}
