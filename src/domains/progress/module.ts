// Measured change per person: a read model over assessments, feedback (released figures only) and
// development (experiments). It owns no tables.
import { defineModule } from '../../platform/module.ts';
import { progressRoutes } from './routes.ts';

export const progressModule = defineModule({ name: 'progress', schema: {}, routes: progressRoutes });
