// /feedback: the signed-in person's 360s, those waiting for their approval as a manager, and
// reports shared with them. Counts only: who answered is never known outside the server.
import { type ReactNode, useState } from 'react';
import { Link, navigate } from '../../app/router.tsx';
import { formatDate, t } from '../../i18n/index.ts';
import { Alert, Badge, Button, LoadError, Loading, PageHeading } from '../../ui/components.tsx';
import { errorText } from '../../ui/errors.ts';
import { useResource } from '../../ui/use-resource.ts';
import { type CampaignSummary, feedbackApi } from './feedback-api.ts';
import { STATUS_TONE, statusLabel } from './labels.ts';
import './feedback.css';

export function MyFeedbackPage() {
  const list = useResource(() => feedbackApi.campaigns(), []);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const requestOwn = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const campaign = await feedbackApi.requestOwn();
      navigate(`/feedback/${encodeURIComponent(campaign.id)}`);
    } catch (e) {
      setError(errorText(e));
      setBusy(false);
    }
  };

  let content: ReactNode;
  if (list.status === 'loading') content = <Loading />;
  else if (list.status === 'error')
    content = <LoadError message={errorText(list.error)} onRetry={list.reload} />;
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
                {c.viewerRole === 'subject'
                  ? t('feedback.list.yours', { date: formatDate(c.createdAt) })
                  : c.subject.name}
              </Link>
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
              <Link to={`/feedback/${encodeURIComponent(c.id)}/report`}>
                {t('feedback.list.report', { name: c.subject.name })}
              </Link>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
