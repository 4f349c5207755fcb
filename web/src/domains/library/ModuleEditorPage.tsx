// One module for admins: its state, the draft being edited (or the way to start one from the
// published version), the published version as participants read it, retiring and restoring, and
// the version history. Published versions never change; the next one supersedes them.
import { type ReactNode, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { AdminModuleDetail } from '../../../../src/domains/library/contracts.ts';
import { ApiError } from '../../api.ts';
import { formatDate, t } from '../../i18n/index.ts';
import { Alert, Button, LoadError, Loading, PageHeading, ScrollTable } from '../../ui/components.tsx';
import { errorText } from '../../ui/errors.ts';
import { StatusBadges } from './AdminLibraryPage.tsx';
import { DraftForm } from './DraftForm.tsx';
import { PracticeFacts } from './ModulePage.tsx';
import { ADMIN_LIBRARY_PATH, modulePath, stageNames } from './paths.ts';
import { useAdminModule, useLibraryFacets, useModuleAction, useModuleHistory } from './queries.ts';
import { SafeHtml } from './SafeHtml.tsx';
import './library.css';

export function ModuleEditorPage({ id }: { id: string }) {
  const module = useAdminModule(id);
  const facets = useLibraryFacets();
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const announce = (text: string, tone: 'success' | 'error' = 'success') => {
    setNotice({ tone, text });
    requestAnimationFrame(() => noticeRef.current?.focus());
  };

  let title = t('libraryAdmin.title');
  let content: ReactNode;
  const failed = [module, facets].find((q) => q.isError);
  if (failed) {
    content =
      failed.error instanceof ApiError && failed.error.status === 404 ? (
        <Alert tone="error">{t('library.notFound')}</Alert>
      ) : (
        <LoadError message={errorText(failed.error)} onRetry={() => void failed.refetch()} />
      );
  } else if (!module.data || !facets.data) content = <Loading />;
  else {
    const m = module.data;
    title = m.title;
    content = (
      <>
        <ModuleFacts module={m} onNotice={announce} />
        {m.draft ? (
          <DraftForm key={m.draft.version} module={m} stages={facets.data.stages} onNotice={announce} />
        ) : null}
        {m.published ? (
          <PublishedVersion module={m} stageName={stageNames(facets.data.stages)} collapsed={!!m.draft} />
        ) : null}
        <History id={m.id} />
      </>
    );
  }

  return (
    <section className="library-editor">
      <p className="breadcrumb">
        <Link to={ADMIN_LIBRARY_PATH}>
          <span aria-hidden="true">← </span>
          {t('libraryAdmin.back')}
        </Link>
      </p>
      <PageHeading title={title} focusKey={id} />
      <div ref={noticeRef} tabIndex={-1} className="library-notice">
        {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      </div>
      {content}
    </section>
  );
}

function ModuleFacts({
  module: m,
  onNotice,
}: {
  module: AdminModuleDetail;
  onNotice: (text: string, tone?: 'error') => void;
}) {
  const start = useModuleAction('startDraft');
  const toggle = useModuleAction(m.retiredAt ? 'restore' : 'retire');
  const run = async (action: typeof start, done: string) => {
    if (action.isPending) return;
    try {
      await action.mutateAsync(m.id);
      onNotice(done);
    } catch (error) {
      onNotice(errorText(error), 'error');
    }
  };
  return (
    <div className="library-module-head">
      <StatusBadges row={m} />
      <dl className="library-facts">
        <div>
          <dt>{t('libraryAdmin.col.capability')}</dt>
          <dd>{m.capabilityName}</dd>
        </div>
        <div>
          <dt>{t('libraryAdmin.col.origin')}</dt>
          <dd>
            {t(m.origin === 'built-in' ? 'libraryAdmin.origin.builtIn' : 'libraryAdmin.origin.organisation')}
          </dd>
        </div>
        <div>
          <dt>{t('libraryAdmin.key')}</dt>
          <dd>
            <code>{m.key}</code>
          </dd>
        </div>
      </dl>
      <div className="form-actions">
        {m.draft ? null : (
          <Button
            busy={start.isPending}
            onClick={() =>
              run(start, t('libraryAdmin.startedNotice', { version: (m.publishedVersion ?? 0) + 1 }))
            }
          >
            {t('libraryAdmin.startDraft')}
          </Button>
        )}
        {m.published && !m.retiredAt ? (
          <Link className="button button-secondary" to={modulePath(m.id)}>
            {t('libraryAdmin.viewAsParticipant')}
          </Link>
        ) : null}
        <Button
          variant="secondary"
          busy={toggle.isPending}
          onClick={() =>
            run(
              toggle,
              t(m.retiredAt ? 'libraryAdmin.restoredNotice' : 'libraryAdmin.retiredNotice', {
                title: m.title,
              }),
            )
          }
        >
          {m.retiredAt ? t('libraryAdmin.restore') : t('libraryAdmin.retire')}
        </Button>
      </div>
      {m.retiredAt ? <p className="muted">{t('libraryAdmin.retiredHint')}</p> : null}
    </div>
  );
}

function PublishedVersion({
  module: m,
  stageName,
  collapsed,
}: {
  module: AdminModuleDetail;
  stageName: (key: string) => string;
  collapsed: boolean;
}) {
  const p = m.published!;
  const body = (
    <div className="library-published-body">
      <p className="lead">{p.content.summary}</p>
      <p className="muted">
        {t('library.minutes', { minutes: p.content.minutes })} · {p.content.stages.map(stageName).join(', ')}
      </p>
      <SafeHtml className="library-prose" html={p.html} />
      <h3>{t('library.practiceTitle')}</h3>
      <PracticeFacts practice={p.content.practice} />
      <h3>{t('library.reflectionTitle')}</h3>
      <blockquote>{p.content.reflection}</blockquote>
    </div>
  );
  const heading = t('libraryAdmin.publishedTitle', { version: p.version, title: p.content.title });
  return collapsed ? (
    <details className="card library-published">
      <summary>{heading}</summary>
      {body}
    </details>
  ) : (
    <section className="card library-published" aria-labelledby="library-published">
      <h2 id="library-published">{heading}</h2>
      {body}
    </section>
  );
}

function History({ id }: { id: string }) {
  const history = useModuleHistory(id);
  if (history.isPending) return <Loading />;
  if (history.isError)
    return <LoadError message={errorText(history.error)} onRetry={() => void history.refetch()} />;
  return (
    <section className="library-history" aria-labelledby="library-history">
      <h2 id="library-history">{t('libraryAdmin.history')}</h2>
      <ScrollTable labelledBy="library-history">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('libraryAdmin.col.version')}</th>
              <th scope="col">{t('libraryAdmin.col.status')}</th>
              <th scope="col">{t('libraryAdmin.col.title')}</th>
              <th scope="col">{t('libraryAdmin.col.published')}</th>
              <th scope="col">{t('libraryAdmin.col.author')}</th>
            </tr>
          </thead>
          <tbody>
            {history.data.map((v) => (
              <tr key={v.version}>
                <th scope="row">{v.version}</th>
                <td>{t(`libraryAdmin.status.${v.status}`)}</td>
                <td>{v.content.title}</td>
                <td>{v.publishedAt ? formatDate(v.publishedAt) : '—'}</td>
                <td>{v.authorName ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </section>
  );
}
