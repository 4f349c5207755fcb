import { z } from 'zod';

export const outboxQuery = z.object({
  limit: z.coerce.number().int().min(1, 'must be at least 1').max(200, 'must be at most 200').default(50),
  offset: z.coerce.number().int().min(0, 'must be 0 or more').default(0),
  /** Only messages in this state (e.g. the failed ones); all when absent. */
  status: z
    .enum(['queued', 'sent', 'outbox', 'failed'], { error: 'must be one of: queued, sent, outbox, failed' })
    .optional(),
});

export const outboxMessage = z.object({
  id: z.uuid(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string().nullable(),
  headers: z.record(z.string(), z.string()),
  /** The iCalendar invitation sent with the message, if any. */
  calendar: z.object({ method: z.enum(['REQUEST', 'CANCEL']), ics: z.string() }).nullable(),
  status: z.enum(['queued', 'sent', 'outbox', 'failed']),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  error: z.string().nullable(),
});
export const outboxList = z.object({ items: z.array(outboxMessage), total: z.number().int() });
export type OutboxList = z.infer<typeof outboxList>;
