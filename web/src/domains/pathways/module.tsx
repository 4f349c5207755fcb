// Learning pathways: the person's own ordered lists of library modules, with progress and
// recommendations. AddToPathway is exported for the library's module page.
import type { WebModule } from '../../app/module.ts';
import { t } from '../../i18n/index.ts';
import { PathwaysPage } from './PathwaysPage.tsx';

export { AddToPathway } from './AddToPathway.tsx';

export const pathwaysModule: WebModule = {
  name: 'pathways',
  routes: [{ path: '/pathways', access: 'signed-in', render: () => <PathwaysPage /> }],
  nav: [{ to: '/pathways', label: () => t('nav.pathways') }],
};
