// For each chosen focus area: the goal and why in the person's own words, and optional links to
// the organisation's goals and values (checkbox groups, each a fieldset with its legend).
import { t } from '../../i18n/index.ts';
import { TextField } from './form-parts.tsx';

export interface Details {
  goal: string;
  why: string;
  goalIds: string[];
  valueIds: string[];
}
export const emptyDetails = (): Details => ({ goal: '', why: '', goalIds: [], valueIds: [] });

export type DetailField = 'goal' | 'why';

/** The id of a focus's control, shared with the error summary's links. */
export const detailId = (prefix: string, index: number, field: DetailField) => `${prefix}-f${index}-${field}`;

export function FocusDetails({
  index,
  name,
  details,
  onChange,
  errors,
  goals,
  values,
  idPrefix,
}: {
  index: number;
  name: string;
  details: Details;
  onChange: (next: Details) => void;
  errors: Partial<Record<DetailField, string>>;
  goals: readonly { id: string; title: string }[];
  values: readonly { id: string; name: string }[];
  idPrefix: string;
}) {
  const toggle = (list: string[], id: string, on: boolean) =>
    on ? [...list, id] : list.filter((x) => x !== id);
  const box = `${idPrefix}-f${index}`;
  return (
    <div className="card">
      <fieldset className="fieldset plan-focus-details">
        <legend className="plan-legend">{t('plan.focus.heading', { number: index + 1, name })}</legend>
        <TextField
          id={detailId(idPrefix, index, 'goal')}
          label={t('plan.new.goal')}
          hint={t('plan.new.goalHint')}
          error={errors.goal}
          value={details.goal}
          multiline
          required
          onChange={(goal) => onChange({ ...details, goal })}
        />
        <TextField
          id={detailId(idPrefix, index, 'why')}
          label={t('plan.new.why')}
          error={errors.why}
          value={details.why}
          multiline
          onChange={(why) => onChange({ ...details, why })}
        />
        {goals.length ? (
          <fieldset className="fieldset">
            <legend>{t('plan.new.linkGoals')}</legend>
            <div className="stack-tight">
              {goals.map((g) => (
                <div className="checkbox" key={g.id}>
                  <input
                    id={`${box}-goal-${g.id}`}
                    type="checkbox"
                    checked={details.goalIds.includes(g.id)}
                    onChange={(e) =>
                      onChange({ ...details, goalIds: toggle(details.goalIds, g.id, e.target.checked) })
                    }
                  />
                  <label htmlFor={`${box}-goal-${g.id}`}>{g.title}</label>
                </div>
              ))}
            </div>
          </fieldset>
        ) : null}
        {values.length ? (
          <fieldset className="fieldset">
            <legend>{t('plan.new.linkValues')}</legend>
            <div className="checkbox-row">
              {values.map((v) => (
                <div className="checkbox" key={v.id}>
                  <input
                    id={`${box}-value-${v.id}`}
                    type="checkbox"
                    checked={details.valueIds.includes(v.id)}
                    onChange={(e) =>
                      onChange({ ...details, valueIds: toggle(details.valueIds, v.id, e.target.checked) })
                    }
                  />
                  <label htmlFor={`${box}-value-${v.id}`}>{v.name}</label>
                </div>
              ))}
            </div>
          </fieldset>
        ) : null}
        {goals.length || values.length ? null : <p className="muted">{t('plan.new.noGoals')}</p>}
      </fieldset>
    </div>
  );
}
