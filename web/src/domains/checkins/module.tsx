// Check-ins: the participant meets their manager or coach, with an agenda from their plan, shared
// notes and agreed actions. CheckInTasks is exported for the plan page.
import type { WebModule } from '../../app/module.ts';
import { t } from '../../i18n/index.ts';
import { CheckInPage } from './CheckInPage.tsx';
import { CheckInsPage } from './CheckInsPage.tsx';
import { ScheduleCheckInPage } from './ScheduleCheckInPage.tsx';

export { CheckInTasks } from './CheckInTasks.tsx';

export const checkinsModule: WebModule = {
  name: 'checkins',
  routes: [
    { path: '/check-ins', access: 'signed-in', render: () => <CheckInsPage /> },
    { path: '/check-ins/new', access: 'signed-in', render: () => <ScheduleCheckInPage /> },
    { path: '/check-ins/:id', access: 'signed-in', render: (p) => <CheckInPage id={p.id!} /> },
  ],
  nav: [{ to: '/check-ins', label: () => t('nav.checkins'), group: 'grow' }],
};
