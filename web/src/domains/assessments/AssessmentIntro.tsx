// The self-assessment's first step: what it is, and start, continue or discard.
import { useState } from 'react';
import { Link } from 'react-router';
import type { AssessmentForm, History } from '../../api.ts';
import { formatDate, t } from '../../i18n/index.ts';
import { Alert, Button, PageHeading } from '../../ui/components.tsx';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { errorText } from '../../ui/errors.ts';
import { useDiscardAssessment, useStartAssessment } from './queries.ts';

export function AssessmentIntro({
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
  const starting = useStartAssessment();
  const discarding = useDiscardAssessment();
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const lastSubmitted = history.items.filter((i) => i.status === 'submitted').at(-1);

  // Also when one is open: the server resumes it, and its answer is fresher than ours.
  const start = () => {
    if (!starting.isPending) starting.mutate(undefined, { onSuccess: (form) => onStarted(form) });
  };

  const discard = () => {
    if (!open || discarding.isPending) return;
    discarding.mutate(open.id, {
      onSuccess: () => {
        setConfirming(false);
        setNotice(t('assessment.discarded'));
        onDiscarded();
      },
    });
  };
  const error = starting.isError ? errorText(starting.error) : null;

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
        <Button busy={starting.isPending} busyLabel={t('assessment.starting')} onClick={start}>
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
        busy={discarding.isPending}
        error={discarding.isError ? errorText(discarding.error) : null}
        onConfirm={discard}
        onCancel={() => {
          setConfirming(false);
          discarding.reset();
        }}
      >
        <p>{t('assessment.discardBody')}</p>
      </ConfirmDialog>
    </section>
  );
}
