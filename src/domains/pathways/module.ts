// Learning pathways: the person's own ordered lists of library modules, with progress.
import { defineModule } from '../../platform/module.ts';
import { seedDemoPathways } from './demo.ts';
import { pathwayRoutes } from './routes.ts';
import * as schema from './schema.ts';

export const pathwaysModule = defineModule({
  name: 'pathways',
  schema,
  routes: pathwayRoutes,
  seedDemo: (services, organisationId, people) => seedDemoPathways(services, organisationId, people),
});
