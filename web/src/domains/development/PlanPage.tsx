// /plan: the person's current plan at a glance — focus areas with their experiments and practice
// log, who can see it, comments from the manager or coach, and the way to a new plan or history.
// Without a plan: an invitation to start one.
import { type ReactNode, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { formatDate, t } from '../../i18n/index.ts';
import { LoadError, Loading, PageHeading } from '../../ui/components.tsx';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { errorText } from '../../ui/errors.ts';
import { CheckInTasks } from '../checkins/module.tsx';
import { FocusCard } from './focus-card.tsx';
import type { PlanDetail } from './plan-api.ts';
import { CommentList } from './plan-comments.tsx';
import { PlanSharing } from './plan-sharing.tsx';
import { useAlignment, useCurrentPlan } from './queries.ts';
import './development.css';

export function PlanPage() {
  const current = useCurrentPlan();
  let content: ReactNode;
  if (current.isPending) content = <Loading />;
  else if (current.isError)
    content = <LoadError message={errorText(current.error)} onRetry={() => void current.refetch()} />;
  else if (!current.data) content = <EmptyPlan />;
  else content = <CurrentPlan plan={current.data} />;
  return (
    <section className="plan">
      <PageHeading title={t('plan.title')} />
      <p className="lead">{t('plan.intro')}</p>
      {content}
    </section>
  );
}

function EmptyPlan() {
  return (
    <div className="card plan-empty">
      <h2>{t('plan.empty.title')}</h2>
      <p>{t('plan.empty.body')}</p>
      <p>
        <Link className="button button-primary" to="/plan/new">
          {t('plan.empty.start')}
        </Link>
      </p>
      <p>
        <Link to="/plan/history">{t('plan.history')}</Link>
      </p>
    </div>
  );
}

function CurrentPlan({ plan }: { plan: PlanDetail }) {
  const alignment = useAlignment();
  return (
    <>
      <div className="plan-toolbar">
        <p className="muted">
          {t('plan.startedOn', { title: plan.title, date: formatDate(plan.startedAt) })}
        </p>
        <Link to="/plan/history">{t('plan.history')}</Link>
        <Link to="/plan/coaching">{t('plan.nav.coaching')}</Link>
        <NewPlanButton />
      </div>
      <div className="plan-layout">
        <div className="plan-main stack">
          <h2>{t('plan.focusAreas')}</h2>
          {plan.focusAreas.map((f, i) => (
            <FocusCard key={f.id} focus={f} number={i + 1} alignment={alignment.data} />
          ))}
        </div>
        <div className="plan-side stack">
          <PlanSharing plan={plan} />
          <CheckInTasks />
          <section className="card" aria-labelledby="plan-comments-title">
            <h2 id="plan-comments-title">{t('plan.comments.title')}</h2>
            <CommentList comments={plan.comments} />
          </section>
        </div>
      </div>
    </>
  );
}

/**
 * A new plan is started on /plan/new; the confirmation comes first because the current plan then
 * becomes read-only history. Nothing changes until the new plan is submitted there.
 */
function NewPlanButton() {
  const [open, setOpen] = useState(false);
  const navigate = useNavigate();
  return (
    <>
      <button type="button" className="button button-secondary" onClick={() => setOpen(true)}>
        {t('plan.newPlan')}
      </button>
      <ConfirmDialog
        open={open}
        title={t('plan.newPlan.title')}
        confirmLabel={t('plan.newPlan.confirm')}
        cancelLabel={t('plan.cancel')}
        onConfirm={() => {
          setOpen(false);
          navigate('/plan/new');
        }}
        onCancel={() => setOpen(false)}
      >
        <p>{t('plan.newPlan.body')}</p>
      </ConfirmDialog>
    </>
  );
}
