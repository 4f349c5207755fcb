import { describe, expect, it } from 'vitest';
import { applyProgress, type StepProgress } from './progress.ts';

const none: StepProgress = { startedAt: null, practisedAt: null, reflectedAt: null };
const earlier = new Date('2026-01-01T10:00:00Z');
const now = new Date('2026-02-01T10:00:00Z');

describe('applyProgress', () => {
  it('starts a step', () => {
    expect(applyProgress(none, 'started', true, now)).toEqual({ ...none, startedAt: now });
  });

  it('counts practising or reflecting as having started', () => {
    expect(applyProgress(none, 'practised', true, now)).toEqual({
      ...none,
      startedAt: now,
      practisedAt: now,
    });
    expect(applyProgress(none, 'reflected', true, now)).toEqual({
      ...none,
      startedAt: now,
      reflectedAt: now,
    });
  });

  it('keeps the time a mark was first set when it is set again', () => {
    const started = { ...none, startedAt: earlier };
    expect(applyProgress(started, 'started', true, now)).toEqual(started);
    expect(applyProgress(started, 'practised', true, now)).toEqual({ ...started, practisedAt: now });
  });

  it('undoes one later mark and leaves the others', () => {
    const all = { startedAt: earlier, practisedAt: earlier, reflectedAt: earlier };
    expect(applyProgress(all, 'practised', false, now)).toEqual({ ...all, practisedAt: null });
    expect(applyProgress(all, 'reflected', false, now)).toEqual({ ...all, reflectedAt: null });
  });

  it('undoing started undoes everything, since nothing after it stands without it', () => {
    const all = { startedAt: earlier, practisedAt: earlier, reflectedAt: earlier };
    expect(applyProgress(all, 'started', false, now)).toEqual(none);
  });
});
