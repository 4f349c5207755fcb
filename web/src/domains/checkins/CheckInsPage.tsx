// /check-ins: the check-ins coming up and the earlier ones, those the person scheduled and those
// they hold as someone's manager or coach.
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { t } from '../../i18n/index.ts';
import { Badge, LoadError, Loading, PageHeading } from '../../ui/components.tsx';
import { errorText } from '../../ui/errors.ts';
import { readerTime, relationText, whenText } from './format.ts';
import { type CheckInSummary, useCheckIns } from './queries.ts';
import './checkins.css';

export function CheckInsPage() {
  const list = useCheckIns();
  let content: ReactNode;
  if (list.isPending) content = <Loading />;
  else if (list.isError)
    content = <LoadError message={errorText(list.error)} onRetry={() => void list.refetch()} />;
  else
    content = (
      <>
        <section aria-labelledby="checkins-upcoming" className="stack">
          <h2 id="checkins-upcoming">{t('checkins.upcoming')}</h2>
          {list.data.upcoming.length ? (
            <ul className="checkin-list">
              {list.data.upcoming.map((c) => (
                <CheckInItem key={c.id} checkIn={c} />
              ))}
            </ul>
          ) : (
            <p className="empty">{t('checkins.noneUpcoming')}</p>
          )}
        </section>
        <section aria-labelledby="checkins-past" className="stack">
          <h2 id="checkins-past">{t('checkins.past')}</h2>
          {list.data.past.length ? (
            <ul className="checkin-list">
              {list.data.past.map((c) => (
                <CheckInItem key={c.id} checkIn={c} />
              ))}
            </ul>
          ) : (
            <p className="empty">{t('checkins.nonePast')}</p>
          )}
        </section>
      </>
    );
  return (
    <section className="checkins stack">
      <PageHeading title={t('checkins.title')} />
      <p className="lead">{t('checkins.intro')}</p>
      <p>
        <Link className="button button-primary" to="/check-ins/new">
          {t('checkins.schedule')}
        </Link>
      </p>
      {content}
    </section>
  );
}

export function StatusBadge({ status }: { status: CheckInSummary['status'] }) {
  const tone = status === 'scheduled' ? 'positive' : status === 'completed' ? 'neutral' : 'warning';
  return <Badge tone={tone}>{t(`checkins.status.${status}`)}</Badge>;
}

export function withWhom(c: CheckInSummary): string {
  return c.viewerRole === 'owner'
    ? t('checkins.with', { name: c.counterpart.name, relation: relationText(c.relation) })
    : t('checkins.from', { name: c.owner.name });
}

function CheckInItem({ checkIn: c }: { checkIn: CheckInSummary }) {
  const mine = readerTime(c);
  return (
    <li className="card checkin-item">
      <div className="checkin-item-head">
        <h3>
          <Link to={`/check-ins/${c.id}`}>{c.title}</Link>
        </h3>
        <StatusBadge status={c.status} />
      </div>
      <p>
        {whenText(c)} · {t('checkins.minutes', { minutes: c.durationMinutes })}
      </p>
      {mine ? <p className="muted">{mine}</p> : null}
      <p className="muted">{withWhom(c)}</p>
    </li>
  );
}
