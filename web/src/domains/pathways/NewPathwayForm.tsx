// Starting a pathway: a name and, optionally, the focus of the person's plan it serves.
import { type FormEvent, useRef, useState } from 'react';
import { PATHWAY_TITLE_MAX } from '../../../../src/domains/pathways/constants.ts';
import { t } from '../../i18n/index.ts';
import { Alert, Button, Field, focusFirstInvalid } from '../../ui/components.tsx';
import { errorText, fieldRule, splitFieldErrors } from '../../ui/errors.ts';
import { type FocusOption, useCreatePathway } from './queries.ts';

export function NewPathwayForm({
  focusAreas,
  onCreated,
}: {
  focusAreas: FocusOption[];
  onCreated(message: string): void;
}) {
  const create = useCreatePathway();
  const form = useRef<HTMLFormElement>(null);
  const [title, setTitle] = useState('');
  const [focusId, setFocusId] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const labels = { title: t('pathways.new.name'), focusId: t('pathways.new.focus') };
  const server = splitFieldErrors(create.error, labels);
  const titleError = localError ?? server.fields.title;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (create.isPending) return;
    const trimmed = title.trim();
    if (!trimmed) {
      setLocalError(fieldRule(labels.title, t('form.ruleRequired')));
      focusFirstInvalid(form.current);
      return;
    }
    setLocalError(null);
    create.mutate(
      { title: trimmed, focusId: focusId || null },
      {
        onSuccess: (created) => {
          setTitle('');
          setFocusId('');
          onCreated(t('pathways.new.created', { title: created.title }));
        },
        onError: () => focusFirstInvalid(form.current),
      },
    );
  };

  return (
    <form
      ref={form}
      className="card stack pathway-new"
      onSubmit={submit}
      noValidate
      aria-labelledby="pathway-new-title"
    >
      <h2 id="pathway-new-title">{t('pathways.new.title')}</h2>
      <Field
        label={labels.title}
        hint={t('pathways.new.nameHint', { max: PATHWAY_TITLE_MAX })}
        error={titleError}
      >
        {(props) => (
          <input
            {...props}
            value={title}
            maxLength={PATHWAY_TITLE_MAX}
            onChange={(e) => setTitle(e.currentTarget.value)}
          />
        )}
      </Field>
      {focusAreas.length ? (
        <Field label={labels.focusId} error={server.fields.focusId}>
          {(props) => (
            <select {...props} value={focusId} onChange={(e) => setFocusId(e.currentTarget.value)}>
              <option value="">{t('pathways.new.noFocus')}</option>
              {focusAreas.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.title}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      {create.isError && !server.fields.title && !server.fields.focusId ? (
        <Alert tone="error">{server.other.join(' ') || errorText(create.error)}</Alert>
      ) : null}
      <div className="form-actions">
        <Button type="submit" busy={create.isPending} busyLabel={t('pathways.new.busy')}>
          {t('pathways.new.submit')}
        </Button>
      </div>
    </form>
  );
}
