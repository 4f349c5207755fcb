// Programmes (admin): the list with creation from a template, and each programme's page.
import type { WebModule } from '../../app/module.ts';
import { t } from '../../i18n/index.ts';
import { ProgrammePage } from './ProgrammePage.tsx';
import { ProgrammesPage } from './ProgrammesPage.tsx';
import './programmes.css';

export const programmesModule: WebModule = {
  name: 'programmes',
  routes: [
    { path: '/admin/programmes', access: 'admin', render: () => <ProgrammesPage /> },
    { path: '/admin/programmes/:id', access: 'admin', render: (p) => <ProgrammePage id={p.id!} /> },
  ],
  nav: [{ to: '/admin/programmes', label: () => t('programmes.nav'), admin: true }],
};
