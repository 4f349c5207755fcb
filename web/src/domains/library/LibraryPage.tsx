// The library for everyone: search and filter the published modules by capability, career stage
// and time. Filters live in the address (shareable, kept on Back); the search box updates it after
// a short pause so each keystroke does not become a request.
import { type ReactNode, useEffect, useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { LibraryFacets, ModuleSummary } from '../../../../src/domains/library/contracts.ts';
import { replaceQuery } from '../../app/router.tsx';
import { t, tn } from '../../i18n/index.ts';
import { Badge, Button, LoadError, Loading, PageHeading } from '../../ui/components.tsx';
import { errorText } from '../../ui/errors.ts';
import { modulePath, stageNames } from './paths.ts';
import { type LibraryFilterValues, useLibraryFacets, useLibraryModules } from './queries.ts';
import './library.css';

const TIME_CHOICES = [10, 15, 20, 30, 60] as const;
const SEARCH_PAUSE_MS = 300;

type FilterName = 'q' | 'capability' | 'stage' | 'maxMinutes';

function setFilter(name: FilterName, value: string) {
  const next = new URLSearchParams(window.location.search);
  if (value) next.set(name, value);
  else next.delete(name);
  replaceQuery(next);
}

export function LibraryPage() {
  const [query] = useSearchParams();
  const filters: LibraryFilterValues = {};
  for (const name of ['q', 'capability', 'stage'] as const) {
    const value = query.get(name)?.trim();
    if (value) filters[name] = value;
  }
  const maxMinutes = Number(query.get('maxMinutes'));
  if (Number.isInteger(maxMinutes) && maxMinutes > 0) filters.maxMinutes = maxMinutes;

  const facets = useLibraryFacets();
  const modules = useLibraryModules(filters);
  const failed = [facets, modules].find((r) => r.isError);
  const countId = useId();

  let content: ReactNode;
  if (failed) {
    content = <LoadError message={errorText(failed.error)} onRetry={() => void failed.refetch()} />;
  } else if (!facets.data || !modules.data) content = <Loading />;
  else {
    const items = modules.data.items;
    const filtered = Object.keys(filters).length > 0;
    content = (
      <>
        <Filters facets={facets.data} filters={filters} countId={countId} />
        <p id={countId} className="result-count" role="status">
          {filtered
            ? tn('library.countFiltered', items.length, { count: items.length })
            : tn('library.count', items.length, { count: items.length })}
        </p>
        {items.length === 0 ? (
          <div className="empty">
            <p>{filtered ? t('library.emptyFiltered') : t('library.empty')}</p>
          </div>
        ) : (
          <ul className="library-cards">
            {items.map((m) => (
              <ModuleCard key={m.id} module={m} stages={stageNames(facets.data.stages)} />
            ))}
          </ul>
        )}
      </>
    );
  }

  return (
    <section className="library-page">
      <PageHeading title={t('library.title')} />
      <p className="lead">{t('library.intro')}</p>
      {content}
    </section>
  );
}

function Filters({
  facets,
  filters,
  countId,
}: {
  facets: LibraryFacets;
  filters: LibraryFilterValues;
  countId: string;
}) {
  const ids = { q: useId(), capability: useId(), stage: useId(), time: useId() };
  const [text, setText] = useState(filters.q ?? '');
  // The box shows what is typed at once; the address (and the request) follow after a pause.
  useEffect(() => {
    if (text.trim() === (filters.q ?? '')) return;
    const timer = setTimeout(() => setFilter('q', text.trim()), SEARCH_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text, filters.q]);

  const blocks = [...new Set(facets.capabilities.map((c) => c.blockName))];
  return (
    <search className="library-filters" aria-label={t('library.filters')}>
      <div className="field library-search">
        <label htmlFor={ids.q}>{t('library.search')}</label>
        <input
          id={ids.q}
          type="search"
          placeholder={t('library.searchHint')}
          aria-describedby={countId}
          value={text}
          onChange={(e) => setText(e.target.value)}
          autoComplete="off"
        />
      </div>
      <div className="field">
        <label htmlFor={ids.capability}>{t('library.capability')}</label>
        <select
          id={ids.capability}
          value={filters.capability ?? ''}
          onChange={(e) => setFilter('capability', e.target.value)}
        >
          <option value="">{t('library.anyCapability')}</option>
          {blocks.map((block) => (
            <optgroup key={block} label={block}>
              {facets.capabilities
                .filter((c) => c.blockName === block && c.count > 0)
                .map((c) => (
                  <option key={c.key} value={c.key}>
                    {t('library.capabilityOption', { name: c.name, count: c.count })}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.stage}>{t('library.stage')}</label>
        <select
          id={ids.stage}
          value={filters.stage ?? ''}
          onChange={(e) => setFilter('stage', e.target.value)}
        >
          <option value="">{t('library.anyStage')}</option>
          {facets.stages.map((s) => (
            <option key={s.key} value={s.key}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.time}>{t('library.time')}</label>
        <select
          id={ids.time}
          value={filters.maxMinutes ? String(filters.maxMinutes) : ''}
          onChange={(e) => setFilter('maxMinutes', e.target.value)}
        >
          <option value="">{t('library.anyTime')}</option>
          {TIME_CHOICES.map((m) => (
            <option key={m} value={m}>
              {t('library.upTo', { minutes: m })}
            </option>
          ))}
        </select>
      </div>
      {Object.keys(filters).length ? (
        <div className="filters-clear">
          <Button
            variant="link"
            onClick={() => {
              setText('');
              replaceQuery(new URLSearchParams());
            }}
          >
            {t('library.clear')}
          </Button>
        </div>
      ) : null}
    </search>
  );
}

function ModuleCard({ module: m, stages }: { module: ModuleSummary; stages: (key: string) => string }) {
  const headingId = useId();
  return (
    <li className="card library-card" aria-labelledby={headingId}>
      <p className="library-card-capability">
        <Badge tone="neutral">{m.capabilityName}</Badge>
      </p>
      <h2 id={headingId} className="library-card-title">
        <Link to={modulePath(m.id)}>{m.title}</Link>
      </h2>
      <p className="library-card-summary">{m.summary}</p>
      <dl className="library-facts">
        <div>
          <dt>{t('library.minutesLabel')}</dt>
          <dd>{t('library.minutes', { minutes: m.minutes })}</dd>
        </div>
        <div>
          <dt>{t('library.stagesLabel')}</dt>
          <dd>{m.stages.map(stages).join(', ')}</dd>
        </div>
      </dl>
    </li>
  );
}
