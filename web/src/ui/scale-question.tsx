import { useId } from 'react';

/** The part of a response scale a question needs; self-assessment and rater scales both fit. */
export interface QuestionScale {
  options: ReadonlyArray<{ value: number; label: string }>;
  cantSay: string;
}

/**
 * One statement as a native radio group: Tab reaches the group, arrow keys move between options
 * (and choose them, which autosaves), Space chooses the focused one. "Can't say" is set apart as
 * the last option so it is not read as a point on the scale. Shared by the self-assessment and
 * the 360 rater form so both behave the same under keyboard and screen reader.
 */
export function ScaleQuestion({
  numberLabel,
  text,
  itemKey,
  scale,
  value,
  onChange,
}: {
  numberLabel: string;
  text: string;
  itemKey: string;
  scale: QuestionScale;
  value: number | null | undefined;
  onChange: (value: number | null) => void;
}) {
  const name = `q-${itemKey}`;
  const id = useId();
  return (
    <fieldset className={`question${value === undefined ? '' : ' is-answered'}`}>
      <legend className="question-text">
        <span className="question-number">{numberLabel}</span> {text}
      </legend>
      <div className="options">
        {scale.options.map((option) => (
          <label className="option" key={option.value} htmlFor={`${id}-${option.value}`}>
            <input
              id={`${id}-${option.value}`}
              type="radio"
              name={name}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
            />
            <span>{option.label}</span>
          </label>
        ))}
        <label className="option option-cant-say" htmlFor={`${id}-cant-say`}>
          <input
            id={`${id}-cant-say`}
            type="radio"
            name={name}
            value=""
            checked={value === null}
            onChange={() => onChange(null)}
          />
          <span>{scale.cantSay}</span>
        </label>
      </div>
    </fieldset>
  );
}
