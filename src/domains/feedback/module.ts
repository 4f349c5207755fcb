// 360° feedback: campaigns, nominations, rater links, reminders and anonymised reports.
import { defineModule } from '../../platform/module.ts';
import { seedDemoFeedback } from './demo.ts';
import { feedbackJobs } from './jobs.ts';
import { feedbackRoutes } from './routes.ts';
import * as schema from './schema.ts';

export const feedbackModule = defineModule({
  name: 'feedback',
  schema,
  routes: feedbackRoutes,
  jobs: feedbackJobs,
  seedDemo: (services, organisationId) => seedDemoFeedback(services.db, organisationId),
});
