// The psychometrics engine: pure functions, no I/O. Matches R's psych 2.2.9 (alpha),
// multilevel 2.7-1 (rwg, rwg.j, ICC1, ICC2) and base R's pt/qt, prop.test and t.test (effect sizes,
// shares, Welch) on the fixtures in test/fixtures/psychometrics/.
export * from './agreement.ts';
export * from './benchmarks.ts';
export * from './change.ts';
export * from './change-groups.ts';
export * from './csv-input.ts';
export * from './descriptives.ts';
export * from './distributions.ts';
export * from './effect-size.ts';
export * from './errors.ts';
export * from './linear-algebra.ts';
export * from './reliability.ts';
export * from './scoring.ts';
