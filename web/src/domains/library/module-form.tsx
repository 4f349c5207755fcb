// The fields of a module, for a new module and for a draft: each with the server's rule beside it
// when it is refused, and a preview of the body rendered by the server exactly as participants
// will see it (the browser has no Markdown renderer of its own).
import { useEffect, useState } from 'react';
import { LIMITS, MAX_MINUTES, MIN_MINUTES } from '../../../../src/domains/library/constants.ts';
import type { ModuleContent, ModuleContentInput } from '../../../../src/domains/library/contracts.ts';
import { ApiError } from '../../api.ts';
import { t } from '../../i18n/index.ts';
import { Field } from '../../ui/components.tsx';
import { fieldRule } from '../../ui/errors.ts';
import { usePreview } from './queries.ts';
import { SafeHtml } from './SafeHtml.tsx';

export interface FormValues {
  title: string;
  summary: string;
  body: string;
  action: string;
  situation: string;
  frequency: string;
  signal: string;
  reflection: string;
  /** As typed; the server names the rule if it is not a whole number in range. */
  minutes: string;
  stages: string[];
}
export type FormField = keyof FormValues | 'capabilityKey';
export type FormErrors = Partial<Record<FormField, string>>;

export const valuesOf = (c: ModuleContent): FormValues => ({
  title: c.title,
  summary: c.summary,
  body: c.body,
  ...c.practice,
  reflection: c.reflection,
  minutes: String(c.minutes),
  stages: c.stages,
});

export const EMPTY_VALUES: FormValues = {
  title: '',
  summary: '',
  body: '## Why it matters\n\n\n## Try this week\n\n1. ',
  action: '',
  situation: '',
  frequency: '',
  signal: '',
  reflection: '',
  minutes: '15',
  stages: [],
};

export function contentOf(v: FormValues): ModuleContentInput {
  const { action, situation, frequency, signal, minutes, ...rest } = v;
  return {
    ...rest,
    practice: { action, situation, frequency, signal },
    minutes: Number(minutes.trim() || 'x'),
  };
}

const label = (field: FormField): string => t(`libraryAdmin.field.${field}`);

/**
 * The server's field errors, by form field (`practice.action` → action, `stages.1` → stages), and
 * the ones no field shows, so no rule it reported goes unseen.
 */
export function formErrors(error: unknown): { fields: FormErrors; other: string[] } {
  const fields: FormErrors = {};
  const other: string[] = [];
  if (!(error instanceof ApiError)) return { fields, other };
  for (const [path, rule] of Object.entries(error.fields)) {
    const parts = path.split('.');
    const name = (parts[0] === 'practice' ? parts[1] : parts[0]) as FormField;
    if (name in EMPTY_VALUES || name === 'capabilityKey') fields[name] ??= fieldRule(label(name), rule);
    else other.push(`${path}: ${rule}`);
  }
  return { fields, other };
}

export function ModuleFields({
  values,
  errors,
  stages,
  onChange,
}: {
  values: FormValues;
  errors: FormErrors;
  stages: readonly { key: string; name: string }[];
  onChange: (patch: Partial<FormValues>) => void;
}) {
  const text = (
    field: Exclude<keyof FormValues, 'stages' | 'minutes' | 'body'>,
    max: number,
    long = false,
  ) => (
    <Field label={label(field)} hint={t('libraryAdmin.hint.max', { max })} error={errors[field]}>
      {(p) =>
        long ? (
          <textarea
            {...p}
            rows={3}
            value={values[field]}
            onChange={(e) => onChange({ [field]: e.target.value })}
          />
        ) : (
          <input
            {...p}
            type="text"
            value={values[field]}
            onChange={(e) => onChange({ [field]: e.target.value })}
          />
        )
      }
    </Field>
  );
  return (
    <div className="library-form">
      {text('title', LIMITS.title)}
      {text('summary', LIMITS.summary, true)}
      <div className="library-body-row">
        <Field label={label('body')} hint={t('libraryAdmin.hint.body')} error={errors.body}>
          {(p) => (
            <textarea
              {...p}
              className="library-body-input"
              rows={16}
              value={values.body}
              onChange={(e) => onChange({ body: e.target.value })}
            />
          )}
        </Field>
        <Preview body={values.body} />
      </div>
      <fieldset className="fieldset library-practice-fields">
        <legend>{t('libraryAdmin.practice')}</legend>
        <p className="hint">{t('libraryAdmin.hint.practice')}</p>
        {text('action', LIMITS.action)}
        {text('situation', LIMITS.situation)}
        {text('frequency', LIMITS.frequency)}
        {text('signal', LIMITS.signal)}
      </fieldset>
      {text('reflection', LIMITS.reflection, true)}
      <Field
        label={label('minutes')}
        hint={t('libraryAdmin.hint.minutes', { min: MIN_MINUTES, max: MAX_MINUTES })}
        error={errors.minutes}
        className="library-minutes"
      >
        {(p) => (
          <input
            {...p}
            type="text"
            inputMode="numeric"
            value={values.minutes}
            onChange={(e) => onChange({ minutes: e.target.value })}
          />
        )}
      </Field>
      <fieldset
        className="fieldset"
        aria-describedby={errors.stages ? 'library-stages-error' : undefined}
        aria-invalid={errors.stages ? true : undefined}
      >
        <legend>{label('stages')}</legend>
        <p className="hint">{t('libraryAdmin.hint.stages')}</p>
        {errors.stages ? (
          <p id="library-stages-error" className="field-error">
            <span aria-hidden="true">! </span>
            {errors.stages}
          </p>
        ) : null}
        <div className="checkbox-row">
          {stages.map((s) => (
            <div key={s.key} className="checkbox">
              <input
                id={`library-stage-${s.key}`}
                type="checkbox"
                checked={values.stages.includes(s.key)}
                onChange={(e) =>
                  onChange({
                    stages: e.target.checked
                      ? stages.map((x) => x.key).filter((k) => k === s.key || values.stages.includes(k))
                      : values.stages.filter((k) => k !== s.key),
                  })
                }
              />
              <label htmlFor={`library-stage-${s.key}`}>{s.name}</label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

const PREVIEW_PAUSE_MS = 400;

/** The body as participants will see it, rendered by the server a moment after typing stops. */
function Preview({ body }: { body: string }) {
  const preview = usePreview();
  const [html, setHtml] = useState<string | null>(null);
  const { mutateAsync } = preview;
  useEffect(() => {
    const timer = setTimeout(() => {
      mutateAsync(body).then(
        (r) => setHtml(r.html),
        () => setHtml(null),
      );
    }, PREVIEW_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [body, mutateAsync]);
  return (
    <section className="library-preview" aria-labelledby="library-preview-title">
      <h3 id="library-preview-title">{t('libraryAdmin.preview')}</h3>
      {html === null ? (
        <p className="muted">{preview.isError ? t('libraryAdmin.previewFailed') : t('app.loading')}</p>
      ) : (
        <SafeHtml className="library-prose" html={html} />
      )}
    </section>
  );
}
