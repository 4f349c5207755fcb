// "Recommended for you": library modules ranked for the person, each with why in plain sentences
// and a way to add it to a pathway. Recommendations, never assignments: the library stays open.
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { t } from '../../i18n/index.ts';
import { LoadError, Loading } from '../../ui/components.tsx';
import { errorText } from '../../ui/errors.ts';
import { AddToPathway } from './AddToPathway.tsx';
import { type FocusOption, useRecommendations } from './queries.ts';
import { reasonText } from './reasons.ts';

export function Recommendations({ focusAreas }: { focusAreas: FocusOption[] }) {
  const [focusId, setFocusId] = useState('');
  const recs = useRecommendations(focusId);
  const selectId = useId();

  let content: React.ReactNode;
  if (recs.isPending) content = <Loading />;
  else if (recs.isError)
    content = <LoadError message={errorText(recs.error)} onRetry={() => void recs.refetch()} />;
  else if (!recs.data.items.length) content = <p className="empty">{t('pathways.rec.empty')}</p>;
  else {
    const stage = recs.data.stage?.name ?? null;
    content = (
      <ul className="pathway-recs">
        {recs.data.items.map((rec) => (
          <li key={rec.module.id} className="card pathway-rec">
            <h3>
              <Link to={`/library/${encodeURIComponent(rec.module.id)}`}>{rec.module.title}</Link>
            </h3>
            <p className="muted">
              {rec.module.capabilityName} · {t('pathways.step.minutes', { minutes: rec.module.minutes })}
            </p>
            <p>{rec.module.summary}</p>
            <ul className="pathway-reasons" aria-label={t('pathways.rec.reasons')}>
              {rec.reasons.map((reason) => (
                <li key={reason.code}>{reasonText(reason, rec, stage)}</li>
              ))}
            </ul>
            <AddToPathway moduleId={rec.module.id} moduleTitle={rec.module.title} />
          </li>
        ))}
      </ul>
    );
  }

  return (
    <section className="pathway-recommendations" aria-labelledby="pathway-recs-title">
      <h2 id="pathway-recs-title">{t('pathways.rec.title')}</h2>
      <p className="muted">{t('pathways.rec.intro')}</p>
      {focusAreas.length ? (
        <div className="field pathway-rec-focus">
          <label htmlFor={selectId}>{t('pathways.rec.forFocus')}</label>
          <select id={selectId} value={focusId} onChange={(e) => setFocusId(e.currentTarget.value)}>
            <option value="">{t('pathways.rec.allFocus')}</option>
            {focusAreas.map((f) => (
              <option key={f.id} value={f.id}>
                {f.title}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {content}
    </section>
  );
}
