// The self-assessment and the leadership profile it produces.
import type { WebModule } from '../../app/module.ts';
import { t } from '../../i18n/index.ts';
import { AssessmentPage } from './AssessmentPage.tsx';
import { ProfilePage } from './ProfilePage.tsx';

export const assessmentsModule: WebModule = {
  name: 'assessments',
  routes: [
    { path: '/assessment', access: 'signed-in', render: () => <AssessmentPage /> },
    { path: '/profile', access: 'signed-in', render: () => <ProfilePage /> },
    { path: '/profile/:id', access: 'signed-in', render: (p) => <ProfilePage id={p.id!} /> },
  ],
  nav: [
    { to: '/assessment', label: () => t('nav.assessment'), group: 'know' },
    { to: '/profile', label: () => t('nav.profile'), group: 'know' },
  ],
};
