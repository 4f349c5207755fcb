// Team climate: direct reports rate the environment their leader creates (meaning, growth,
// belonging, psychological safety) through signed-out links; leaders see it anonymised.
import { defineModule } from '../../platform/module.ts';
import { seedDemoClimate } from './demo.ts';
import { climateJobs } from './jobs.ts';
import { climateRoutes } from './routes.ts';
import * as schema from './schema.ts';

export const climateModule = defineModule({
  name: 'climate',
  schema,
  routes: climateRoutes,
  jobs: climateJobs,
  seedDemo: (services, organisationId) => seedDemoClimate(services, organisationId),
});
