import { type AnyRoute, route } from '../../platform/http/route.ts';
import { asViewer } from '../../platform/scope.ts';
import { campaignDetail } from './campaign-detail.ts';
import { listCampaigns, listForAdmin } from './campaign-list.ts';
import { feedbackApi } from './endpoints.ts';
import { requestOwn } from './launch.ts';
import { approveNominations, submitNominations, updateNominations } from './nominations.ts';
import { renderPdf } from './pdf.ts';
import { launchPulse, pulseOptions } from './pulse.ts';
import { loadPulseReport } from './pulse-report.ts';
import { declineRequest, raterForm, saveRaterAnswers, submitRaterAnswers } from './rater-form.ts';
import { releaseCampaign } from './release.ts';
import { cachedReportForSubject, loadReport, loadReportJson } from './report-access.ts';
import { reportCsv, reportHtml } from './report-export.ts';
import { resendToRater } from './resend.ts';
import { readSettings, updateSettings } from './settings.ts';
import { changeDeadline, closeCampaign, reopenCampaign, updateSharing } from './transitions.ts';

const ADMIN = ['admin'] as const;
// Shape only; parseToken checks it precisely and an unknown link is a 404 like any other.

const fileName = (name: string, ext: string) =>
  `lodestar-360-${
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'report'
  }.${ext}`;

export const feedbackRoutes: AnyRoute[] = [
  route(feedbackApi.settings, {
    summary:
      '360 settings: approval, rater fatigue, reminders, and the disclosure rules new campaigns promise',
    tag: 'feedback',
    access: ADMIN,
    tenant: true,
    handler: ({ scope }) => readSettings(scope),
  }),
  route(feedbackApi.updateSettings, {
    summary: 'Change some 360 settings (campaigns already launched keep the rules their raters were told)',
    tag: 'feedback',
    access: ADMIN,
    tenant: true,
    handler: ({ scope, body }) => updateSettings(scope, body),
  }),
  route(feedbackApi.adminCampaigns, {
    summary: 'Every 360 with completion counts (never rater names or content)',
    tag: 'feedback',
    access: ADMIN,
    tenant: true,
    handler: ({ scope }) => listForAdmin(scope),
  }),
  route(feedbackApi.requestOwn, {
    summary: 'Ask for your own 360',
    tag: 'feedback',
    access: 'signed-in',
    tenant: true,
    handler: ({ scope, body }) => requestOwn(scope, body),
  }),
  route(feedbackApi.campaigns, {
    summary: 'Your 360s, those of your reports, and those shared with you',
    tag: 'feedback',
    access: 'signed-in',
    tenant: true,
    handler: ({ scope }) => listCampaigns(scope),
  }),
  route(feedbackApi.campaign, {
    summary: 'One 360: status, raters (subject and manager only), counts per group, what you may do',
    tag: 'feedback',
    access: 'signed-in',
    tenant: true,
    handler: ({ scope, params }) => campaignDetail(scope, params.id),
  }),
  route(feedbackApi.saveNominations, {
    summary: 'Replace the rater list; changed raters get a new link and the old one stops working',
    tag: 'feedback',
    access: 'signed-in',
    tenant: true,
    handler: ({ scope, params, body }) => updateNominations(scope, { ...params, ...body }),
  }),
  route(feedbackApi.submitNominations, {
    summary: 'Send the rater list to your manager for approval (or straight out when no approval is needed)',
    tag: 'feedback',
    access: 'signed-in',
    tenant: true,
    handler: ({ scope, params }) => submitNominations(scope, params.id),
  }),
  route(feedbackApi.approve, {
    summary: 'As the manager, approve the rater list (optionally edited); invitations go out at once',
    tag: 'feedback',
    access: 'signed-in',
    tenant: true,
    handler: ({ scope, params, body }) => approveNominations(scope, { ...params, ...body }),
  }),
  route(feedbackApi.close, {
    summary: 'Stop taking answers now (the subject or an admin)',
    tag: 'feedback',
    access: 'signed-in',
    tenant: true,
    handler: ({ scope, params }) => closeCampaign(scope, params.id),
  }),
  route(feedbackApi.reopen, {
    summary: 'Take answers again until a new deadline (before release only)',
    tag: 'feedback',
    access: 'signed-in',
    tenant: true,
    handler: ({ scope, params, body }) => reopenCampaign(scope, { ...params, ...body }),
  }),
  route(feedbackApi.changeDeadline, {
    summary:
      'Move the deadline of an open 360 without closing it (the subject or an admin); links and reminders follow',
    tag: 'feedback',
    access: 'signed-in',
    tenant: true,
    handler: ({ scope, params, body }) => changeDeadline(scope, { ...params, ...body }),
  }),
  route(feedbackApi.resendInvitation, {
    summary:
      'Resend a rater’s invitation with a new link (the old one stops working); the same 202 whether or not they answered',
    tag: 'feedback',
    access: 'signed-in',
    tenant: true,
    handler: ({ scope, params }) => resendToRater(scope, params),
  }),
  route(feedbackApi.release, {
    summary: 'Close and release the report: it is frozen from now on',
    tag: 'feedback',
    access: 'signed-in',
    tenant: true,
    handler: ({ scope, params }) => releaseCampaign(scope, params.id),
  }),
  route(feedbackApi.share, {
    summary: 'Choose whether your manager and/or a coach may read your released report',
    tag: 'feedback',
    access: 'signed-in',
    tenant: true,
    handler: ({ scope, params, body }) => updateSharing(scope, { ...params, ...body }),
  }),
  route(feedbackApi.report, {
    summary:
      'The released report: self vs groups, blind spots, hidden strengths, derailers, balance, comments',
    tag: 'feedback',
    access: 'signed-in',
    // Not `tenant: true`: a subject's read of a built report skips the database altogether (ADR 0007,
    // report cache), so the tenant transaction is opened only on a miss, through the same asViewer.
    async handler({ services, viewer, params, c }) {
      const json =
        cachedReportForSubject(viewer.organisationId, viewer.personId, params.id) ??
        (await asViewer(services, viewer, (scope) => loadReportJson(scope, params.id)));
      return c.body(json, 200, { 'Content-Type': 'application/json; charset=utf-8' });
    },
  }),
  route(feedbackApi.reportCsv, {
    summary: 'The released report as CSV',
    tag: 'feedback',
    access: 'signed-in',
    tenant: true,
    async handler({ scope, params, c }) {
      const report = await loadReport(scope, params.id);
      return c.body(reportCsv(report), 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${fileName(report.subject.name, 'csv')}"`,
      });
    },
  }),
  route(feedbackApi.reportHtml, {
    summary: 'The released report as a printable page',
    tag: 'feedback',
    access: 'signed-in',
    tenant: true,
    async handler({ scope, params, c }) {
      const report = await loadReport(scope, params.id);
      return c.html(reportHtml(report, { own: report.subject.id === scope.viewer.personId }));
    },
  }),
  route(feedbackApi.reportPdf, {
    summary: 'The released report as PDF (503 with advice when the server has no Chromium)',
    tag: 'feedback',
    access: 'signed-in',
    // Not `tenant: true`: read in the transaction and render after it, so no transaction (and no
    // pooled connection) waits on a browser.
    async handler({ services, viewer, params, c }) {
      const report = await asViewer(services, viewer, (scope) => loadReport(scope, params.id));
      const pdf = await renderPdf(reportHtml(report, { own: report.subject.id === viewer.personId }));
      return c.body(pdf as Uint8Array<ArrayBuffer>, 200, {
        'Content-Type': 'application/pdf',
        'Content-Disposition': `attachment; filename="${fileName(report.subject.name, 'pdf')}"`,
      });
    },
  }),
  route(feedbackApi.pulseOptions, {
    summary:
      'Before a pulse of your released 360: its behaviours in observer wording, who would be asked again (read-only), and whether it can start now',
    tag: 'feedback',
    access: 'signed-in',
    tenant: true,
    handler: ({ scope, params }) => pulseOptions(scope, params.id),
  }),
  route(feedbackApi.launchPulse, {
    summary:
      'Ask the same raters as your latest released 360 to re-rate 3–6 behaviours and answer one question (same links, approval, reminders and disclosure rules)',
    tag: 'feedback',
    access: 'signed-in',
    tenant: true,
    handler: ({ scope, params, body }) => launchPulse(scope, { ...params, ...body }),
  }),
  route(feedbackApi.pulseReport, {
    summary:
      'A released pulse: its figures per behaviour beside the 360’s released figures, and what was withheld and why',
    tag: 'feedback',
    access: 'signed-in',
    tenant: true,
    handler: ({ scope, params }) => loadPulseReport(scope, params.id),
  }),
  route(feedbackApi.raterForm, {
    summary:
      'The rater form behind a feedback link: items in observer wording, saved answers, the privacy promise',
    tag: 'feedback',
    access: 'public',
    handler: ({ services, params }) => raterForm(services.db, params.token),
  }),
  route(feedbackApi.raterSave, {
    summary: 'Autosave some answers and comments (null is “can’t say”)',
    tag: 'feedback',
    access: 'public',
    handler: ({ services, params, body }) => saveRaterAnswers(services.db, params.token, body),
  }),
  route(feedbackApi.raterSubmit, {
    summary: 'Submit once; every item needs an answer or “can’t say” (409 after)',
    tag: 'feedback',
    access: 'public',
    handler: ({ services, params, body }) => submitRaterAnswers(services.db, params.token, body),
  }),
  route(feedbackApi.raterDecline, {
    summary: 'Decline the request; anything saved is discarded',
    tag: 'feedback',
    access: 'public',
    handler: ({ services, params }) => declineRequest(services.db, params.token),
  }),
];
