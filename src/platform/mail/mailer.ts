// Outgoing email: recorded in the organisation's `emails` table in the caller's transaction, then
// delivered by a job — over SMTP when configured, else kept as the outbox admins can read.
import { and, count, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import { z } from 'zod';
import type { Database, Tx } from '../db/database.ts';
import { defineJob } from '../jobs/define-job.ts';
import type { JobQueue } from '../jobs/queue.ts';
import { emails } from './schema.ts';

export type CalendarMethod = 'REQUEST' | 'CANCEL';

/** An iCalendar object (RFC 5545) sent as the message's text/calendar part (RFC 6047 iMIP). */
export interface CalendarAttachment {
  method: CalendarMethod;
  ics: string;
}

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Extra headers, e.g. List-Unsubscribe (RFC 8058). Only names in ALLOWED_HEADERS. */
  headers?: Readonly<Record<string, string>>;
  calendar?: CalendarAttachment;
}

// Headers a domain may add. A short list rather than any name: From, To, Bcc and friends stay
// the mailer's, so no caller can redirect or copy a message through this field.
const ALLOWED_HEADERS = new Set(['List-Unsubscribe', 'List-Unsubscribe-Post', 'List-Id', 'Auto-Submitted']);

export type EmailStatus = (typeof emails.$inferSelect)['status'];

export interface OutboxItem {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  headers: Record<string, string>;
  calendarMethod: CalendarMethod | null;
  calendar: string | null;
  status: EmailStatus;
  createdAt: Date;
  sentAt: Date | null;
  error: string | null;
}

/** The part of a nodemailer Transporter the mailer uses. */
export interface MailTransport {
  sendMail(message: SendMailOptions): Promise<unknown>;
}

const deliverPayload = z.object({ organisationId: z.uuid(), emailId: z.uuid() });
type DeliverPayload = z.output<typeof deliverPayload>;

// Retries back off exponentially (2 s, 4 s, … 512 s), so ten attempts ride out about
// seventeen minutes of SMTP trouble before the email is marked failed.
const DELIVERY_ATTEMPTS = 10;

/**
 * Records an email and enqueues its delivery in the caller's transaction: both exist only if
 * that transaction commits. Returns the email id.
 */
export async function queueEmail(
  tx: Tx,
  jobs: JobQueue,
  organisationId: string,
  email: OutgoingEmail,
): Promise<string> {
  const [row] = await tx.insert(emails).values(rowOf(organisationId, email)).returning({ id: emails.id });
  await jobs.enqueue(tx, deliverEmailJob, { organisationId, emailId: row!.id });
  return row!.id;
}

/** At most this many emails share one delivery job (queueEmails). */
export const EMAILS_PER_DELIVERY = 200;

/**
 * Records several emails of one organisation and queues ONE delivery job per EMAILS_PER_DELIVERY of
 * them, in the caller's transaction: for bulk mail (a digest run of thousands), where a job and
 * three commits per email were most of the cost. Each email is still delivered at most once (only
 * a queued one is), and an email SMTP refuses is handed to its own `email.deliver` job, with the
 * usual retries and failure, so one bad address holds the others back for nothing. Returns the ids
 * in the order given.
 */
export async function queueEmails(
  tx: Tx,
  jobs: JobQueue,
  organisationId: string,
  list: readonly OutgoingEmail[],
): Promise<string[]> {
  if (list.length === 0) return [];
  // Every email is checked before any is written.
  const values = list.map((email) => rowOf(organisationId, email));
  const ids: string[] = [];
  for (let i = 0; i < values.length; i += EMAILS_PER_DELIVERY) {
    const rows = await tx
      .insert(emails)
      .values(values.slice(i, i + EMAILS_PER_DELIVERY))
      .returning({ id: emails.id });
    const emailIds = rows.map((r) => r.id);
    await jobs.enqueue(tx, deliverEmailsJob, { organisationId, emailIds });
    ids.push(...emailIds);
  }
  return ids;
}

/** The row of an email, after the checks that keep a caller from adding or redirecting headers. */
function rowOf(organisationId: string, email: OutgoingEmail) {
  // Line breaks in these fields would let a caller-supplied value add headers.
  if (/[\r\n]/.test(email.to) || /[\r\n]/.test(email.subject)) {
    throw new Error('email recipient and subject must be single lines');
  }
  for (const [name, value] of Object.entries(email.headers ?? {})) {
    if (!ALLOWED_HEADERS.has(name)) throw new Error(`email header ${name} is not one a domain may set`);
    if (/[\r\n]/.test(value)) throw new Error(`email header ${name} must be a single line`);
  }
  if (email.calendar && !/^BEGIN:VCALENDAR\r?\n/.test(email.calendar.ics)) {
    throw new Error('email calendar must be an iCalendar object (BEGIN:VCALENDAR)');
  }
  return {
    organisationId,
    to: email.to,
    subject: email.subject,
    text: email.text,
    html: email.html ?? null,
    headers: { ...email.headers },
    calendarMethod: email.calendar?.method ?? null,
    calendar: email.calendar?.ics ?? null,
    // now() is the same for a whole transaction; the wall clock keeps "newest first" exact for
    // several emails written together (an invitation round), row by row.
    createdAt: sql`clock_timestamp()`,
  };
}

// One nodemailer transport per SMTP URL, made when the first email goes out: the URL is read from
// the live configuration each time, never captured at start-up.
const transports = new Map<string, MailTransport>();

function transportFor(smtpUrl: string): MailTransport {
  let transport = transports.get(smtpUrl);
  if (!transport) {
    transport = nodemailer.createTransport(smtpUrl);
    transports.set(smtpUrl, transport);
  }
  return transport;
}

type EmailRow = typeof emails.$inferSelect;

function send(transporter: MailTransport, from: string, email: EmailRow): Promise<unknown> {
  return transporter.sendMail({
    from,
    to: email.to,
    subject: email.subject,
    text: email.text,
    ...(email.html === null ? {} : { html: email.html }),
    headers: email.headers,
    // nodemailer adds the text/calendar alternative with this METHOD, and an .ics attachment.
    ...(email.calendar === null || email.calendarMethod === null
      ? {}
      : { icalEvent: { method: email.calendarMethod, filename: 'invite.ics', content: email.calendar } }),
  });
}

function setStatus(db: Database, p: DeliverPayload, values: PgUpdateSetSource<typeof emails>) {
  return db.inOrganisation(p.organisationId, (tx) =>
    tx
      .update(emails)
      .set(values)
      .where(and(eq(emails.id, p.emailId), eq(emails.status, 'queued'))),
  );
}

/**
 * Delivers one recorded email: over SMTP when `SMTP_URL` is set, else it stays in the outbox. Only a queued email is delivered, so a job that runs
 * twice does not send twice.
 */
export const deliverEmailJob = defineJob({
  name: 'email.deliver',
  payload: deliverPayload,
  maxAttempts: DELIVERY_ATTEMPTS,
  async handler(p, { services }) {
    const { db, config } = services;
    const mailLog = services.log.child({ component: 'mail' });
    const [email] = await db.inOrganisation(p.organisationId, (tx) =>
      tx.select().from(emails).where(eq(emails.id, p.emailId)),
    );
    if (!email) {
      mailLog.warn({ emailId: p.emailId }, 'email to deliver no longer exists (organisation deleted?)');
      return;
    }
    if (email.status !== 'queued') return;
    const transporter = config.smtpUrl ? transportFor(config.smtpUrl) : undefined;
    if (!transporter) {
      await setStatus(db, p, { status: 'outbox', error: null });
      // The body is not logged: it may hold a sign-in link.
      mailLog.info(
        { emailId: email.id, to: email.to, subject: email.subject },
        'no SMTP configured: email kept in the outbox',
      );
      return;
    }
    // Sent outside any transaction: a slow SMTP server must not hold a connection (or, on
    // PGlite, the whole database).
    try {
      await send(transporter, config.mailFrom, email);
    } catch (err) {
      await setStatus(db, p, { error: err instanceof Error ? err.message : String(err) });
      throw err;
    }
    // Should this update fail, the job is retried and the email sent again: at least once.
    await setStatus(db, p, { status: 'sent', sentAt: sql`now()`, error: null });
    mailLog.info({ emailId: email.id, to: email.to }, 'email sent');
  },
  async onFailed(p, error, { services }) {
    await setStatus(services.db, p, { status: 'failed', error });
  },
});

const deliverBatchPayload = z.object({
  organisationId: z.uuid(),
  emailIds: z.array(z.uuid()).min(1).max(EMAILS_PER_DELIVERY),
});

/**
 * Delivers the emails of a queueEmails call that are still queued: without SMTP, one statement keeps
 * them all in the outbox; with SMTP, each is sent in turn, and one that fails is handed to its own
 * `email.deliver` job (its retries and its failure) while the others go on.
 */
export const deliverEmailsJob = defineJob({
  name: 'email.deliver-batch',
  payload: deliverBatchPayload,
  maxAttempts: DELIVERY_ATTEMPTS,
  async handler(p, { services }) {
    const { db, config } = services;
    const mailLog = services.log.child({ component: 'mail' });
    const queued = and(
      eq(emails.organisationId, p.organisationId),
      inArray(emails.id, p.emailIds),
      eq(emails.status, 'queued'),
    );
    const transporter = config.smtpUrl ? transportFor(config.smtpUrl) : undefined;
    if (!transporter) {
      const kept = await db.inOrganisation(p.organisationId, (tx) =>
        tx.update(emails).set({ status: 'outbox', error: null }).where(queued).returning({ id: emails.id }),
      );
      mailLog.info({ count: kept.length }, 'no SMTP configured: emails kept in the outbox');
      return;
    }
    const list = await db.inOrganisation(p.organisationId, (tx) => tx.select().from(emails).where(queued));
    for (const email of list) {
      const one = { organisationId: p.organisationId, emailId: email.id };
      try {
        await send(transporter, config.mailFrom, email);
      } catch (err) {
        await db.inOrganisation(p.organisationId, async (tx) => {
          await tx
            .update(emails)
            .set({ error: err instanceof Error ? err.message : String(err) })
            .where(and(eq(emails.id, email.id), eq(emails.status, 'queued')));
          await services.jobs.enqueue(tx, deliverEmailJob, one, { delayMs: 2000 });
        });
        mailLog.warn({ emailId: email.id }, 'email refused: retried on its own');
        continue;
      }
      await setStatus(db, one, { status: 'sent', sentAt: sql`now()`, error: null });
      mailLog.info({ emailId: email.id, to: email.to }, 'email sent');
    }
  },
  async onFailed(p, error, { services }) {
    await services.db.inOrganisation(p.organisationId, (tx) =>
      tx
        .update(emails)
        .set({ status: 'failed', error })
        .where(and(inArray(emails.id, p.emailIds), eq(emails.status, 'queued'))),
    );
  },
});

/**
 * The organisation's emails, newest first, for the admin outbox page. Use a tenant transaction:
 * row-level security is what limits it to one organisation.
 */
export async function listOutbox(
  tx: Tx,
  options: { limit: number; offset: number; status?: EmailStatus },
): Promise<{ items: OutboxItem[]; total: number }> {
  if (
    !Number.isInteger(options.limit) ||
    options.limit < 0 ||
    !Number.isInteger(options.offset) ||
    options.offset < 0
  ) {
    throw new Error('limit and offset must be non-negative integers');
  }
  const where: SQL | undefined = options.status ? eq(emails.status, options.status) : undefined;
  const items = await tx
    .select({
      id: emails.id,
      to: emails.to,
      subject: emails.subject,
      text: emails.text,
      html: emails.html,
      headers: emails.headers,
      calendarMethod: emails.calendarMethod,
      calendar: emails.calendar,
      status: emails.status,
      createdAt: emails.createdAt,
      sentAt: emails.sentAt,
      error: emails.error,
    })
    .from(emails)
    .where(where)
    .orderBy(desc(emails.createdAt), desc(emails.id))
    .limit(options.limit)
    .offset(options.offset);
  const [totals] = await tx.select({ total: count() }).from(emails).where(where);
  return { items, total: totals?.total ?? 0 };
}
