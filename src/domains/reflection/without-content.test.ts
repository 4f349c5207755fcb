import { describe, expect, it } from 'vitest';
import { withoutContent } from './without-content.ts';

const SECRET = 'what I really think of my manager';

describe('withoutContent', () => {
  it('passes a result through', async () => {
    expect(await withoutContent(Promise.resolve(42))).toBe(42);
  });

  it('keeps the SQLSTATE and constraint of a refused write, and none of its text', async () => {
    const driverError = Object.assign(
      new Error(`Failed query: insert into "journal_entries" params: ${SECRET}`),
      {
        cause: {
          code: '23514',
          constraint: 'journal_entries_body',
          detail: `Failing row contains (…, ${SECRET}, …)`,
          message: `new row violates check constraint "journal_entries_body"`,
        },
      },
    );
    const thrown = await withoutContent(Promise.reject(driverError)).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(Error);
    expect(JSON.stringify(thrown, Object.getOwnPropertyNames(thrown))).not.toContain(SECRET);
    expect((thrown as Error).message).toBe('journal entry write refused (23514 journal_entries_body)');
    expect((thrown as { code: string }).code).toBe('23514');
    expect((thrown as { cause?: unknown }).cause).toBeUndefined();
  });

  it('does not echo a code or constraint that is not a plain word', async () => {
    const thrown = await withoutContent(Promise.reject({ code: SECRET })).catch((e: unknown) => e);
    expect((thrown as Error).message).toBe('journal entry write refused (unknown)');
  });
});
