// The profile's balance between managing and leading, its highlights and every capability's score.
import { useId } from 'react';
import type { Balance, CapabilityScore, ProfileResponse } from '../../api.ts';
import { t } from '../../i18n/index.ts';
import { Badge, ScrollTable } from '../../ui/components.tsx';
import { formatScore, formatShare } from '../../ui/format.ts';
import { Bar, SplitBar, Swatch } from './charts.tsx';

export function BalanceSection({ balance, stage }: { balance: Balance; stage: string | null }) {
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

export function Highlights({
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

export function CapabilitySection({ profile }: { profile: ProfileResponse }) {
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
