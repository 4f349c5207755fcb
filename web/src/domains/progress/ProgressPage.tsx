// /progress: the person's measured change. A table of changes (first against latest, with the
// reliable change index, its result and the reliability used) and a timeline of one capability or
// behaviour at a time with their experiments marked. Only the signed-in person's own figures.
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { formatDate, t } from '../../i18n/index.ts';
import { Field, LoadError, Loading, PageHeading, ScrollTable } from '../../ui/components.tsx';
import { errorText } from '../../ui/errors.ts';
import { formatStat } from '../../ui/format.ts';
import { useMediaQuery } from '../../ui/use-media-query.ts';
import { ChangeTables, rowsOf } from './change-table.tsx';
import { kindLabel } from './labels.ts';
import { type ProgressPoint, type ProgressResponse, useMyProgress } from './queries.ts';
import { KINDS, KindMarker, type MarkedExperiment, TimelineChart } from './timeline-chart.tsx';
import './progress.css';

interface Series {
  id: string;
  label: string;
  name: string;
  capabilityKey: string;
  points: ProgressPoint[];
  min: number;
  max: number;
}

function seriesOf(data: ProgressResponse): Series[] {
  return data.capabilities.flatMap((c) => [
    {
      id: `capability:${c.key}`,
      label: t('progress.timeline.capability', { name: c.name }),
      name: c.name,
      capabilityKey: c.key,
      points: c.points,
      min: c.scale.min,
      max: c.scale.max,
    },
    ...c.behaviours.map((b) => ({
      id: `behaviour:${b.key}`,
      label: t('progress.timeline.behaviour', { capability: c.name, text: b.text }),
      name: b.text,
      capabilityKey: c.key,
      points: b.points,
      min: c.scale.min,
      max: c.scale.max,
    })),
  ]);
}

function Timeline({ data, narrow }: { data: ProgressResponse; narrow: boolean }) {
  const headingId = useId();
  const tableId = useId();
  const all = seriesOf(data);
  // Start on the first row of the table of changes, where there is one.
  const rows = rowsOf(data.capabilities);
  const firstChanged = rows.find((r) => r.change.label !== 'no-reliable-change') ?? rows[0];
  const initial = all.find((s) => s.id === firstChanged?.seriesId) ?? all[0]!;
  const [chosen, setChosen] = useState(initial.id);
  const series = all.find((s) => s.id === chosen) ?? initial;
  const experiments: MarkedExperiment[] = data.experiments.map((e, i) => ({
    number: i + 1,
    title: e.title,
    startsOn: e.startsOn,
    reviewOn: e.reviewOn,
    onThis: e.focus.capabilityKey === series.capabilityKey,
  }));
  const kinds = KINDS.filter((k) => series.points.some((p) => p.kind === k));

  return (
    <section className="card stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('progress.timeline.title')}</h2>
      <Field label={t('progress.timeline.choose')} className="progress-choose">
        {(p) => (
          <select {...p} value={series.id} onChange={(e) => setChosen(e.target.value)}>
            {all.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <figure className="progress-figure">
        <TimelineChart
          name={series.name}
          points={series.points}
          min={series.min}
          max={series.max}
          experiments={experiments}
          narrow={narrow}
          connectAll={series.id.startsWith('behaviour:')}
        />
        <figcaption>
          <ul className="progress-legend" aria-label={t('progress.timeline.legend')}>
            {kinds.map((k) => (
              <li key={k}>
                <KindMarker kind={k} />
                {kindLabel(k)}
              </li>
            ))}
            {experiments.some((e) => e.onThis) ? (
              <li>
                <span className="progress-swatch progress-swatch-this" aria-hidden="true" />
                {t('progress.timeline.focusExperiment')}
              </li>
            ) : null}
            {experiments.some((e) => !e.onThis) ? (
              <li>
                <span className="progress-swatch" aria-hidden="true" />
                {t('progress.timeline.experiment')}
              </li>
            ) : null}
          </ul>
        </figcaption>
      </figure>
      {experiments.length ? (
        <>
          <h3>{t('progress.experiments.title')}</h3>
          <ol className="progress-experiments">
            {data.experiments.map((e, i) => (
              <li key={e.id} className={experiments[i]!.onThis ? 'progress-experiment-this' : undefined}>
                <span className="progress-experiment-number" aria-hidden="true">
                  {i + 1}
                </span>
                <span>
                  {e.title}
                  <span className="progress-cell-note">
                    {t('progress.experiments.dates', {
                      start: formatDate(e.startsOn),
                      review: formatDate(e.reviewOn),
                      focus: e.focus.title,
                    })}{' '}
                    · {t(`progress.experiments.status.${e.status}`)}
                  </span>
                </span>
              </li>
            ))}
          </ol>
        </>
      ) : (
        <p className="muted">{t('progress.timeline.noExperiments')}</p>
      )}
      <details className="details-toggle">
        <summary>{t('progress.timeline.table')}</summary>
        <ScrollTable labelledBy={tableId}>
          <table className="table table-compact">
            <caption id={tableId}>{t('progress.timeline.caption', { name: series.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('progress.col.date')}</th>
                <th scope="col">{t('progress.col.kind')}</th>
                <th scope="col" className="num">
                  {t('progress.col.score')}
                </th>
                <th scope="col" className="num">
                  {t('progress.col.raters')}
                </th>
              </tr>
            </thead>
            <tbody>
              {series.points.map((p) => (
                <tr key={`${p.kind}-${p.sourceId}`}>
                  <th scope="row">{formatDate(p.date)}</th>
                  <td>{kindLabel(p.kind)}</td>
                  <td className="num">{formatStat(p.score)}</td>
                  <td className="num">{p.raters ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      </details>
    </section>
  );
}

export function ProgressPage() {
  const progress = useMyProgress();
  const narrow = useMediaQuery('(max-width: 640px)');
  const changesId = useId();
  let content: React.ReactNode;
  if (progress.isPending) content = <Loading />;
  else if (progress.isError)
    content = <LoadError message={errorText(progress.error)} onRetry={() => void progress.refetch()} />;
  else if (!progress.data.capabilities.length)
    content = (
      <div className="card stack">
        <p>{t('progress.empty')}</p>
        <p className="progress-actions">
          <Link to="/assessment">{t('progress.emptyAssessment')}</Link>
          <Link to="/feedback">{t('progress.emptyFeedback')}</Link>
        </p>
      </div>
    );
  else
    content = (
      <>
        <section className="card stack" aria-labelledby={changesId}>
          <h2 id={changesId}>{t('progress.changes.title')}</h2>
          <ChangeTables capabilities={progress.data.capabilities} narrow={narrow} />
          <details className="details-toggle">
            <summary>{t('progress.method.title')}</summary>
            <p>{progress.data.method.statement}</p>
          </details>
        </section>
        <Timeline data={progress.data} narrow={narrow} />
      </>
    );
  return (
    <section className="progress-page stack">
      <PageHeading title={t('progress.title')} />
      <p className="lead">{t('progress.intro')}</p>
      {content}
    </section>
  );
}
