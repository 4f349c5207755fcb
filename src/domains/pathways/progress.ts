// Marking progress on a pathway step. Pure, so the rule is tested without a database, and the
// database's check (practised or reflected only once started) can never be the one to refuse it.
// Practising or reflecting counts as having started, so a person ticking "practised" first does
// not have to go back for "started"; undoing "started" undoes the rest, since nothing after it can
// stand without it. Practised and reflected are independent of each other.
import type { ProgressMark } from './constants.ts';

export interface StepProgress {
  startedAt: Date | null;
  practisedAt: Date | null;
  reflectedAt: Date | null;
}

const column = { started: 'startedAt', practised: 'practisedAt', reflected: 'reflectedAt' } as const;

/** The step's progress after setting (`done`) or undoing one mark at `now`. Earlier times are kept. */
export function applyProgress(
  current: StepProgress,
  mark: ProgressMark,
  done: boolean,
  now: Date,
): StepProgress {
  if (!done) {
    if (mark === 'started') return { startedAt: null, practisedAt: null, reflectedAt: null };
    return { ...current, [column[mark]]: null };
  }
  const next = { ...current, startedAt: current.startedAt ?? now };
  next[column[mark]] = current[column[mark]] ?? now;
  return next;
}
