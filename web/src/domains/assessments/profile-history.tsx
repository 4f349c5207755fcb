// The profile's old behaviours (derailers) and the person's history across retakes.
import { useId } from 'react';
import { Link } from 'react-router';
import type { DerailerScore, HistoryEntry } from '../../api.ts';
import { formatDate, t } from '../../i18n/index.ts';
import { Badge, ScrollTable } from '../../ui/components.tsx';
import { formatScore, formatShare } from '../../ui/format.ts';
import { Bar, type SeriesPoint, TrendChart } from './charts.tsx';

const DERAILER_TONE = {
  rare: 'fill-rare',
  occasional: 'fill-occasional',
  frequent: 'fill-frequent',
} as const;

export function DerailerSection({ derailers }: { derailers: DerailerScore[] }) {
  const headingId = useId();
  if (derailers.length === 0) return null;
  // Most often first: that is where unlearning pays off soonest.
  const sorted = [...derailers].sort((a, b) => (b.frequency ?? -1) - (a.frequency ?? -1));
  const first = sorted[0]!;
  return (
    <section className="card profile-section derailers" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('profile.derailers.title')}</h2>
      <p>{t('profile.derailers.intro')}</p>
      <p className="hint">{t('profile.derailers.scale', { min: first.min, max: first.max })}</p>
      <ul className="derailer-list">
        {sorted.map((d) => (
          <li key={d.key} className={`derailer derailer-${d.band ?? 'unknown'}`}>
            <div className="derailer-head">
              <h3>{d.name}</h3>
              <span className="derailer-frequency">
                {d.frequency === null
                  ? t('profile.notScored')
                  : t('profile.derailers.frequency', {
                      label: d.frequencyLabel ?? '',
                      score: formatScore(d.frequency),
                      max: d.max,
                    })}
              </span>
            </div>
            <Bar
              share={d.frequency === null ? null : (d.frequency - d.min) / (d.max - d.min)}
              tone={d.band ? DERAILER_TONE[d.band] : ''}
            />
            <p>{d.interpretation}</p>
            <details className="details-toggle">
              <summary>{t('profile.derailers.more', { name: d.name })}</summary>
              <p>{d.description}</p>
              <p>{d.explanation}</p>
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function HistorySection({
  history,
  open,
  current,
}: {
  history: HistoryEntry[];
  open: HistoryEntry | undefined;
  current: string;
}) {
  const headingId = useId();
  const tableId = useId();
  const blocks = history.at(-1)?.scores?.blocks ?? [];
  const series = (key: string): SeriesPoint[] =>
    history.map((h) => ({
      date: h.submittedAt!,
      value: h.scores?.blocks.find((b) => b.key === key)?.score ?? null,
    }));
  const leadSeries: SeriesPoint[] = history.map((h) => ({
    date: h.submittedAt!,
    value: h.scores?.leadShare ?? null,
  }));
  return (
    <section className="card profile-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('profile.history.title')}</h2>
      {history.length < 2 ? (
        <p className="muted">{t('profile.history.once')}</p>
      ) : (
        <>
          <p className="hint">{t('profile.history.intro')}</p>
          <div className="trend-grid-panels">
            {blocks.map((b) => (
              <figure className="trend-panel" key={b.key}>
                <figcaption>{b.name}</figcaption>
                <TrendChart points={series(b.key)} min={b.min} max={b.max} label={b.name} />
              </figure>
            ))}
            <figure className="trend-panel">
              <figcaption>{t('profile.history.leadShare')}</figcaption>
              <TrendChart
                points={leadSeries}
                min={0}
                max={1}
                label={t('profile.history.leadShare')}
                format={formatShare}
              />
            </figure>
          </div>
          <details className="details-toggle">
            <summary>{t('profile.history.table')}</summary>
            <ScrollTable labelledBy={tableId}>
              <table className="table table-compact">
                <caption id={tableId}>{t('profile.history.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('profile.col.date')}</th>
                    {blocks.map((b) => (
                      <th scope="col" className="num" key={b.key}>
                        {b.name}
                      </th>
                    ))}
                    <th scope="col" className="num">
                      {t('profile.history.leadShare')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {history.map((h) => (
                    <tr key={h.id}>
                      <th scope="row">{formatDate(h.submittedAt!)}</th>
                      {blocks.map((b) => {
                        const score = h.scores?.blocks.find((x) => x.key === b.key)?.score ?? null;
                        return (
                          <td className="num" key={b.key}>
                            {score === null ? '—' : formatScore(score)}
                          </td>
                        );
                      })}
                      <td className="num">
                        {h.scores?.leadShare === null || h.scores?.leadShare === undefined
                          ? '—'
                          : formatShare(h.scores.leadShare)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
          </details>
        </>
      )}
      <h3 className="history-list-heading">{t('profile.history.list')}</h3>
      <ol className="history-list">
        {open ? (
          <li>
            <Link to="/assessment">
              {t('profile.history.inProgress', {
                answered: open.progress.answered,
                total: open.progress.total,
              })}
            </Link>
          </li>
        ) : null}
        {[...history].reverse().map((h) => (
          <li key={h.id}>
            {h.id === current ? (
              <span aria-current="page">
                {formatDate(h.submittedAt!)} <Badge tone="neutral">{t('profile.history.shown')}</Badge>
              </span>
            ) : (
              <Link to={`/profile/${h.id}`}>
                {t('profile.history.view', { date: formatDate(h.submittedAt!) })}
              </Link>
            )}
            <span className="muted"> · {t('profile.history.version', { version: h.version.number })}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
