// Nudges: the digest email, each person's choices about it, and its one-click unsubscribe.
import { defineModule } from '../../platform/module.ts';
import * as schema from './schema.ts';

export const nudgesModule = defineModule({ name: 'nudges', schema, routes: [] });
