import { describe, expect, it } from 'vitest';
import { signLink, verifyLink } from './signed-links.ts';

const SECRET = 'a-test-secret-that-is-long-enough-for-hkdf';
const now = new Date('2026-06-08T07:00:00Z');
const claims = {
  organisationId: '0f8fad5b-d9cb-469f-a165-70867728950e',
  personId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  purpose: 'digest-unsubscribe',
  expiresAt: new Date('2027-06-08T07:00:00Z'),
};

describe('signed links', () => {
  const token = signLink(SECRET, claims);

  it('verify for their purpose before they expire, giving back the claims', () => {
    expect(token).toMatch(/^v1\.[0-9a-f-]{36}\.[0-9a-f-]{36}\.digest-unsubscribe\.[0-9a-z]+\.[\w-]{43}$/);
    expect(verifyLink(SECRET, token, 'digest-unsubscribe', now)).toEqual({ ok: true, claims });
    // URL-safe as it is.
    expect(encodeURIComponent(token)).toBe(token);
  });

  it('refuse a change to any claim', () => {
    const parts = token.split('.');
    const otherPerson = [...parts];
    otherPerson[2] = '7c9e6679-7425-40de-944b-e07fc1f90ae8';
    const later = [...parts];
    later[4] = (Number.parseInt(parts[4]!, 36) + 1).toString(36);
    const otherPurpose = [...parts];
    otherPurpose[3] = 'account-delete';
    for (const forged of [otherPerson, later, otherPurpose]) {
      expect(verifyLink(SECRET, forged.join('.'), 'digest-unsubscribe', now)).toEqual({
        ok: false,
        problem: 'tampered',
      });
    }
    const flipped = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    expect(verifyLink(SECRET, flipped, 'digest-unsubscribe', now)).toEqual({
      ok: false,
      problem: 'tampered',
    });
  });

  it('refuse a token signed with another secret', () => {
    const other = signLink('another-secret-of-another-server-entirely', claims);
    expect(verifyLink(SECRET, other, 'digest-unsubscribe', now)).toEqual({ ok: false, problem: 'tampered' });
  });

  it('refuse an expired token and one for another purpose', () => {
    expect(verifyLink(SECRET, token, 'digest-unsubscribe', claims.expiresAt)).toEqual({
      ok: false,
      problem: 'expired',
    });
    const other = signLink(SECRET, { ...claims, purpose: 'something-else' });
    expect(verifyLink(SECRET, other, 'digest-unsubscribe', now)).toEqual({
      ok: false,
      problem: 'wrong-purpose',
    });
  });

  it.each([
    '',
    'v1',
    token.replace('v1.', 'v2.'),
    `${token}.extra`,
    token.slice(0, -2),
    token.replace(claims.organisationId, 'not-a-uuid'),
    `${token}${'x'.repeat(300)}`,
  ])('call %j malformed', (bad) => {
    expect(verifyLink(SECRET, bad, 'digest-unsubscribe', now)).toEqual({ ok: false, problem: 'malformed' });
  });

  it('refuse to sign what they could not verify', () => {
    expect(() => signLink(SECRET, { ...claims, personId: 'x' })).toThrow(/ids/);
    expect(() => signLink(SECRET, { ...claims, purpose: 'Bad Purpose' })).toThrow(/purpose/);
  });
});
