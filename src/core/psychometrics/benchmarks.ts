// External benchmarks for the impact pages: published figures, not computed from anyone's data.

export interface ExternalBenchmark<Outcome extends string> {
  /** Marks figures taken from the literature, so a page never shows them as the organisation's own. */
  source: 'external';
  citation: string;
  doi: string;
  /** What the figures are. */
  metric: string;
  effects: Readonly<Record<Outcome, number>>;
}

/**
 * Lacerenza et al. (2017), meta-analysis of 335 independent samples: the overall effect (δ) of
 * leadership training on each of Kirkpatrick's four criteria. An organisation's d_rm is on the scale
 * of a between-groups d and can be set beside these, as a rough reference, not a target: they average
 * many designs, programmes and measures.
 */
export const LACERENZA_2017_LEADERSHIP_TRAINING: ExternalBenchmark<
  'reactions' | 'learning' | 'transfer' | 'results'
> = Object.freeze({
  source: 'external',
  citation:
    'Lacerenza, C. N., Reyes, D. L., Marlow, S. L., Joseph, D. L., & Salas, E. (2017). Leadership training ' +
    'design, delivery, and implementation: A meta-analysis. Journal of Applied Psychology, 102(12), 1686–1718.',
  doi: '10.1037/apl0000241',
  metric: 'meta-analytic standardised mean difference (δ) of leadership training, by criterion',
  effects: Object.freeze({ reactions: 0.63, learning: 0.73, transfer: 0.82, results: 0.72 }),
});
