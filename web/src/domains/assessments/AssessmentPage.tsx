// The self-assessment: an intro, then one capability per page (on every screen size: a page holds
// 3–4 short statements, which fit a phone when the options stack), a review of what is still
// unanswered, and submit. The page number lives in the URL (`?page=3`, `?page=review`), so a
// reload, or the browser's Back button, lands on the same question page.
import { useEffect, useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { AssessmentForm } from '../../api.ts';
import { t } from '../../i18n/index.ts';
import { LoadError, Loading, PageHeading } from '../../ui/components.tsx';
import { errorText } from '../../ui/errors.ts';
import { AssessmentIntro } from './AssessmentIntro.tsx';
import { AnswerSaver } from './answer-saver.ts';
import { type Answers, countAnswered, resumeHref, stepOf } from './assessment-steps.ts';
import { Questionnaire } from './Questionnaire.tsx';
import { saveAnswers, useAssessmentStart } from './queries.ts';

export function AssessmentPage() {
  const [query] = useSearchParams();
  const navigate = useNavigate();
  const loaded = useAssessmentStart();
  // After "start" (or "discard"), the page's own answer replaces what was loaded.
  const [override, setOverride] = useState<{ form: AssessmentForm | null } | null>(null);
  const form = override ? override.form : loaded.data ? loaded.data.open : null;
  const open = form?.status === 'open' ? form : null;

  // Answers and their autosave live as long as this page, so going back to the intro and on
  // again keeps them, and leaving the page sends what is still queued.
  const [answers, setAnswers] = useState<{ formId: string; values: Answers } | null>(null);
  const saver = useMemo(
    () => (open ? new AnswerSaver((batch) => saveAnswers(open.id, batch)) : null),
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

  if (!loaded.data) {
    return (
      <section className="narrow">
        <PageHeading title={t('assessment.title')} />
        {loaded.isError ? (
          <LoadError message={errorText(loaded.error)} onRetry={() => void loaded.refetch()} />
        ) : (
          <Loading />
        )}
      </section>
    );
  }
  const values = open && answers?.formId === open.id ? answers.values : (open?.answers ?? {});
  const step = stepOf(query, open?.pages.length ?? 0);
  if (!open || !saver || step.kind === 'intro') {
    return (
      <AssessmentIntro
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
