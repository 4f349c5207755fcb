import { type AnyRoute, route } from '../../platform/http/route.ts';
import { actionToExperiment, addAction, setActionDone } from './actions.ts';
import { checkinsApi as api } from './endpoints.ts';
import { writeLearned, writeNotes } from './notes.ts';
import { checkInProposal } from './proposal.ts';
import { checkInDetail, listCheckIns, myTasks } from './read.ts';
import { cancelCheckIn, completeCheckIn, rescheduleCheckIn, scheduleCheckIn } from './schedule.ts';

const tag = 'check-ins';

export const checkinRoutes: AnyRoute[] = [
  route(api.list, {
    summary: 'Your check-ins: those you scheduled and those you hold as manager or coach',
    tag,
    access: 'signed-in',
    tenant: true,
    handler: ({ scope }) => listCheckIns(scope),
  }),
  route(api.proposal, {
    summary:
      'Whom you can schedule a check-in with (your manager, your coach) and the experiments due you may put on its agenda',
    tag,
    access: 'signed-in',
    tenant: true,
    handler: ({ scope, query }) => checkInProposal(scope, query.today),
  }),
  route(api.myTasks, {
    summary: 'Tasks agreed in your check-ins, for your plan',
    tag,
    access: 'signed-in',
    tenant: true,
    handler: ({ scope }) => myTasks(scope),
  }),
  route(api.schedule, {
    summary:
      'Schedule a check-in with your manager or coach; both get a calendar invitation (METHOD:REQUEST) by email',
    tag,
    access: 'signed-in',
    tenant: true,
    handler: ({ scope, body }) => scheduleCheckIn(scope, body),
  }),
  route(api.detail, {
    summary: 'One check-in, for the participant and their counterpart only',
    tag,
    access: 'signed-in',
    tenant: true,
    handler: ({ scope, params }) => checkInDetail(scope, params.id),
  }),
  route(api.reschedule, {
    summary: 'Move your check-in; both get the updated invitation (same UID, next SEQUENCE)',
    tag,
    access: 'signed-in',
    tenant: true,
    handler: ({ scope, params, body }) => rescheduleCheckIn(scope, { ...params, ...body }),
  }),
  route(api.cancel, {
    summary: 'Cancel your check-in; both get METHOD:CANCEL (same UID, next SEQUENCE)',
    tag,
    access: 'signed-in',
    tenant: true,
    handler: ({ scope, params }) => cancelCheckIn(scope, params.id),
  }),
  route(api.complete, {
    summary: 'Mark your check-in as held',
    tag,
    access: 'signed-in',
    tenant: true,
    handler: ({ scope, params }) => completeCheckIn(scope, params.id),
  }),
  route(api.learned, {
    summary: 'Write what you learned, for the agenda of your check-in',
    tag,
    access: 'signed-in',
    tenant: true,
    handler: ({ scope, params, body }) => writeLearned(scope, { ...params, ...body }),
  }),
  route(api.notes, {
    summary: 'Write the shared notes of a check-in (either of its two people); 409 if changed meanwhile',
    tag,
    access: 'signed-in',
    tenant: true,
    handler: ({ scope, params, body }) => writeNotes(scope, { ...params, ...body }),
  }),
  route(api.addAction, {
    summary: 'Record an action agreed in a check-in (either of its two people)',
    tag,
    access: 'signed-in',
    tenant: true,
    handler: ({ scope, params, body }) => addAction(scope, { ...params, ...body }),
  }),
  route(api.actionDone, {
    summary: 'Tick an agreed task done, or not',
    tag,
    access: 'signed-in',
    tenant: true,
    handler: ({ scope, params, body }) => setActionDone(scope, { ...params, ...body }),
  }),
  route(api.actionToExperiment, {
    summary: 'Turn an action agreed in your check-in into an experiment in one of your active focus areas',
    tag,
    access: 'signed-in',
    tenant: true,
    handler: ({ scope, params, body }) => actionToExperiment(scope, { ...params, ...body }),
  }),
];
