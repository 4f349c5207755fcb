// /check-ins/new: schedule a check-in with the manager or the accepted coach. The agenda proposes
// the experiments due this week; each says whether the chosen person already sees it, and only
// what the participant ticks is copied onto the agenda (the rest of the plan stays as shared).
import { type FormEvent, type ReactNode, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  CHECK_IN_TITLE_MAX,
  DURATION_DEFAULT_MINUTES,
  LEARNED_MAX,
} from '../../../../src/domains/checkins/constants.ts';
import { formatDate, t } from '../../i18n/index.ts';
import {
  Alert,
  Badge,
  Button,
  Field,
  focusFirstInvalid,
  LoadError,
  Loading,
  PageHeading,
} from '../../ui/components.tsx';
import { errorText, splitFieldErrors } from '../../ui/errors.ts';
import { relationText } from './format.ts';
import { type Counterpart, type Proposal, useProposal, useSchedule } from './queries.ts';
import {
  browserTimeZone,
  type Timing,
  TimingFields,
  timingBody,
  timingLabels,
  timingProblems,
} from './timing-fields.tsx';
import './checkins.css';

export function ScheduleCheckInPage() {
  const proposal = useProposal();
  let content: ReactNode;
  if (proposal.isPending) content = <Loading />;
  else if (proposal.isError)
    content = <LoadError message={errorText(proposal.error)} onRetry={() => void proposal.refetch()} />;
  else if (!proposal.data.counterparts.length)
    content = (
      <Alert tone="info">
        {t('checkins.new.noCounterpart')} <Link to="/plan/coaching">{t('checkins.new.coaching')}</Link>
      </Alert>
    );
  else content = <ScheduleForm proposal={proposal.data} />;
  return (
    <section className="checkins checkins-narrow stack">
      <p>
        <Link to="/check-ins">{t('checkins.new.back')}</Link>
      </p>
      <PageHeading title={t('checkins.new.title')} />
      <p className="lead">{t('checkins.intro')}</p>
      {content}
    </section>
  );
}

/** Tomorrow at 09:00 local time, as the date-time input shows it. */
function tomorrowMorning(): string {
  const d = new Date(Date.now() + 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T09:00`;
}

const sharedWith = (item: Proposal['agenda'][number], c: Counterpart) =>
  c.relation === 'manager' ? item.sharedWith.manager : item.sharedWith.coach;

function ScheduleForm({ proposal }: { proposal: Proposal }) {
  const schedule = useSchedule();
  const navigate = useNavigate();
  const form = useRef<HTMLFormElement>(null);
  const [withId, setWithId] = useState(proposal.counterparts[0]!.id);
  const counterpart = proposal.counterparts.find((c) => c.id === withId) ?? proposal.counterparts[0]!;
  const [title, setTitle] = useState('');
  const [timing, setTiming] = useState<Timing>({
    startsAt: tomorrowMorning(),
    durationMinutes: String(DURATION_DEFAULT_MINUTES),
    timeZone: browserTimeZone(),
    place: '',
    videoUrl: '',
  });
  // Ticked by the participant; what is already shared with the chosen person starts ticked.
  const [picked, setPicked] = useState<Record<string, boolean>>({});
  const isPicked = (item: Proposal['agenda'][number]) =>
    picked[item.experimentId] ?? sharedWith(item, counterpart);
  const [learned, setLearned] = useState('');
  const [local, setLocal] = useState<ReturnType<typeof timingProblems>>({});

  const labels = {
    ...timingLabels(),
    withPersonId: t('checkins.new.with'),
    title: t('checkins.new.titleLabel'),
    agendaExperimentIds: t('checkins.new.agenda'),
    learned: t('checkins.new.learned'),
  };
  const server = splitFieldErrors(schedule.error, labels);
  const errors = { ...server.fields, ...local };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (schedule.isPending) return;
    const problems = timingProblems(timing);
    setLocal(problems);
    if (Object.keys(problems).length) {
      focusFirstInvalid(form.current);
      return;
    }
    schedule.mutate(
      {
        withPersonId: counterpart.id,
        ...(title.trim() ? { title: title.trim() } : {}),
        ...timingBody(timing),
        agendaExperimentIds: proposal.agenda.filter(isPicked).map((i) => i.experimentId),
        learned,
      },
      {
        onSuccess: (created) => void navigate(`/check-ins/${created.id}`),
        onError: () => focusFirstInvalid(form.current),
      },
    );
  };

  return (
    <form ref={form} className="card stack" onSubmit={submit} noValidate>
      {schedule.isError && !Object.keys(server.fields).length ? (
        <Alert tone="error">{[errorText(schedule.error), ...server.other].join(' ')}</Alert>
      ) : server.other.length ? (
        <Alert tone="error">{server.other.join(' ')}</Alert>
      ) : null}
      <fieldset className="fieldset">
        <legend>{labels.withPersonId}</legend>
        {errors.withPersonId ? <p className="field-error">{errors.withPersonId}</p> : null}
        <div className="checkbox-row">
          {proposal.counterparts.map((c) => (
            <div className="checkbox" key={c.id}>
              <input
                id={`checkin-with-${c.id}`}
                type="radio"
                name="withPersonId"
                checked={c.id === counterpart.id}
                onChange={() => setWithId(c.id)}
              />
              <label htmlFor={`checkin-with-${c.id}`}>
                {c.name}
                <span className="hint">{relationText(c.relation)}</span>
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      <Field label={labels.title} hint={t('checkins.new.titleHint')} error={errors.title}>
        {(props) => (
          <input
            {...props}
            type="text"
            maxLength={CHECK_IN_TITLE_MAX}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
          />
        )}
      </Field>
      <TimingFields value={timing} onChange={setTiming} errors={errors} idPrefix="schedule" />
      <fieldset className="fieldset checkin-agenda-pick">
        <legend>{labels.agendaExperimentIds}</legend>
        <p className="hint">{t('checkins.new.agendaHint', { name: counterpart.name })}</p>
        {errors.agendaExperimentIds ? <p className="field-error">{errors.agendaExperimentIds}</p> : null}
        {proposal.agenda.length ? (
          <ul className="checkin-pick-list">
            {proposal.agenda.map((item) => (
              <li key={item.experimentId} className="checkbox">
                <input
                  id={`agenda-${item.experimentId}`}
                  type="checkbox"
                  checked={isPicked(item)}
                  onChange={(e) => setPicked({ ...picked, [item.experimentId]: e.currentTarget.checked })}
                />
                <label htmlFor={`agenda-${item.experimentId}`}>
                  {item.action}
                  <span className="hint">
                    {t('checkins.agenda.focus', { title: item.focusTitle })} ·{' '}
                    {t('checkins.agenda.review', { date: formatDate(item.reviewOn) })}
                  </span>
                  <span>
                    {sharedWith(item, counterpart) ? (
                      <Badge tone="neutral">{t('checkins.new.shared', { name: counterpart.name })}</Badge>
                    ) : (
                      <Badge tone="warning">{t('checkins.new.notShared', { name: counterpart.name })}</Badge>
                    )}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('checkins.new.agendaEmpty')}</p>
        )}
      </fieldset>
      <Field
        label={labels.learned}
        hint={t('checkins.new.learnedHint', { name: counterpart.name })}
        error={errors.learned}
      >
        {(props) => (
          <textarea
            {...props}
            rows={4}
            maxLength={LEARNED_MAX}
            value={learned}
            onChange={(e) => setLearned(e.currentTarget.value)}
          />
        )}
      </Field>
      <div className="form-actions">
        <Button type="submit" busy={schedule.isPending} busyLabel={t('checkins.new.busy')}>
          {t('checkins.new.submit')}
        </Button>
      </div>
    </form>
  );
}
