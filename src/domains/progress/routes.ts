// Measured change. One route, for the signed-in person's own figures only: self-assessments are
// never shared, and a 360's sharing with a manager or coach is consent to read that report, not a
// running account of change (docs/decisions/0018). Nobody else's progress can be asked for.
import { type AnyRoute, route } from '../../platform/http/route.ts';
import { progressApi } from './endpoints.ts';
import { readProgress } from './read-progress.ts';

export const progressRoutes: AnyRoute[] = [
  route(progressApi.mine, {
    summary:
      'Your measured change per capability and focus behaviour: self-assessment and 360 against your first, ' +
      'pulse against its baseline 360, each with the reliable change index, its label, n and the reliability ' +
      'used (the organisation’s own from n = 30, else a default); the timeline and your experiments',
    tag: 'progress',
    access: 'signed-in',
    tenant: true,
    handler: ({ scope }) => readProgress(scope),
  }),
];
