// One step of a pathway: the module (linked to its library page), its length, the three progress
// marks, moving it up or down, removing it, and turning its practice into an experiment. Moving is
// by buttons, not dragging, so it works from the keyboard and with a screen reader.
import { Link } from 'react-router';
import { PROGRESS_MARKS, type ProgressMark } from '../../../../src/domains/pathways/constants.ts';
import { t } from '../../i18n/index.ts';
import { Button } from '../../ui/components.tsx';
import type { PathwayStep } from './queries.ts';

const MARK_LABEL: Record<ProgressMark, () => string> = {
  started: () => t('pathways.step.started'),
  practised: () => t('pathways.step.practised'),
  reflected: () => t('pathways.step.reflected'),
};
const MARK_FIELD = { started: 'startedAt', practised: 'practisedAt', reflected: 'reflectedAt' } as const;

/** The module's title after a button's visible words, so each button's name says which step (WCAG 2.5.3: the visible words come first). */
const Hidden = ({ text }: { text: string }) => <span className="visually-hidden">: {text}</span>;

/** Ids of a step's move buttons, so focus can follow a step after it moves. */
export const moveButtonId = (stepId: string, direction: 'up' | 'down') => `step-${stepId}-${direction}`;

export function PathwayStepRow({
  step,
  index,
  count,
  busy,
  onMark,
  onMove,
  onRemove,
}: {
  step: PathwayStep;
  index: number;
  count: number;
  busy: boolean;
  onMark(mark: ProgressMark, done: boolean): void;
  onMove(direction: 'up' | 'down'): void;
  onRemove(): void;
}) {
  const { module } = step;
  const title = module.title || t('pathways.step.unavailable');
  return (
    <li className="pathway-step">
      <div className="pathway-step-head">
        <span className="pathway-step-number" aria-hidden="true">
          {index + 1}
        </span>
        <div className="pathway-step-title">
          {module.available ? <Link to={`/library/${encodeURIComponent(module.id)}`}>{title}</Link> : title}
          <span className="muted nowrap">
            {module.minutes ? ` · ${t('pathways.step.minutes', { minutes: module.minutes })}` : null}
            {module.available ? null : ` · ${t('pathways.step.unavailable')}`}
          </span>
        </div>
      </div>
      <fieldset className="fieldset pathway-progress">
        <legend className="visually-hidden">{t('pathways.step.progress', { title })}</legend>
        {PROGRESS_MARKS.map((mark) => {
          const id = `step-${step.id}-${mark}`;
          return (
            <div className="checkbox" key={mark}>
              <input
                id={id}
                type="checkbox"
                checked={step[MARK_FIELD[mark]] !== null}
                onChange={(event) => onMark(mark, event.currentTarget.checked)}
              />
              <label htmlFor={id}>{MARK_LABEL[mark]()}</label>
            </div>
          );
        })}
      </fieldset>
      <div className="pathway-step-actions">
        <Button
          variant="secondary"
          id={moveButtonId(step.id, 'up')}
          disabled={index === 0}
          aria-disabled={busy || undefined}
          onClick={() => !busy && onMove('up')}
        >
          <span aria-hidden="true">↑ </span>
          {t('pathways.step.moveUp')}
          <Hidden text={title} />
        </Button>
        <Button
          variant="secondary"
          id={moveButtonId(step.id, 'down')}
          disabled={index === count - 1}
          aria-disabled={busy || undefined}
          onClick={() => !busy && onMove('down')}
        >
          <span aria-hidden="true">↓ </span>
          {t('pathways.step.moveDown')}
          <Hidden text={title} />
        </Button>
        <Button variant="link" onClick={onRemove}>
          {t('pathways.step.remove')}
          <Hidden text={title} />
        </Button>
        {module.available ? (
          <Link
            className="pathway-practise"
            to={`/plan/experiments/new?module=${encodeURIComponent(module.id)}`}
          >
            {t('pathways.step.practise')}
            <Hidden text={title} />
          </Link>
        ) : null}
      </div>
    </li>
  );
}
