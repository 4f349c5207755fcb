// Every API route of the app, by domain. The authorisation test walks this list.
import { assessmentRoutes } from './domains/assessments/routes.ts';
import { feedbackRoutes } from './domains/feedback/routes.ts';
import { frameworkRoutes } from './domains/framework/routes.ts';
import { peopleRoutes } from './domains/people/routes.ts';
import { authRoutes } from './platform/auth/routes.ts';
import type { AnyRoute } from './platform/http/route.ts';
import { mailRoutes } from './platform/mail/routes.ts';

export const allRoutes: AnyRoute[] = [
  ...authRoutes,
  ...peopleRoutes,
  ...mailRoutes,
  ...frameworkRoutes,
  ...assessmentRoutes,
  ...feedbackRoutes,
];
