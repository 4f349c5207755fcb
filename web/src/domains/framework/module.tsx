// The framework's admin pages: versions and the editor, instrument quality, expected balance.
import type { WebModule } from '../../app/module.ts';
import { t } from '../../i18n/index.ts';
import { BALANCE_PATH, QUALITY_PATH, VERSION_PATH, VERSIONS_PATH } from './FrameworkAdminNav.tsx';
import { QualityPage } from './QualityPage.tsx';
import { StageBalancePage } from './StageBalancePage.tsx';
import { VersionEditorPage } from './VersionEditorPage.tsx';
import { VersionsPage } from './VersionsPage.tsx';

export const frameworkModule: WebModule = {
  name: 'framework',
  routes: [
    { path: QUALITY_PATH, access: 'admin', render: () => <QualityPage /> },
    { path: BALANCE_PATH, access: 'admin', render: () => <StageBalancePage /> },
    { path: VERSIONS_PATH, access: 'admin', render: () => <VersionsPage /> },
    { path: VERSION_PATH, access: 'admin', render: (p) => <VersionEditorPage id={p.id!} /> },
  ],
  nav: [{ to: VERSIONS_PATH, label: () => t('nav.framework'), section: '/admin/framework', admin: true }],
};
