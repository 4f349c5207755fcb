// Programmes: journeys of dated steps for a cohort at any career stage, from four templates,
// launched by the job queue on their dates (docs/decisions/0023).
import { defineModule } from '../../platform/module.ts';
import { seedDemoProgrammes } from './demo.ts';
import { programmesJobs } from './jobs.ts';
import { programmeRoutes } from './routes.ts';
import * as schema from './schema.ts';

export const programmesModule = defineModule({
  name: 'programmes',
  schema,
  routes: programmeRoutes,
  jobs: programmesJobs,
  seedDemo: (services, organisationId, people) => seedDemoProgrammes(services, organisationId, people),
});
