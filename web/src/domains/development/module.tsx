// Development plans: the person's own plan (start, experiments, practice log, sharing, history),
// plans others shared with me as their manager or coach, and coaching relationships.
import type { WebModule } from '../../app/module.ts';
import { t } from '../../i18n/index.ts';
import { CoachingPage } from './CoachingPage.tsx';
import { ExperimentFormPage } from './ExperimentFormPage.tsx';
import { HistoryPage, PastPlanPage } from './HistoryPage.tsx';
import { PlanPage } from './PlanPage.tsx';
import { SharedListPage, SharedPlanPage } from './SharedPages.tsx';
import { StartPlanPage } from './StartPlanPage.tsx';

export const developmentModule: WebModule = {
  name: 'development',
  // Fixed paths come before /plan/:id in meaning; React Router ranks static segments first anyway.
  routes: [
    { path: '/plan', access: 'signed-in', render: () => <PlanPage /> },
    { path: '/plan/new', access: 'signed-in', render: () => <StartPlanPage /> },
    { path: '/plan/experiments/new', access: 'signed-in', render: () => <ExperimentFormPage /> },
    { path: '/plan/history', access: 'signed-in', render: () => <HistoryPage /> },
    { path: '/plan/shared', access: 'signed-in', render: () => <SharedListPage /> },
    { path: '/plan/shared/:id', access: 'signed-in', render: (p) => <SharedPlanPage id={p.id!} /> },
    { path: '/plan/coaching', access: 'signed-in', render: () => <CoachingPage /> },
    { path: '/plan/:id', access: 'signed-in', render: (p) => <PastPlanPage id={p.id!} /> },
  ],
  // "Shared with me" is always listed, with an empty state: whether anything is shared would need
  // a request on every page just to decide about one link.
  nav: [
    { to: '/plan', label: () => t('plan.nav.mine'), group: 'grow' },
    { to: '/plan/shared', label: () => t('plan.nav.shared'), group: 'grow' },
  ],
};
