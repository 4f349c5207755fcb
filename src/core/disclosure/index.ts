// Disclosure control for 360° results (DESIGN §3.1, docs/decisions/0006): pure functions, no I/O.
// Every 360 aggregate that leaves the server is built from releaseReport's output.
export * from './atoms.ts';
export * from './earlier-release.ts';
export * from './errors.ts';
export * from './policy.ts';
export * from './rater-set.ts';
export { type ReleaseOptions, releaseReport } from './release-report.ts';
export * from './shuffle.ts';
export * from './types.ts';
