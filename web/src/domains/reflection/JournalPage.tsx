// /journal: the person's private reflection journal. A new entry at the top (about an experiment
// when the plan's "Reflect" link names one: ?experiment=<id>, or a module: ?module=<id>), then their
// entries newest first, a page at a time, filtered by experiment if they like; last, entries others
// shared with them as their manager or coach. One polite live region announces what a button did.
import { useEffect, useId, useState } from 'react';
import { useSearchParams } from 'react-router';
import { t } from '../../i18n/index.ts';
import { Button, LoadError, Loading, PageHeading } from '../../ui/components.tsx';
import { errorText } from '../../ui/errors.ts';
import { EntryCard } from './entry-card.tsx';
import { aboutValue, EntryForm } from './entry-form.tsx';
import { type JournalOptions, useJournal, useJournalOptions, useSharedJournal } from './queries.ts';
import './journal.css';

export function JournalPage() {
  const options = useJournalOptions();
  const [query] = useSearchParams();
  const [announcement, setAnnouncement] = useState('');

  let content: React.ReactNode;
  if (options.isPending) content = <Loading />;
  else if (options.isError)
    content = (
      <LoadError
        message={`${t('journal.loadError')} ${errorText(options.error)}`}
        onRetry={() => void options.refetch()}
      />
    );
  else {
    // A link from the plan or the library preselects what the entry is about, if it is the person's.
    const experiment = query.get('experiment') ?? '';
    const module = query.get('module') ?? '';
    const about = options.data.experiments.some((e) => e.id === experiment)
      ? aboutValue({ experimentId: experiment })
      : options.data.modules.some((m) => m.id === module)
        ? aboutValue({ moduleId: module })
        : '';
    content = (
      <>
        <EntryForm key={about} options={options.data} initialAbout={about} onDone={setAnnouncement} />
        <Entries
          options={options.data}
          initialFilter={about.startsWith('e:') ? experiment : ''}
          onAnnounce={setAnnouncement}
        />
        <SharedWithMe />
      </>
    );
  }

  return (
    <section className="journal stack">
      <PageHeading title={t('journal.title')} />
      <p className="lead">{t('journal.intro')}</p>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      {content}
    </section>
  );
}

function Entries({
  options,
  initialFilter,
  onAnnounce,
}: {
  options: JournalOptions;
  initialFilter: string;
  onAnnounce(message: string): void;
}) {
  const id = useId();
  const [experimentId, setExperimentId] = useState(initialFilter);
  const [offset, setOffset] = useState(0);
  const journal = useJournal(experimentId, offset);
  // A page left empty by a delete moves back a page.
  useEffect(() => {
    if (journal.data && journal.data.items.length === 0 && offset > 0)
      setOffset(Math.max(0, offset - journal.data.limit));
  }, [journal.data, offset]);

  let list: React.ReactNode;
  if (journal.isPending) list = <Loading />;
  else if (journal.isError)
    list = <LoadError message={errorText(journal.error)} onRetry={() => void journal.refetch()} />;
  else {
    const { items, total, limit } = journal.data;
    list = items.length ? (
      <>
        <p className="hint" id={`${id}-range`}>
          {t('journal.list.range', { from: offset + 1, to: offset + items.length, total })}
        </p>
        <ol className="journal-list">
          {items.map((entry) => (
            <EntryCard key={entry.id} entry={entry} options={options} onAnnounce={onAnnounce} />
          ))}
        </ol>
        {total > limit ? (
          <nav className="journal-pager" aria-label={t('journal.list.title')}>
            <Button
              variant="secondary"
              disabled={offset === 0}
              onClick={() => setOffset(Math.max(0, offset - limit))}
            >
              {t('journal.list.newer')}
            </Button>
            <Button
              variant="secondary"
              disabled={offset + limit >= total}
              onClick={() => setOffset(offset + limit)}
            >
              {t('journal.list.older')}
            </Button>
          </nav>
        ) : null}
      </>
    ) : (
      <p className="empty">{experimentId ? t('journal.list.emptyFiltered') : t('journal.list.empty')}</p>
    );
  }

  return (
    <section className="stack" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('journal.list.title')}</h2>
      {options.experiments.length ? (
        <div className="field journal-filter">
          <label htmlFor={`${id}-filter`}>{t('journal.list.filter')}</label>
          <select
            id={`${id}-filter`}
            value={experimentId}
            onChange={(e) => {
              setExperimentId(e.target.value);
              setOffset(0);
            }}
          >
            <option value="">{t('journal.list.all')}</option>
            {options.experiments.map((e) => (
              <option key={e.id} value={e.id}>
                {e.action}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {list}
    </section>
  );
}

/** Shown only when someone shared an entry with the viewer: most people never see this section. */
function SharedWithMe() {
  const shared = useSharedJournal();
  if (!shared.data || shared.data.items.length === 0) return null;
  return (
    <section className="stack" aria-labelledby="journal-shared-title">
      <h2 id="journal-shared-title">{t('journal.shared.title')}</h2>
      <p className="hint">{t('journal.shared.intro')}</p>
      <ol className="journal-list">
        {shared.data.items.map((entry) => (
          <EntryCard key={entry.id} entry={entry} />
        ))}
      </ol>
    </section>
  );
}
