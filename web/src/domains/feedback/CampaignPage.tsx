// /feedback/:id: one 360. The subject nominates raters by group and sends the list to their
// manager; the manager approves it (editing if needed); then status, deadline and response counts,
// with close / reopen / release / a deadline change as the server allows (`can`). The server decides every permission;
// the page only hides buttons that would be refused.
import { type ReactNode, useId, useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../api.ts';
import { formatDate, t } from '../../i18n/index.ts';
import { Alert, Badge, Button, LoadError, Loading, PageHeading } from '../../ui/components.tsx';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { errorText } from '../../ui/errors.ts';
import { endOfDay } from './campaign-dates.ts';
import { DeadlineForm, NominationList, Progress } from './campaign-progress.tsx';
import type { CampaignDetail } from './feedback-api.ts';
import { STATUS_TONE, statusLabel } from './labels.ts';
import { NominationEditor, ShownError } from './nomination-editor.tsx';
import {
  useApproveNominations,
  useCampaign,
  useCloseCampaign,
  useReleaseReport,
  useReopenCampaign,
  useSubmitNominations,
} from './queries.ts';
import './feedback.css';

export function CampaignPage({ id }: { id: string }) {
  const campaign = useCampaign(id);
  // Kept here, not in the view: a status change remounts the view, and its confirmation must survive.
  const [notice, setNotice] = useState<string | null>(null);
  let title = t('campaign.title');
  let content: ReactNode;
  if (campaign.isPending) content = <Loading />;
  else if (campaign.isError) {
    const missing = campaign.error instanceof ApiError && [400, 403, 404].includes(campaign.error.status);
    content = missing ? (
      <Alert tone="error">{t('campaign.notFound')}</Alert>
    ) : (
      <LoadError message={errorText(campaign.error)} onRetry={() => void campaign.refetch()} />
    );
  } else {
    // Actions answer with the updated campaign, which replaces the cached one (queries.ts).
    const detail = campaign.data;
    const pulse = detail.kind === 'pulse';
    title =
      detail.viewerRole === 'subject'
        ? pulse
          ? t('pulseReport.titleOwn')
          : t('campaign.titleOwn')
        : pulse
          ? t('pulseReport.titleFor', { name: detail.subject.name })
          : t('campaign.titleFor', { name: detail.subject.name });
    content = (
      <>
        {notice ? <Alert tone="success">{notice}</Alert> : null}
        <CampaignView key={detail.status} campaign={detail} onNotice={setNotice} />
      </>
    );
  }
  return (
    <section className="feedback">
      <p className="breadcrumb">
        <Link to="/feedback">
          <span aria-hidden="true">← </span>
          {t('campaign.back')}
        </Link>
      </p>
      <PageHeading title={title} />
      {content}
    </section>
  );
}

/** The campaign's state and what the viewer may do with it; `onNotice` reports what an action did. */
function CampaignView({
  campaign,
  onNotice,
}: {
  campaign: CampaignDetail;
  onNotice: (notice: string | null) => void;
}) {
  const submit = useSubmitNominations(campaign.id);
  const approve = useApproveNominations(campaign.id);
  const close = useCloseCampaign(campaign.id);
  const reopen = useReopenCampaign(campaign.id);
  const release = useReleaseReport(campaign.id);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirmRelease, setConfirmRelease] = useState(false);
  const [reopenDay, setReopenDay] = useState('');
  const reopenId = useId();
  const { can } = campaign;

  const act = async (name: string, run: () => Promise<CampaignDetail>, done: string) => {
    if (busy) return;
    setBusy(name);
    setError(null);
    try {
      await run();
      setConfirmRelease(false);
      onNotice(done);
    } catch (e) {
      // The list editor already showed a refused list beside its rows: say it once, not twice.
      if (!(e instanceof ShownError)) setError(errorText(e));
    } finally {
      setBusy(null);
    }
  };

  const editing =
    can.editNominations && (campaign.status === 'nominating' || campaign.status === 'awaiting_approval');
  const pulse = campaign.kind === 'pulse';

  return (
    <>
      <div className="campaign-status">
        <Badge tone={STATUS_TONE[campaign.status]}>{statusLabel(campaign.status)}</Badge>
        <span>{t('campaign.deadline', { date: formatDate(campaign.deadline) })}</span>
        <span>
          {t('campaign.progress', {
            responded: campaign.progress.responded,
            invited: campaign.progress.invited,
          })}
        </span>
      </div>
      <p className="muted">
        {t(`campaign.explain.${campaign.status}`, {
          manager: campaign.manager?.name ?? t('campaign.yourManager'),
        })}
      </p>
      {error ? <Alert tone="error">{error}</Alert> : null}

      {campaign.reportAvailable ? (
        <p>
          <Link
            className="button button-primary"
            to={`/feedback/${encodeURIComponent(campaign.id)}/${pulse ? 'pulse-report' : 'report'}`}
          >
            {pulse ? t('pulse.seeReport') : t('campaign.seeReport')}
          </Link>
        </p>
      ) : null}

      {pulse ? <PulseItems campaign={campaign} /> : null}

      {campaign.warnings.length ? (
        <section className="alert alert-info" aria-labelledby="c-warnings">
          <h2 id="c-warnings" className="alert-title">
            {t('campaign.warningsTitle')}
          </h2>
          <ul>
            {campaign.warnings.map((w) => (
              <li key={`${w.field}-${w.code}`}>{w.message}</li>
            ))}
          </ul>
        </section>
      ) : null}

      {editing ? (
        <NominationEditor
          campaign={campaign}
          onSaved={() => onNotice(null)}
          actions={(save) => (
            <>
              {can.submitNominations ? (
                <Button
                  busy={busy === 'submit'}
                  busyLabel={t('campaign.sending')}
                  onClick={() =>
                    void act(
                      'submit',
                      async () => {
                        await save();
                        return submit.mutateAsync();
                      },
                      t('campaign.submitted'),
                    )
                  }
                >
                  {campaign.approvalRequired && campaign.manager
                    ? t('campaign.submitToManager', { name: campaign.manager.name })
                    : t('campaign.submitAndInvite')}
                </Button>
              ) : null}
              {can.approve ? (
                <Button
                  busy={busy === 'approve'}
                  busyLabel={t('campaign.sending')}
                  onClick={() =>
                    void act('approve', async () => approve.mutateAsync(await save()), t('campaign.approved'))
                  }
                >
                  {t('campaign.approve')}
                </Button>
              ) : null}
            </>
          )}
        />
      ) : (
        <>
          <Progress campaign={campaign} />
          {pulse && can.approve ? (
            <div className="form-actions">
              <Button
                busy={busy === 'approve'}
                busyLabel={t('campaign.sending')}
                onClick={() =>
                  void act('approve', () => approve.mutateAsync(undefined), t('campaign.approved'))
                }
              >
                {t('pulse.approveSame')}
              </Button>
            </div>
          ) : null}
          {campaign.nominations.length ? (
            <>
              {pulse ? <p className="muted">{t('pulse.ratersNote')}</p> : null}
              <NominationList campaign={campaign} canResend={can.resendInvitations} />
            </>
          ) : null}
        </>
      )}

      {can.close || can.reopen || can.release || can.changeDeadline ? (
        <section className="card campaign-actions" aria-labelledby="c-actions">
          <h2 id="c-actions">{t('campaign.actionsTitle')}</h2>
          {can.changeDeadline ? <DeadlineForm campaign={campaign} onChanged={() => onNotice(null)} /> : null}
          <div className="form-actions">
            {can.close ? (
              <Button
                variant="secondary"
                busy={busy === 'close'}
                onClick={() => void act('close', () => close.mutateAsync(), t('campaign.closed'))}
              >
                {t('campaign.close')}
              </Button>
            ) : null}
            {can.release ? (
              <Button onClick={() => setConfirmRelease(true)}>{t('campaign.release')}</Button>
            ) : null}
          </div>
          {can.reopen ? (
            <form
              className="reopen-form"
              onSubmit={(e) => {
                e.preventDefault();
                if (!reopenDay) {
                  setError(t('campaign.reopenNeedsDate'));
                  return;
                }
                void act('reopen', () => reopen.mutateAsync(endOfDay(reopenDay)), t('campaign.reopened'));
              }}
            >
              <div className="field">
                <label htmlFor={reopenId}>{t('campaign.reopenDeadline')}</label>
                <input
                  id={reopenId}
                  type="date"
                  value={reopenDay}
                  onChange={(e) => setReopenDay(e.target.value)}
                />
              </div>
              <Button type="submit" variant="secondary" busy={busy === 'reopen'}>
                {t('campaign.reopen')}
              </Button>
            </form>
          ) : null}
        </section>
      ) : null}

      <ConfirmDialog
        open={confirmRelease}
        title={t('campaign.releaseTitle')}
        confirmLabel={t('campaign.release')}
        cancelLabel={t('campaign.cancel')}
        busy={busy === 'release'}
        error={confirmRelease ? error : null}
        onConfirm={() => void act('release', () => release.mutateAsync(), t('campaign.releasedNotice'))}
        onCancel={() => setConfirmRelease(false)}
      >
        <p>{t('campaign.releaseBody')}</p>
      </ConfirmDialog>
    </>
  );
}

/** What a pulse asks, and the 360 it follows. */
function PulseItems({ campaign }: { campaign: CampaignDetail }) {
  return (
    <section className="card" aria-labelledby="c-pulse-items">
      <h2 id="c-pulse-items">{t('pulse.itemsTitle')}</h2>
      <ul>
        {(campaign.pulseItems ?? []).map((item) => (
          <li key={item.key}>
            {item.text} <span className="muted">({item.capability.name})</span>
          </li>
        ))}
      </ul>
      {campaign.baselineCampaignId ? (
        <p>
          <Link to={`/feedback/${encodeURIComponent(campaign.baselineCampaignId)}`}>
            {t('pulse.baselineLink')}
          </Link>
        </p>
      ) : null}
    </section>
  );
}
