// The participant's home page, at `/` for everyone signed in (and `/home`, which leads there), and
// the admins' journey thresholds.
import { Navigate } from 'react-router';
import type { WebModule } from '../../app/module.ts';
import { t } from '../../i18n/index.ts';
import { HomePage } from './HomePage.tsx';
import { JourneySettingsPage } from './JourneySettingsPage.tsx';

export const homeModule: WebModule = {
  name: 'home',
  routes: [
    { path: '/', access: 'signed-in', render: () => <HomePage /> },
    { path: '/home', access: 'signed-in', render: () => <Navigate to="/" replace /> },
    { path: '/admin/journey', access: 'admin', render: () => <JourneySettingsPage /> },
  ],
  nav: [
    { to: '/', label: () => t('nav.home') },
    { to: '/admin/journey', label: () => t('journeyAdmin.nav'), admin: true },
  ],
};
