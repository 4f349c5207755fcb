// The digest as an email: subject, plain text and HTML, from what the digest holds. Pure.
//
// What may be in it (issue #10): experiment titles (the `action` the person wrote), never any other
// plan text (focus goals, situations, signals, notes) and never journal text; the module's title;
// a check-in's time and the other person's name, never its agenda or notes. The subject carries
// counts only, since the mailer logs subjects. Every link leads into the app, where the person
// signs in, except the unsubscribe link, which works signed out (RFC 8058).
import type { DueReason } from '../home/constants.ts';

export interface DigestItem {
  /** The experiment's title (its action). */
  title: string;
  reasons: DueReason[];
  startsOn: string;
  reviewOn: string;
}

export interface DigestEmailInput {
  name: string;
  /** The person's own date when it is composed, YYYY-MM-DD. */
  localDate: string;
  timeZone: string;
  due: DigestItem[];
  prompt: string;
  module: { id: string; title: string; minutes: number } | null;
  checkIn: { startsAt: Date; withName: string } | null;
  links: { app: string; plan: string; settings: string; unsubscribe: string; module: string | null };
}

export interface DigestEmail {
  subject: string;
  text: string;
  html: string;
}

// Formatters are costly to build (toLocaleString builds one per call): one for days, one per zone.
const dayFormat = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});
const day = (date: string) => dayFormat.format(new Date(`${date}T12:00:00Z`));

const whenFormats = new Map<string, Intl.DateTimeFormat>();
function when(instant: Date, timeZone: string): string {
  let f = whenFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      hour: '2-digit',
      minute: '2-digit',
      timeZone,
    });
    whenFormats.set(timeZone, f);
  }
  return f.format(instant);
}

/** Why an experiment is listed, in a few words. */
export function reasonText(item: DigestItem, today: string): string {
  const parts: string[] = [];
  if (item.reasons.includes('start'))
    parts.push(
      item.startsOn < today ? `was due to start ${day(item.startsOn)}` : `starts ${day(item.startsOn)}`,
    );
  if (item.reasons.includes('review'))
    parts.push(
      item.reviewOn < today ? `review overdue since ${day(item.reviewOn)}` : `review ${day(item.reviewOn)}`,
    );
  if (item.reasons.includes('practice')) parts.push('no practice logged for a week');
  return parts.join('; ');
}

const escapeHtml = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

export function renderDigestEmail(d: DigestEmailInput): DigestEmail {
  const n = d.due.length;
  const subject =
    n === 0 ? 'Your week in Lodestar' : `Your week in Lodestar: ${n} experiment${n === 1 ? '' : 's'} due`;
  const first = d.name.split(/\s+/)[0] || d.name;

  const text: string[] = [`Hello ${first},`, '', 'Here is your week in Lodestar.', ''];
  text.push('EXPERIMENTS DUE THIS WEEK');
  if (n === 0) text.push('Nothing is due. A good week to plan your next experiment.');
  for (const item of d.due) text.push(`- ${item.title} (${reasonText(item, d.localDate)})`);
  text.push(`Your plan: ${d.links.plan}`, '');
  text.push('A QUESTION TO REFLECT ON', d.prompt, 'Write your answer in your journal, in Lodestar.', '');
  if (d.module && d.links.module) {
    text.push('A MODULE FOR YOU', `${d.module.title} (${d.module.minutes} min): ${d.links.module}`, '');
  }
  if (d.checkIn) {
    text.push(
      'COMING UP',
      `Check-in with ${d.checkIn.withName}, ${when(d.checkIn.startsAt, d.timeZone)}`,
      '',
    );
  }
  text.push('--', `Open Lodestar: ${d.links.app}`);
  text.push(`Choose when this digest comes, or how often: ${d.links.settings}`);
  text.push(`Stop this digest (no sign-in needed): ${d.links.unsubscribe}`);

  const a = (href: string, label: string) => `<a href="${escapeHtml(href)}">${escapeHtml(label)}</a>`;
  const h2 = (title: string) => `<h2 style="font-size:16px;margin:24px 0 8px">${escapeHtml(title)}</h2>`;
  const html: string[] = [
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>',
    escapeHtml(subject),
    '</title></head><body style="font-family:system-ui,sans-serif;line-height:1.5;max-width:40em">',
    `<p>Hello ${escapeHtml(first)},</p><p>Here is your week in Lodestar.</p>`,
    h2('Experiments due this week'),
  ];
  if (n === 0) html.push('<p>Nothing is due. A good week to plan your next experiment.</p>');
  else {
    html.push('<ul>');
    for (const item of d.due)
      html.push(
        `<li><strong>${escapeHtml(item.title)}</strong> — ${escapeHtml(reasonText(item, d.localDate))}</li>`,
      );
    html.push('</ul>');
  }
  html.push(`<p>${a(d.links.plan, 'Open your plan')}</p>`);
  html.push(h2('A question to reflect on'), `<p><em>${escapeHtml(d.prompt)}</em></p>`);
  html.push('<p>Write your answer in your journal, in Lodestar.</p>');
  if (d.module && d.links.module) {
    html.push(
      h2('A module for you'),
      `<p>${a(d.links.module, d.module.title)} (${d.module.minutes} min)</p>`,
    );
  }
  if (d.checkIn) {
    html.push(
      h2('Coming up'),
      `<p>Check-in with ${escapeHtml(d.checkIn.withName)}, ${escapeHtml(when(d.checkIn.startsAt, d.timeZone))}</p>`,
    );
  }
  html.push(
    '<hr><p style="font-size:13px;color:#555">',
    `${a(d.links.app, 'Open Lodestar')} · ${a(d.links.settings, 'Choose when this digest comes')} · `,
    `${a(d.links.unsubscribe, 'Stop this digest')} (no sign-in needed)</p></body></html>`,
  );
  return { subject, text: text.join('\n'), html: html.join('') };
}
