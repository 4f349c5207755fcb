// The email digest: the person's settings (in the account menu) and the unsubscribe page that a
// digest's link opens, which works signed out.
import type { WebModule } from '../../app/module.ts';
import { t } from '../../i18n/index.ts';
import { DigestSettingsPage } from './DigestSettingsPage.tsx';
import { UnsubscribePage } from './UnsubscribePage.tsx';

export const nudgesModule: WebModule = {
  name: 'nudges',
  routes: [
    { path: '/settings/nudges', access: 'signed-in', render: () => <DigestSettingsPage /> },
    { path: '/unsubscribe', access: 'public', render: () => <UnsubscribePage /> },
  ],
  account: [{ to: '/settings/nudges', label: () => t('nav.digestSettings') }],
};
