import { type FormEvent, useRef, useState } from 'react';
import { Link } from 'react-router';
import { t } from '../../i18n/index.ts';
import { Alert, Button, Field, focusFirstInvalid, PageHeading } from '../../ui/components.tsx';
import { errorText, fieldRule, splitFieldErrors } from '../../ui/errors.ts';
import { useRequestPasswordReset } from './queries.ts';
import { looksLikeEmail } from './validation.ts';

export function ForgotPasswordPage() {
  const form = useRef<HTMLFormElement>(null);
  const [email, setEmail] = useState('');
  const requestReset = useRequestPasswordReset();
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const label = t('forgot.email');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setFormError(null);
    const local = !email.trim()
      ? fieldRule(label, t('form.ruleRequired'))
      : looksLikeEmail(email)
        ? undefined
        : fieldRule(label, t('form.ruleEmail'));
    setError(local);
    if (local) {
      focusFirstInvalid(form.current);
      return;
    }
    setBusy(true);
    try {
      await requestReset.mutateAsync(email);
      setSent(true);
    } catch (e) {
      const split = splitFieldErrors(e, { email: label });
      setError(split.fields.email);
      setFormError([errorText(e), ...split.other].join(' '));
      focusFirstInvalid(form.current);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeading title={t('forgot.title')} />
      {sent ? (
        <Alert tone="success">{t('forgot.sent')}</Alert>
      ) : (
        <>
          <p className="lead">{t('forgot.intro')}</p>
          {formError ? <Alert tone="error">{formError}</Alert> : null}
          <form ref={form} onSubmit={submit} noValidate className="stack">
            <Field label={label} error={error}>
              {(props) => (
                <input
                  {...props}
                  type="email"
                  name="email"
                  autoComplete="username"
                  inputMode="email"
                  spellCheck={false}
                  value={email}
                  onChange={(e) => setEmail(e.target.value)}
                />
              )}
            </Field>
            <div className="form-actions">
              <Button type="submit" busy={busy} busyLabel={t('forgot.submitting')} className="button-block">
                {t('forgot.submit')}
              </Button>
            </div>
          </form>
        </>
      )}
      <p className="form-footer">
        <Link to="/sign-in">{t('forgot.back')}</Link>
      </p>
    </>
  );
}
