// A deliberately tiny router on the History API: the app has a handful of flat routes, which does
// not justify a routing library in the bundle.
import { type AnchorHTMLAttributes, type MouseEvent, useSyncExternalStore } from 'react';

const CHANGE = 'lodestar:navigate';

/** Counts client-side navigations, so pages move focus only after a real navigation, not on first load. */
let navigations = 0;
export const navigationCount = (): number => navigations;

function notify(): void {
  navigations += 1;
  window.dispatchEvent(new Event(CHANGE));
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  const current = window.location.pathname + window.location.search + window.location.hash;
  if (to === current) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.scrollTo(0, 0);
  notify();
}

/** Updates the query string without a new history entry or a focus move (e.g. live filters). */
export function replaceQuery(params: URLSearchParams): void {
  const query = params.toString();
  const to = window.location.pathname + (query ? `?${query}` : '');
  window.history.replaceState(null, '', to);
  window.dispatchEvent(new Event(CHANGE));
}

function subscribe(callback: () => void): () => void {
  const onPop = () => {
    navigations += 1;
    callback();
  };
  window.addEventListener('popstate', onPop);
  window.addEventListener(CHANGE, callback);
  return () => {
    window.removeEventListener('popstate', onPop);
    window.removeEventListener(CHANGE, callback);
  };
}

const snapshot = () => window.location.pathname + window.location.search;

export interface Location {
  path: string;
  query: URLSearchParams;
  /** path + query, e.g. for a "return here after sign-in" link. */
  href: string;
}

export function useLocation(): Location {
  const href = useSyncExternalStore(subscribe, snapshot);
  const url = new URL(href, window.location.origin);
  return { path: url.pathname, query: url.searchParams, href };
}

/**
 * Matches `/people/:id` style patterns; returns the decoded parameters or null.
 * Trailing slashes are ignored so `/people/` works like `/people`.
 */
export function match(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const have = path.split('/').filter(Boolean);
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (const [i, part] of want.entries()) {
    const actual = have[i]!;
    if (part.startsWith(':')) {
      try {
        params[part.slice(1)] = decodeURIComponent(actual);
      } catch {
        return null;
      }
    } else if (part !== actual) {
      return null;
    }
  }
  return params;
}

/** Only same-app paths are followed after sign-in, never another origin (`//evil.example`). */
export function safeReturnPath(value: string | null): string | null {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  return value;
}

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { to: string };

export function Link({ to, onClick, ...rest }: LinkProps) {
  const handle = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    // Let the browser handle new tabs, downloads and anything already handled.
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey ||
      rest.target
    ) {
      return;
    }
    event.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={handle} {...rest} />;
}
