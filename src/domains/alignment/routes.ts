import { type AnyRoute, route } from '../../platform/http/route.ts';
import { alignmentApi } from './endpoints.ts';
import { createGoal, deleteGoal, getGoal, listGoals, orderGoals, updateGoal } from './goals.ts';
import { createValue, getValue, listValues, orderValues, retireValue, updateValue } from './values.ts';

const ADMIN = ['admin'] as const;
const TAG = 'alignment';

export const alignmentRoutes: AnyRoute[] = [
  route(alignmentApi.goals, {
    summary:
      'The organisation’s goals in order: active and achieved ones, and for admins drafts and dropped ones too',
    tag: TAG,
    access: 'signed-in',
    tenant: true,
    handler: ({ scope }) => listGoals(scope, { all: scope.viewer.roles.includes('admin') }),
  }),
  route(alignmentApi.createGoal, {
    summary: 'Add a goal (a draft unless a status is given); the owner must be an active person',
    tag: TAG,
    access: ADMIN,
    tenant: true,
    handler: async ({ scope, body }) => getGoal(scope, await createGoal(scope, body)),
  }),
  route(alignmentApi.updateGoal, {
    summary: 'Change a goal’s title, description, owner, period or status',
    tag: TAG,
    access: ADMIN,
    tenant: true,
    async handler({ scope, params, body }) {
      await updateGoal(scope, { id: params.id, changes: body });
      return getGoal(scope, params.id);
    },
  }),
  route(alignmentApi.deleteGoal, {
    summary: 'Delete a goal added by mistake (409 if plans link to it: mark it dropped instead)',
    tag: TAG,
    access: ADMIN,
    tenant: true,
    handler: ({ scope, params }) => deleteGoal(scope, params.id),
  }),
  route(alignmentApi.orderGoals, {
    summary: 'Reorder the goals (every goal id, each once)',
    tag: TAG,
    access: ADMIN,
    tenant: true,
    async handler({ scope, body }) {
      await orderGoals(scope, body.ids);
      return listGoals(scope, { all: true });
    },
  }),
  route(alignmentApi.values, {
    summary: 'The organisation’s values in order, each with the framework capability it maps to',
    tag: TAG,
    access: 'signed-in',
    tenant: true,
    handler: ({ scope }) => listValues(scope),
  }),
  route(alignmentApi.createValue, {
    summary:
      'Add a value (names are unique, ignoring case); it may map to a capability of the current framework',
    tag: TAG,
    access: ADMIN,
    tenant: true,
    handler: async ({ scope, body }) => getValue(scope, await createValue(scope, body)),
  }),
  route(alignmentApi.updateValue, {
    summary: 'Change a value’s name, description or capability',
    tag: TAG,
    access: ADMIN,
    tenant: true,
    async handler({ scope, params, body }) {
      await updateValue(scope, { id: params.id, changes: body });
      return getValue(scope, params.id);
    },
  }),
  route(alignmentApi.retireValue, {
    summary: 'Retire a value: it leaves every list; plans that link to it keep the link',
    tag: TAG,
    access: ADMIN,
    tenant: true,
    handler: ({ scope, params }) => retireValue(scope, params.id),
  }),
  route(alignmentApi.orderValues, {
    summary: 'Reorder the values (every value id not retired, each once)',
    tag: TAG,
    access: ADMIN,
    tenant: true,
    async handler({ scope, body }) {
      await orderValues(scope, body.ids);
      return listValues(scope);
    },
  }),
];
