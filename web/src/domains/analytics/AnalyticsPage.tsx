// /analytics/:page — organisation analytics and impact (issue #12): admins see the organisation,
// team leaders the teams they lead and below (the response's `scope`). One sub-page each for the
// heatmap, balance, derailers, climate, funnel and impact; the filters are in the URL, so a view
// can be shared and the back button restores it.
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../../api.ts';
import { t } from '../../i18n/index.ts';
import { Alert, LoadError, Loading, PageHeading } from '../../ui/components.tsx';
import { errorText } from '../../ui/errors.ts';
import { BalanceView, DerailersView, FunnelView } from './bar-views.tsx';
import { ClimateView } from './climate-view.tsx';
import { queryFromSearch } from './filters.ts';
import { HeatmapView } from './heatmap-view.tsx';
import { ImpactView } from './impact-view.tsx';
import { DataTables, Downloads, FilterBar, Provenance } from './page-parts.tsx';
import {
  type AnalyticsContext,
  type AnalyticsQuery,
  type AnalyticsPage as Page,
  useBalance,
  useClimate,
  useDerailers,
  useFunnel,
  useHeatmap,
  useImpact,
} from './queries.ts';

export const PAGES: readonly Page[] = ['heatmap', 'balance', 'derailers', 'climate', 'funnel', 'impact'];

export function AnalyticsPage({ page }: { page: Page }) {
  const [search] = useSearchParams();
  const query = queryFromSearch(search);
  return (
    <>
      <PageHeading title={t('analytics.titleOf', { page: t(`analytics.page.${page}`) })}>
        {t('analytics.title')}
      </PageHeading>
      <nav aria-label={t('analytics.pages')} className="analytics-nav">
        <ul>
          {PAGES.map((p) => (
            <li key={p}>
              <Link
                to={{ pathname: `/analytics/${p}`, search: search.toString() }}
                aria-current={p === page ? 'page' : undefined}
              >
                {t(`analytics.page.${p}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <PageBody page={page} query={query} />
    </>
  );
}

function PageBody({ page, query }: { page: Page; query: AnalyticsQuery }) {
  switch (page) {
    case 'heatmap':
      return <HeatmapPage query={query} />;
    case 'balance':
      return <BalancePage query={query} />;
    case 'derailers':
      return <DerailersPage query={query} />;
    case 'climate':
      return <ClimatePage />;
    case 'funnel':
      return <FunnelPage query={query} />;
    case 'impact':
      return <ImpactPage query={query} />;
  }
}

type PageProps = { query: AnalyticsQuery };
const HeatmapPage = ({ query }: PageProps) => (
  <ContextPage
    page="heatmap"
    query={query}
    result={useHeatmap(query)}
    view={(d) => <HeatmapView data={d} />}
    collapseTables
  />
);
const BalancePage = ({ query }: PageProps) => (
  <ContextPage
    page="balance"
    query={query}
    result={useBalance(query)}
    view={(d) => <BalanceView data={d} />}
  />
);
const DerailersPage = ({ query }: PageProps) => (
  <ContextPage
    page="derailers"
    query={query}
    result={useDerailers(query)}
    view={(d) => <DerailersView data={d} />}
  />
);
/** Climate is by round and by the teams of each round: no lattice filters, no snapshot month. */
function ClimatePage() {
  const result = useClimate();
  return (
    <Outcome result={result}>
      {(data) => (
        <>
          <Provenance minimum={data.minimum} />
          <Downloads page="climate" query={{}} tables={data.tables} />
          <ClimateView data={data} />
          <DataTables tables={data.tables} />
        </>
      )}
    </Outcome>
  );
}
const FunnelPage = ({ query }: PageProps) => (
  <ContextPage page="funnel" query={query} result={useFunnel(query)} view={(d) => <FunnelView data={d} />} />
);

/** Loading, refused (not an admin and no team led), a bad filter, or the page's figures. */
function Outcome<T>({ result, children }: { result: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  const [search, setSearch] = useSearchParams();
  if (result.status === 'pending') return <Loading />;
  if (result.status === 'error') {
    const error = result.error;
    // Refused outright (no team led), unless a filter asked for something outside the viewer's line.
    if (error instanceof ApiError && error.status === 403 && search.size === 0) {
      return <Alert tone="info">{t('analytics.forbidden')}</Alert>;
    }
    if (error instanceof ApiError && (error.status === 400 || error.status === 403)) {
      return (
        <Alert tone="error">
          <p>
            {errorText(error)}{' '}
            {Object.entries(error.fields)
              .map(([f, rule]) => `${f}: ${rule}`)
              .join('; ')}
          </p>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => setSearch(new URLSearchParams())}
          >
            {t('analytics.filter.clear')}
          </button>
        </Alert>
      );
    }
    return <LoadError message={errorText(error)} onRetry={() => result.refetch()} />;
  }
  return <>{children(result.data)}</>;
}

function ContextPage<T extends AnalyticsContext>({
  page,
  query,
  result,
  view,
  collapseTables = false,
}: {
  page: Page;
  query: AnalyticsQuery;
  result: UseQueryResult<T>;
  view: (data: T) => ReactNode;
  collapseTables?: boolean;
}) {
  return (
    <Outcome result={result}>
      {(data) => (
        <>
          <FilterBar context={data} updating={result.isPlaceholderData} />
          <Provenance
            minimum={data.minimum}
            decidedAt={data.decidedAt}
            period={data.period}
            scope={data.scope}
          />
          <Downloads page={page} query={query} tables={data.tables} />
          {view(data)}
          {collapseTables ? (
            <details className="analytics-more">
              <summary>{t('analytics.tables')}</summary>
              <DataTables tables={data.tables} />
            </details>
          ) : (
            <DataTables tables={data.tables} />
          )}
        </>
      )}
    </Outcome>
  );
}

/** Impact has no filter choices of its own: the bar takes them from the heatmap's context. */
function ImpactPage({ query }: { query: AnalyticsQuery }) {
  const result = useImpact(query);
  const context = useHeatmap(query, result.isSuccess);
  return (
    <Outcome result={result}>
      {(data) => (
        <>
          {context.data ? (
            <FilterBar context={context.data} updating={result.isPlaceholderData} keys={['programme']} />
          ) : null}
          <Provenance minimum={data.minimum} decidedAt={data.decidedAt} scope={data.scope} />
          <Downloads page="impact" query={query} tables={data.tables} />
          <ImpactView data={data} />
        </>
      )}
    </Outcome>
  );
}
