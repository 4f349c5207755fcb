// One module for reading: the behaviour and why it matters (Markdown rendered and sanitised by the
// server), the practice to try this week, which becomes an experiment in the plan in one click,
// and the reflection prompt.
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { ModuleDetail } from '../../../../src/domains/library/contracts.ts';
import { ApiError } from '../../api.ts';
import { t } from '../../i18n/index.ts';
import { Alert, Badge, LoadError, Loading, PageHeading } from '../../ui/components.tsx';
import { errorText } from '../../ui/errors.ts';
import { experimentFromModule, LIBRARY_PATH, stageNames } from './paths.ts';
import { useLibraryFacets, useLibraryModule } from './queries.ts';
import { SafeHtml } from './SafeHtml.tsx';
import './library.css';

export function ModulePage({ id }: { id: string }) {
  const module = useLibraryModule(id);
  const facets = useLibraryFacets();

  let title = t('library.title');
  let content: ReactNode;
  if (module.isPending) content = <Loading />;
  else if (module.isError) {
    content =
      module.error instanceof ApiError && module.error.status === 404 ? (
        <Alert tone="error">{t('library.notFound')}</Alert>
      ) : (
        <LoadError message={errorText(module.error)} onRetry={() => void module.refetch()} />
      );
  } else {
    title = module.data.title;
    content = <ModuleBody module={module.data} stageName={stageNames(facets.data?.stages ?? [])} />;
  }

  return (
    <article className="library-module">
      <p className="breadcrumb">
        <Link to={LIBRARY_PATH}>
          <span aria-hidden="true">← </span>
          {t('library.back')}
        </Link>
      </p>
      <PageHeading title={title} focusKey={id} />
      {content}
    </article>
  );
}

export function ModuleBody({
  module: m,
  stageName,
}: {
  module: ModuleDetail;
  stageName: (key: string) => string;
}) {
  return (
    <>
      <p className="library-module-capability">
        <Badge tone="neutral">{m.capabilityName}</Badge>
      </p>
      <p className="lead">{m.summary}</p>
      <dl className="library-facts">
        <div>
          <dt>{t('library.minutesLabel')}</dt>
          <dd>{t('library.minutes', { minutes: m.minutes })}</dd>
        </div>
        <div>
          <dt>{t('library.stagesLabel')}</dt>
          <dd>
            {m.stages.map(stageName).join(', ')}
            <span className="muted"> {t('library.openToAll')}</span>
          </dd>
        </div>
      </dl>
      <SafeHtml className="library-prose" html={m.html} />
      <section className="card library-practice" aria-labelledby="library-practice">
        <h2 id="library-practice">{t('library.practiceTitle')}</h2>
        <PracticeFacts practice={m.practice} />
        <p>
          <Link className="button button-primary" to={experimentFromModule(m.id)}>
            {t('library.practise')}
          </Link>
        </p>
      </section>
      <section className="library-reflection" aria-labelledby="library-reflection">
        <h2 id="library-reflection">{t('library.reflectionTitle')}</h2>
        <blockquote>{m.reflection}</blockquote>
      </section>
    </>
  );
}

export function PracticeFacts({ practice }: { practice: ModuleDetail['practice'] }) {
  return (
    <dl className="library-practice-facts">
      <div>
        <dt>{t('library.practiceAction')}</dt>
        <dd>{practice.action}</dd>
      </div>
      <div>
        <dt>{t('library.practiceSituation')}</dt>
        <dd>{practice.situation}</dd>
      </div>
      <div>
        <dt>{t('library.practiceFrequency')}</dt>
        <dd>{practice.frequency}</dd>
      </div>
      <div>
        <dt>{t('library.practiceSignal')}</dt>
        <dd>{practice.signal}</dd>
      </div>
    </dl>
  );
}
