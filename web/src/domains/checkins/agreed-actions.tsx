// The actions agreed in a check-in. Either person adds one and ticks a task done; the participant
// can make one an experiment in an active focus area of their plan (it then lives in the plan,
// where its progress is tracked), or keep it as a task, which their plan page lists too.
import { type FormEvent, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { ACTION_TITLE_MAX } from '../../../../src/domains/checkins/constants.ts';
import { ApiError } from '../../api.ts';
import { t } from '../../i18n/index.ts';
import { Alert, Button, Field, focusFirstInvalid } from '../../ui/components.tsx';
import { errorText, fieldRule, splitFieldErrors } from '../../ui/errors.ts';
import { useCurrentPlan } from '../development/queries.ts';
import {
  type Action,
  type CheckInDetail,
  useActionDone,
  useActionToExperiment,
  useAddAction,
} from './queries.ts';

export function AgreedActions({
  checkIn: c,
  onAnnounce,
}: {
  checkIn: CheckInDetail;
  onAnnounce(m: string): void;
}) {
  const open = c.status !== 'cancelled';
  return (
    <section className="card stack" aria-labelledby="checkin-actions">
      <h2 id="checkin-actions">{t('checkins.actions.title')}</h2>
      {c.actions.length ? (
        <ul className="checkin-actions">
          {c.actions.map((a) => (
            <ActionItem key={a.id} action={a} checkIn={c} onAnnounce={onAnnounce} />
          ))}
        </ul>
      ) : (
        <p className="muted">{t('checkins.actions.empty')}</p>
      )}
      {open ? <AddAction checkInId={c.id} onAnnounce={onAnnounce} /> : null}
    </section>
  );
}

function ActionItem({
  action: a,
  checkIn: c,
  onAnnounce,
}: {
  action: Action;
  checkIn: CheckInDetail;
  onAnnounce(m: string): void;
}) {
  const done = useActionDone(c.id);
  const [converting, setConverting] = useState(false);
  const box = useId();
  if (a.kind === 'experiment')
    return (
      <li className="checkin-action">
        <strong>{a.title}</strong>
        <span className="muted">
          {t('checkins.actions.inPlan')}
          {c.viewerRole === 'owner' ? (
            <>
              {' · '}
              <Link to="/plan">{t('checkins.actions.openPlan')}</Link>
            </>
          ) : null}
        </span>
      </li>
    );
  return (
    <li className="checkin-action">
      <div className="checkbox">
        <input
          id={box}
          type="checkbox"
          checked={a.done}
          disabled={c.status === 'cancelled'}
          onChange={(e) => done.mutate({ id: a.id, done: e.currentTarget.checked })}
        />
        <label htmlFor={box}>
          <span className={a.done ? 'checkin-done' : undefined}>{a.title}</span>
          <span className="hint">{t('checkins.actions.by', { name: a.author.name })}</span>
        </label>
      </div>
      {done.isError ? <Alert tone="error">{errorText(done.error)}</Alert> : null}
      {c.viewerRole === 'owner' && c.status !== 'cancelled' && !a.done ? (
        converting ? (
          <ExperimentForm
            action={a}
            checkInId={c.id}
            onDone={() => {
              setConverting(false);
              onAnnounce(t('checkins.actions.inPlan'));
            }}
            onClose={() => setConverting(false)}
          />
        ) : (
          <Button variant="link" onClick={() => setConverting(true)}>
            {t('checkins.actions.toExperiment')}
          </Button>
        )
      ) : null}
    </li>
  );
}

function AddAction({ checkInId, onAnnounce }: { checkInId: string; onAnnounce(m: string): void }) {
  const add = useAddAction(checkInId);
  const [title, setTitle] = useState('');
  const [local, setLocal] = useState<string | null>(null);
  const label = t('checkins.actions.add');
  const server = splitFieldErrors(add.error, { title: label });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (add.isPending) return;
    if (!title.trim()) return setLocal(fieldRule(label, t('checkins.timing.required')));
    setLocal(null);
    add.mutate(title.trim(), {
      onSuccess: (created) => {
        setTitle('');
        onAnnounce(created.title);
      },
    });
  };
  return (
    <form className="checkin-add-action" onSubmit={submit} noValidate>
      <Field
        label={label}
        error={
          local ??
          server.fields.title ??
          (add.isError && !server.fields.title ? errorText(add.error) : undefined)
        }
      >
        {(props) => (
          <input
            {...props}
            type="text"
            maxLength={ACTION_TITLE_MAX}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
          />
        )}
      </Field>
      <Button type="submit" variant="secondary" busy={add.isPending}>
        {t('checkins.actions.addSubmit')}
      </Button>
    </form>
  );
}

/** A calendar day in the person's own time zone, as the date input shows it. */
function localDay(offsetDays = 0): string {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

type ExperimentField = 'focusId' | 'action' | 'situation' | 'frequency' | 'signal' | 'startsOn' | 'reviewOn';

function ExperimentForm({
  action: a,
  checkInId,
  onDone,
  onClose,
}: {
  action: Action;
  checkInId: string;
  onDone(): void;
  onClose(): void;
}) {
  const plan = useCurrentPlan();
  const convert = useActionToExperiment(checkInId);
  const form = useRef<HTMLFormElement>(null);
  const focusAreas = (plan.data?.focusAreas ?? []).filter((f) => f.status === 'active');
  const [values, setValues] = useState<Record<ExperimentField, string>>({
    focusId: '',
    action: a.title,
    situation: '',
    frequency: '',
    signal: '',
    startsOn: localDay(),
    reviewOn: localDay(14),
  });
  const labels: Record<ExperimentField, string> = {
    focusId: t('checkins.experiment.focus'),
    action: t('checkins.experiment.action'),
    situation: t('checkins.experiment.situation'),
    frequency: t('checkins.experiment.frequency'),
    signal: t('checkins.experiment.signal'),
    startsOn: t('checkins.experiment.startsOn'),
    reviewOn: t('checkins.experiment.reviewOn'),
  };
  const [local, setLocal] = useState<Partial<Record<ExperimentField, string>>>({});
  // The server names the experiment's fields "experiment.<field>": shown beside the same inputs.
  const fieldErrors: Partial<Record<ExperimentField, string>> = { ...local };
  const serverFields = convert.error instanceof ApiError ? convert.error.fields : {};
  for (const [path, rule] of Object.entries(serverFields)) {
    const field = path.replace(/^experiment\./, '') as ExperimentField;
    if (field in labels) fieldErrors[field] ??= fieldRule(labels[field], rule);
  }
  if (plan.data && !focusAreas.length) return <Alert tone="info">{t('checkins.actions.noFocus')}</Alert>;
  const focusId = values.focusId || focusAreas[0]?.id || '';
  const set = (field: ExperimentField) => (e: { currentTarget: { value: string } }) =>
    setValues({ ...values, [field]: e.currentTarget.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (convert.isPending) return;
    const problems: Partial<Record<ExperimentField, string>> = {};
    for (const f of ['action', 'situation', 'frequency', 'signal', 'startsOn', 'reviewOn'] as const)
      if (!values[f].trim()) problems[f] = fieldRule(labels[f], t('checkins.timing.required'));
    setLocal(problems);
    if (Object.keys(problems).length) return focusFirstInvalid(form.current);
    convert.mutate(
      {
        id: a.id,
        focusId,
        experiment: {
          action: values.action.trim(),
          situation: values.situation.trim(),
          frequency: values.frequency.trim(),
          signal: values.signal.trim(),
          startsOn: values.startsOn,
          reviewOn: values.reviewOn,
          status: 'planned',
        },
      },
      { onSuccess: onDone, onError: () => focusFirstInvalid(form.current) },
    );
  };
  const text = (field: Exclude<ExperimentField, 'focusId' | 'startsOn' | 'reviewOn'>) => (
    <Field label={labels[field]} error={fieldErrors[field]}>
      {(props) => <input {...props} type="text" value={values[field]} onChange={set(field)} />}
    </Field>
  );
  return (
    <form
      ref={form}
      className="stack checkin-experiment"
      onSubmit={submit}
      noValidate
      aria-label={t('checkins.experiment.title', { title: a.title })}
    >
      {convert.isError && !Object.keys(fieldErrors).length ? (
        <Alert tone="error">{errorText(convert.error)}</Alert>
      ) : null}
      <Field label={labels.focusId} error={fieldErrors.focusId}>
        {(props) => (
          <select {...props} value={focusId} onChange={set('focusId')}>
            {focusAreas.map((f) => (
              <option key={f.id} value={f.id}>
                {f.title}
              </option>
            ))}
          </select>
        )}
      </Field>
      {text('action')}
      {text('situation')}
      {text('frequency')}
      {text('signal')}
      <div className="form-grid">
        <Field label={labels.startsOn} error={fieldErrors.startsOn}>
          {(props) => <input {...props} type="date" value={values.startsOn} onChange={set('startsOn')} />}
        </Field>
        <Field label={labels.reviewOn} error={fieldErrors.reviewOn}>
          {(props) => <input {...props} type="date" value={values.reviewOn} onChange={set('reviewOn')} />}
        </Field>
      </div>
      <div className="form-actions">
        <Button type="submit" busy={convert.isPending}>
          {t('checkins.experiment.submit')}
        </Button>
        <Button variant="secondary" onClick={onClose}>
          {t('checkins.actions.keepTask')}
        </Button>
      </div>
    </form>
  );
}
