// The job queue's own tables, and the nightly upkeep of the embedded database it schedules.
import { databaseMaintenanceJob } from '../db/maintenance.ts';
import { defineModule } from '../module.ts';
import * as tenancySchema from '../tenancy/schema.ts';
import * as schema from './schema.ts';

export const platformModule = defineModule({
  name: 'platform',
  schema: { ...tenancySchema, ...schema },
  routes: [],
  jobs: [databaseMaintenanceJob],
});
