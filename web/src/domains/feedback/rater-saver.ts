// Autosave for the rater form. Changes are queued and sent after a short pause (a run of arrow-key
// presses through one radio group becomes one request); one request is in flight at a time, so the
// server applies changes in the order they were made. A failed save keeps its changes queued
// (unless newer ones replaced them) and retries with a growing delay.
import { ApiError } from '../../api.ts';
import type { RaterSave, RaterSaveResponse } from './feedback-api.ts';

export type SaveState =
  | { state: 'idle' }
  | { state: 'pending' }
  | { state: 'saving' }
  | { state: 'saved'; at: string }
  | { state: 'error'; error: unknown }
  /** The link stopped taking answers (closed, replaced, already submitted): nothing more can be saved. */
  | { state: 'closed'; error: unknown };

type Comments = { keep?: string; change?: string; different?: string };
const RETRY_MS = [2_000, 8_000, 30_000];

/** Only transient failures are retried: a 4xx will answer the same next time. */
const transient = (error: unknown) =>
  !(error instanceof ApiError) || error.status === 0 || error.status === 429 || error.status >= 500;

export class RaterSaver {
  #answers = new Map<string, number | null>();
  #comments: Comments = {};
  #inFlight: Promise<void> | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #failures = 0;
  #state: SaveState = { state: 'idle' };
  #listeners = new Set<() => void>();

  constructor(
    private readonly save: (body: RaterSave) => Promise<RaterSaveResponse>,
    private readonly delayMs = 700,
  ) {}

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };
  getState = (): SaveState => this.#state;

  #set(state: SaveState): void {
    this.#state = state;
    for (const listener of this.#listeners) listener();
  }

  get #hasPending(): boolean {
    return this.#answers.size > 0 || Object.keys(this.#comments).length > 0;
  }

  answer(item: string, value: number | null): void {
    this.#answers.set(item, value);
    this.#schedule();
  }

  comment(key: keyof Comments, text: string): void {
    this.#comments[key] = text;
    this.#schedule();
  }

  #schedule(delay = this.delayMs): void {
    if (this.#state.state === 'closed') return;
    clearTimeout(this.#timer);
    if (this.#state.state !== 'error') this.#set({ state: 'pending' });
    this.#timer = setTimeout(() => void this.flush(), delay);
  }

  /** Sends everything queued now; resolves when the server has acknowledged it (or refused). */
  async flush(): Promise<void> {
    clearTimeout(this.#timer);
    while (this.#inFlight) await this.#inFlight;
    if (!this.#hasPending || this.#state.state === 'closed') return;
    const { answers, comments } = this.take();
    this.#set({ state: 'saving' });
    this.#inFlight = this.save({
      answers,
      ...(Object.keys(comments).length ? { comments } : {}),
    }).then(
      (response) => {
        this.#failures = 0;
        this.#set(this.#hasPending ? { state: 'pending' } : { state: 'saved', at: response.savedAt });
      },
      (error: unknown) => {
        this.restore({ answers, comments });
        if (!transient(error)) {
          this.#set({ state: 'closed', error });
          return;
        }
        this.#set({ state: 'error', error });
        const delay = RETRY_MS[Math.min(this.#failures, RETRY_MS.length - 1)]!;
        this.#failures += 1;
        this.#schedule(delay);
      },
    );
    try {
      await this.#inFlight;
    } finally {
      this.#inFlight = null;
    }
  }

  /** Hands over (and forgets) what is queued, e.g. to send it with the final submit. */
  take(): { answers: { item: string; value: number | null }[]; comments: Comments } {
    const answers = [...this.#answers].map(([item, value]) => ({ item, value }));
    const comments = this.#comments;
    this.#answers = new Map();
    this.#comments = {};
    return { answers, comments };
  }

  /** Puts back changes whose request failed, without overwriting anything newer. */
  restore({ answers, comments }: { answers: { item: string; value: number | null }[]; comments: Comments }) {
    for (const { item, value } of answers) if (!this.#answers.has(item)) this.#answers.set(item, value);
    this.#comments = { ...comments, ...this.#comments };
  }

  /** Waits for a running save, then stops all timers (before a submit or decline). */
  async settle(): Promise<void> {
    clearTimeout(this.#timer);
    while (this.#inFlight) await this.#inFlight;
    clearTimeout(this.#timer);
  }

  dispose(): void {
    clearTimeout(this.#timer);
    this.#listeners.clear();
  }
}
