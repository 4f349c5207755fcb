// The leadership profile of one submitted self-assessment (`/profile` is the latest one), with the
// person's history across retakes. Explanations come from the API, written for the person; this
// page arranges them and draws the figures, each of which is also given as text or in a table.
import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { HistoryEntry, ProfileResponse } from '../../api.ts';
import { formatDate, t } from '../../i18n/index.ts';
import { Alert, LoadError, Loading, PageHeading } from '../../ui/components.tsx';
import { errorText } from '../../ui/errors.ts';
import { DerailerSection, HistorySection } from './profile-history.tsx';
import { BalanceSection, CapabilitySection, Highlights } from './profile-sections.tsx';
import { useProfile } from './queries.ts';

export function ProfilePage({ id }: { id?: string }) {
  const [query] = useSearchParams();
  const data = useProfile(id);
  const title = t('profile.title');

  let content: ReactNode;
  if (data.isPending) content = <Loading />;
  else if (data.isError)
    content = <LoadError message={errorText(data.error)} onRetry={() => void data.refetch()} />;
  else if (data.data.kind === 'missing') content = <Alert tone="error">{t('profile.missing')}</Alert>;
  else if (data.data.kind === 'not-submitted')
    content = (
      <Alert tone="info">
        {t('profile.notSubmitted')} <Link to="/assessment">{t('profile.continue')}</Link>
      </Alert>
    );
  else if (data.data.kind === 'none') content = <EmptyProfile history={data.data.history} />;
  else
    content = (
      <ProfileView
        profile={data.data.profile}
        history={data.data.history}
        justSubmitted={query.get('submitted') === '1'}
      />
    );

  return (
    <section className="profile">
      <PageHeading title={title} />
      {content}
    </section>
  );
}

function EmptyProfile({ history }: { history: HistoryEntry[] }) {
  const open = history.find((h) => h.status === 'open');
  return (
    <div className="empty empty-invite">
      <p className="empty-title">{t('profile.empty.title')}</p>
      <p>{t('profile.empty.body')}</p>
      <p>
        <Link className="button button-primary" to="/assessment">
          {open
            ? t('profile.empty.continue', { answered: open.progress.answered, total: open.progress.total })
            : t('profile.empty.start')}
        </Link>
      </p>
    </div>
  );
}

function ProfileView({
  profile,
  history,
  justSubmitted,
}: {
  profile: ProfileResponse;
  history: HistoryEntry[];
  justSubmitted: boolean;
}) {
  const submitted = history.filter((h) => h.status === 'submitted' && h.scores);
  const latest = submitted.at(-1);
  const open = history.find((h) => h.status === 'open');
  const scales = [...profile.capabilities, ...profile.derailers];
  const total = scales.reduce((n, c) => n + c.itemCount, 0);
  const rated = scales.reduce((n, c) => n + c.answered, 0);
  const byKey = new Map(profile.capabilities.map((c) => [c.key, c]));

  return (
    <>
      <p className="subtitle">
        {t('profile.meta', {
          date: formatDate(profile.submittedAt),
          framework: profile.version.name,
          version: profile.version.number,
        })}
        {profile.careerStage ? ` · ${profile.careerStage.name}` : ''}
        <br />
        {t('profile.answered', { rated, total, cantSay: total - rated })}
      </p>
      {justSubmitted ? <Alert tone="success">{t('profile.thanks')}</Alert> : null}
      {latest && latest.id !== profile.assessmentId ? (
        <Alert tone="info">
          {t('profile.earlier', { date: formatDate(profile.submittedAt) })}{' '}
          <Link to="/profile">{t('profile.seeLatest')}</Link>
        </Alert>
      ) : null}
      <p className="profile-actions">
        <Link to="/assessment">
          {open
            ? t('profile.continueRetake', { answered: open.progress.answered, total: open.progress.total })
            : t('profile.retake')}
        </Link>
        {/* The next step after knowing yourself: a plan built from this profile's suggestions. */}
        {latest?.id === profile.assessmentId ? (
          <Link className="button button-primary" to="/plan/new">
            {t('profile.startPlan')}
          </Link>
        ) : null}
      </p>

      <BalanceSection balance={profile.balance} stage={profile.careerStage?.name ?? null} />

      <div className="grid-halves">
        <Highlights
          id="strengths"
          title={t('profile.strengths.title')}
          intro={t('profile.strengths.intro')}
          items={profile.strengths.map((k) => byKey.get(k)).filter((c) => c !== undefined)}
          tone="strength"
        />
        <Highlights
          id="growth"
          title={t('profile.growth.title')}
          intro={t('profile.growth.intro')}
          items={profile.growthEdges.map((k) => byKey.get(k)).filter((c) => c !== undefined)}
          tone="growth"
        />
      </div>

      <CapabilitySection profile={profile} />
      <DerailerSection derailers={profile.derailers} />
      <HistorySection history={submitted} open={open} current={profile.assessmentId} />
    </>
  );
}
