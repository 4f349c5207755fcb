// Adds or edits a goal. Rules the server checks are checked here first, so most mistakes are shown
// without a round trip; whatever the server still refuses is shown beside its field.
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import {
  DESCRIPTION_MAX,
  GOAL_STATUSES,
  GOAL_TITLE_MAX,
  type GoalStatus,
} from '../../../../src/domains/alignment/constants.ts';
import { t } from '../../i18n/index.ts';
import { Alert, Button, Field, focusFirstInvalid } from '../../ui/components.tsx';
import { errorText, fieldRule, splitFieldErrors } from '../../ui/errors.ts';
import { type Goal, type GoalChanges, useActivePeople, useSaveGoal } from './queries.ts';

type FieldName = 'title' | 'description' | 'ownerId' | 'periodStart' | 'periodEnd' | 'status';
type Draft = Record<Exclude<FieldName, 'status'>, string> & { status: GoalStatus };

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const thisYear = new Date().getFullYear();

const draftOf = (g: Goal | null): Draft => ({
  title: g?.title ?? '',
  description: g?.description ?? '',
  ownerId: g?.owner?.id ?? '',
  periodStart: g?.periodStart ?? `${thisYear}-01-01`,
  periodEnd: g?.periodEnd ?? `${thisYear}-12-31`,
  status: g?.status ?? 'draft',
});

/** Only what changed is sent, so another admin's edit of a different field is not overwritten. */
function changesOf(before: Draft, after: Draft): Partial<GoalChanges> {
  const changes: Partial<GoalChanges> = {};
  if (after.title.trim() !== before.title) changes.title = after.title.trim();
  if (after.description.trim() !== before.description) changes.description = after.description.trim();
  if (after.ownerId !== before.ownerId) changes.ownerId = after.ownerId || null;
  if (after.periodStart !== before.periodStart) changes.periodStart = after.periodStart;
  if (after.periodEnd !== before.periodEnd) changes.periodEnd = after.periodEnd;
  if (after.status !== before.status) changes.status = after.status;
  return changes;
}

export function GoalForm({ goal, onDone }: { goal: Goal | null; onDone: (saved: string | null) => void }) {
  const form = useRef<HTMLFormElement>(null);
  const heading = useId();
  // The form opened because the admin asked for it: start them in its first field.
  useEffect(() => form.current?.querySelector<HTMLElement>('input, textarea, select')?.focus(), []);
  const people = useActivePeople();
  const save = useSaveGoal();
  const [initial] = useState(() => draftOf(goal));
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const labels: Record<FieldName, string> = {
    title: t('goalForm.title'),
    description: t('goalForm.description'),
    ownerId: t('goalForm.owner'),
    periodStart: t('goalForm.periodStart'),
    periodEnd: t('goalForm.periodEnd'),
    status: t('goalForm.status'),
  };
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    const local: Partial<Record<FieldName, string>> = {};
    const rule = (field: FieldName, text: string) => {
      local[field] ??= fieldRule(labels[field], text);
    };
    if (!draft.title.trim()) rule('title', t('form.ruleRequired'));
    if (draft.title.trim().length > GOAL_TITLE_MAX)
      rule('title', t('goalForm.ruleTooLong', { max: GOAL_TITLE_MAX }));
    if (draft.description.trim().length > DESCRIPTION_MAX)
      rule('description', t('goalForm.ruleTooLong', { max: DESCRIPTION_MAX }));
    if (!DAY.test(draft.periodStart)) rule('periodStart', t('goalForm.ruleDate'));
    if (!DAY.test(draft.periodEnd)) rule('periodEnd', t('goalForm.ruleDate'));
    else if (draft.periodEnd < draft.periodStart) rule('periodEnd', t('goalForm.ruleEndBeforeStart'));
    setErrors(local);
    setFormError(null);
    if (Object.keys(local).length) {
      setFormError(t('form.fixErrors'));
      focusFirstInvalid(form.current);
      return;
    }
    const body: GoalChanges = goal
      ? (changesOf(initial, draft) as GoalChanges)
      : {
          ...changesOf(draftOf(null), draft),
          title: draft.title.trim(),
          periodStart: draft.periodStart,
          periodEnd: draft.periodEnd,
        };
    if (goal && Object.keys(body).length === 0) return onDone(null);
    try {
      await save.mutateAsync({ id: goal?.id ?? null, body });
      onDone(draft.title.trim());
    } catch (error) {
      const split = splitFieldErrors(error, labels);
      setErrors(split.fields);
      setFormError([errorText(error), ...split.other].join(' '));
      focusFirstInvalid(form.current);
    }
  };

  // A former owner who is no longer active stays selectable, so editing other fields keeps them.
  const owners = people.data ?? [];
  const keepOwner = goal?.owner && !owners.some((p) => p.id === goal.owner!.id) ? goal.owner : null;

  return (
    <form
      ref={form}
      onSubmit={submit}
      noValidate
      className="card stack alignment-form"
      aria-labelledby={heading}
    >
      <h3 id={heading}>{goal ? t('goalForm.editTitle', { name: goal.title }) : t('goalForm.addTitle')}</h3>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <div className="form-grid">
        <Field
          label={labels.title}
          hint={t('goalForm.titleHint', { max: GOAL_TITLE_MAX })}
          error={errors.title}
          className="field-wide"
        >
          {(p) => (
            <input
              {...p}
              type="text"
              autoComplete="off"
              value={draft.title}
              onChange={(e) => set('title', e.target.value)}
            />
          )}
        </Field>
        <Field
          label={labels.description}
          hint={t('goalForm.descriptionHint', { max: DESCRIPTION_MAX })}
          error={errors.description}
          className="field-wide"
        >
          {(p) => (
            <textarea
              {...p}
              rows={4}
              value={draft.description}
              onChange={(e) => set('description', e.target.value)}
            />
          )}
        </Field>
        <Field label={labels.periodStart} error={errors.periodStart}>
          {(p) => (
            <input
              {...p}
              type="date"
              value={draft.periodStart}
              onChange={(e) => set('periodStart', e.target.value)}
            />
          )}
        </Field>
        <Field label={labels.periodEnd} error={errors.periodEnd}>
          {(p) => (
            <input
              {...p}
              type="date"
              value={draft.periodEnd}
              onChange={(e) => set('periodEnd', e.target.value)}
            />
          )}
        </Field>
        <Field label={labels.ownerId} error={errors.ownerId}>
          {(p) => (
            <select {...p} value={draft.ownerId} onChange={(e) => set('ownerId', e.target.value)}>
              <option value="">{t('alignmentAdmin.noOwner')}</option>
              {keepOwner ? <option value={keepOwner.id}>{keepOwner.name}</option> : null}
              {owners.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={labels.status} hint={t('goalForm.statusHint')} error={errors.status}>
          {(p) => (
            <select {...p} value={draft.status} onChange={(e) => set('status', e.target.value as GoalStatus)}>
              {GOAL_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`alignment.status.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="form-actions">
        <Button type="submit" busy={save.isPending} busyLabel={t('form.saving')}>
          {goal ? t('goalForm.save') : t('goalForm.add')}
        </Button>
        <Button variant="secondary" onClick={() => onDone(null)}>
          {t('alignmentAdmin.cancel')}
        </Button>
      </div>
    </form>
  );
}
