// Signing in, invitations and password resets: public pages, no navigation entries.
import { Navigate, useSearchParams } from 'react-router';
import type { WebModule } from '../../app/module.ts';
import { safeReturnPath } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import { ForgotPasswordPage } from './ForgotPasswordPage.tsx';
import { InvitationPage } from './InvitationPage.tsx';
import { ResetPasswordPage } from './ResetPasswordPage.tsx';
import { SignInPage } from './SignInPage.tsx';

/** Someone already signed in goes where the sign-in would have taken them. */
function SignInRoute() {
  const { viewer } = useSession();
  const [query] = useSearchParams();
  if (viewer) return <Navigate to={safeReturnPath(query.get('next')) ?? '/'} replace />;
  return <SignInPage />;
}

export const authModule: WebModule = {
  name: 'auth',
  routes: [
    { path: '/sign-in', access: 'public', render: () => <SignInRoute /> },
    { path: '/forgot-password', access: 'public', render: () => <ForgotPasswordPage /> },
    {
      path: '/reset-password/:token',
      access: 'public',
      render: (p) => <ResetPasswordPage token={p.token!} />,
    },
    { path: '/invitation/:token', access: 'public', render: (p) => <InvitationPage token={p.token!} /> },
  ],
};
