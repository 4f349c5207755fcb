// The released 360 report at /feedback/:id/report. Every figure comes from the server's frozen,
// disclosure-checked report: the page only arranges it. It never labels a figure with a group the
// server did not return as a column, so a suppressed group cannot reappear here by name.
// The sections live beside it: report-actions.tsx (downloads, sharing), report-sections.tsx (the
// summaries) and report-tables.tsx (the capability charts and every statement).
import { type ReactNode, useEffect } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../api.ts';
import { formatDate, formatNumber, t } from '../../i18n/index.ts';
import { Alert, LoadError, Loading, PageHeading } from '../../ui/components.tsx';
import { errorText } from '../../ui/errors.ts';
import type { CampaignDetail, FeedbackReport } from './feedback-api.ts';
import { useCampaign, useReport } from './queries.ts';
import { Downloads, Sharing } from './report-actions.tsx';
import type { Series } from './report-charts.tsx';
import { Balance, Behaviours, Comments, GapList, Gaps, Responses, type Voice } from './report-sections.tsx';
import { CapabilityChart, Items } from './report-tables.tsx';
import './feedback.css';

/** Printing shows the tables that are folded away on screen: open them for the print, then restore. */
function useOpenDetailsForPrint(): void {
  useEffect(() => {
    let opened: HTMLDetailsElement[] = [];
    const before = () => {
      opened = [...document.querySelectorAll<HTMLDetailsElement>('.report details:not([open])')];
      for (const d of opened) d.open = true;
    };
    const after = () => {
      for (const d of opened) d.open = false;
      opened = [];
    };
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
}

export function ReportPage({ id }: { id: string }) {
  const report = useReport(id);
  const campaign = useCampaign(id);
  const failed = [report, campaign].find((q) => q.isError);
  useOpenDetailsForPrint();
  let title = t('report.title');
  let content: ReactNode;
  if (failed) {
    const missing = failed.error instanceof ApiError && [400, 403, 404, 409].includes(failed.error.status);
    content = missing ? (
      <Alert tone="info">{t('report.unavailable')}</Alert>
    ) : (
      <LoadError
        message={errorText(failed.error)}
        onRetry={() => {
          for (const q of [report, campaign]) if (q.isError) void q.refetch();
        }}
      />
    );
  } else if (!report.data || !campaign.data) content = <Loading />;
  else {
    title = t('report.titleFor', { name: report.data.subject.name });
    content = <Report report={report.data} campaign={campaign.data} />;
  }
  return (
    <section className="report">
      <p className="breadcrumb no-print">
        <Link to={`/feedback/${encodeURIComponent(id)}`}>
          <span aria-hidden="true">← </span>
          {t('report.backToCampaign')}
        </Link>
      </p>
      <PageHeading title={title} />
      {content}
    </section>
  );
}

function Report({ report, campaign }: { report: FeedbackReport; campaign: CampaignDetail }) {
  const columns = report.columns.map((c) => c.group);
  const series: Series[] = ['self', ...columns, 'all'];
  const capabilities = report.capabilities.filter((c) => !c.derailer);
  const derailers = report.capabilities.filter((c) => c.derailer);
  const scale = report.capabilities[0]?.scale;
  const voice: Voice = { own: campaign.viewerRole === 'subject', name: report.subject.name };
  const name = voice.name;

  return (
    <>
      <p className="subtitle">
        {t('report.meta', {
          date: formatDate(report.releasedAt),
          framework: report.version.name,
          version: report.version.number,
        })}
      </p>
      <p className="muted">
        {report.selfSource.submittedAt
          ? voice.own
            ? t('report.selfFrom', { date: formatDate(report.selfSource.submittedAt) })
            : t('report.of.selfFrom', { name, date: formatDate(report.selfSource.submittedAt) })
          : t('report.noSelf')}
      </p>
      <Downloads id={report.campaignId} />
      {voice.own ? (
        <p className="no-print">
          <Link className="button button-primary" to="/plan/new">
            {t('report.startPlan')}
          </Link>
        </p>
      ) : null}
      {campaign.can.share ? <Sharing campaign={campaign} /> : null}
      {campaign.can.launchPulse ? (
        <section className="card pulse-offer no-print" aria-labelledby="r-pulse">
          <h2 id="r-pulse">{t('pulse.offerTitle')}</h2>
          <p>{t('pulse.offerBody')}</p>
          <Link
            className="button button-secondary"
            to={`/feedback/${encodeURIComponent(campaign.id)}/pulse/new`}
          >
            {t('pulse.offerButton')}
          </Link>
        </section>
      ) : null}

      <section className="report-section" aria-labelledby="r-read">
        <h2 id="r-read">{t('report.howToRead')}</h2>
        <p>
          {scale
            ? t('report.scaleIntro', {
                min: scale.min,
                max: scale.max,
                minLabel: scale.labels[0] ?? '',
                maxLabel: scale.labels[scale.labels.length - 1] ?? '',
              })
            : null}{' '}
          {voice.own ? t('report.othersIntro') : t('report.of.othersIntro', { name })}
        </p>
        {/* The server's own sentence (thresholds.statement) speaks to the subject; this one to whoever reads. */}
        <p>
          {voice.own
            ? t('report.statement', {
                gap: formatNumber(report.thresholds.gap),
                rwg: formatNumber(report.thresholds.agreementFlagBelow),
              })
            : t('report.of.statement', {
                name,
                gap: formatNumber(report.thresholds.gap),
                rwg: formatNumber(report.thresholds.agreementFlagBelow),
              })}
        </p>
        <p className="muted">
          {t('report.privacyIntro', {
            peers: report.policy.minimumByGroup.peers,
            reports: report.policy.minimumByGroup.direct_reports,
            others: report.policy.minimumByGroup.others,
            comments: report.policy.commentMinimum,
          })}
        </p>
      </section>

      <Responses report={report} />
      <Gaps report={report} voice={voice} />

      <section className="report-section" aria-labelledby="r-caps">
        <h2 id="r-caps">
          {voice.own ? t('report.capabilitiesTitle') : t('report.of.capabilitiesTitle', { name })}
        </h2>
        <CapabilityChart
          capabilities={capabilities}
          columns={columns}
          series={series}
          caption="r-caps-table"
        />
      </section>

      <Behaviours report={report} voice={voice} />

      {derailers.length ? (
        <section className="report-section" aria-labelledby="r-derailers">
          <h2 id="r-derailers">{t('report.derailersTitle')}</h2>
          <p>{voice.own ? t('report.derailersIntro') : t('report.of.derailersIntro', { name })}</p>
          <CapabilityChart capabilities={derailers} columns={columns} series={series} caption="r-der-table" />
          {report.derailerBlindSpots.length ? (
            <>
              <h3>
                {voice.own ? t('report.derailerBlindSpots') : t('report.of.derailerBlindSpots', { name })}
              </h3>
              <GapList entries={report.derailerBlindSpots} voice={voice} />
            </>
          ) : (
            <p className="muted">
              {voice.own ? t('report.noDerailerBlindSpots') : t('report.of.noDerailerBlindSpots', { name })}
            </p>
          )}
        </section>
      ) : null}

      <Balance report={report} voice={voice} />
      <Items report={report} columns={columns} />
      <Comments report={report} />
    </>
  );
}
