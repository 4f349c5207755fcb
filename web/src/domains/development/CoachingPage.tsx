// /plan/coaching: coaching relationships. A coachee accepts or declines requests and can end a
// relationship (the coach then loses, at once, what was shared with them as coach); a coach asks
// to coach someone and sees whom they coach. The request → accept step is the coachee's consent.
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { useSession } from '../../app/session.tsx';
import { formatDate, t } from '../../i18n/index.ts';
import { Alert, Button, LoadError, Loading, PageHeading } from '../../ui/components.tsx';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { errorText } from '../../ui/errors.ts';
import { usePeople } from '../people/queries.ts';
import type { CoachingRelationship } from './plan-api.ts';
import {
  useAcceptCoaching,
  useCoaching,
  useDeclineCoaching,
  useEndCoaching,
  useRequestCoaching,
} from './queries.ts';
import './development.css';

type Notice = { tone: 'success' | 'error'; text: string } | null;

export function CoachingPage() {
  const coaching = useCoaching();
  const { viewer } = useSession();
  const isCoach = viewer?.person.roles.includes('coach') ?? false;
  const [notice, setNotice] = useState<Notice>(null);
  let content: ReactNode;
  if (coaching.isPending) content = <Loading />;
  else if (coaching.isError)
    content = <LoadError message={errorText(coaching.error)} onRetry={() => void coaching.refetch()} />;
  else {
    const { asCoachee, asCoach } = coaching.data;
    const requests = asCoachee.filter((r) => r.status === 'requested');
    const coaches = asCoachee.filter((r) => r.status === 'active');
    content = (
      <>
        <section className="card stack" aria-labelledby="coaching-requests">
          <h2 id="coaching-requests">{t('plan.coaching.requests')}</h2>
          {requests.length === 0 ? <p className="muted">{t('plan.coaching.noRequests')}</p> : null}
          <ul className="plan-rows">
            {requests.map((r) => (
              <RequestRow key={r.id} relationship={r} onDone={setNotice} />
            ))}
          </ul>
        </section>
        <section className="card stack" aria-labelledby="coaching-coaches">
          <h2 id="coaching-coaches">{t('plan.coaching.myCoaches')}</h2>
          {coaches.length === 0 ? <p className="muted">{t('plan.coaching.noCoaches')}</p> : null}
          <ul className="plan-rows">
            {coaches.map((r) => (
              <ActiveRow key={r.id} relationship={r} other={r.coach.name} onDone={setNotice} />
            ))}
          </ul>
        </section>
        {isCoach || asCoach.length ? <AsCoach relationships={asCoach} onDone={setNotice} /> : null}
      </>
    );
  }
  return (
    <section className="plan plan-narrow">
      <PageHeading title={t('plan.coaching.title')} />
      <p className="lead">{t('plan.coaching.intro')}</p>
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      {content}
    </section>
  );
}

function RequestRow({
  relationship: r,
  onDone,
}: {
  relationship: CoachingRelationship;
  onDone: (n: Notice) => void;
}) {
  const accept = useAcceptCoaching();
  const decline = useDeclineCoaching();
  const busy = accept.isPending || decline.isPending;
  const fail = (error: unknown) => onDone({ tone: 'error', text: errorText(error) });
  return (
    <li className="plan-row">
      <p>{t('plan.coaching.requestFrom', { name: r.coach.name, date: formatDate(r.requestedAt) })}</p>
      <div className="form-actions">
        <Button
          busy={accept.isPending}
          onClick={() =>
            !busy &&
            accept.mutate(r.id, {
              onSuccess: () =>
                onDone({ tone: 'success', text: t('plan.coaching.accepted', { name: r.coach.name }) }),
              onError: fail,
            })
          }
        >
          {t('plan.coaching.accept')}
          <span className="visually-hidden"> — {r.coach.name}</span>
        </Button>
        <Button
          variant="secondary"
          busy={decline.isPending}
          onClick={() =>
            !busy &&
            decline.mutate(r.id, {
              onSuccess: () =>
                onDone({ tone: 'success', text: t('plan.coaching.declined', { name: r.coach.name }) }),
              onError: fail,
            })
          }
        >
          {t('plan.coaching.decline')}
          <span className="visually-hidden"> — {r.coach.name}</span>
        </Button>
      </div>
    </li>
  );
}

/** An active relationship with an "end" button behind a confirmation: the effect is immediate. */
function ActiveRow({
  relationship: r,
  other,
  onDone,
}: {
  relationship: CoachingRelationship;
  other: string;
  onDone: (n: Notice) => void;
}) {
  const end = useEndCoaching();
  const [open, setOpen] = useState(false);
  return (
    <li className="plan-row">
      <p>
        <strong>{other}</strong>{' '}
        <span className="muted">
          {t('plan.coaching.since', { date: formatDate(r.respondedAt ?? r.requestedAt) })}
        </span>
      </p>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        {t('plan.coaching.end')}
        <span className="visually-hidden"> — {other}</span>
      </Button>
      <ConfirmDialog
        open={open}
        title={t('plan.coaching.endTitle', { name: other })}
        confirmLabel={t('plan.coaching.end')}
        cancelLabel={t('plan.cancel')}
        tone="danger"
        busy={end.isPending}
        error={end.isError ? errorText(end.error) : null}
        onConfirm={() =>
          end.mutate(r.id, {
            onSuccess: () => {
              setOpen(false);
              onDone({ tone: 'success', text: t('plan.coaching.ended', { name: other }) });
            },
          })
        }
        onCancel={() => setOpen(false)}
      >
        <p>{t('plan.coaching.endBody', { name: other })}</p>
      </ConfirmDialog>
    </li>
  );
}

function AsCoach({
  relationships,
  onDone,
}: {
  relationships: CoachingRelationship[];
  onDone: (n: Notice) => void;
}) {
  const id = useId();
  const people = usePeople();
  const request = useRequestCoaching();
  const { viewer } = useSession();
  const [personId, setPersonId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const active = relationships.filter((r) => r.status === 'active');
  const pending = relationships.filter((r) => r.status === 'requested');
  const taken = new Set([...active, ...pending].map((r) => r.coachee.id));
  const choices = (people.data?.items ?? [])
    .filter((p) => p.id !== viewer?.person.id && !taken.has(p.id) && p.status !== 'disabled')
    .sort((a, b) => a.name.localeCompare(b.name));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (request.isPending) return;
    if (!personId) {
      setError(t('plan.coaching.personRequired'));
      document.getElementById(`${id}-person`)?.focus();
      return;
    }
    setError(null);
    const name = choices.find((p) => p.id === personId)?.name ?? '';
    request.mutate(personId, {
      onSuccess: () => {
        setPersonId('');
        onDone({ tone: 'success', text: t('plan.coaching.sent', { name }) });
      },
      onError: (e) => {
        setError(errorText(e));
        document.getElementById(`${id}-person`)?.focus();
      },
    });
  };

  return (
    <section className="card stack" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('plan.coaching.asCoach')}</h2>
      <h3>{t('plan.coaching.myCoachees')}</h3>
      {active.length === 0 ? <p className="muted">{t('plan.coaching.noCoachees')}</p> : null}
      <ul className="plan-rows">
        {active.map((r) => (
          <ActiveRow key={r.id} relationship={r} other={r.coachee.name} onDone={onDone} />
        ))}
      </ul>
      {pending.length ? (
        <>
          <h3>{t('plan.coaching.sentRequests')}</h3>
          <ul className="plan-rows">
            {pending.map((r) => (
              <li key={r.id} className="plan-row">
                <p>
                  <strong>{r.coachee.name}</strong>{' '}
                  <span className="muted">{t('plan.coaching.pending')}</span>
                </p>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <form className="stack" onSubmit={submit} noValidate aria-labelledby={`${id}-ask`}>
        <h3 id={`${id}-ask`}>{t('plan.coaching.ask')}</h3>
        <div className={`field${error ? ' field-invalid' : ''}`}>
          <label htmlFor={`${id}-person`}>{t('plan.coaching.person')}</label>
          <p id={`${id}-hint`} className="hint">
            {t('plan.coaching.askHint')}
          </p>
          {error ? (
            <p id={`${id}-error`} className="field-error">
              <span aria-hidden="true">! </span>
              {error}
            </p>
          ) : null}
          <select
            id={`${id}-person`}
            value={personId}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error ${id}-hint` : `${id}-hint`}
            onChange={(e) => setPersonId(e.target.value)}
          >
            <option value="">{t('plan.coaching.choosePerson')}</option>
            {choices.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div className="form-actions">
          <Button type="submit" busy={request.isPending} busyLabel={t('form.saving')}>
            {t('plan.coaching.send')}
          </Button>
        </div>
      </form>
    </section>
  );
}
