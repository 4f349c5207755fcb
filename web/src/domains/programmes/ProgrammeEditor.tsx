// Editing all of a programme at once: name, description, stages, dates and its steps (add, remove,
// reorder, re-date). The server checks every rule and names the field; nothing is saved partly.
import { type FormEvent, useState } from 'react';
import { STEP_KINDS, type StepKind } from '../../../../src/domains/programmes/constants.ts';
import type { ProgrammeDetail } from '../../../../src/domains/programmes/contracts.ts';
import { ApiError } from '../../api.ts';
import { t } from '../../i18n/index.ts';
import { Alert, Button, Field } from '../../ui/components.tsx';
import { errorText } from '../../ui/errors.ts';
import { useCareerStages } from '../people/queries.ts';
import { useUpdateProgramme } from './queries.ts';

interface StepDraft {
  id?: string;
  kind: StepKind;
  title: string;
  description: string;
  date: string;
}

const DAY = 86_400_000;
const offset = (start: string, date: string) => Math.round((Date.parse(date) - Date.parse(start)) / DAY);

export function ProgrammeEditor({ programme }: { programme: ProgrammeDetail }) {
  const stages = useCareerStages();
  const save = useUpdateProgramme(programme.id);
  const [name, setName] = useState(programme.name);
  const [description, setDescription] = useState(programme.description);
  const [startsOn, setStartsOn] = useState(programme.startsOn);
  const [endsOn, setEndsOn] = useState(programme.endsOn);
  const [stageIds, setStageIds] = useState(programme.careerStages.map((s) => s.id));
  const [steps, setSteps] = useState<StepDraft[]>(
    programme.steps.map((s) => ({
      id: s.id,
      kind: s.kind,
      title: s.title,
      description: s.description,
      date: s.date,
    })),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);

  const change = (i: number, patch: Partial<StepDraft>) =>
    setSteps((all) => all.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const move = (i: number, by: number) =>
    setSteps((all) => {
      const next = [...all];
      const [s] = next.splice(i, 1);
      next.splice(i + by, 0, s!);
      return next;
    });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    setErrors({});
    setMessage(null);
    try {
      await save.mutateAsync({
        name,
        description,
        startsOn,
        endsOn,
        careerStageIds: stageIds,
        steps: steps.map(({ id, kind, title, description: d, date }) => ({
          ...(id ? { id } : {}),
          kind,
          title,
          description: d,
          offsetDays: offset(startsOn, date),
        })),
      });
      setMessage({ tone: 'success', text: t('programme.saved') });
    } catch (e) {
      if (e instanceof ApiError) setErrors(e.fields);
      setMessage({ tone: 'error', text: errorText(e) });
    }
  };

  return (
    <form className="stack" noValidate onSubmit={(e) => void submit(e)}>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <Field label={t('programmes.name')} error={errors.name}>
        {(props) => <input {...props} type="text" value={name} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <Field label={t('programme.description')} error={errors.description}>
        {(props) => (
          <textarea
            {...props}
            rows={3}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        )}
      </Field>
      <div className="programme-dates">
        <Field label={t('programmes.startsOn')} error={errors.startsOn}>
          {(props) => (
            <input {...props} type="date" value={startsOn} onChange={(e) => setStartsOn(e.target.value)} />
          )}
        </Field>
        <Field label={t('programmes.endsOn')} error={errors.endsOn}>
          {(props) => (
            <input {...props} type="date" value={endsOn} onChange={(e) => setEndsOn(e.target.value)} />
          )}
        </Field>
      </div>
      <fieldset className="programme-stages">
        <legend>{t('programme.careerStages')}</legend>
        {(stages.data ?? []).map((s) => (
          <label key={s.id} className="checkbox">
            <input
              type="checkbox"
              checked={stageIds.includes(s.id)}
              onChange={(e) =>
                setStageIds((ids) => (e.target.checked ? [...ids, s.id] : ids.filter((x) => x !== s.id)))
              }
            />{' '}
            {s.name}
          </label>
        ))}
      </fieldset>
      {errors.steps ? <Alert tone="error">{errors.steps}</Alert> : null}
      <ol className="programme-step-list stack">
        {steps.map((s, i) => {
          const n = i + 1;
          return (
            <li key={s.id ?? `new-${i}`} className="programme-step-edit">
              <Field label={t('programme.stepTitle', { n })} error={errors[`steps.${i}.title`]}>
                {(props) => (
                  <input
                    {...props}
                    type="text"
                    value={s.title}
                    onChange={(e) => change(i, { title: e.target.value })}
                  />
                )}
              </Field>
              <Field label={t('programme.stepKind', { n })} error={errors[`steps.${i}.kind`]}>
                {(props) => (
                  <select
                    {...props}
                    value={s.kind}
                    onChange={(e) => change(i, { kind: e.target.value as StepKind })}
                  >
                    {STEP_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {t(`programme.kind.${k}`)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label={t('programme.stepDate', { n })} error={errors[`steps.${i}.offsetDays`]}>
                {(props) => (
                  <input
                    {...props}
                    type="date"
                    value={s.date}
                    onChange={(e) => change(i, { date: e.target.value })}
                  />
                )}
              </Field>
              <div className="programme-step-actions">
                <Button
                  variant="secondary"
                  onClick={() => move(i, -1)}
                  aria-disabled={i === 0 || undefined}
                  disabled={i === 0}
                >
                  <span aria-hidden="true">↑</span>
                  <span className="visually-hidden">{t('programme.moveUp', { n })}</span>
                </Button>
                <Button variant="secondary" onClick={() => move(i, 1)} disabled={i === steps.length - 1}>
                  <span aria-hidden="true">↓</span>
                  <span className="visually-hidden">{t('programme.moveDown', { n })}</span>
                </Button>
                <Button variant="secondary" onClick={() => setSteps((all) => all.filter((_, j) => j !== i))}>
                  {t('programme.remove', { n })}
                </Button>
              </div>
            </li>
          );
        })}
      </ol>
      <div className="programme-form-actions">
        <Button
          variant="secondary"
          onClick={() =>
            setSteps((all) => [...all, { kind: 'practice', title: '', description: '', date: endsOn }])
          }
        >
          {t('programme.addStep')}
        </Button>
        <Button type="submit" busy={save.isPending}>
          {t('programme.save')}
        </Button>
      </div>
    </form>
  );
}
