import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import { flushSync } from 'react-dom';
import { authApi } from '../../../src/identity/auth/endpoints.ts';
import { ApiError, call, onUnauthenticated, type Viewer } from '../api.ts';
import { t } from '../i18n/index.ts';
import { LoadError, Loading, PageHeading } from '../ui/components.tsx';
import { errorText } from '../ui/errors.ts';
import { PublicLayout } from './Layout.tsx';
import { navigate, safeReturnPath } from './router.tsx';
import { type Session, SessionContext, type SignedOutReason } from './session.tsx';

const ME = ['session', 'me'] as const;

/** Everything fetched for the person who was signed in (all but the start-up check itself). */
const dropCachedData = (client: QueryClient) =>
  client.removeQueries({ predicate: (query) => query.queryKey[0] !== ME[0] });

/** The start-up check: who is signed in, or nobody (a 401 is an answer here, not an error). */
const loadViewer = () =>
  call(authApi.me, {}, { quiet401: true }).catch((error: unknown) => {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  });

/**
 * Holds who is signed in. Nothing below renders until the start-up check answered. Signing in or
 * out empties the query cache, so one person never sees data fetched for another; the route
 * guards (app/routes.tsx) send a signed-out person to sign in.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const start = useQuery({ queryKey: ME, queryFn: loadViewer, staleTime: Number.POSITIVE_INFINITY });
  const [state, setState] = useState<{ viewer: Viewer | null; reason: SignedOutReason } | null>(null);

  // Committed before navigating, so the guards see the new viewer on the page navigated to.
  const signedIn = useCallback(
    (me: Viewer, returnTo?: string | null) => {
      dropCachedData(queryClient);
      flushSync(() => setState({ viewer: me, reason: 'none' }));
      // On the sign-in page its route already sends a signed-in person on (auth/module.tsx).
      if (window.location.pathname !== '/sign-in') {
        navigate(safeReturnPath(returnTo ?? null) ?? '/', { replace: true });
      }
    },
    [queryClient],
  );
  const end = useCallback(
    (reason: SignedOutReason) => {
      flushSync(() => setState({ viewer: null, reason }));
      dropCachedData(queryClient);
    },
    [queryClient],
  );
  const signedOut = useCallback(() => end('signed-out'), [end]);
  useEffect(() => onUnauthenticated(() => end('expired')), [end]);

  const viewer = state ? state.viewer : (start.data ?? null);
  const session = useMemo<Session>(
    () => ({ viewer, signedOutReason: state?.reason ?? 'none', signedIn, signedOut }),
    [viewer, state?.reason, signedIn, signedOut],
  );

  if (start.isPending && !state) {
    return (
      <main id="main" className="public-main">
        <Loading />
      </main>
    );
  }
  if (start.isError && !state) {
    return (
      <PublicLayout>
        <PageHeading title={t('loadError.title')} />
        <LoadError message={errorText(start.error)} onRetry={() => void start.refetch()} />
      </PublicLayout>
    );
  }
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}
