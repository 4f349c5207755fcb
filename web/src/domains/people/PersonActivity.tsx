// A person's self-assessments and 360s on their page, as status only: when an assessment was
// started or submitted, and each 360's state and response counts. Content is reachable only where
// it already is for this viewer: the person's own profiles, and a 360 report the server says the
// viewer may read (their own, or shared with them). The server decides who sees what; a refusal
// (403) simply leaves that part out.
import { ApiError, api, type PersonAssessments } from '../../api.ts';
import { Link } from '../../app/router.tsx';
import { formatDate, t } from '../../i18n/index.ts';
import { Badge, LoadError, Loading } from '../../ui/components.tsx';
import { errorText } from '../../ui/errors.ts';
import { useResource } from '../../ui/use-resource.ts';
import { type CampaignStatus, feedbackApi } from '../feedback/feedback-api.ts';
import { STATUS_TONE, statusLabel } from '../feedback/labels.ts';

interface Feedback360 {
  id: string;
  status: CampaignStatus;
  deadline: string;
  releasedAt: string | null;
  progress: { invited: number; responded: number };
  reportAvailable: boolean;
}

const refused = (e: unknown) => e instanceof ApiError && (e.status === 403 || e.status === 404);

async function loadActivity(personId: string, admin: boolean) {
  const assessments = api.personAssessments(personId).catch((e: unknown) => {
    if (refused(e)) return null;
    throw e;
  });
  // The viewer's own list (theirs, their reports', those shared with them) says which reports they
  // may read; an admin's list adds every 360's status.
  const [mine, all] = await Promise.all([
    feedbackApi.campaigns(),
    admin ? feedbackApi.adminCampaigns() : Promise.resolve(null),
  ]);
  const byId = new Map<string, Feedback360>();
  for (const c of all?.campaigns ?? []) {
    if (c.subject.id !== personId) continue;
    byId.set(c.id, { ...c, reportAvailable: false });
  }
  for (const c of mine.campaigns) {
    if (c.subject.id !== personId) continue;
    byId.set(c.id, c);
  }
  const feedback = [...byId.values()].sort((a, b) => b.deadline.localeCompare(a.deadline));
  return { assessments: await assessments, feedback };
}

export function PersonActivity({ personId, own, admin }: { personId: string; own: boolean; admin: boolean }) {
  const data = useResource(() => loadActivity(personId, admin), [personId, admin]);
  if (data.status === 'loading') return <Loading />;
  if (data.status === 'error') return <LoadError message={errorText(data.error)} onRetry={data.reload} />;
  const { assessments, feedback } = data.data;
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
