// The people directory, person pages, the CSV import and the admins' team tree.
import type { WebModule } from '../../app/module.ts';
import { t } from '../../i18n/index.ts';
import { ImportPage } from './ImportPage.tsx';
import { PeoplePage } from './PeoplePage.tsx';
import { PersonPage } from './PersonPage.tsx';
import { TeamsPage } from './TeamsPage.tsx';

export const peopleModule: WebModule = {
  name: 'people',
  routes: [
    { path: '/people', access: 'signed-in', render: () => <PeoplePage /> },
    { path: '/people/:id', access: 'signed-in', render: (p) => <PersonPage id={p.id!} /> },
    { path: '/admin/import', access: 'admin', render: () => <ImportPage /> },
    { path: '/admin/teams', access: 'admin', render: () => <TeamsPage /> },
  ],
  nav: [
    { to: '/people', label: () => t('nav.people'), group: 'organisation' },
    { to: '/admin/import', label: () => t('nav.import'), admin: true },
    { to: '/admin/teams', label: () => t('nav.teams'), admin: true },
  ],
};
