// Adds or edits a value, optionally mapped to a capability of the current framework (grouped by
// block, derailers left out: the server refuses them, a value is something to grow).
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { DESCRIPTION_MAX, VALUE_NAME_MAX } from '../../../../src/domains/alignment/constants.ts';
import { t } from '../../i18n/index.ts';
import { Alert, Button, Field, focusFirstInvalid } from '../../ui/components.tsx';
import { errorText, fieldRule, splitFieldErrors } from '../../ui/errors.ts';
import { useCurrentFramework, useSaveValue, type Value, type ValueChanges } from './queries.ts';

type FieldName = 'name' | 'description' | 'capabilityKey';
type Draft = Record<FieldName, string>;

const draftOf = (v: Value | null): Draft => ({
  name: v?.name ?? '',
  description: v?.description ?? '',
  capabilityKey: v?.capability?.key ?? '',
});

function changesOf(before: Draft, after: Draft): ValueChanges {
  const changes: Partial<ValueChanges> = {};
  if (after.name.trim() !== before.name) changes.name = after.name.trim();
  if (after.description.trim() !== before.description) changes.description = after.description.trim();
  if (after.capabilityKey !== before.capabilityKey) changes.capabilityKey = after.capabilityKey || null;
  return changes as ValueChanges;
}

export function ValueForm({
  value,
  onDone,
}: {
  value: Value | null;
  onDone: (saved: string | null) => void;
}) {
  const form = useRef<HTMLFormElement>(null);
  const heading = useId();
  // The form opened because the admin asked for it: start them in its first field.
  useEffect(() => form.current?.querySelector<HTMLElement>('input, textarea, select')?.focus(), []);
  const framework = useCurrentFramework();
  const save = useSaveValue();
  const [initial] = useState(() => draftOf(value));
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const labels: Record<FieldName, string> = {
    name: t('valueForm.name'),
    description: t('valueForm.description'),
    capabilityKey: t('valueForm.capability'),
  };
  const set = (key: FieldName, v: string) => setDraft((d) => ({ ...d, [key]: v }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    const local: Partial<Record<FieldName, string>> = {};
    const name = draft.name.trim();
    if (!name) local.name = fieldRule(labels.name, t('form.ruleRequired'));
    else if (name.length > VALUE_NAME_MAX)
      local.name = fieldRule(labels.name, t('goalForm.ruleTooLong', { max: VALUE_NAME_MAX }));
    if (draft.description.trim().length > DESCRIPTION_MAX)
      local.description = fieldRule(labels.description, t('goalForm.ruleTooLong', { max: DESCRIPTION_MAX }));
    setErrors(local);
    setFormError(null);
    if (Object.keys(local).length) {
      setFormError(t('form.fixErrors'));
      focusFirstInvalid(form.current);
      return;
    }
    const body = changesOf(value ? initial : { name: '', description: '', capabilityKey: '' }, draft);
    if (value && Object.keys(body).length === 0) return onDone(null);
    try {
      await save.mutateAsync({ id: value?.id ?? null, body: value ? body : { ...body, name } });
      onDone(name);
    } catch (error) {
      const split = splitFieldErrors(error, labels);
      setErrors(split.fields);
      setFormError([errorText(error), ...split.other].join(' '));
      focusFirstInvalid(form.current);
    }
  };

  const definition = framework.data?.definition;
  const groups = (definition?.blocks ?? [])
    .map((block) => ({
      block,
      capabilities: definition!.capabilities.filter((c) => c.block === block.key && !c.derailer),
    }))
    .filter((g) => g.capabilities.length);
  const known = definition?.capabilities.some((c) => c.key === draft.capabilityKey);

  return (
    <form
      ref={form}
      onSubmit={submit}
      noValidate
      className="card stack alignment-form"
      aria-labelledby={heading}
    >
      <h3 id={heading}>{value ? t('valueForm.editTitle', { name: value.name }) : t('valueForm.addTitle')}</h3>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <div className="form-grid">
        <Field
          label={labels.name}
          hint={t('valueForm.nameHint', { max: VALUE_NAME_MAX })}
          error={errors.name}
          className="field-wide"
        >
          {(p) => (
            <input
              {...p}
              type="text"
              autoComplete="off"
              value={draft.name}
              onChange={(e) => set('name', e.target.value)}
            />
          )}
        </Field>
        <Field
          label={labels.description}
          hint={t('valueForm.descriptionHint', { max: DESCRIPTION_MAX })}
          error={errors.description}
          className="field-wide"
        >
          {(p) => (
            <textarea
              {...p}
              rows={3}
              value={draft.description}
              onChange={(e) => set('description', e.target.value)}
            />
          )}
        </Field>
        <Field
          label={labels.capabilityKey}
          hint={t('valueForm.capabilityHint')}
          error={errors.capabilityKey}
          className="field-wide"
        >
          {(p) => (
            <select {...p} value={draft.capabilityKey} onChange={(e) => set('capabilityKey', e.target.value)}>
              <option value="">{t('valueForm.noCapability')}</option>
              {/* A mapping the current framework no longer has stays selectable, so other edits keep it. */}
              {draft.capabilityKey && !known ? (
                <option value={draft.capabilityKey}>{draft.capabilityKey}</option>
              ) : null}
              {groups.map(({ block, capabilities }) => (
                <optgroup key={block.key} label={block.name}>
                  {capabilities.map((c) => (
                    <option key={c.key} value={c.key}>
                      {c.name}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="form-actions">
        <Button type="submit" busy={save.isPending} busyLabel={t('form.saving')}>
          {value ? t('valueForm.save') : t('valueForm.add')}
        </Button>
        <Button variant="secondary" onClick={() => onDone(null)}>
          {t('alignmentAdmin.cancel')}
        </Button>
      </div>
    </form>
  );
}
