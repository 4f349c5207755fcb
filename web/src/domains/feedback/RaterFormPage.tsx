// The rater form at /rate/:token: what most people ever see of Lodestar, often on a phone and with
// no account. It is its own small bundle (web/rate.html), so it must not import the signed-in app.
// All statements are on one page, grouped by capability: nothing to navigate, so it works by
// keyboard alone (Tab between statements, arrow keys within one) and resumes where it was left.
import { useEffect, useId, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { raterEndpoints } from '../../../../src/domains/feedback/rater-endpoints.ts';
import { ApiError, call } from '../../api.ts';
import { formatDate, t, tn } from '../../i18n/index.ts';
import { Alert, Button, LoadError, Loading, PageHeading } from '../../ui/components.tsx';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { errorText } from '../../ui/errors.ts';
import { ScaleQuestion } from '../../ui/scale-question.tsx';
import { useResource } from '../../ui/use-resource.ts';
import type { RaterForm } from './feedback-api.ts';
import { groupInSentence } from './labels.ts';
import { RaterSaver, type SaveState } from './rater-saver.ts';

type Answers = Record<string, number | null>;
type Done = 'submitted' | 'declined';

function linkProblem(error: unknown): string | null {
  if (!(error instanceof ApiError)) return null;
  if (error.code === 'link_closed' || error.status === 410) return t('rate.linkClosed');
  if (error.code === 'link_invalid' || error.status === 404 || error.status === 400)
    return t('rate.linkInvalid');
  return null;
}

export function RaterFormPage({ token }: { token: string }) {
  const form = useResource(() => call(raterEndpoints.form, { params: { token } }), [token]);
  if (form.status === 'loading') {
    return (
      <>
        <PageHeading title={t('rate.title')} />
        <Loading />
      </>
    );
  }
  if (form.status === 'error') {
    const problem = linkProblem(form.error);
    return (
      <>
        <PageHeading title={t('rate.title')} />
        {problem ? (
          <Alert tone="info">{problem}</Alert>
        ) : (
          <LoadError message={errorText(form.error)} onRetry={form.reload} />
        )}
      </>
    );
  }
  if (form.data.status !== 'invited') return <Finished form={form.data} done={form.data.status} />;
  return <Questionnaire token={token} form={form.data} />;
}

function Finished({ form, done }: { form: RaterForm; done: Done }) {
  const title = done === 'submitted' ? t('rate.thanksTitle') : t('rate.declinedTitle');
  return (
    <>
      <PageHeading title={title} focusKey={done} />
      <p>
        {done === 'submitted'
          ? t('rate.thanksBody', { subject: form.subject.name })
          : t('rate.declinedBody', { subject: form.subject.name })}
      </p>
      <p className="muted">{t('rate.closeTab')}</p>
    </>
  );
}

function Questionnaire({ token, form }: { token: string; form: RaterForm }) {
  const [answers, setAnswers] = useState<Answers>(() => ({ ...form.answers }));
  const [comments, setComments] = useState(() => ({ ...form.comments }));
  const [done, setDone] = useState<Done | null>(null);
  const [asking, setAsking] = useState<'submit' | 'decline' | null>(null);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const [missingError, setMissingError] = useState<string | null>(null);
  const missingRef = useRef<HTMLDivElement>(null);

  const saver = useMemo(
    () => new RaterSaver((body) => call(raterEndpoints.save, { params: { token }, body })),
    [token],
  );
  useEffect(() => () => saver.dispose(), [saver]);
  const saveState = useSyncExternalStore(saver.subscribe, saver.getState);

  // Leaving with unsaved answers: the browser asks first, as it would for any unsaved form.
  useEffect(() => {
    const onLeave = (event: BeforeUnloadEvent) => {
      const s = saver.getState().state;
      if (s === 'pending' || s === 'saving' || s === 'error') event.preventDefault();
    };
    window.addEventListener('beforeunload', onLeave);
    return () => window.removeEventListener('beforeunload', onLeave);
  }, [saver]);

  useEffect(() => {
    if (missingError) missingRef.current?.focus();
  }, [missingError]);

  const scales = useMemo(() => new Map(form.responseScales.map((s) => [s.key, s])), [form.responseScales]);
  const items = form.pages.flatMap((p) => p.items);
  const total = items.length;
  const answered = items.filter((i) => answers[i.key] !== undefined).length;
  const firstMissing = items.find((i) => answers[i.key] === undefined);
  const cantSay = form.responseScales[0]?.cantSay ?? '';

  if (done) return <Finished form={form} done={done} />;

  const choose = (item: string, value: number | null) => {
    setAnswers((a) => ({ ...a, [item]: value }));
    saver.answer(item, value);
    if (missingError) setMissingError(null);
  };
  const write = (key: RaterForm['openQuestions'][number]['key'], text: string) => {
    setComments((c) => ({ ...c, [key]: text }));
    saver.comment(key, text);
  };

  const askToSubmit = () => {
    setActionError(null);
    if (firstMissing) {
      const remaining = total - answered;
      setMissingError(tn('rate.missing', remaining, { count: remaining }));
      return;
    }
    setAsking('submit');
  };

  const finish = async (kind: 'submit' | 'decline') => {
    if (busy) return;
    setBusy(true);
    setActionError(null);
    await saver.settle();
    const pending = saver.take();
    try {
      if (kind === 'submit') {
        await call(raterEndpoints.submit, {
          params: { token },
          body: {
            answers: pending.answers,
            ...(Object.keys(pending.comments).length ? { comments: pending.comments } : {}),
          },
        });
      } else {
        await call(raterEndpoints.decline, { params: { token } });
      }
      saver.dispose();
      setAsking(null);
      setDone(kind === 'submit' ? 'submitted' : 'declined');
    } catch (e) {
      // Refused: nothing was recorded, so the changes it carried still need saving.
      saver.restore(pending);
      void saver.flush();
      setActionError(errorText(e));
      setBusy(false);
    }
  };

  const goToMissing = () => {
    if (!firstMissing) return;
    const input = document.querySelector<HTMLInputElement>(`input[name="q-${CSS.escape(firstMissing.key)}"]`);
    input?.focus();
    input?.scrollIntoView({ block: 'center' });
  };

  let number = 0;
  return (
    <>
      <PageHeading title={t('rate.heading', { subject: form.subject.name })} />
      <p className="lead">
        {t('rate.intro', {
          organisation: form.organisation.name,
          subject: form.subject.name,
          group: groupInSentence(form.group),
        })}
      </p>
      <ul className="rate-facts">
        <li>{tn('rate.length', total, { count: total, minutes: Math.max(3, Math.round(total / 5)) })}</li>
        <li>{t('rate.deadline', { date: formatDate(form.deadline) })}</li>
        <li>{t('rate.autosaveFact')}</li>
      </ul>
      {form.progress.answered > 0 ? <Alert tone="info">{t('rate.resumed')}</Alert> : null}

      <Privacy form={form} cantSay={cantSay} />

      <div className="rate-progress">
        <div className="progress-row">
          <span id="rate-progress-label" className="progress-label">
            {t('rate.progress', { answered, total })}
          </span>
          <SaveStatus state={saveState} onRetry={() => void saver.flush()} />
        </div>
        <progress className="progress" max={total} value={answered} aria-labelledby="rate-progress-label" />
      </div>

      <form
        className="rate-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          askToSubmit();
        }}
      >
        {form.pages.map((page) => {
          const scale = scales.get(page.responseScale) ?? form.responseScales[0]!;
          const headingId = `cap-${page.capability.key}`;
          return (
            <section key={page.capability.key} className="rate-section" aria-labelledby={headingId}>
              <h2 id={headingId}>{page.capability.name}</h2>
              <div className="questions">
                {page.items.map((item) => {
                  number += 1;
                  return (
                    <ScaleQuestion
                      key={item.key}
                      numberLabel={t('rate.number', { number })}
                      itemKey={item.key}
                      text={item.text}
                      scale={scale}
                      value={answers[item.key]}
                      onChange={(value) => choose(item.key, value)}
                    />
                  );
                })}
              </div>
            </section>
          );
        })}

        <section className="rate-section" aria-labelledby="rate-open">
          <h2 id="rate-open">{t('rate.openTitle')}</h2>
          <p className="hint">{t('rate.openHint', { count: form.privacy.commentMinimum })}</p>
          <div className="card rate-open">
            {form.openQuestions.map((q) => (
              <OpenQuestion
                key={q.key}
                label={q.text}
                value={comments[q.key] ?? ''}
                onChange={(text) => write(q.key, text)}
              />
            ))}
          </div>
        </section>

        {missingError ? (
          <div ref={missingRef} tabIndex={-1} className="alert alert-error" role="alert">
            <p>{missingError}</p>
            <Button variant="secondary" onClick={goToMissing}>
              {t('rate.goToMissing')}
            </Button>
          </div>
        ) : null}
        {actionError && !asking ? <Alert tone="error">{actionError}</Alert> : null}

        <div className="form-actions rate-actions">
          <Button type="submit">{t('rate.submit')}</Button>
          <Button variant="link" onClick={() => setAsking('decline')}>
            {t('rate.decline')}
          </Button>
        </div>
      </form>

      <ConfirmDialog
        open={asking === 'submit'}
        title={t('rate.confirmTitle')}
        confirmLabel={t('rate.confirmSubmit')}
        cancelLabel={t('rate.keepEditing')}
        busy={busy}
        busyLabel={t('rate.submitting')}
        error={asking === 'submit' ? actionError : null}
        onConfirm={() => void finish('submit')}
        onCancel={() => setAsking(null)}
      >
        <p>{t('rate.confirmBody', { subject: form.subject.name })}</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={asking === 'decline'}
        title={t('rate.declineTitle')}
        confirmLabel={t('rate.declineConfirm')}
        cancelLabel={t('rate.keepEditing')}
        busy={busy}
        error={asking === 'decline' ? actionError : null}
        tone="danger"
        onConfirm={() => void finish('decline')}
        onCancel={() => setAsking(null)}
      >
        <p>{t('rate.declineBody', { subject: form.subject.name })}</p>
      </ConfirmDialog>
    </>
  );
}

/** The privacy promise, worded from the same settings the server's disclosure module enforces. */
function Privacy({ form, cantSay }: { form: RaterForm; cantSay: string }) {
  const { privacy, subject, group } = form;
  const m = privacy.minimumByGroup;
  const own = group === 'manager' ? null : m[group];
  return (
    <section className="card rate-privacy" aria-labelledby="rate-privacy">
      <h2 id="rate-privacy">{t('rate.privacy.title')}</h2>
      <ul>
        <li>{t('rate.privacy.anonymous', { subject: subject.name })}</li>
        {own !== null ? (
          <li>
            {t('rate.privacy.yourGroup', { group: groupInSentence(group), count: own })}{' '}
            {t('rate.privacy.minimums', { peers: m.peers, reports: m.direct_reports, others: m.others })}
          </li>
        ) : null}
        <li>
          {privacy.managerShownSeparately
            ? group === 'manager'
              ? t('rate.privacy.youManagerShown', { subject: subject.name })
              : t('rate.privacy.managerShown')
            : group === 'manager'
              ? t('rate.privacy.youManagerHidden')
              : t('rate.privacy.managerHidden')}
        </li>
        <li>{t('rate.privacy.comments', { count: privacy.commentMinimum })}</li>
        <li>{t('rate.privacy.who', { subject: subject.name })}</li>
        {cantSay ? <li>{t('rate.privacy.cantSay', { cantSay })}</li> : null}
      </ul>
    </section>
  );
}

function SaveStatus({ state, onRetry }: { state: SaveState; onRetry: () => void }) {
  // Only the outcome is announced ("Saved", or a failure); "Saving…" on every click would be noise.
  const announced =
    state.state === 'saved'
      ? t('rate.saved')
      : state.state === 'error'
        ? t('rate.saveFailed')
        : state.state === 'closed'
          ? (linkProblem(state.error) ?? errorText(state.error))
          : '';
  return (
    <span className="save-status">
      {state.state === 'pending' || state.state === 'saving' ? (
        <span aria-hidden="true">{t('rate.saving')}</span>
      ) : null}
      <span role="status" className={state.state === 'saved' ? 'save-saved' : 'text-error'}>
        {announced}
      </span>
      {state.state === 'error' ? (
        <Button variant="link" onClick={onRetry}>
          {t('rate.saveRetry')}
        </Button>
      ) : null}
    </span>
  );
}

const MAX_COMMENT = 2000;

function OpenQuestion({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (text: string) => void;
}) {
  const id = useId();
  const left = MAX_COMMENT - value.length;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <p id={`${id}-hint`} className="hint">
        {t('rate.openLimit', { count: left })}
      </p>
      <textarea
        id={id}
        rows={4}
        maxLength={MAX_COMMENT}
        aria-describedby={`${id}-hint`}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}
