// The platform's own tables (organisations, the job queue, rate limits), the nightly upkeep of the
// embedded database and the pruning of ended rate-limit windows.
import { databaseMaintenanceJob } from '../db/maintenance.ts';
import { defineModule } from '../module.ts';
import { pruneRateLimitsJob } from '../rate-limit/jobs.ts';
import * as rateLimitSchema from '../rate-limit/schema.ts';
import * as tenancySchema from '../tenancy/schema.ts';
import * as schema from './schema.ts';

export const platformModule = defineModule({
  name: 'platform',
  schema: { ...tenancySchema, ...schema, ...rateLimitSchema },
  routes: [],
  jobs: [databaseMaintenanceJob, pruneRateLimitsJob],
});
