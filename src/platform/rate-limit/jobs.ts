// Ended rate-limit windows count for nothing; an hourly job deletes them so the table stays small.
import { z } from 'zod';
import { defineJob } from '../jobs/define-job.ts';
import { pruneRateLimits } from './rate-limit.ts';

export const pruneRateLimitsJob = defineJob({
  name: 'rate-limits.prune',
  payload: z.object({}),
  schedule: { cron: '41 * * * *' },
  async handler(_payload, { services }) {
    const pruned = await services.db.asSystem((tx) => pruneRateLimits(tx));
    if (pruned) services.log.debug({ pruned }, 'pruned ended rate-limit windows');
  },
});
