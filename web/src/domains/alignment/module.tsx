// Organisation goals and values: the page every member reads and the admins' page that keeps them.
import type { WebModule } from '../../app/module.ts';
import { t } from '../../i18n/index.ts';
import { ADMIN_PATH, AdminAlignmentPage } from './AdminAlignmentPage.tsx';
import { GoalsValuesPage, PARTICIPANT_PATH } from './GoalsValuesPage.tsx';

export const alignmentModule: WebModule = {
  name: 'alignment',
  routes: [
    { path: PARTICIPANT_PATH, access: 'signed-in', render: () => <GoalsValuesPage /> },
    { path: ADMIN_PATH, access: 'admin', render: () => <AdminAlignmentPage /> },
  ],
  nav: [
    { to: PARTICIPANT_PATH, label: () => t('alignment.nav'), group: 'organisation' },
    { to: ADMIN_PATH, label: () => t('alignment.navAdmin'), admin: true },
  ],
};
