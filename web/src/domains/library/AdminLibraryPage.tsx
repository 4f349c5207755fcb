// The library for admins: every module (built in and the organisation's own) with its state —
// published version, a draft in progress, retired — and the way to add the organisation's own.
// Retiring hides a module from participants and is undone by restoring, so it needs no dialog.
import { type ReactNode, useId, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { AdminModuleRow } from '../../../../src/domains/library/contracts.ts';
import { t } from '../../i18n/index.ts';
import { Alert, Badge, Button, LoadError, Loading, PageHeading, ScrollTable } from '../../ui/components.tsx';
import { errorText } from '../../ui/errors.ts';
import { editModulePath, NEW_MODULE_PATH } from './paths.ts';
import { useAdminModules, useModuleAction } from './queries.ts';
import './library.css';

const SHOW = ['all', 'drafts', 'organisation', 'retired'] as const;
type Show = (typeof SHOW)[number];

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();

function shown(row: AdminModuleRow, show: Show, q: string): boolean {
  if (show === 'drafts' && row.draftVersion === null) return false;
  if (show === 'organisation' && row.origin !== 'organisation') return false;
  if (show === 'retired' && !row.retiredAt) return false;
  return !q || fold(`${row.title} ${row.capabilityName} ${row.key}`).includes(fold(q));
}

export function AdminLibraryPage() {
  const modules = useAdminModules();
  const ids = { q: useId(), show: useId(), table: useId(), count: useId() };
  const [q, setQ] = useState('');
  const [show, setShow] = useState<Show>('all');
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const rows = useMemo(
    () => (modules.data ?? []).filter((r) => shown(r, show, q.trim())),
    [modules.data, show, q],
  );

  let content: ReactNode;
  if (modules.isPending) content = <Loading />;
  else if (modules.isError)
    content = <LoadError message={errorText(modules.error)} onRetry={() => void modules.refetch()} />;
  else
    content = (
      <>
        <search className="library-filters library-admin-filters" aria-label={t('library.filters')}>
          <div className="field library-search">
            <label htmlFor={ids.q}>{t('library.search')}</label>
            <input
              id={ids.q}
              type="search"
              value={q}
              aria-describedby={ids.count}
              onChange={(e) => setQ(e.target.value)}
              autoComplete="off"
            />
          </div>
          <div className="field">
            <label htmlFor={ids.show}>{t('libraryAdmin.show')}</label>
            <select id={ids.show} value={show} onChange={(e) => setShow(e.target.value as Show)}>
              {SHOW.map((s) => (
                <option key={s} value={s}>
                  {t(`libraryAdmin.show.${s}`)}
                </option>
              ))}
            </select>
          </div>
        </search>
        <p id={ids.count} className="result-count" role="status">
          {t('libraryAdmin.count', { shown: rows.length, total: modules.data.length })}
        </p>
        <ScrollTable labelledBy={ids.table}>
          <table className="table library-admin-table">
            <caption id={ids.table} className="visually-hidden">
              {t('libraryAdmin.tableCaption')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('libraryAdmin.col.title')}</th>
                <th scope="col">{t('libraryAdmin.col.capability')}</th>
                <th scope="col">{t('libraryAdmin.col.origin')}</th>
                <th scope="col">{t('libraryAdmin.col.status')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('libraryAdmin.col.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <Row
                  key={row.id}
                  row={row}
                  onDone={(text, tone = 'success') => {
                    setNotice({ tone, text });
                    requestAnimationFrame(() => noticeRef.current?.focus());
                  }}
                />
              ))}
            </tbody>
          </table>
        </ScrollTable>
      </>
    );

  return (
    <section className="library-admin">
      <div className="page-header">
        <PageHeading title={t('libraryAdmin.title')} />
        <Link className="button button-primary" to={NEW_MODULE_PATH}>
          {t('libraryAdmin.new')}
        </Link>
      </div>
      <p className="lead">{t('libraryAdmin.intro')}</p>
      <div ref={noticeRef} tabIndex={-1} className="library-notice">
        {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      </div>
      {content}
    </section>
  );
}

export function StatusBadges({ row }: { row: AdminModuleRow }) {
  return (
    <span className="library-badges">
      {row.publishedVersion !== null ? (
        <Badge tone="positive">{t('libraryAdmin.published', { version: row.publishedVersion })}</Badge>
      ) : null}
      {row.draftVersion !== null ? (
        <Badge tone="warning">{t('libraryAdmin.draft', { version: row.draftVersion })}</Badge>
      ) : null}
      {row.retiredAt ? <Badge tone="negative">{t('libraryAdmin.retired')}</Badge> : null}
    </span>
  );
}

function Row({
  row,
  onDone,
}: {
  row: AdminModuleRow;
  onDone: (text: string, tone?: 'success' | 'error') => void;
}) {
  const action = useModuleAction(row.retiredAt ? 'restore' : 'retire');
  const act = async () => {
    if (action.isPending) return;
    try {
      await action.mutateAsync(row.id);
      onDone(
        t(row.retiredAt ? 'libraryAdmin.restoredNotice' : 'libraryAdmin.retiredNotice', { title: row.title }),
      );
    } catch (error) {
      onDone(errorText(error), 'error');
    }
  };
  return (
    <tr>
      <th scope="row">
        <Link to={editModulePath(row.id)}>{row.title}</Link>
      </th>
      <td>{row.capabilityName}</td>
      <td>
        {t(row.origin === 'built-in' ? 'libraryAdmin.origin.builtIn' : 'libraryAdmin.origin.organisation')}
      </td>
      <td>
        <StatusBadges row={row} />
      </td>
      <td>
        <Button variant="secondary" busy={action.isPending} onClick={act}>
          {row.retiredAt ? t('libraryAdmin.restore') : t('libraryAdmin.retire')}
          <span className="visually-hidden">: {row.title}</span>
        </Button>
      </td>
    </tr>
  );
}
