// Impact (issue #12 item 2): before/after change per programme and capability, stored by a job and
// served from one row, with a PDF of the same report (docs/decisions/0029).
import { defineModule } from '../../platform/module.ts';
import { impactJobs } from './jobs.ts';
import { impactRoutes } from './routes.ts';
import * as schema from './schema.ts';

export const impactModule = defineModule({ name: 'impact', schema, routes: impactRoutes, jobs: impactJobs });
