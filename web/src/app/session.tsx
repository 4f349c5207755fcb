import { createContext, useContext } from 'react';
import type { Viewer } from '../api.ts';

/** Why there is no viewer: never signed in, signed out on purpose, or the session ended (a 401). */
export type SignedOutReason = 'none' | 'signed-out' | 'expired';

export interface Session {
  viewer: Viewer | null;
  signedOutReason: SignedOutReason;
  /** After sign-in, accepting an invitation or resetting a password: the server answered with the viewer. */
  signedIn(viewer: Viewer, returnTo?: string | null): void;
  signedOut(): void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionContext');
  return session;
}

/** For pages that are only routed to when signed in. */
export function useViewer(): Viewer {
  const { viewer } = useSession();
  if (!viewer) throw new Error('useViewer on a page that does not require sign-in');
  return viewer;
}

export const isAdmin = (viewer: Viewer | null): boolean => viewer?.person.roles.includes('admin') ?? false;
