// A person's self-assessments and 360s on their page, as status only: when an assessment was
// started or submitted, and each 360's state and response counts. Content is reachable only where
// it already is for this viewer: the person's own profiles, and a 360 report the server says the
// viewer may read (their own, or shared with them). The server decides who sees what; a refusal
// (403) simply leaves that part out.
import { Link } from 'react-router';
import type { PersonAssessments } from '../../api.ts';
import { formatDate, t } from '../../i18n/index.ts';
import { Badge, LoadError, Loading } from '../../ui/components.tsx';
import { errorText } from '../../ui/errors.ts';
import type { AdminCampaignList, CampaignList, CampaignStatus } from '../feedback/feedback-api.ts';
import { STATUS_TONE, statusLabel } from '../feedback/labels.ts';
import { useAdminCampaigns, useMyCampaigns } from '../feedback/queries.ts';
import { usePersonAssessments } from './queries.ts';

interface Feedback360 {
  id: string;
  status: CampaignStatus;
  deadline: string;
  releasedAt: string | null;
  progress: { invited: number; responded: number };
  reportAvailable: boolean;
}

/**
 * The viewer's own list (theirs, their reports', those shared with them) says which reports they
 * may read; an admin's list adds every 360's status.
 */
function feedbackOf(personId: string, mine: CampaignList, all: AdminCampaignList | undefined): Feedback360[] {
  const byId = new Map<string, Feedback360>();
  for (const c of all?.campaigns ?? []) {
    if (c.subject.id !== personId) continue;
    byId.set(c.id, { ...c, reportAvailable: false });
  }
  for (const c of mine.campaigns) {
    if (c.subject.id !== personId) continue;
    byId.set(c.id, c);
  }
  return [...byId.values()].sort((a, b) => b.deadline.localeCompare(a.deadline));
}

export function PersonActivity({ personId, own, admin }: { personId: string; own: boolean; admin: boolean }) {
  // The same cached lists the 360 pages use; a refused assessment list (403/404) reads as null.
  const assessmentList = usePersonAssessments(personId);
  const mine = useMyCampaigns();
  const all = useAdminCampaigns({ enabled: admin });
  const queries = admin ? [assessmentList, mine, all] : [assessmentList, mine];
  const failed = queries.find((q) => q.isError);
  if (failed) {
    const retry = () => {
      for (const q of queries) if (q.isError) void q.refetch();
    };
    return <LoadError message={errorText(failed.error)} onRetry={retry} />;
  }
  if (assessmentList.isPending || !mine.data || (admin && !all.data)) return <Loading />;
  const assessments = assessmentList.data;
  const feedback = feedbackOf(personId, mine.data, admin ? all.data : undefined);
  return (
    <div className="grid-2 person-activity">
      {assessments ? <Assessments items={assessments.items} own={own} /> : null}
      <section className="card" aria-labelledby="person-360s">
        <h2 id="person-360s">{t('person.activity.feedbackTitle')}</h2>
        {feedback.length === 0 ? (
          <p className="muted">{t('person.activity.noFeedback')}</p>
        ) : (
          <ul className="link-list activity-list">
            {feedback.map((c) => (
              <li key={c.id}>
                <Link to={`/feedback/${encodeURIComponent(c.id)}`}>
                  {t('person.activity.feedbackDue', { date: formatDate(c.deadline) })}
                </Link>{' '}
                <Badge tone={STATUS_TONE[c.status]}>{statusLabel(c.status)}</Badge>
                <span className="muted">
                  {' '}
                  ·{' '}
                  {t('campaign.progress', {
                    responded: c.progress.responded,
                    invited: c.progress.invited,
                  })}
                  {c.releasedAt
                    ? ` · ${t('person.activity.released', { date: formatDate(c.releasedAt) })}`
                    : ''}
                </span>
                {c.reportAvailable ? (
                  <>
                    {' '}
                    ·{' '}
                    <Link to={`/feedback/${encodeURIComponent(c.id)}/report`}>
                      {t('person.activity.report')}
                    </Link>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function Assessments({ items, own }: { items: PersonAssessments['items']; own: boolean }) {
  const newest = [...items].reverse();
  return (
    <section className="card" aria-labelledby="person-assessments">
      <h2 id="person-assessments">{t('person.activity.assessmentsTitle')}</h2>
      {newest.length === 0 ? (
        <p className="muted">{t('person.activity.noAssessments')}</p>
      ) : (
        <ul className="link-list activity-list">
          {newest.map((a) => (
            <li key={a.id}>
              {a.status === 'submitted' ? (
                own ? (
                  <Link to={`/profile/${encodeURIComponent(a.id)}`}>
                    {t('person.activity.submitted', { date: formatDate(a.submittedAt!) })}
                  </Link>
                ) : (
                  t('person.activity.submitted', { date: formatDate(a.submittedAt!) })
                )
              ) : (
                t('person.activity.inProgress', {
                  date: formatDate(a.startedAt),
                  answered: a.progress.answered,
                  total: a.progress.total,
                })
              )}
              <span className="muted"> · {t('profile.history.version', { version: a.version.number })}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
