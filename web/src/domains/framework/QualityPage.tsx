// Instrument quality for admins: how reliably each scale of a published framework version measures
// in this organisation, and which items agree weakly with the rest of their scale. Below the
// minimum number of respondents the figures would mislead, so the page says so instead.

import { type ReactNode, useId } from 'react';
import { useSearchParams } from 'react-router';
import { assessmentsApi } from '../../../../src/domains/assessments/endpoints.ts';
import { hrefOf, type QualityReport, type QualityScale, type VersionSummary } from '../../api.ts';
import { replaceQuery } from '../../app/router.tsx';
import { formatDate, t, tn } from '../../i18n/index.ts';
import { Alert, Badge, Field, LoadError, Loading, PageHeading, ScrollTable } from '../../ui/components.tsx';
import { errorText } from '../../ui/errors.ts';
import { formatScore, formatStat } from '../../ui/format.ts';
import { FrameworkAdminNav } from './FrameworkAdminNav.tsx';
import { useInstrumentQuality, usePublishedVersions } from './queries.ts';

export function QualityPage() {
  const [query] = useSearchParams();
  const versions = usePublishedVersions();

  let content: ReactNode;
  if (versions.isPending) content = <Loading />;
  else if (versions.isError)
    content = <LoadError message={errorText(versions.error)} onRetry={() => void versions.refetch()} />;
  else if (versions.data.length === 0) content = <p className="empty">{t('quality.noVersions')}</p>;
  else {
    // Newest first from the server; the newest published one is what new assessments use.
    const published = [...versions.data].sort((a, b) => b.number - a.number);
    const chosen = published.find((v) => v.id === query.get('version')) ?? published[0]!;
    content = <VersionQuality versions={published} version={chosen} />;
  }

  return (
    <section>
      <FrameworkAdminNav />
      <PageHeading title={t('quality.title')} />
      <p className="lead">{t('quality.intro')}</p>
      {content}
    </section>
  );
}

function VersionQuality({ versions, version }: { versions: VersionSummary[]; version: VersionSummary }) {
  const report = useInstrumentQuality(version.id);
  const choose = (id: string) => {
    const next = new URLSearchParams(window.location.search);
    next.set('version', id);
    replaceQuery(next);
  };
  return (
    <>
      <div className="quality-toolbar">
        {versions.length > 1 ? (
          <Field label={t('quality.version')}>
            {(p) => (
              <select {...p} value={version.id} onChange={(e) => choose(e.target.value)}>
                {versions.map((v) => (
                  <option key={v.id} value={v.id}>
                    {t('quality.versionOption', {
                      number: v.number,
                      name: v.name,
                      date: v.publishedAt ? formatDate(v.publishedAt) : '—',
                    })}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : (
          <p className="muted">
            {t('quality.versionOption', {
              number: version.number,
              name: version.name,
              date: version.publishedAt ? formatDate(version.publishedAt) : '—',
            })}
          </p>
        )}
        <a
          className="button button-secondary"
          href={hrefOf(assessmentsApi.qualityCsv, { params: { id: version.id } })}
          download
        >
          {t('quality.download')}
        </a>
      </div>
      {report.isPending ? (
        <Loading />
      ) : report.isError ? (
        <LoadError message={errorText(report.error)} onRetry={() => void report.refetch()} />
      ) : (
        <Report report={report.data} />
      )}
    </>
  );
}

function insufficientText(scale: QualityScale, minimumN: number): string {
  return t('quality.insufficient', { n: scale.n, minimum: minimumN });
}

function Report({ report }: { report: QualityReport }) {
  const tableId = useId();
  const flagged = report.scales.flatMap((s) =>
    s.items.filter((i) => i.flagged).map((item) => ({ scale: s, item })),
  );
  const threshold = formatStat(report.flagBelow);
  return (
    <>
      <dl className="summary quality-summary">
        <div>
          <dt>{t('quality.respondents')}</dt>
          <dd>{report.respondents}</dd>
        </div>
        <div>
          <dt>{t('quality.scales')}</dt>
          <dd>{report.scales.length}</dd>
        </div>
        <div>
          <dt>{t('quality.flaggedCount')}</dt>
          <dd>{flagged.length}</dd>
        </div>
      </dl>
      <p className="hint quality-rules">{t('quality.rules', { minimum: report.minimumN, threshold })}</p>
      {report.respondents < report.minimumN ? (
        <Alert tone="info">{t('quality.tooFew', { n: report.respondents, minimum: report.minimumN })}</Alert>
      ) : null}

      {flagged.length ? (
        <section className="card quality-flagged" aria-labelledby={`${tableId}-flagged`}>
          <h2 id={`${tableId}-flagged`}>
            {tn('quality.flaggedTitle', flagged.length, { count: flagged.length })}
          </h2>
          <p className="hint">{t('quality.flaggedIntro', { threshold })}</p>
          <ul className="flagged-list">
            {flagged.map(({ scale, item }) => (
              <li key={item.key}>
                <strong>{scale.capability.name}</strong> · <code>{item.key}</code>: {item.text}{' '}
                <span className="nowrap">({t('quality.rDropValue', { value: formatStat(item.rDrop) })})</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <h2 className="quality-heading">{t('quality.byScale')}</h2>
      <ScrollTable labelledBy={tableId}>
        <table className="table table-sticky-off">
          <caption id={tableId}>{t('quality.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('quality.col.scale')}</th>
              <th scope="col" className="num">
                {t('quality.col.n')}
              </th>
              <th scope="col" className="num">
                <abbr title={t('quality.col.rawAlphaLong')}>{t('quality.col.rawAlpha')}</abbr>
              </th>
              <th scope="col" className="num">
                <abbr title={t('quality.col.stdAlphaLong')}>{t('quality.col.stdAlpha')}</abbr>
              </th>
              <th scope="col" className="num">
                {t('quality.col.items')}
              </th>
              <th scope="col">{t('quality.col.flagged')}</th>
            </tr>
          </thead>
          <tbody>
            {report.scales.map((s) => {
              const weak = s.items.filter((i) => i.flagged).length;
              return (
                <tr key={s.capability.key}>
                  <th scope="row">
                    {s.capability.name}
                    {s.capability.derailer ? (
                      <>
                        {' '}
                        <Badge tone="neutral">{t('quality.derailer')}</Badge>
                      </>
                    ) : null}
                  </th>
                  <td className="num">{s.n}</td>
                  {s.status === 'computed' ? (
                    <>
                      <td className="num">{s.rawAlpha === null ? '—' : formatStat(s.rawAlpha)}</td>
                      <td className="num">{s.stdAlpha === null ? '—' : formatStat(s.stdAlpha)}</td>
                      <td className="num">{s.items.length}</td>
                      <td>
                        {weak ? (
                          <Badge tone="warning">{tn('quality.weakItems', weak, { count: weak })}</Badge>
                        ) : (
                          <span className="muted">{t('quality.none')}</span>
                        )}
                      </td>
                    </>
                  ) : (
                    <td colSpan={4} className="muted">
                      {s.status === 'insufficient' ? insufficientText(s, report.minimumN) : s.message}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollTable>

      <h2 className="quality-heading">{t('quality.itemsTitle')}</h2>
      <p className="hint">{t('quality.itemsIntro')}</p>
      <div className="quality-scales">
        {report.scales.map((s) => (
          <ScaleItems key={s.capability.key} scale={s} minimumN={report.minimumN} />
        ))}
      </div>
    </>
  );
}

function ScaleItems({ scale, minimumN }: { scale: QualityScale; minimumN: number }) {
  const captionId = useId();
  const weak = scale.items.some((i) => i.flagged);
  return (
    <details className="details-toggle scale-details" open={weak}>
      <summary>
        {scale.capability.name}
        {weak ? (
          <>
            {' '}
            <Badge tone="warning">{t('quality.hasWeak')}</Badge>
          </>
        ) : null}
      </summary>
      {scale.status !== 'computed' ? (
        <p className="muted">
          {scale.status === 'insufficient' ? insufficientText(scale, minimumN) : scale.message}
        </p>
      ) : (
        <ScrollTable labelledBy={captionId}>
          <table className="table table-compact">
            <caption id={captionId}>
              {t('quality.itemsCaption', {
                scale: scale.capability.name,
                mean: scale.mean === null ? '—' : formatScore(scale.mean),
                sd: scale.sd === null ? '—' : formatStat(scale.sd),
              })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('quality.col.item')}</th>
                <th scope="col" className="num">
                  {t('quality.col.n')}
                </th>
                <th scope="col" className="num">
                  {t('quality.col.mean')}
                </th>
                <th scope="col" className="num">
                  {t('quality.col.sd')}
                </th>
                <th scope="col" className="num">
                  <abbr title={t('quality.col.rDropLong')}>{t('quality.col.rDrop')}</abbr>
                </th>
                <th scope="col" className="num">
                  {t('quality.col.alphaIfDeleted')}
                </th>
              </tr>
            </thead>
            <tbody>
              {scale.items.map((item) => (
                <tr key={item.key} className={item.flagged ? 'row-flagged' : undefined}>
                  <th scope="row" className="item-cell">
                    <code>{item.key}</code>
                    {item.reversed ? (
                      <>
                        {' '}
                        <Badge tone="neutral">{t('quality.reversed')}</Badge>
                      </>
                    ) : null}
                    {item.flagged ? (
                      <>
                        {' '}
                        <Badge tone="warning">{t('quality.weak')}</Badge>
                      </>
                    ) : null}
                    <span className="item-text">{item.text}</span>
                  </th>
                  <td className="num">{item.n}</td>
                  <td className="num">{formatStat(item.mean)}</td>
                  <td className="num">{formatStat(item.sd)}</td>
                  <td className="num">{formatStat(item.rDrop)}</td>
                  <td className="num">{formatStat(item.alphaIfDeleted)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
    </details>
  );
}
