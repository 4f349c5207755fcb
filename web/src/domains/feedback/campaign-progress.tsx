// A 360 once its raters are invited: the deadline form, the response counts by group and the rater
// list with its "resend invitation" buttons.
import { useId, useState } from 'react';
import { ApiError } from '../../api.ts';
import { formatDate, formatDateTime, t } from '../../i18n/index.ts';
import { Alert, Button, Field, ScrollTable } from '../../ui/components.tsx';
import { errorText } from '../../ui/errors.ts';
import { endOfDay, localDay } from './campaign-dates.ts';
import { type CampaignDetail, GROUPS } from './feedback-api.ts';
import { groupLabel } from './labels.ts';
import { useChangeDeadline, useResendInvitation } from './queries.ts';

/**
 * Moves the deadline of an open 360 without closing it: a date (answers until the end of that day,
 * like reopening), its error beside it, and the outcome announced next to the button.
 */
export function DeadlineForm({ campaign, onChanged }: { campaign: CampaignDetail; onChanged: () => void }) {
  const change = useChangeDeadline(campaign.id);
  const [day, setDay] = useState(() => localDay(campaign.deadline));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const [done, setDone] = useState<string | null>(null);
  const headingId = useId();
  const hintId = useId();

  const save = async () => {
    if (busy) return;
    setDone(null);
    if (!day) {
      setError(t('campaign.changeDeadlineNeedsDate'));
      return;
    }
    if (day === localDay(campaign.deadline)) {
      setError(t('campaign.changeDeadlineUnchanged'));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const updated = await change.mutateAsync(endOfDay(day));
      onChanged();
      setDone(t('campaign.deadlineChanged', { date: formatDate(updated.deadline) }));
    } catch (e) {
      const rule = e instanceof ApiError ? e.fields.deadline : undefined;
      setError(rule ? t('campaign.deadlineRule', { rule }) : errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="deadline-form"
      aria-labelledby={headingId}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3 id={headingId}>{t('campaign.changeDeadline')}</h3>
      <p id={hintId} className="hint">
        {t('campaign.changeDeadlineHint')}
      </p>
      <div className="deadline-row">
        <Field label={t('campaign.changeDeadlineLabel')} error={error}>
          {(props) => (
            <input
              {...props}
              aria-describedby={[props['aria-describedby'], hintId].filter(Boolean).join(' ')}
              type="date"
              min={localDay(new Date().toISOString())}
              value={day}
              onChange={(e) => {
                setDay(e.target.value);
                setError(undefined);
                setDone(null);
              }}
            />
          )}
        </Field>
        <Button type="submit" variant="secondary" busy={busy} busyLabel={t('form.saving')}>
          {t('campaign.changeDeadlineSave')}
        </Button>
      </div>
      {done ? <Alert tone="success">{done}</Alert> : null}
    </form>
  );
}

export function Progress({ campaign }: { campaign: CampaignDetail }) {
  if (!campaign.groups.length) return null;
  return (
    <section aria-labelledby="c-progress">
      <h2 id="c-progress">{t('campaign.progressTitle')}</h2>
      <ScrollTable labelledBy="c-progress-caption">
        <table className="table">
          <caption id="c-progress-caption" className="visually-hidden">
            {t('campaign.progressTitle')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('report.col.group')}</th>
              <th scope="col" className="num">
                {t('report.col.invited')}
              </th>
              <th scope="col" className="num">
                {t('report.col.responded')}
              </th>
              <th scope="col" className="num">
                {t('campaign.col.declined')}
              </th>
            </tr>
          </thead>
          <tbody>
            {campaign.groups.map((g) => (
              <tr key={g.group}>
                <th scope="row">{groupLabel(g.group)}</th>
                <td className="num">{g.invited}</td>
                <td className="num">{g.responded}</td>
                <td className="num">{g.declined}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      <p className="muted">{t('campaign.progressNote')}</p>
    </section>
  );
}

/**
 * The rater list once invitations are out; while open, with a "Resend invitation" per rater for
 * those who may manage the raters. The server answers every resend the same way whether or not the
 * rater has answered (ADR 0007), so the confirmation is the same neutral sentence for everyone.
 */
export function NominationList({ campaign, canResend }: { campaign: CampaignDetail; canResend: boolean }) {
  const resendInvitation = useResendInvitation(campaign.id);
  const [busy, setBusy] = useState<string | null>(null);
  // The outcome is shown on the row of the rater it is about, so it is in view where the button was.
  const [result, setResult] = useState<{ raterId: string; ok: boolean; text: string } | null>(null);

  const resend = async (raterId: string, name: string) => {
    if (busy) return;
    setBusy(raterId);
    setResult(null);
    try {
      await resendInvitation.mutateAsync(raterId);
      setResult({ raterId, ok: true, text: t('campaign.resent', { name }) });
    } catch (e) {
      const retryAt = e instanceof ApiError && e.code === 'resend_too_soon' ? e.fields.retryAt : undefined;
      const text = retryAt
        ? t('campaign.resendTooSoon', { name, time: formatDateTime(retryAt) })
        : errorText(e);
      setResult({ raterId, ok: false, text });
    } finally {
      setBusy(null);
    }
  };

  return (
    <section aria-labelledby="c-raters">
      <h2 id="c-raters">{t('campaign.ratersTitle')}</h2>
      {canResend ? <p className="muted">{t('campaign.resendHint')}</p> : null}
      <div className="nomination-groups">
        {GROUPS.map((group) => {
          const list = campaign.nominations.filter((n) => n.group === group);
          if (!list.length) return null;
          return (
            <div key={group} className="card">
              <h3>{groupLabel(group)}</h3>
              <ul className="nominee-list">
                {list.map((n) => {
                  const mine = result?.raterId === n.id ? result : null;
                  return (
                    <li key={n.id} className={canResend ? 'resendable' : undefined}>
                      <span>
                        {n.name} <span className="muted nominee-email">{n.email}</span>
                      </span>
                      {canResend ? (
                        <>
                          <Button
                            variant="secondary"
                            className="resend-button"
                            aria-label={t('campaign.resendNamed', { name: n.name })}
                            busy={busy === n.id}
                            busyLabel={t('campaign.sending')}
                            onClick={() => void resend(n.id, n.name)}
                          >
                            {t('campaign.resend')}
                          </Button>
                          {/* Always present, so the confirmation is announced when it appears. */}
                          <div className="resend-note" role="status">
                            {mine?.ok ? <p className="alert alert-success">{mine.text}</p> : null}
                          </div>
                          {mine && !mine.ok ? (
                            <p className="alert alert-error resend-note" role="alert">
                              {mine.text}
                            </p>
                          ) : null}
                        </>
                      ) : null}
                    </li>
                  );
                })}
              </ul>
            </div>
          );
        })}
      </div>
    </section>
  );
}
