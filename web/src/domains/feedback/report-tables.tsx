// The capability charts (dots per rater group, with the same figures as a table) and every statement
// by capability. A figure is labelled only with a group the server returned as a column.
import { formatNumber, t } from '../../i18n/index.ts';
import { Badge, ScrollTable } from '../../ui/components.tsx';
import { formatScore } from '../../ui/format.ts';
import type { FeedbackReport, ReportCapability } from './feedback-api.ts';
import {
  type AllBasis,
  DotRow,
  Figures,
  Legend,
  type Point,
  type Series,
  seriesLabel,
} from './report-charts.tsx';

/** How the `all` figures of these rows were formed: one basis, or a mix of both. */
function basisOf(rows: ReadonlyArray<{ others: number | null; allRaters: unknown }>): AllBasis {
  const bases = new Set(
    rows.filter((r) => r.others !== null).map((r) => (r.allRaters ? 'all-raters' : 'mean-of-groups')),
  );
  return bases.size > 1 ? 'mixed' : bases.has('mean-of-groups') ? 'mean-of-groups' : 'all-raters';
}

const pointsOf = (
  c: { self: number | null; groups: { group: Series; mean: number }[]; others: number | null },
  columns: Series[],
): Point[] => [
  { series: 'self', value: c.self },
  ...columns.map((g) => ({ series: g, value: c.groups.find((x) => x.group === g)?.mean ?? null })),
  { series: 'all', value: c.others },
];

export function CapabilityChart({
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

export function Items({ report, columns }: { report: FeedbackReport; columns: Series[] }) {
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
