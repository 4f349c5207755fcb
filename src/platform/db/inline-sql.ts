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
    // In parentheses: after a minus in the statement, -5 would start a comment (`10 --5`), and
    // `-1::text` would cast before negating.
    return `(${String(value)})`;
  }
  if (typeof value === 'bigint') return `(${value.toString()})`;
  if (value instanceof Date) return pg.escapeLiteral(value.toISOString());
  if (typeof value === 'string') {
    // The simple protocol sends the query as a C string: a NUL would cut it short.
    if (value.includes('\0')) throw new UninlinableValueError('cannot inline text containing NUL');
    return pg.escapeLiteral(value);
  }
  throw new UninlinableValueError(`cannot inline a value of type ${typeof value}`);
}

/**
 * Replaces `$1`, `$2`, … in `text` by the literals of `params`, in one pass. Drizzle numbers each
 * placeholder once, in order; any other `$n` (say, inside a quoted string of the statement) would
 * be replaced too, so text whose placeholders are not exactly $1…$n in order is refused.
 */
export function inlineParameters(text: string, params: ReadonlyArray<unknown>): string {
  let expected = 1;
  const out = text.replace(/\$(\d+)/g, (_, n: string) => {
    if (Number(n) !== expected || expected > params.length) {
      throw new UninlinableValueError(`placeholders must run $1…$${params.length} in order; found $${n}`);
    }
    expected++;
    return literal(params[Number(n) - 1]);
  });
  if (expected !== params.length + 1) {
    throw new UninlinableValueError(`${params.length} values for ${expected - 1} placeholders`);
  }
  return out;
}
