// The route tree, composed from the modules' pages: who may see a page is declared with it
// (public, signed-in, admin) and enforced here, once, by layout routes around each group.
import type { ReactNode } from 'react';
import {
  createBrowserRouter,
  Link,
  Navigate,
  Outlet,
  type RouteObject,
  ScrollRestoration,
  useLocation,
  useParams,
} from 'react-router';
import { t } from '../i18n/index.ts';
import { PageHeading } from '../ui/components.tsx';
import { countNavigation } from '../ui/navigation.ts';
import { AppLayout, PublicLayout } from './Layout.tsx';
import type { Access, PageRoute, WebModule } from './module.ts';
import { attachRouter, isQuiet } from './router.tsx';
import { isAdmin, useSession } from './session.tsx';

function NotFoundPage() {
  return (
    <section className="narrow">
      <PageHeading title={t('notFound.title')} />
      <p>{t('notFound.body')}</p>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
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
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </section>
  );
}

/** One page; keyed by path, so a new page starts with fresh state and moves focus to its heading. */
function Page({ render }: { render: PageRoute['render'] }) {
  const params = useParams();
  const { pathname } = useLocation();
  return (
    <div key={pathname} className="page">
      {render(params)}
    </div>
  );
}

function Root() {
  return (
    <>
      <ScrollRestoration />
      <Outlet />
    </>
  );
}

/** Signed-in pages: the app's layout, or off to sign in (and back here afterwards). */
function RequireViewer() {
  const { viewer, signedOutReason } = useSession();
  const { pathname, search } = useLocation();
  if (!viewer) {
    const next = encodeURIComponent(pathname + search);
    // The home page is where signing in leads anyway: no need to name it as the way back.
    const home = pathname === '/' && !search;
    const to =
      signedOutReason === 'signed-out' || (home && signedOutReason !== 'expired')
        ? '/sign-in'
        : signedOutReason === 'expired'
          ? `/sign-in?expired=1&next=${next}`
          : `/sign-in?next=${next}`;
    return <Navigate to={to} replace />;
  }
  return (
    <AppLayout>
      <Outlet />
    </AppLayout>
  );
}

function RequireAdmin() {
  const { viewer } = useSession();
  return isAdmin(viewer) ? <Outlet /> : <ForbiddenPage />;
}

function NotFound() {
  const { viewer } = useSession();
  const Layout = viewer ? AppLayout : PublicLayout;
  return (
    <Layout>
      <NotFoundPage />
    </Layout>
  );
}

function layout(children: ReactNode) {
  return <PublicLayout>{children}</PublicLayout>;
}

export function buildRoutes(modules: readonly WebModule[]): RouteObject[] {
  const pages = (access: Access) =>
    modules
      .flatMap((m) => m.routes)
      .filter((r) => r.access === access)
      .map((r): RouteObject => ({ path: r.path, element: <Page render={r.render} /> }));
  return [
    {
      element: <Root />,
      children: [
        { element: layout(<Outlet />), children: pages('public') },
        {
          element: <RequireViewer />,
          children: [...pages('signed-in'), { element: <RequireAdmin />, children: pages('admin') }],
        },
        { path: '*', element: <NotFound /> },
      ],
    },
  ];
}

export function createAppRouter(modules: readonly WebModule[]) {
  const router = createBrowserRouter(buildRoutes(modules));
  let last = router.state.location;
  router.subscribe((state) => {
    if (state.location === last) return;
    last = state.location;
    if (!isQuiet(state.location.state)) countNavigation();
  });
  attachRouter(router);
  return router;
}
