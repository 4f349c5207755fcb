import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { ApiError } from '../api.ts';
import { t } from '../i18n/index.ts';
import { useLogout } from '../platform/auth/queries.ts';
import { Alert } from '../ui/components.tsx';
import { errorText } from '../ui/errors.ts';
import { useMediaQuery } from '../ui/use-media-query.ts';
import { NAV_GROUPS, type NavEntry, type NavGroup } from './module.ts';
import { modules } from './modules.ts';
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
function NavLink({ entry }: { entry: NavEntry }) {
  const { pathname } = useLocation();
  const { viewer } = useSession();
  const current = currentEntry(pathname, isAdmin(viewer)) === entry;
  return (
    <Link to={entry.to} className="nav-link" aria-current={current ? 'page' : undefined}>
      {entry.label()}
    </Link>
  );
}

function NavItems({ entries }: { entries: readonly NavEntry[] }) {
  return entries.map((entry) => (
    <li key={entry.to}>
      <NavLink entry={entry} />
    </li>
  ));
}

/**
 * A disclosure's state: closed by Escape (focus back on its button), by a click or focus
 * outside it, and on navigation, as users expect of menus.
 */
function useDisclosure() {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement & HTMLLIElement & HTMLElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const { pathname } = useLocation();

  // biome-ignore lint/correctness/useExhaustiveDependencies: closing on navigation is the point.
  useEffect(() => setOpen(false), [pathname]);

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

/** The header's menus: each group of sections, and the admin sections last. */
interface NavMenu {
  key: NavGroup | 'admin';
  label: string;
  entries: readonly NavEntry[];
}

function navMenus(main: readonly NavEntry[], admin: readonly NavEntry[]): NavMenu[] {
  const menus: NavMenu[] = NAV_GROUPS.map((group) => ({
    key: group,
    label: t(`nav.group.${group}`),
    entries: main.filter((e) => e.group === group),
  }));
  menus.push({ key: 'admin', label: t('nav.admin'), entries: admin });
  return menus.filter((m) => m.entries.length > 0);
}

function isUnder(pathname: string, entry: NavEntry): boolean {
  const section = entry.section ?? entry.to;
  return pathname === section || pathname.startsWith(`${section}/`);
}

/** The entries a viewer sees: admin entries for admins only, `notForAdmins` ones for everyone else. */
function visibleEntries(admin: boolean): NavEntry[] {
  return modules.flatMap((m) => m.nav ?? []).filter((e) => (admin ? !e.notForAdmins : !e.admin));
}

/** The entry of the page shown: the one with the longest section around it (/plan/shared, not /plan). */
function currentEntry(pathname: string, admin: boolean): NavEntry | undefined {
  let best: NavEntry | undefined;
  for (const entry of visibleEntries(admin)) {
    if (
      isUnder(pathname, entry) &&
      (entry.section ?? entry.to).length > (best ? (best.section ?? best.to).length : -1)
    )
      best = entry;
  }
  return best;
}

/** A group of sections in one menu, so the header stays one line however many domains there are. */
function NavMenuButton({ menu }: { menu: NavMenu }) {
  const { open, toggle, root, button } = useDisclosure();
  const menuId = useId();
  const { pathname } = useLocation();
  const current = menu.entries.some((e) => isUnder(pathname, e));
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
        {menu.label}
        <Chevron />
      </button>
      <ul id={menuId} className="nav-menu-list" hidden={!open}>
        <NavItems entries={menu.entries} />
      </ul>
    </li>
  );
}

/** The width below which the sections collapse behind one "Menu" button (as in layout.css). */
const COMPACT = '(max-width: 60rem)';

/** Wide screens: the ungrouped sections as links, then one menu per group, then Admin. */
function WideNav({ main, admin }: { main: readonly NavEntry[]; admin: readonly NavEntry[] }) {
  return (
    <nav aria-label={t('nav.label')} className="main-nav">
      <ul>
        <NavItems entries={main.filter((e) => !e.group)} />
        {navMenus(main, admin).map((menu) => (
          <NavMenuButton key={menu.key} menu={menu} />
        ))}
      </ul>
    </nav>
  );
}

/** One labelled list per menu, for the phone panel. */
function NavGroupList({ menu }: { menu: NavMenu }) {
  const id = useId();
  return (
    <>
      <p id={id} className="nav-group-label">
        {menu.label}
      </p>
      <ul aria-labelledby={id}>
        <NavItems entries={menu.entries} />
      </ul>
    </>
  );
}

/**
 * Phones and narrow windows: one "Menu" button (a disclosure) opens every section as a list under
 * the header, the admin sections as a labelled group. Escape closes it and returns focus to the
 * button; so do a click outside and following a link.
 */
function CompactNav({ main, admin }: { main: readonly NavEntry[]; admin: readonly NavEntry[] }) {
  const { open, toggle, root, button } = useDisclosure();
  const panelId = useId();
  return (
    <nav aria-label={t('nav.label')} className="main-nav main-nav-compact" ref={root}>
      <button
        ref={button}
        type="button"
        className="nav-toggle"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={toggle}
      >
        <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
          <path d="M2 4h12M2 8h12M2 12h12" fill="none" stroke="currentColor" strokeWidth="2" />
        </svg>
        {t('nav.menu')}
      </button>
      {/* Following a link closes the menu, also when it leads to the page already shown. */}
      {/* biome-ignore lint/a11y/noStaticElementInteractions: the links inside handle the keyboard; this only listens. */}
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: a link's Enter also fires this click. */}
      <div
        id={panelId}
        className="nav-panel"
        hidden={!open}
        onClick={(event) => {
          if ((event.target as Element).closest('a')) toggle();
        }}
      >
        <ul>
          <NavItems entries={main.filter((e) => !e.group)} />
        </ul>
        {navMenus(main, admin).map((menu) => (
          <NavGroupList key={menu.key} menu={menu} />
        ))}
      </div>
    </nav>
  );
}

function AccountMenu() {
  const session = useSession();
  const viewer = session.viewer!;
  const { open, toggle, root, button } = useDisclosure();
  const logout = useLogout();
  const menuId = useId();
  const busy = logout.isPending;

  const signOut = (everywhere: boolean) => {
    if (busy) return;
    logout.mutate(everywhere, {
      onSuccess: () => session.signedOut(),
      // Already signed out (the session expired or another tab ended it): the goal is reached.
      onError: (e) => {
        if (e instanceof ApiError && e.status === 401) session.signedOut();
      },
    });
  };
  const error =
    logout.isError && !(logout.error instanceof ApiError && logout.error.status === 401)
      ? errorText(logout.error)
      : null;

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
          {modules
            .flatMap((m) => m.account ?? [])
            .map((entry) => (
              <li key={entry.to}>
                <Link to={entry.to} className="menu-item">
                  {entry.label()}
                </Link>
              </li>
            ))}
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
  const compact = useMediaQuery(COMPACT);
  const entries = visibleEntries(isAdmin(viewer));
  const main = entries.filter((e) => !e.admin);
  const admin = entries.filter((e) => e.admin);
  return (
    <>
      <SkipLink />
      <header className="app-header">
        <div className="header-inner">
          <Brand to="/" />
          {compact ? <CompactNav main={main} admin={admin} /> : <WideNav main={main} admin={admin} />}
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
