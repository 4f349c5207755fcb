// The analytics job: every hour it decides, in each organisation, the current month's snapshot
// when it is missing or its inputs changed, at most daily (decide.ts). An admin's refresh enqueues
// it for their organisation with `force` (past the daily bound, still only on a change).
import { z } from 'zod';
import { defineJob } from '../../platform/jobs/define-job.ts';
import { decideAllSnapshots, decideSnapshot } from './decide.ts';

export const decideSnapshotsJob = defineJob({
  name: 'analytics.decide-snapshots',
  payload: z.object({ organisationId: z.uuid().optional(), force: z.boolean().optional() }),
  schedule: { cron: '23 * * * *' },
  async handler(payload, { services }) {
    const options = { now: services.clock(), force: payload.force ?? false };
    if (payload.organisationId) {
      const outcome = await decideSnapshot(services, payload.organisationId, options);
      services.log.info({ organisationId: payload.organisationId, ...outcome }, 'analytics snapshot');
    } else {
      const decided = await decideAllSnapshots(services, options);
      if (decided) services.log.info({ decided }, 'analytics snapshots decided');
    }
  },
});

export const analyticsJobs = [decideSnapshotsJob];
