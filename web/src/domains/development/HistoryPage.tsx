// /plan/history and /plan/:id: every plan the person has had (a new one per cycle), and one past
// plan read-only, as it stood when it was closed.
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../api.ts';
import { formatDate, t, tn } from '../../i18n/index.ts';
import { Alert, Badge, LoadError, Loading, PageHeading } from '../../ui/components.tsx';
import { errorText } from '../../ui/errors.ts';
import { FocusCard } from './focus-card.tsx';
import type { PlanSummary } from './plan-api.ts';
import { CommentList } from './plan-comments.tsx';
import { useAlignment, useMyPlans, usePlan } from './queries.ts';
import './development.css';

export function HistoryPage() {
  const mine = useMyPlans();
  let content: ReactNode;
  if (mine.isPending) content = <Loading />;
  else if (mine.isError)
    content = <LoadError message={errorText(mine.error)} onRetry={() => void mine.refetch()} />;
  else {
    const all = [...(mine.data.current ? [mine.data.current] : []), ...mine.data.history];
    content =
      mine.data.history.length === 0 ? (
        <>
          <p className="muted">{t('plan.history.empty')}</p>
          <PlanList plans={all} />
        </>
      ) : (
        <PlanList plans={all} />
      );
  }
  return (
    <section className="plan plan-narrow">
      <p>
        <Link to="/plan">{t('plan.back')}</Link>
      </p>
      <PageHeading title={t('plan.history.title')} />
      <p className="lead">{t('plan.history.intro')}</p>
      {content}
    </section>
  );
}

function PlanList({ plans }: { plans: PlanSummary[] }) {
  if (plans.length === 0) return null;
  return (
    <ul className="plan-cards">
      {plans.map((p) => (
        <li key={p.id} className="card">
          <div className="plan-focus-head">
            <Link
              to={p.status === 'active' ? '/plan' : `/plan/${encodeURIComponent(p.id)}`}
              className="plan-card-title"
            >
              {p.title}
            </Link>
            {p.status === 'active' ? <Badge tone="positive">{t('plan.history.current')}</Badge> : null}
          </div>
          <p className="muted">
            {p.closedAt
              ? t('plan.history.itemClosed', { start: formatDate(p.startedAt), end: formatDate(p.closedAt) })
              : t('plan.history.item', { date: formatDate(p.startedAt) })}
            {' · '}
            {tn('plan.history.focusCount', p.focusAreas, { count: p.focusAreas })}
          </p>
        </li>
      ))}
    </ul>
  );
}

export function PastPlanPage({ id }: { id: string }) {
  const plan = usePlan(id);
  const alignment = useAlignment();
  let content: ReactNode;
  let title = t('plan.history.title');
  if (plan.isPending) content = <Loading />;
  else if (plan.isError)
    content =
      plan.error instanceof ApiError && plan.error.status === 404 ? (
        <Alert tone="error">{t('plan.past.notFound')}</Alert>
      ) : (
        <LoadError message={errorText(plan.error)} onRetry={() => void plan.refetch()} />
      );
  else {
    title = plan.data.title;
    content = (
      <>
        <p className="muted">
          {plan.data.closedAt
            ? t('plan.history.itemClosed', {
                start: formatDate(plan.data.startedAt),
                end: formatDate(plan.data.closedAt),
              })
            : t('plan.history.item', { date: formatDate(plan.data.startedAt) })}
        </p>
        {plan.data.status === 'closed' ? <Alert tone="info">{t('plan.past.readOnly')}</Alert> : null}
        <div className="stack">
          {plan.data.focusAreas.map((f, i) => (
            <FocusCard key={f.id} focus={f} number={i + 1} alignment={alignment.data} readOnly />
          ))}
          <section className="card" aria-labelledby="past-comments">
            <h2 id="past-comments">{t('plan.comments.title')}</h2>
            <CommentList comments={plan.data.comments} />
          </section>
        </div>
      </>
    );
  }
  return (
    <section className="plan">
      <p>
        <Link to="/plan/history">{t('plan.history.title')}</Link>
      </p>
      <PageHeading title={title} />
      {content}
    </section>
  );
}
