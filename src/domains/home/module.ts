// The participant's home page: a read model over assessments, feedback, development, pathways,
// reflection and the library, and the one table it owns: the organisation's journey thresholds.
import { defineModule } from '../../platform/module.ts';
import { homeRoutes } from './routes.ts';
import * as schema from './schema.ts';
import { journeySettings } from './schema.ts';

export const homeModule = defineModule({
  name: 'home',
  schema,
  routes: homeRoutes,
  // Every organisation starts with the default thresholds (the columns' defaults).
  setUpOrganisation: async (tx, organisationId) => {
    await tx.insert(journeySettings).values({ organisationId }).onConflictDoNothing();
  },
});
