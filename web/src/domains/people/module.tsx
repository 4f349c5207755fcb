// The people directory, person pages and the CSV import.
import type { WebModule } from '../../app/module.ts';
import { t } from '../../i18n/index.ts';
import { ImportPage } from './ImportPage.tsx';
import { PeoplePage } from './PeoplePage.tsx';
import { PersonPage } from './PersonPage.tsx';

export const peopleModule: WebModule = {
  name: 'people',
  routes: [
    { path: '/people', access: 'signed-in', render: () => <PeoplePage /> },
    { path: '/people/:id', access: 'signed-in', render: (p) => <PersonPage id={p.id!} /> },
    { path: '/admin/import', access: 'admin', render: () => <ImportPage /> },
  ],
  nav: [
    { to: '/people', label: () => t('nav.people'), group: 'organisation' },
    { to: '/admin/import', label: () => t('nav.import'), admin: true },
  ],
};
