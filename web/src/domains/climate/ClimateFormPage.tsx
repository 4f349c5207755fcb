// The respondent's form at /rate/climate/:token (the rater page's own small bundle, so it must not
// import the signed-in app): the statements about their leader, each a native radio group on the
// five-point agreement scale, and one submit. No free text, by design (docs/decisions/0022).
import { type FormEvent, useRef, useState } from 'react';
import type { ClimateForm } from '../../../../src/domains/climate/contracts.ts';
import { climateRespondEndpoints } from '../../../../src/domains/climate/respond-endpoints.ts';
import { ApiError, call } from '../../api.ts';
import { formatDate, t } from '../../i18n/index.ts';
import { Alert, Button, LoadError, Loading, PageHeading } from '../../ui/components.tsx';
import { errorText } from '../../ui/errors.ts';
import { useResource } from '../../ui/use-resource.ts';

function linkProblem(error: unknown): string | null {
  if (!(error instanceof ApiError)) return null;
  if (error.status === 410) return t('climate.form.closed');
  if (error.status === 404 || error.status === 400) return t('climate.form.invalid');
  return null;
}

export function ClimateFormPage({ token }: { token: string }) {
  const form = useResource(() => call(climateRespondEndpoints.form, { params: { token } }), [token]);
  if (form.status === 'loading') {
    return (
      <>
        <PageHeading title={t('climate.form.title')} />
        <Loading />
      </>
    );
  }
  if (form.status === 'error') {
    const problem = linkProblem(form.error);
    return (
      <>
        <PageHeading title={t('climate.form.title')} />
        {problem ? (
          <Alert tone="info">{problem}</Alert>
        ) : (
          <LoadError message={errorText(form.error)} onRetry={form.reload} />
        )}
      </>
    );
  }
  if (form.data.status === 'submitted') return <Thanks />;
  return <Questions token={token} form={form.data} />;
}

function Thanks() {
  return (
    <>
      <PageHeading title={t('climate.form.thanks')} focusKey="done" />
      <p>{t('climate.form.thanksBody')}</p>
    </>
  );
}

function Questions({ token, form }: { token: string; form: ClimateForm }) {
  const [answers, setAnswers] = useState<Record<string, number>>({});
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  if (done) return <Thanks />;
  const missing = form.items.filter((i) => answers[i.key] === undefined);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (missing.length) {
      setError(t('climate.form.missing', { count: String(missing.length) }));
      formRef.current?.querySelector<HTMLInputElement>(`input[name="q-${missing[0]!.key}"]`)?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await call(climateRespondEndpoints.submit, {
        params: { token },
        body: { answers: form.items.map((i) => ({ item: i.key, value: answers[i.key]! })) },
      });
      setDone(true);
    } catch (e) {
      setError(linkProblem(e) ?? errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <PageHeading title={t('climate.form.title')} />
      <p>{t('climate.form.intro', { leader: form.leader.name, organisation: form.organisation.name })}</p>
      <p className="muted">{t('climate.form.deadline', { date: formatDate(form.deadline) })}</p>
      <details className="climate-privacy">
        <summary>{t('climate.form.privacy')}</summary>
        <ul>
          {form.privacy.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </details>
      <form ref={formRef} onSubmit={submit} noValidate>
        {form.items.map((item, n) => (
          <fieldset
            key={item.key}
            className={`question${answers[item.key] === undefined ? '' : ' is-answered'}`}
          >
            <legend className="question-text">
              <span className="question-number">{n + 1}.</span> {item.text}
            </legend>
            <div className="options">
              {form.scale.map((option) => {
                const id = `q-${item.key}-${option.value}`;
                return (
                  <label className="option" key={option.value} htmlFor={id}>
                    <input
                      id={id}
                      type="radio"
                      name={`q-${item.key}`}
                      value={option.value}
                      checked={answers[item.key] === option.value}
                      onChange={() => setAnswers((a) => ({ ...a, [item.key]: option.value }))}
                    />
                    <span>{option.label}</span>
                  </label>
                );
              })}
            </div>
          </fieldset>
        ))}
        {error ? <Alert tone="error">{error}</Alert> : null}
        <Button type="submit" busy={busy}>
          {t('climate.form.submit')}
        </Button>
      </form>
    </>
  );
}
