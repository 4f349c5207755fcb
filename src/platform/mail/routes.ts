import { type AnyRoute, route } from '../http/route.ts';
import { mailApi } from './endpoints.ts';
import { listOutbox } from './mailer.ts';

export const mailRoutes: AnyRoute[] = [
  route(mailApi.outbox, {
    summary: 'Messages Lodestar has sent or holds in the outbox (no SMTP configured), newest first',
    tag: 'admin',
    access: ['admin'],
    tenant: true,
    async handler({ scope, query }) {
      const page = await listOutbox(scope.tx, query);
      return {
        total: page.total,
        items: page.items.map(({ calendarMethod, calendar, ...m }) => ({
          ...m,
          calendar: calendarMethod && calendar ? { method: calendarMethod, ics: calendar } : null,
          createdAt: new Date(m.createdAt).toISOString(),
          sentAt: m.sentAt ? new Date(m.sentAt).toISOString() : null,
        })),
      };
    },
  }),
];
