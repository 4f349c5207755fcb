// /settings/nudges: the signed-in person's digest choices. The frequency first (off hides the rest),
// then the day and hour on their own clock, the time zone (their browser's is offered), and quiet
// hours. A sentence under the form says what the choices mean before they save.
import { type FormEvent, useId, useRef, useState } from 'react';
import { DEFAULT_DIGEST, type DigestFrequency } from '../../../../src/domains/nudges/constants.ts';
import { locale, t } from '../../i18n/index.ts';
import {
  Alert,
  Button,
  Field,
  focusFirstInvalid,
  LoadError,
  Loading,
  PageHeading,
} from '../../ui/components.tsx';
import { errorText, fieldRule, splitFieldErrors } from '../../ui/errors.ts';
import { type DigestPreferences, usePreferences, useSavePreferences } from './queries.ts';
import './nudges.css';

type FieldName = 'frequency' | 'weekday' | 'hour' | 'timeZone' | 'quietHours';
interface Draft {
  frequency: DigestFrequency;
  weekday: number;
  hour: number;
  timeZone: string;
  quiet: boolean;
  quietStart: number;
  quietEnd: number;
}

/** On first, as people choose it most; off last. */
const FREQUENCIES: DigestFrequency[] = ['weekly', 'fortnightly', 'off'];
const HOURS = Array.from({ length: 24 }, (_, h) => h);
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];
// 1 January 2024 was a Monday.
const weekdayName = (d: number) =>
  new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(2024, 0, d));
const hourName = (h: number) =>
  new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(
    Date.UTC(2024, 0, 1, h),
  );

function browserZone(): string | null {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || null;
  } catch {
    return null;
  }
}

/** Intl's zones, with the stored and the browser's added when Intl lists them under another name. */
function zoneList(...extra: (string | null)[]): string[] {
  const zones = new Set<string>(
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [],
  );
  zones.add('UTC');
  for (const zone of extra) if (zone) zones.add(zone);
  return [...zones].sort();
}

function draftOf(p: DigestPreferences): Draft {
  const zone = browserZone();
  return {
    frequency: p.frequency,
    weekday: p.weekday,
    hour: p.hour,
    // Never saved: the browser's zone is the better guess than the default UTC.
    timeZone: !p.saved && p.timeZone === DEFAULT_DIGEST.timeZone && zone ? zone : p.timeZone,
    quiet: p.quietHours !== null,
    quietStart: p.quietHours?.start ?? 21,
    quietEnd: p.quietHours?.end ?? 7,
  };
}

function Summary({ draft }: { draft: Draft }) {
  if (draft.frequency === 'off') return <p className="digest-summary">{t('digest.summary.off')}</p>;
  const when = t(draft.frequency === 'weekly' ? 'digest.summary.weekly' : 'digest.summary.fortnightly', {
    weekday: weekdayName(draft.weekday),
  });
  return (
    <p className="digest-summary">
      {t('digest.summary.on', { when, time: hourName(draft.hour), zone: draft.timeZone })}{' '}
      {draft.quiet
        ? t('digest.summary.quiet', { start: hourName(draft.quietStart), end: hourName(draft.quietEnd) })
        : null}
    </p>
  );
}

function SettingsForm({ saved }: { saved: DigestPreferences }) {
  const form = useRef<HTMLFormElement>(null);
  const frequencyId = useId();
  const quietId = useId();
  const save = useSavePreferences();
  const [draft, setDraft] = useState(() => draftOf(saved));
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const zone = browserZone();
  const [zones] = useState(() => zoneList(saved.timeZone, zone));
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDone(false);
    setDraft((d) => ({ ...d, [key]: value }));
  };
  const labels: Record<FieldName, string> = {
    frequency: t('digest.frequency'),
    weekday: t('digest.weekday'),
    hour: t('digest.hour'),
    timeZone: t('digest.timeZone'),
    quietHours: t('digest.quiet'),
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    setFormError(null);
    if (draft.quiet && draft.quietStart === draft.quietEnd) {
      setErrors({ quietHours: fieldRule(labels.quietHours, t('digest.ruleQuietSame')) });
      focusFirstInvalid(form.current);
      return;
    }
    setErrors({});
    try {
      await save.mutateAsync({
        frequency: draft.frequency,
        weekday: draft.weekday,
        hour: draft.hour,
        timeZone: draft.timeZone,
        quietHours: draft.quiet ? { start: draft.quietStart, end: draft.quietEnd } : null,
      });
      setDone(true);
    } catch (e) {
      const split = splitFieldErrors(e, labels);
      setErrors(split.fields);
      setFormError([errorText(e), ...split.other].join(' '));
      focusFirstInvalid(form.current);
    }
  };

  const on = draft.frequency !== 'off';
  return (
    <form ref={form} onSubmit={submit} noValidate className="stack digest-form">
      {!saved.saved ? <Alert tone="info">{t('digest.defaults')}</Alert> : null}
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <fieldset className="fieldset" aria-describedby={errors.frequency ? `${frequencyId}-error` : undefined}>
        <legend>{labels.frequency}</legend>
        {errors.frequency ? (
          <p id={`${frequencyId}-error`} className="field-error">
            {errors.frequency}
          </p>
        ) : null}
        <div className="digest-choices">
          {FREQUENCIES.map((f) => (
            <div key={f} className="checkbox">
              <input
                type="radio"
                id={`${frequencyId}-${f}`}
                name="frequency"
                value={f}
                checked={draft.frequency === f}
                onChange={() => set('frequency', f)}
              />
              <label htmlFor={`${frequencyId}-${f}`}>{t(`digest.frequency.${f}`)}</label>
            </div>
          ))}
        </div>
      </fieldset>
      {on ? (
        <>
          <div className="form-grid">
            <Field label={labels.weekday} error={errors.weekday}>
              {(props) => (
                <select
                  {...props}
                  value={draft.weekday}
                  onChange={(e) => set('weekday', Number(e.target.value))}
                >
                  {WEEKDAYS.map((d) => (
                    <option key={d} value={d}>
                      {weekdayName(d)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={labels.hour} error={errors.hour}>
              {(props) => (
                <select {...props} value={draft.hour} onChange={(e) => set('hour', Number(e.target.value))}>
                  {HOURS.map((h) => (
                    <option key={h} value={h}>
                      {hourName(h)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <Field label={labels.timeZone} hint={t('digest.timeZoneHint')} error={errors.timeZone}>
            {(props) => (
              <select {...props} value={draft.timeZone} onChange={(e) => set('timeZone', e.target.value)}>
                {zones.map((z) => (
                  <option key={z} value={z}>
                    {z.replace(/_/g, ' ')}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {zone && zone !== draft.timeZone ? (
            <p>
              <Button variant="link" onClick={() => set('timeZone', zone)}>
                {t('digest.useBrowserZone', { zone })}
              </Button>
            </p>
          ) : null}
          <fieldset className="fieldset" aria-describedby={`${quietId}-hint`}>
            <div className="checkbox">
              <input
                type="checkbox"
                id={`${quietId}-on`}
                checked={draft.quiet}
                onChange={(e) => set('quiet', e.target.checked)}
              />
              <label htmlFor={`${quietId}-on`}>{labels.quietHours}</label>
            </div>
            <p id={`${quietId}-hint`} className="hint">
              {t('digest.quietHint')}
            </p>
            {draft.quiet ? (
              <div className="form-grid">
                <Field label={t('digest.quietStart')} error={errors.quietHours}>
                  {(props) => (
                    <select
                      {...props}
                      value={draft.quietStart}
                      onChange={(e) => set('quietStart', Number(e.target.value))}
                    >
                      {HOURS.map((h) => (
                        <option key={h} value={h}>
                          {hourName(h)}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <Field label={t('digest.quietEnd')}>
                  {(props) => (
                    <select
                      {...props}
                      value={draft.quietEnd}
                      onChange={(e) => set('quietEnd', Number(e.target.value))}
                    >
                      {HOURS.map((h) => (
                        <option key={h} value={h}>
                          {hourName(h)}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
              </div>
            ) : null}
          </fieldset>
        </>
      ) : null}
      <Summary draft={draft} />
      <div className="form-actions">
        <Button type="submit" busy={save.isPending} busyLabel={t('digest.saving')}>
          {t('digest.save')}
        </Button>
      </div>
      {done ? <Alert tone="success">{t('digest.saved')}</Alert> : null}
    </form>
  );
}

export function DigestSettingsPage() {
  const preferences = usePreferences();
  let content: React.ReactNode;
  if (preferences.isPending) content = <Loading />;
  else if (preferences.isError)
    content = <LoadError message={errorText(preferences.error)} onRetry={() => void preferences.refetch()} />;
  else content = <SettingsForm saved={preferences.data} />;
  return (
    <section className="narrow stack">
      <PageHeading title={t('digest.title')} />
      <p className="lead">{t('digest.intro')}</p>
      {content}
    </section>
  );
}
