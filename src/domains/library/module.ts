// The empowering-skills library: short modules per capability, built in and the organisation's own.
import { defineModule } from '../../platform/module.ts';
import { installBuiltInModules } from './built-in.ts';
import { seedDemoLibrary } from './demo.ts';
import { libraryRoutes } from './routes.ts';
import * as schema from './schema.ts';

export const libraryModule = defineModule({
  name: 'library',
  schema,
  routes: libraryRoutes,
  async setUpOrganisation(tx, organisationId) {
    await installBuiltInModules(tx, organisationId);
  },
  seedDemo: seedDemoLibrary,
});
