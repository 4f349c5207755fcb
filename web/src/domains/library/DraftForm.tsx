// A module's draft: edit its fields (each refused rule shown beside its field), save, publish
// (with unsaved changes saved first) or discard, each final step confirmed in a dialog.
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import type { AdminModuleDetail } from '../../../../src/domains/library/contracts.ts';
import { t } from '../../i18n/index.ts';
import { Alert, Button, focusFirstInvalid } from '../../ui/components.tsx';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { errorText } from '../../ui/errors.ts';
import { useUnsavedGuard } from '../framework/use-unsaved-guard.ts';
import {
  contentOf,
  type FormErrors,
  type FormValues,
  formErrors,
  ModuleFields,
  valuesOf,
} from './module-form.tsx';
import { ADMIN_LIBRARY_PATH } from './paths.ts';
import { useDiscardNewModule, useModuleAction, useSaveDraft } from './queries.ts';

type Pending = 'publish' | 'discard' | null;

export function DraftForm({
  module: m,
  stages,
  onNotice,
}: {
  module: AdminModuleDetail;
  stages: readonly { key: string; name: string }[];
  onNotice: (text: string) => void;
}) {
  const draft = m.draft!;
  const navigate = useNavigate();
  const form = useRef<HTMLFormElement>(null);
  const [saved, setSaved] = useState(() => valuesOf(draft.content));
  const [values, setValues] = useState<FormValues>(saved);
  const [errors, setErrors] = useState<FormErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending>(null);
  const [dialogError, setDialogError] = useState<string | null>(null);
  const save = useSaveDraft(m.id);
  const publish = useModuleAction('publish');
  const discardDraft = useModuleAction('discardDraft');
  const discardModule = useDiscardNewModule();
  const discard = m.publishedVersion === null ? discardModule : discardDraft;
  const dirty = JSON.stringify(values) !== JSON.stringify(saved);
  const [leaving, setLeaving] = useState(false);
  useUnsavedGuard(dirty && !leaving, t('libraryAdmin.leaveConfirm'));
  // Leave once the guard has re-rendered as released, or it would ask about the discarded draft.
  useEffect(() => {
    if (leaving) navigate(ADMIN_LIBRARY_PATH);
  }, [leaving, navigate]);

  /** Saves the form; on refusal shows each rule beside its field and returns false. */
  const store = async (): Promise<boolean> => {
    setProblem(null);
    try {
      const next = await save.mutateAsync(contentOf(values));
      const fresh = valuesOf(next.draft!.content);
      setSaved(fresh);
      setValues(fresh);
      setErrors({});
      return true;
    } catch (error) {
      const found = formErrors(error);
      setErrors(found.fields);
      const fieldless = !Object.keys(found.fields).length;
      setProblem(
        found.other.length || fieldless
          ? [errorText(error), ...found.other].join(' ')
          : t('libraryAdmin.fixFields'),
      );
      focusFirstInvalid(form.current);
      return false;
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    if (await store()) onNotice(t('libraryAdmin.savedNotice', { version: draft.version }));
  };

  const confirm = async () => {
    setDialogError(null);
    try {
      if (pending === 'publish') {
        if (dirty && !(await store())) {
          setPending(null);
          return;
        }
        await publish.mutateAsync(m.id);
        setPending(null);
        onNotice(t('libraryAdmin.publishedNotice', { version: draft.version }));
      } else if (pending === 'discard') {
        await discard.mutateAsync(m.id);
        setPending(null);
        if (m.publishedVersion === null) {
          // A module never published goes with its only draft.
          setLeaving(true);
        } else onNotice(t('libraryAdmin.discardedNotice', { version: draft.version }));
      }
    } catch (error) {
      setDialogError(errorText(error));
    }
  };

  const busy = save.isPending || publish.isPending || discard.isPending;
  return (
    <form
      ref={form}
      className="card stack library-draft"
      onSubmit={submit}
      noValidate
      aria-labelledby="library-draft"
    >
      <h2 id="library-draft">{t('libraryAdmin.draftTitle', { version: draft.version })}</h2>
      {problem ? <Alert tone="error">{problem}</Alert> : null}
      <ModuleFields
        values={values}
        errors={errors}
        stages={stages}
        onChange={(patch) => {
          setValues((v) => ({ ...v, ...patch }));
          setErrors((e) => {
            const next = { ...e };
            for (const key of Object.keys(patch)) delete next[key as keyof FormErrors];
            return next;
          });
        }}
      />
      <div className="form-actions library-draft-actions">
        <Button type="submit" variant="secondary" busy={save.isPending} busyLabel={t('libraryAdmin.saving')}>
          {t('libraryAdmin.save')}
        </Button>
        <Button onClick={() => !busy && setPending('publish')}>{t('libraryAdmin.publish')}</Button>
        <Button variant="danger" onClick={() => !busy && setPending('discard')}>
          {t('libraryAdmin.discard')}
        </Button>
        {dirty ? <span className="muted">{t('libraryAdmin.unsaved')}</span> : null}
      </div>
      <ConfirmDialog
        open={pending === 'publish'}
        title={t('libraryAdmin.publishTitle', { version: draft.version })}
        confirmLabel={t('libraryAdmin.publishConfirm')}
        cancelLabel={t('libraryAdmin.cancel')}
        busy={busy}
        busyLabel={t('libraryAdmin.publishing')}
        error={dialogError}
        onConfirm={confirm}
        onCancel={() => setPending(null)}
      >
        <p>
          {m.publishedVersion === null
            ? t('libraryAdmin.publishBodyFirst')
            : t('libraryAdmin.publishBody', { old: m.publishedVersion })}
        </p>
        {dirty ? <p>{t('libraryAdmin.publishSavesFirst')}</p> : null}
      </ConfirmDialog>
      <ConfirmDialog
        open={pending === 'discard'}
        title={t('libraryAdmin.discardTitle', { version: draft.version })}
        confirmLabel={t('libraryAdmin.discardConfirm')}
        cancelLabel={t('libraryAdmin.keep')}
        busy={busy}
        busyLabel={t('libraryAdmin.discarding')}
        error={dialogError}
        tone="danger"
        onConfirm={confirm}
        onCancel={() => setPending(null)}
      >
        <p>
          {m.publishedVersion === null ? t('libraryAdmin.discardBodyOnly') : t('libraryAdmin.discardBody')}
        </p>
      </ConfirmDialog>
    </form>
  );
}
