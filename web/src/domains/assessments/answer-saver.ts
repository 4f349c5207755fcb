// Autosave for a self-assessment. Every change is queued and sent after a short pause, so a run
// of arrow-key presses through a radio group becomes one request, not five. One request is in
// flight at a time: answers changed while it runs wait for it, so the server always applies them
// in the order they were given. A failed save keeps its answers queued (unless newer ones replaced
// them) and retries on its own with a growing delay; the page also offers "retry now".
import { type AnswerInput, ApiError, type Progress } from '../../api.ts';

export type SaveStatus =
  | { state: 'idle' }
  | { state: 'pending' }
  | { state: 'saving' }
  | { state: 'saved'; at: string; progress: Progress }
  | { state: 'error'; error: unknown; retryInMs: number | null }
  /** The assessment was submitted or discarded elsewhere (another tab): nothing more can be saved. */
  | { state: 'closed'; error: unknown };

type Save = (answers: AnswerInput[]) => Promise<{ progress: Progress; updatedAt: string }>;

const RETRY_DELAYS_MS = [3_000, 10_000, 30_000];

/** Network trouble, timeouts, rate limits and server errors may pass; anything else will not. */
const retryable = (error: unknown) =>
  !(error instanceof ApiError) ||
  error.status === 0 ||
  error.status === 408 ||
  error.status === 429 ||
  error.status >= 500;

export class AnswerSaver {
  #pending = new Map<string, number | null>();
  #inFlight: Promise<void> | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  #failures = 0;
  #status: SaveStatus = { state: 'idle' };
  #listeners = new Set<() => void>();

  constructor(
    private readonly save: Save,
    private readonly delayMs = 600,
  ) {}

  get status(): SaveStatus {
    return this.#status;
  }

  /** For useSyncExternalStore. */
  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };
  getStatus = (): SaveStatus => this.#status;

  #set(status: SaveStatus): void {
    this.#status = status;
    for (const listener of this.#listeners) listener();
  }

  /** True while some answer is not yet acknowledged by the server. */
  get unsaved(): boolean {
    return this.#pending.size > 0 || this.#inFlight !== null;
  }

  set(item: string, value: number | null): void {
    if (this.#status.state === 'closed') return;
    this.#pending.set(item, value);
    if (this.#status.state !== 'error') this.#set({ state: 'pending' });
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.flush(), this.delayMs);
  }

  /** Sends whatever is queued now (e.g. on Next), after the request in flight, if any. */
  async flush(): Promise<void> {
    clearTimeout(this.#timer);
    clearTimeout(this.#retryTimer);
    while (this.#inFlight) await this.#inFlight;
    if (this.#pending.size === 0 || this.#status.state === 'closed') return;
    const batch = [...this.#pending];
    this.#pending.clear();
    this.#set({ state: 'saving' });
    this.#inFlight = this.save(batch.map(([item, value]) => ({ item, value })))
      .then(
        (saved) => {
          this.#failures = 0;
          // Newer answers queued meanwhile go out next; say "saved" only once all are.
          if (this.#pending.size === 0)
            this.#set({ state: 'saved', at: saved.updatedAt, progress: saved.progress });
        },
        (error: unknown) => {
          // Put the batch back, except answers changed again since: those are newer.
          for (const [item, value] of batch) if (!this.#pending.has(item)) this.#pending.set(item, value);
          if (error instanceof ApiError && (error.status === 409 || error.status === 404)) {
            this.#set({ state: 'closed', error });
            return;
          }
          this.#failures += 1;
          const retryInMs = retryable(error)
            ? RETRY_DELAYS_MS[Math.min(this.#failures, RETRY_DELAYS_MS.length) - 1]!
            : null;
          this.#set({ state: 'error', error, retryInMs });
          if (retryInMs !== null) this.#retryTimer = setTimeout(() => void this.flush(), retryInMs);
        },
      )
      .finally(() => {
        this.#inFlight = null;
      });
    await this.#inFlight;
    // The callbacks above may have changed the status; read it afresh, not as narrowed before.
    const { state } = this.status;
    if (this.#pending.size > 0 && state !== 'error' && state !== 'closed') await this.flush();
  }

  /**
   * Hands over the queued answers (the submit request carries them) once nothing is in flight,
   * so a late autosave can never reach the server after the submit.
   */
  async takePending(): Promise<AnswerInput[]> {
    clearTimeout(this.#timer);
    clearTimeout(this.#retryTimer);
    while (this.#inFlight) await this.#inFlight;
    clearTimeout(this.#retryTimer);
    const answers = [...this.#pending].map(([item, value]) => ({ item, value }));
    this.#pending.clear();
    return answers;
  }

  /** Puts answers back after a refused submit, so they are not lost. */
  restore(answers: AnswerInput[]): void {
    for (const { item, value } of answers) if (!this.#pending.has(item)) this.#pending.set(item, value);
  }

  dispose(): void {
    clearTimeout(this.#timer);
    clearTimeout(this.#retryTimer);
    this.#listeners.clear();
  }
}
