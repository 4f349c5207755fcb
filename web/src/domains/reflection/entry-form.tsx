// Writing or changing an entry: the text (required), what it is about (one of the person's
// experiments, a library module, or nothing), and mood and energy on 1–5, each optional. Radio
// groups are fieldsets with legends, so each option is read with its question.
import { type FormEvent, useId, useRef, useState } from 'react';
import { ENTRY_BODY_MAX, SCALE_MAX, SCALE_MIN } from '../../../../src/domains/reflection/constants.ts';
import { t } from '../../i18n/index.ts';
import { Alert, Button, focusFirstInvalid } from '../../ui/components.tsx';
import { errorText, fieldRule, splitFieldErrors } from '../../ui/errors.ts';
import { type Entry, type JournalOptions, useCreateEntry, useUpdateEntry } from './queries.ts';

const SCALE = Array.from({ length: SCALE_MAX - SCALE_MIN + 1 }, (_, i) => SCALE_MIN + i);
type Field = 'body' | 'about' | 'mood' | 'energy';

/** The select's value: `e:<id>` an experiment, `m:<id>` a module, '' nothing. */
export const aboutValue = (link: { experimentId?: string | null; moduleId?: string | null }) =>
  link.experimentId ? `e:${link.experimentId}` : link.moduleId ? `m:${link.moduleId}` : '';
const linksOf = (about: string) => ({
  experimentId: about.startsWith('e:') ? about.slice(2) : null,
  moduleId: about.startsWith('m:') ? about.slice(2) : null,
});

export function EntryForm({
  options,
  entry,
  initialAbout = '',
  onDone,
  onCancel,
}: {
  options: JournalOptions;
  /** The entry to change; none writes a new one. */
  entry?: Entry;
  initialAbout?: string;
  onDone(message: string): void;
  onCancel?(): void;
}) {
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const create = useCreateEntry();
  const update = useUpdateEntry();
  const mutation = entry ? update : create;
  const [body, setBody] = useState(entry?.body ?? '');
  const [about, setAbout] = useState(
    entry ? aboutValue({ experimentId: entry.experiment?.id, moduleId: entry.module?.id }) : initialAbout,
  );
  const [mood, setMood] = useState<number | null>(entry?.mood ?? null);
  const [energy, setEnergy] = useState<number | null>(entry?.energy ?? null);
  const [localError, setLocalError] = useState<string | null>(null);
  const labels: Record<Field, string> = {
    body: t('journal.form.body'),
    about: t('journal.form.about'),
    mood: t('journal.form.mood'),
    energy: t('journal.form.energy'),
  };
  // The server names experimentId or moduleId; the form shows both beside its one select.
  const server = splitFieldErrors(mutation.error, {
    ...labels,
    experimentId: labels.about,
    moduleId: labels.about,
  });
  const errors: Partial<Record<Field, string>> = {
    body: localError ?? server.fields.body,
    about: server.fields.experimentId ?? server.fields.moduleId,
    mood: server.fields.mood,
    energy: server.fields.energy,
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (mutation.isPending) return;
    if (!body.trim()) {
      setLocalError(fieldRule(labels.body, t('form.ruleRequired')));
      focusFirstInvalid(form.current);
      return;
    }
    setLocalError(null);
    const values = { body: body.trim(), mood, energy, ...linksOf(about) };
    const done = {
      onSuccess: () => {
        if (!entry) {
          setBody('');
          setAbout('');
          setMood(null);
          setEnergy(null);
        }
        onDone(entry ? t('journal.form.updated') : t('journal.form.saved'));
      },
      onError: () => focusFirstInvalid(form.current),
    };
    if (entry) update.mutate({ id: entry.id, ...values }, done);
    else create.mutate(values, done);
  };

  const describedBy = (field: Field, hint?: string) =>
    [errors[field] ? `${id}-${field}-error` : null, hint ?? null].filter(Boolean).join(' ') || undefined;
  const error = (field: Field) =>
    errors[field] ? (
      <p id={`${id}-${field}-error`} className="field-error">
        <span aria-hidden="true">! </span>
        {errors[field]}
      </p>
    ) : null;
  const invalid = (field: Field) => (errors[field] ? { 'aria-invalid': true as const } : {});
  const current = options.experiments.filter((e) => e.current);
  const past = options.experiments.filter((e) => !e.current);

  const scale = (field: 'mood' | 'energy', value: number | null, set: (v: number | null) => void) => (
    <fieldset
      className="fieldset journal-scale"
      aria-describedby={describedBy(field, `${id}-scale-hint-${field}`)}
    >
      <legend>{labels[field]}</legend>
      <p id={`${id}-scale-hint-${field}`} className="hint">
        {t('journal.form.scaleHint')}
      </p>
      {error(field)}
      <div className="radio-row">
        {[null, ...SCALE].map((n) => (
          <div className="checkbox" key={n ?? 'unset'}>
            <input
              id={`${id}-${field}-${n ?? 'unset'}`}
              type="radio"
              name={`${id}-${field}`}
              checked={value === n}
              onChange={() => set(n)}
              {...invalid(field)}
            />
            <label htmlFor={`${id}-${field}-${n ?? 'unset'}`}>
              {n === null ? t('journal.form.unset') : t(`journal.form.${field}.${n as 1 | 2 | 3 | 4 | 5}`)}
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );

  return (
    <form
      ref={form}
      className={`card stack journal-form${entry ? ' journal-form-edit' : ''}`}
      onSubmit={submit}
      noValidate
      aria-labelledby={`${id}-title`}
    >
      <h2 id={`${id}-title`}>{entry ? t('journal.form.editTitle') : t('journal.form.newTitle')}</h2>
      <div className={`field${errors.body ? ' field-invalid' : ''}`}>
        <label htmlFor={`${id}-body`}>{labels.body}</label>
        <p id={`${id}-body-hint`} className="hint">
          {t('journal.form.bodyHint', { max: ENTRY_BODY_MAX })}
        </p>
        {error('body')}
        <textarea
          id={`${id}-body`}
          rows={entry ? 6 : 5}
          value={body}
          maxLength={ENTRY_BODY_MAX}
          onChange={(e) => setBody(e.target.value)}
          aria-describedby={describedBy('body', `${id}-body-hint ${id}-body-count`)}
          {...invalid('body')}
        />
        <p id={`${id}-body-count`} className="hint journal-count">
          {t('journal.form.count', { count: body.length, max: ENTRY_BODY_MAX })}
        </p>
      </div>
      <div className={`field${errors.about ? ' field-invalid' : ''}`}>
        <label htmlFor={`${id}-about`}>{labels.about}</label>
        {error('about')}
        <select
          id={`${id}-about`}
          value={about}
          onChange={(e) => setAbout(e.target.value)}
          aria-describedby={describedBy('about')}
          {...invalid('about')}
        >
          <option value="">{t('journal.form.aboutNothing')}</option>
          {current.length ? (
            <optgroup label={t('journal.form.experiments')}>
              {current.map((e) => (
                <option key={e.id} value={`e:${e.id}`}>
                  {e.action}
                </option>
              ))}
            </optgroup>
          ) : null}
          {past.length ? (
            <optgroup label={t('journal.form.pastExperiments')}>
              {past.map((e) => (
                <option key={e.id} value={`e:${e.id}`}>
                  {e.action}
                </option>
              ))}
            </optgroup>
          ) : null}
          {options.modules.length ? (
            <optgroup label={t('journal.form.modules')}>
              {options.modules.map((m) => (
                <option key={m.id} value={`m:${m.id}`}>
                  {m.title}
                </option>
              ))}
            </optgroup>
          ) : null}
        </select>
      </div>
      <div className="journal-scales">
        {scale('mood', mood, setMood)}
        {scale('energy', energy, setEnergy)}
      </div>
      {mutation.isError && server.other.length + Object.keys(server.fields).length === 0 ? (
        <Alert tone="error">{errorText(mutation.error)}</Alert>
      ) : server.other.length ? (
        <Alert tone="error">{server.other.join(' ')}</Alert>
      ) : null}
      <div className="form-actions">
        <Button type="submit" busy={mutation.isPending} busyLabel={t('form.saving')}>
          {entry ? t('journal.form.saveChanges') : t('journal.form.save')}
        </Button>
        {onCancel ? (
          <Button variant="secondary" onClick={onCancel}>
            {t('journal.form.cancel')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
