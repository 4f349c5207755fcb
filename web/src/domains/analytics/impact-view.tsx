// Impact per programme: the forest plot of d_rm with 95 % CIs against the external benchmark, the
// improved / no change / declined bars, and a table of every figure (n, means, d_rm, d_av, shares,
// the building-blocks association). The charts are the same components the PDF report renders.
import { useId } from 'react';
import { formatDate, t } from '../../i18n/index.ts';
import { ForestPlot, type ForestRow } from '../../ui/charts/forest-plot.tsx';
import { Responsive } from '../../ui/charts/responsive.tsx';
import { ShareBars, type ShareRow } from '../../ui/charts/share-bars.tsx';
import { formatNumber, formatPercent } from '../../ui/charts/theme.ts';
import { Withheld } from '../../ui/charts/withheld.tsx';
import { Alert, ScrollTable } from '../../ui/components.tsx';
import type { Impact, ImpactCell } from './queries.ts';

type Programme = Impact['programmes'][number];

const label = (cell: ImpactCell) =>
  cell.n === null ? cell.name : `${cell.name} (${t('analytics.n', { n: cell.n })})`;

/** Why a capability has no mark: withheld (with the marker) or no variance to measure change by. */
const why = (cell: ImpactCell) =>
  cell.status === 'no-variance'
    ? { note: t('analytics.impact.noVariance') }
    : { note: t('analytics.withheld'), withheld: true };

export const forestRows = (programme: Programme): ForestRow[] =>
  programme.capabilities.map((cell) =>
    cell.status === 'shown' && cell.dRm
      ? { key: cell.key, label: label(cell), interval: cell.dRm }
      : { key: cell.key, label: label(cell), interval: null, ...why(cell) },
  );

export const shareRows = (programme: Programme): ShareRow[] =>
  programme.capabilities.map((cell) =>
    cell.status === 'shown' && cell.shares
      ? {
          key: cell.key,
          label: label(cell),
          shares: {
            improved: cell.shares.improved.share,
            noChange: cell.shares.noChange.share,
            declined: cell.shares.declined.share,
          },
        }
      : { key: cell.key, label: label(cell), shares: null, ...why(cell) },
  );

const interval = (i: { estimate: number; low: number; high: number } | null) =>
  i ? `${formatNumber(i.estimate)} [${formatNumber(i.low)}, ${formatNumber(i.high)}]` : null;

export function ImpactView({ data }: { data: Impact }) {
  const id = useId();
  const b = data.benchmark;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{t('analytics.impact.title')}</h2>
      <p>{t('analytics.impact.intro')}</p>
      <p className="analytics-benchmark">
        {t('analytics.impact.benchmarks', {
          reactions: formatNumber(b.reactions),
          learning: formatNumber(b.learning),
          transfer: formatNumber(b.transfer),
          results: formatNumber(b.results),
        })}
      </p>
      {data.programmes.length === 0 ? <Alert tone="info">{t('analytics.impact.none')}</Alert> : null}
      {data.programmes.map((programme) => (
        <ProgrammeImpact key={programme.id} programme={programme} benchmark={b.transfer} />
      ))}
    </section>
  );
}

function ProgrammeImpact({ programme, benchmark }: { programme: Programme; benchmark: number }) {
  const id = useId();
  return (
    <article className="impact-programme" aria-labelledby={id}>
      <h3 id={id}>{programme.name}</h3>
      <p className="muted">
        {t('analytics.impact.dates', {
          from: formatDate(programme.startsOn),
          to: formatDate(programme.endsOn),
        })}
        {' · '}
        {programme.enrolled === null ? (
          <>
            {t('analytics.impact.enrolled', { n: '' })}
            <Withheld label={t('analytics.withheld')} />
          </>
        ) : (
          t('analytics.impact.enrolled', { n: programme.enrolled })
        )}
      </p>
      <p className="muted">{t('analytics.chartHint')}</p>
      <Responsive>
        {(width) => (
          <ForestPlot
            width={width}
            text={{
              id: `${id}-forest`,
              title: t('analytics.impact.forest', { programme: programme.name }),
              description: t('analytics.impact.forestDescription', { transfer: formatNumber(benchmark) }),
            }}
            rows={forestRows(programme)}
            reference={{ value: benchmark, label: t('analytics.impact.benchmarkLine') }}
            axisLabel={t('analytics.impact.axis')}
          />
        )}
      </Responsive>
      <Responsive>
        {(width) => (
          <ShareBars
            width={width}
            text={{
              id: `${id}-shares`,
              title: t('analytics.impact.shares', { programme: programme.name }),
              description: t('analytics.impact.sharesDescription'),
            }}
            rows={shareRows(programme)}
            legend={{
              improved: t('analytics.impact.improved'),
              noChange: t('analytics.impact.noChange'),
              declined: t('analytics.impact.declined'),
            }}
          />
        )}
      </Responsive>
      <ImpactTable programme={programme} headingId={`${id}-table`} />
    </article>
  );
}

function ImpactTable({ programme, headingId }: { programme: Programme; headingId: string }) {
  const w = <Withheld label={t('analytics.withheld')} />;
  return (
    <>
      <h4 id={headingId}>{t('analytics.impact.table', { programme: programme.name })}</h4>
      <ScrollTable labelledBy={headingId}>
        <table className="table analytics-table">
          <thead>
            <tr>
              <th scope="col">{t('analytics.impact.capability')}</th>
              <th scope="col">n</th>
              <th scope="col">{t('analytics.impact.before')}</th>
              <th scope="col">{t('analytics.impact.after')}</th>
              <th scope="col">{t('analytics.impact.dRm')}</th>
              <th scope="col">{t('analytics.impact.dAv')}</th>
              <th scope="col">↑ {t('analytics.impact.improved')}</th>
              <th scope="col">= {t('analytics.impact.noChange')}</th>
              <th scope="col">↓ {t('analytics.impact.declined')}</th>
              <th scope="col">{t('analytics.impact.blocks')}</th>
            </tr>
          </thead>
          <tbody>
            {programme.capabilities.map((cell) => {
              const s = cell.shares;
              // With no variance there is no reliable change to count: not a withheld figure.
              const none = cell.status === 'no-variance' ? t('analytics.impact.notComputed') : w;
              const share = (x: { count: number; share: number } | undefined) =>
                x ? `${formatPercent(x.share)} (${x.count})` : none;
              return (
                <tr key={cell.key}>
                  <th scope="row">{cell.name}</th>
                  <td>{cell.n ?? w}</td>
                  <td>{cell.meanBefore === null ? w : formatNumber(cell.meanBefore)}</td>
                  <td>{cell.meanAfter === null ? w : formatNumber(cell.meanAfter)}</td>
                  <td>
                    {cell.status === 'no-variance'
                      ? t('analytics.impact.noVariance')
                      : (interval(cell.dRm) ?? w)}
                  </td>
                  <td>
                    {cell.status === 'no-variance'
                      ? t('analytics.impact.noVariance')
                      : (interval(cell.dAv) ?? w)}
                  </td>
                  <td>{share(s?.improved)}</td>
                  <td>{share(s?.noChange)}</td>
                  <td>{share(s?.declined)}</td>
                  <td>{cell.blocks ? interval(cell.blocks.difference) : none}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollTable>
      <p className="muted">{t('analytics.impact.blocksHint')}</p>
    </>
  );
}
