// Organisation analytics and impact (issue #12). Admins find it in the Admin menu; team leaders,
// who see their own line, under Organisation (the server decides the scope; a member who leads no
// team is told so). /analytics opens the heatmap.
import type { WebModule } from '../../app/module.ts';
import { t } from '../../i18n/index.ts';
import { AnalyticsPage, PAGES } from './AnalyticsPage.tsx';
import './analytics.css';

export const analyticsModule: WebModule = {
  name: 'analytics',
  routes: [
    { path: '/analytics', access: 'signed-in', render: () => <AnalyticsPage page="heatmap" /> },
    ...PAGES.map((page) => ({
      path: `/analytics/${page}`,
      access: 'signed-in' as const,
      render: () => <AnalyticsPage page={page} />,
    })),
  ],
  nav: [
    { to: '/analytics', label: () => t('analytics.nav'), admin: true },
    { to: '/analytics', label: () => t('analytics.navLine'), group: 'organisation', notForAdmins: true },
  ],
};
