// Email: the outbox (always) and SMTP delivery (when configured), as a background job.
import { defineModule } from '../module.ts';
import { deliverEmailJob, deliverEmailsJob } from './mailer.ts';
import { mailRoutes } from './routes.ts';
import * as schema from './schema.ts';

export const mailModule = defineModule({
  name: 'mail',
  schema,
  routes: mailRoutes,
  jobs: [deliverEmailJob, deliverEmailsJob],
});
