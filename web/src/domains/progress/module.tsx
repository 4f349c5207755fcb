// Measured change: the person's own progress per capability and focus behaviour, with a timeline.
import type { WebModule } from '../../app/module.ts';
import { t } from '../../i18n/index.ts';
import { ProgressPage } from './ProgressPage.tsx';

export const progressModule: WebModule = {
  name: 'progress',
  routes: [{ path: '/progress', access: 'signed-in', render: () => <ProgressPage /> }],
  nav: [{ to: '/progress', label: () => t('nav.progress'), group: 'grow' }],
};
