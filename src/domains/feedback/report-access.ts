// Reading a released report: one function decides who may, and every export (JSON, CSV, HTML, PDF)
// goes through it and renders from the same frozen released report.
import { and, eq } from 'drizzle-orm';
import { ReadCache } from '../../platform/db/read-cache.ts';
import { conflict } from '../../platform/http/errors.ts';
import type { TenantScope } from '../../platform/scope.ts';
import { publishedVersion } from '../framework/service.ts';
import { type CampaignRow, findCampaignFor } from './campaign-row.ts';
import type { FeedbackReport } from './contracts.ts';
import { guard } from './lifecycle.ts';
import { buildReport } from './report.ts';
import { feedbackCampaigns } from './schema.ts';

// A released report never changes (the service never writes it again and a trigger refuses it), so
// the built view and its JSON can be kept for as long as memory allows, on every server instance,
// without invalidation: an immutable read cache, per organisation. The access check is still made
// on every request, from the database.
interface Built {
  subjectId: string;
  report: FeedbackReport;
  json: string;
}
const built = new ReadCache<Built>(500, { immutable: true });
const reportKey = (organisationId: string, campaignId: string) => `${organisationId}:${campaignId}`;

async function checkedCampaign(scope: TenantScope, id: string): Promise<CampaignRow> {
  const { campaign, role } = await findCampaignFor(scope, id);
  guard('readReport', role, campaign);
  // A pulse's report is a few behaviours beside its 360's (pulse-report.ts), not a 360 report.
  if (campaign.kind === 'pulse') throw conflict('this is a pulse: read it as a pulse report');
  return campaign;
}

function builtReport(scope: TenantScope, campaign: CampaignRow): Promise<Built> {
  const organisationId = scope.viewer.organisationId;
  return built.get(scope.kind, organisationId, reportKey(organisationId, campaign.id), () =>
    buildReleasedReport(scope, campaign),
  );
}

async function buildReleasedReport(scope: TenantScope, campaign: CampaignRow): Promise<Built> {
  const [row] = await scope.tx
    .select({ report: feedbackCampaigns.report, meta: feedbackCampaigns.reportMeta })
    .from(feedbackCampaigns)
    .where(
      and(
        eq(feedbackCampaigns.organisationId, scope.viewer.organisationId),
        eq(feedbackCampaigns.id, campaign.id),
      ),
    );
  const version = await publishedVersion(
    scope.tx,
    scope.kind,
    scope.viewer.organisationId,
    campaign.versionId,
  );
  const report = buildReport(row!.report!, version.definition, {
    campaignId: campaign.id,
    subject: { id: campaign.subjectId, name: campaign.subjectName },
    releasedAt: campaign.releasedAt!.toISOString(),
    version: { id: version.id, number: version.number, name: version.definition.name },
    selfSource: {
      assessmentId: row!.meta?.selfAssessmentId ?? null,
      submittedAt: row!.meta?.selfSubmittedAt ?? null,
    },
  });
  return { subjectId: campaign.subjectId, report, json: JSON.stringify(report) };
}

export async function loadReport(scope: TenantScope, id: string): Promise<FeedbackReport> {
  return (await builtReport(scope, await checkedCampaign(scope, id))).report;
}

/**
 * The released report's JSON when the viewer is its subject and it is already built, without a
 * database round trip: the subject may always read their released report, and neither the
 * subject nor the release ever changes. Anyone else (manager, coach) is checked against the
 * database every time, since sharing and reporting lines do change.
 */
export function cachedReportForSubject(organisationId: string, personId: string, id: string): string | null {
  const hit = built.peek(organisationId, reportKey(organisationId, id));
  return hit && hit.subjectId === personId ? hit.json : null;
}

/** The report as JSON text, for the API route (serialised once per released report). */
export async function loadReportJson(scope: TenantScope, id: string): Promise<string> {
  return (await builtReport(scope, await checkedCampaign(scope, id))).json;
}
