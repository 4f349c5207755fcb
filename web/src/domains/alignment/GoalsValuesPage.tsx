// "Our goals and values": what every member sees, read-only. Admins get drafts and dropped goals
// from the API too; this page shows only what participants see, so an admin can check it.
import { type ReactNode, useId } from 'react';
import { Link } from 'react-router';
import { PUBLIC_GOAL_STATUSES } from '../../../../src/domains/alignment/constants.ts';
import { isAdmin, useViewer } from '../../app/session.tsx';
import { t } from '../../i18n/index.ts';
import { LoadError, Loading, PageHeading } from '../../ui/components.tsx';
import { errorText } from '../../ui/errors.ts';
import { GoalStatusBadge, periodOf } from './labels.tsx';
import { type Goal, useGoals, useValues, type Value } from './queries.ts';
import './alignment.css';

export const PARTICIPANT_PATH = '/goals-and-values';

export function GoalsValuesPage() {
  const viewer = useViewer();
  const goals = useGoals();
  const values = useValues();
  const ids = { goals: useId(), values: useId() };
  const failed = [goals, values].find((q) => q.isError);

  let content: ReactNode;
  if (failed) {
    content = (
      <LoadError
        message={errorText(failed.error)}
        onRetry={() => {
          if (goals.isError) void goals.refetch();
          if (values.isError) void values.refetch();
        }}
      />
    );
  } else if (!goals.data || !values.data) content = <Loading />;
  else {
    const shown = goals.data.filter((g) => PUBLIC_GOAL_STATUSES.includes(g.status));
    content = (
      <>
        <section aria-labelledby={ids.goals} className="alignment-section">
          <h2 id={ids.goals}>{t('alignment.goals')}</h2>
          {shown.length ? (
            <ul className="alignment-cards">
              {shown.map((g) => (
                <GoalCard key={g.id} goal={g} />
              ))}
            </ul>
          ) : (
            <p className="empty">{t('alignment.noGoals')}</p>
          )}
        </section>
        <section aria-labelledby={ids.values} className="alignment-section">
          <h2 id={ids.values}>{t('alignment.values')}</h2>
          {values.data.length ? (
            <ul className="alignment-cards">
              {values.data.map((v) => (
                <ValueCard key={v.id} value={v} />
              ))}
            </ul>
          ) : (
            <p className="empty">{t('alignment.noValues')}</p>
          )}
        </section>
      </>
    );
  }

  return (
    <section>
      <div className="page-header">
        <PageHeading title={t('alignment.title')} />
        {isAdmin(viewer) ? <Link to="/admin/alignment">{t('alignmentAdmin.title')}</Link> : null}
      </div>
      <p className="lead">{t('alignment.intro')}</p>
      {content}
    </section>
  );
}

function GoalCard({ goal }: { goal: Goal }) {
  return (
    <li className="alignment-card">
      <div className="alignment-card-head">
        <h3>{goal.title}</h3>
        <GoalStatusBadge status={goal.status} />
      </div>
      <p className="alignment-meta">
        <span>{periodOf(goal)}</span>
        {goal.owner ? <span>{t('alignment.owner', { name: goal.owner.name })}</span> : null}
      </p>
      {goal.description ? <p className="alignment-description">{goal.description}</p> : null}
    </li>
  );
}

export function CapabilityLine({ capability }: { capability: Value['capability'] }) {
  if (!capability) return null;
  return (
    <p className="alignment-meta">
      {capability.name
        ? t('alignment.capability', { name: capability.name })
        : t('alignment.capabilityGone', { key: capability.key })}
    </p>
  );
}

function ValueCard({ value }: { value: Value }) {
  return (
    <li className="alignment-card">
      <h3>{value.name}</h3>
      {value.description ? <p className="alignment-description">{value.description}</p> : null}
      <CapabilityLine capability={value.capability} />
    </li>
  );
}
