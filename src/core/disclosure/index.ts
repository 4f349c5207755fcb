// Disclosure control (DESIGN §3.1, docs/decisions/0006, 0021): pure functions, no I/O. Every 360
// aggregate that leaves the server is built from releaseReport's output; every other aggregate over
// people (climate views, programme counts) from releaseCells / releaseCounts; organisation analytics
// from one analyticsSnapshot per calendar bucket, answered by answerQuery (docs/decisions/0025).
export * from './analytics.ts';
export * from './analytics-query.ts';
export * from './atoms.ts';
export * from './cells.ts';
export * from './earlier-release.ts';
export * from './errors.ts';
export * from './policy.ts';
export * from './rater-set.ts';
export { type ReleaseOptions, releaseReport } from './release-report.ts';
export * from './released-partition.ts';
export * from './rounds.ts';
export * from './shuffle.ts';
export * from './trend.ts';
export * from './types.ts';
