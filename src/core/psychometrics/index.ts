// The psychometrics engine: pure functions, no I/O. Matches R's psych 2.2.9 (alpha) and
// multilevel 2.7-1 (rwg, rwg.j, ICC1, ICC2) on the fixtures in fixtures/psychometrics/.
export * from './agreement.ts';
export * from './change.ts';
export * from './csv-input.ts';
export * from './descriptives.ts';
export * from './errors.ts';
export * from './linear-algebra.ts';
export * from './reliability.ts';
export * from './scoring.ts';
