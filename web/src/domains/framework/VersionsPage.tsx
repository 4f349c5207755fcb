// Framework versions for admins: every version with its status and size, and the ways a new one
// starts (a draft copied from the version in use, or an imported JSON/YAML file), is exported,
// discarded or published. Publishing is final: a published version never changes again.

import { type FormEvent, type ReactNode, useId, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { frameworkApi } from '../../../../src/domains/framework/endpoints.ts';
import { ApiError, hrefOf, type VersionSummary } from '../../api.ts';
import { formatDate, t, tn } from '../../i18n/index.ts';
import { Alert, Badge, Button, Field, LoadError, Loading, PageHeading } from '../../ui/components.tsx';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { errorText } from '../../ui/errors.ts';
import { FrameworkAdminNav, versionPath } from './FrameworkAdminNav.tsx';
import {
  useDiscardDraft,
  useFrameworkVersions,
  useImportFramework,
  usePublishDraft,
  useStartDraft,
} from './queries.ts';
import './framework.css';

type Notice = { tone: 'success' | 'error'; text: string };

export function VersionsPage() {
  const versions = useFrameworkVersions();
  const [notice, setNotice] = useState<Notice | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);

  /** After a change the button that was used may be gone: the outcome takes focus instead. */
  const changed = (next: Notice) => {
    setNotice(next);
    requestAnimationFrame(() => noticeRef.current?.focus());
  };

  let content: ReactNode;
  if (versions.isPending) content = <Loading />;
  else if (versions.isError)
    content = <LoadError message={errorText(versions.error)} onRetry={() => void versions.refetch()} />;
  else {
    const list = [...versions.data].sort((a, b) => b.number - a.number);
    content = (
      <>
        <NewDraft versions={list} />
        <VersionList versions={list} onChanged={changed} />
      </>
    );
  }

  return (
    <section className="versions-page">
      <FrameworkAdminNav />
      <PageHeading title={t('versions.title')} />
      <p className="lead">{t('versions.intro')}</p>
      <div ref={noticeRef} tabIndex={-1} className="versions-notice">
        {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      </div>
      {content}
    </section>
  );
}

/** The newest published version: the one new assessments use. */
const inUse = (versions: VersionSummary[]) => versions.find((v) => v.status === 'published') ?? null;

function NewDraft({ versions }: { versions: VersionSummary[] }) {
  const ids = { blocked: useId(), problems: useId() };
  const draft = versions.find((v) => v.status === 'draft') ?? null;
  const current = inUse(versions);
  const navigate = useNavigate();
  const startDraft = useStartDraft();
  const importFramework = useImportFramework();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [busy, setBusy] = useState<'start' | 'import' | null>(null);
  const [startError, setStartError] = useState<string | null>(null);
  const [importError, setImportError] = useState<{ message: string; problems: [string, string][] } | null>(
    null,
  );

  const start = async () => {
    if (busy || draft) return;
    setBusy('start');
    setStartError(null);
    try {
      const created = await startDraft.mutateAsync(undefined);
      navigate(versionPath(created.id));
    } catch (error) {
      setStartError(errorText(error));
      setBusy(null);
    }
  };

  const upload = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || draft) return;
    setImportError(null);
    if (!file) {
      setFileError(t('versions.chooseFile'));
      fileInput.current?.focus();
      return;
    }
    setFileError(undefined);
    setBusy('import');
    try {
      const created = await importFramework.mutateAsync(new Blob([await file.arrayBuffer()]));
      navigate(versionPath(created.id));
    } catch (error) {
      const problems =
        error instanceof ApiError && error.code === 'invalid_framework' ? Object.entries(error.fields) : [];
      setImportError({
        message: problems.length
          ? tn('versions.importProblems', problems.length, { count: problems.length, file: file.name })
          : errorText(error),
        problems,
      });
      setBusy(null);
      requestAnimationFrame(() => document.getElementById(ids.problems)?.focus());
    }
  };

  const blocked = draft ? { disabled: true, 'aria-describedby': ids.blocked } : {};

  return (
    <div className="versions-new">
      {draft ? (
        <p id={ids.blocked} className="versions-blocked">
          {t('versions.draftExists', { number: draft.number })}{' '}
          <Link to={versionPath(draft.id)}>{t('versions.editDraftNumber', { number: draft.number })}</Link>
        </p>
      ) : null}
      <div className="versions-new-grid">
        <section className="card stack" aria-labelledby="versions-start">
          <h2 id="versions-start">{t('versions.startTitle')}</h2>
          <p>
            {current ? t('versions.startIntro', { number: current.number }) : t('versions.startIntroNone')}
          </p>
          {startError ? <Alert tone="error">{startError}</Alert> : null}
          <div className="form-actions">
            <Button onClick={start} busy={busy === 'start'} busyLabel={t('versions.starting')} {...blocked}>
              {t('versions.start')}
            </Button>
          </div>
        </section>

        <form className="card stack" aria-labelledby="versions-import" onSubmit={upload} noValidate>
          <h2 id="versions-import">{t('versions.importTitle')}</h2>
          <Field
            label={t('versions.file')}
            hint={file ? t('versions.fileSelected', { name: file.name }) : t('versions.fileHint')}
            error={fileError}
          >
            {(p) => (
              <input
                {...p}
                ref={fileInput}
                type="file"
                name="file"
                accept=".json,.yaml,.yml,application/json,application/yaml,text/yaml"
                disabled={!!draft}
                onChange={(e) => {
                  setFile(e.target.files?.[0] ?? null);
                  setFileError(undefined);
                  setImportError(null);
                }}
              />
            )}
          </Field>
          {importError ? (
            <div id={ids.problems} tabIndex={-1} className="alert alert-error" role="alert">
              <p>{importError.message}</p>
              {importError.problems.length ? (
                <ul className="problem-list">
                  {importError.problems.map(([path, rule]) => (
                    <li key={path}>
                      <code>{path}</code>: {rule}
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
          ) : null}
          <div className="form-actions">
            <Button
              type="submit"
              variant="secondary"
              busy={busy === 'import'}
              busyLabel={t('versions.importing')}
              {...blocked}
            >
              {t('versions.import')}
            </Button>
          </div>
        </form>
      </div>
    </div>
  );
}

type Pending = { action: 'publish' | 'discard'; version: VersionSummary };

function VersionList({
  versions,
  onChanged,
}: {
  versions: VersionSummary[];
  onChanged: (notice: Notice) => void;
}) {
  const current = inUse(versions);
  const [pending, setPending] = useState<Pending | null>(null);
  const publish = usePublishDraft();
  const discard = useDiscardDraft();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const ask = (action: Pending['action'], version: VersionSummary) => {
    setError(null);
    setPending({ action, version });
  };

  const confirm = async () => {
    if (!pending || busy) return;
    setBusy(true);
    setError(null);
    const { action, version } = pending;
    try {
      await (action === 'publish' ? publish : discard).mutateAsync(version.id);
      setPending(null);
      onChanged({
        tone: 'success',
        text:
          action === 'publish'
            ? t('versions.published', { number: version.number })
            : t('versions.discarded', { number: version.number }),
      });
    } catch (e) {
      const fields = e instanceof ApiError ? Object.entries(e.fields) : [];
      setError([errorText(e), ...fields.slice(0, 5).map(([path, rule]) => `${path}: ${rule}.`)].join(' '));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h2 className="versions-list-heading" id="versions-list">
        {t('versions.listTitle')}
      </h2>
      <ul className="version-list" aria-labelledby="versions-list">
        {versions.map((v) => (
          <VersionCard
            key={v.id}
            version={v}
            inUse={v.id === current?.id}
            onPublish={() => ask('publish', v)}
            onDiscard={() => ask('discard', v)}
          />
        ))}
      </ul>
      <ConfirmDialog
        open={pending?.action === 'publish'}
        title={t('versions.publishTitle', { number: pending?.version.number ?? '' })}
        confirmLabel={t('versions.publishConfirm')}
        cancelLabel={t('versions.cancel')}
        busy={busy}
        busyLabel={t('versions.publishing')}
        error={error}
        onConfirm={confirm}
        onCancel={() => setPending(null)}
      >
        <p>{t('versions.publishBody', { number: pending?.version.number ?? '' })}</p>
        <p>{t('versions.publishBodyKeep')}</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={pending?.action === 'discard'}
        title={t('versions.discardTitle', { number: pending?.version.number ?? '' })}
        confirmLabel={t('versions.discardConfirm')}
        cancelLabel={t('versions.keep')}
        busy={busy}
        busyLabel={t('versions.discarding')}
        error={error}
        tone="danger"
        onConfirm={confirm}
        onCancel={() => setPending(null)}
      >
        <p>{t('versions.discardBody')}</p>
      </ConfirmDialog>
    </>
  );
}

function VersionCard({
  version: v,
  inUse,
  onPublish,
  onDiscard,
}: {
  version: VersionSummary;
  inUse: boolean;
  onPublish: () => void;
  onDiscard: () => void;
}) {
  const headingId = useId();
  const draft = v.status === 'draft';
  const hidden = (text: string) => <span className="visually-hidden">{text}</span>;
  const which = t('versions.ofVersion', { number: v.number });
  return (
    <li className={`card version-card${draft ? ' version-draft' : ''}`}>
      <div className="version-head">
        <h3 id={headingId}>{t('versions.number', { number: v.number })}</h3>
        {draft ? (
          <Badge tone="warning">{t('versions.statusDraft')}</Badge>
        ) : (
          <Badge tone="neutral">{t('versions.statusPublished')}</Badge>
        )}
        {inUse ? <Badge tone="positive">{t('versions.inUse')}</Badge> : null}
      </div>
      <p className="version-name">{v.name}</p>
      <dl className="version-facts">
        <div>
          <dt>{t('versions.publishedOn')}</dt>
          <dd>{v.publishedAt ? formatDate(v.publishedAt) : t('versions.notPublished')}</dd>
        </div>
        <div>
          <dt>{t('versions.capabilities')}</dt>
          <dd>{v.capabilityCount}</dd>
        </div>
        <div>
          <dt>{t('versions.items')}</dt>
          <dd>{v.itemCount}</dd>
        </div>
        <div>
          <dt>{t('versions.source')}</dt>
          <dd>
            {v.sourceVersionNumber === null
              ? t('versions.sourceNone')
              : t('versions.sourceVersion', { number: v.sourceVersionNumber })}
          </dd>
        </div>
      </dl>
      <div className="form-actions version-actions">
        <Link className={`button ${draft ? 'button-primary' : 'button-secondary'}`} to={versionPath(v.id)}>
          {draft ? t('versions.edit') : t('versions.view')}
          {hidden(which)}
        </Link>
        <a
          className="button button-secondary"
          href={hrefOf(frameworkApi.exportVersion, { params: { id: v.id }, query: { format: 'json' } })}
          download
        >
          {t('versions.exportJson')}
          {hidden(which)}
        </a>
        <a
          className="button button-secondary"
          href={hrefOf(frameworkApi.exportVersion, { params: { id: v.id }, query: { format: 'yaml' } })}
          download
        >
          {t('versions.exportYaml')}
          {hidden(which)}
        </a>
        {draft ? (
          <>
            <Button onClick={onPublish}>
              {t('versions.publish')}
              {hidden(which)}
            </Button>
            <Button variant="danger" onClick={onDiscard}>
              {t('versions.discard')}
              {hidden(which)}
            </Button>
          </>
        ) : null}
      </div>
    </li>
  );
}
