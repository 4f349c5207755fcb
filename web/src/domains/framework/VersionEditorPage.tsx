// One framework version. A draft is edited here: wording of every item (self "I …" and observer
// "They …"), retiring and restoring items, adding items and capabilities (e.g. the organisation's
// own values), and the names and descriptions of capabilities. Saving replaces the draft's whole
// definition; the server checks every rule and names each problem by its path
// (`capabilities.3.items.1.self`), which is shown beside the field it belongs to. A published
// version opens read-only: it never changes again.
import {
  type FormEvent,
  memo,
  type ReactNode,
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import {
  type BlockKind,
  KEY_PATTERN,
  MIN_ACTIVE_ITEMS as MIN_ITEMS,
} from '../../../../src/domains/framework/constants.ts';
import type {
  BlockDefinition,
  CapabilityDefinition,
  ItemDefinition,
} from '../../../../src/domains/framework/contracts.ts';
import {
  ApiError,
  api,
  type FrameworkDefinition,
  frameworkExportUrl,
  type VersionDetail,
} from '../../api.ts';
import { Link } from '../../app/router.tsx';
import { formatDate, t, tn } from '../../i18n/index.ts';
import { Alert, Badge, Button, Field, LoadError, Loading, PageHeading } from '../../ui/components.tsx';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { errorText, fieldRule } from '../../ui/errors.ts';
import { useResource } from '../../ui/use-resource.ts';
import { FrameworkAdminNav, VERSIONS_PATH } from './FrameworkAdminNav.tsx';
import './framework.css';

// The compiler checks this copy against the server's rule; importing the value would pull zod into the bundle.
const KEY_MAX = 60;

const KIND_LABELS: Record<BlockKind, () => string> = {
  'building-block': () => t('editor.kind.building-block'),
  practice: () => t('editor.kind.practice'),
  values: () => t('editor.kind.values'),
  derailers: () => t('editor.kind.derailers'),
  climate: () => t('editor.kind.climate'),
};

/** The id of the control (or section) for a server path such as `capabilities.3.items.1.self`. */
const pathId = (path: string) => `fw-${path.replace(/\./g, '-')}`;

/** A key from a name: "Our value: candour" → "our-value-candour". */
function keyFrom(name: string, max = KEY_MAX): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, max)
    .replace(/^-+|-+$/g, '');
}

/** `${base}-${n}` for the first n from `start` that no item in the definition uses yet. */
function freeItemKey(
  definition: FrameworkDefinition,
  base: string,
  start: number,
  taken = new Set<string>(),
) {
  const used = new Set([...taken, ...definition.capabilities.flatMap((c) => c.items.map((i) => i.key))]);
  const stem = base.slice(0, KEY_MAX - 4);
  let n = start;
  while (used.has(`${stem}-${n}`)) n++;
  return `${stem}-${n}`;
}

const emptyItem = (key: string): ItemDefinition => ({
  key,
  self: '',
  observer: '',
  reversed: false,
  retired: false,
});

export function VersionEditorPage({ id }: { id: string }) {
  const version = useResource(() => api.frameworkVersion(id), [id]);

  let title = t('editor.titleLoading');
  let content: ReactNode;
  if (version.status === 'loading') content = <Loading />;
  else if (version.status === 'error') {
    const missing =
      version.error instanceof ApiError && (version.error.status === 404 || version.error.status === 400);
    content = missing ? (
      <Alert tone="error">{t('editor.notFound')}</Alert>
    ) : (
      <LoadError message={errorText(version.error)} onRetry={version.reload} />
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
        {version.status === 'ready' ? (
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

function ExportLinks({ version }: { version: VersionDetail }) {
  return (
    <div className="form-actions editor-exports">
      <a className="button button-secondary" href={frameworkExportUrl(version.id, 'json')} download>
        {t('versions.exportJson')}
      </a>
      <a className="button button-secondary" href={frameworkExportUrl(version.id, 'yaml')} download>
        {t('versions.exportYaml')}
      </a>
    </div>
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

function scaleText(definition: FrameworkDefinition, cap: CapabilityDefinition): string {
  const scale = definition.responseScales.find((s) => s.key === cap.responseScale);
  if (!scale) return cap.responseScale;
  return t('editor.scaleOption', {
    key: scale.key,
    first: scale.labels[0] ?? '',
    last: scale.labels[scale.labels.length - 1] ?? '',
    points: scale.labels.length,
  });
}

function BlockSection({
  block,
  index,
  definition,
  errors,
  children,
}: {
  block: BlockDefinition;
  index: number;
  definition: FrameworkDefinition;
  errors?: Readonly<Record<string, string>>;
  children: (capability: CapabilityDefinition, index: number) => ReactNode;
}) {
  const headingId = `${pathId(`blocks.${index}`)}-heading`;
  const blockErrors = errors
    ? Object.entries(errors).filter(
        ([path]) => path === `blocks.${index}` || path.startsWith(`blocks.${index}.`),
      )
    : [];
  return (
    <section
      id={pathId(`blocks.${index}`)}
      className="block-section"
      aria-labelledby={headingId}
      tabIndex={-1}
    >
      <div className="block-section-head">
        <h2 id={headingId}>{block.name}</h2>
        <Badge tone="neutral">{KIND_LABELS[block.kind]()}</Badge>
      </div>
      <p className="muted block-description">{block.description}</p>
      {blockErrors.map(([path, rule]) => (
        <p key={path} className="field-error">
          <span aria-hidden="true">! </span>
          {fieldRule(t('editor.thisBlock'), rule)}
        </p>
      ))}
      <div className="capability-list">
        {definition.capabilities.map((cap, ci) => (cap.block === block.key ? children(cap, ci) : null))}
      </div>
    </section>
  );
}

/** What the editor can do to the draft; absent on a published version, which is read-only. */
interface EditActions {
  setCapability(index: number, patch: Partial<CapabilityDefinition>): void;
  setItem(capability: number, item: number, patch: Partial<ItemDefinition>): void;
  addItem(capability: number): void;
  removeItem(capability: number, item: number): void;
  removeCapability(capability: number): void;
}

const CapabilityPanel = memo(function CapabilityPanel({
  capability: cap,
  index: ci,
  scale,
  open,
  onToggle,
  edit,
  errors = {},
  isNew,
  savedItems,
}: {
  capability: CapabilityDefinition;
  index: number;
  scale: string;
  open: boolean;
  onToggle: (key: string, open: boolean) => void;
  edit?: EditActions;
  errors?: Readonly<Record<string, string>>;
  isNew?: boolean;
  savedItems?: ReadonlySet<string>;
}) {
  const at = `capabilities.${ci}`;
  const ownErrors = Object.keys(errors).filter((p) => p === at || p.startsWith(`${at}.`));
  const active = cap.items.filter((i) => !i.retired).length;
  const retired = cap.items.length - active;
  // Problems with no control of their own (e.g. too few items) are shown at the top of the panel.
  const shownInPlace = new Set([
    `${at}.name`,
    `${at}.description`,
    `${at}.explanation`,
    ...cap.items.flatMap((_, ii) => [`${at}.items.${ii}.self`, `${at}.items.${ii}.observer`]),
  ]);
  const general = edit ? ownErrors.filter((p) => !shownInPlace.has(p)) : [];
  return (
    <details
      id={pathId(at)}
      className={`capability${ownErrors.length ? ' capability-invalid' : ''}`}
      open={open}
      onToggle={(e) => onToggle(cap.key, e.currentTarget.open)}
    >
      <summary>
        <span className="capability-name">{cap.name || t('editor.unnamed')}</span>
        <span className="capability-meta">
          {tn('editor.itemCount', active, { count: active })}
          {retired ? ` · ${tn('editor.retiredCount', retired, { count: retired })}` : ''}
        </span>
        {isNew ? <Badge tone="positive">{t('editor.new')}</Badge> : null}
        {cap.derailer ? <Badge tone="neutral">{t('quality.derailer')}</Badge> : null}
        {ownErrors.length ? (
          <Badge tone="negative">
            {tn('editor.problemCount', ownErrors.length, { count: ownErrors.length })}
          </Badge>
        ) : null}
      </summary>
      <div className="capability-body stack">
        {general.map((path) => (
          <p key={path} className="field-error">
            <span aria-hidden="true">! </span>
            {fieldRule(partLabel(path.split('.').slice(2)), errors[path]!)}
          </p>
        ))}
        <dl className="capability-facts">
          <div>
            <dt>{t('editor.key')}</dt>
            <dd>
              <code>{cap.key}</code>
            </dd>
          </div>
          <div>
            <dt>{t('editor.scale')}</dt>
            <dd>{scale}</dd>
          </div>
          {cap.practice ? (
            <div>
              <dt>{t('editor.practice')}</dt>
              <dd>{cap.practice === 'lead' ? t('editor.practiceLead') : t('editor.practiceManage')}</dd>
            </div>
          ) : null}
        </dl>
        {edit ? (
          <>
            <TextField
              path={`${at}.name`}
              label={t('editor.capabilityName')}
              value={cap.name}
              error={errors[`${at}.name`]}
              onChange={(name) => edit.setCapability(ci, { name })}
            />
            <TextField
              path={`${at}.description`}
              label={t('editor.capabilityDescription')}
              hint={t('editor.capabilityDescriptionHint')}
              multiline
              value={cap.description}
              error={errors[`${at}.description`]}
              onChange={(description) => edit.setCapability(ci, { description })}
            />
            <TextField
              path={`${at}.explanation`}
              label={t('editor.capabilityExplanation')}
              hint={t('editor.capabilityExplanationHint')}
              multiline
              rows={4}
              value={cap.explanation}
              error={errors[`${at}.explanation`]}
              onChange={(explanation) => edit.setCapability(ci, { explanation })}
            />
          </>
        ) : (
          <>
            <p>{cap.description}</p>
            <p className="muted">{cap.explanation}</p>
          </>
        )}
        <h3 className="items-heading">{t('editor.itemsTitle', { name: cap.name || cap.key })}</h3>
        <ol className="item-list">
          {cap.items.map((item, ii) => (
            <ItemRow
              key={item.key}
              item={item}
              capability={ci}
              index={ii}
              errors={errors}
              edit={edit}
              isNew={!!savedItems && !savedItems.has(item.key)}
            />
          ))}
        </ol>
        {edit ? (
          <div className="form-actions">
            <Button variant="secondary" onClick={() => edit.addItem(ci)}>
              {t('editor.addItem')}
              <span className="visually-hidden">
                {t('editor.toCapability', { name: cap.name || cap.key })}
              </span>
            </Button>
            {isNew ? (
              <Button variant="link" onClick={() => edit.removeCapability(ci)}>
                {t('editor.removeCapability')}
                <span className="visually-hidden"> {cap.name || cap.key}</span>
              </Button>
            ) : null}
          </div>
        ) : null}
      </div>
    </details>
  );
});

function ItemRow({
  item,
  capability: ci,
  index: ii,
  errors,
  edit,
  isNew,
}: {
  item: ItemDefinition;
  capability: number;
  index: number;
  errors: Readonly<Record<string, string>>;
  edit: EditActions | undefined;
  isNew: boolean;
}) {
  const at = `capabilities.${ci}.items.${ii}`;
  const legendId = `${pathId(at)}-legend`;
  const legend = (
    <>
      {t('editor.itemNumber', { number: ii + 1 })} <code className="item-key">{item.key}</code>
      {item.reversed ? (
        <>
          {' '}
          <Badge tone="neutral">{t('quality.reversed')}</Badge>
        </>
      ) : null}
      {item.retired ? (
        <>
          {' '}
          <Badge tone="warning">{t('editor.retired')}</Badge>
        </>
      ) : null}
    </>
  );
  if (!edit) {
    return (
      <li className={`item${item.retired ? ' item-retired' : ''}`}>
        <p className="item-legend">{legend}</p>
        <p className="item-wording">
          <span className="item-label">{t('editor.selfShort')}</span> {item.self}
        </p>
        <p className="item-wording">
          <span className="item-label">{t('editor.observerShort')}</span> {item.observer}
        </p>
      </li>
    );
  }
  return (
    <li className={`item${item.retired ? ' item-retired' : ''}`}>
      <fieldset className="fieldset item-fields" aria-labelledby={legendId}>
        <legend id={legendId} className="item-legend">
          {legend}
        </legend>
        {item.retired ? <p className="hint">{t('editor.retiredHint')}</p> : null}
        <TextField
          path={`${at}.self`}
          label={t('editor.self')}
          hint={t('editor.selfHint')}
          multiline
          rows={2}
          value={item.self}
          error={errors[`${at}.self`]}
          onChange={(self) => edit.setItem(ci, ii, { self })}
        />
        <TextField
          path={`${at}.observer`}
          label={t('editor.observer')}
          hint={t('editor.observerHint')}
          multiline
          rows={2}
          value={item.observer}
          error={errors[`${at}.observer`]}
          onChange={(observer) => edit.setItem(ci, ii, { observer })}
        />
        <div className="item-actions">
          <div className="checkbox">
            <input
              id={pathId(`${at}.reversed`)}
              type="checkbox"
              checked={item.reversed}
              onChange={(e) => edit.setItem(ci, ii, { reversed: e.target.checked })}
            />
            <label htmlFor={pathId(`${at}.reversed`)}>
              {t('editor.reversed')}
              <span className="hint">{t('editor.reversedHint')}</span>
            </label>
          </div>
          {isNew ? (
            <Button variant="secondary" onClick={() => edit.removeItem(ci, ii)}>
              {t('editor.removeItem')}
              <span className="visually-hidden"> {t('editor.itemNumber', { number: ii + 1 })}</span>
            </Button>
          ) : (
            <Button variant="secondary" onClick={() => edit.setItem(ci, ii, { retired: !item.retired })}>
              {item.retired ? t('editor.restore') : t('editor.retire')}
              <span className="visually-hidden"> {t('editor.itemNumber', { number: ii + 1 })}</span>
            </Button>
          )}
        </div>
      </fieldset>
    </li>
  );
}

/** A labelled text control whose id is derived from its server path, so errors can link to it. */
function TextField({
  path,
  label,
  hint,
  value,
  error,
  onChange,
  multiline,
  rows = 3,
}: {
  path: string;
  label: string;
  hint?: string;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
  multiline?: boolean;
  rows?: number;
}) {
  const id = pathId(path);
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ');
  const props = {
    id,
    value,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy || undefined,
  } as const;
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          <span aria-hidden="true">! </span>
          {fieldRule(label, error)}
        </p>
      ) : null}
      {multiline ? (
        <textarea {...props} rows={rows} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...props} type="text" autoComplete="off" onChange={(e) => onChange(e.target.value)} />
      )}
    </div>
  );
}

/** A readable name for the part of a path after `capabilities.N`, e.g. `items.1.self`. */
function partLabel(parts: string[]): string {
  if (parts[0] === 'items' && parts[1] !== undefined) {
    const item = t('editor.itemInSentence', { number: Number(parts[1]) + 1 });
    return parts[2] ? `${item}, ${fieldName(parts[2])}` : item;
  }
  return parts.length ? fieldName(parts[0]!) : t('editor.thisCapability');
}

function fieldName(field: string): string {
  const names: Record<string, string> = {
    name: t('editor.part.name'),
    description: t('editor.part.description'),
    explanation: t('editor.part.explanation'),
    key: t('editor.part.key'),
    block: t('editor.part.block'),
    responseScale: t('editor.part.responseScale'),
    practice: t('editor.part.practice'),
    derailer: t('editor.part.derailer'),
    items: t('editor.part.items'),
    self: t('editor.part.self'),
    observer: t('editor.part.observer'),
    reversed: t('editor.part.reversed'),
    retired: t('editor.part.retired'),
    labels: t('editor.part.labels'),
  };
  return names[field] ?? field;
}

/** Where a server path points, in words: `capabilities.3.items.1.self` → "“Candour”, item 2, self wording". */
function describePath(path: string, definition: FrameworkDefinition): string {
  const parts = path.split('.');
  const [section, index, ...rest] = parts;
  if (section === 'capabilities' && index !== undefined && /^\d+$/.test(index)) {
    const cap = definition.capabilities[Number(index)];
    const name = t('editor.quoted', { name: cap?.name || cap?.key || `#${Number(index) + 1}` });
    return rest.length ? `${name}, ${partLabel(rest)}` : name;
  }
  if (section === 'blocks' && index !== undefined && /^\d+$/.test(index)) {
    const block = definition.blocks[Number(index)];
    const name = t('editor.quoted', { name: block?.name || `#${Number(index) + 1}` });
    return rest.length ? `${name}, ${fieldName(rest[rest.length - 1]!)}` : name;
  }
  if (path === 'name') return t('editor.frameworkName');
  if (path === 'description') return t('editor.frameworkDescription');
  if (path === '(body)') return t('editor.thisDraft');
  return path;
}

/** The element an error summary link moves to: the field itself, else its capability or block. */
function targetOf(path: string): string {
  if (document.getElementById(pathId(path))) return pathId(path);
  const owner = /^(capabilities|blocks)\.\d+/.exec(path)?.[0];
  return owner ? pathId(owner) : 'fw-about';
}

type Summary = { message: string; problems: { path: string; text: string }[] };

function DraftEditor({ initial }: { initial: VersionDetail }) {
  const [saved, setSaved] = useState(initial);
  const [draft, setDraft] = useState<FrameworkDefinition>(initial.definition);
  const [errors, setErrors] = useState<Readonly<Record<string, string>>>({});
  const [summary, setSummary] = useState<Summary | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const [confirmUndo, setConfirmUndo] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const focusNext = useRef<string | null>(null);

  const savedJson = useMemo(() => JSON.stringify(saved.definition), [saved]);
  const dirty = JSON.stringify(draft) !== savedJson;
  const savedCapabilities = useMemo(() => new Set(saved.definition.capabilities.map((c) => c.key)), [saved]);
  const savedItems = useMemo(
    () => new Set(saved.definition.capabilities.flatMap((c) => c.items.map((i) => i.key))),
    [saved],
  );

  // Leaving with unsaved changes asks first: closing or reloading the tab, links to other pages,
  // and the browser's Back button.
  useEffect(() => {
    if (!dirty) return;
    const beforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    const click = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.('a[href]');
      if (!(link instanceof HTMLAnchorElement) || link.hasAttribute('download')) return;
      if (link.origin === window.location.origin && link.pathname === window.location.pathname) return;
      if (!window.confirm(t('editor.leaveConfirm'))) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    // The Back button: while there are unsaved changes a copy of this page's entry sits on top of
    // the history, so Back first lands here again; then we ask, and either stay (putting the copy
    // back) or go back for real. One copy is enough, however often the draft is saved and changed.
    if (!window.history.state?.unsavedGuard) {
      window.history.pushState({ unsavedGuard: true }, '', window.location.href);
    }
    let leaving = false;
    const back = () => {
      if (leaving) return;
      if (window.confirm(t('editor.leaveConfirm'))) {
        leaving = true;
        window.history.back();
      } else {
        window.history.pushState({ unsavedGuard: true }, '', window.location.href);
      }
    };
    window.addEventListener('beforeunload', beforeUnload);
    window.addEventListener('popstate', back);
    document.addEventListener('click', click, true);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      window.removeEventListener('popstate', back);
      document.removeEventListener('click', click, true);
    };
  }, [dirty]);

  // After adding an item or a capability, its first wording field takes focus.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs after each change of the draft, by design.
  useEffect(() => {
    const target = focusNext.current;
    if (!target) return;
    focusNext.current = null;
    document.getElementById(target)?.focus();
  }, [draft]);

  const clearError = useCallback((path: string) => {
    setErrors((all) => {
      if (!(path in all)) return all;
      const { [path]: _gone, ...rest } = all;
      return rest;
    });
  }, []);

  const toggle = useCallback((key: string, isOpen: boolean) => {
    setOpen((all) => {
      if (all.has(key) === isOpen) return all;
      const next = new Set(all);
      if (isOpen) next.add(key);
      else next.delete(key);
      return next;
    });
  }, []);

  const edit = useMemo<EditActions>(() => {
    const mapCapability = (ci: number, change: (c: CapabilityDefinition) => CapabilityDefinition) =>
      setDraft((d) => ({ ...d, capabilities: d.capabilities.map((c, i) => (i === ci ? change(c) : c)) }));
    return {
      setCapability(ci, patch) {
        for (const field of Object.keys(patch)) clearError(`capabilities.${ci}.${field}`);
        mapCapability(ci, (c) => ({ ...c, ...patch }));
      },
      setItem(ci, ii, patch) {
        for (const field of Object.keys(patch)) clearError(`capabilities.${ci}.items.${ii}.${field}`);
        if ('retired' in patch) clearError(`capabilities.${ci}.items`);
        mapCapability(ci, (c) => ({
          ...c,
          items: c.items.map((item, j) => (j === ii ? { ...item, ...patch } : item)),
        }));
      },
      addItem(ci) {
        clearError(`capabilities.${ci}.items`);
        setDraft((d) => {
          const cap = d.capabilities[ci]!;
          const key = freeItemKey(d, cap.key, cap.items.length + 1);
          focusNext.current = pathId(`capabilities.${ci}.items.${cap.items.length}.self`);
          return {
            ...d,
            capabilities: d.capabilities.map((c, i) =>
              i === ci ? { ...c, items: [...c.items, emptyItem(key)] } : c,
            ),
          };
        });
      },
      removeItem(ci, ii) {
        // Paths after the removed item shift, so errors no longer point at the right fields.
        setErrors({});
        mapCapability(ci, (c) => ({ ...c, items: c.items.filter((_, j) => j !== ii) }));
      },
      removeCapability(ci) {
        setErrors({});
        setDraft((d) => {
          const capabilities = d.capabilities.filter((_, i) => i !== ci);
          // A block added with this capability goes with it when nothing else is in it.
          const keep = new Set([
            ...saved.definition.blocks.map((b) => b.key),
            ...capabilities.map((c) => c.block),
          ]);
          focusNext.current = 'fw-add-capability';
          return { ...d, capabilities, blocks: d.blocks.filter((b) => keep.has(b.key)) };
        });
      },
    };
  }, [clearError, saved]);

  const addCapability = (capability: CapabilityDefinition, block: BlockDefinition | null) => {
    setNotice(null);
    setOpen((all) => new Set([...all, capability.key]));
    setDraft((d) => {
      focusNext.current = pathId(`capabilities.${d.capabilities.length}.items.0.self`);
      return {
        ...d,
        blocks: block ? [...d.blocks, block] : d.blocks,
        capabilities: [...d.capabilities, capability],
      };
    });
  };

  const save = async (event?: FormEvent) => {
    event?.preventDefault();
    if (busy) return;
    setBusy(true);
    setNotice(null);
    setSummary(null);
    try {
      const next = await api.saveFrameworkDraft(saved.id, draft);
      setSaved(next);
      setDraft(next.definition);
      setErrors({});
      setNotice(t('editor.saved', { number: next.number }));
    } catch (error) {
      const fields = error instanceof ApiError ? error.fields : {};
      const paths = Object.keys(fields);
      setErrors(fields);
      // Open every capability with a problem, so each field named is on screen.
      const withErrors = paths.flatMap((p) => {
        const index = /^capabilities\.(\d+)/.exec(p)?.[1];
        const cap = index === undefined ? undefined : draft.capabilities[Number(index)];
        return cap ? [cap.key] : [];
      });
      setOpen((all) => new Set([...all, ...withErrors]));
      setSummary({
        message: paths.length
          ? tn('editor.notSaved', paths.length, { count: paths.length })
          : errorText(error),
        problems: paths.map((path) => ({
          path,
          text: t('editor.problem', { where: describePath(path, draft), rule: fields[path]! }),
        })),
      });
      requestAnimationFrame(() => summaryRef.current?.focus());
    } finally {
      setBusy(false);
    }
  };

  const undo = () => {
    setDraft(saved.definition);
    setErrors({});
    setSummary(null);
    setConfirmUndo(false);
    setNotice(t('editor.undone'));
  };

  return (
    <div className="draft-editor stack">
      <p className="lead">{t('editor.intro', { min: MIN_ITEMS })}</p>
      {summary ? (
        <div ref={summaryRef} tabIndex={-1} className="alert alert-error error-summary" role="alert">
          <p>{summary.message}</p>
          {summary.problems.length ? (
            <ul className="problem-list">
              {summary.problems.map((p) => (
                <li key={p.path}>
                  <a
                    href={`#${pathId(p.path)}`}
                    onClick={(e) => {
                      e.preventDefault();
                      const target = document.getElementById(targetOf(p.path));
                      target?.scrollIntoView({ block: 'center' });
                      target?.focus();
                    }}
                  >
                    {p.text}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}

      <form className="stack" onSubmit={save} noValidate>
        <section id="fw-about" className="card stack" tabIndex={-1} aria-labelledby="fw-about-heading">
          <h2 id="fw-about-heading">{t('editor.aboutTitle')}</h2>
          <TextField
            path="name"
            label={t('editor.frameworkName')}
            value={draft.name}
            error={errors.name}
            onChange={(name) => {
              clearError('name');
              setDraft((d) => ({ ...d, name }));
            }}
          />
          <TextField
            path="description"
            label={t('editor.frameworkDescription')}
            multiline
            value={draft.description}
            error={errors.description}
            onChange={(description) => {
              clearError('description');
              setDraft((d) => ({ ...d, description }));
            }}
          />
          <ExportLinks version={saved} />
          <p className="hint">{t('editor.exportHint')}</p>
        </section>

        {draft.blocks.map((block, bi) => (
          <BlockSection key={block.key} block={block} index={bi} definition={draft} errors={errors}>
            {(cap, ci) => (
              <CapabilityPanel
                key={cap.key}
                capability={cap}
                index={ci}
                scale={scaleText(draft, cap)}
                open={open.has(cap.key)}
                onToggle={toggle}
                edit={edit}
                errors={errors}
                isNew={!savedCapabilities.has(cap.key)}
                savedItems={savedItems}
              />
            )}
          </BlockSection>
        ))}

        <div className={`save-bar${dirty ? ' save-bar-dirty' : ''}`}>
          <p className="save-bar-status" role="status">
            {dirty ? (
              <>
                <span className="save-bar-dot" aria-hidden="true" />
                {t('editor.unsaved')}
              </>
            ) : notice ? (
              notice
            ) : (
              t('editor.noChanges')
            )}
          </p>
          <div className="form-actions">
            <Button type="submit" busy={busy} busyLabel={t('form.saving')}>
              {t('editor.save')}
            </Button>
            {dirty ? (
              <Button variant="secondary" onClick={() => setConfirmUndo(true)}>
                {t('editor.undo')}
              </Button>
            ) : null}
          </div>
        </div>
      </form>

      <AddCapability definition={draft} onAdd={addCapability} />
      <p className="hint">{t('editor.publishHint')}</p>

      <ConfirmDialog
        open={confirmUndo}
        title={t('editor.undoTitle')}
        confirmLabel={t('editor.undoConfirm')}
        cancelLabel={t('editor.undoCancel')}
        tone="danger"
        onConfirm={undo}
        onCancel={() => setConfirmUndo(false)}
      >
        <p>{t('editor.undoBody')}</p>
      </ConfirmDialog>
    </div>
  );
}

const NEW_BLOCK = '(new values block)';

type AddField = 'name' | 'key' | 'description' | 'explanation' | 'blockName' | 'blockDescription';

function AddCapability({
  definition,
  onAdd,
}: {
  definition: FrameworkDefinition;
  onAdd: (capability: CapabilityDefinition, block: BlockDefinition | null) => void;
}) {
  const headingId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const valuesBlock = definition.blocks.find((b) => b.kind === 'values');
  const [expanded, setExpanded] = useState(false);
  const [name, setName] = useState('');
  const [key, setKey] = useState('');
  const [keyEdited, setKeyEdited] = useState(false);
  const [block, setBlock] = useState(valuesBlock?.key ?? NEW_BLOCK);
  const [blockName, setBlockName] = useState(() => t('editor.valuesBlockName'));
  const [blockDescription, setBlockDescription] = useState(() => t('editor.valuesBlockDescription'));
  const [scale, setScale] = useState(definition.responseScales[0]?.key ?? '');
  const [practice, setPractice] = useState<'' | 'manage' | 'lead'>('');
  const [description, setDescription] = useState('');
  const [explanation, setExplanation] = useState('');
  const [errors, setErrors] = useState<Partial<Record<AddField, string>>>({});

  const chosenKind: BlockKind =
    block === NEW_BLOCK ? 'values' : (definition.blocks.find((b) => b.key === block)?.kind ?? 'values');
  const practiceAllowed = chosenKind !== 'derailers' && chosenKind !== 'climate';
  const effectiveKey = keyEdited ? key : keyFrom(name);

  const labels: Record<AddField, string> = {
    name: t('editor.newName'),
    key: t('editor.newKey'),
    description: t('editor.capabilityDescription'),
    explanation: t('editor.capabilityExplanation'),
    blockName: t('editor.newBlockName'),
    blockDescription: t('editor.newBlockDescription'),
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<AddField, string>> = {};
    const required = (field: AddField, value: string, max: number) => {
      if (!value.trim()) found[field] = fieldRule(labels[field], t('form.ruleRequired'));
      else if (value.trim().length > max)
        found[field] = fieldRule(labels[field], t('editor.ruleMax', { max }));
    };
    required('name', name, 100);
    required('description', description, 500);
    required('explanation', explanation, 1500);
    if (!effectiveKey) found.key = fieldRule(labels.key, t('form.ruleRequired'));
    else if (!KEY_PATTERN.test(effectiveKey) || effectiveKey.length > KEY_MAX)
      found.key = fieldRule(labels.key, t('editor.ruleKey', { max: KEY_MAX }));
    else if (definition.capabilities.some((c) => c.key === effectiveKey))
      found.key = fieldRule(labels.key, t('editor.ruleKeyTaken'));
    if (block === NEW_BLOCK) {
      required('blockName', blockName, 100);
      required('blockDescription', blockDescription, 1000);
    }
    setErrors(found);
    if (Object.keys(found).length) {
      requestAnimationFrame(() =>
        formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
      );
      return;
    }
    let newBlock: BlockDefinition | null = null;
    let blockKey = block;
    if (block === NEW_BLOCK) {
      const base = keyFrom(blockName) || 'values';
      blockKey = base;
      for (let n = 2; definition.blocks.some((b) => b.key === blockKey); n++)
        blockKey = `${base.slice(0, 55)}-${n}`;
      newBlock = {
        key: blockKey,
        name: blockName.trim(),
        kind: 'values',
        description: blockDescription.trim(),
      };
    }
    const taken = new Set<string>();
    const items = Array.from({ length: MIN_ITEMS }, (_, i) => {
      const itemKey = freeItemKey(definition, effectiveKey, i + 1, taken);
      taken.add(itemKey);
      return emptyItem(itemKey);
    });
    onAdd(
      {
        key: effectiveKey,
        block: blockKey,
        name: name.trim(),
        description: description.trim(),
        explanation: explanation.trim(),
        practice: practiceAllowed && practice ? practice : null,
        derailer: chosenKind === 'derailers',
        responseScale: scale,
        items,
      },
      newBlock,
    );
    setName('');
    setKey('');
    setKeyEdited(false);
    setDescription('');
    setExplanation('');
    setPractice('');
    setBlock(newBlock?.key ?? block);
    setExpanded(false);
  };

  if (!expanded) {
    return (
      <section className="card add-capability" aria-labelledby={headingId}>
        <h2 id={headingId}>{t('editor.addTitle')}</h2>
        <p>{t('editor.addIntro', { min: MIN_ITEMS })}</p>
        <Button
          id="fw-add-capability"
          variant="secondary"
          aria-expanded={false}
          onClick={() => {
            setExpanded(true);
            requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('input')?.focus());
          }}
        >
          {t('editor.addCapability')}
        </Button>
      </section>
    );
  }

  return (
    <form
      ref={formRef}
      className="card stack add-capability"
      aria-labelledby={headingId}
      onSubmit={submit}
      noValidate
    >
      <h2 id={headingId}>{t('editor.addTitle')}</h2>
      <p>{t('editor.addIntro', { min: MIN_ITEMS })}</p>
      <div className="form-grid">
        <Field label={labels.name} error={errors.name}>
          {(p) => (
            <input
              {...p}
              type="text"
              autoComplete="off"
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          )}
        </Field>
        <Field label={labels.key} hint={t('editor.newKeyHint')} error={errors.key}>
          {(p) => (
            <input
              {...p}
              type="text"
              autoComplete="off"
              spellCheck={false}
              value={effectiveKey}
              onChange={(e) => {
                setKeyEdited(true);
                setKey(e.target.value);
              }}
            />
          )}
        </Field>
        <Field label={t('editor.newBlock')}>
          {(p) => (
            <select {...p} value={block} onChange={(e) => setBlock(e.target.value)}>
              {definition.blocks.map((b) => (
                <option key={b.key} value={b.key}>
                  {t('editor.blockOption', { name: b.name, kind: KIND_LABELS[b.kind]() })}
                </option>
              ))}
              {valuesBlock ? null : <option value={NEW_BLOCK}>{t('editor.newValuesBlock')}</option>}
            </select>
          )}
        </Field>
        <Field label={t('editor.scale')}>
          {(p) => (
            <select {...p} value={scale} onChange={(e) => setScale(e.target.value)}>
              {definition.responseScales.map((s) => (
                <option key={s.key} value={s.key}>
                  {t('editor.scaleOption', {
                    key: s.key,
                    first: s.labels[0] ?? '',
                    last: s.labels[s.labels.length - 1] ?? '',
                    points: s.labels.length,
                  })}
                </option>
              ))}
            </select>
          )}
        </Field>
        {block === NEW_BLOCK ? (
          <>
            <Field label={labels.blockName} error={errors.blockName}>
              {(p) => (
                <input
                  {...p}
                  type="text"
                  autoComplete="off"
                  value={blockName}
                  onChange={(e) => setBlockName(e.target.value)}
                />
              )}
            </Field>
            <Field label={labels.blockDescription} error={errors.blockDescription}>
              {(p) => (
                <textarea
                  {...p}
                  rows={2}
                  value={blockDescription}
                  onChange={(e) => setBlockDescription(e.target.value)}
                />
              )}
            </Field>
          </>
        ) : null}
        {practiceAllowed ? (
          <Field label={t('editor.practice')} hint={t('editor.practiceHint')}>
            {(p) => (
              <select
                {...p}
                value={practice}
                onChange={(e) => setPractice(e.target.value as '' | 'manage' | 'lead')}
              >
                <option value="">{t('editor.practiceNone')}</option>
                <option value="manage">{t('editor.practiceManage')}</option>
                <option value="lead">{t('editor.practiceLead')}</option>
              </select>
            )}
          </Field>
        ) : null}
      </div>
      <Field
        label={labels.description}
        hint={t('editor.capabilityDescriptionHint')}
        error={errors.description}
      >
        {(p) => (
          <textarea {...p} rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />
        )}
      </Field>
      <Field
        label={labels.explanation}
        hint={t('editor.capabilityExplanationHint')}
        error={errors.explanation}
      >
        {(p) => (
          <textarea {...p} rows={4} value={explanation} onChange={(e) => setExplanation(e.target.value)} />
        )}
      </Field>
      <div className="form-actions">
        <Button type="submit">{t('editor.addConfirm', { min: MIN_ITEMS })}</Button>
        <Button
          variant="secondary"
          onClick={() => {
            setErrors({});
            setExpanded(false);
            requestAnimationFrame(() => document.getElementById('fw-add-capability')?.focus());
          }}
        >
          {t('editor.addCancel')}
        </Button>
      </div>
    </form>
  );
}
