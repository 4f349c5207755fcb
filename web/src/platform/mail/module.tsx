// The outbox: where emails wait when no SMTP server is configured (admins only).
import type { WebModule } from '../../app/module.ts';
import { t } from '../../i18n/index.ts';
import { OutboxPage } from './OutboxPage.tsx';

export const mailModule: WebModule = {
  name: 'mail',
  routes: [{ path: '/admin/outbox', access: 'admin', render: () => <OutboxPage /> }],
  nav: [{ to: '/admin/outbox', label: () => t('nav.outbox'), admin: true }],
};
