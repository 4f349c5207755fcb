import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { ApiError, api } from '../api.ts';
import { t } from '../i18n/index.ts';
import { Alert } from '../ui/components.tsx';
import { errorText } from '../ui/errors.ts';
import { Link, useLocation } from './router.tsx';
import { isAdmin, useSession } from './session.tsx';

function SkipLink() {
  return (
    <a className="skip-link" href="#main">
      {t('app.skipToContent')}
    </a>
  );
}

function Brand({ to }: { to: string }) {
  return (
    <Link to={to} className="brand">
      <svg
        className="brand-mark"
        viewBox="0 0 24 24"
        width="24"
        height="24"
        aria-hidden="true"
        focusable="false"
      >
        <path d="M12 1.5l2.6 7.9 7.9 2.6-7.9 2.6L12 22.5l-2.6-7.9L1.5 12l7.9-2.6z" fill="currentColor" />
      </svg>
      {t('app.name')}
    </Link>
  );
}

/** `section` marks the link current on every page under it (e.g. all framework admin pages). */
function NavLink({ to, section = to, children }: { to: string; section?: string; children: ReactNode }) {
  const { path } = useLocation();
  const current = path === section || path.startsWith(`${section}/`);
  return (
    <Link to={to} className="nav-link" aria-current={current ? 'page' : undefined}>
      {children}
    </Link>
  );
}

/**
 * A disclosure menu's state: closed by Escape (focus back on its button), by a click or focus
 * outside it, and on navigation, as users expect of menus.
 */
function useDisclosure() {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement & HTMLLIElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const { path } = useLocation();

  // biome-ignore lint/correctness/useExhaustiveDependencies: closing on navigation is the point.
  useEffect(() => setOpen(false), [path]);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    // A click elsewhere, or tabbing past the menu, closes it so it never covers what comes next.
    const onOutside = (event: Event) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onOutside);
    document.addEventListener('focusin', onOutside);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onOutside);
      document.removeEventListener('focusin', onOutside);
    };
  }, [open]);

  return { open, toggle: () => setOpen((o) => !o), root, button };
}

function Chevron() {
  return (
    <svg className="chevron" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
      <path d="M3 6l5 5 5-5" fill="none" stroke="currentColor" strokeWidth="2" />
    </svg>
  );
}

/** The admin sections, grouped in one menu so the header stays one line. */
function AdminMenu() {
  const { open, toggle, root, button } = useDisclosure();
  const menuId = useId();
  const { path } = useLocation();
  const current = path.startsWith('/admin/');
  return (
    <li className="nav-menu" ref={root}>
      <button
        ref={button}
        type="button"
        className="nav-link nav-menu-button"
        aria-expanded={open}
        aria-controls={menuId}
        // Styled as the current section; inside, the page's own link carries aria-current.
        data-current={current || undefined}
        onClick={toggle}
      >
        {t('nav.admin')}
        <Chevron />
      </button>
      <ul id={menuId} className="nav-menu-list" hidden={!open}>
        <li>
          <NavLink to="/admin/import">{t('nav.import')}</NavLink>
        </li>
        <li>
          <NavLink to="/admin/outbox">{t('nav.outbox')}</NavLink>
        </li>
        <li>
          <NavLink to="/admin/feedback">{t('nav.feedbackAdmin')}</NavLink>
        </li>
        <li>
          <NavLink to="/admin/framework/versions" section="/admin/framework">
            {t('nav.framework')}
          </NavLink>
        </li>
      </ul>
    </li>
  );
}

function AccountMenu() {
  const session = useSession();
  const viewer = session.viewer!;
  const { open, toggle, root, button } = useDisclosure();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const menuId = useId();

  const signOut = async (everywhere: boolean) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await (everywhere ? api.logoutEverywhere() : api.logout());
      session.signedOut();
    } catch (e) {
      // Already signed out (the session expired or another tab ended it): the goal is reached.
      if (e instanceof ApiError && e.status === 401) {
        session.signedOut();
        return;
      }
      setError(errorText(e));
      setBusy(false);
    }
  };

  const initials = viewer.person.name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join('');

  return (
    <div className="account" ref={root}>
      <button
        ref={button}
        type="button"
        className="account-button"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={toggle}
      >
        <span className="avatar" aria-hidden="true">
          {initials}
        </span>
        <span className="account-name">{viewer.person.name}</span>
        <span className="visually-hidden"> {t('nav.account')}</span>
        <Chevron />
      </button>
      <div id={menuId} className="account-menu" hidden={!open}>
        <p className="account-who">
          <strong>{viewer.person.name}</strong>
          <span>{viewer.person.email}</span>
          <span>{t('nav.organisation', { name: viewer.organisation.name })}</span>
        </p>
        <ul>
          <li>
            <button
              type="button"
              className="menu-item"
              onClick={() => signOut(false)}
              aria-disabled={busy || undefined}
            >
              {t('nav.signOut')}
            </button>
          </li>
          <li>
            <button
              type="button"
              className="menu-item"
              onClick={() => signOut(true)}
              aria-disabled={busy || undefined}
              aria-describedby={`${menuId}-everywhere`}
            >
              {t('nav.signOutEverywhere')}
            </button>
            <p id={`${menuId}-everywhere`} className="hint menu-hint">
              {t('nav.signOutEverywhereHint')}
            </p>
          </li>
        </ul>
        {error ? <Alert tone="error">{error}</Alert> : null}
      </div>
    </div>
  );
}

export function AppLayout({ children }: { children: ReactNode }) {
  const { viewer } = useSession();
  const admin = isAdmin(viewer);
  return (
    <>
      <SkipLink />
      <header className="app-header">
        <div className="header-inner">
          <Brand to="/people" />
          <nav aria-label={t('nav.label')} className="main-nav">
            <ul>
              <li>
                <NavLink to="/people">{t('nav.people')}</NavLink>
              </li>
              <li>
                <NavLink to="/assessment">{t('nav.assessment')}</NavLink>
              </li>
              <li>
                <NavLink to="/profile">{t('nav.profile')}</NavLink>
              </li>
              <li>
                <NavLink to="/feedback">{t('nav.feedback')}</NavLink>
              </li>
              {admin ? <AdminMenu /> : null}
            </ul>
          </nav>
          <AccountMenu />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="app-main">
        {children}
      </main>
    </>
  );
}

/** Sign-in, invitation and password pages: a single centred card, no navigation. */
export function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <SkipLink />
      <header className="public-header">
        <Brand to="/sign-in" />
      </header>
      <main id="main" tabIndex={-1} className="public-main">
        <div className="card public-card">{children}</div>
      </main>
    </>
  );
}
