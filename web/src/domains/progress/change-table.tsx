// The changes, one table per kind of measurement (self-assessment, 360, pulse): reliable changes
// first, then the rest in framework order. Every row states its numbers, its result, and the
// reliability used with its source and n; on a phone each row is a card.
import { useId } from 'react';
import { locale, t, tn } from '../../i18n/index.ts';
import { Badge, ScrollTable } from '../../ui/components.tsx';
import { formatMonth, formatStat } from '../../ui/format.ts';
import { type MeasurementKind, RESULT_TONE, resultLabel } from './labels.ts';
import type { ProgressCapability, ProgressChange } from './queries.ts';

const signed = new Intl.NumberFormat(locale, {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
  signDisplay: 'exceptZero',
});

export interface Row {
  key: string;
  /** The timeline series it belongs to (ProgressPage). */
  seriesId: string;
  title: string;
  subtitle: string | null;
  change: ProgressChange;
}

const reliableFirst = (a: Row, b: Row) =>
  Number(a.change.label === 'no-reliable-change') - Number(b.change.label === 'no-reliable-change');

/** Every change, reliable ones first (a stable sort keeps framework order within each). */
export function rowsOf(capabilities: ReadonlyArray<ProgressCapability>): Row[] {
  return capabilities
    .flatMap((c) => [
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
    ])
    .sort(reliableFirst);
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
        {reliability.reason ? `${reliability.reason}. ` : ''}
        {t('progress.reliability.sd', {
          value: formatStat(baselineSd.value),
          source: t(`progress.source.${baselineSd.source}`),
          sDiff: formatStat(change.sDiff),
        })}
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

function Title({ row }: { row: Row }) {
  return (
    <>
      {row.title}
      {row.subtitle ? <span className="progress-cell-note">{row.subtitle}</span> : null}
    </>
  );
}

/** On a phone: one card per change, every figure labelled, nothing to scroll sideways. */
function ChangeCards({ rows }: { rows: Row[] }) {
  return (
    <ul className="progress-cards">
      {rows.map((row) => (
        <li key={row.key} className="progress-card">
          <h4 className="progress-card-title">
            <Title row={row} />
          </h4>
          <p className="progress-card-result">
            <Badge tone={RESULT_TONE[row.change.label]}>{resultLabel(row.change.label)}</Badge>
          </p>
          <dl className="progress-card-figures">
            <div>
              <dt>{t('progress.col.scores')}</dt>
              <dd>
                {scoresText(row.change)} ({signed.format(row.change.difference)})
                <DatesNote change={row.change} />
              </dd>
            </div>
            <div>
              <dt>{t('progress.col.rci')}</dt>
              <dd>{formatStat(row.change.rci)}</dd>
            </div>
            <div>
              <dt>{t('progress.col.reliability')}</dt>
              <dd>
                <ReliabilityCell change={row.change} />
              </dd>
            </div>
          </dl>
        </li>
      ))}
    </ul>
  );
}

function KindTable({ kind, rows }: { kind: MeasurementKind; rows: Row[] }) {
  const captionId = useId();
  return (
    <ScrollTable labelledBy={captionId}>
      <table className="table progress-table">
        <caption id={captionId}>{t(`progress.changes.caption.${kind}`)}</caption>
        <thead>
          <tr>
            <th scope="col">{t(kind === 'pulse' ? 'progress.col.behaviour' : 'progress.col.capability')}</th>
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
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">
                <Title row={row} />
              </th>
              <td className="num">
                {scoresText(row.change)}
                <DatesNote change={row.change} />
              </td>
              <td className="num">{signed.format(row.change.difference)}</td>
              <td className="num">{formatStat(row.change.rci)}</td>
              <td>
                <Badge tone={RESULT_TONE[row.change.label]}>{resultLabel(row.change.label)}</Badge>
              </td>
              <td className="progress-reliability">
                <ReliabilityCell change={row.change} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}

const KIND_ORDER: MeasurementKind[] = ['self', '360', 'pulse'];

export function ChangeTables({
  capabilities,
  narrow,
}: {
  capabilities: ReadonlyArray<ProgressCapability>;
  narrow: boolean;
}) {
  const rows = rowsOf(capabilities);
  if (!rows.length) return <p className="muted">{t('progress.changes.none')}</p>;
  const count = (label: ProgressChange['label']) => rows.filter((r) => r.change.label === label).length;
  return (
    <>
      <p>
        {t('progress.changes.summary', {
          improved: count('improved'),
          declined: count('declined'),
          unchanged: count('no-reliable-change'),
        })}
      </p>
      {KIND_ORDER.map((kind) => {
        const ofKind = rows.filter((r) => r.change.kind === kind);
        if (!ofKind.length) return null;
        return (
          <div key={kind} className="progress-kind stack">
            <h3>{t(`progress.changes.kind.${kind}`)}</h3>
            <p className="hint">{t(`progress.changes.intro.${kind}`)}</p>
            {narrow ? <ChangeCards rows={ofKind} /> : <KindTable kind={kind} rows={ofKind} />}
          </div>
        );
      })}
    </>
  );
}
