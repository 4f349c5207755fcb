// Check-ins: the participant meets their manager or coach, with an agenda from their plan, shared
// notes, agreed actions that flow back into the plan, and calendar invitations by email.
import { defineModule } from '../../platform/module.ts';
import * as schema from './schema.ts';

export const checkinsModule = defineModule({
  name: 'checkins',
  schema,
  routes: [],
});
