// `/`: the participant's home. One next step with one primary button, their journey through the
// three building blocks, what is due this week, the plan at a glance and one module to read. Everything comes from GET /api/home in one request.
import { Link } from 'react-router';
import { t } from '../../i18n/index.ts';
import { Badge, LoadError, Loading, PageHeading } from '../../ui/components.tsx';
import { errorText } from '../../ui/errors.ts';
import { ProgrammeStep } from '../programmes/ProgrammeStep.tsx';
import { JourneyCard } from './journey.tsx';
import { dayLabel, dueLabels, moduleReason } from './labels.ts';
import { type DueItem, type FocusGlance, type Home, type Suggested, useHome } from './queries.ts';
import './home.css';

/** The plan page is the development domain's; a query names the experiment to log practice for. */
const PLAN = '/plan';
const logPracticeLink = (id: string) => `${PLAN}?log=${encodeURIComponent(id)}`;

export function HomePage() {
  const home = useHome();
  if (home.isPending) {
    return (
      <section className="home">
        <PageHeading title={t('home.title')} />
        <Loading />
      </section>
    );
  }
  if (home.isError) {
    return (
      <section className="home">
        <PageHeading title={t('home.title')} />
        <LoadError
          message={`${t('home.loadError')} ${errorText(home.error)}`}
          onRetry={() => void home.refetch()}
        />
      </section>
    );
  }
  const data = home.data;
  const firstName = data.person.name.split(/\s+/)[0] ?? data.person.name;
  return (
    <section className="home">
      <PageHeading title={t('home.title')}>{t('home.greeting', { name: firstName })}</PageHeading>
      <p className="lead">
        {t('home.week', { start: dayLabel(data.week.start), end: dayLabel(data.week.end) })}
      </p>
      <NextStep step={data.nextStep} />
      <ProgrammeStep />
      <JourneyCard journey={data.journey} running={data.counts.runningExperiments} />
      <div className="home-grid">
        <DueThisWeek items={data.dueThisWeek} today={data.today} hasPlan={data.plan !== null} />
        <div className="home-side">
          <PlanGlance plan={data.plan} />
          <SuggestedModule module={data.suggestedModule} />
        </div>
      </div>
    </section>
  );
}

function NextStep({ step }: { step: Home['nextStep'] }) {
  return (
    <section className="card home-next" aria-labelledby="home-next-heading">
      <h2 id="home-next-heading" className="home-eyebrow">
        {t('home.next.heading')}
      </h2>
      <p className="home-next-title">{t(`home.next.${step.code}.title`)}</p>
      <p>{t(`home.reason.${step.reason}`)}</p>
      <Link className="button button-primary" to={step.link}>
        {t(`home.next.${step.code}.button`)}
      </Link>
    </section>
  );
}

function DueThisWeek({ items, today, hasPlan }: { items: DueItem[]; today: string; hasPlan: boolean }) {
  return (
    <section className="card home-due" aria-labelledby="home-due-heading">
      <h2 id="home-due-heading">
        {t('home.due.heading')} {items.length ? <Badge tone="warning">{items.length}</Badge> : null}
      </h2>
      {items.length === 0 ? (
        <p className="muted">{hasPlan ? t('home.due.empty') : t('home.due.noPlan')}</p>
      ) : (
        <ul className="home-due-list">
          {items.map((item) => (
            <li key={item.id}>
              <p className="home-due-action">{item.action}</p>
              <p className="hint">{t('home.due.focus', { title: item.focus.title })}</p>
              <ul className="home-due-reasons" aria-label={t('home.due.heading')}>
                {dueLabels(item, today).map((label) => (
                  <li key={label.text}>
                    <Badge tone={label.tone}>{label.text}</Badge>
                  </li>
                ))}
              </ul>
              <p className="home-due-links">
                <Link
                  to={logPracticeLink(item.id)}
                  aria-label={t('home.due.logPracticeLabel', { action: item.action })}
                >
                  {t('home.due.logPractice')}
                </Link>
                <Link to={PLAN} aria-label={t('home.due.openPlanLabel', { action: item.action })}>
                  {t('home.due.openPlan')}
                </Link>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function PlanGlance({ plan }: { plan: Home['plan'] }) {
  return (
    <section className="card home-plan" aria-labelledby="home-plan-heading">
      <h2 id="home-plan-heading">{t('home.plan.heading')}</h2>
      {plan === null ? (
        <p className="muted">{t('home.plan.empty')}</p>
      ) : (
        <>
          <p className="home-plan-title">{plan.title}</p>
          {plan.focusAreas.length === 0 ? (
            <p className="muted">{t('home.plan.noFocus')}</p>
          ) : (
            <ul className="home-focus-list">
              {plan.focusAreas.map((f) => (
                <FocusItem key={f.id} focus={f} />
              ))}
            </ul>
          )}
          <p>
            <Link to={PLAN}>{t('home.plan.open')}</Link>
          </p>
        </>
      )}
    </section>
  );
}

function FocusItem({ focus }: { focus: FocusGlance }) {
  const e = focus.experiments;
  return (
    <li>
      <p className="home-focus-title">{focus.title}</p>
      <p className="home-focus-goal">{t('home.plan.goal', { goal: focus.goal })}</p>
      <p className="hint">
        {t('home.plan.counts', { running: e.running, planned: e.planned, done: e.done })}
      </p>
    </li>
  );
}

function SuggestedModule({ module }: { module: Suggested | null }) {
  return (
    <section className="card home-module" aria-labelledby="home-module-heading">
      <h2 id="home-module-heading">{t('home.module.heading')}</h2>
      {module === null ? (
        <p className="muted">{t('home.module.empty')}</p>
      ) : (
        <>
          <p className="home-module-title">
            <Link to={`/library/${encodeURIComponent(module.id)}`}>{module.title}</Link>
          </p>
          <p className="hint">
            {module.capabilityName} · {t('home.module.minutes', { minutes: module.minutes })}
          </p>
          <p>{moduleReason(module)}</p>
        </>
      )}
    </section>
  );
}
