// Measured change API contracts, shared by the server and the web app. Everything is the signed-in
// person's own (docs/decisions/0018): their self-assessments, their released 360s and pulses, their
// experiments. Every change states its n, the reliability used and where it came from.
import { z } from 'zod';
import { EXPERIMENT_STATUSES } from '../development/constants.ts';

const isoDate = z.string();

export const MEASUREMENT_KINDS = ['self', '360', 'pulse'] as const;
export type MeasurementKind = (typeof MEASUREMENT_KINDS)[number];
export const CHANGE_LABELS = ['improved', 'no-reliable-change', 'declined'] as const;
export const FIGURE_SOURCES = ['organisation', 'default'] as const;

/** One score on the timeline. */
export const progressPoint = z.object({
  kind: z.enum(MEASUREMENT_KINDS),
  /** The assessment or campaign it comes from. */
  sourceId: z.uuid(),
  date: isoDate,
  score: z.number(),
  /** Raters behind a released 360 or pulse figure; null for a self-assessment. */
  raters: z.number().int().nullable(),
});
export type ProgressPoint = z.infer<typeof progressPoint>;

export const progressChange = z.object({
  kind: z.enum(MEASUREMENT_KINDS),
  baseline: progressPoint,
  latest: progressPoint,
  /** latest − baseline, on the scale. */
  difference: z.number(),
  /** Standard error of measurement, SD·√(1 − r). */
  standardError: z.number(),
  /** √2·SE: the standard error of a difference. */
  sDiff: z.number(),
  /** Reliable change index (Jacobson & Truax): difference / S_diff. */
  rci: z.number(),
  label: z.enum(CHANGE_LABELS),
  reliability: z.object({
    value: z.number(),
    source: z.enum(FIGURE_SOURCES),
    /** The organisation's complete responses for the scale, whichever source was used. */
    n: z.number().int(),
    /** Cronbach's alpha of the scale; for one behaviour, its Spearman–Brown share for one item. */
    basis: z.enum(['alpha', 'spearman-brown']),
    /** Why the default was used (null when the organisation's figure was). */
    reason: z.string().nullable(),
  }),
  baselineSd: z.object({ value: z.number(), source: z.enum(FIGURE_SOURCES), n: z.number().int() }),
});
export type ProgressChange = z.infer<typeof progressChange>;

export const progressBehaviour = z.object({
  key: z.string(),
  /** Observer wording, as raters read it. */
  text: z.string(),
  points: z.array(progressPoint),
  change: progressChange.nullable(),
});

export const progressCapability = z.object({
  key: z.string(),
  name: z.string(),
  derailer: z.boolean(),
  /** Capabilities: more is better. Derailers (how often an old behaviour is seen): less is better. */
  higherIsBetter: z.boolean(),
  scale: z.object({ min: z.number().int(), max: z.number().int(), labels: z.array(z.string()) }),
  /** Self-assessment and 360 scores, oldest first. */
  points: z.array(progressPoint),
  /** First against latest, per kind with two or more points. */
  changes: z.array(progressChange),
  /** Focus behaviours re-rated in a pulse, each against its baseline 360. */
  behaviours: z.array(progressBehaviour),
});
export type ProgressCapability = z.infer<typeof progressCapability>;

export const progressExperiment = z.object({
  id: z.uuid(),
  title: z.string(),
  startsOn: z.string(),
  reviewOn: z.string(),
  status: z.enum(EXPERIMENT_STATUSES),
  focus: z.object({ title: z.string(), capabilityKey: z.string().nullable() }),
});
export type ProgressExperiment = z.infer<typeof progressExperiment>;

export const progressResponse = z.object({
  method: z.object({
    /** |RCI| above this is a reliable change (two-sided p < .05). */
    criticalValue: z.number(),
    minimumN: z.number().int(),
    defaultReliability: z.number(),
    defaultSdShareOfRange: z.number(),
    statement: z.string(),
  }),
  capabilities: z.array(progressCapability),
  experiments: z.array(progressExperiment),
});
export type ProgressResponse = z.infer<typeof progressResponse>;
