// The one list of the web app's modules: routes and navigation are composed from it (app/routes.tsx,
// app/Layout.tsx). Adding a domain's pages = a folder with a module.tsx, and one line here. The order
// is the order of the navigation entries.
import { alignmentModule } from '../domains/alignment/module.tsx';
import { analyticsModule } from '../domains/analytics/module.tsx';
import { assessmentsModule } from '../domains/assessments/module.tsx';
import { checkinsModule } from '../domains/checkins/module.tsx';
import { climateModule } from '../domains/climate/module.tsx';
import { developmentModule } from '../domains/development/module.tsx';
import { feedbackModule } from '../domains/feedback/module.tsx';
import { frameworkModule } from '../domains/framework/module.tsx';
import { homeModule } from '../domains/home/module.tsx';
import { libraryModule } from '../domains/library/module.tsx';
import { nudgesModule } from '../domains/nudges/module.tsx';
import { pathwaysModule } from '../domains/pathways/module.tsx';
import { peopleModule } from '../domains/people/module.tsx';
import { programmesModule } from '../domains/programmes/module.tsx';
import { progressModule } from '../domains/progress/module.tsx';
import { reflectionModule } from '../domains/reflection/module.tsx';
import { authModule } from '../platform/auth/module.tsx';
import { mailModule } from '../platform/mail/module.tsx';
import type { WebModule } from './module.ts';

export const modules: readonly WebModule[] = [
  authModule,
  homeModule,
  peopleModule,
  assessmentsModule,
  mailModule,
  feedbackModule,
  developmentModule,
  pathwaysModule,
  reflectionModule,
  checkinsModule,
  progressModule,
  climateModule,
  libraryModule,
  frameworkModule,
  alignmentModule,
  nudgesModule,
  programmesModule,
  analyticsModule,
];
