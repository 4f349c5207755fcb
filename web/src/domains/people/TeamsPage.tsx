// Admins shape the team tree: add, rename, move under another team, set or clear the leader, and
// delete empty teams. The tree is nested lists, so screen readers announce each level.
import { type FormEvent, type ReactNode, useId, useRef, useState } from 'react';
import type { PersonSummary, Team } from '../../api.ts';
import { t, tn } from '../../i18n/index.ts';
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
import { teamPathText, withinTeam } from './PeoplePage.tsx';
import { useCreateTeam, useDeleteTeam, usePeople, useTeams, useUpdateTeam } from './queries.ts';

type TeamField = 'name' | 'parentTeamId' | 'leaderId';
type Draft = Record<TeamField, string>;

export function TeamsPage() {
  const teams = useTeams();
  const people = usePeople();
  const failed = [teams, people].find((q) => q.isError);
  const [notice, setNotice] = useState<string | null>(null);
  let content: ReactNode;
  if (failed) content = <LoadError message={errorText(failed.error)} onRetry={() => void failed.refetch()} />;
  else if (!teams.data || !people.data) content = <Loading />;
  else {
    const leaders = people.data.items
      .filter((p) => p.status !== 'disabled')
      .sort((a, b) => a.name.localeCompare(b.name));
    const children = (parent: string | null) => teams.data.filter((tm) => tm.parentTeamId === parent);
    const branch = (parent: string | null) => (
      <ul className="team-tree">
        {children(parent).map((tm) => (
          <li key={tm.id}>
            <TeamItem team={tm} teams={teams.data} leaders={leaders} onNotice={setNotice} />
            {tm.subTeams ? branch(tm.id) : null}
          </li>
        ))}
      </ul>
    );
    content = (
      <>
        <section className="card" aria-labelledby="team-add">
          <h2 id="team-add">{t('teams.addTitle')}</h2>
          <TeamForm team={null} teams={teams.data} leaders={leaders} onDone={(text) => setNotice(text)} />
        </section>
        <section aria-labelledby="team-tree">
          <h2 id="team-tree">{t('teams.treeTitle')}</h2>
          {teams.data.length ? branch(null) : <p className="muted">{t('teams.empty')}</p>}
        </section>
      </>
    );
  }
  return (
    <section className="teams-page stack">
      <PageHeading title={t('teams.title')} />
      <p className="lead">{t('teams.intro')}</p>
      {notice ? (
        <Alert tone="success" id="teams-notice">
          {notice}
        </Alert>
      ) : null}
      {content}
    </section>
  );
}

function TeamItem(props: {
  team: Team;
  teams: Team[];
  leaders: PersonSummary[];
  onNotice: (text: string | null) => void;
}) {
  const { team } = props;
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const close = (text: string | null) => {
    setEditing(false);
    if (text) props.onNotice(text);
    requestAnimationFrame(() => editButton.current?.focus());
  };
  const facts = [
    team.leader ? t('teams.ledBy', { name: team.leader.name }) : t('teams.noLeader'),
    tn('teams.members', team.members, { count: team.members }),
    ...(team.subTeams ? [tn('teams.subTeams', team.subTeams, { count: team.subTeams })] : []),
  ];
  return (
    <div className="team-item">
      <div className="team-item-head">
        <div>
          <strong className="team-name">{team.name}</strong>
          <span className="team-facts">{facts.join(' · ')}</span>
        </div>
        {editing ? null : (
          <Button
            ref={editButton}
            variant="secondary"
            aria-label={t('teams.editLabel', { name: team.name })}
            onClick={() => {
              props.onNotice(null);
              setEditing(true);
            }}
          >
            {t('teams.edit')}
          </Button>
        )}
      </div>
      {editing ? <TeamForm team={team} teams={props.teams} leaders={props.leaders} onDone={close} /> : null}
    </div>
  );
}

/** Adds a team (`team` null) or edits one; `onDone` gets a message to announce, or null on cancel. */
function TeamForm({
  team,
  teams,
  leaders,
  onDone,
}: {
  team: Team | null;
  teams: Team[];
  leaders: PersonSummary[];
  onDone: (text: string | null) => void;
}) {
  const form = useRef<HTMLFormElement>(null);
  const heading = useId();
  const create = useCreateTeam();
  const update = useUpdateTeam();
  const remove = useDeleteTeam();
  const initial: Draft = {
    name: team?.name ?? '',
    parentTeamId: team?.parentTeamId ?? '',
    leaderId: team?.leader?.id ?? '',
  };
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<Partial<Record<TeamField, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const labels: Record<TeamField, string> = {
    name: t('teams.field.name'),
    parentTeamId: t('teams.field.parent'),
    leaderId: t('teams.field.leader'),
  };
  // A team cannot move into its own sub-tree; the server refuses it too, naming parentTeamId.
  const parents = team ? teams.filter((tm) => !withinTeam(tm, team)) : teams;

  const fail = (error: unknown) => {
    setBusy(false);
    const split = splitFieldErrors(error, labels);
    setErrors(split.fields);
    setFormError([errorText(error), ...split.other].join(' '));
    requestAnimationFrame(() => focusFirstInvalid(form.current));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!draft.name.trim()) {
      setErrors({ name: fieldRule(labels.name, t('form.ruleRequired')) });
      setFormError(t('form.fixErrors'));
      focusFirstInvalid(form.current);
      return;
    }
    setErrors({});
    setFormError(null);
    setBusy(true);
    const body = {
      name: draft.name.trim(),
      parentTeamId: draft.parentTeamId || null,
      leaderId: draft.leaderId || null,
    };
    try {
      if (team) await update.mutateAsync({ id: team.id, changes: body });
      else await create.mutateAsync(body);
      setBusy(false);
      if (!team) setDraft(initial);
      onDone(team ? t('teams.saved', { name: body.name }) : t('teams.added', { name: body.name }));
    } catch (error) {
      fail(error);
    }
  };

  const deleteTeam = async () => {
    if (!team || busy) return;
    setBusy(true);
    try {
      await remove.mutateAsync(team.id);
      onDone(t('teams.deleted', { name: team.name }));
    } catch (error) {
      fail(error);
    }
  };

  const set = (key: TeamField, value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const empty = team && team.members === 0 && team.subTeams === 0;
  return (
    <form
      ref={form}
      onSubmit={submit}
      noValidate
      className="stack team-form"
      aria-labelledby={team ? heading : undefined}
      aria-label={team ? undefined : t('teams.addTitle')}
    >
      {team ? <h3 id={heading}>{t('teams.editTitle', { name: team.name })}</h3> : null}
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <div className="form-grid">
        <Field label={labels.name} error={errors.name}>
          {(p) => (
            <input
              {...p}
              type="text"
              autoComplete="off"
              value={draft.name}
              onChange={(e) => set('name', e.target.value)}
            />
          )}
        </Field>
        <Field label={labels.parentTeamId} error={errors.parentTeamId}>
          {(p) => (
            <select {...p} value={draft.parentTeamId} onChange={(e) => set('parentTeamId', e.target.value)}>
              <option value="">{t('teams.topLevel')}</option>
              {parents.map((tm) => (
                <option key={tm.id} value={tm.id}>
                  {teamPathText(tm)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={labels.leaderId} error={errors.leaderId}>
          {(p) => (
            <select {...p} value={draft.leaderId} onChange={(e) => set('leaderId', e.target.value)}>
              <option value="">{t('teams.noLeaderOption')}</option>
              {leaders.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="form-actions">
        <Button type="submit" busy={busy} busyLabel={t('form.saving')}>
          {team ? t('teams.save') : t('teams.add')}
        </Button>
        {team ? (
          <>
            <Button variant="secondary" onClick={() => onDone(null)}>
              {t('teams.cancel')}
            </Button>
            {empty ? (
              <Button variant="danger" onClick={deleteTeam}>
                {t('teams.delete')}
              </Button>
            ) : (
              <p className="hint">{t('teams.deleteHint')}</p>
            )}
          </>
        ) : null}
      </div>
    </form>
  );
}
