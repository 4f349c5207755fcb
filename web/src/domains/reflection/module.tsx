// The reflection journal: the person's private entries, and entries shared with them.
import type { WebModule } from '../../app/module.ts';
import { t } from '../../i18n/index.ts';
import { JournalPage } from './JournalPage.tsx';

export const reflectionModule: WebModule = {
  name: 'reflection',
  routes: [{ path: '/journal', access: 'signed-in', render: () => <JournalPage /> }],
  nav: [{ to: '/journal', label: () => t('nav.journal'), group: 'grow' }],
};
