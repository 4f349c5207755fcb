// What the report's reader can do with it: download or print it, and (the subject) share it.
import { useId, useState } from 'react';
import { feedbackApi } from '../../../../src/domains/feedback/endpoints.ts';
import { hrefOf } from '../../api.ts';
import { t } from '../../i18n/index.ts';
import { Alert, Button } from '../../ui/components.tsx';
import { errorText } from '../../ui/errors.ts';
import { usePeople } from '../people/queries.ts';
import type { CampaignDetail } from './feedback-api.ts';
import { useShareReport } from './queries.ts';

export function Downloads({ id }: { id: string }) {
  const [pdfError, setPdfError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The PDF is fetched first so a 503 (no renderer on this server) becomes a message on the page
  // instead of a browser error page; a successful response is handed to the browser as a download.
  const downloadPdf = async (event: React.MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setPdfError(null);
    try {
      const response = await fetch(hrefOf(feedbackApi.reportPdf, { params: { id } }), {
        credentials: 'same-origin',
      });
      if (!response.ok) {
        setPdfError(
          response.status === 503
            ? t('report.pdfUnavailable')
            : t('errors.unexpected', { status: response.status }),
        );
        return;
      }
      const url = URL.createObjectURL(await response.blob());
      const a = document.createElement('a');
      a.href = url;
      a.download = 'feedback-report.pdf';
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch {
      setPdfError(t('errors.network'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="report-actions no-print">
      <a
        className="button button-secondary"
        href={hrefOf(feedbackApi.reportCsv, { params: { id } })}
        download
      >
        {t('report.downloadCsv')}
      </a>
      <a
        className="button button-secondary"
        href={hrefOf(feedbackApi.reportPdf, { params: { id } })}
        onClick={(e) => void downloadPdf(e)}
        aria-busy={busy || undefined}
      >
        {busy ? t('report.preparingPdf') : t('report.downloadPdf')}
      </a>
      <Button variant="secondary" onClick={() => window.print()}>
        {t('report.print')}
      </Button>
      {pdfError ? <Alert tone="error">{pdfError}</Alert> : null}
    </div>
  );
}

/** Who else may read the report: the subject's manager and a coach; saving updates the cached 360. */
export function Sharing({ campaign }: { campaign: CampaignDetail }) {
  const share = useShareReport(campaign.id);
  const [withManager, setWithManager] = useState(campaign.sharing.withManager);
  const [coachId, setCoachId] = useState(campaign.sharing.coach?.id ?? '');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const people = usePeople();
  const coaches = (people.data?.items ?? []).filter(
    (p) => p.roles.includes('coach') && p.id !== campaign.subject.id,
  );
  const managerId = useId();
  const coachFieldId = useId();

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setMessage(null);
    try {
      await share.mutateAsync({ withManager, coachId: coachId || null });
      setMessage({ tone: 'success', text: t('report.sharing.saved') });
    } catch (e) {
      setMessage({ tone: 'error', text: errorText(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card report-sharing no-print" onSubmit={(e) => void save(e)} aria-labelledby="r-sharing">
      <h2 id="r-sharing">{t('report.sharing.title')}</h2>
      <p className="hint">{t('report.sharing.intro')}</p>
      {campaign.manager ? (
        <div className="checkbox">
          <input
            id={managerId}
            type="checkbox"
            checked={withManager}
            onChange={(e) => setWithManager(e.target.checked)}
          />
          <label htmlFor={managerId}>{t('report.sharing.manager', { name: campaign.manager.name })}</label>
        </div>
      ) : (
        <p className="muted">{t('report.sharing.noManager')}</p>
      )}
      <div className="field">
        <label htmlFor={coachFieldId}>{t('report.sharing.coach')}</label>
        <select id={coachFieldId} value={coachId} onChange={(e) => setCoachId(e.target.value)}>
          <option value="">{t('report.sharing.noCoach')}</option>
          {campaign.sharing.coach && !coaches.some((c) => c.id === campaign.sharing.coach!.id) ? (
            <option value={campaign.sharing.coach.id}>{campaign.sharing.coach.name}</option>
          ) : null}
          {coaches.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <div className="form-actions">
        <Button type="submit" busy={busy} busyLabel={t('form.saving')}>
          {t('report.sharing.save')}
        </Button>
      </div>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
    </form>
  );
}
