// English messages of the outbox. Keys are flat and namespaced by page so translators see the
// context; `{name}` marks an interpolated value; keys ending in `.one` / `.other` are plural
// forms (see `tn` in web/src/i18n/index.ts, which composes every domain's catalogue).
export const mailEn = {
  'outbox.title': 'Outbox',
  'outbox.intro':
    'Email that Lodestar has sent or stored. Without an SMTP server, messages stay here, so you can follow invitation and reset links yourself.',
  'outbox.empty': 'No messages yet.',
  'outbox.to': 'To',
  'outbox.sent': 'Sent',
  'outbox.error': 'Error',
  'outbox.status.queued': 'Queued',
  'outbox.status.sent': 'Sent',
  'outbox.status.outbox': 'In outbox',
  'outbox.status.failed': 'Failed',
  'outbox.noSubject': '(no subject)',
  'outbox.listLabel': 'Messages, newest first',
  'outbox.headers': 'Headers',
  'outbox.calendar.REQUEST': 'Calendar invitation',
  'outbox.calendar.CANCEL': 'Calendar cancellation',
  'outbox.calendarDownload': 'Download the .ics file',
} as const;
