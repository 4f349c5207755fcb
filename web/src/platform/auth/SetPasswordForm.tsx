import { type FormEvent, useId, useRef, useState } from 'react';
import { ApiError, type Viewer } from '../../api.ts';
import { t } from '../../i18n/index.ts';
import { Alert, Button, Field, focusFirstInvalid } from '../../ui/components.tsx';
import { errorText, splitFieldErrors } from '../../ui/errors.ts';
import { MIN_PASSWORD_LENGTH } from './validation.ts';

interface Props {
  email?: string;
  passwordLabel: string;
  confirmLabel: string;
  submitLabel: string;
  busyLabel: string;
  save(password: string): Promise<Viewer>;
  done(viewer: Viewer): void;
  /** Shown instead of the form once the server says the link is no longer valid. */
  onExpired(): void;
}

/** Choose-a-password form shared by invitations and password resets. */
export function SetPasswordForm(props: Props) {
  const form = useRef<HTMLFormElement>(null);
  const showId = useId();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [show, setShow] = useState(false);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<{ password?: string | undefined; confirm?: string | undefined }>({});
  const [formError, setFormError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const local: typeof errors = {};
    if (password.length < MIN_PASSWORD_LENGTH) local.password = t('form.passwordTooShort');
    if (confirm !== password) local.confirm = t('form.passwordMismatch');
    setErrors(local);
    setFormError(null);
    if (Object.keys(local).length) {
      setFormError(t('form.fixErrors'));
      focusFirstInvalid(form.current);
      return;
    }
    setBusy(true);
    try {
      props.done(await props.save(password));
    } catch (error) {
      setBusy(false);
      // A used, expired or mangled link cannot succeed however often the form is sent.
      if (error instanceof ApiError && (error.status === 410 || error.fields.token)) {
        props.onExpired();
        return;
      }
      const split = splitFieldErrors(error, { password: t('form.password') });
      setErrors({ password: split.fields.password });
      setFormError([errorText(error), ...split.other].join(' '));
      focusFirstInvalid(form.current);
    }
  };

  return (
    <form ref={form} onSubmit={submit} noValidate className="stack">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      {props.email ? (
        // Lets password managers store the new password against the right account.
        <input type="email" name="username" autoComplete="username" value={props.email} readOnly hidden />
      ) : null}
      <Field label={props.passwordLabel} hint={t('form.passwordHint')} error={errors.password}>
        {(p) => (
          <input
            {...p}
            type={show ? 'text' : 'password'}
            name="new-password"
            autoComplete="new-password"
            minLength={MIN_PASSWORD_LENGTH}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        )}
      </Field>
      <Field label={props.confirmLabel} error={errors.confirm}>
        {(p) => (
          <input
            {...p}
            type={show ? 'text' : 'password'}
            name="confirm-password"
            autoComplete="new-password"
            value={confirm}
            onChange={(e) => setConfirm(e.target.value)}
          />
        )}
      </Field>
      <div className="checkbox">
        <input id={showId} type="checkbox" checked={show} onChange={(e) => setShow(e.target.checked)} />
        <label htmlFor={showId}>{t('form.showPassword')}</label>
      </div>
      <div className="form-actions">
        <Button type="submit" busy={busy} busyLabel={props.busyLabel} className="button-block">
          {props.submitLabel}
        </Button>
      </div>
    </form>
  );
}
