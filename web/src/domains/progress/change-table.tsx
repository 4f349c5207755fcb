// The table of changes: one row per capability and measure, then the focus behaviours a pulse
// re-rated. Every row states its numbers, its result, and the reliability used with its source and n.
import { useId } from 'react';
import { locale, t, tn } from '../../i18n/index.ts';
import { Badge, ScrollTable } from '../../ui/components.tsx';
import { formatMonth, formatStat } from '../../ui/format.ts';
import { kindLabel, RESULT_TONE, resultLabel } from './labels.ts';
import type { ProgressCapability, ProgressChange } from './queries.ts';

const signed = new Intl.NumberFormat(locale, {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
  signDisplay: 'exceptZero',
});

interface Row {
  key: string;
  /** The timeline series it belongs to (ProgressPage). */
  seriesId: string;
  title: string;
  subtitle: string | null;
  change: ProgressChange;
}

export function rowsOf(capabilities: ReadonlyArray<ProgressCapability>): Row[] {
  return capabilities.flatMap((c) => [
    ...c.changes.map((change) => ({
      key: `${c.key}:${change.kind}`,
      seriesId: `capability:${c.key}`,
      title: c.name,
      subtitle: c.derailer ? t('progress.derailerNote') : null,
      change,
    })),
    ...c.behaviours.flatMap((b) =>
      b.change
        ? [
            {
              key: `${c.key}:${b.key}`,
              seriesId: `behaviour:${b.key}`,
              title: b.text,
              subtitle: t('progress.behaviourOf', { capability: c.name }),
              change: b.change,
            },
          ]
        : [],
    ),
  ]);
}

const raters = (n: number | null) => (n === null ? '' : ` · ${tn('progress.raters', n, { count: n })}`);

function ReliabilityCell({ change }: { change: ProgressChange }) {
  const { reliability, baselineSd } = change;
  const value = formatStat(reliability.value);
  return (
    <>
      {reliability.source === 'organisation' ? (
        t('progress.reliability.organisation', { value, n: reliability.n })
      ) : (
        <>
          {value} <Badge tone="warning">{t('progress.source.default')}</Badge>
        </>
      )}
      <span className="progress-cell-note">
        {t('progress.reliability.sd', {
          value: formatStat(baselineSd.value),
          source: t(`progress.source.${baselineSd.source}`),
          sDiff: formatStat(change.sDiff),
        })}
        {reliability.basis === 'spearman-brown' ? ` ${t('progress.reliability.itemBasis')}` : ''}
        {reliability.reason ? ` ${t('progress.reliability.defaultWhy', { reason: reliability.reason })}` : ''}
      </span>
    </>
  );
}

const scoresText = (change: ProgressChange) =>
  t('progress.scores', {
    baseline: formatStat(change.baseline.score),
    latest: formatStat(change.latest.score),
  });

function DatesNote({ change }: { change: ProgressChange }) {
  return (
    <span className="progress-cell-note">
      {t('progress.scoresDates', {
        baseline: formatMonth(change.baseline.date),
        latest: formatMonth(change.latest.date),
      })}
      {raters(change.latest.raters)}
    </span>
  );
}

/** On a phone: one card per change, every figure labelled, nothing to scroll sideways. */
function ChangeCards({ rows }: { rows: Row[] }) {
  return (
    <ul className="progress-cards">
      {rows.map(({ key, title, subtitle, change }) => (
        <li key={key} className="progress-card">
          <h3 className="progress-card-title">
            {title}
            {subtitle ? <span className="progress-cell-note">{subtitle}</span> : null}
          </h3>
          <p className="progress-card-result">
            <Badge tone={RESULT_TONE[change.label]}>{resultLabel(change.label)}</Badge>{' '}
            <span>{kindLabel(change.kind)}</span>
          </p>
          <dl className="progress-card-figures">
            <div>
              <dt>{t('progress.col.scores')}</dt>
              <dd>
                {scoresText(change)} ({signed.format(change.difference)})
                <DatesNote change={change} />
              </dd>
            </div>
            <div>
              <dt>{t('progress.col.rci')}</dt>
              <dd>{formatStat(change.rci)}</dd>
            </div>
            <div>
              <dt>{t('progress.col.reliability')}</dt>
              <dd>
                <ReliabilityCell change={change} />
              </dd>
            </div>
          </dl>
        </li>
      ))}
    </ul>
  );
}

export function ChangeTable({
  capabilities,
  narrow,
}: {
  capabilities: ReadonlyArray<ProgressCapability>;
  narrow: boolean;
}) {
  const captionId = useId();
  // Reliable changes first (stable: framework order within each), as they are what the page is for.
  const rows = rowsOf(capabilities).sort(
    (a, b) =>
      Number(a.change.label === 'no-reliable-change') - Number(b.change.label === 'no-reliable-change'),
  );
  if (!rows.length) return <p className="muted">{t('progress.changes.none')}</p>;
  const count = (label: ProgressChange['label']) => rows.filter((r) => r.change.label === label).length;
  const summary = (
    <p>
      {t('progress.changes.summary', {
        improved: count('improved'),
        declined: count('declined'),
        unchanged: count('no-reliable-change'),
      })}
    </p>
  );
  if (narrow)
    return (
      <>
        {summary}
        <ChangeCards rows={rows} />
      </>
    );
  return (
    <>
      {summary}
      <ScrollTable labelledBy={captionId}>
        <table className="table progress-table">
          <caption id={captionId}>{t('progress.changes.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('progress.col.scale')}</th>
              <th scope="col">{t('progress.col.kind')}</th>
              <th scope="col" className="num">
                {t('progress.col.scores')}
              </th>
              <th scope="col" className="num">
                {t('progress.col.difference')}
              </th>
              <th scope="col" className="num">
                {t('progress.col.rci')}
              </th>
              <th scope="col">{t('progress.col.result')}</th>
              <th scope="col">{t('progress.col.reliability')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ key, title, subtitle, change }) => (
              <tr key={key}>
                <th scope="row">
                  {title}
                  {subtitle ? <span className="progress-cell-note">{subtitle}</span> : null}
                </th>
                <td>{kindLabel(change.kind)}</td>
                <td className="num">
                  {scoresText(change)}
                  <DatesNote change={change} />
                </td>
                <td className="num">{signed.format(change.difference)}</td>
                <td className="num">{formatStat(change.rci)}</td>
                <td>
                  <Badge tone={RESULT_TONE[change.label]}>{resultLabel(change.label)}</Badge>
                </td>
                <td className="progress-reliability">
                  <ReliabilityCell change={change} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </>
  );
}
