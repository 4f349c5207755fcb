import { type FormEvent, useId, useRef, useState } from 'react';
import { TEAM_PATH_SEPARATOR } from '../../../../src/identity/people/constants.ts';
import type { CareerStage, PersonDetail, PersonField, PersonUpdate, Role } from '../../api.ts';
import { t } from '../../i18n/index.ts';
import { looksLikeEmail } from '../../platform/auth/validation.ts';
import { Alert, Button, Field, focusFirstInvalid, LoadError, Loading } from '../../ui/components.tsx';
import { errorText, fieldRule, splitFieldErrors } from '../../ui/errors.ts';
import { ROLE_ORDER, roleLabel } from './labels.tsx';
import { useCareerStages, useCreatePerson, usePeople, useTeams, useUpdatePerson } from './queries.ts';

interface Draft {
  name: string;
  email: string;
  careerStage: string;
  team: string;
  managerId: string;
  roles: Role[];
  status: PersonDetail['status'];
}

const draftOf = (p: PersonDetail): Draft => ({
  name: p.name,
  email: p.email,
  careerStage: p.careerStage.key,
  team: p.team?.name ?? '',
  managerId: p.manager?.id ?? '',
  roles: [...p.roles],
  status: p.status,
});

/** A new person: the first career stage, no team or manager, a participant. */
const blankDraft = (stages: CareerStage[]): Draft => ({
  name: '',
  email: '',
  careerStage: [...stages].sort((a, b) => a.position - b.position)[0]?.key ?? '',
  team: '',
  managerId: '',
  roles: ['participant'],
  status: 'invited',
});

/** Only what changed is sent, so a concurrent edit of another field by someone else is not overwritten. */
function changesOf(before: Draft, after: Draft): PersonUpdate {
  const changes: PersonUpdate = {};
  if (after.name.trim() !== before.name) changes.name = after.name.trim();
  if (after.email.trim().toLowerCase() !== before.email.toLowerCase()) changes.email = after.email.trim();
  if (after.careerStage !== before.careerStage) changes.careerStage = after.careerStage;
  if (after.team.trim() !== before.team) changes.team = after.team.trim() || null;
  if (after.managerId !== before.managerId) changes.managerId = after.managerId || null;
  const sameRoles =
    after.roles.length === before.roles.length && after.roles.every((r) => before.roles.includes(r));
  if (!sameRoles) changes.roles = ROLE_ORDER.filter((r) => after.roles.includes(r));
  if (after.status !== before.status && after.status !== 'invited') changes.status = after.status;
  return changes;
}

interface Options {
  stages: NonNullable<ReturnType<typeof useCareerStages>['data']>;
  teams: NonNullable<ReturnType<typeof useTeams>['data']>;
  people: NonNullable<ReturnType<typeof usePeople>['data']>;
}

/**
 * Edits a person, or with `person` null adds one (with an optional invitation): `onDone(null)` is
 * cancel, `onDone(saved)` after an edit, `onCreated` with the new person after an add.
 */
export function PersonEditForm({
  person,
  onDone,
  onCreated,
}: {
  person: PersonDetail | null;
  onDone: (saved: boolean | null) => void;
  onCreated?: (created: PersonDetail, invited: boolean) => void;
}) {
  const stages = useCareerStages();
  const teams = useTeams();
  const people = usePeople();
  const failed = [stages, teams, people].find((q) => q.isError);
  if (failed) {
    const retry = () => {
      for (const q of [stages, teams, people]) if (q.isError) void q.refetch();
    };
    return <LoadError message={errorText(failed.error)} onRetry={retry} />;
  }
  if (!stages.data || !teams.data || !people.data) return <Loading />;
  return (
    <EditForm
      person={person}
      onDone={onDone}
      onCreated={onCreated}
      stages={stages.data}
      teams={teams.data}
      people={people.data}
    />
  );
}

function EditForm({
  person,
  onDone,
  onCreated,
  stages,
  teams,
  people,
}: {
  person: PersonDetail | null;
  onDone: (saved: boolean | null) => void;
  onCreated?: ((created: PersonDetail, invited: boolean) => void) | undefined;
} & Options) {
  const form = useRef<HTMLFormElement>(null);
  const update = useUpdatePerson();
  const create = useCreatePerson();
  const ids = { teams: useId(), roles: useId(), rolesError: useId(), heading: useId(), invite: useId() };
  const [initial] = useState(() => (person ? draftOf(person) : blankDraft(stages)));
  const [draft, setDraft] = useState(initial);
  const [invite, setInvite] = useState(true);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<PersonField, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const labels: Record<PersonField, string> = {
    name: t('person.field.name'),
    email: t('person.field.email'),
    careerStage: t('person.field.careerStage'),
    team: t('person.field.team'),
    managerId: t('person.field.managerId'),
    roles: t('person.field.roles'),
    status: t('person.field.status'),
  };
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const local: Partial<Record<PersonField, string>> = {};
    if (!draft.name.trim()) local.name = fieldRule(labels.name, t('form.ruleRequired'));
    if (!looksLikeEmail(draft.email)) local.email = fieldRule(labels.email, t('form.ruleEmail'));
    if (draft.roles.length === 0) local.roles = t('form.rolesRequired');
    setErrors(local);
    setFormError(null);
    if (Object.keys(local).length) {
      setFormError(t('form.fixErrors'));
      focusFirstInvalid(form.current);
      return;
    }
    const changes = person ? changesOf(initial, draft) : null;
    if (changes && Object.keys(changes).length === 0) {
      onDone(false);
      return;
    }
    setBusy(true);
    try {
      if (person && changes) {
        await update.mutateAsync({ id: person.id, changes });
        onDone(true);
      } else {
        const created = await create.mutateAsync({
          name: draft.name.trim(),
          email: draft.email.trim(),
          careerStage: draft.careerStage,
          team: draft.team.trim() || null,
          managerId: draft.managerId || null,
          roles: ROLE_ORDER.filter((r) => draft.roles.includes(r)),
          invite,
        });
        onCreated?.(created, invite);
      }
    } catch (error) {
      setBusy(false);
      const split = splitFieldErrors(error, labels);
      setErrors(split.fields);
      setFormError([errorText(error), ...split.other].join(' '));
      focusFirstInvalid(form.current);
    }
  };

  const statusChoices: PersonDetail['status'][] =
    initial.status === 'invited' ? ['invited', 'disabled'] : ['active', 'disabled'];
  const managers = people.items
    .filter((p) => p.id !== person?.id && p.status !== 'disabled')
    .sort((a, b) => a.name.localeCompare(b.name));

  return (
    <form ref={form} onSubmit={submit} noValidate className="stack" aria-labelledby={ids.heading}>
      <h3 id={ids.heading}>{person ? t('person.editTitle', { name: person.name }) : t('person.addTitle')}</h3>
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
        <Field label={labels.email} error={errors.email}>
          {(p) => (
            <input
              {...p}
              type="email"
              autoComplete="off"
              spellCheck={false}
              value={draft.email}
              onChange={(e) => set('email', e.target.value)}
            />
          )}
        </Field>
        <Field label={labels.careerStage} error={errors.careerStage}>
          {(p) => (
            <select {...p} value={draft.careerStage} onChange={(e) => set('careerStage', e.target.value)}>
              {[...stages]
                .sort((a, b) => a.position - b.position)
                .map((s) => (
                  <option key={s.id} value={s.key}>
                    {s.name}
                  </option>
                ))}
            </select>
          )}
        </Field>
        <Field label={labels.team} hint={t('person.field.teamHint')} error={errors.team}>
          {(p) => (
            <>
              <input
                {...p}
                type="text"
                list={ids.teams}
                autoComplete="off"
                value={draft.team}
                onChange={(e) => set('team', e.target.value)}
              />
              <datalist id={ids.teams}>
                {/* The name is what is typed; the path tells apart where each team sits. */}
                {teams.map((tm) => (
                  <option key={tm.id} value={tm.name} label={tm.path.join(TEAM_PATH_SEPARATOR)} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        <Field label={labels.managerId} error={errors.managerId}>
          {(p) => (
            <select {...p} value={draft.managerId} onChange={(e) => set('managerId', e.target.value)}>
              <option value="">{t('person.noManager')}</option>
              {managers.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        {person ? (
          <Field label={labels.status} error={errors.status}>
            {(p) => (
              <select
                {...p}
                value={draft.status}
                onChange={(e) => set('status', e.target.value as PersonDetail['status'])}
              >
                {statusChoices.map((s) => (
                  <option key={s} value={s}>
                    {s === 'invited' ? t('person.field.statusInvited') : t(`status.${s}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
      </div>
      <fieldset
        className={`fieldset${errors.roles ? ' field-invalid' : ''}`}
        aria-describedby={errors.roles ? ids.rolesError : undefined}
      >
        <legend>{labels.roles}</legend>
        {errors.roles ? (
          <p id={ids.rolesError} className="field-error">
            <span aria-hidden="true">! </span>
            {errors.roles}
          </p>
        ) : null}
        <div className="checkbox-row">
          {ROLE_ORDER.map((role) => {
            const id = `${ids.roles}-${role}`;
            return (
              <div className="checkbox" key={role}>
                <input
                  id={id}
                  type="checkbox"
                  checked={draft.roles.includes(role)}
                  aria-invalid={errors.roles ? true : undefined}
                  onChange={(e) =>
                    set(
                      'roles',
                      e.target.checked ? [...draft.roles, role] : draft.roles.filter((r) => r !== role),
                    )
                  }
                />
                <label htmlFor={id}>{roleLabel(role)}</label>
              </div>
            );
          })}
        </div>
      </fieldset>
      {person ? null : (
        <div className="checkbox">
          <input
            id={ids.invite}
            type="checkbox"
            checked={invite}
            aria-describedby={`${ids.invite}-hint`}
            onChange={(e) => setInvite(e.target.checked)}
          />
          <label htmlFor={ids.invite}>
            {t('person.field.invite')}
            <span id={`${ids.invite}-hint`} className="hint">
              {t('person.field.inviteHint')}
            </span>
          </label>
        </div>
      )}
      <div className="form-actions">
        <Button type="submit" busy={busy} busyLabel={t('form.saving')}>
          {person ? t('person.save') : t('person.add')}
        </Button>
        <Button variant="secondary" onClick={() => onDone(null)}>
          {t('person.cancel')}
        </Button>
      </div>
    </form>
  );
}
