// Development plans: focus areas, behavioural experiments, practice logs, sharing with the manager
// and a consented coach, comments, and counts for admins. Private to their owner (ADR 0014).
import { defineModule } from '../../platform/module.ts';
import { seedDemoDevelopment } from './demo.ts';
import { developmentRoutes } from './routes.ts';
import * as schema from './schema.ts';

export const developmentModule = defineModule({
  name: 'development',
  schema,
  routes: developmentRoutes,
  seedDemo: (services, organisationId, people) => seedDemoDevelopment(services.db, organisationId, people),
});
