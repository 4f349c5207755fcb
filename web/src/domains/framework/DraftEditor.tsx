// The draft editor: the draft's state, saving with every problem named beside its field, undo,
// and the guard against leaving with unsaved changes.
import { type FormEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { BlockDefinition, CapabilityDefinition } from '../../../../src/domains/framework/contracts.ts';
import { ApiError, type FrameworkDefinition, type VersionDetail } from '../../api.ts';
import { t, tn } from '../../i18n/index.ts';
import { Button } from '../../ui/components.tsx';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { errorText } from '../../ui/errors.ts';

import { AddCapability } from './AddCapability.tsx';
import { BlockSection, CapabilityPanel } from './CapabilityPanel.tsx';
import { ExportLinks } from './ExportLinks.tsx';
import {
  describePath,
  type EditActions,
  emptyItem,
  freeItemKey,
  MIN_ITEMS,
  pathId,
  scaleText,
  targetOf,
} from './editor-model.ts';
import { TextField } from './ItemRow.tsx';
import { useSaveDraft } from './queries.ts';
import { useUnsavedGuard } from './use-unsaved-guard.ts';

type Summary = { message: string; problems: { path: string; text: string }[] };

export function DraftEditor({ initial }: { initial: VersionDetail }) {
  const [saved, setSaved] = useState(initial);
  const [draft, setDraft] = useState<FrameworkDefinition>(initial.definition);
  const [errors, setErrors] = useState<Readonly<Record<string, string>>>({});
  const [summary, setSummary] = useState<Summary | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const saveDraft = useSaveDraft(initial.id);
  const busy = saveDraft.isPending;
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

  useUnsavedGuard(dirty, t('editor.leaveConfirm'));

  // A new error summary takes focus, so the keyboard and screen readers start at the problems.
  useEffect(() => {
    if (summary) summaryRef.current?.focus();
  }, [summary]);

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
    setNotice(null);
    setSummary(null);
    try {
      const next = await saveDraft.mutateAsync(draft);
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
