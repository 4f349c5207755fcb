// The self-assessment: an intro, then one capability per page (on every screen size: a page holds
// 3–4 short statements, which fit a phone when the options stack), a review of what is still
// unanswered, and submit. The page number lives in the URL (`?page=3`, `?page=review`), so a
// reload, or the browser's Back button, lands on the same question page.
import { type ReactNode, useEffect, useId, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import {
  ApiError,
  type AssessmentForm,
  api,
  type AssessmentPage as FormPage,
  type History,
} from '../../api.ts';
import { Link, navigate, useLocation } from '../../app/router.tsx';
import { formatDate, t, tn } from '../../i18n/index.ts';
import { Alert, Button, LoadError, Loading, PageHeading } from '../../ui/components.tsx';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { errorText } from '../../ui/errors.ts';
import { ScaleQuestion } from '../../ui/scale-question.tsx';
import { useResource } from '../../ui/use-resource.ts';
import { AnswerSaver, type SaveStatus } from './answer-saver.ts';

const BASE = '/assessment';
const pageHref = (index: number) => `${BASE}?page=${index + 1}`;
const REVIEW_HREF = `${BASE}?page=review`;

type Step = { kind: 'intro' } | { kind: 'page'; index: number } | { kind: 'review' };

function stepOf(query: URLSearchParams, pages: number): Step {
  const page = query.get('page');
  if (page === 'review') return { kind: 'review' };
  const n = Number.parseInt(page ?? '', 10);
  if (!Number.isFinite(n)) return { kind: 'intro' };
  return { kind: 'page', index: Math.min(Math.max(n, 1), Math.max(pages, 1)) - 1 };
}

type Answers = Readonly<Record<string, number | null>>;

const isAnswered = (answers: Answers, key: string) => Object.hasOwn(answers, key);

/** Where to continue: the first page with a question left, or the review when all are answered. */
function resumeHref(form: AssessmentForm): string {
  const index = form.pages.findIndex((p) => p.items.some((item) => !isAnswered(form.answers, item.key)));
  return index === -1 ? REVIEW_HREF : pageHref(index);
}

const notFoundAsNull = (error: unknown) => {
  if (error instanceof ApiError && error.status === 404) return null;
  throw error;
};

const loadStart = () =>
  Promise.all([api.currentAssessment().catch(notFoundAsNull), api.myAssessments()]).then(
    ([open, history]) => ({ open, history }),
  );

export function AssessmentPage() {
  const { query } = useLocation();
  const loaded = useResource(loadStart, []);
  // After "start" (or "discard"), the page's own answer replaces what was loaded.
  const [override, setOverride] = useState<{ form: AssessmentForm | null } | null>(null);
  const form = override ? override.form : loaded.status === 'ready' ? loaded.data.open : null;
  const open = form?.status === 'open' ? form : null;

  // Answers and their autosave live as long as this page, so going back to the intro and on
  // again keeps them, and leaving the page sends what is still queued.
  const [answers, setAnswers] = useState<{ formId: string; values: Answers } | null>(null);
  const saver = useMemo(
    () => (open ? new AnswerSaver((batch) => api.saveAnswers(open.id, batch)) : null),
    [open],
  );
  useEffect(() => {
    if (!saver) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (saver.unsaved) event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      void saver.flush();
    };
  }, [saver]);

  if (loaded.status !== 'ready') {
    return (
      <section className="narrow">
        <PageHeading title={t('assessment.title')} />
        {loaded.status === 'loading' ? (
          <Loading />
        ) : (
          <LoadError message={errorText(loaded.error)} onRetry={loaded.reload} />
        )}
      </section>
    );
  }
  const values = open && answers?.formId === open.id ? answers.values : (open?.answers ?? {});
  const step = stepOf(query, open?.pages.length ?? 0);
  if (!open || !saver || step.kind === 'intro') {
    return (
      <Intro
        open={open}
        answered={open ? countAnswered(open, values) : 0}
        history={loaded.data.history}
        onStarted={(started) => {
          setOverride({ form: started });
          navigate(resumeHref(started));
        }}
        onDiscarded={() => setOverride({ form: null })}
      />
    );
  }
  const answer = (item: string, value: number | null) => {
    setAnswers((a) => ({
      formId: open.id,
      values: { ...(a?.formId === open.id ? a.values : open.answers), [item]: value },
    }));
    saver.set(item, value);
  };
  return <Questionnaire form={open} step={step} answers={values} onAnswer={answer} saver={saver} />;
}

const countAnswered = (form: AssessmentForm, answers: Answers) =>
  form.pages.reduce((n, p) => n + p.items.filter((item) => isAnswered(answers, item.key)).length, 0);

function Intro({
  open,
  answered,
  history,
  onStarted,
  onDiscarded,
}: {
  open: AssessmentForm | null;
  answered: number;
  history: History;
  onStarted: (form: AssessmentForm) => void;
  onDiscarded: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [discarding, setDiscarding] = useState(false);
  const [discardError, setDiscardError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const lastSubmitted = history.items.filter((i) => i.status === 'submitted').at(-1);

  const start = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      // Also when one is open: the server resumes it, and its answer is fresher than ours.
      onStarted(await api.startAssessment());
    } catch (e) {
      setError(errorText(e));
      setBusy(false);
    }
  };

  const discard = async () => {
    if (!open || discarding) return;
    setDiscarding(true);
    setDiscardError(null);
    try {
      await api.discardAssessment(open.id);
      setConfirming(false);
      setNotice(t('assessment.discarded'));
      onDiscarded();
    } catch (e) {
      setDiscardError(errorText(e));
    } finally {
      setDiscarding(false);
    }
  };

  return (
    <section className="narrow assessment-intro">
      <PageHeading title={t('assessment.title')} />
      <p className="lead">{t('assessment.intro.lead')}</p>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      <ul className="intro-facts">
        <li>
          <strong>{t('assessment.intro.whatTitle')}</strong> {t('assessment.intro.what')}
        </li>
        <li>
          <strong>{t('assessment.intro.timeTitle')}</strong> {t('assessment.intro.time')}
        </li>
        <li>
          <strong>{t('assessment.intro.privateTitle')}</strong> {t('assessment.intro.private')}
        </li>
        <li>
          <strong>{t('assessment.intro.resumeTitle')}</strong> {t('assessment.intro.resume')}
        </li>
        <li>
          <strong>{t('assessment.intro.honestTitle')}</strong> {t('assessment.intro.honest')}
        </li>
      </ul>
      {lastSubmitted?.submittedAt && !open ? (
        <p>
          {t('assessment.intro.retake', { date: formatDate(lastSubmitted.submittedAt) })}{' '}
          <Link to="/profile">{t('assessment.intro.seeProfile')}</Link>
        </p>
      ) : null}
      {open ? (
        <p>
          {t('assessment.intro.inProgress', {
            answered,
            total: open.progress.total,
            date: formatDate(open.updatedAt),
          })}
        </p>
      ) : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
      <div className="form-actions">
        <Button busy={busy} busyLabel={t('assessment.starting')} onClick={start}>
          {open
            ? t('assessment.continue')
            : lastSubmitted
              ? t('assessment.startRetake')
              : t('assessment.start')}
        </Button>
        {open ? (
          <Button variant="link" onClick={() => setConfirming(true)}>
            {t('assessment.discard')}
          </Button>
        ) : null}
      </div>
      <ConfirmDialog
        open={confirming}
        title={t('assessment.discardTitle')}
        confirmLabel={t('assessment.discardConfirm')}
        cancelLabel={t('assessment.keep')}
        tone="danger"
        busy={discarding}
        error={discardError}
        onConfirm={discard}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('assessment.discardBody')}</p>
      </ConfirmDialog>
    </section>
  );
}

function Questionnaire({
  form,
  step,
  answers,
  onAnswer,
  saver,
}: {
  form: AssessmentForm;
  step: Exclude<Step, { kind: 'intro' }>;
  answers: Answers;
  onAnswer: (item: string, value: number | null) => void;
  saver: AnswerSaver;
}) {
  const status = useSyncExternalStore(saver.subscribe, saver.getStatus);
  const scales = useMemo(() => new Map(form.responseScales.map((s) => [s.key, s])), [form]);
  const total = form.pages.reduce((n, p) => n + p.items.length, 0);
  const answered = countAnswered(form, answers);

  const go = (href: string) => {
    void saver.flush();
    navigate(href);
  };

  const pages = form.pages.length;
  let heading: ReactNode;
  let body: ReactNode;
  if (step.kind === 'page') {
    const index = step.index;
    const page = form.pages[index]!;
    const first = form.pages.slice(0, index).reduce((n, p) => n + p.items.length, 0) + 1;
    heading = (
      <>
        <p className="eyebrow">
          {t('assessment.eyebrow', { block: page.block.name, page: index + 1, pages })}
        </p>
        <PageHeading
          title={t('assessment.pageTitle', { capability: page.capability.name, page: index + 1, pages })}
          focusKey={`page-${index}`}
        >
          {page.capability.name}
        </PageHeading>
        <p className="lead">{page.capability.description}</p>
      </>
    );
    body = (
      <>
        <div className="questions">
          {page.items.map((item, i) => (
            <ScaleQuestion
              key={item.key}
              numberLabel={t('assessment.questionNumber', { number: first + i })}
              text={item.text}
              itemKey={item.key}
              scale={scales.get(page.responseScale)!}
              value={answers[item.key]}
              onChange={(value) => onAnswer(item.key, value)}
            />
          ))}
        </div>
        {status.state === 'error' ? (
          // A reminder where the person is looking after the last question; the alert above is
          // what screen readers announce, so this one stays silent.
          <p className="save-error-inline">
            {t('assessment.notSavedInline')}{' '}
            <Button variant="link" onClick={() => void saver.flush()}>
              {t('assessment.saveRetry')}
            </Button>
          </p>
        ) : null}
        <div className="form-actions question-nav">
          <Button variant="secondary" onClick={() => go(index === 0 ? BASE : pageHref(index - 1))}>
            <span aria-hidden="true">← </span>
            {t('assessment.back')}
          </Button>
          <Button onClick={() => go(index === pages - 1 ? REVIEW_HREF : pageHref(index + 1))}>
            {index === pages - 1 ? t('assessment.toReview') : t('assessment.next')}
            <span aria-hidden="true"> →</span>
          </Button>
        </div>
      </>
    );
  } else {
    heading = <PageHeading title={t('assessment.reviewTitle')} focusKey="review" />;
    body = <Review form={form} answers={answers} saver={saver} onGo={go} />;
  }

  return (
    <section className="assessment">
      {heading}
      <ProgressPanel
        answered={answered}
        total={total}
        status={status}
        onRetry={() => void saver.flush()}
        showReviewLink={step.kind === 'page'}
        onReview={() => go(REVIEW_HREF)}
      />
      {body}
    </section>
  );
}

function ProgressPanel({
  answered,
  total,
  status,
  onRetry,
  showReviewLink,
  onReview,
}: {
  answered: number;
  total: number;
  status: SaveStatus;
  onRetry: () => void;
  showReviewLink: boolean;
  onReview: () => void;
}) {
  const labelId = useId();
  const countText = t('assessment.progress', { answered, total });
  return (
    <div className="progress-panel">
      <div className="progress-row">
        <span id={labelId} className="progress-label">
          {countText}
        </span>
        <SaveStatusText status={status} />
      </div>
      <progress
        className="progress"
        max={total}
        value={answered}
        aria-labelledby={labelId}
        aria-valuetext={countText}
      />
      {showReviewLink ? (
        <Button variant="link" className="review-link" onClick={onReview}>
          {t('assessment.reviewLink')}
        </Button>
      ) : null}
      {status.state === 'error' ? (
        <div className="alert alert-error save-error" role="alert">
          <p>
            {t('assessment.saveFailed')} {errorText(status.error)}{' '}
            {status.retryInMs !== null
              ? t('assessment.saveRetrying', { seconds: Math.round(status.retryInMs / 1000) })
              : null}
          </p>
          <Button variant="secondary" onClick={onRetry}>
            {t('assessment.saveRetry')}
          </Button>
        </div>
      ) : null}
      {status.state === 'closed' ? (
        <Alert tone="error">
          {t('assessment.closed')} <Link to="/profile">{t('assessment.closedProfile')}</Link>
        </Alert>
      ) : null}
    </div>
  );
}

/** Announced politely after each change; the error itself is a separate alert with a retry button. */
function SaveStatusText({ status }: { status: SaveStatus }) {
  let text = '';
  if (status.state === 'pending' || status.state === 'saving') text = t('assessment.saving');
  else if (status.state === 'saved') text = t('assessment.saved');
  else if (status.state === 'error') text = t('assessment.notSaved');
  else if (status.state === 'idle') text = t('assessment.autosave');
  return (
    <span className={`save-status save-${status.state}`} role="status">
      {status.state === 'saved' ? (
        <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
          <path d="M3 8.5l3 3 7-7" fill="none" stroke="currentColor" strokeWidth="2" />
        </svg>
      ) : null}
      {text}
    </span>
  );
}

function Review({
  form,
  answers,
  saver,
  onGo,
}: {
  form: AssessmentForm;
  answers: Answers;
  saver: AnswerSaver;
  onGo: (href: string) => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const errorRef = useRef<HTMLDivElement>(null);

  const unansweredOf = (page: FormPage) => page.items.filter((item) => !isAnswered(answers, item.key));
  const remaining = form.pages.reduce((n, p) => n + unansweredOf(p).length, 0);

  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  const askToSubmit = () => {
    if (remaining > 0) {
      setError(tn('assessment.review.blocked', remaining, { count: remaining }));
      return;
    }
    setError(null);
    setSubmitError(null);
    setConfirming(true);
  };

  const submit = async () => {
    if (submitting) return;
    setSubmitting(true);
    setSubmitError(null);
    const finalAnswers = await saver.takePending();
    try {
      const profile = await api.submitAssessment(form.id, finalAnswers);
      navigate(`/profile/${profile.assessmentId}?submitted=1`);
    } catch (e) {
      // A refused submit changed nothing on the server: the answers it carried still need saving.
      saver.restore(finalAnswers);
      void saver.flush();
      setSubmitError(errorText(e));
      setSubmitting(false);
    }
  };

  const numberOf = new Map<string, number>();
  let n = 0;
  for (const page of form.pages) for (const item of page.items) numberOf.set(item.key, ++n);

  return (
    <>
      {remaining === 0 ? (
        <Alert tone="success">{t('assessment.review.complete')}</Alert>
      ) : (
        <p className="review-summary">{tn('assessment.review.remaining', remaining, { count: remaining })}</p>
      )}
      <h2 className="review-heading">{t('assessment.review.pages')}</h2>
      <ol className="review-list">
        {form.pages.map((page, index) => {
          const missing = unansweredOf(page);
          return (
            <li key={page.capability.key} className={missing.length ? 'review-incomplete' : undefined}>
              <div className="review-row">
                <Link to={pageHref(index)} onClick={() => void saver.flush()}>
                  {page.capability.name}
                </Link>
                <span className="muted review-count">
                  {t('assessment.review.pageCount', {
                    answered: page.items.length - missing.length,
                    total: page.items.length,
                  })}
                </span>
              </div>
              {missing.length ? (
                <ul className="review-missing">
                  {missing.map((item) => (
                    <li key={item.key}>
                      <span className="visually-hidden">{t('assessment.review.notAnswered')} </span>
                      {t('assessment.questionNumber', { number: numberOf.get(item.key)! })} {item.text}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          );
        })}
      </ol>
      {error ? (
        <div className="alert alert-error" role="alert" tabIndex={-1} ref={errorRef}>
          {error}
        </div>
      ) : null}
      <div className="form-actions question-nav">
        <Button variant="secondary" onClick={() => onGo(pageHref(form.pages.length - 1))}>
          <span aria-hidden="true">← </span>
          {t('assessment.back')}
        </Button>
        <Button onClick={askToSubmit}>{t('assessment.submit')}</Button>
      </div>
      <ConfirmDialog
        open={confirming}
        title={t('assessment.confirmTitle')}
        confirmLabel={t('assessment.confirmSubmit')}
        cancelLabel={t('assessment.keepReviewing')}
        busy={submitting}
        busyLabel={t('assessment.submitting')}
        error={submitError}
        onConfirm={submit}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('assessment.confirmBody')}</p>
      </ConfirmDialog>
    </>
  );
}
