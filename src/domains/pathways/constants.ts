// Limits and choices of learning pathways that the web app shows as the person types, so both
// sides read them from this zod-free file (docs/adding-a-domain.md).

export const PATHWAY_TITLE_MAX = 120;
/** A pathway is a short list someone works through, not a catalogue: past 30 it stops guiding. */
export const MAX_STEPS = 30;
export const STEP_NOTE_MAX = 1000;
/** How many recommendations the page shows: enough to choose from, few enough to read. */
export const MAX_RECOMMENDATIONS = 12;

/**
 * The marks of progress on a step, in the order a person usually reaches them. Practising and
 * reflecting both need the module started (reflecting on a reading without practising is fine).
 */
export const PROGRESS_MARKS = ['started', 'practised', 'reflected'] as const;
export type ProgressMark = (typeof PROGRESS_MARKS)[number];
