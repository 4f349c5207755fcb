// The person's journey on the home page: the three building blocks, each in place or not yet, and
// why, in the order they are built. The server decides (src/domains/home/journey.ts); this words it.
import { formatDate, t, tn } from '../../i18n/index.ts';
import { Badge } from '../../ui/components.tsx';
import type { Home } from './queries.ts';

type Journey = Home['journey'];
type Block = Journey['blocks'][number];

export function JourneyCard({ journey, running }: { journey: Journey; running: number }) {
  const done = journey.blocks.filter((b) => b.done).length;
  return (
    <section className="card home-journey" aria-labelledby="home-journey-heading">
      <h2 id="home-journey-heading">{t('home.journey.heading')}</h2>
      <p className="hint">{t('home.journey.intro')}</p>
      <p className="home-journey-summary">
        {journey.complete ? t('home.journey.complete') : t('home.journey.progress', { done })}
      </p>
      <ol className="home-journey-blocks">
        {journey.blocks.map((block) => (
          <li key={block.key} className={block.done ? 'is-done' : 'is-open'}>
            <h3>
              {t(`home.journey.${block.key}`)}{' '}
              <Badge tone={block.done ? 'positive' : 'neutral'}>
                {block.done ? t('home.journey.done') : t('home.journey.notYet')}
              </Badge>
            </h3>
            <p className="hint">{what(block, journey.settings)}</p>
            {why(block, journey.settings, running).map((line) => (
              <p key={line}>{line}</p>
            ))}
          </li>
        ))}
      </ol>
    </section>
  );
}

function what(block: Block, s: Journey['settings']): string {
  if (block.key === 'self-knowledge')
    return t('home.journey.self-knowledge.what', { months: s.knowledgeMonths });
  if (block.key === 'self-leadership')
    return t('home.journey.self-leadership.what', { days: s.leadershipDays });
  return t('home.journey.self-empowerment.what');
}

/** Why the block is where it is: what is missing, or the dates it stands on and until when. */
function why(block: Block, s: Journey['settings'], running: number): string[] {
  const date = (key: string) => {
    const value = block.dates[key];
    return value ? formatDate(value) : '';
  };
  if (!block.done) {
    return block.missing.map((gap) => {
      switch (gap) {
        case 'self-assessment-out-of-date':
          return t('home.journey.gap.self-assessment-out-of-date', {
            date: date('selfAssessmentAt'),
            months: s.knowledgeMonths,
          });
        case '360-out-of-date':
          return t('home.journey.gap.360-out-of-date', {
            date: date('feedbackReleasedAt'),
            months: s.knowledgeMonths,
          });
        case 'no-recent-reflection':
          return t('home.journey.gap.no-recent-reflection', { days: s.leadershipDays });
        default:
          return t(`home.journey.gap.${gap}`);
      }
    });
  }
  const lines: string[] = [];
  if (block.key === 'self-knowledge') {
    lines.push(
      t('home.journey.knowledgeDone', {
        assessed: date('selfAssessmentAt'),
        released: date('feedbackReleasedAt'),
      }),
    );
  } else if (block.key === 'self-empowerment') {
    lines.push(tn('home.journey.empowermentDone', running, { count: running }));
  } else {
    if (block.dates.lastReflectionAt)
      lines.push(t('home.journey.reflectedOn', { date: date('lastReflectionAt') }));
    if (block.dates.lastCheckInAt) lines.push(t('home.journey.checkInOn', { date: date('lastCheckInAt') }));
  }
  if (block.until) lines.push(t('home.journey.until', { date: formatDate(block.until) }));
  return lines;
}
