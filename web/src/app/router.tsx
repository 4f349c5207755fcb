// Navigation helpers over React Router (ADR 0009). Pages use React Router's own hooks and `Link`;
// these few helpers are for what React Router leaves to the app: navigating from outside a
// component (after an async operation), live filters that rewrite the query string quietly, and
// the safe return path after sign-in.
import type { createBrowserRouter } from 'react-router';

type AppRouter = ReturnType<typeof createBrowserRouter>;
let router: AppRouter | null = null;

/** Called once by the app with the router it created. */
export function attachRouter(created: AppRouter): void {
  router = created;
}

/** A navigation marked quiet neither moves focus to the new heading nor scrolls (live filters). */
export const QUIET = { quiet: true } as const;
export const isQuiet = (state: unknown): boolean =>
  typeof state === 'object' && state !== null && (state as { quiet?: unknown }).quiet === true;

/** Navigates from outside React (e.g. after a request); inside components prefer `useNavigate`. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  void router?.navigate(to, { replace: options.replace ?? false });
}

/** Updates the query string without a new history entry, a scroll or a focus move (e.g. live filters). */
export function replaceQuery(params: URLSearchParams): void {
  const query = params.toString();
  void router?.navigate(
    { pathname: window.location.pathname, search: query ? `?${query}` : '' },
    { replace: true, preventScrollReset: true, state: QUIET },
  );
}

/** Only same-app paths are followed after sign-in, never another origin (`//evil.example`). */
export function safeReturnPath(value: string | null): string | null {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  return value;
}
