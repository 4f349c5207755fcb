// What every analytics page shares: the filter bar (values from the response's choices, kept in the
// URL), the line saying how figures were decided, the withheld legend, the download links and the
// tables the downloads hold.
import { useId } from 'react';
import { useSearchParams } from 'react-router';
import { formatDateTime, t } from '../../i18n/index.ts';
import { Withheld } from '../../ui/charts/withheld.tsx';
import { ScrollTable } from '../../ui/components.tsx';
import { FILTER_KEYS, type FilterKey, withFilter } from './filters.ts';
import {
  type AnalyticsContext,
  type AnalyticsPage,
  type AnalyticsQuery,
  type ExportTable,
  exportHref,
  reportHref,
} from './queries.ts';

export function FilterBar({
  context,
  updating,
  keys = FILTER_KEYS,
}: {
  context: AnalyticsContext;
  updating: boolean;
  /** The filters this page takes (impact: the programme only). */
  keys?: ReadonlyArray<FilterKey>;
}) {
  const [search, setSearch] = useSearchParams();
  const id = useId();
  const set = (key: FilterKey, value: string) =>
    setSearch(withFilter(search, key, value), { replace: false });
  const all = t('analytics.filter.all');
  const options: Record<FilterKey, { value: string; label: string }[]> = {
    period: context.periods.map((p) => ({ value: p, label: p })),
    programme: context.choices.programmes.map((p) => ({ value: p.id, label: p.name })),
    stage: context.choices.stages.map((s) => ({ value: s.key, label: s.name })),
    team: context.choices.teams.map((team) => ({ value: team.id, label: team.path })),
  };
  const current: Record<FilterKey, string> = {
    period: search.get('period') ?? context.period,
    programme: search.get('programme') ?? '',
    stage: search.get('stage') ?? '',
    team: search.get('team') ?? '',
  };
  const filtered = keys.some((key) => search.has(key));
  return (
    <form className="analytics-filters" aria-labelledby={`${id}-h`} onSubmit={(e) => e.preventDefault()}>
      <h2 id={`${id}-h`} className="visually-hidden">
        {t('analytics.filters')}
      </h2>
      {keys.map((key) => (
        <div className="field" key={key}>
          <label htmlFor={`${id}-${key}`}>{t(`analytics.filter.${key}`)}</label>
          <select id={`${id}-${key}`} value={current[key]} onChange={(e) => set(key, e.target.value)}>
            {key === 'period' ? null : (
              <option value="">
                {key === 'team' && context.scope === 'line' ? t('analytics.filter.allLine') : all}
              </option>
            )}
            {options[key].map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      ))}
      <div className="analytics-filter-actions">
        {filtered ? (
          <button
            type="button"
            className="button button-link"
            onClick={() => setSearch(new URLSearchParams())}
          >
            {t('analytics.filter.clear')}
          </button>
        ) : null}
        <span role="status" className="muted">
          {updating ? t('analytics.filter.updating') : ''}
        </span>
      </div>
    </form>
  );
}

/** "Shown only for at least n people", when and for which month it was decided, and the legend. */
export function Provenance({
  minimum,
  decidedAt,
  period,
  scope,
}: {
  minimum: number;
  /** Absent for climate, whose figures are each round's own, frozen at its close. */
  decidedAt?: string;
  period?: string;
  scope?: 'organisation' | 'line';
}) {
  return (
    <div className="analytics-provenance">
      <p>
        {t('analytics.minimum', { minimum })}{' '}
        {decidedAt === undefined
          ? t('analytics.decidedClimate')
          : period
            ? t('analytics.decided', { period, date: formatDateTime(decidedAt) })
            : t('analytics.decidedImpact', { date: formatDateTime(decidedAt) })}
        {scope === 'line' ? ` ${t('analytics.scopeLine')}` : null}
      </p>
      <p className="analytics-legend">
        <Withheld label={t('analytics.withheldLegend')} />
      </p>
    </div>
  );
}

export function Downloads({
  page,
  query,
  tables,
}: {
  page: AnalyticsPage;
  query: AnalyticsQuery;
  tables: readonly ExportTable[];
}) {
  const id = useId();
  return (
    <section className="analytics-downloads" aria-labelledby={id}>
      <h2 id={id} className="analytics-downloads-title">
        {t('analytics.export')}
      </h2>
      <ul>
        {tables.length > 1 ? (
          tables.map((table) => (
            <li key={table.id}>
              <a className="button button-secondary" href={exportHref(page, query, 'csv', table.id)} download>
                {t('analytics.export.csvOf', { table: table.title })}
              </a>
            </li>
          ))
        ) : (
          <li>
            <a className="button button-secondary" href={exportHref(page, query, 'csv')} download>
              {t('analytics.export.csv')}
            </a>
          </li>
        )}
        <li>
          <a className="button button-secondary" href={exportHref(page, query, 'xlsx')} download>
            {t('analytics.export.xlsx')}
          </a>
        </li>
        {page === 'impact' ? (
          <li>
            <a className="button button-secondary" href={reportHref(query)} download>
              {t('analytics.export.pdf')}
            </a>
          </li>
        ) : null}
      </ul>
    </section>
  );
}

/** A cell as the downloads write it: a number, text, or withheld (null). */
export function CellValue({ value }: { value: string | number | null }) {
  if (value === null) return <Withheld label={t('analytics.withheld')} />;
  return <>{typeof value === 'number' ? formatFigure(value) : value}</>;
}

/** Whole numbers as they are; others with two decimals. */
export const formatFigure = (value: number): string =>
  Number.isInteger(value) ? String(value) : value.toFixed(2);

/** The tables of the page exactly as the downloads hold them: the charts' text equivalent. */
export function DataTables({ tables }: { tables: readonly ExportTable[] }) {
  const id = useId();
  if (tables.length === 0) return null;
  return (
    <section className="analytics-tables" aria-labelledby={id}>
      <h2 id={id}>{t('analytics.tables')}</h2>
      <p className="muted">{t('analytics.tablesHint')}</p>
      {tables.map((table, i) => (
        <DataTable key={table.id} table={table} headingId={`${id}-${i}`} />
      ))}
    </section>
  );
}

function DataTable({ table, headingId }: { table: ExportTable; headingId: string }) {
  return (
    <>
      <h3 id={headingId}>{table.title}</h3>
      <ScrollTable labelledBy={headingId}>
        <table className="table analytics-table">
          <thead>
            <tr>
              {table.columns.map((column) => (
                <th scope="col" key={column}>
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, r) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id; their order is the table's.
              <tr key={r}>
                {row.map((value, c) =>
                  c === 0 ? (
                    // biome-ignore lint/suspicious/noArrayIndexKey: a cell's place is its identity.
                    <th scope="row" key={c}>
                      <CellValue value={value} />
                    </th>
                  ) : (
                    // biome-ignore lint/suspicious/noArrayIndexKey: a cell's place is its identity.
                    <td key={c}>
                      <CellValue value={value} />
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </>
  );
}
