// /pathways: the person's own learning pathways, starting a new one, and modules recommended for
// them. One polite live region announces what a button did (moved, removed, archived), since the
// change itself may happen away from where focus is.
import { useState } from 'react';
import { Link } from 'react-router';
import { t } from '../../i18n/index.ts';
import { LoadError, Loading, PageHeading } from '../../ui/components.tsx';
import { errorText } from '../../ui/errors.ts';
import { NewPathwayForm } from './NewPathwayForm.tsx';
import { PathwayCard } from './PathwayCard.tsx';
import { useMyPathways } from './queries.ts';
import { Recommendations } from './Recommendations.tsx';
import './pathways.css';

export function PathwaysPage() {
  const mine = useMyPathways();
  const [announcement, setAnnouncement] = useState('');

  let content: React.ReactNode;
  if (mine.isPending) content = <Loading />;
  else if (mine.isError)
    content = <LoadError message={errorText(mine.error)} onRetry={() => void mine.refetch()} />;
  else {
    const { items, focusAreas } = mine.data;
    content = (
      <>
        {items.length ? (
          <div className="pathway-list">
            {items.map((pathway) => (
              <PathwayCard key={pathway.id} pathway={pathway} onAnnounce={setAnnouncement} />
            ))}
          </div>
        ) : (
          <p className="empty">{t('pathways.empty')}</p>
        )}
        <NewPathwayForm focusAreas={focusAreas} onCreated={setAnnouncement} />
        <Recommendations focusAreas={focusAreas} />
      </>
    );
  }

  return (
    <section className="pathways stack">
      <PageHeading title={t('pathways.title')} />
      <p className="lead">
        {t('pathways.intro')} <Link to="/library">{t('pathways.browseLibrary')}</Link>
      </p>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      {content}
    </section>
  );
}
