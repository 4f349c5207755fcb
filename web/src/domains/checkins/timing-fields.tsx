// The when-and-where fields of a check-in, shared by scheduling and rescheduling: a local date and
// time, its length, the time zone (the browser's by default, any IANA name from the list), a place
// and a video link. The same rules as the server's contract are checked as the person submits.
import {
  DURATION_MAX_MINUTES,
  DURATION_MIN_MINUTES,
  isTimeZoneName,
  isWebLink,
  LOCAL_DATE_TIME,
  PLACE_MAX,
  VIDEO_URL_MAX,
} from '../../../../src/domains/checkins/constants.ts';
import { t } from '../../i18n/index.ts';
import { Field } from '../../ui/components.tsx';
import { fieldRule } from '../../ui/errors.ts';

export interface Timing {
  startsAt: string;
  durationMinutes: string;
  timeZone: string;
  place: string;
  videoUrl: string;
}

export type TimingField = keyof Timing;

export const browserTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** The zones the browser knows, for the list to pick from (typing any other name works too). */
const zones: readonly string[] = (() => {
  try {
    return (Intl as unknown as { supportedValuesOf(k: string): string[] }).supportedValuesOf('timeZone');
  } catch {
    return [];
  }
})();

export const timingLabels = (): Record<TimingField, string> => ({
  startsAt: t('checkins.timing.startsAt'),
  durationMinutes: t('checkins.timing.duration', { min: DURATION_MIN_MINUTES, max: DURATION_MAX_MINUTES }),
  timeZone: t('checkins.timing.timeZone'),
  place: t('checkins.timing.place'),
  videoUrl: t('checkins.timing.videoUrl'),
});

/** The rules the form can check before sending; the server checks them all again. */
export function timingProblems(v: Timing): Partial<Record<TimingField, string>> {
  const labels = timingLabels();
  const problems: Partial<Record<TimingField, string>> = {};
  if (!LOCAL_DATE_TIME.test(v.startsAt))
    problems.startsAt = fieldRule(labels.startsAt, t('checkins.timing.required'));
  const minutes = Number(v.durationMinutes);
  if (!Number.isInteger(minutes) || minutes < DURATION_MIN_MINUTES || minutes > DURATION_MAX_MINUTES)
    problems.durationMinutes = fieldRule(
      labels.durationMinutes,
      t('checkins.timing.durationHint', { min: DURATION_MIN_MINUTES, max: DURATION_MAX_MINUTES }),
    );
  if (!isTimeZoneName(v.timeZone.trim()))
    problems.timeZone = fieldRule(labels.timeZone, t('checkins.timing.badZone'));
  if (v.videoUrl.trim() && !isWebLink(v.videoUrl.trim()))
    problems.videoUrl = fieldRule(labels.videoUrl, t('checkins.timing.badLink'));
  return problems;
}

/** The body fields for the API. */
export const timingBody = (v: Timing) => ({
  startsAt: v.startsAt,
  durationMinutes: Number(v.durationMinutes),
  timeZone: v.timeZone.trim(),
  place: v.place.trim() || null,
  videoUrl: v.videoUrl.trim() || null,
});

export function TimingFields({
  value,
  onChange,
  errors,
  idPrefix,
}: {
  value: Timing;
  onChange(next: Timing): void;
  errors: Partial<Record<TimingField, string>>;
  idPrefix: string;
}) {
  const labels = timingLabels();
  const set = (field: TimingField) => (e: { currentTarget: { value: string } }) =>
    onChange({ ...value, [field]: e.currentTarget.value });
  const listId = `${idPrefix}-zones`;
  return (
    <div className="checkin-timing">
      <Field label={labels.startsAt} error={errors.startsAt}>
        {(props) => (
          <input {...props} type="datetime-local" value={value.startsAt} onChange={set('startsAt')} />
        )}
      </Field>
      <Field label={labels.durationMinutes} error={errors.durationMinutes}>
        {(props) => (
          <input
            {...props}
            type="number"
            inputMode="numeric"
            min={DURATION_MIN_MINUTES}
            max={DURATION_MAX_MINUTES}
            step={5}
            value={value.durationMinutes}
            onChange={set('durationMinutes')}
          />
        )}
      </Field>
      <Field
        className="checkin-wide"
        label={labels.timeZone}
        hint={t('checkins.timing.timeZoneHint', { zone: browserTimeZone() })}
        error={errors.timeZone}
      >
        {(props) => (
          <>
            <input
              {...props}
              type="text"
              list={listId}
              autoComplete="off"
              spellCheck={false}
              value={value.timeZone}
              onChange={set('timeZone')}
            />
            <datalist id={listId}>
              {zones.map((z) => (
                <option key={z} value={z} />
              ))}
            </datalist>
          </>
        )}
      </Field>
      <Field label={labels.place} error={errors.place}>
        {(props) => (
          <input {...props} type="text" maxLength={PLACE_MAX} value={value.place} onChange={set('place')} />
        )}
      </Field>
      <Field label={labels.videoUrl} error={errors.videoUrl}>
        {(props) => (
          <input
            {...props}
            type="url"
            inputMode="url"
            maxLength={VIDEO_URL_MAX}
            placeholder="https://"
            value={value.videoUrl}
            onChange={set('videoUrl')}
          />
        )}
      </Field>
    </div>
  );
}
