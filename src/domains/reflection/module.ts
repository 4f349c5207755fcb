// The reflection journal: private entries, each linked to an experiment or a module or to nothing,
// shared one at a time with the manager or an accepted coach. Private to their owner (ADR 0014).
import { defineModule } from '../../platform/module.ts';
import { seedDemoReflection } from './demo.ts';
import { reflectionRoutes } from './routes.ts';
import * as schema from './schema.ts';

export const reflectionModule = defineModule({
  name: 'reflection',
  schema,
  routes: reflectionRoutes,
  seedDemo: (services, organisationId, people) => seedDemoReflection(services, organisationId, people),
});
