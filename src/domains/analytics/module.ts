// Organisation analytics (issue #12, docs/decisions/0025, 0027): monthly snapshots decided by a job
// through disclosure control, pages and exports answered from them only.
import { defineModule } from '../../platform/module.ts';
import { decideSnapshot } from './decide.ts';
import { analyticsJobs } from './jobs.ts';
import { analyticsRoutes } from './routes.ts';
import * as schema from './schema.ts';

export const analyticsModule = defineModule({
  name: 'analytics',
  schema,
  routes: analyticsRoutes,
  jobs: analyticsJobs,
  // Last in src/modules.ts, so every other module's demo data exists: `npm start` shows this month.
  async seedDemo(services, organisationId) {
    await decideSnapshot(services, organisationId, { now: services.clock(), force: true });
  },
});
