// The report's summaries: who answered, blind spots and hidden strengths, the highest and lowest
// rated behaviours, managing and leading, and the comments.
import { formatNumber, t, tn } from '../../i18n/index.ts';
import { Badge, ScrollTable } from '../../ui/components.tsx';
import { formatScore, formatShare } from '../../ui/format.ts';
import type { FeedbackReport } from './feedback-api.ts';
import { groupInSentence, groupLabel } from './labels.ts';
import { BalanceBar } from './report-charts.tsx';

/**
 * Who is reading: the subject is spoken to ("you"); anyone else (their manager, a coach) reads
 * about the subject by name. The report itself is the same frozen figures for every reader.
 */
export interface Voice {
  own: boolean;
  name: string;
}

export function Responses({ report }: { report: FeedbackReport }) {
  const why = (group: FeedbackReport['groups'][number]['group']) =>
    group === 'manager'
      ? t('report.managerNotSeparate')
      : t('report.suppressedWhy', {
          min: report.policy.minimumByGroup[group],
          group: groupInSentence(group),
        });
  return (
    <section className="report-section" aria-labelledby="r-responses">
      <h2 id="r-responses">{t('report.responsesTitle')}</h2>
      <ScrollTable labelledBy="r-responses-caption">
        <table className="table">
          <caption id="r-responses-caption">{t('report.responsesCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('report.col.group')}</th>
              <th scope="col" className="num">
                {t('report.col.invited')}
              </th>
              <th scope="col" className="num">
                {t('report.col.responded')}
              </th>
              <th scope="col" className="num">
                {t('report.col.rate')}
              </th>
              <th scope="col">{t('report.col.shown')}</th>
            </tr>
          </thead>
          <tbody>
            {report.groups.map((g) => (
              <tr key={g.group}>
                <th scope="row">{groupLabel(g.group)}</th>
                <td className="num">{g.invited ?? t('report.noFigure')}</td>
                <td className="num">{g.responded}</td>
                <td className="num">
                  {g.invited ? formatShare(g.responded / g.invited) : t('report.noFigure')}
                </td>
                <td>
                  {!g.invited && g.responded === 0 ? (
                    <span className="muted">{t('report.noneAsked')}</span>
                  ) : g.disclosure === 'shown' ? (
                    <Badge tone="positive">{t('report.disclosure.shown')}</Badge>
                  ) : (
                    <>
                      <Badge tone="neutral">{t(`report.disclosure.${g.disclosure}`)}</Badge>{' '}
                      <span className="suppressed-note">{why(g.group)}</span>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      <p className="muted">{t('report.responsesNote')}</p>
    </section>
  );
}

export function GapList({ entries, voice }: { entries: FeedbackReport['blindSpots']; voice: Voice }) {
  return (
    <ul className="gap-list">
      {entries.map((e) => (
        <li key={e.capability}>
          <strong>{e.name}</strong>
          <span>
            {t(voice.own ? 'report.gapFigures' : 'report.of.gapFigures', {
              self: formatScore(e.self),
              others: formatScore(e.others),
              gap: formatScore(Math.abs(e.gap)),
            })}
          </span>
        </li>
      ))}
    </ul>
  );
}

export function Gaps({ report, voice }: { report: FeedbackReport; voice: Voice }) {
  // The threshold exactly as the server applies it (0.75 stays 0.75), not rounded like a score.
  const gap = formatNumber(report.thresholds.gap);
  const { name } = voice;
  return (
    <section className="report-section grid-halves" aria-label={t('report.gapsTitle')}>
      <div className="card gap-card gap-blind">
        <h2>{t('report.blindSpots')}</h2>
        <p className="hint">
          {voice.own ? t('report.blindSpotsIntro', { gap }) : t('report.of.blindSpotsIntro', { gap, name })}
        </p>
        {report.blindSpots.length ? (
          <GapList entries={report.blindSpots} voice={voice} />
        ) : (
          <p>{voice.own ? t('report.noBlindSpots') : t('report.of.noBlindSpots', { name })}</p>
        )}
      </div>
      <div className="card gap-card gap-hidden">
        <h2>{t('report.hiddenStrengths')}</h2>
        <p className="hint">
          {voice.own
            ? t('report.hiddenStrengthsIntro', { gap })
            : t('report.of.hiddenStrengthsIntro', { gap, name })}
        </p>
        {report.hiddenStrengths.length ? (
          <GapList entries={report.hiddenStrengths} voice={voice} />
        ) : (
          <p>{t('report.noHiddenStrengths')}</p>
        )}
      </div>
    </section>
  );
}

export function Behaviours({ report, voice }: { report: FeedbackReport; voice: Voice }) {
  const list = (entries: FeedbackReport['highest']) => (
    <ol className="behaviour-list">
      {entries.map((b) => (
        <li key={b.item}>
          <span>{b.text}</span> <strong className="nowrap">{formatScore(b.others)}</strong>
        </li>
      ))}
    </ol>
  );
  return (
    <section className="report-section grid-halves" aria-label={t('report.behavioursTitle')}>
      <div className="card">
        <h2>{t('report.highest')}</h2>
        <p className="hint">
          {voice.own ? t('report.highestIntro') : t('report.of.highestIntro', { name: voice.name })}
        </p>
        {report.highest.length ? list(report.highest) : <p>{t('report.noFigureLong')}</p>}
      </div>
      <div className="card">
        <h2>{t('report.lowest')}</h2>
        <p className="hint">{t('report.lowestIntro')}</p>
        {report.lowest.length ? list(report.lowest) : <p>{t('report.noFigureLong')}</p>}
      </div>
    </section>
  );
}

export function Balance({ report, voice }: { report: FeedbackReport; voice: Voice }) {
  const { self, others, definition } = report.balance;
  const row = (label: string, share: number | null) => (
    <div className="balance-row">
      <p className="balance-label">
        <strong>{label}</strong>{' '}
        {share === null
          ? t('report.noFigure')
          : t('report.balanceFigures', { manage: formatShare(1 - share), lead: formatShare(share) })}
      </p>
      {share === null ? null : <BalanceBar leadShare={share} />}
    </div>
  );
  return (
    <section className="report-section card" aria-labelledby="r-balance">
      <h2 id="r-balance">{t('report.balanceTitle')}</h2>
      <p>{definition}</p>
      <ul className="chart-legend" aria-hidden="true">
        <li>
          <span className="swatch split-manage" />
          {t('report.managing')}
        </li>
        <li>
          <span className="swatch split-lead" />
          {t('report.leading')}
        </li>
      </ul>
      {row(voice.own ? t('report.balanceSelf') : t('report.of.balanceSelf', { name: voice.name }), self)}
      {row(t('report.balanceOthers'), others)}
    </section>
  );
}

export function Comments({ report }: { report: Pick<FeedbackReport, 'policy' | 'comments'> }) {
  return (
    <section className="report-section" aria-labelledby="r-comments">
      <h2 id="r-comments">{t('report.commentsTitle')}</h2>
      <p className="hint">{t('report.commentsIntro', { count: report.policy.commentMinimum })}</p>
      {report.comments.map((q) => {
        const total = q.buckets.reduce((n, b) => n + b.texts.length, 0);
        return (
          <div key={q.question} className="card comment-question">
            <h3>{q.text}</h3>
            {total === 0 ? <p className="muted">{t('report.noComments')}</p> : null}
            {q.buckets
              .filter((b) => b.texts.length)
              .map((b) => (
                <div key={b.group}>
                  {q.buckets.length > 1 || b.group !== 'combined' ? (
                    <h4 className="comment-group">{groupLabel(b.group)}</h4>
                  ) : null}
                  <ul className="comment-list">
                    {b.texts.map((text, i) => (
                      // Unattributed and already shuffled by the server; the index is the only key there is.
                      // biome-ignore lint/suspicious/noArrayIndexKey: comments have no id by design (no attribution).
                      <li key={i}>
                        <blockquote>{text}</blockquote>
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
            {q.someWithheld ? (
              <p className="muted">
                {tn('report.commentsWithheld', report.policy.commentMinimum, {
                  count: report.policy.commentMinimum,
                })}
              </p>
            ) : null}
          </div>
        );
      })}
    </section>
  );
}
