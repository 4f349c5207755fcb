// The participant's home page: a read model over assessments, feedback, development, pathways and
// the library. It owns no tables.
import { defineModule } from '../../platform/module.ts';
import { homeRoutes } from './routes.ts';

export const homeModule = defineModule({ name: 'home', schema: {}, routes: homeRoutes });
