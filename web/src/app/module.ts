// What a web domain declares: its pages (with who may see them) and its entries in the main
// navigation. The app composes every module listed in app/modules.ts; nothing else names a page.
import type { ReactNode } from 'react';

/** public: anyone (sign-in, invitations); signed-in: any member; admin: members with the admin role. */
export type Access = 'public' | 'signed-in' | 'admin';

export interface PageRoute {
  /** A React Router path, e.g. `/people/:id`. */
  path: string;
  access: Access;
  /** The page for the matched parameters (decoded), e.g. `(p) => <PersonPage id={p.id!} />`. */
  render(params: Readonly<Record<string, string | undefined>>): ReactNode;
}

/**
 * The sections of the main navigation, in this order after the entries without one: what you learn
 * about yourself, what you do to grow, and the organisation around you. Grouping keeps the header
 * on one line as domains are added.
 */
export const NAV_GROUPS = ['know', 'grow', 'organisation'] as const;
export type NavGroup = (typeof NAV_GROUPS)[number];

export interface NavEntry {
  to: string;
  label(): string;
  /** The menu the entry sits in; without one it is a link of its own in the header. */
  group?: NavGroup;
  /** Marks the entry current on every page under this path (default: `to`). */
  section?: string;
  /** Admin entries are grouped under one "Admin" menu and shown to admins only. */
  admin?: boolean;
  /**
   * Shown to everyone but admins: a page admins reach from the Admin menu that others may also
   * see a part of (analytics: a team leader's own line).
   */
  notForAdmins?: boolean;
}

export interface WebModule {
  name: string;
  routes: readonly PageRoute[];
  nav?: readonly NavEntry[];
  /** Links in the account menu (the person's own settings), above signing out. */
  account?: readonly NavEntry[];
}
