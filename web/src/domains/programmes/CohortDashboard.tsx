// The cohort dashboard: counts of people per building block and per step status, the server's
// figures after disclosure control; a withheld count shows as "hidden", never as a number.
import { useId, useState } from 'react';
import type { CohortDashboard as Dashboard } from '../../../../src/domains/programmes/contracts.ts';
import { formatDateTime, formatNumber, t } from '../../i18n/index.ts';
import { LoadError, Loading, ScrollTable } from '../../ui/components.tsx';
import { errorText } from '../../ui/errors.ts';
import { useDashboard } from './queries.ts';

type Figures = Pick<Dashboard, 'enrolled' | 'blocks' | 'statuses' | 'alumni'>;
const shown = (n: number | null) => (n === null ? t('programme.hidden') : formatNumber(n));

function rowsOf(f: Figures): { label: string; value: number | null }[] {
  return [
    { label: t('programme.total'), value: f.enrolled },
    ...f.blocks.map((b) => ({ label: t(`programme.block.${b.key}`), value: b.count })),
    ...f.statuses.map((s) => ({ label: t(`programme.funnel.${s.key}`), value: s.count })),
    ...(f.alumni ?? []).map((a) => ({ label: t(`programme.alumni.${a.key}`), value: a.count })),
  ];
}

export function CohortDashboard({ programmeId }: { programmeId: string }) {
  const [byTeam, setByTeam] = useState(false);
  const dashboard = useDashboard(programmeId, byTeam);
  const tableId = useId();
  if (dashboard.isPending) return <Loading />;
  if (dashboard.isError)
    return <LoadError message={errorText(dashboard.error)} onRetry={() => void dashboard.refetch()} />;
  const d = dashboard.data;
  const columns: { name: string; figures: Figures }[] = [
    { name: t('programme.total'), figures: d },
    ...(d.teams ?? []).map((team) => ({ name: team.name ?? t('programme.noTeam'), figures: team })),
  ];
  const rows = columns.map((c) => rowsOf(c.figures));
  return (
    <div className="stack">
      <p>{t('programme.dashboardIntro', { minimum: d.minimum })}</p>
      <p className="muted">{t('programme.dashboardAsOf', { time: formatDateTime(d.asOf) })}</p>
      <label className="checkbox">
        <input type="checkbox" checked={byTeam} onChange={(e) => setByTeam(e.target.checked)} />{' '}
        {t('programme.byTeam')}
      </label>
      <ScrollTable labelledBy={tableId}>
        <table className="table">
          <caption id={tableId}>{t('programme.dashboardTitle')}</caption>
          <thead>
            <tr>
              <td />
              {columns.map((c) => (
                <th key={c.name} scope="col" className="num">
                  {c.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows[0]!.map((r, i) => (
              <tr key={r.label}>
                <th scope="row">{r.label}</th>
                {rows.map((col, c) => (
                  <td key={columns[c]!.name} className="num">
                    {shown(col[i]!.value)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </div>
  );
}
