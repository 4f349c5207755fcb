import { type AnyRoute, route } from '../../platform/http/route.ts';
import { acceptCoaching, declineCoaching, endCoaching, listCoaching, requestCoaching } from './coaching.ts';
import { addComment } from './comments.ts';
import { developmentApi as api } from './endpoints.ts';
import { addExperiment, setExperimentStatus, updateExperiment } from './experiments.ts';
import { addFocus, setFocusStatus, updateFocus } from './focus-areas.ts';
import { planDetail } from './plan-detail.ts';
import { closePlan, myPlans, startPlan, updatePlan } from './plans.ts';
import { listPractice, logPractice } from './practice-log.ts';
import { setFocusSharing, sharedWithMe } from './sharing.ts';
import { plansSummary } from './summary.ts';

const tag = 'development';
const ADMIN = ['admin'] as const;

export const developmentRoutes: AnyRoute[] = [
  route(api.myPlans, {
    summary: 'Your plans: the current one and the closed ones (history)',
    tag,
    access: 'signed-in',
    tenant: true,
    handler: ({ scope }) => myPlans(scope),
  }),
  route(api.startPlan, {
    summary: 'Start a new plan with the focus areas you picked; your current plan is closed and kept',
    tag,
    access: 'signed-in',
    tenant: true,
    handler: ({ scope, body }) => startPlan(scope, body),
  }),
  route(api.sharedWithMe, {
    summary: 'Plans your reports or coachees shared with you (whole, or some focus areas)',
    tag,
    access: 'signed-in',
    tenant: true,
    handler: ({ scope }) => sharedWithMe(scope),
  }),
  route(api.summary, {
    summary: 'Counts of people with plans, by block, experimenting and practising; small counts suppressed',
    tag,
    access: ADMIN,
    tenant: true,
    handler: ({ scope }) => plansSummary(scope),
  }),
  route(api.plan, {
    summary: 'One plan: all of it for its owner; what was shared with you for their manager or coach',
    tag,
    access: 'signed-in',
    tenant: true,
    handler: ({ scope, params }) => planDetail(scope, params.id),
  }),
  route(api.updatePlan, {
    summary: 'Rename your plan, or share the whole of it with your manager and/or coach (or stop)',
    tag,
    access: 'signed-in',
    tenant: true,
    handler: ({ scope, params, body }) => updatePlan(scope, { ...params, ...body }),
  }),
  route(api.closePlan, {
    summary: 'Close your plan; it stays in your history',
    tag,
    access: 'signed-in',
    tenant: true,
    handler: ({ scope, params }) => closePlan(scope, params.id),
  }),
  route(api.addComment, {
    summary:
      'Comment on a plan or one focus area you may read (its owner, or the manager or coach it is shared with)',
    tag,
    access: 'signed-in',
    tenant: true,
    handler: ({ scope, params, body }) => addComment(scope, { ...params, ...body }),
  }),
  route(api.addFocus, {
    summary: 'Add a focus area to your plan (at most 3 active)',
    tag,
    access: 'signed-in',
    tenant: true,
    handler: ({ scope, params, body }) => addFocus(scope, { ...params, ...body }),
  }),
  route(api.updateFocus, {
    summary: 'Change the title, goal, why or links of one of your focus areas',
    tag,
    access: 'signed-in',
    tenant: true,
    handler: ({ scope, params, body }) => updateFocus(scope, { ...params, ...body }),
  }),
  route(api.focusStatus, {
    summary: 'Mark one of your focus areas active, done or dropped',
    tag,
    access: 'signed-in',
    tenant: true,
    handler: ({ scope, params, body }) => setFocusStatus(scope, { ...params, ...body }),
  }),
  route(api.focusSharing, {
    summary: 'Share one focus area with your manager and/or coach, or stop sharing it',
    tag,
    access: 'signed-in',
    tenant: true,
    handler: ({ scope, params, body }) => setFocusSharing(scope, { ...params, ...body }),
  }),
  route(api.addExperiment, {
    summary: 'Add a behavioural experiment to one of your focus areas (optionally from a library module)',
    tag,
    access: 'signed-in',
    tenant: true,
    handler: ({ scope, params, body }) => addExperiment(scope, { ...params, ...body }),
  }),
  route(api.updateExperiment, {
    summary: 'Change one of your experiments',
    tag,
    access: 'signed-in',
    tenant: true,
    handler: ({ scope, params, body }) => updateExperiment(scope, { ...params, ...body }),
  }),
  route(api.experimentStatus, {
    summary: 'Mark one of your experiments planned, running, done or dropped',
    tag,
    access: 'signed-in',
    tenant: true,
    handler: ({ scope, params, body }) => setExperimentStatus(scope, { ...params, ...body }),
  }),
  route(api.logPractice, {
    summary: 'Log practice of one of your experiments: did it, outcome 1–5, a note',
    tag,
    access: 'signed-in',
    // Not `tenant: true`: one statement in one round trip, as the viewer (docs/decisions/0008).
    handler: ({ services, viewer, params, body }) => logPractice(services, viewer, { ...params, ...body }),
  }),
  route(api.practice, {
    summary: 'Practice entries of an experiment you may read, newest first',
    tag,
    access: 'signed-in',
    tenant: true,
    handler: ({ scope, params }) => listPractice(scope, params.id),
  }),
  route(api.coaching, {
    summary: 'Your coaching: whom you coach, who coaches you, requests waiting (admins: the organisation’s)',
    tag,
    access: 'signed-in',
    tenant: true,
    handler: ({ scope }) => listCoaching(scope),
  }),
  route(api.requestCoaching, {
    summary: 'As a coach, ask to coach someone; as an admin, propose a coach. The coachee decides',
    tag,
    access: ['coach', 'admin'],
    tenant: true,
    handler: ({ scope, body }) => requestCoaching(scope, body),
  }),
  route(api.acceptCoaching, {
    summary: 'Accept a coaching request made to you',
    tag,
    access: 'signed-in',
    tenant: true,
    handler: ({ scope, params }) => acceptCoaching(scope, params.id),
  }),
  route(api.declineCoaching, {
    summary: 'Decline a coaching request made to you',
    tag,
    access: 'signed-in',
    tenant: true,
    handler: ({ scope, params }) => declineCoaching(scope, params.id),
  }),
  route(api.endCoaching, {
    summary: 'End a coaching relationship, or withdraw a request (either side)',
    tag,
    access: 'signed-in',
    tenant: true,
    handler: ({ scope, params }) => endCoaching(scope, params.id),
  }),
];
