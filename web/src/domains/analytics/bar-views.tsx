// Balance by stage against the expected curve, derailer prevalence and the participation funnel:
// a bar chart each, drawn from the released figures only, with the tables beneath (DataTables).
import { useId } from 'react';
import { t } from '../../i18n/index.ts';
import { type BarRow, BarRows } from '../../ui/charts/bar-rows.tsx';
import { Responsive } from '../../ui/charts/responsive.tsx';
import { formatNumber, formatPercent } from '../../ui/charts/theme.ts';
import type { Balance, Derailers, Funnel } from './queries.ts';

const withheldRow = (key: string, label: string): BarRow => ({
  key,
  label,
  value: null,
  note: t('analytics.withheld'),
  withheld: true,
});

export function balanceRows(data: Balance): BarRow[] {
  return data.stages.map((stage) =>
    stage.observed
      ? {
          key: stage.key,
          label: stage.name,
          value: stage.observed.mean,
          valueText: `${formatNumber(stage.observed.mean)} (${t('analytics.n', { n: stage.observed.n })})`,
          reference: stage.expected,
        }
      : { ...withheldRow(stage.key, stage.name), reference: stage.expected },
  );
}

export function BalanceView({ data }: { data: Balance }) {
  const id = useId();
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{t('analytics.balance.title')}</h2>
      <p className="muted">{t('analytics.chartHint')}</p>
      <Responsive>
        {(width) => (
          <BarRows
            width={width}
            text={{
              id: `${id}-chart`,
              title: t('analytics.balance.chart'),
              description: t('analytics.balance.chartDescription', { label: data.scale.label }),
            }}
            rows={balanceRows(data)}
            domain={[data.scale.min, data.scale.max]}
            barLabel={`${t('analytics.balance.observed')} (${data.scale.label})`}
            referenceLabel={t('analytics.balance.expected')}
          />
        )}
      </Responsive>
    </section>
  );
}

/** Prevalence for everyone in view: the by-team row without a team and stage (the scope's total). */
export function derailerRows(data: Derailers): BarRow[] {
  const total = data.byTeam.find((row) => row.team === null && row.stage === null);
  return data.derailers.map((d, i) => {
    const cell = total?.cells[i];
    return cell
      ? {
          key: d.key,
          label: d.name,
          value: cell.share,
          valueText: t('analytics.derailers.value', { share: formatPercent(cell.share), base: cell.base }),
        }
      : withheldRow(d.key, d.name);
  });
}

export function DerailersView({ data }: { data: Derailers }) {
  const id = useId();
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{t('analytics.derailers.title')}</h2>
      <p className="muted">{t('analytics.chartHint')}</p>
      <Responsive>
        {(width) => (
          <BarRows
            width={width}
            text={{
              id: `${id}-chart`,
              title: t('analytics.derailers.chart'),
              description: t('analytics.derailers.chartDescription'),
            }}
            rows={derailerRows(data)}
            domain={[0, 1]}
          />
        )}
      </Responsive>
    </section>
  );
}

export function funnelRows(data: Funnel): BarRow[] {
  const base = data.people ?? Math.max(0, ...data.steps.map((s) => s.count ?? 0));
  return data.steps.map((step) => {
    const label = t(`analytics.funnel.step.${step.key}`);
    if (step.count === null) return withheldRow(step.key, label);
    return {
      key: step.key,
      label,
      // Bars are lengths relative to the people in view (or the widest step when that is withheld).
      value: step.count / Math.max(1, base),
      valueText:
        data.people !== null && data.people > 0
          ? t('analytics.funnel.value', { count: step.count, share: formatPercent(step.count / data.people) })
          : String(step.count),
    };
  });
}

export function FunnelView({ data }: { data: Funnel }) {
  const id = useId();
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{t('analytics.funnel.title')}</h2>
      <p className="muted">{t('analytics.chartHint')}</p>
      <Responsive>
        {(width) => (
          <BarRows
            width={width}
            text={{
              id: `${id}-chart`,
              title: t('analytics.funnel.chart'),
              description: t('analytics.funnel.chartDescription', {
                people: data.people ?? t('analytics.withheld'),
              }),
            }}
            rows={funnelRows(data)}
            domain={[0, 1]}
          />
        )}
      </Responsive>
    </section>
  );
}
