// /feedback/:id/pulse-report: a released pulse. Per behaviour, the pulse's released figures beside
// the 360's released figures for the same behaviour, each exactly as its own report released it:
// nothing is recomputed here, and a figure the server withheld is named as withheld, with why.
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../api.ts';
import { formatDate, t } from '../../i18n/index.ts';
import { Alert, Badge, LoadError, Loading, PageHeading, ScrollTable } from '../../ui/components.tsx';
import { errorText } from '../../ui/errors.ts';
import { formatScore } from '../../ui/format.ts';
import { type CampaignDetail, GROUPS, type PulseReport, type PulseReportItem } from './feedback-api.ts';
import { groupInSentence, groupLabel } from './labels.ts';
import { useCampaign, usePulseReport } from './queries.ts';
import { Sharing } from './report-actions.tsx';
import { Comments } from './report-sections.tsx';
import './feedback.css';

export function PulseReportPage({ id }: { id: string }) {
  const report = usePulseReport(id);
  const campaign = useCampaign(id);
  const failed = [report, campaign].find((q) => q.isError);
  let title = t('pulseReport.title');
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
    title =
      campaign.data.viewerRole === 'subject'
        ? t('pulseReport.titleOwn')
        : t('pulseReport.titleFor', { name: report.data.subject.name });
    content = <PulseView report={report.data} campaign={campaign.data} />;
  }
  return (
    <section className="report pulse-report">
      <p className="breadcrumb no-print">
        <Link to={`/feedback/${encodeURIComponent(id)}`}>
          <span aria-hidden="true">← </span>
          {t('pulseReport.backToPulse')}
        </Link>
      </p>
      <PageHeading title={title} />
      {content}
    </section>
  );
}

type Figure = { n: number; mean: number } | null;
type Row = { key: string; label: string; before: Figure; after: Figure; withheld: string | null };

/**
 * The server's figures are scored (a reverse-keyed statement mirrored, so higher is always more of
 * the capability). Next to the statement's own words they read the statement's way round: mirrored
 * back, min + max − mean, a function of the released figure alone.
 */
function asWorded(figure: Figure, item: PulseReportItem): Figure {
  if (!figure || !item.reversed) return figure;
  return { n: figure.n, mean: item.scale.min + item.scale.max - figure.mean };
}

const REASONS = ['earlier-report', 'complementary-suppression', 'below-minimum', 'no-answers'] as const;

/** Why a figure of the pulse is not shown, in words (no counts: they could tell who answered). */
function reasonText(reason: string): string {
  const known = REASONS.find((r) => r === reason) ?? 'complementary-suppression';
  return t(`pulseReport.reason.${known}`);
}

/** Whether agreeing less with the statement is the better outcome (a derailer, or a reversed statement). */
const lowerIsBetter = (item: PulseReportItem) => item.capability.derailer !== item.reversed;

/** One row per group either report shows (or the pulse withheld), then all raters. */
function rowsOf(item: PulseReportItem, report: PulseReport): Row[] {
  const statusOf = new Map(report.groups.map((g) => [g.group, g]));
  const rows: Row[] = [];
  for (const group of GROUPS) {
    const before = item.baseline?.groups.find((g) => g.group === group) ?? null;
    const after = item.pulse.groups.find((g) => g.group === group) ?? null;
    const listed = item.pulse.withheld.find((w) => w.figure === group);
    const status = statusOf.get(group);
    const dropped = status?.reason === 'earlier-report' ? 'earlier-report' : null;
    if (!before && !after && !listed && !dropped) continue;
    const withheld = after ? null : (listed?.reason ?? dropped ?? 'below-minimum');
    rows.push({ key: group, label: groupLabel(group), before, after, withheld });
  }
  const before = item.baseline?.allRaters ?? null;
  const after = item.pulse.allRaters;
  const listed = item.pulse.withheld.find((w) => w.figure === 'all_raters');
  if (before || after) {
    rows.push({
      key: 'all',
      label: t('feedback.group.combined'),
      before,
      after,
      withheld: after ? null : (listed?.reason ?? 'complementary-suppression'),
    });
  }
  return rows.map((row) => ({
    ...row,
    before: asWorded(row.before, item),
    after: asWorded(row.after, item),
  }));
}

const position = (mean: number, scale: PulseReportItem['scale']) =>
  `${((mean - scale.min) / (scale.max - scale.min)) * 100}%`;

function Track({ row, scale }: { row: Row; scale: PulseReportItem['scale'] }) {
  // Drawn for the eye only: the same numbers are in the row's cells.
  return (
    <div className="pulse-track" aria-hidden="true">
      {row.before ? (
        <span className="pulse-dot pulse-dot-before" style={{ left: position(row.before.mean, scale) }} />
      ) : null}
      {row.after ? (
        <span className="pulse-dot pulse-dot-after" style={{ left: position(row.after.mean, scale) }} />
      ) : null}
    </div>
  );
}

function FigureCell({ figure, empty }: { figure: Figure; empty: string }) {
  if (!figure) return <span className="muted">{empty}</span>;
  return (
    <>
      <span className="pulse-mean">{formatScore(figure.mean)}</span>
      <span className="pulse-n">{t('pulseReport.n', { n: figure.n })}</span>
    </>
  );
}

function difference(row: Row): string {
  if (!row.before || !row.after) return t('report.noFigure');
  const d = row.after.mean - row.before.mean;
  return `${d >= 0 ? '+' : '−'}${formatScore(Math.abs(d))}`;
}

function Behaviour({ item, report, index }: { item: PulseReportItem; report: PulseReport; index: number }) {
  const rows = rowsOf(item, report);
  const captionId = `p-item-${index}`;
  // Each reason once, under the table, naming the figures it withheld.
  const reasons = [...new Set(rows.flatMap((row) => (row.withheld ? [row.withheld] : [])))];
  return (
    <article className="card pulse-item">
      <h3 id={captionId}>{item.text}</h3>
      <p className="muted pulse-item-meta">
        {item.capability.name}{' '}
        <Badge tone={lowerIsBetter(item) ? 'warning' : 'neutral'}>
          {lowerIsBetter(item) ? t('pulseReport.lowerBetter') : t('pulseReport.higherBetter')}
        </Badge>
      </p>
      <ScrollTable labelledBy={captionId}>
        <table className="table pulse-table">
          <thead>
            <tr>
              <th scope="col">{t('report.col.group')}</th>
              <th scope="col" className="num">
                {t('pulseReport.col.before')}
              </th>
              <th scope="col" className="num">
                {t('pulseReport.col.after')}
              </th>
              <th scope="col" className="num">
                {t('pulseReport.col.difference')}
              </th>
              <th scope="col" className="pulse-track-head">
                <span className="visually-hidden">{t('pulseReport.col.chart')}</span>
                <span aria-hidden="true" className="pulse-scale">
                  <span>{item.scale.min}</span>
                  <span>{item.scale.max}</span>
                </span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                <td className="num">
                  <FigureCell
                    figure={row.before}
                    empty={report.baseline.visible ? t('report.noFigure') : t('pulseReport.notShared')}
                  />
                </td>
                <td className="num">
                  <FigureCell figure={row.after} empty={t('pulseReport.withheld')} />
                </td>
                <td className="num">{difference(row)}</td>
                <td>
                  <Track row={row} scale={item.scale} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      {reasons.map((reason) => (
        <p key={reason} className="hint pulse-withheld">
          {t('pulseReport.withheldWhy', {
            figures: rows
              .filter((row) => row.withheld === reason)
              .map((row) => row.label)
              .join(', '),
            reason: reasonText(reason),
          })}
        </p>
      ))}
    </article>
  );
}

function Responses({ report }: { report: PulseReport }) {
  const asked = report.groups.filter((g) => g.invited);
  return (
    <section className="report-section" aria-labelledby="p-responses">
      <h2 id="p-responses">{t('report.responsesTitle')}</h2>
      <ul className="pulse-responses">
        {asked.map((g) => (
          <li key={g.group}>
            <strong>{groupLabel(g.group)}</strong>:{' '}
            {t('pulseReport.answered', { responded: g.responded, invited: g.invited ?? 0 })}{' '}
            {g.disclosure === 'shown' ? (
              <Badge tone="positive">{t('report.disclosure.shown')}</Badge>
            ) : (
              <>
                <Badge tone="neutral">{t(`report.disclosure.${g.disclosure}`)}</Badge>{' '}
                <span className="suppressed-note">
                  {g.reason === 'earlier-report'
                    ? t('pulseReport.groupEarlier', { group: groupInSentence(g.group) })
                    : g.group === 'manager'
                      ? t('report.managerNotSeparate')
                      : t('report.suppressedWhy', {
                          min: report.policy.minimumByGroup[g.group],
                          group: groupInSentence(g.group),
                        })}
                </span>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function PulseView({ report, campaign }: { report: PulseReport; campaign: CampaignDetail }) {
  const scale = report.items[0]?.scale;
  return (
    <>
      <p className="subtitle">
        {t('pulseReport.meta', {
          date: formatDate(report.releasedAt),
          baseline: formatDate(report.baseline.releasedAt),
        })}
      </p>
      {report.baseline.visible ? (
        <p className="no-print">
          <Link to={`/feedback/${encodeURIComponent(report.baseline.campaignId)}/report`}>
            {t('pulseReport.readBaseline')}
          </Link>
        </p>
      ) : (
        <p className="muted">{t('pulseReport.baselineNotShared')}</p>
      )}
      {campaign.can.share ? <Sharing campaign={campaign} /> : null}

      <section className="report-section" aria-labelledby="p-read">
        <h2 id="p-read">{t('report.howToRead')}</h2>
        <p>
          {scale
            ? t('pulseReport.scaleIntro', {
                min: scale.min,
                max: scale.max,
                minLabel: scale.labels[0] ?? '',
                maxLabel: scale.labels[scale.labels.length - 1] ?? '',
              })
            : null}{' '}
          {t('pulseReport.legend')}
        </p>
        <p>{report.statement}</p>
        <p className="muted">{t('pulseReport.noVerdict')}</p>
      </section>

      <Responses report={report} />

      <section className="report-section" aria-labelledby="p-behaviours">
        <h2 id="p-behaviours">{t('pulseReport.behavioursTitle')}</h2>
        <div className="pulse-items">
          {report.items.map((item, index) => (
            <Behaviour key={item.key} item={item} report={report} index={index} />
          ))}
        </div>
      </section>

      <Comments report={report} />
    </>
  );
}
