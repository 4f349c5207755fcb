// Form pieces the plan's forms share: a text field whose control has a known id (so the error
// summary can link to it), and the error summary itself, which takes focus after a failed submit
// so keyboard and screen-reader users land on the list of problems, each a link to its field.
import { type ReactNode, type RefObject, useEffect } from 'react';
import { t } from '../../i18n/index.ts';

export interface Problem {
  /** The id of the control the problem is about; empty for problems of the whole form. */
  target: string;
  text: string;
}

export function ErrorSummary({
  title,
  problems,
  message,
  summaryRef,
}: {
  title: string;
  problems: readonly Problem[];
  message?: string | null;
  summaryRef: RefObject<HTMLDivElement | null>;
}) {
  // Rendered only after a failed submit: moving focus here announces it and starts the fix list.
  useEffect(() => {
    summaryRef.current?.focus();
  }, [summaryRef]);
  return (
    <div
      ref={summaryRef}
      tabIndex={-1}
      className="alert alert-error error-summary plan-error-summary"
      role="alert"
    >
      <p>{message ?? title}</p>
      {problems.length ? (
        <ul className="problem-list">
          {problems.map((p) => (
            <li key={`${p.target}:${p.text}`}>
              {p.target ? (
                <a
                  href={`#${p.target}`}
                  onClick={(e) => {
                    e.preventDefault();
                    const control = document.getElementById(p.target);
                    control?.scrollIntoView({ block: 'center' });
                    control?.focus();
                  }}
                >
                  {p.text}
                </a>
              ) : (
                p.text
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** A labelled input or textarea with hint, error and an optional live character count. */
export function TextField({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  multiline,
  required,
  type = 'text',
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  value: string;
  onChange: (value: string) => void;
  multiline?: boolean;
  required?: boolean;
  type?: 'text' | 'date';
  children?: ReactNode;
}) {
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ');
  const common = {
    id,
    value,
    'aria-describedby': describedBy || undefined,
    'aria-invalid': error ? true : undefined,
    'aria-required': required || undefined,
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
          {error}
        </p>
      ) : null}
      {multiline ? (
        <textarea {...common} rows={3} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} type={type} autoComplete="off" onChange={(e) => onChange(e.target.value)} />
      )}
      {children}
    </div>
  );
}

/** The live length rule: the server's limit, checked as the person types. */
export const lengthError = (label: string, value: string, max: number | undefined): string | undefined =>
  max !== undefined && value.length > max
    ? t('plan.rule', { label, rule: t('plan.experiment.tooLong', { max }) })
    : undefined;
