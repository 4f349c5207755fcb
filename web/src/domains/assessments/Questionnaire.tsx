// The questionnaire: one capability per page, the autosave's progress, and the review before submit.
import { type ReactNode, useEffect, useId, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { Link, useNavigate } from 'react-router';
import type { AssessmentForm, AssessmentPage as FormPage } from '../../api.ts';
import { t, tn } from '../../i18n/index.ts';
import { Alert, Button, PageHeading } from '../../ui/components.tsx';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { errorText } from '../../ui/errors.ts';
import { ScaleQuestion } from '../../ui/scale-question.tsx';
import type { AnswerSaver, SaveStatus } from './answer-saver.ts';
import {
  type Answers,
  BASE,
  countAnswered,
  isAnswered,
  pageHref,
  REVIEW_HREF,
  type Step,
} from './assessment-steps.ts';
import { useSubmitAssessment } from './queries.ts';

export function Questionnaire({
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

  const navigate = useNavigate();
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
  const submission = useSubmitAssessment();
  const navigate = useNavigate();
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
      const profile = await submission.mutateAsync({ id: form.id, answers: finalAnswers });
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
