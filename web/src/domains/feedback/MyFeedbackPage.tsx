// /feedback: the signed-in person's 360s, those waiting for their approval as a manager, and
// reports shared with them. Counts only: who answered is never known outside the server.
import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { formatDate, t } from '../../i18n/index.ts';
import { Alert, Badge, Button, LoadError, Loading, PageHeading } from '../../ui/components.tsx';
import { errorText } from '../../ui/errors.ts';
import type { CampaignSummary } from './feedback-api.ts';
import { STATUS_TONE, statusLabel } from './labels.ts';
import { useMyCampaigns, useRequestOwn } from './queries.ts';
import './feedback.css';

export function MyFeedbackPage() {
  const list = useMyCampaigns();
  const request = useRequestOwn();
  const navigate = useNavigate();

  const requestOwn = () => {
    if (request.isPending || request.isSuccess) return;
    request.mutate(undefined, {
      onSuccess: (campaign) => navigate(`/feedback/${encodeURIComponent(campaign.id)}`),
    });
  };
  // Busy from the request until the page it leads to replaces this one.
  const busy = request.isPending || request.isSuccess;
  const error = request.isError ? errorText(request.error) : null;

  let content: ReactNode;
  if (list.isPending) content = <Loading />;
  else if (list.isError)
    content = <LoadError message={errorText(list.error)} onRetry={() => void list.refetch()} />;
  else {
    const all = list.data.campaigns;
    const mine = all.filter((c) => c.viewerRole === 'subject');
    const approvals = all.filter((c) => c.viewerRole === 'manager' && c.status === 'awaiting_approval');
    const shared = all.filter((c) => c.viewerRole !== 'subject' && !approvals.includes(c));
    const active = mine.some((c) => c.status !== 'released');
    content = (
      <>
        <div className="card feedback-request">
          <h2>{t('feedback.request.title')}</h2>
          <p>{t('feedback.request.body')}</p>
          {active ? (
            <p className="muted">{t('feedback.request.active')}</p>
          ) : (
            <Button busy={busy} busyLabel={t('feedback.request.busy')} onClick={() => void requestOwn()}>
              {t('feedback.request.button')}
            </Button>
          )}
          {error ? <Alert tone="error">{error}</Alert> : null}
        </div>
        {approvals.length ? (
          <CampaignList id="fb-approvals" title={t('feedback.list.approvals')} campaigns={approvals} />
        ) : null}
        <CampaignList
          id="fb-mine"
          title={t('feedback.list.mine')}
          campaigns={mine}
          empty={t('feedback.list.mineEmpty')}
        />
        {shared.length ? (
          <CampaignList id="fb-shared" title={t('feedback.list.shared')} campaigns={shared} />
        ) : null}
      </>
    );
  }

  return (
    <section className="feedback">
      <PageHeading title={t('feedback.title')} />
      <p className="lead">{t('feedback.intro')}</p>
      {content}
    </section>
  );
}

function CampaignList({
  id,
  title,
  campaigns,
  empty,
}: {
  id: string;
  title: string;
  campaigns: CampaignSummary[];
  empty?: string;
}) {
  return (
    <section className="feedback-list" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {campaigns.length === 0 ? <p className="muted">{empty}</p> : null}
      <ul className="campaign-cards">
        {campaigns.map((c) => (
          <li key={c.id} className="card campaign-card">
            <div className="campaign-card-head">
              <Link to={`/feedback/${encodeURIComponent(c.id)}`} className="campaign-card-title">
                {c.viewerRole !== 'subject'
                  ? c.subject.name
                  : c.kind === 'pulse'
                    ? t('pulse.listYours', { date: formatDate(c.createdAt) })
                    : t('feedback.list.yours', { date: formatDate(c.createdAt) })}
              </Link>
              {c.kind === 'pulse' ? <Badge tone="neutral">{t('pulse.label')}</Badge> : null}
              <Badge tone={STATUS_TONE[c.status]}>{statusLabel(c.status)}</Badge>
            </div>
            <p className="muted">
              {t('feedback.list.facts', {
                deadline: formatDate(c.deadline),
                responded: c.progress.responded,
                invited: c.progress.invited,
              })}
            </p>
            {c.reportAvailable ? (
              <Link
                to={`/feedback/${encodeURIComponent(c.id)}/${c.kind === 'pulse' ? 'pulse-report' : 'report'}`}
              >
                {t('feedback.list.report', { name: c.subject.name })}
              </Link>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
