// The leadership framework: versioned capabilities, items and scales, customised per organisation.
import { defineModule } from '../../platform/module.ts';
import { frameworkRoutes } from './routes.ts';
import * as schema from './schema.ts';
import { installDefaultFramework } from './service.ts';

export const frameworkModule = defineModule({
  name: 'framework',
  schema,
  routes: frameworkRoutes,
  async setUpOrganisation(tx, organisationId) {
    await installDefaultFramework(tx, organisationId);
  },
});
