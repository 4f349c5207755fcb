import { Link, useLocation } from '../../app/router.tsx';
import { t } from '../../i18n/index.ts';

export const QUALITY_PATH = '/admin/framework/quality';
export const BALANCE_PATH = '/admin/framework/balance';

/** Links between the framework admin pages, which share one item in the main navigation. */
export function FrameworkAdminNav() {
  const { path } = useLocation();
  const links = [
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
