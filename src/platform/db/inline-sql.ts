// Turns a parameterised statement into plain SQL text with the values written as literals, for the
// simple query protocol, which takes no parameters but lets one message carry several statements
// (docs/decisions/0008). Values are escaped by the driver's own escapeLiteral; anything that is not
// a plain scalar is refused rather than guessed at.
import pg from 'pg';

export class UninlinableValueError extends Error {}

export function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new UninlinableValueError(`cannot inline the number ${value}`);
    return String(value);
  }
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return pg.escapeLiteral(value.toISOString());
  if (typeof value === 'string') {
    // The simple protocol sends the query as a C string: a NUL would cut it short.
    if (value.includes('\0')) throw new UninlinableValueError('cannot inline text containing NUL');
    return pg.escapeLiteral(value);
  }
  throw new UninlinableValueError(`cannot inline a value of type ${typeof value}`);
}

/** Replaces `$1`, `$2`, … in `text` by the literals of `params`, in one pass. */
export function inlineParameters(text: string, params: ReadonlyArray<unknown>): string {
  return text.replace(/\$(\d+)/g, (_, n: string) => {
    const index = Number(n) - 1;
    if (index < 0 || index >= params.length) throw new UninlinableValueError(`no value for $${n}`);
    return literal(params[index]);
  });
}
