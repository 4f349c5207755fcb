// One focus area as the owner (and whoever it is shared with) reads it: what it is, the goal and
// why in the person's words, links to organisation goals and values, its experiments and the
// comments made on it.
import { useId } from 'react';
import { Link } from 'react-router';
import { t } from '../../i18n/index.ts';
import { Badge } from '../../ui/components.tsx';
import { ExperimentItem } from './experiment-item.tsx';
import type { Alignment, FocusArea } from './plan-api.ts';
import { CommentList } from './plan-comments.tsx';

export function FocusCard({
  focus,
  number,
  alignment,
  readOnly,
}: {
  focus: FocusArea;
  number: number;
  /** The organisation's goals and values, to name the linked ones (ids in the plan). */
  alignment: Alignment | undefined;
  /** History, and the view of a manager or coach: nothing to change, no log form. */
  readOnly?: boolean;
}) {
  const headingId = useId();
  const goalTitle = new Map(alignment?.goals.map((g) => [g.id, g.title]));
  const valueName = new Map(alignment?.values.map((v) => [v.id, v.name]));
  const links = [
    ...focus.goalIds.flatMap((id) =>
      goalTitle.has(id) ? [{ id, text: t('plan.focus.orgGoal', { title: goalTitle.get(id)! }) }] : [],
    ),
    ...focus.valueIds.flatMap((id) =>
      valueName.has(id) ? [{ id, text: t('plan.focus.orgValue', { name: valueName.get(id)! }) }] : [],
    ),
  ];
  return (
    <section className="card plan-focus" aria-labelledby={headingId} id={`focus-${focus.id}`}>
      <div className="plan-focus-head">
        <h3 id={headingId}>{t('plan.focus.heading', { number, name: focus.title })}</h3>
        <Badge tone={focus.kind === 'derailer' ? 'warning' : 'neutral'}>
          {t(`plan.focus.kind.${focus.kind}`)}
        </Badge>
        {focus.status === 'active' ? null : (
          <Badge tone={focus.status === 'done' ? 'positive' : 'negative'}>
            {t(`plan.focus.status.${focus.status}`)}
          </Badge>
        )}
      </div>
      <dl className="plan-facts">
        <dt>{t('plan.focus.goal')}</dt>
        <dd>{focus.goal}</dd>
        {focus.why ? (
          <>
            <dt>{t('plan.focus.why')}</dt>
            <dd>{focus.why}</dd>
          </>
        ) : null}
        {links.length ? (
          <>
            <dt>{t('plan.focus.links')}</dt>
            <dd>
              <ul className="plan-links">
                {links.map((l) => (
                  <li key={l.id}>{l.text}</li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
      </dl>
      <h4 className="plan-experiments-heading">{t('plan.focus.experiments')}</h4>
      {focus.experiments.length === 0 ? <p className="muted">{t('plan.focus.noExperiments')}</p> : null}
      <ul className="plan-experiments">
        {focus.experiments.map((e) => (
          <ExperimentItem key={e.id} experiment={e} {...(readOnly ? { readOnly } : {})} />
        ))}
      </ul>
      {readOnly ? null : (
        <p>
          <Link
            className="button button-secondary"
            to={`/plan/experiments/new?focus=${encodeURIComponent(focus.id)}`}
          >
            {t('plan.focus.addExperiment')}
            <span className="visually-hidden"> — {focus.title}</span>
          </Link>
        </p>
      )}
      {focus.comments.length ? (
        <>
          <h4>{t('plan.comments.title')}</h4>
          <CommentList comments={focus.comments} />
        </>
      ) : null}
    </section>
  );
}
