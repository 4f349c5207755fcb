import { describe, expect, it } from 'vitest';
import type { DueReason } from './constants.ts';
import { dueReasons, dueThisWeek, type OpenExperiment, viewerToday, weekOf } from './due-this-week.ts';

// Wednesday 10 June 2026; its week runs Monday 8 to Sunday 14 June.
const now = new Date('2026-06-10T09:00:00Z');
const week = weekOf('2026-06-10');
const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);
const exp = (over: Partial<OpenExperiment>): OpenExperiment => ({
  id: 'e',
  status: 'running',
  startsOn: '2026-05-01',
  reviewOn: '2026-07-01',
  lastPracticeAt: daysAgo(1),
  ...over,
});

describe('weekOf', () => {
  it.each([
    ['2026-06-08', '2026-06-08', '2026-06-14'], // Monday
    ['2026-06-10', '2026-06-08', '2026-06-14'],
    ['2026-06-14', '2026-06-08', '2026-06-14'], // Sunday
    ['2026-01-01', '2025-12-29', '2026-01-04'], // across a year
    ['2024-02-29', '2024-02-26', '2024-03-03'], // leap day
  ])('%s is in %s..%s', (today, start, end) => {
    expect(weekOf(today)).toEqual({ start, end });
  });
});

describe('dueReasons', () => {
  const cases: [string, Partial<OpenExperiment>, DueReason[]][] = [
    ['running, practised yesterday, review later', {}, []],
    ['review on Monday', { reviewOn: '2026-06-08' }, ['review']],
    ['review on Sunday', { reviewOn: '2026-06-14' }, ['review']],
    ['review next Monday', { reviewOn: '2026-06-15' }, []],
    ['review overdue', { reviewOn: '2026-06-01' }, ['review']],
    [
      'planned, starts Sunday',
      { status: 'planned', startsOn: '2026-06-14', lastPracticeAt: null },
      ['start'],
    ],
    ['planned, starts next Monday', { status: 'planned', startsOn: '2026-06-15', lastPracticeAt: null }, []],
    ['planned, start passed', { status: 'planned', startsOn: '2026-06-01', lastPracticeAt: null }, ['start']],
    [
      'planned never asks for practice',
      { status: 'planned', startsOn: '2026-07-01', reviewOn: '2026-08-01', lastPracticeAt: null },
      [],
    ],
    ['running, never practised', { lastPracticeAt: null }, ['practice']],
    [
      'running, practised 6 days 23 h ago',
      { lastPracticeAt: new Date(daysAgo(7).getTime() + 3_600_000) },
      [],
    ],
    ['running, practised exactly 7 days ago', { lastPracticeAt: daysAgo(7) }, ['practice']],
    [
      'running, review this week and no practice',
      { reviewOn: '2026-06-12', lastPracticeAt: null },
      ['review', 'practice'],
    ],
    ['done is never due', { status: 'done', reviewOn: '2026-06-09', lastPracticeAt: null }, []],
    ['dropped is never due', { status: 'dropped', startsOn: '2026-06-09', lastPracticeAt: null }, []],
  ];
  it.each(cases)('%s', (_, over, expected) => {
    expect(dueReasons(exp(over), week, now)).toEqual(expected);
  });
});

describe('dueThisWeek', () => {
  it('keeps due ones, most urgent first', () => {
    const list = dueThisWeek(
      [
        exp({ id: 'not-due' }),
        exp({ id: 'review-fri', reviewOn: '2026-06-12' }),
        exp({ id: 'overdue', reviewOn: '2026-06-01' }),
        exp({ id: 'practice', lastPracticeAt: null }),
        exp({ id: 'start-tue', status: 'planned', startsOn: '2026-06-09', lastPracticeAt: null }),
      ],
      week,
      now,
    );
    expect(list.map((e) => e.id)).toEqual(['overdue', 'practice', 'start-tue', 'review-fri']);
    expect(list[1]!.reasons).toEqual(['practice']);
  });
});

describe('viewerToday', () => {
  it.each([
    [undefined, '2026-06-10'],
    ['2026-06-11', '2026-06-11'], // ahead of UTC (Sydney)
    ['2026-06-09', '2026-06-09'], // behind UTC (Hawaii)
    ['2026-06-12', '2026-06-10'], // too far: the server's date
    ['2026-02-31', '2026-06-10'],
    ['yesterday', '2026-06-10'],
  ])('%s reads as %s', (sent, expected) => {
    expect(viewerToday(sent, now)).toBe(expected);
  });
});
