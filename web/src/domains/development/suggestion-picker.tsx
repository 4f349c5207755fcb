// Choosing 1–3 focus areas: the ranked suggestions, each with its reasons worded with their
// figures; any other capability of the framework; or the person's own focus in their own words.
import { t } from '../../i18n/index.ts';
import { TextField } from './form-parts.tsx';
import type { FocusSuggestion } from './plan-api.ts';
import { reasonText } from './reasons.ts';

export interface Capability {
  key: string;
  name: string;
  derailer: boolean;
}

export interface Choice {
  /** Capability keys picked among the suggestions, in rank order. */
  suggested: string[];
  /** One more capability from the framework ('' for none). */
  other: string;
  own: boolean;
  ownTitle: string;
}

export function SuggestionPicker({
  suggestions,
  capabilities,
  choice,
  onChange,
  countError,
  ownTitleError,
  ids,
}: {
  suggestions: FocusSuggestion[];
  capabilities: Capability[];
  choice: Choice;
  onChange: (next: Choice) => void;
  countError?: string | undefined;
  ownTitleError?: string | undefined;
  ids: { choices: string; ownTitle: string; other: string };
}) {
  const count = choice.suggested.length + (choice.other ? 1 : 0) + (choice.own ? 1 : 0);
  const suggestedKeys = new Set(suggestions.map((s) => s.capabilityKey));
  const others = capabilities.filter((c) => !suggestedKeys.has(c.key));
  const toggle = (key: string, on: boolean) =>
    onChange({
      ...choice,
      suggested: on
        ? suggestions.map((s) => s.capabilityKey).filter((k) => k === key || choice.suggested.includes(k))
        : choice.suggested.filter((k) => k !== key),
    });

  return (
    <div className="card">
      <fieldset
        className={`fieldset plan-choose${countError ? ' field-invalid' : ''}`}
        aria-describedby={`${ids.choices}-count${countError ? ` ${ids.choices}-error` : ''}`}
      >
        <legend className="plan-legend">{t('plan.new.choose')}</legend>
        <p id={`${ids.choices}-count`} className="plan-count" aria-live="polite">
          {t('plan.new.chosenCount', { count })}
        </p>
        {countError ? (
          <p id={`${ids.choices}-error`} className="field-error">
            <span aria-hidden="true">! </span>
            {countError}
          </p>
        ) : null}
        <h2 className="plan-subheading">{t('plan.new.suggestions')}</h2>
        {suggestions.length === 0 ? <p className="muted">{t('plan.new.noSuggestions')}</p> : null}
        <ol className="plan-suggestions">
          {suggestions.map((s, index) => {
            const box = `${ids.choices}-${s.capabilityKey}`;
            return (
              <li key={s.capabilityKey} className="plan-suggestion">
                <div className="checkbox">
                  <input
                    id={index === 0 ? ids.choices : box}
                    type="checkbox"
                    checked={choice.suggested.includes(s.capabilityKey)}
                    aria-describedby={`${box}-why`}
                    aria-invalid={countError ? true : undefined}
                    onChange={(e) => toggle(s.capabilityKey, e.target.checked)}
                  />
                  <label htmlFor={index === 0 ? ids.choices : box}>
                    <span className="plan-suggestion-name">{s.name}</span>
                    <span className="hint">
                      {s.kind === 'derailer'
                        ? t('plan.focus.kind.derailer')
                        : t('plan.focus.kind.capability')}
                    </span>
                  </label>
                </div>
                <ul id={`${box}-why`} className="plan-reasons">
                  {s.reasons.map((r, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: reasons are a fixed, ordered list.
                    <li key={i}>{reasonText(r, s.name)}</li>
                  ))}
                </ul>
              </li>
            );
          })}
        </ol>
        <h2 className="plan-subheading">{t('plan.new.other')}</h2>
        <div className="field">
          <label htmlFor={ids.other}>{t('plan.new.otherCapability')}</label>
          <select
            id={ids.other}
            value={choice.other}
            onChange={(e) => onChange({ ...choice, other: e.target.value })}
          >
            <option value="">{t('plan.new.otherCapabilityNone')}</option>
            {others.map((c) => (
              <option key={c.key} value={c.key}>
                {c.derailer ? t('plan.new.derailerOption', { name: c.name }) : c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="checkbox">
          <input
            id={`${ids.choices}-own`}
            type="checkbox"
            checked={choice.own}
            onChange={(e) => onChange({ ...choice, own: e.target.checked })}
          />
          <label htmlFor={`${ids.choices}-own`}>{t('plan.new.ownTitle')}</label>
        </div>
        {choice.own ? (
          <TextField
            id={ids.ownTitle}
            label={t('plan.new.field.title')}
            hint={t('plan.new.ownTitleHint')}
            error={ownTitleError}
            value={choice.ownTitle}
            required
            onChange={(ownTitle) => onChange({ ...choice, ownTitle })}
          />
        ) : null}
      </fieldset>
    </div>
  );
}
