import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError, api, onUnauthenticated, type Viewer } from '../api.ts';
import { AssessmentPage } from '../domains/assessments/AssessmentPage.tsx';
import { ProfilePage } from '../domains/assessments/ProfilePage.tsx';
import { AdminFeedbackPage } from '../domains/feedback/AdminFeedbackPage.tsx';
import { CampaignPage } from '../domains/feedback/CampaignPage.tsx';
import { MyFeedbackPage } from '../domains/feedback/MyFeedbackPage.tsx';
import { ReportPage } from '../domains/feedback/ReportPage.tsx';
import {
  BALANCE_PATH,
  QUALITY_PATH,
  VERSION_PATH,
  VERSIONS_PATH,
} from '../domains/framework/FrameworkAdminNav.tsx';
import { QualityPage } from '../domains/framework/QualityPage.tsx';
import { StageBalancePage } from '../domains/framework/StageBalancePage.tsx';
import { VersionEditorPage } from '../domains/framework/VersionEditorPage.tsx';
import { VersionsPage } from '../domains/framework/VersionsPage.tsx';
import { ImportPage } from '../domains/people/ImportPage.tsx';
import { PeoplePage } from '../domains/people/PeoplePage.tsx';
import { PersonPage } from '../domains/people/PersonPage.tsx';
import { t } from '../i18n/index.ts';
import { ForgotPasswordPage } from '../platform/auth/ForgotPasswordPage.tsx';
import { InvitationPage } from '../platform/auth/InvitationPage.tsx';
import { ResetPasswordPage } from '../platform/auth/ResetPasswordPage.tsx';
import { SignInPage } from '../platform/auth/SignInPage.tsx';
import { OutboxPage } from '../platform/mail/OutboxPage.tsx';
import { LoadError, Loading, PageHeading } from '../ui/components.tsx';
import { errorText } from '../ui/errors.ts';
import { AppLayout, PublicLayout } from './Layout.tsx';
import { Link, match, navigate, safeReturnPath, useLocation } from './router.tsx';
import { isAdmin, type Session, SessionContext } from './session.tsx';

type Access = 'public' | 'signed-in' | 'admin';
interface Route {
  pattern: string;
  access: Access;
  render(params: Record<string, string>): ReactNode;
}

const routes: Route[] = [
  { pattern: '/sign-in', access: 'public', render: () => <SignInPage /> },
  { pattern: '/forgot-password', access: 'public', render: () => <ForgotPasswordPage /> },
  {
    pattern: '/reset-password/:token',
    access: 'public',
    render: (p) => <ResetPasswordPage token={p.token!} />,
  },
  { pattern: '/invitation/:token', access: 'public', render: (p) => <InvitationPage token={p.token!} /> },
  { pattern: '/people', access: 'signed-in', render: () => <PeoplePage /> },
  { pattern: '/people/:id', access: 'signed-in', render: (p) => <PersonPage id={p.id!} /> },
  { pattern: '/assessment', access: 'signed-in', render: () => <AssessmentPage /> },
  { pattern: '/profile', access: 'signed-in', render: () => <ProfilePage /> },
  { pattern: '/profile/:id', access: 'signed-in', render: (p) => <ProfilePage id={p.id!} /> },
  { pattern: '/admin/import', access: 'admin', render: () => <ImportPage /> },
  { pattern: QUALITY_PATH, access: 'admin', render: () => <QualityPage /> },
  { pattern: BALANCE_PATH, access: 'admin', render: () => <StageBalancePage /> },
  { pattern: VERSIONS_PATH, access: 'admin', render: () => <VersionsPage /> },
  { pattern: VERSION_PATH, access: 'admin', render: (p) => <VersionEditorPage id={p.id!} /> },
  { pattern: '/admin/outbox', access: 'admin', render: () => <OutboxPage /> },
  { pattern: '/feedback', access: 'signed-in', render: () => <MyFeedbackPage /> },
  { pattern: '/feedback/:id', access: 'signed-in', render: (p) => <CampaignPage id={p.id!} /> },
  { pattern: '/feedback/:id/report', access: 'signed-in', render: (p) => <ReportPage id={p.id!} /> },
  { pattern: '/admin/feedback', access: 'admin', render: () => <AdminFeedbackPage /> },
];

function resolve(path: string): { route: Route; params: Record<string, string> } | null {
  for (const route of routes) {
    const params = match(route.pattern, path);
    if (params) return { route, params };
  }
  return null;
}

function NotFoundPage() {
  return (
    <section className="narrow">
      <PageHeading title={t('notFound.title')} />
      <p>{t('notFound.body')}</p>
      <p>
        <Link to="/people">{t('notFound.home')}</Link>
      </p>
    </section>
  );
}

function ForbiddenPage() {
  return (
    <section className="narrow">
      <PageHeading title={t('forbidden.title')} />
      <p>{t('forbidden.body')}</p>
      <p>
        <Link to="/people">{t('notFound.home')}</Link>
      </p>
    </section>
  );
}

type Start = { status: 'loading' } | { status: 'failed'; error: unknown } | { status: 'ready' };

export function App() {
  const location = useLocation();
  const [start, setStart] = useState<Start>({ status: 'loading' });
  const [viewer, setViewer] = useState<Viewer | null>(null);
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: attempt re-runs the start-up check on "try again".
  useEffect(() => {
    let current = true;
    api.me().then(
      (me) => {
        if (!current) return;
        setViewer(me);
        setStart({ status: 'ready' });
      },
      (error: unknown) => {
        if (!current) return;
        if (error instanceof ApiError && error.status === 401) setStart({ status: 'ready' });
        else setStart({ status: 'failed', error });
      },
    );
    return () => {
      current = false;
    };
  }, [attempt]);

  useEffect(() => {
    onUnauthenticated(() => {
      setViewer(null);
      const here = window.location.pathname + window.location.search;
      navigate(`/sign-in?expired=1&next=${encodeURIComponent(here)}`, { replace: true });
    });
  }, []);

  const signedIn = useCallback((me: Viewer, returnTo?: string | null) => {
    setViewer(me);
    navigate(safeReturnPath(returnTo ?? null) ?? '/people', { replace: true });
  }, []);
  const signedOut = useCallback(() => {
    setViewer(null);
    navigate('/sign-in', { replace: true });
  }, []);
  const session = useMemo<Session>(() => ({ viewer, signedIn, signedOut }), [viewer, signedIn, signedOut]);

  const found = resolve(location.path);
  const needsSignIn = start.status === 'ready' && !viewer && !!found && found.route.access !== 'public';
  const isRoot = location.path === '/';

  const { href, path } = location;
  useEffect(() => {
    if (start.status !== 'ready') return;
    if (isRoot) navigate(viewer ? '/people' : '/sign-in', { replace: true });
    else if (needsSignIn) navigate(`/sign-in?next=${encodeURIComponent(href)}`, { replace: true });
    else if (viewer && path === '/sign-in') {
      const next = new URL(href, window.location.origin).searchParams.get('next');
      navigate(safeReturnPath(next) ?? '/people', { replace: true });
    }
  }, [start.status, isRoot, needsSignIn, viewer, href, path]);

  if (start.status === 'loading') {
    return (
      <main id="main" className="public-main">
        <Loading />
      </main>
    );
  }
  if (start.status === 'failed') {
    return (
      <PublicLayout>
        <PageHeading title={t('loadError.title')} />
        <LoadError message={errorText(start.error)} onRetry={() => setAttempt((n) => n + 1)} />
      </PublicLayout>
    );
  }
  if (isRoot || needsSignIn) return null;

  let page: ReactNode;
  if (!found) page = <NotFoundPage />;
  else if (found.route.access === 'admin' && !isAdmin(viewer)) page = <ForbiddenPage />;
  else page = found.route.render(found.params);

  const Layout = viewer && found?.route.access !== 'public' ? AppLayout : PublicLayout;
  return (
    <SessionContext.Provider value={session}>
      {/* Keyed by path: a new page starts with fresh state and moves focus to its heading. */}
      <Layout key={Layout === AppLayout ? 'app' : 'public'}>
        <div key={location.path} className="page">
          {page}
        </div>
      </Layout>
    </SessionContext.Provider>
  );
}
