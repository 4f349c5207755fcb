// Quick checks before a round trip; the server's zod contracts remain the authority.

/** Catches typos such as a missing @ or domain; deliberately loose, like the browser's own check. */
export const looksLikeEmail = (value: string): boolean => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());

/** Mirrors `newPassword` in src/platform/auth/contracts.ts. */
export const MIN_PASSWORD_LENGTH = 10;
