// One framework version. A draft is edited here: wording of every item (self "I …" and observer
// "They …"), retiring and restoring items, adding items and capabilities (e.g. the organisation's
// own values), and the names and descriptions of capabilities. Saving replaces the draft's whole
// definition; the server checks every rule and names each problem by its path
// (`capabilities.3.items.1.self`), which is shown beside the field it belongs to. A published
// version opens read-only: it never changes again.
import { type ReactNode, useCallback, useState } from 'react';
import { Link } from 'react-router';
import { ApiError, type VersionDetail } from '../../api.ts';
import { formatDate, t } from '../../i18n/index.ts';
import { Alert, Badge, LoadError, Loading, PageHeading } from '../../ui/components.tsx';
import { errorText } from '../../ui/errors.ts';
import { FrameworkAdminNav, VERSIONS_PATH } from './FrameworkAdminNav.tsx';
import './framework.css';

import { BlockSection, CapabilityPanel } from './CapabilityPanel.tsx';
import { DraftEditor } from './DraftEditor.tsx';
import { ExportLinks } from './ExportLinks.tsx';
import { scaleText } from './editor-model.ts';
import { useFrameworkVersion } from './queries.ts';

export function VersionEditorPage({ id }: { id: string }) {
  const version = useFrameworkVersion(id);

  let title = t('editor.titleLoading');
  let content: ReactNode;
  if (version.isPending) content = <Loading />;
  else if (version.isError) {
    const missing =
      version.error instanceof ApiError && (version.error.status === 404 || version.error.status === 400);
    content = missing ? (
      <Alert tone="error">{t('editor.notFound')}</Alert>
    ) : (
      <LoadError message={errorText(version.error)} onRetry={() => void version.refetch()} />
    );
  } else {
    const v = version.data;
    title =
      v.status === 'draft'
        ? t('editor.titleDraft', { number: v.number })
        : t('editor.titlePublished', { number: v.number });
    content = v.status === 'draft' ? <DraftEditor initial={v} /> : <PublishedView version={v} />;
  }

  return (
    <section className="version-editor">
      <FrameworkAdminNav />
      <p className="breadcrumb">
        <Link to={VERSIONS_PATH}>
          <span aria-hidden="true">← </span>
          {t('editor.back')}
        </Link>
      </p>
      <div className="page-header">
        <PageHeading title={title} />
        {version.data ? (
          version.data.status === 'draft' ? (
            <Badge tone="warning">{t('versions.statusDraft')}</Badge>
          ) : (
            <Badge tone="neutral">{t('versions.statusPublished')}</Badge>
          )
        ) : null}
      </div>
      {content}
    </section>
  );
}

function PublishedView({ version }: { version: VersionDetail }) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = useCallback((key: string, isOpen: boolean) => {
    setOpen((all) => {
      if (all.has(key) === isOpen) return all;
      const next = new Set(all);
      if (isOpen) next.add(key);
      else next.delete(key);
      return next;
    });
  }, []);
  const d = version.definition;
  return (
    <div className="stack">
      <Alert tone="info">
        {t('editor.readOnly', {
          number: version.number,
          date: version.publishedAt ? formatDate(version.publishedAt) : '—',
        })}
      </Alert>
      <section className="card" aria-labelledby="fw-about">
        <h2 id="fw-about">{d.name}</h2>
        <p className="muted">{d.description}</p>
        <ExportLinks version={version} />
      </section>
      {d.blocks.map((block, bi) => (
        <BlockSection key={block.key} block={block} index={bi} definition={d}>
          {(cap, ci) => (
            <CapabilityPanel
              key={cap.key}
              capability={cap}
              index={ci}
              scale={scaleText(d, cap)}
              open={open.has(cap.key)}
              onToggle={toggle}
            />
          )}
        </BlockSection>
      ))}
    </div>
  );
}
