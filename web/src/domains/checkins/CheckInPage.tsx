// /check-ins/:id: one check-in for its two people. Both read the agenda, write the shared notes
// and record agreed actions; the participant also writes what they learned, moves, cancels or
// marks it held. A change the other person made meanwhile to the notes is not overwritten: the
// page says so and offers their version.
import { type FormEvent, type ReactNode, useRef, useState } from 'react';
import { Link } from 'react-router';
import { LEARNED_MAX, NOTES_MAX } from '../../../../src/domains/checkins/constants.ts';
import { ApiError } from '../../api.ts';
import { formatDate, formatDateTime, t } from '../../i18n/index.ts';
import {
  Alert,
  Button,
  Field,
  focusFirstInvalid,
  LoadError,
  Loading,
  PageHeading,
} from '../../ui/components.tsx';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { errorText, splitFieldErrors } from '../../ui/errors.ts';
import { AgreedActions } from './agreed-actions.tsx';
import { StatusBadge, withWhom } from './CheckInsPage.tsx';
import { readerTime, whenText } from './format.ts';
import {
  type CheckInDetail,
  useCancel,
  useCheckIn,
  useComplete,
  useReschedule,
  useWriteLearned,
  useWriteNotes,
} from './queries.ts';
import { type Timing, TimingFields, timingBody, timingLabels, timingProblems } from './timing-fields.tsx';
import './checkins.css';

export function CheckInPage({ id }: { id: string }) {
  const checkIn = useCheckIn(id);
  let content: ReactNode;
  if (checkIn.isPending) content = <Loading />;
  else if (checkIn.isError)
    content = <LoadError message={errorText(checkIn.error)} onRetry={() => void checkIn.refetch()} />;
  else content = <CheckInView checkIn={checkIn.data} />;
  return (
    <section className="checkins stack">
      <p>
        <Link to="/check-ins">{t('checkins.detail.back')}</Link>
      </p>
      {checkIn.data ? null : <PageHeading title={t('checkins.title')} />}
      {content}
    </section>
  );
}

function CheckInView({ checkIn: c }: { checkIn: CheckInDetail }) {
  const owner = c.viewerRole === 'owner';
  const open = c.status === 'scheduled';
  const [announcement, setAnnouncement] = useState('');
  const mine = readerTime(c);
  return (
    <>
      <PageHeading title={c.title} />
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      <div className="card checkin-summary">
        <div className="checkin-item-head">
          <p>{withWhom(c)}</p>
          <StatusBadge status={c.status} />
        </div>
        <dl className="checkin-facts">
          <dt>{t('checkins.detail.when')}</dt>
          <dd>
            {whenText(c)} · {t('checkins.minutes', { minutes: c.durationMinutes })}
            {mine ? <span className="muted checkin-reader-time">{mine}</span> : null}
          </dd>
          {c.place ? (
            <>
              <dt>{t('checkins.detail.where')}</dt>
              <dd>{c.place}</dd>
            </>
          ) : null}
          {c.videoUrl ? (
            <>
              <dt>{t('checkins.detail.video')}</dt>
              <dd>
                <a href={c.videoUrl} rel="noopener noreferrer" target="_blank" className="checkin-link">
                  {c.videoUrl}
                </a>
              </dd>
            </>
          ) : null}
        </dl>
        {c.completedAt ? (
          <p className="muted">{t('checkins.detail.completed', { date: formatDateTime(c.completedAt) })}</p>
        ) : null}
        {c.cancelledAt ? (
          <p className="muted">{t('checkins.detail.cancelled', { date: formatDateTime(c.cancelledAt) })}</p>
        ) : null}
        {owner && !c.relationHolds && open ? (
          <Alert tone="info">{t('checkins.detail.gone', { name: c.counterpart.name })}</Alert>
        ) : null}
        {owner && open ? <OwnerControls checkIn={c} onAnnounce={setAnnouncement} /> : null}
      </div>
      <div className="checkin-layout">
        <div className="stack">
          <section className="card stack" aria-labelledby="checkin-agenda">
            <h2 id="checkin-agenda">{t('checkins.agenda.title')}</h2>
            {c.agenda.length ? (
              <ul className="checkin-agenda">
                {c.agenda.map((a) => (
                  <li key={a.experimentId}>
                    <strong>{a.action}</strong>
                    <span className="muted">
                      {t('checkins.agenda.focus', { title: a.focusTitle })} ·{' '}
                      {t('checkins.agenda.review', { date: formatDate(a.reviewOn) })}
                      {a.reasons.length
                        ? ` · ${a.reasons
                            .map((r) =>
                              r === 'start' || r === 'review' || r === 'practice'
                                ? t(`checkins.reason.${r}`)
                                : r,
                            )
                            .join(', ')}`
                        : ''}
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">{t('checkins.agenda.empty')}</p>
            )}
            <Learned checkIn={c} onAnnounce={setAnnouncement} />
          </section>
          <AgreedActions checkIn={c} onAnnounce={setAnnouncement} />
        </div>
        <Notes checkIn={c} onAnnounce={setAnnouncement} />
      </div>
    </>
  );
}

function OwnerControls({ checkIn: c, onAnnounce }: { checkIn: CheckInDetail; onAnnounce(m: string): void }) {
  const [moving, setMoving] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const cancel = useCancel(c.id);
  const complete = useComplete(c.id);
  return (
    <>
      <div className="form-actions">
        <Button variant="secondary" aria-expanded={moving} onClick={() => setMoving(!moving)}>
          {t('checkins.detail.reschedule')}
        </Button>
        <Button
          variant="secondary"
          busy={complete.isPending}
          onClick={() =>
            complete.mutate(undefined, { onSuccess: () => onAnnounce(t('checkins.status.completed')) })
          }
        >
          {t('checkins.detail.complete')}
        </Button>
        <Button variant="danger" onClick={() => setCancelling(true)}>
          {t('checkins.detail.cancel')}
        </Button>
      </div>
      {complete.isError ? <Alert tone="error">{errorText(complete.error)}</Alert> : null}
      {moving ? (
        <RescheduleForm
          checkIn={c}
          onDone={() => {
            setMoving(false);
            onAnnounce(t('checkins.detail.rescheduled'));
          }}
          onClose={() => setMoving(false)}
        />
      ) : null}
      <ConfirmDialog
        open={cancelling}
        title={t('checkins.detail.cancelTitle')}
        confirmLabel={t('checkins.detail.cancelConfirm')}
        cancelLabel={t('checkins.detail.keep')}
        tone="danger"
        busy={cancel.isPending}
        error={cancel.isError ? errorText(cancel.error) : null}
        onConfirm={() =>
          cancel.mutate(undefined, {
            onSuccess: () => {
              setCancelling(false);
              onAnnounce(t('checkins.status.cancelled'));
            },
          })
        }
        onCancel={() => setCancelling(false)}
      >
        <p>{t('checkins.detail.cancelBody')}</p>
      </ConfirmDialog>
    </>
  );
}

function RescheduleForm({
  checkIn: c,
  onDone,
  onClose,
}: {
  checkIn: CheckInDetail;
  onDone(): void;
  onClose(): void;
}) {
  const reschedule = useReschedule(c.id);
  const form = useRef<HTMLFormElement>(null);
  const [timing, setTiming] = useState<Timing>({
    startsAt: c.localStart,
    durationMinutes: String(c.durationMinutes),
    timeZone: c.timeZone,
    place: c.place ?? '',
    videoUrl: c.videoUrl ?? '',
  });
  const [local, setLocal] = useState<ReturnType<typeof timingProblems>>({});
  const server = splitFieldErrors(reschedule.error, timingLabels());
  const errors = { ...server.fields, ...local };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reschedule.isPending) return;
    const problems = timingProblems(timing);
    setLocal(problems);
    if (Object.keys(problems).length) return focusFirstInvalid(form.current);
    reschedule.mutate(timingBody(timing), {
      onSuccess: onDone,
      onError: () => focusFirstInvalid(form.current),
    });
  };
  return (
    <form
      ref={form}
      className="stack checkin-reschedule"
      onSubmit={submit}
      noValidate
      aria-labelledby="reschedule-title"
    >
      <h2 id="reschedule-title">{t('checkins.detail.rescheduleTitle')}</h2>
      {reschedule.isError && !Object.keys(server.fields).length ? (
        <Alert tone="error">{[errorText(reschedule.error), ...server.other].join(' ')}</Alert>
      ) : null}
      <TimingFields value={timing} onChange={setTiming} errors={errors} idPrefix="reschedule" />
      <div className="form-actions">
        <Button type="submit" busy={reschedule.isPending}>
          {t('checkins.detail.rescheduleSubmit')}
        </Button>
        <Button variant="secondary" onClick={onClose}>
          {t('checkins.detail.close')}
        </Button>
      </div>
    </form>
  );
}

function Learned({ checkIn: c, onAnnounce }: { checkIn: CheckInDetail; onAnnounce(m: string): void }) {
  const write = useWriteLearned(c.id);
  const [text, setText] = useState(c.learned);
  if (c.viewerRole !== 'owner' || c.status === 'cancelled')
    return (
      <div>
        <h3>{t('checkins.learned.title')}</h3>
        <p className="checkin-prose">
          {c.learned || <span className="muted">{t('checkins.learned.empty')}</span>}
        </p>
      </div>
    );
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        if (!write.isPending)
          write.mutate(text, { onSuccess: () => onAnnounce(t('checkins.learned.saved')) });
      }}
    >
      <Field label={t('checkins.learned.title')} error={write.isError ? errorText(write.error) : undefined}>
        {(props) => (
          <textarea
            {...props}
            rows={3}
            maxLength={LEARNED_MAX}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
          />
        )}
      </Field>
      <div className="form-actions">
        <Button type="submit" variant="secondary" busy={write.isPending}>
          {t('checkins.learned.save')}
        </Button>
      </div>
    </form>
  );
}

function Notes({ checkIn: c, onAnnounce }: { checkIn: CheckInDetail; onAnnounce(m: string): void }) {
  const write = useWriteNotes(c.id);
  const [text, setText] = useState(c.notes);
  const [version, setVersion] = useState(c.notesVersion);
  const conflict =
    write.error instanceof ApiError && write.error.status === 409 && 'version' in write.error.fields;
  if (c.status === 'cancelled')
    return (
      <section className="card stack" aria-labelledby="checkin-notes">
        <h2 id="checkin-notes">{t('checkins.notes.title')}</h2>
        <p className="checkin-prose">{c.notes}</p>
      </section>
    );
  return (
    <section className="card stack" aria-labelledby="checkin-notes">
      <h2 id="checkin-notes">{t('checkins.notes.title')}</h2>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          if (write.isPending) return;
          write.mutate(
            { notes: text, version },
            {
              onSuccess: (saved) => {
                setVersion(saved.notesVersion);
                onAnnounce(t('checkins.notes.saved'));
              },
            },
          );
        }}
      >
        <Field label={t('checkins.notes.label')} hint={t('checkins.notes.hint')}>
          {(props) => (
            <textarea
              {...props}
              rows={10}
              maxLength={NOTES_MAX}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
            />
          )}
        </Field>
        {conflict ? (
          <Alert tone="error">
            {t('checkins.notes.conflict')}{' '}
            <Button
              variant="link"
              onClick={() => {
                setText(c.notes);
                setVersion(c.notesVersion);
                write.reset();
              }}
            >
              {t('checkins.notes.reload')}
            </Button>
          </Alert>
        ) : write.isError ? (
          <Alert tone="error">{errorText(write.error)}</Alert>
        ) : null}
        <div className="form-actions">
          <Button type="submit" busy={write.isPending}>
            {t('checkins.notes.save')}
          </Button>
        </div>
      </form>
    </section>
  );
}
