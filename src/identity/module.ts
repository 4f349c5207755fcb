// Identity: organisations, people, teams, career stages, roles and sign-in. The one writer of
// people, so SSO or SCIM can be added later without a second writer.
import { defineModule } from '../platform/module.ts';
import { authRoutes } from './auth/routes.ts';
import * as authSchema from './auth/schema.ts';
import * as organisationsSchema from './organisations/schema.ts';
import { peopleRoutes } from './people/routes.ts';
import * as peopleSchema from './people/schema.ts';

export const identityModule = defineModule({
  name: 'identity',
  schema: { ...organisationsSchema, ...peopleSchema, ...authSchema },
  routes: [...authRoutes, ...peopleRoutes],
});
