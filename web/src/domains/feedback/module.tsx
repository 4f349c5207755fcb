// 360° feedback: a participant's campaigns and reports, and the admins' settings and launches.
// The rater form is not here: it is its own entry (web/rate.html), outside the signed-in app.
import type { WebModule } from '../../app/module.ts';
import { t } from '../../i18n/index.ts';
import { AdminFeedbackPage } from './AdminFeedbackPage.tsx';
import { CampaignPage } from './CampaignPage.tsx';
import { MyFeedbackPage } from './MyFeedbackPage.tsx';
import { PulseReportPage } from './PulseReportPage.tsx';
import { PulseStartPage } from './PulseStartPage.tsx';
import { ReportPage } from './ReportPage.tsx';

export const feedbackModule: WebModule = {
  name: 'feedback',
  routes: [
    { path: '/feedback', access: 'signed-in', render: () => <MyFeedbackPage /> },
    { path: '/feedback/:id', access: 'signed-in', render: (p) => <CampaignPage id={p.id!} /> },
    { path: '/feedback/:id/report', access: 'signed-in', render: (p) => <ReportPage id={p.id!} /> },
    { path: '/feedback/:id/pulse/new', access: 'signed-in', render: (p) => <PulseStartPage id={p.id!} /> },
    {
      path: '/feedback/:id/pulse-report',
      access: 'signed-in',
      render: (p) => <PulseReportPage id={p.id!} />,
    },
    { path: '/admin/feedback', access: 'admin', render: () => <AdminFeedbackPage /> },
  ],
  nav: [
    { to: '/feedback', label: () => t('nav.feedback'), group: 'know' },
    { to: '/admin/feedback', label: () => t('nav.feedbackAdmin'), admin: true },
  ],
};
