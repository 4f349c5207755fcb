import { type ReactNode, useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError, type PersonDetail } from '../../api.ts';
import { isAdmin, useViewer } from '../../app/session.tsx';
import { formatDate, t } from '../../i18n/index.ts';
import { Alert, Button, LoadError, Loading, PageHeading } from '../../ui/components.tsx';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { errorText } from '../../ui/errors.ts';
import { roleLabel, StatusBadge } from './labels.tsx';
import { teamPathText } from './PeoplePage.tsx';
import { PersonActivity } from './PersonActivity.tsx';
import { PersonEditForm } from './PersonEditForm.tsx';
import { useDeletePerson, useInvitePerson, usePerson } from './queries.ts';

export function PersonPage({ id }: { id: string }) {
  const viewer = useViewer();
  const person = usePerson(id);
  /** Set by the people page's add form: says what just happened, once, above the new person. */
  const added = useSearchParams()[0].get('added');

  let title = t('person.title');
  let content: ReactNode;
  if (person.isPending) content = <Loading />;
  else if (person.isError) {
    const missing =
      person.error instanceof ApiError && (person.error.status === 404 || person.error.status === 400);
    content = missing ? (
      <Alert tone="error">{t('person.notFound')}</Alert>
    ) : (
      <LoadError message={errorText(person.error)} onRetry={() => void person.refetch()} />
    );
  } else {
    title = person.data.name;
    content = (
      <>
        {added ? (
          <Alert tone="success">
            {added === 'invited'
              ? t('person.addedInvited', { name: person.data.name, email: person.data.email })
              : t('person.added', { name: person.data.name })}
          </Alert>
        ) : null}
        <PersonView person={person.data} admin={isAdmin(viewer)} />
      </>
    );
  }

  return (
    <section>
      <p className="breadcrumb">
        <Link to="/people">
          <span aria-hidden="true">← </span>
          {t('person.back')}
        </Link>
      </p>
      <div className="page-header">
        <PageHeading title={title} />
        {person.data ? <StatusBadge status={person.data.status} /> : null}
      </div>
      {content}
    </section>
  );
}

function PersonView({ person, admin }: { person: PersonDetail; admin: boolean }) {
  const viewer = useViewer();
  const none = (text: string) => <span className="muted">{text}</span>;
  return (
    <>
      <p className="subtitle">
        {person.careerStage.name}
        {person.team ? ` · ${teamPathText(person.team)}` : ''}
      </p>
      <div className="grid-2">
        <section className="card" aria-labelledby="person-details">
          <h2 id="person-details">{t('person.details')}</h2>
          <dl className="details">
            <div>
              <dt>{t('person.email')}</dt>
              <dd>
                <a href={`mailto:${person.email}`}>{person.email}</a>
              </dd>
            </div>
            <div>
              <dt>{t('person.stage')}</dt>
              <dd>{person.careerStage.name}</dd>
            </div>
            <div>
              <dt>{t('person.team')}</dt>
              <dd>{person.team ? teamPathText(person.team) : none(t('person.noTeam'))}</dd>
            </div>
            <div>
              <dt>{t('person.teamLeader')}</dt>
              <dd>
                {person.teamLeader ? (
                  <Link to={`/people/${person.teamLeader.id}`}>{person.teamLeader.name}</Link>
                ) : (
                  none(t('person.noTeamLeader'))
                )}
              </dd>
            </div>
            <div>
              <dt>{t('person.manager')}</dt>
              <dd>
                {person.manager ? (
                  <Link to={`/people/${person.manager.id}`}>{person.manager.name}</Link>
                ) : (
                  none(t('person.noManager'))
                )}
              </dd>
            </div>
            <div>
              <dt>{t('person.roles')}</dt>
              <dd>{person.roles.map(roleLabel).join(', ')}</dd>
            </div>
            <div>
              <dt>{t('person.status')}</dt>
              <dd>
                <StatusBadge status={person.status} />
              </dd>
            </div>
            <div>
              <dt>{t('person.since')}</dt>
              <dd>{formatDate(person.createdAt)}</dd>
            </div>
          </dl>
        </section>
        <section className="card" aria-labelledby="person-reports">
          <h2 id="person-reports">{t('person.reports')}</h2>
          {person.reports.length ? (
            <ul className="link-list">
              {[...person.reports]
                .sort((a, b) => a.name.localeCompare(b.name))
                .map((r) => (
                  <li key={r.id}>
                    <Link to={`/people/${r.id}`}>{r.name}</Link>
                  </li>
                ))}
            </ul>
          ) : (
            <p className="muted">{t('person.noReports')}</p>
          )}
        </section>
      </div>
      <PersonActivity personId={person.id} own={viewer.person.id === person.id} admin={admin} />
      {admin ? <AdminPanel person={person} /> : null}
    </>
  );
}

/** An edit refreshes the person through the query cache (useUpdatePerson), so nothing reloads here. */
function AdminPanel({ person }: { person: PersonDetail }) {
  const viewer = useViewer();
  const navigate = useNavigate();
  const inviteMutation = useInvitePerson(person.id);
  const deleteMutation = useDeletePerson(person.id);
  const [inviting, setInviting] = useState(false);
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [editing, setEditing] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (!editing && returnFocus.current) {
      returnFocus.current = false;
      editButton.current?.focus();
    }
  }, [editing]);

  const invite = async () => {
    if (inviting) return;
    setInviting(true);
    setNotice(null);
    try {
      await inviteMutation.mutateAsync();
      setNotice({ tone: 'success', text: t('person.invited', { email: person.email }) });
    } catch (error) {
      setNotice({ tone: 'error', text: errorText(error) });
    } finally {
      setInviting(false);
    }
  };

  const remove = async () => {
    setDeleting(true);
    setDeleteError(null);
    try {
      await deleteMutation.mutateAsync();
      navigate('/people');
    } catch (error) {
      setDeleteError(errorText(error));
      setDeleting(false);
    }
  };

  const closeEditor = (saved: boolean | null) => {
    returnFocus.current = true;
    setEditing(false);
    if (saved !== null)
      setNotice({ tone: 'success', text: saved ? t('person.saved') : t('person.noChanges') });
  };

  return (
    <section className="card admin-panel" aria-labelledby="person-admin">
      <h2 id="person-admin">{t('person.admin')}</h2>
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      {editing ? (
        <PersonEditForm person={person} onDone={closeEditor} />
      ) : (
        <div className="stack">
          <div className="form-actions">
            <Button
              ref={editButton}
              variant="primary"
              onClick={() => {
                setNotice(null);
                setEditing(true);
              }}
            >
              {t('person.edit')}
            </Button>
            {person.status !== 'invited' ? null : (
              <Button
                variant="secondary"
                busy={inviting}
                busyLabel={t('person.inviting')}
                onClick={invite}
                aria-describedby="invite-hint"
              >
                {t('person.invite')}
              </Button>
            )}
          </div>
          {person.status !== 'invited' ? null : (
            <p id="invite-hint" className="hint">
              {t('person.inviteHint', { email: person.email })}
            </p>
          )}
          {viewer.person.id === person.id ? null : (
            <div className="form-actions">
              <Button variant="danger" onClick={() => setConfirmingDelete(true)}>
                {t('person.delete')}
              </Button>
            </div>
          )}
        </div>
      )}
      <ConfirmDialog
        open={confirmingDelete}
        title={t('person.deleteTitle', { name: person.name })}
        confirmLabel={t('person.deleteConfirm')}
        cancelLabel={t('person.deleteCancel')}
        busy={deleting}
        busyLabel={t('person.deleting')}
        error={deleteError}
        tone="danger"
        onConfirm={remove}
        onCancel={() => setConfirmingDelete(false)}
      >
        <p>{t('person.deleteBody', { name: person.name })}</p>
      </ConfirmDialog>
    </section>
  );
}
