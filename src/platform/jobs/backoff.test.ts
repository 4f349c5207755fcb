import { describe, expect, it } from 'vitest';
import { nextCronRun, retryDelayMs, validateCron } from './backoff.ts';

describe('retryDelayMs', () => {
  it('doubles with each attempt', () => {
    const mid = () => 0.5;
    expect([1, 2, 3, 4].map((a) => retryDelayMs(a, mid))).toEqual([2000, 4000, 8000, 16000]);
  });

  it('stays within ±20 % of the exponential delay', () => {
    expect(retryDelayMs(3, () => 0)).toBe(6400);
    expect(retryDelayMs(3, () => 0.999999)).toBe(9600);
  });

  it('never waits more than an hour', () => {
    expect(retryDelayMs(12, () => 0.5)).toBe(3_600_000);
    expect(retryDelayMs(40, () => 0.999999)).toBe(3_600_000);
  });

  it('treats attempt 0 like attempt 1', () => {
    expect(retryDelayMs(0, () => 0.5)).toBe(2000);
  });
});

describe('cron helpers', () => {
  it('computes the next run in UTC, strictly after the given time', () => {
    expect(nextCronRun('0 3 * * *', new Date('2025-01-10T02:59:00Z')).toISOString()).toBe(
      '2025-01-10T03:00:00.000Z',
    );
    expect(nextCronRun('0 3 * * *', new Date('2025-01-10T03:00:00Z')).toISOString()).toBe(
      '2025-01-11T03:00:00.000Z',
    );
    expect(nextCronRun('*/15 * * * 1', new Date('2025-01-10T12:00:00Z')).toISOString()).toBe(
      '2025-01-13T00:00:00.000Z',
    );
  });

  it('rejects malformed expressions', () => {
    expect(() => validateCron('0 3 * *')).toThrow(/five fields/);
    expect(() => validateCron('0 3 * * * *')).toThrow(/five fields/);
    expect(() => validateCron('61 3 * * *')).toThrow();
    expect(() => validateCron('0 3 * * *')).not.toThrow();
  });
});
