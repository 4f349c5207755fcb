import { type FormEvent, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../../api.ts';
import { useSession } from '../../app/session.tsx';
import { t } from '../../i18n/index.ts';
import { Alert, Button, Field, focusFirstInvalid, PageHeading } from '../../ui/components.tsx';
import { errorText, fieldRule, splitFieldErrors } from '../../ui/errors.ts';
import { useLogin } from './queries.ts';
import { looksLikeEmail } from './validation.ts';

type FieldName = 'email' | 'password' | 'organisation';

export function SignInPage() {
  const session = useSession();
  const [query] = useSearchParams();
  const login = useLogin();
  const form = useRef<HTMLFormElement>(null);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [organisationChoices, setOrganisationChoices] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const labels: Record<FieldName, string> = {
    email: t('signIn.email'),
    password: t('signIn.password'),
    organisation: t('signIn.organisation'),
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const local: Partial<Record<FieldName, string>> = {};
    if (!email.trim()) local.email = fieldRule(labels.email, t('form.ruleRequired'));
    else if (!looksLikeEmail(email)) local.email = fieldRule(labels.email, t('form.ruleEmail'));
    if (!password) local.password = fieldRule(labels.password, t('form.ruleRequired'));
    if (organisationChoices !== null && !organisation.trim()) {
      local.organisation = fieldRule(labels.organisation, t('form.ruleRequired'));
    }
    setErrors(local);
    setFormError(null);
    if (Object.keys(local).length) {
      setFormError(t('form.fixErrors'));
      focusFirstInvalid(form.current);
      return;
    }
    setBusy(true);
    try {
      const me = await login.mutateAsync({
        email,
        password,
        ...(organisationChoices !== null ? { organisation: organisation.trim() } : {}),
      });
      session.signedIn(me, query.get('next'));
    } catch (error) {
      setBusy(false);
      if (error instanceof ApiError && error.code === 'organisation_required') {
        // The choices come as "one of: a, b" in the field message; show them as the hint.
        setOrganisationChoices(error.fields.organisation?.replace(/^one of:\s*/, '') ?? '');
        setFormError(errorText(error));
        return;
      }
      const split = splitFieldErrors(error, labels);
      setErrors(split.fields);
      setFormError([errorText(error), ...split.other].join(' '));
      focusFirstInvalid(form.current);
    }
  };

  return (
    <>
      <PageHeading title={t('signIn.title')} />
      <p className="lead">{t('signIn.intro')}</p>
      {query.get('expired') && !formError ? <Alert tone="info">{t('signIn.expired')}</Alert> : null}
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <form ref={form} onSubmit={submit} noValidate className="stack">
        <Field label={labels.email} error={errors.email}>
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
        <Field label={labels.password} error={errors.password}>
          {(props) => (
            <input
              {...props}
              type="password"
              name="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        {organisationChoices !== null ? (
          <Field
            label={labels.organisation}
            hint={t('signIn.organisationHint', { choices: organisationChoices })}
            error={errors.organisation}
          >
            {(props) => (
              <input
                {...props}
                type="text"
                name="organisation"
                autoComplete="organization"
                spellCheck={false}
                value={organisation}
                onChange={(e) => setOrganisation(e.target.value)}
              />
            )}
          </Field>
        ) : null}
        <div className="form-actions">
          <Button type="submit" busy={busy} busyLabel={t('signIn.submitting')} className="button-block">
            {t('signIn.submit')}
          </Button>
        </div>
      </form>
      <p className="form-footer">
        <Link to="/forgot-password">{t('signIn.forgot')}</Link>
      </p>
    </>
  );
}
