// The quick practice log: did I do it (yes/no), how it went (1–5, only if I did) and a note.
// Radio groups are fieldsets with legends, so each option is read with its question.
import { type FormEvent, useId, useRef, useState } from 'react';
import { t } from '../../i18n/index.ts';
import { Alert, Button } from '../../ui/components.tsx';
import { errorText, splitFieldErrors } from '../../ui/errors.ts';
import type { Experiment } from './plan-api.ts';
import { useLogPractice } from './queries.ts';

const OUTCOMES = [1, 2, 3, 4, 5] as const;
type Field = 'didIt' | 'outcome' | 'note';

export function PracticeLogForm({ experiment }: { experiment: Experiment }) {
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const log = useLogPractice();
  const [didIt, setDidIt] = useState<boolean | null>(null);
  const [outcome, setOutcome] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const labels: Record<Field, string> = {
    didIt: t('plan.log.didIt'),
    outcome: t('plan.log.outcome'),
    note: t('plan.log.note'),
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (log.isPending) return;
    setMessage(null);
    if (didIt === null) {
      setErrors({ didIt: t('plan.log.didItRequired') });
      form.current?.querySelector<HTMLInputElement>('input[type=radio]')?.focus();
      return;
    }
    setErrors({});
    log.mutate(
      { experimentId: experiment.id, didIt, outcome: didIt ? outcome : null, note: note.trim() || null },
      {
        onSuccess: () => {
          setDidIt(null);
          setOutcome(null);
          setNote('');
          setMessage({ tone: 'success', text: t('plan.log.saved') });
        },
        onError: (error) => {
          const split = splitFieldErrors(error, labels);
          setErrors(split.fields);
          setMessage({ tone: 'error', text: [errorText(error), ...split.other].join(' ') });
          requestAnimationFrame(() =>
            form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
          );
        },
      },
    );
  };

  const error = (field: Field) =>
    errors[field] ? (
      <p id={`${id}-${field}-error`} className="field-error">
        <span aria-hidden="true">! </span>
        {errors[field]}
      </p>
    ) : null;
  const invalid = (field: Field) => (errors[field] ? { 'aria-invalid': true as const } : {});

  return (
    <form ref={form} className="plan-log-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h5 id={`${id}-title`}>
        {t('plan.log.title')}
        <span className="visually-hidden"> — {experiment.action}</span>
      </h5>
      <fieldset
        className={`fieldset${errors.didIt ? ' field-invalid' : ''}`}
        aria-describedby={errors.didIt ? `${id}-didIt-error` : undefined}
      >
        <legend>{labels.didIt}</legend>
        {error('didIt')}
        <div className="radio-row">
          {[true, false].map((value) => (
            <div className="checkbox" key={String(value)}>
              <input
                id={`${id}-did-${value}`}
                type="radio"
                name={`${id}-did`}
                checked={didIt === value}
                onChange={() => setDidIt(value)}
                {...invalid('didIt')}
              />
              <label htmlFor={`${id}-did-${value}`}>{value ? t('plan.log.yes') : t('plan.log.no')}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <fieldset
        className="fieldset"
        disabled={didIt === false}
        aria-describedby={`${id}-outcome-hint${errors.outcome ? ` ${id}-outcome-error` : ''}`}
      >
        <legend>{labels.outcome}</legend>
        <p id={`${id}-outcome-hint`} className="hint">
          {t('plan.log.outcomeHint')}
        </p>
        {error('outcome')}
        <div className="radio-row plan-outcomes">
          {OUTCOMES.map((value) => (
            <div className="checkbox" key={value}>
              <input
                id={`${id}-outcome-${value}`}
                type="radio"
                name={`${id}-outcome`}
                checked={outcome === value}
                onChange={() => setOutcome(value)}
                {...invalid('outcome')}
              />
              <label htmlFor={`${id}-outcome-${value}`}>{t(`plan.log.outcome.${value}`)}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <div className={`field${errors.note ? ' field-invalid' : ''}`}>
        <label htmlFor={`${id}-note`}>{labels.note}</label>
        {error('note')}
        <textarea
          id={`${id}-note`}
          rows={2}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          aria-describedby={errors.note ? `${id}-note-error` : undefined}
          {...invalid('note')}
        />
      </div>
      <div className="form-actions">
        <Button type="submit" variant="secondary" busy={log.isPending} busyLabel={t('form.saving')}>
          {t('plan.log.save')}
        </Button>
      </div>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
    </form>
  );
}
