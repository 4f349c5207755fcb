// The released 360 report at /feedback/:id/report. Every figure comes from the server's frozen,
// disclosure-checked report: the page only arranges it. It never labels a figure with a group the
// server did not return as a column, so a suppressed group cannot reappear here by name.
import { type ReactNode, useEffect, useId, useState } from 'react';
import { ApiError, api } from '../../api.ts';
import { Link } from '../../app/router.tsx';
import { formatDate, formatNumber, t, tn } from '../../i18n/index.ts';
import { Alert, Badge, Button, LoadError, Loading, PageHeading, ScrollTable } from '../../ui/components.tsx';
import { errorText } from '../../ui/errors.ts';
import { formatScore, formatShare } from '../../ui/format.ts';
import { useResource } from '../../ui/use-resource.ts';
import {
  type CampaignDetail,
  type FeedbackReport,
  feedbackApi,
  type ReportCapability,
  reportCsvUrl,
  reportPdfUrl,
} from './feedback-api.ts';
import { groupInSentence, groupLabel } from './labels.ts';
import {
  type AllBasis,
  BalanceBar,
  DotRow,
  Figures,
  Legend,
  type Point,
  type Series,
  seriesLabel,
} from './report-charts.tsx';
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
  const data = useResource(() => Promise.all([feedbackApi.report(id), feedbackApi.campaign(id)]), [id]);
  useOpenDetailsForPrint();
  let title = t('report.title');
  let content: ReactNode;
  if (data.status === 'loading') content = <Loading />;
  else if (data.status === 'error') {
    const missing = data.error instanceof ApiError && [400, 403, 404, 409].includes(data.error.status);
    content = missing ? (
      <Alert tone="info">{t('report.unavailable')}</Alert>
    ) : (
      <LoadError message={errorText(data.error)} onRetry={data.reload} />
    );
  } else {
    const [report, campaign] = data.data;
    title = t('report.titleFor', { name: report.subject.name });
    content = <Report report={report} campaign={campaign} onShared={data.reload} />;
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

/**
 * Who is reading: the subject is spoken to ("you"); anyone else (their manager, a coach) reads
 * about the subject by name. The report itself is the same frozen figures for every reader.
 */
interface Voice {
  own: boolean;
  name: string;
}

/** How the `all` figures of these rows were formed: one basis, or a mix of both. */
function basisOf(rows: ReadonlyArray<{ others: number | null; allRaters: unknown }>): AllBasis {
  const bases = new Set(
    rows.filter((r) => r.others !== null).map((r) => (r.allRaters ? 'all-raters' : 'mean-of-groups')),
  );
  return bases.size > 1 ? 'mixed' : bases.has('mean-of-groups') ? 'mean-of-groups' : 'all-raters';
}

function Report({
  report,
  campaign,
  onShared,
}: {
  report: FeedbackReport;
  campaign: CampaignDetail;
  onShared: () => void;
}) {
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
      {campaign.can.share ? <Sharing campaign={campaign} onShared={onShared} /> : null}

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

function Downloads({ id }: { id: string }) {
  const [pdfError, setPdfError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The PDF is fetched first so a 503 (no renderer on this server) becomes a message on the page
  // instead of a browser error page; a successful response is handed to the browser as a download.
  const downloadPdf = async (event: React.MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setPdfError(null);
    try {
      const response = await fetch(reportPdfUrl(id), { credentials: 'same-origin' });
      if (!response.ok) {
        setPdfError(
          response.status === 503
            ? t('report.pdfUnavailable')
            : t('errors.unexpected', { status: response.status }),
        );
        return;
      }
      const url = URL.createObjectURL(await response.blob());
      const a = document.createElement('a');
      a.href = url;
      a.download = 'feedback-report.pdf';
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch {
      setPdfError(t('errors.network'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="report-actions no-print">
      <a className="button button-secondary" href={reportCsvUrl(id)} download>
        {t('report.downloadCsv')}
      </a>
      <a
        className="button button-secondary"
        href={reportPdfUrl(id)}
        onClick={(e) => void downloadPdf(e)}
        aria-busy={busy || undefined}
      >
        {busy ? t('report.preparingPdf') : t('report.downloadPdf')}
      </a>
      <Button variant="secondary" onClick={() => window.print()}>
        {t('report.print')}
      </Button>
      {pdfError ? <Alert tone="error">{pdfError}</Alert> : null}
    </div>
  );
}

function Sharing({ campaign, onShared }: { campaign: CampaignDetail; onShared: () => void }) {
  const [withManager, setWithManager] = useState(campaign.sharing.withManager);
  const [coachId, setCoachId] = useState(campaign.sharing.coach?.id ?? '');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const people = useResource(() => api.people(), []);
  const coaches =
    people.status === 'ready'
      ? people.data.items.filter((p) => p.roles.includes('coach') && p.id !== campaign.subject.id)
      : [];
  const managerId = useId();
  const coachFieldId = useId();

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setMessage(null);
    try {
      await feedbackApi.share(campaign.id, withManager, coachId || null);
      setMessage({ tone: 'success', text: t('report.sharing.saved') });
      onShared();
    } catch (e) {
      setMessage({ tone: 'error', text: errorText(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card report-sharing no-print" onSubmit={(e) => void save(e)} aria-labelledby="r-sharing">
      <h2 id="r-sharing">{t('report.sharing.title')}</h2>
      <p className="hint">{t('report.sharing.intro')}</p>
      {campaign.manager ? (
        <div className="checkbox">
          <input
            id={managerId}
            type="checkbox"
            checked={withManager}
            onChange={(e) => setWithManager(e.target.checked)}
          />
          <label htmlFor={managerId}>{t('report.sharing.manager', { name: campaign.manager.name })}</label>
        </div>
      ) : (
        <p className="muted">{t('report.sharing.noManager')}</p>
      )}
      <div className="field">
        <label htmlFor={coachFieldId}>{t('report.sharing.coach')}</label>
        <select id={coachFieldId} value={coachId} onChange={(e) => setCoachId(e.target.value)}>
          <option value="">{t('report.sharing.noCoach')}</option>
          {campaign.sharing.coach && !coaches.some((c) => c.id === campaign.sharing.coach!.id) ? (
            <option value={campaign.sharing.coach.id}>{campaign.sharing.coach.name}</option>
          ) : null}
          {coaches.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <div className="form-actions">
        <Button type="submit" busy={busy} busyLabel={t('form.saving')}>
          {t('report.sharing.save')}
        </Button>
      </div>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
    </form>
  );
}

function Responses({ report }: { report: FeedbackReport }) {
  const why = (group: FeedbackReport['groups'][number]['group']) =>
    group === 'manager'
      ? t('report.managerNotSeparate')
      : t('report.suppressedWhy', {
          min: report.policy.minimumByGroup[group],
          group: groupInSentence(group),
        });
  return (
    <section className="report-section" aria-labelledby="r-responses">
      <h2 id="r-responses">{t('report.responsesTitle')}</h2>
      <ScrollTable labelledBy="r-responses-caption">
        <table className="table">
          <caption id="r-responses-caption">{t('report.responsesCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('report.col.group')}</th>
              <th scope="col" className="num">
                {t('report.col.invited')}
              </th>
              <th scope="col" className="num">
                {t('report.col.responded')}
              </th>
              <th scope="col" className="num">
                {t('report.col.rate')}
              </th>
              <th scope="col">{t('report.col.shown')}</th>
            </tr>
          </thead>
          <tbody>
            {report.groups.map((g) => (
              <tr key={g.group}>
                <th scope="row">{groupLabel(g.group)}</th>
                <td className="num">{g.invited ?? t('report.noFigure')}</td>
                <td className="num">{g.responded}</td>
                <td className="num">
                  {g.invited ? formatShare(g.responded / g.invited) : t('report.noFigure')}
                </td>
                <td>
                  {!g.invited && g.responded === 0 ? (
                    <span className="muted">{t('report.noneAsked')}</span>
                  ) : g.disclosure === 'shown' ? (
                    <Badge tone="positive">{t('report.disclosure.shown')}</Badge>
                  ) : (
                    <>
                      <Badge tone="neutral">{t(`report.disclosure.${g.disclosure}`)}</Badge>{' '}
                      <span className="suppressed-note">{why(g.group)}</span>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      <p className="muted">{t('report.responsesNote')}</p>
    </section>
  );
}

function GapList({ entries, voice }: { entries: FeedbackReport['blindSpots']; voice: Voice }) {
  return (
    <ul className="gap-list">
      {entries.map((e) => (
        <li key={e.capability}>
          <strong>{e.name}</strong>
          <span>
            {t(voice.own ? 'report.gapFigures' : 'report.of.gapFigures', {
              self: formatScore(e.self),
              others: formatScore(e.others),
              gap: formatScore(Math.abs(e.gap)),
            })}
          </span>
        </li>
      ))}
    </ul>
  );
}

function Gaps({ report, voice }: { report: FeedbackReport; voice: Voice }) {
  // The threshold exactly as the server applies it (0.75 stays 0.75), not rounded like a score.
  const gap = formatNumber(report.thresholds.gap);
  const { name } = voice;
  return (
    <section className="report-section grid-halves" aria-label={t('report.gapsTitle')}>
      <div className="card gap-card gap-blind">
        <h2>{t('report.blindSpots')}</h2>
        <p className="hint">
          {voice.own ? t('report.blindSpotsIntro', { gap }) : t('report.of.blindSpotsIntro', { gap, name })}
        </p>
        {report.blindSpots.length ? (
          <GapList entries={report.blindSpots} voice={voice} />
        ) : (
          <p>{voice.own ? t('report.noBlindSpots') : t('report.of.noBlindSpots', { name })}</p>
        )}
      </div>
      <div className="card gap-card gap-hidden">
        <h2>{t('report.hiddenStrengths')}</h2>
        <p className="hint">
          {voice.own
            ? t('report.hiddenStrengthsIntro', { gap })
            : t('report.of.hiddenStrengthsIntro', { gap, name })}
        </p>
        {report.hiddenStrengths.length ? (
          <GapList entries={report.hiddenStrengths} voice={voice} />
        ) : (
          <p>{t('report.noHiddenStrengths')}</p>
        )}
      </div>
    </section>
  );
}

const pointsOf = (
  c: { self: number | null; groups: { group: Series; mean: number }[]; others: number | null },
  columns: Series[],
): Point[] => [
  { series: 'self', value: c.self },
  ...columns.map((g) => ({ series: g, value: c.groups.find((x) => x.group === g)?.mean ?? null })),
  { series: 'all', value: c.others },
];

function CapabilityChart({
  capabilities,
  columns,
  series,
  caption,
}: {
  capabilities: ReportCapability[];
  columns: Series[];
  series: Series[];
  caption: string;
}) {
  const basis = basisOf(capabilities);
  return (
    <>
      <Legend series={series} basis={basis} />
      <ol className="dot-chart">
        {capabilities.map((c) => {
          const points = pointsOf(c, columns);
          return (
            <li key={c.key} className="dot-chart-row">
              <div className="dot-chart-name">
                <strong>{c.name}</strong>
                {c.practice ? <span className="muted"> · {t(`report.practice.${c.practice}`)}</span> : null}
                {c.lowAgreement ? (
                  <>
                    {' '}
                    <Badge tone="warning">{t('report.lowAgreement')}</Badge>
                  </>
                ) : null}
              </div>
              <DotRow points={points} min={c.scale.min} max={c.scale.max} />
              {/* Each row names its own figure precisely; the legend covers the rows together. */}
              <Figures points={points} basis={c.othersBasis ?? basis} />
            </li>
          );
        })}
      </ol>
      <details className="details-toggle">
        <summary>{t('report.showTable')}</summary>
        <ScrollTable labelledBy={caption}>
          <table className="table">
            <caption id={caption}>{t('report.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('report.col.capability')}</th>
                {series.map((s) => (
                  <th key={s} scope="col" className="num">
                    {seriesLabel(s, basis)}
                  </th>
                ))}
                <th scope="col" className="num">
                  {t('report.col.gap')}
                </th>
              </tr>
            </thead>
            <tbody>
              {capabilities.map((c) => (
                <tr key={c.key}>
                  <th scope="row">{c.name}</th>
                  {pointsOf(c, columns).map((p) => (
                    <td key={p.series} className="num">
                      {p.value === null ? t('report.noFigure') : formatScore(p.value)}
                    </td>
                  ))}
                  <td className="num">{c.gap === null ? t('report.noFigure') : formatSigned(c.gap)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      </details>
    </>
  );
}

const formatSigned = (n: number): string => (n > 0 ? `+${formatScore(n)}` : formatScore(n));

function Behaviours({ report, voice }: { report: FeedbackReport; voice: Voice }) {
  const list = (entries: FeedbackReport['highest']) => (
    <ol className="behaviour-list">
      {entries.map((b) => (
        <li key={b.item}>
          <span>{b.text}</span> <strong className="nowrap">{formatScore(b.others)}</strong>
        </li>
      ))}
    </ol>
  );
  return (
    <section className="report-section grid-halves" aria-label={t('report.behavioursTitle')}>
      <div className="card">
        <h2>{t('report.highest')}</h2>
        <p className="hint">
          {voice.own ? t('report.highestIntro') : t('report.of.highestIntro', { name: voice.name })}
        </p>
        {report.highest.length ? list(report.highest) : <p>{t('report.noFigureLong')}</p>}
      </div>
      <div className="card">
        <h2>{t('report.lowest')}</h2>
        <p className="hint">{t('report.lowestIntro')}</p>
        {report.lowest.length ? list(report.lowest) : <p>{t('report.noFigureLong')}</p>}
      </div>
    </section>
  );
}

function Balance({ report, voice }: { report: FeedbackReport; voice: Voice }) {
  const { self, others, definition } = report.balance;
  const row = (label: string, share: number | null) => (
    <div className="balance-row">
      <p className="balance-label">
        <strong>{label}</strong>{' '}
        {share === null
          ? t('report.noFigure')
          : t('report.balanceFigures', { manage: formatShare(1 - share), lead: formatShare(share) })}
      </p>
      {share === null ? null : <BalanceBar leadShare={share} />}
    </div>
  );
  return (
    <section className="report-section card" aria-labelledby="r-balance">
      <h2 id="r-balance">{t('report.balanceTitle')}</h2>
      <p>{definition}</p>
      <ul className="chart-legend" aria-hidden="true">
        <li>
          <span className="swatch split-manage" />
          {t('report.managing')}
        </li>
        <li>
          <span className="swatch split-lead" />
          {t('report.leading')}
        </li>
      </ul>
      {row(voice.own ? t('report.balanceSelf') : t('report.of.balanceSelf', { name: voice.name }), self)}
      {row(t('report.balanceOthers'), others)}
    </section>
  );
}

function Items({ report, columns }: { report: FeedbackReport; columns: Series[] }) {
  const series: Series[] = ['self', ...columns, 'all'];
  const basis = basisOf(report.capabilities.flatMap((c) => c.items));
  return (
    <section className="report-section" aria-labelledby="r-items">
      <h2 id="r-items">{t('report.itemsTitle')}</h2>
      <p>{t('report.itemsIntro', { threshold: formatNumber(report.thresholds.agreementFlagBelow) })}</p>
      {report.capabilities.map((c) => {
        const captionId = `r-items-${c.key}`;
        return (
          <details key={c.key} className="details-toggle item-details">
            <summary>
              {c.name}
              {c.items.some((i) => i.lowAgreement) ? (
                <>
                  {' '}
                  <Badge tone="warning">{t('report.lowAgreement')}</Badge>
                </>
              ) : null}
            </summary>
            <ScrollTable labelledBy={captionId}>
              <table className="table table-compact">
                <caption id={captionId}>{t('report.itemsCaption', { capability: c.name })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('report.col.statement')}</th>
                    {series.map((s) => (
                      <th key={s} scope="col" className="num">
                        {seriesLabel(s, basis)}
                      </th>
                    ))}
                    <th scope="col">{t('report.col.agreement')}</th>
                  </tr>
                </thead>
                <tbody>
                  {c.items.map((item) => (
                    <tr key={item.key}>
                      <th scope="row" className="item-text">
                        {item.text}
                      </th>
                      {pointsOf(item, columns).map((p) => (
                        <td key={p.series} className="num">
                          {p.value === null ? t('report.noFigure') : formatScore(p.value)}
                        </td>
                      ))}
                      <td>
                        {item.lowAgreement ? (
                          <Badge tone="warning">{t('report.lowAgreement')}</Badge>
                        ) : item.distribution ? (
                          t('report.agreementOk')
                        ) : (
                          <span className="muted">{t('report.noFigure')}</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
          </details>
        );
      })}
    </section>
  );
}

function Comments({ report }: { report: FeedbackReport }) {
  return (
    <section className="report-section" aria-labelledby="r-comments">
      <h2 id="r-comments">{t('report.commentsTitle')}</h2>
      <p className="hint">{t('report.commentsIntro', { count: report.policy.commentMinimum })}</p>
      {report.comments.map((q) => {
        const total = q.buckets.reduce((n, b) => n + b.texts.length, 0);
        return (
          <div key={q.question} className="card comment-question">
            <h3>{q.text}</h3>
            {total === 0 ? <p className="muted">{t('report.noComments')}</p> : null}
            {q.buckets
              .filter((b) => b.texts.length)
              .map((b) => (
                <div key={b.group}>
                  {q.buckets.length > 1 || b.group !== 'combined' ? (
                    <h4 className="comment-group">{groupLabel(b.group)}</h4>
                  ) : null}
                  <ul className="comment-list">
                    {b.texts.map((text, i) => (
                      // Unattributed and already shuffled by the server; the index is the only key there is.
                      // biome-ignore lint/suspicious/noArrayIndexKey: comments have no id by design (no attribution).
                      <li key={i}>
                        <blockquote>{text}</blockquote>
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
            {q.someWithheld ? (
              <p className="muted">
                {tn('report.commentsWithheld', report.policy.commentMinimum, {
                  count: report.policy.commentMinimum,
                })}
              </p>
            ) : null}
          </div>
        );
      })}
    </section>
  );
}
