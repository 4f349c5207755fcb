// /plan/shared and /plan/shared/:id: plans people shared with me as their manager or coach, and
// one of them — only what is shared (the server sends nothing else) — with a comment form. When
// the owner stops sharing, the plan answers 404 and the page says it is no longer shared.
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../api.ts';
import { formatDate, t, tn } from '../../i18n/index.ts';
import { Alert, Badge, LoadError, Loading, PageHeading } from '../../ui/components.tsx';
import { errorText } from '../../ui/errors.ts';
import { FocusCard } from './focus-card.tsx';
import { CommentForm, CommentList } from './plan-comments.tsx';
import { useAlignment, usePlan, useSharedWithMe } from './queries.ts';
import './development.css';

export function SharedListPage() {
  const shared = useSharedWithMe();
  let content: ReactNode;
  if (shared.isPending) content = <Loading />;
  else if (shared.isError)
    content = <LoadError message={errorText(shared.error)} onRetry={() => void shared.refetch()} />;
  else if (shared.data.plans.length === 0)
    content = (
      <div className="card plan-empty">
        <p>{t('plan.shared.empty')}</p>
      </div>
    );
  else
    content = (
      <ul className="plan-cards">
        {shared.data.plans.map((p) => (
          <li key={p.id} className="card">
            <div className="plan-focus-head">
              <Link className="plan-card-title" to={`/plan/shared/${encodeURIComponent(p.id)}`}>
                {t('plan.shared.open', { name: p.owner.name, title: p.title })}
              </Link>
              <Badge tone="neutral">{t(`plan.shared.as.${p.relation}`)}</Badge>
              {p.status === 'closed' ? <Badge tone="neutral">{t('plan.shared.closed')}</Badge> : null}
            </div>
            <p className="muted">{t('plan.history.item', { date: formatDate(p.startedAt) })}</p>
            <p>
              {p.whole
                ? t('plan.shared.whole')
                : tn('plan.shared.some', p.sharedFocusAreas, { count: p.sharedFocusAreas })}
            </p>
          </li>
        ))}
      </ul>
    );
  return (
    <section className="plan plan-narrow">
      <PageHeading title={t('plan.shared.title')} />
      <p className="lead">{t('plan.shared.intro')}</p>
      {content}
      <p>
        <Link to="/plan/coaching">{t('plan.nav.coaching')}</Link>
      </p>
    </section>
  );
}

export function SharedPlanPage({ id }: { id: string }) {
  const plan = usePlan(id);
  const shared = useSharedWithMe();
  const alignment = useAlignment();
  let content: ReactNode;
  let title = t('plan.shared.title');
  if (plan.isPending) content = <Loading />;
  else if (plan.isError)
    content =
      plan.error instanceof ApiError && plan.error.status === 404 ? (
        <Alert tone="info">{t('plan.shared.notFound')}</Alert>
      ) : (
        <LoadError message={errorText(plan.error)} onRetry={() => void plan.refetch()} />
      );
  else {
    const data = plan.data;
    title = t('plan.shared.planOf', { name: data.owner.name });
    const entry = shared.data?.plans.find((p) => p.id === id);
    const whole = entry?.whole ?? false;
    content = (
      <>
        <p className="muted">
          {data.title} · {t('plan.history.item', { date: formatDate(data.startedAt) })}
        </p>
        {entry && !whole ? (
          <Alert tone="info">{t('plan.shared.partial', { name: data.owner.name })}</Alert>
        ) : null}
        <div className="stack">
          {data.focusAreas.map((f, i) => (
            <FocusCard key={f.id} focus={f} number={i + 1} alignment={alignment.data} readOnly />
          ))}
          <section className="card stack" aria-labelledby="shared-comments">
            <h2 id="shared-comments">{t('plan.comments.title')}</h2>
            <CommentList comments={data.comments} />
            <CommentForm
              planId={data.id}
              owner={data.owner.name}
              focusAreas={data.focusAreas}
              whole={whole}
            />
          </section>
        </div>
      </>
    );
  }
  return (
    <section className="plan">
      <p>
        <Link to="/plan/shared">{t('plan.shared.back')}</Link>
      </p>
      <PageHeading title={title} />
      {content}
    </section>
  );
}
