// /feedback/:id/pulse/new: asking the same raters as a released 360 to re-rate a few behaviours.
// The person picks 3–6 behaviours (their plan's focus areas are chosen to begin with), sees who is
// asked (the 360's list, read-only: who of them answered is not shown, as in the 360) and the one
// open question, and launches. The server checks everything again; this page only guides.
import { type ReactNode, useId, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../../api.ts';
import { t, tn } from '../../i18n/index.ts';
import { Alert, Badge, Button, LoadError, Loading, PageHeading } from '../../ui/components.tsx';
import { errorText } from '../../ui/errors.ts';
import { endOfDay } from './campaign-dates.ts';
import { GROUPS, type PulseOptions } from './feedback-api.ts';
import { groupLabel } from './labels.ts';
import { useFocusCapabilities, useLaunchPulse, usePulseOptions } from './queries.ts';
import './feedback.css';

export function PulseStartPage({ id }: { id: string }) {
  const options = usePulseOptions(id);
  const focus = useFocusCapabilities();
  let content: ReactNode;
  if (options.isPending || focus.isPending) content = <Loading />;
  else if (options.isError) {
    const refused = options.error instanceof ApiError && [403, 404, 409].includes(options.error.status);
    content = refused ? (
      <Alert tone="info">{errorText(options.error)}</Alert>
    ) : (
      <LoadError message={errorText(options.error)} onRetry={() => void options.refetch()} />
    );
  } else {
    // Without a readable plan there is simply no default choice.
    content = <PulseForm options={options.data} focus={focus.data ?? []} />;
  }
  return (
    <section className="feedback pulse-start">
      <p className="breadcrumb">
        <Link to={`/feedback/${encodeURIComponent(id)}/report`}>
          <span aria-hidden="true">← </span>
          {t('pulse.backToReport')}
        </Link>
      </p>
      <PageHeading title={t('pulse.startTitle')} />
      <p className="lead">{t('pulse.startIntro')}</p>
      {content}
    </section>
  );
}

/** The plan's focus capabilities first (their items chosen, up to the maximum), then the rest. */
function initialChoice(options: PulseOptions, focus: ReadonlyArray<string>): string[] {
  return options.capabilities
    .filter((c) => focus.includes(c.key))
    .flatMap((c) => c.items.map((i) => i.key))
    .slice(0, options.maxItems);
}

function PulseForm({ options, focus }: { options: PulseOptions; focus: ReadonlyArray<string> }) {
  const [chosen, setChosen] = useState<string[]>(() => initialChoice(options, focus));
  const [day, setDay] = useState('');
  const [error, setError] = useState<string | null>(null);
  const launch = useLaunchPulse(options.baselineCampaignId);
  const navigate = useNavigate();
  const countId = useId();
  const deadlineId = useId();
  const boxId = useId();
  const ordered = [
    ...options.capabilities.filter((c) => focus.includes(c.key)),
    ...options.capabilities.filter((c) => !focus.includes(c.key)),
  ];
  const count = chosen.length;
  const tooFew = count < options.minItems;
  const tooMany = count > options.maxItems;

  const toggle = (key: string, on: boolean) =>
    setChosen((list) => (on ? [...list, key] : list.filter((k) => k !== key)));

  const submit = () => {
    if (launch.isPending || launch.isSuccess) return;
    if (tooFew || tooMany) {
      setError(t('pulse.countRule', { min: options.minItems, max: options.maxItems }));
      document.getElementById(countId)?.focus();
      return;
    }
    setError(null);
    // Sent in the framework's order, which is the order raters and the report show them in.
    const order = options.capabilities.flatMap((c) => c.items.map((i) => i.key));
    const itemKeys = order.filter((k) => chosen.includes(k));
    launch.mutate(
      { itemKeys, ...(day ? { deadline: endOfDay(day) } : {}) },
      {
        onSuccess: (pulse) => navigate(`/feedback/${encodeURIComponent(pulse.id)}`),
        onError: (e) => setError(errorText(e)),
      },
    );
  };

  if (options.blockedBy) {
    return <Alert tone="info">{t('pulse.blocked', { reason: options.blockedBy })}</Alert>;
  }

  return (
    <form
      className="pulse-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <section className="card" aria-labelledby="p-behaviours">
        <h2 id="p-behaviours">{t('pulse.step.behaviours')}</h2>
        <p>{t('pulse.behavioursIntro', { min: options.minItems, max: options.maxItems })}</p>
        <p
          id={countId}
          tabIndex={-1}
          className={tooFew || tooMany ? 'pulse-count text-error' : 'pulse-count'}
          aria-live="polite"
        >
          {tn('pulse.chosen', count, { count, min: options.minItems, max: options.maxItems })}
        </p>
        {ordered.map((capability) => {
          const inFocus = focus.includes(capability.key);
          const picked = capability.items.filter((i) => chosen.includes(i.key)).length;
          const fieldset = (
            <fieldset key={capability.key} className="fieldset pulse-capability">
              <legend>
                {capability.name} {inFocus ? <Badge tone="positive">{t('pulse.focusBadge')}</Badge> : null}
                {capability.derailer ? <Badge tone="warning">{t('pulse.derailerBadge')}</Badge> : null}
              </legend>
              {capability.items.map((item) => (
                <div key={item.key} className="checkbox">
                  <input
                    id={`${boxId}-${item.key}`}
                    type="checkbox"
                    checked={chosen.includes(item.key)}
                    aria-describedby={countId}
                    onChange={(e) => toggle(item.key, e.target.checked)}
                  />
                  <label htmlFor={`${boxId}-${item.key}`}>{item.text}</label>
                </div>
              ))}
            </fieldset>
          );
          // The plan's focus areas are open; any other capability opens on demand (or when chosen).
          return inFocus ? (
            <div key={capability.key}>{fieldset}</div>
          ) : (
            <details key={capability.key} className="pulse-more" open={picked > 0 || undefined}>
              <summary className="pulse-more-summary">
                {capability.name}
                {picked ? ` · ${tn('pulse.pickedHere', picked, { count: picked })}` : ''}
              </summary>
              {fieldset}
            </details>
          );
        })}
      </section>

      <section className="card" aria-labelledby="p-raters">
        <h2 id="p-raters">{t('pulse.step.raters')}</h2>
        <p>{t('pulse.ratersIntro')}</p>
        <div className="nomination-groups">
          {GROUPS.map((group) => {
            const list = options.raters.filter((r) => r.group === group);
            if (!list.length) return null;
            return (
              <div key={group}>
                <h3>{groupLabel(group)}</h3>
                <ul className="nominee-list">
                  {list.map((r) => (
                    <li key={r.email}>
                      <span>{r.name}</span> <span className="muted">{r.email}</span>
                    </li>
                  ))}
                </ul>
              </div>
            );
          })}
        </div>
      </section>

      <section className="card" aria-labelledby="p-question">
        <h2 id="p-question">{t('pulse.step.question')}</h2>
        <p>{t('pulse.questionIntro')}</p>
        <blockquote className="pulse-question">{options.question.text}</blockquote>
        <div className="field">
          <label htmlFor={deadlineId}>{t('pulse.deadline')}</label>
          <p id={`${deadlineId}-hint`} className="hint">
            {t('pulse.deadlineHint')}
          </p>
          <input
            id={deadlineId}
            type="date"
            value={day}
            aria-describedby={`${deadlineId}-hint`}
            onChange={(e) => setDay(e.target.value)}
          />
        </div>
      </section>

      {error ? <Alert tone="error">{error}</Alert> : null}
      <div className="form-actions">
        <Button type="submit" busy={launch.isPending || launch.isSuccess} busyLabel={t('pulse.launching')}>
          {t('pulse.launch')}
        </Button>
      </div>
    </form>
  );
}
