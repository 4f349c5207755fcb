// Journal text must never reach a log line (docs/decisions/0015). Database drivers put a failed
// statement's parameters into the error (drizzle: "Failed query: … params: …"; PostgreSQL: "Failing
// row contains (…)"), and an unexpected error is logged whole, so journal writes go through here.

/** Runs a write; should it fail, rethrows an error naming only the SQLSTATE and the constraint. */
export async function withoutContent<T>(write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (err) {
    const e = err as {
      code?: unknown;
      constraint?: unknown;
      cause?: { code?: unknown; constraint?: unknown };
    };
    const word = (v: unknown) => (typeof v === 'string' && /^[\w.-]{1,80}$/.test(v) ? v : undefined);
    const code = word(e.code) ?? word(e.cause?.code) ?? 'unknown';
    const constraint = word(e.constraint) ?? word(e.cause?.constraint);
    throw Object.assign(
      new Error(`journal entry write refused (${code}${constraint ? ` ${constraint}` : ''})`),
      {
        code,
      },
    );
  }
}
