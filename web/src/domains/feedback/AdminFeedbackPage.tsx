// /admin/feedback: launch 360s for a cohort, follow completion (counts only, never content), and
// the organisation's 360 settings. The server validates every setting; the form checks the same
// rules first only so a mistake is shown beside its field without a round trip.
import { type FormEvent, type ReactNode, useId, useMemo, useState } from 'react';
import { ApiError, type PersonSummary } from '../../api.ts';
import { formatDate, t, tn } from '../../i18n/index.ts';
import {
  Alert,
  Badge,
  Button,
  Field,
  focusFirstInvalid,
  LoadError,
  Loading,
  PageHeading,
  ScrollTable,
} from '../../ui/components.tsx';
import { errorText } from '../../ui/errors.ts';
import type { FeedbackSettings, FeedbackSettingsUpdate, LaunchCohortResponse } from './feedback-api.ts';
import { STATUS_TONE, statusLabel } from './labels.ts';
import './feedback.css';
import { usePeople } from '../people/queries.ts';
import {
  useAdminCampaigns,
  useFeedbackSettings,
  useLaunchCohort,
  useUpdateFeedbackSettings,
} from './queries.ts';

export function AdminFeedbackPage() {
  return (
    <section className="feedback">
      <PageHeading title={t('adminFeedback.title')} />
      <p className="lead">{t('adminFeedback.intro')}</p>
      <Launch />
      <Status />
      <Settings />
    </section>
  );
}

const endOfDay = (day: string): string => new Date(`${day}T23:59:00`).toISOString();

/** Launching refreshes the status table below: the mutation invalidates every campaign list. */
function Launch() {
  const people = usePeople();
  const launch = useLaunchCohort();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [team, setTeam] = useState('');
  const [filter, setFilter] = useState('');
  const [day, setDay] = useState('');
  const busy = launch.isPending;
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<LaunchCohortResponse | null>(null);
  const ids = { team: useId(), filter: useId(), day: useId() };

  const everyone = people.data ? people.data.items.filter((p) => p.status !== 'disabled') : [];
  const teams = useMemo(() => {
    const map = new Map<string, string>();
    for (const p of everyone) if (p.team) map.set(p.team.id, p.team.name);
    return [...map].sort((a, b) => a[1].localeCompare(b[1]));
  }, [everyone]);
  const visible = everyone.filter((p) => !filter || p.name.toLowerCase().includes(filter.toLowerCase()));
  const names = new Map(everyone.map((p) => [p.id, p.name]));

  const toggle = (id: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const addTeam = () => {
    if (!team) return;
    setSelected((s) => new Set([...s, ...everyone.filter((p) => p.team?.id === team).map((p) => p.id)]));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (selected.size === 0) {
      setError(t('adminFeedback.launch.pickPeople'));
      return;
    }
    setError(null);
    setResult(null);
    try {
      const launched = await launch.mutateAsync({
        subjectIds: [...selected],
        ...(day ? { deadline: endOfDay(day) } : {}),
      });
      setResult(launched);
      setSelected(new Set());
    } catch (e) {
      setError(errorText(e));
    }
  };

  let list: ReactNode;
  if (people.isPending) list = <Loading />;
  else if (people.isError)
    list = <LoadError message={errorText(people.error)} onRetry={() => void people.refetch()} />;
  else
    list = (
      <fieldset className="fieldset people-picker">
        <legend>{tn('adminFeedback.launch.selected', selected.size, { count: selected.size })}</legend>
        <ul className="people-checklist">
          {visible.map((p: PersonSummary) => (
            <li key={p.id} className="checkbox">
              <input
                id={`launch-${p.id}`}
                type="checkbox"
                checked={selected.has(p.id)}
                onChange={(e) => toggle(p.id, e.target.checked)}
              />
              <label htmlFor={`launch-${p.id}`}>
                {p.name}
                {p.team ? <span className="muted nominee-email">{p.team.name}</span> : null}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
    );

  return (
    <form className="card admin-section" onSubmit={(e) => void submit(e)} aria-labelledby="af-launch">
      <h2 id="af-launch">{t('adminFeedback.launch.title')}</h2>
      <p className="hint">{t('adminFeedback.launch.intro')}</p>
      <div className="launch-tools">
        <div className="field">
          <label htmlFor={ids.team}>{t('adminFeedback.launch.team')}</label>
          <div className="picker">
            <select id={ids.team} value={team} onChange={(e) => setTeam(e.target.value)}>
              <option value="">{t('adminFeedback.launch.chooseTeam')}</option>
              {teams.map(([id, name]) => (
                <option key={id} value={id}>
                  {name}
                </option>
              ))}
            </select>
            <Button variant="secondary" onClick={addTeam}>
              {t('adminFeedback.launch.addTeam')}
            </Button>
          </div>
        </div>
        <div className="field">
          <label htmlFor={ids.filter}>{t('adminFeedback.launch.filter')}</label>
          <input id={ids.filter} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
        </div>
      </div>
      {list}
      <div className="field launch-deadline">
        <label htmlFor={ids.day}>{t('adminFeedback.launch.deadline')}</label>
        <p id={`${ids.day}-hint`} className="hint">
          {t('adminFeedback.launch.deadlineHint')}
        </p>
        <input
          id={ids.day}
          type="date"
          value={day}
          aria-describedby={`${ids.day}-hint`}
          onChange={(e) => setDay(e.target.value)}
        />
      </div>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {result ? (
        <Alert tone="success">
          <p>
            {tn('adminFeedback.launch.done', result.campaigns.length, { count: result.campaigns.length })}
          </p>
          {result.skipped.length ? (
            <ul>
              {result.skipped.map((s) => (
                <li key={s.subjectId}>
                  {t('adminFeedback.launch.skipped', {
                    name: names.get(s.subjectId) ?? s.subjectId,
                    reason: s.reason,
                  })}
                </li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}
      <div className="form-actions">
        <Button type="submit" busy={busy} busyLabel={t('adminFeedback.launch.busy')}>
          {tn('adminFeedback.launch.submit', selected.size, { count: selected.size })}
        </Button>
      </div>
    </form>
  );
}

function Status() {
  const list = useAdminCampaigns();
  let content: ReactNode;
  if (list.isPending) content = <Loading />;
  else if (list.isError)
    content = <LoadError message={errorText(list.error)} onRetry={() => void list.refetch()} />;
  else if (list.data.campaigns.length === 0)
    content = <p className="muted">{t('adminFeedback.status.empty')}</p>;
  else
    content = (
      <ScrollTable labelledBy="af-status-caption">
        <table className="table">
          <caption id="af-status-caption" className="visually-hidden">
            {t('adminFeedback.status.title')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('adminFeedback.status.person')}</th>
              <th scope="col">{t('adminFeedback.status.status')}</th>
              <th scope="col">{t('adminFeedback.status.deadline')}</th>
              <th scope="col" className="num">
                {t('report.col.invited')}
              </th>
              <th scope="col" className="num">
                {t('report.col.responded')}
              </th>
              <th scope="col" className="num">
                {t('campaign.col.declined')}
              </th>
              <th scope="col">{t('adminFeedback.status.released')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.campaigns.map((c) => (
              <tr key={c.id}>
                <th scope="row">{c.subject.name}</th>
                <td>
                  <Badge tone={STATUS_TONE[c.status]}>{statusLabel(c.status)}</Badge>
                </td>
                <td>{formatDate(c.deadline)}</td>
                <td className="num">{c.progress.invited}</td>
                <td className="num">{c.progress.responded}</td>
                <td className="num">{c.progress.declined}</td>
                <td>{c.releasedAt ? formatDate(c.releasedAt) : t('report.noFigure')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    );
  return (
    <section className="card admin-section" aria-labelledby="af-status">
      <h2 id="af-status">{t('adminFeedback.status.title')}</h2>
      <p className="hint">{t('adminFeedback.status.intro')}</p>
      {content}
    </section>
  );
}

type NumberField =
  | 'fatigueThreshold'
  | 'reminderIntervalDays'
  | 'maxReminders'
  | 'defaultDurationDays'
  | 'commentMinimum'
  | 'minimumByGroup.peers'
  | 'minimumByGroup.direct_reports'
  | 'minimumByGroup.others';
type FlagField = 'approvalRequired' | 'managerShownSeparately' | 'mergeSmallGroupsIntoOthers';

/** The same ranges as the server's feedbackSettingsUpdate schema. */
const RANGES: Record<NumberField, [number, number]> = {
  fatigueThreshold: [1, 50],
  reminderIntervalDays: [1, 30],
  maxReminders: [0, 10],
  defaultDurationDays: [1, 90],
  commentMinimum: [2, 20],
  'minimumByGroup.peers': [2, 20],
  'minimumByGroup.direct_reports': [2, 20],
  'minimumByGroup.others': [2, 20],
};
const NUMBER_FIELDS = Object.keys(RANGES) as NumberField[];
const FLAG_FIELDS: FlagField[] = ['approvalRequired', 'managerShownSeparately', 'mergeSmallGroupsIntoOthers'];

const numberOf = (s: FeedbackSettings, f: NumberField): number =>
  f.startsWith('minimumByGroup.')
    ? s.minimumByGroup[f.slice('minimumByGroup.'.length) as 'peers' | 'direct_reports' | 'others']
    : s[f as Exclude<NumberField, `minimumByGroup.${string}`>];

function Settings() {
  const settings = useFeedbackSettings();
  let content: ReactNode;
  if (settings.isPending) content = <Loading />;
  else if (settings.isError)
    content = <LoadError message={errorText(settings.error)} onRetry={() => void settings.refetch()} />;
  else content = <SettingsForm initial={settings.data} />;
  return (
    <section className="card admin-section" aria-labelledby="af-settings">
      <h2 id="af-settings">{t('adminFeedback.settings.title')}</h2>
      {content}
    </section>
  );
}

function SettingsForm({ initial }: { initial: FeedbackSettings }) {
  const [values, setValues] = useState<Record<NumberField, string>>(
    () =>
      Object.fromEntries(NUMBER_FIELDS.map((f) => [f, String(numberOf(initial, f))])) as Record<
        NumberField,
        string
      >,
  );
  const [flags, setFlags] = useState<Record<FlagField, boolean>>(() => ({
    approvalRequired: initial.approvalRequired,
    managerShownSeparately: initial.managerShownSeparately,
    mergeSmallGroupsIntoOthers: initial.mergeSmallGroupsIntoOthers,
  }));
  const [errors, setErrors] = useState<Partial<Record<NumberField, string>>>({});
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const update = useUpdateFeedbackSettings();
  const busy = update.isPending;
  const [form, setForm] = useState<HTMLFormElement | null>(null);

  const label = (f: NumberField | FlagField) => t(`adminFeedback.settings.${f}`);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found: Partial<Record<NumberField, string>> = {};
    const parsed: Partial<Record<NumberField, number>> = {};
    for (const f of NUMBER_FIELDS) {
      const [min, max] = RANGES[f];
      const n = Number(values[f]);
      if (values[f].trim() === '' || !Number.isInteger(n) || n < min || n > max) {
        found[f] = t('adminFeedback.settings.rule', { label: label(f), min, max });
      } else parsed[f] = n;
    }
    setErrors(found);
    setMessage(null);
    if (Object.keys(found).length) {
      setMessage({ tone: 'error', text: t('form.fixErrors') });
      focusFirstInvalid(form);
      return;
    }
    const body: FeedbackSettingsUpdate = {
      ...flags,
      fatigueThreshold: parsed.fatigueThreshold!,
      reminderIntervalDays: parsed.reminderIntervalDays!,
      maxReminders: parsed.maxReminders!,
      defaultDurationDays: parsed.defaultDurationDays!,
      commentMinimum: parsed.commentMinimum!,
      minimumByGroup: {
        peers: parsed['minimumByGroup.peers']!,
        direct_reports: parsed['minimumByGroup.direct_reports']!,
        others: parsed['minimumByGroup.others']!,
      },
    };
    try {
      await update.mutateAsync(body);
      setMessage({ tone: 'success', text: t('adminFeedback.settings.saved') });
    } catch (e) {
      // The server names fields by path (`minimumByGroup.peers`): put each rule beside its control.
      if (e instanceof ApiError) {
        const server: Partial<Record<NumberField, string>> = {};
        for (const [path, rule] of Object.entries(e.fields)) {
          if ((NUMBER_FIELDS as string[]).includes(path))
            server[path as NumberField] = `${label(path as NumberField)} ${rule}`;
        }
        setErrors(server);
        focusFirstInvalid(form);
      }
      setMessage({ tone: 'error', text: errorText(e) });
    }
  };

  const numberInput = (f: NumberField) => {
    const [min, max] = RANGES[f];
    return (
      <Field
        key={f}
        label={label(f)}
        hint={t(`adminFeedback.settings.hint.${f}`, { min, max })}
        error={errors[f]}
      >
        {(props) => (
          <input
            {...props}
            type="number"
            inputMode="numeric"
            min={min}
            max={max}
            step={1}
            value={values[f]}
            onChange={(e) => setValues((v) => ({ ...v, [f]: e.target.value }))}
          />
        )}
      </Field>
    );
  };

  return (
    <form ref={setForm} noValidate onSubmit={(e) => void submit(e)} className="settings-form">
      {/* Above the fields, where "marked below" is true and where a screen reader lands first. */}
      {message?.tone === 'error' ? <Alert tone="error">{message.text}</Alert> : null}
      <fieldset className="fieldset">
        <legend>{t('adminFeedback.settings.process')}</legend>
        {FLAG_FIELDS.filter((f) => f === 'approvalRequired').map((f) => (
          <FlagInput
            key={f}
            field={f}
            label={label(f)}
            checked={flags[f]}
            onChange={(on) => setFlags((x) => ({ ...x, [f]: on }))}
          />
        ))}
        <div className="form-grid">
          {numberInput('defaultDurationDays')}
          {numberInput('fatigueThreshold')}
          {numberInput('reminderIntervalDays')}
          {numberInput('maxReminders')}
        </div>
      </fieldset>
      <fieldset className="fieldset">
        <legend>{t('adminFeedback.settings.anonymity')}</legend>
        <p className="hint">{t('adminFeedback.settings.anonymityIntro')}</p>
        <div className="form-grid">
          {numberInput('minimumByGroup.peers')}
          {numberInput('minimumByGroup.direct_reports')}
          {numberInput('minimumByGroup.others')}
          {numberInput('commentMinimum')}
        </div>
        {FLAG_FIELDS.filter((f) => f !== 'approvalRequired').map((f) => (
          <FlagInput
            key={f}
            field={f}
            label={label(f)}
            checked={flags[f]}
            onChange={(on) => setFlags((x) => ({ ...x, [f]: on }))}
          />
        ))}
      </fieldset>
      {message?.tone === 'success' ? <Alert tone="success">{message.text}</Alert> : null}
      <div className="form-actions">
        <Button type="submit" busy={busy} busyLabel={t('form.saving')}>
          {t('adminFeedback.settings.save')}
        </Button>
      </div>
    </form>
  );
}

function FlagInput({
  field,
  label,
  checked,
  onChange,
}: {
  field: FlagField;
  label: string;
  checked: boolean;
  onChange: (on: boolean) => void;
}) {
  const id = useId();
  return (
    <div className="checkbox">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        aria-describedby={`${id}-hint`}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
      <p id={`${id}-hint`} className="hint checkbox-hint">
        {t(`adminFeedback.settings.hint.${field}`)}
      </p>
    </div>
  );
}
