import { listCareerStages } from '../../identity/organisations/service.ts';
import { type AnyRoute, route } from '../../platform/http/route.ts';
import type { Viewer } from '../../platform/http/viewer.ts';
import type { Services } from '../../platform/services.ts';
import { assessmentsApi } from './endpoints.ts';
import { qualityCsv } from './instrument-quality.ts';
import { listPersonAssessments } from './list-person-assessments.ts';
import {
  type AssessmentScope,
  assessmentHistory,
  discardAssessment,
  getForm,
  getProfile,
  latestProfile,
  openForm,
  saveAnswers,
  startOrResume,
  submitAssessment,
  versionQuality,
} from './service.ts';
import { listStageBalance, updateStageBalance } from './stage-balance.ts';

const ADMIN = ['admin'] as const;

/** Runs `work` in the viewer's organisation with what the assessment service needs. */
function asViewer<T>(
  services: Services,
  viewer: Viewer,
  work: (scope: AssessmentScope) => Promise<T>,
): Promise<T> {
  return services.db.inOrganisation(viewer.organisationId, (tx) =>
    work({ tx, kind: services.db.kind, viewer }),
  );
}

type Ctx = { services: Services; viewer: Viewer };
const scoped =
  <T>(work: (scope: AssessmentScope) => Promise<T>) =>
  ({ services, viewer }: Ctx) =>
    asViewer(services, viewer, work);

export const assessmentRoutes: AnyRoute[] = [
  route(assessmentsApi.startOrResume, {
    summary:
      'Start a self-assessment on the current framework version, or resume the one in progress ' +
      '(201 when started, 200 when resumed)',
    tag: 'assessments',
    access: 'signed-in',
    async handler({ services, viewer, c }) {
      const { form, created } = await asViewer(services, viewer, startOrResume);
      return c.json(form, created ? 201 : 200);
    },
  }),
  route(assessmentsApi.current, {
    summary:
      'The assessment in progress: pages of items in self wording, answers so far, progress (404 if none)',
    tag: 'assessments',
    access: 'signed-in',
    handler: scoped(openForm),
  }),
  route(assessmentsApi.get, {
    summary: 'One of your assessments, as a form with your answers',
    tag: 'assessments',
    access: 'signed-in',
    handler: ({ services, viewer, params }) =>
      asViewer(services, viewer, (scope) => getForm(scope, params.id)),
  }),
  route(assessmentsApi.saveAnswers, {
    summary:
      'Autosave some answers (value null is “can’t say”); saving the same answers again changes nothing',
    tag: 'assessments',
    access: 'signed-in',
    handler: ({ services, viewer, params, body }) =>
      saveAnswers(services.db, viewer, params.id, body.answers),
  }),
  route(assessmentsApi.submit, {
    summary:
      'Submit, optionally with final answers; every question needs an answer or “can’t say”. Returns the profile',
    tag: 'assessments',
    access: 'signed-in',
    handler: ({ services, viewer, params, body }) =>
      submitAssessment(services.db, viewer, params.id, body.answers),
  }),
  route(assessmentsApi.discard, {
    summary: 'Discard your assessment in progress (submitted ones stay)',
    tag: 'assessments',
    access: 'signed-in',
    handler: ({ services, viewer, params }) =>
      asViewer(services, viewer, (scope) => discardAssessment(scope, params.id)),
  }),
  route(assessmentsApi.profile, {
    summary: 'The leadership profile of one of your submitted assessments, scored on its own version',
    tag: 'assessments',
    access: 'signed-in',
    handler: ({ services, viewer, params }) =>
      asViewer(services, viewer, (scope) => getProfile(scope, params.id)),
  }),
  route(assessmentsApi.myProfile, {
    summary: 'Your leadership profile from your latest submitted self-assessment (404 if none)',
    tag: 'assessments',
    access: 'signed-in',
    handler: scoped(latestProfile),
  }),
  route(assessmentsApi.myAssessments, {
    summary:
      'Your self-assessments, oldest first, with scores of the submitted ones for charts across retakes',
    tag: 'assessments',
    access: 'signed-in',
    handler: scoped(assessmentHistory),
  }),
  route(assessmentsApi.personAssessments, {
    summary:
      'A person’s self-assessments, status only (started, submitted, progress; never answers or scores): ' +
      'for the person, their manager and admins (403 for anyone else)',
    tag: 'assessments',
    access: 'signed-in',
    handler: ({ services, viewer, params }) =>
      asViewer(services, viewer, (scope) => listPersonAssessments(scope, params.id)),
  }),
  route(assessmentsApi.stageBalance, {
    summary: 'The manage/lead balance expected at each career stage (lead share 0..1, null when not set)',
    tag: 'assessments',
    access: ADMIN,
    handler: ({ services, viewer }) =>
      services.db.inOrganisation(viewer.organisationId, async (tx) =>
        listStageBalance(tx, viewer.organisationId, await listCareerStages({ tx })),
      ),
  }),
  route(assessmentsApi.updateStageBalance, {
    summary: 'Set or clear (null) the expected lead share of the listed career stages',
    tag: 'assessments',
    access: ADMIN,
    handler: ({ services, viewer, body }) =>
      services.db.inOrganisation(viewer.organisationId, async (tx) => {
        const stages = await listCareerStages({ tx });
        await updateStageBalance(tx, viewer.organisationId, stages, body);
        return listStageBalance(tx, viewer.organisationId, stages);
      }),
  }),
  route(assessmentsApi.quality, {
    summary: `Reliability of each scale on this organisation's submitted responses (from n = 30), weak items flagged`,
    tag: 'framework',
    access: ADMIN,
    handler: ({ services, viewer, params }) =>
      services.db.inOrganisation(viewer.organisationId, (tx) =>
        versionQuality(tx, services.db.kind, viewer.organisationId, params.id),
      ),
  }),
  route(assessmentsApi.qualityCsv, {
    summary: 'The instrument quality report as a CSV file, one row per item',
    tag: 'framework',
    access: ADMIN,
    async handler({ services, viewer, params, c }) {
      const report = await services.db.inOrganisation(viewer.organisationId, (tx) =>
        versionQuality(tx, services.db.kind, viewer.organisationId, params.id),
      );
      const date = new Date().toISOString().slice(0, 10);
      return c.body(qualityCsv(report), 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="lodestar-instrument-quality-v${report.version.number}-${date}.csv"`,
      });
    },
  }),
];
