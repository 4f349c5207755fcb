// Organisation goals and cultural values: admins keep them, participants see them, plans link to them.
import { defineModule } from '../../platform/module.ts';
import { inOrganisationScope } from '../../platform/scope.ts';
import { seedDemoAlignment } from './demo.ts';
import { alignmentRoutes } from './routes.ts';
import * as schema from './schema.ts';

export const alignmentModule = defineModule({
  name: 'alignment',
  schema,
  routes: alignmentRoutes,
  seedDemo: (services, organisationId, people) =>
    inOrganisationScope(services, organisationId, (scope) => seedDemoAlignment(scope, people)),
});
