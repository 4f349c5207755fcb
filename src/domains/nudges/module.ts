// Nudges: the digest email at each person's chosen frequency, weekday, hour, time zone and quiet
// hours, their choices about it, and its one-click unsubscribe. Reads the plan through home's
// readPlanGlance and the next check-in through checkins, so it comes after both.
import { defineModule } from '../../platform/module.ts';
import { seedDemoNudges } from './demo.ts';
import { nudgesJobs } from './jobs.ts';
import { nudgesRoutes } from './routes.ts';
import * as schema from './schema.ts';

export const nudgesModule = defineModule({
  name: 'nudges',
  schema,
  routes: nudgesRoutes,
  jobs: nudgesJobs,
  seedDemo: (services, organisationId, people) => seedDemoNudges(services, organisationId, people),
});
