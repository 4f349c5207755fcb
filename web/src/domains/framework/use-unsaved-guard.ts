import { useEffect } from 'react';
import { useBlocker, useLocation } from 'react-router';

/**
 * Leaving with unsaved changes asks first: links and the browser's Back and Forward buttons (the
 * router holds the navigation until the person answers; "stay" keeps this page and its address),
 * and closing or reloading the tab (the browser's own question). Moving within the page (a query
 * string or a hash) is not leaving.
 */
export function useUnsavedGuard(dirty: boolean, question: string): void {
  const { pathname } = useLocation();
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    const ask = () => {
      if (window.confirm(question)) blocker.proceed();
      else blocker.reset();
    };
    if (window.location.pathname === pathname) {
      ask();
      return;
    }
    // Back or Forward: the browser already shows the other address and the router is putting this
    // one back; ask once it is back, so the address bar matches the page while the question is open.
    const restored = () => {
      if (window.location.pathname !== pathname) return;
      window.removeEventListener('popstate', restored);
      ask();
    };
    window.addEventListener('popstate', restored);
    return () => window.removeEventListener('popstate', restored);
  }, [blocker, question, pathname]);

  useEffect(() => {
    if (!dirty) return;
    const beforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', beforeUnload);
    return () => window.removeEventListener('beforeunload', beforeUnload);
  }, [dirty]);
}
