// Team climate: a leader's views of their team's climate (and, for admins, every view and the round
// settings). The respondent's form is on the rater page (web/src/rate/main.tsx), not here.
import type { WebModule } from '../../app/module.ts';
import { t } from '../../i18n/index.ts';
import { ClimatePage } from './ClimatePage.tsx';

export const climateModule: WebModule = {
  name: 'climate',
  routes: [{ path: '/climate', access: 'signed-in', render: () => <ClimatePage /> }],
  nav: [{ to: '/climate', label: () => t('nav.climate'), group: 'know' }],
};
