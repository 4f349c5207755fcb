// One experiment of a focus area: what, when, how often, how the person will know it worked, its
// dates and status, the practice log form (one tap: did it, outcome, note) and the latest entries,
// and for the owner a link to reflect on it in the journal (/journal, the experiment preselected).
import { useEffect, useId, useState } from 'react';
import { Link } from 'react-router';
import { formatDate, formatDateTime, t, tn } from '../../i18n/index.ts';
import { Alert, Badge } from '../../ui/components.tsx';
import { errorText } from '../../ui/errors.ts';
import { formatScore } from '../../ui/format.ts';
import { EXPERIMENT_STATUSES, LOGGABLE_EXPERIMENT_STATUSES } from './limits.ts';
import type { Experiment, ExperimentStatus } from './plan-api.ts';
import { PracticeLogForm } from './practice-log-form.tsx';
import { usePractice, useSetExperimentStatus } from './queries.ts';

const STATUS_TONE: Record<ExperimentStatus, 'neutral' | 'positive' | 'warning' | 'negative'> = {
  planned: 'neutral',
  running: 'warning',
  done: 'positive',
  dropped: 'negative',
};

/** The newest entries first; the full log stays in the data, the page shows what helps now. */
const RECENT = 3;

export function ExperimentItem({ experiment, readOnly }: { experiment: Experiment; readOnly?: boolean }) {
  const headingId = useId();
  const loggable = (LOGGABLE_EXPERIMENT_STATUSES as readonly string[]).includes(experiment.status);
  return (
    <li className="plan-experiment" aria-labelledby={headingId}>
      <div className="plan-experiment-head">
        <h4 id={headingId}>{experiment.action}</h4>
        <Badge tone={STATUS_TONE[experiment.status]}>
          {t(`plan.experiment.status.${experiment.status}`)}
        </Badge>
      </div>
      {experiment.sourceModuleId ? <p className="hint">{t('plan.experiment.fromLibraryPlain')}</p> : null}
      <dl className="plan-facts">
        <dt>{t('plan.experiment.situation')}</dt>
        <dd>{experiment.situation}</dd>
        <dt>{t('plan.experiment.frequency')}</dt>
        <dd>{experiment.frequency}</dd>
        <dt>{t('plan.experiment.signal')}</dt>
        <dd>{experiment.signal}</dd>
        <dt>{t('plan.experiment.datesLabel')}</dt>
        <dd>
          {t('plan.experiment.dates', {
            start: formatDate(experiment.startsOn),
            review: formatDate(experiment.reviewOn),
          })}
        </dd>
      </dl>
      {readOnly ? null : <StatusControl experiment={experiment} />}
      {readOnly ? null : (
        <p className="plan-reflect">
          <Link
            to={`/journal?experiment=${encodeURIComponent(experiment.id)}`}
            aria-label={t('plan.experiment.reflectLabel', { action: experiment.action })}
          >
            {t('plan.experiment.reflect')}
          </Link>
        </p>
      )}
      {readOnly || !loggable ? null : <PracticeLogForm experiment={experiment} />}
      <h5 className="plan-log-heading">{t('plan.log.recent')}</h5>
      {experiment.practice.count === 0 ? (
        <p className="muted">{t('plan.log.none')}</p>
      ) : (
        <>
          <p className="muted">
            {tn('plan.log.counts', experiment.practice.count, {
              did: experiment.practice.didItCount,
              count: experiment.practice.count,
            })}
            {experiment.practice.averageOutcome !== null
              ? ` ${t('plan.log.average', { average: formatScore(experiment.practice.averageOutcome) })}`
              : null}
          </p>
          <RecentPractice experimentId={experiment.id} count={experiment.practice.count} />
        </>
      )}
    </li>
  );
}

/** The latest entries; refetched when the count in the plan changes (a new entry was logged). */
function RecentPractice({ experimentId, count }: { experimentId: string; count: number }) {
  const practice = usePractice(experimentId);
  const { refetch } = practice;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the count is the trigger.
  useEffect(() => {
    void refetch();
  }, [count]);
  if (!practice.data) return null;
  const recent = [...practice.data.entries]
    .sort((a, b) => b.loggedAt.localeCompare(a.loggedAt))
    .slice(0, RECENT);
  return (
    <ul className="plan-log">
      {recent.map((entry) => (
        <li key={entry.id}>
          <span className="plan-log-when">{formatDateTime(entry.loggedAt)}</span>{' '}
          <strong>{entry.didIt ? t('plan.log.entryDid') : t('plan.log.entryDidNot')}</strong>
          {entry.outcome !== null ? <>, {t('plan.log.entryOutcome', { outcome: entry.outcome })}</> : null}
          {entry.note ? <span className="plan-log-note">{entry.note}</span> : null}
        </li>
      ))}
    </ul>
  );
}

/** Changing the status saves at once; the select keeps focus and the result is announced. */
function StatusControl({ experiment }: { experiment: Experiment }) {
  const id = useId();
  const change = useSetExperimentStatus();
  // The choice shows at once; the saved plan replaces it (or a failure puts the old one back).
  const [chosen, setChosen] = useState<ExperimentStatus | null>(null);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  return (
    <div className="field plan-status-field">
      <label htmlFor={id}>
        {t('plan.experiment.changeStatus')}
        <span className="visually-hidden">
          {' '}
          {t('plan.experiment.statusOf', { action: experiment.action })}
        </span>
      </label>
      <select
        id={id}
        value={chosen ?? experiment.status}
        aria-busy={change.isPending || undefined}
        onChange={(e) => {
          const status = e.target.value as ExperimentStatus;
          setMessage(null);
          setChosen(status);
          change.mutate(
            { id: experiment.id, status },
            {
              onSettled: () => setChosen(null),
              onSuccess: () =>
                setMessage({
                  tone: 'success',
                  text: t('plan.experiment.statusSaved', { status: t(`plan.experiment.status.${status}`) }),
                }),
              onError: (error) => setMessage({ tone: 'error', text: errorText(error) }),
            },
          );
        }}
      >
        {EXPERIMENT_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`plan.experiment.status.${s}`)}
          </option>
        ))}
      </select>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
    </div>
  );
}
