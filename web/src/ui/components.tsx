import { type ComponentPropsWithRef, type ReactNode, useEffect, useId, useRef } from 'react';
import { t } from '../i18n/index.ts';
import { navigationCount } from './navigation.ts';

/**
 * The page's one h1. It sets the document title and, after a client-side navigation, takes focus
 * so screen-reader and keyboard users start at the new content (as a full page load would).
 */
export function PageHeading({
  title,
  children,
  focusKey,
}: {
  title: string;
  children?: ReactNode;
  focusKey?: string;
}) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = t('app.titleSuffix', { page: title });
  }, [title]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: focusKey is the trigger, by design.
  useEffect(() => {
    if (navigationCount() > 0) ref.current?.focus({ preventScroll: false });
  }, [focusKey]);
  return (
    <h1 ref={ref} tabIndex={-1} className="page-heading">
      {children ?? title}
    </h1>
  );
}

type Tone = 'error' | 'success' | 'info';

/** Errors interrupt (role=alert); confirmations and progress are announced politely (role=status). */
export function Alert({ tone, children, id }: { tone: Tone; children: ReactNode; id?: string }) {
  return (
    <div id={id} className={`alert alert-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

export function Loading({ label = t('app.loading') }: { label?: string }) {
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label}
    </p>
  );
}

export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

/**
 * A labelled control with an optional hint and error, wired together with aria-describedby so
 * assistive technology reads the rule with the field.
 */
export function Field({
  label,
  hint,
  error,
  children,
  className,
}: {
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
  children: (props: ControlProps) => ReactNode;
  className?: string;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ');
  return (
    <div className={`field${error ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="field-error">
          <span aria-hidden="true">! </span>
          {error}
        </p>
      ) : null}
      {children({
        id,
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        ...(error ? { 'aria-invalid': true } : {}),
      })}
    </div>
  );
}

/**
 * A submit button that stays focusable while busy (aria-disabled, not disabled), so focus is not
 * thrown back to the page body mid-submit; forms ignore submits while busy.
 */
export function Button({
  busy,
  busyLabel,
  children,
  variant = 'primary',
  className,
  ...rest
}: ComponentPropsWithRef<'button'> & {
  busy?: boolean;
  busyLabel?: string;
  variant?: 'primary' | 'secondary' | 'danger' | 'link';
}) {
  return (
    <button
      type="button"
      {...rest}
      className={`button button-${variant}${className ? ` ${className}` : ''}`}
      aria-disabled={busy || rest['aria-disabled'] ? true : undefined}
    >
      {busy ? (
        <>
          <span className="spinner" aria-hidden="true" />
          {busyLabel ?? children}
        </>
      ) : (
        children
      )}
    </button>
  );
}

/** Moves focus to the first invalid control of a form once its errors are rendered. */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  requestAnimationFrame(() => {
    const invalid = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
    invalid?.focus();
  });
}

export function Badge({
  tone,
  children,
}: {
  tone: 'neutral' | 'positive' | 'warning' | 'negative';
  children: ReactNode;
}) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}

export function LoadError({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <div className="alert alert-error" role="alert">
      <p>{message}</p>
      <Button variant="secondary" onClick={onRetry}>
        {t('loadError.retry')}
      </Button>
    </div>
  );
}

/**
 * A table container that scrolls sideways on narrow screens. It is a labelled region and takes
 * keyboard focus, so keyboard users can scroll it too (WCAG 2.1.1).
 */
export function ScrollTable({
  labelledBy,
  className,
  children,
}: {
  labelledBy: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section
      className={`table-scroll${className ? ` ${className}` : ''}`}
      aria-labelledby={labelledBy}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard.
      tabIndex={0}
    >
      {children}
    </section>
  );
}
