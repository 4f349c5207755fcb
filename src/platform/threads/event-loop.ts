// Long loops on the main thread (scoring every enrolled person's assessments at 100,000 people: ~5 s)
// would hold every request that long; awaiting a cached, already resolved value yields only to
// microtasks, never to I/O. Such a loop calls this every few hundred items. Work that is pure and
// long as a whole goes to a worker thread instead (thread-pool.ts, ADR 0031).

/** Resolves after the event loop has served whatever I/O is waiting. */
export function yieldToRequests(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
