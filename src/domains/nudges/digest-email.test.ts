import { describe, expect, it } from 'vitest';
import { type DigestEmailInput, reasonText, renderDigestEmail } from './digest-email.ts';

const input = (over: Partial<DigestEmailInput> = {}): DigestEmailInput => ({
  name: 'Sam Taylor',
  localDate: '2026-06-10',
  timeZone: 'Europe/London',
  due: [
    { title: 'Ask one <open> question', reasons: ['review'], startsOn: '2026-06-01', reviewOn: '2026-06-12' },
    { title: 'Delegate & step back', reasons: ['start'], startsOn: '2026-06-09', reviewOn: '2026-07-01' },
  ],
  prompt: 'What did you try for the first time?',
  module: { id: 'm1', title: 'Listen before you persuade', minutes: 10 },
  checkIn: { startsAt: new Date('2026-06-11T13:00:00Z'), withName: 'Arjun Patel' },
  links: {
    app: 'https://lodestar.example/',
    plan: 'https://lodestar.example/plan',
    settings: 'https://lodestar.example/settings/nudges',
    unsubscribe: 'https://lodestar.example/unsubscribe?token=v1.a.b&x=<y>',
    module: 'https://lodestar.example/library/m1',
  },
  ...over,
});

describe('renderDigestEmail', () => {
  it('puts counts, never titles, in the subject', () => {
    expect(renderDigestEmail(input()).subject).toBe('Your week in Lodestar: 2 experiments due');
    expect(renderDigestEmail(input({ due: input().due.slice(0, 1) })).subject).toBe(
      'Your week in Lodestar: 1 experiment due',
    );
    expect(renderDigestEmail(input({ due: [] })).subject).toBe('Your week in Lodestar');
  });

  it('lists each due experiment with why, the prompt, the module and the check-in in the person’s zone', () => {
    const { text } = renderDigestEmail(input());
    expect(text).toContain('Hello Sam,');
    expect(text).toContain('- Ask one <open> question (review Fri 12 Jun)');
    expect(text).toContain('- Delegate & step back (was due to start Tue 9 Jun)');
    expect(text).toContain('What did you try for the first time?');
    expect(text).toContain('Listen before you persuade (10 min): https://lodestar.example/library/m1');
    // 13:00 UTC is 14:00 in London in June.
    expect(text).toContain('Check-in with Arjun Patel, Thursday 11 June at 14:00');
  });

  it('carries the settings and the unsubscribe link in both parts', () => {
    const { text, html } = renderDigestEmail(input());
    expect(text).toContain('https://lodestar.example/settings/nudges');
    expect(text).toContain(
      'Stop this digest (no sign-in needed): https://lodestar.example/unsubscribe?token=',
    );
    expect(html).toContain('href="https://lodestar.example/settings/nudges"');
    expect(html).toContain('href="https://lodestar.example/unsubscribe?token=v1.a.b&amp;x=&lt;y&gt;"');
  });

  it('escapes what people wrote in the HTML', () => {
    const { html } = renderDigestEmail(input({ name: '<script>x</script> Doe' }));
    expect(html).toContain('<strong>Ask one &lt;open&gt; question</strong>');
    expect(html).toContain('Delegate &amp; step back');
    expect(html).toContain('Hello &lt;script&gt;x&lt;/script&gt;,');
    expect(html).not.toContain('<script>');
  });

  it('leaves out what it does not have', () => {
    const { text, html } = renderDigestEmail(input({ due: [], module: null, checkIn: null }));
    expect(text).toContain('Nothing is due.');
    expect(text).not.toContain('A MODULE FOR YOU');
    expect(text).not.toContain('COMING UP');
    expect(html).not.toContain('Coming up');
  });
});

describe('reasonText', () => {
  const item = { title: 't', startsOn: '2026-06-09', reviewOn: '2026-06-05' };
  it('says overdue, upcoming and missing practice', () => {
    expect(reasonText({ ...item, reasons: ['review', 'practice'] }, '2026-06-10')).toBe(
      'review overdue since Fri 5 Jun; no practice logged for a week',
    );
    expect(reasonText({ ...item, reasons: ['start'] }, '2026-06-08')).toBe('starts Tue 9 Jun');
  });
});
