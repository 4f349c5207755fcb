// The admin's part of /climate: the schedule (off, or every N weeks), how long a round stays open,
// "send a round now", and the rounds so far with organisation-wide counts (never who answered).
import { type FormEvent, useId, useState } from 'react';
import {
  INTERVAL_WEEKS_MAX,
  INTERVAL_WEEKS_MIN,
  INTERVAL_WEEKS_SUGGESTED,
  WINDOW_DAYS_MAX,
  WINDOW_DAYS_MIN,
} from '../../../../src/domains/climate/constants.ts';
import { formatDate, t } from '../../i18n/index.ts';
import { Alert, Button, Field, LoadError, Loading, ScrollTable } from '../../ui/components.tsx';
import { errorText } from '../../ui/errors.ts';
import {
  type ClimateSettings,
  useClimateRounds,
  useClimateSettings,
  useSaveClimateSettings,
  useSendRoundNow,
} from './queries.ts';

const WEEK_CHOICES = [2, 4, 6, 8, INTERVAL_WEEKS_SUGGESTED, 26, 52].filter(
  (w) => w >= INTERVAL_WEEKS_MIN && w <= INTERVAL_WEEKS_MAX,
);

export function AdminRounds() {
  const id = useId();
  const settings = useClimateSettings();
  return (
    <section aria-labelledby={id} className="climate-admin">
      <h2 id={id}>{t('climate.admin.title')}</h2>
      {settings.status === 'pending' ? <Loading /> : null}
      {settings.status === 'error' ? (
        <LoadError message={errorText(settings.error)} onRetry={() => settings.refetch()} />
      ) : null}
      {settings.status === 'success' ? <SettingsForm saved={settings.data} /> : null}
      <SendNow />
      <RoundTable />
    </section>
  );
}

function SettingsForm({ saved }: { saved: ClimateSettings }) {
  const save = useSaveClimateSettings();
  const [weeks, setWeeks] = useState<number | null>(saved.intervalWeeks);
  const [days, setDays] = useState(String(saved.windowDays));
  const choices = weeks !== null && !WEEK_CHOICES.includes(weeks) ? [...WEEK_CHOICES, weeks] : WEEK_CHOICES;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    save.mutate({ intervalWeeks: weeks, windowDays: Number(days) });
  };
  return (
    <form onSubmit={submit} className="climate-settings" noValidate>
      <Field label={t('climate.admin.schedule')}>
        {(props) => (
          <select
            {...props}
            value={weeks === null ? '' : String(weeks)}
            onChange={(e) => setWeeks(e.target.value === '' ? null : Number(e.target.value))}
          >
            <option value="">{t('climate.admin.off')}</option>
            {choices.map((w) => (
              <option key={w} value={w}>
                {t('climate.admin.every', { weeks: String(w) })}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('climate.admin.window')} error={save.isError ? errorText(save.error) : undefined}>
        {(props) => (
          <input
            {...props}
            type="number"
            inputMode="numeric"
            min={WINDOW_DAYS_MIN}
            max={WINDOW_DAYS_MAX}
            value={days}
            onChange={(e) => setDays(e.target.value)}
          />
        )}
      </Field>
      <Button type="submit" busy={save.isPending}>
        {t('climate.admin.save')}
      </Button>
      {save.isSuccess ? <Alert tone="success">{t('climate.admin.saved')}</Alert> : null}
    </form>
  );
}

function SendNow() {
  const send = useSendRoundNow();
  return (
    <div className="climate-send">
      <Button variant="secondary" busy={send.isPending} onClick={() => !send.isPending && send.mutate()}>
        {t('climate.admin.sendNow')}
      </Button>
      {send.isSuccess ? <Alert tone="success">{t('climate.admin.sent')}</Alert> : null}
      {send.isError ? <Alert tone="error">{errorText(send.error)}</Alert> : null}
    </div>
  );
}

function RoundTable() {
  const id = useId();
  const rounds = useClimateRounds();
  if (rounds.status !== 'success') return null;
  if (!rounds.data.rounds.length) return <p className="muted">{t('climate.admin.none')}</p>;
  return (
    <ScrollTable labelledBy={id}>
      <table className="table climate-table">
        <caption id={id} className="visually-hidden">
          {t('climate.admin.title')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('climate.admin.when')}</th>
            <th scope="col">{t('climate.admin.status')}</th>
            <th scope="col">{t('climate.admin.answered')}</th>
          </tr>
        </thead>
        <tbody>
          {rounds.data.rounds.map((r) => (
            <tr key={r.id}>
              <th scope="row">{formatDate(r.openedAt)}</th>
              <td>
                {r.status === 'open'
                  ? t('climate.admin.roundOpen', { date: formatDate(r.deadline) })
                  : t('climate.admin.roundClosed', { date: formatDate(r.closedAt!) })}
              </td>
              <td>
                {t('climate.admin.counts', { answered: String(r.answered), invited: String(r.invited) })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}
