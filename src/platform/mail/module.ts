// Email: the outbox (always) and SMTP delivery (when configured), as a background job.
import { defineModule } from '../module.ts';
import { registerMailJobs } from './mailer.ts';
import { mailRoutes } from './routes.ts';
import * as schema from './schema.ts';

export const mailModule = defineModule({
  name: 'mail',
  schema,
  routes: mailRoutes,
  async registerJobs(jobs, services) {
    registerMailJobs(jobs, services.db, services.config, services.log);
  },
});
