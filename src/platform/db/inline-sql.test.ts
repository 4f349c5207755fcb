import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inlineParameters, literal, UninlinableValueError } from './inline-sql.ts';

describe('inlineParameters', () => {
  it('writes each kind of value as a literal', () => {
    expect(
      inlineParameters('SELECT $1, $2, $3, $4, $5::jsonb', ["O'Brien", 3.5, null, true, '{"a":"b\\\\c"}']),
    ).toBe(`SELECT 'O''Brien', (3.5), NULL, TRUE,  E'{"a":"b\\\\\\\\c"}'::jsonb`);
  });

  it('does not rescan inlined text, so a value holding "$2" stays a value', () => {
    expect(inlineParameters('SELECT $1, $2', ['$2', 'x'])).toBe(`SELECT '$2', 'x'`);
  });

  it('handles ten or more parameters by their whole number', () => {
    const params = Array.from({ length: 11 }, (_, i) => `v${i + 1}`);
    const text = params.map((_, i) => `$${i + 1}`).join(' ');
    expect(inlineParameters(text, params)).toBe(params.map((p) => `'${p}'`).join(' '));
  });

  it('writes numbers so that a minus before them cannot start a comment', () => {
    expect(inlineParameters('SELECT 10 -$1 AS x, $2::text', [-5, -1])).toBe(
      'SELECT 10 -(-5) AS x, (-1)::text',
    );
  });

  it('refuses placeholders that are not $1…$n in order, as inside a quoted string', () => {
    expect(() => inlineParameters(`SELECT 'cost $1' AS s, $1`, ['v'])).toThrow(UninlinableValueError);
    expect(() => inlineParameters('SELECT $2, $1', ['a', 'b'])).toThrow(UninlinableValueError);
    expect(() => inlineParameters('SELECT $1', ['a', 'b'])).toThrow(UninlinableValueError);
  });

  it('refuses what it cannot write safely', () => {
    expect(() => literal('a\0b')).toThrow(UninlinableValueError);
    expect(() => literal(Number.NaN)).toThrow(UninlinableValueError);
    expect(() => literal({ a: 1 })).toThrow(UninlinableValueError);
    expect(() => inlineParameters('SELECT $2', [1])).toThrow(UninlinableValueError);
  });

  it('quotes any text so that it stays one literal', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme' }).filter((s) => !s.includes('\0')),
        (s) => {
          const out = literal(s);
          // A literal is 'x' or E'x' with every quote inside doubled.
          const body = out.startsWith("E'") ? out.slice(2, -1) : out.slice(1, -1);
          expect(out.endsWith("'")).toBe(true);
          expect(body.replaceAll("''", '')).not.toContain("'");
        },
      ),
    );
  });
});
