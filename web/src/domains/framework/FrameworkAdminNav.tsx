import { Link, useLocation } from 'react-router';
import { t } from '../../i18n/index.ts';

export const VERSIONS_PATH = '/admin/framework/versions';
export const VERSION_PATH = '/admin/framework/versions/:id';
export const versionPath = (id: string): string => `${VERSIONS_PATH}/${encodeURIComponent(id)}`;
export const QUALITY_PATH = '/admin/framework/quality';
export const BALANCE_PATH = '/admin/framework/balance';

/** Links between the framework admin pages, which share one item in the main navigation. */
export function FrameworkAdminNav() {
  const { pathname: path } = useLocation();
  const links = [
    { to: VERSIONS_PATH, label: t('frameworkAdmin.versions') },
    { to: QUALITY_PATH, label: t('frameworkAdmin.quality') },
    { to: BALANCE_PATH, label: t('frameworkAdmin.balance') },
  ];
  return (
    <nav className="subnav" aria-label={t('frameworkAdmin.navLabel')}>
      <ul>
        {links.map((link) => (
          <li key={link.to}>
            <Link to={link.to} aria-current={path === link.to ? 'page' : undefined}>
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
