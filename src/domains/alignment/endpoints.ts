// The alignment API: method, path and contracts of each route, shared with the web client.
import { z } from 'zod';
import { endpoint } from '../../platform/http/endpoint.ts';
import {
  goal,
  goalInput,
  goalUpdate,
  idParams,
  orderInput,
  value,
  valueInput,
  valueUpdate,
} from './contracts.ts';

export const alignmentApi = {
  goals: endpoint({ method: 'get', path: '/api/alignment/goals', response: z.array(goal) }),
  createGoal: endpoint({
    method: 'post',
    path: '/api/alignment/goals',
    body: goalInput,
    status: 201,
    response: goal,
  }),
  updateGoal: endpoint({
    method: 'patch',
    path: '/api/alignment/goals/:id',
    params: idParams,
    body: goalUpdate,
    response: goal,
  }),
  deleteGoal: endpoint({ method: 'delete', path: '/api/alignment/goals/:id', params: idParams, status: 204 }),
  orderGoals: endpoint({
    method: 'put',
    path: '/api/alignment/goals/order',
    body: orderInput,
    response: z.array(goal),
  }),
  values: endpoint({ method: 'get', path: '/api/alignment/values', response: z.array(value) }),
  createValue: endpoint({
    method: 'post',
    path: '/api/alignment/values',
    body: valueInput,
    status: 201,
    response: value,
  }),
  updateValue: endpoint({
    method: 'patch',
    path: '/api/alignment/values/:id',
    params: idParams,
    body: valueUpdate,
    response: value,
  }),
  retireValue: endpoint({
    method: 'delete',
    path: '/api/alignment/values/:id',
    params: idParams,
    status: 204,
  }),
  orderValues: endpoint({
    method: 'put',
    path: '/api/alignment/values/order',
    body: orderInput,
    response: z.array(value),
  }),
};
