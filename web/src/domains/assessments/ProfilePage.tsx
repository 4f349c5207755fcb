// The leadership profile of one submitted self-assessment (`/profile` is the latest one), with the
// person's history across retakes. Explanations come from the API, written for the person; this
// page arranges them and draws the figures, each of which is also given as text or in a table.
import { type ReactNode, useId } from 'react';
import {
  ApiError,
  api,
  type Balance,
  type CapabilityScore,
  type DerailerScore,
  type HistoryEntry,
  type ProfileResponse,
} from '../../api.ts';
import { Link, useLocation } from '../../app/router.tsx';
import { formatDate, t } from '../../i18n/index.ts';
import { Alert, Badge, LoadError, Loading, PageHeading, ScrollTable } from '../../ui/components.tsx';
import { errorText } from '../../ui/errors.ts';
import { formatScore, formatShare } from '../../ui/format.ts';
import { useResource } from '../../ui/use-resource.ts';
import { Bar, type SeriesPoint, SplitBar, Swatch, TrendChart } from './charts.tsx';

type Loaded =
  | { kind: 'profile'; profile: ProfileResponse; history: HistoryEntry[] }
  | { kind: 'none'; history: HistoryEntry[] }
  | { kind: 'missing' }
  | { kind: 'not-submitted' };

async function loadProfile(id: string | undefined): Promise<Loaded> {
  const history = api.myAssessments().then((h) => h.items);
  try {
    const profile = await (id ? api.assessmentProfile(id) : api.myProfile());
    return { kind: 'profile', profile, history: await history };
  } catch (error) {
    if (error instanceof ApiError) {
      if (!id && error.status === 404) return { kind: 'none', history: await history };
      if (id && (error.status === 404 || error.status === 400)) return { kind: 'missing' };
      if (id && error.status === 409) return { kind: 'not-submitted' };
    }
    throw error;
  }
}

export function ProfilePage({ id }: { id?: string }) {
  const { query } = useLocation();
  const data = useResource(() => loadProfile(id), [id]);
  const title = t('profile.title');

  let content: ReactNode;
  if (data.status === 'loading') content = <Loading />;
  else if (data.status === 'error')
    content = <LoadError message={errorText(data.error)} onRetry={data.reload} />;
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

function BalanceSection({ balance, stage }: { balance: Balance; stage: string | null }) {
  const headingId = useId();
  const { leadShare, expectedLeadShare } = balance;
  return (
    <section className="card profile-section balance" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('profile.balance.title')}</h2>
      <p className="hint balance-intro">{t('profile.balance.intro')}</p>
      {leadShare === null ? null : (
        <>
          <p className="swatches">
            <Swatch className="split-manage">{t('profile.balance.manage')}</Swatch>
            <Swatch className="split-lead">{t('profile.balance.lead')}</Swatch>
            {expectedLeadShare === null ? null : (
              <Swatch className="swatch-expected">{t('profile.balance.expectedMark')}</Swatch>
            )}
          </p>
          <div className="split-row">
            <p className="split-label">{t('profile.balance.you')}</p>
            <SplitBar leadShare={leadShare} expected={expectedLeadShare} />
            <p className="split-figures">
              <span>{t('profile.balance.manageShare', { share: formatShare(1 - leadShare) })}</span>
              <span>{t('profile.balance.leadShare', { share: formatShare(leadShare) })}</span>
            </p>
          </div>
          {expectedLeadShare === null ? null : (
            <div className="split-row">
              <p className="split-label">
                {stage ? t('profile.balance.expectedAt', { stage }) : t('profile.balance.expected')}
              </p>
              <SplitBar leadShare={expectedLeadShare} />
              <p className="split-figures">
                <span>{t('profile.balance.manageShare', { share: formatShare(1 - expectedLeadShare) })}</span>
                <span>{t('profile.balance.leadShare', { share: formatShare(expectedLeadShare) })}</span>
              </p>
            </div>
          )}
        </>
      )}
      <p className="balance-summary">{balance.summary}</p>
      {balance.gap !== null && balance.verdict && balance.verdict !== 'as-expected' ? (
        <p>{t(`profile.balance.advice.${balance.verdict}`)}</p>
      ) : null}
      <details className="details-toggle">
        <summary>{t('profile.balance.how')}</summary>
        <p>{balance.definition}</p>
      </details>
    </section>
  );
}

function Highlights({
  id,
  title,
  intro,
  items,
  tone,
}: {
  id: string;
  title: string;
  intro: string;
  items: CapabilityScore[];
  tone: 'strength' | 'growth';
}) {
  return (
    <section className={`card profile-section highlights highlights-${tone}`} aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <p className="hint">{intro}</p>
      {items.length === 0 ? (
        <p className="muted">{t('profile.notEnough')}</p>
      ) : (
        <ol className="highlight-list">
          {items.map((c) => (
            <li key={c.key}>
              <h3>
                {c.name}{' '}
                <span className="highlight-score">
                  {c.score === null
                    ? null
                    : t('profile.scoreOf', { score: formatScore(c.score), max: c.max })}
                </span>
              </h3>
              <p>{c.interpretation}</p>
              <p className="muted">{c.explanation}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

const BAND_TONE = { strength: 'fill-strength', solid: 'fill-solid', growing: 'fill-growing' } as const;

function CapabilitySection({ profile }: { profile: ProfileResponse }) {
  const headingId = useId();
  const tableId = useId();
  const strengths = new Set(profile.strengths);
  const growth = new Set(profile.growthEdges);
  const first = profile.capabilities[0];
  return (
    <section className="card profile-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('profile.capabilities.title')}</h2>
      <p className="hint">
        {first ? t('profile.capabilities.intro', { min: first.min, max: first.max }) : t('profile.notEnough')}
      </p>
      <p className="swatches">
        <Swatch className="fill-strength">{t('profile.band.strength')}</Swatch>
        <Swatch className="fill-solid">{t('profile.band.solid')}</Swatch>
        <Swatch className="fill-growing">{t('profile.band.growing')}</Swatch>
      </p>
      {profile.blocks.map((block) => {
        const members = profile.capabilities.filter((c) => c.block === block.key);
        if (members.length === 0) return null;
        return (
          <div className="block-group" key={block.key}>
            <h3 className="block-heading">
              <span>{block.name}</span>
              <span className="block-score">
                {block.score === null
                  ? t('profile.notScored')
                  : t('profile.scoreOf', { score: formatScore(block.score), max: block.max })}
              </span>
            </h3>
            <ul className="score-rows">
              {members.map((c) => (
                <li className="score-row" key={c.key}>
                  <span className="score-name">
                    {c.name}
                    {strengths.has(c.key) ? (
                      <Badge tone="positive">{t('profile.tag.strength')}</Badge>
                    ) : growth.has(c.key) ? (
                      <Badge tone="warning">{t('profile.tag.growth')}</Badge>
                    ) : null}
                  </span>
                  <Bar
                    share={c.normalised}
                    tone={c.band ? BAND_TONE[c.band] : ''}
                    ticks={[0.25, 0.5, 0.75]}
                  />
                  <span className="score-value">
                    {c.score === null ? (
                      t('profile.notScored')
                    ) : (
                      <>
                        {formatScore(c.score)}
                        <span className="visually-hidden"> {t('profile.outOf', { max: c.max })}</span>
                      </>
                    )}
                  </span>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
      <details className="details-toggle">
        <summary>{t('profile.capabilities.table')}</summary>
        <ScrollTable labelledBy={tableId}>
          <table className="table table-compact">
            <caption id={tableId}>{t('profile.capabilities.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('profile.col.capability')}</th>
                <th scope="col">{t('profile.col.block')}</th>
                <th scope="col" className="num">
                  {t('profile.col.score')}
                </th>
                <th scope="col">{t('profile.col.band')}</th>
                <th scope="col" className="num">
                  {t('profile.col.answered')}
                </th>
              </tr>
            </thead>
            <tbody>
              {profile.capabilities.map((c) => (
                <tr key={c.key}>
                  <th scope="row">{c.name}</th>
                  <td>{profile.blocks.find((b) => b.key === c.block)?.name ?? c.block}</td>
                  <td className="num">
                    {c.score === null
                      ? t('profile.notScored')
                      : t('profile.scoreOf', { score: formatScore(c.score), max: c.max })}
                  </td>
                  <td>{c.band ? t(`profile.band.${c.band}`) : '—'}</td>
                  <td className="num">
                    {t('profile.ofItems', { answered: c.answered, total: c.itemCount })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      </details>
    </section>
  );
}

const DERAILER_TONE = {
  rare: 'fill-rare',
  occasional: 'fill-occasional',
  frequent: 'fill-frequent',
} as const;

function DerailerSection({ derailers }: { derailers: DerailerScore[] }) {
  const headingId = useId();
  if (derailers.length === 0) return null;
  // Most often first: that is where unlearning pays off soonest.
  const sorted = [...derailers].sort((a, b) => (b.frequency ?? -1) - (a.frequency ?? -1));
  const first = sorted[0]!;
  return (
    <section className="card profile-section derailers" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('profile.derailers.title')}</h2>
      <p>{t('profile.derailers.intro')}</p>
      <p className="hint">{t('profile.derailers.scale', { min: first.min, max: first.max })}</p>
      <ul className="derailer-list">
        {sorted.map((d) => (
          <li key={d.key} className={`derailer derailer-${d.band ?? 'unknown'}`}>
            <div className="derailer-head">
              <h3>{d.name}</h3>
              <span className="derailer-frequency">
                {d.frequency === null
                  ? t('profile.notScored')
                  : t('profile.derailers.frequency', {
                      label: d.frequencyLabel ?? '',
                      score: formatScore(d.frequency),
                      max: d.max,
                    })}
              </span>
            </div>
            <Bar
              share={d.frequency === null ? null : (d.frequency - d.min) / (d.max - d.min)}
              tone={d.band ? DERAILER_TONE[d.band] : ''}
            />
            <p>{d.interpretation}</p>
            <details className="details-toggle">
              <summary>{t('profile.derailers.more', { name: d.name })}</summary>
              <p>{d.description}</p>
              <p>{d.explanation}</p>
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}

function HistorySection({
  history,
  open,
  current,
}: {
  history: HistoryEntry[];
  open: HistoryEntry | undefined;
  current: string;
}) {
  const headingId = useId();
  const tableId = useId();
  const blocks = history.at(-1)?.scores?.blocks ?? [];
  const series = (key: string): SeriesPoint[] =>
    history.map((h) => ({
      date: h.submittedAt!,
      value: h.scores?.blocks.find((b) => b.key === key)?.score ?? null,
    }));
  const leadSeries: SeriesPoint[] = history.map((h) => ({
    date: h.submittedAt!,
    value: h.scores?.leadShare ?? null,
  }));
  return (
    <section className="card profile-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('profile.history.title')}</h2>
      {history.length < 2 ? (
        <p className="muted">{t('profile.history.once')}</p>
      ) : (
        <>
          <p className="hint">{t('profile.history.intro')}</p>
          <div className="trend-grid-panels">
            {blocks.map((b) => (
              <figure className="trend-panel" key={b.key}>
                <figcaption>{b.name}</figcaption>
                <TrendChart points={series(b.key)} min={b.min} max={b.max} label={b.name} />
              </figure>
            ))}
            <figure className="trend-panel">
              <figcaption>{t('profile.history.leadShare')}</figcaption>
              <TrendChart
                points={leadSeries}
                min={0}
                max={1}
                label={t('profile.history.leadShare')}
                format={formatShare}
              />
            </figure>
          </div>
          <details className="details-toggle">
            <summary>{t('profile.history.table')}</summary>
            <ScrollTable labelledBy={tableId}>
              <table className="table table-compact">
                <caption id={tableId}>{t('profile.history.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('profile.col.date')}</th>
                    {blocks.map((b) => (
                      <th scope="col" className="num" key={b.key}>
                        {b.name}
                      </th>
                    ))}
                    <th scope="col" className="num">
                      {t('profile.history.leadShare')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {history.map((h) => (
                    <tr key={h.id}>
                      <th scope="row">{formatDate(h.submittedAt!)}</th>
                      {blocks.map((b) => {
                        const score = h.scores?.blocks.find((x) => x.key === b.key)?.score ?? null;
                        return (
                          <td className="num" key={b.key}>
                            {score === null ? '—' : formatScore(score)}
                          </td>
                        );
                      })}
                      <td className="num">
                        {h.scores?.leadShare === null || h.scores?.leadShare === undefined
                          ? '—'
                          : formatShare(h.scores.leadShare)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
          </details>
        </>
      )}
      <h3 className="history-list-heading">{t('profile.history.list')}</h3>
      <ol className="history-list">
        {open ? (
          <li>
            <Link to="/assessment">
              {t('profile.history.inProgress', {
                answered: open.progress.answered,
                total: open.progress.total,
              })}
            </Link>
          </li>
        ) : null}
        {[...history].reverse().map((h) => (
          <li key={h.id}>
            {h.id === current ? (
              <span aria-current="page">
                {formatDate(h.submittedAt!)} <Badge tone="neutral">{t('profile.history.shown')}</Badge>
              </span>
            ) : (
              <Link to={`/profile/${h.id}`}>
                {t('profile.history.view', { date: formatDate(h.submittedAt!) })}
              </Link>
            )}
            <span className="muted"> · {t('profile.history.version', { version: h.version.number })}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
