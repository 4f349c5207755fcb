// Self-assessment, the leadership profile and the expected manage/lead balance per career stage.
import { defineModule } from '../../platform/module.ts';
import { inOrganisationScope } from '../../platform/scope.ts';
import { seedDemoAssessments } from './demo.ts';
import { assessmentRoutes } from './routes.ts';
import * as schema from './schema.ts';
import { installDefaultStageBalance } from './stage-balance.ts';

export const assessmentsModule = defineModule({
  name: 'assessments',
  schema,
  routes: assessmentRoutes,
  setUpOrganisation: installDefaultStageBalance,
  seedDemo: (services, organisationId, people) =>
    inOrganisationScope(services, organisationId, (scope) => seedDemoAssessments(scope, people)),
});
