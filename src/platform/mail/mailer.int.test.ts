import { createServer, type Server, type Socket } from 'node:net';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openTestDatabase, type TestDatabase, testDatabaseKinds } from '../../../test/support/databases.ts';
import { loadConfig } from '../../config.ts';
import { col, queryRows } from '../db/rows.ts';
import { JobQueue } from '../jobs/queue.ts';
import type { Services } from '../services.ts';
import { organisations } from '../tenancy/schema.ts';
import {
  deliverEmailJob,
  deliverEmailsJob,
  EMAILS_PER_DELIVERY,
  listOutbox,
  queueEmail,
  queueEmails,
} from './mailer.ts';
import { emails } from './schema.ts';

const log = pino({ level: 'silent' });
const orgA = '00000000-0000-4000-8000-0000000000b1';
const orgB = '00000000-0000-4000-8000-0000000000b2';
const mailFrom = 'Lodestar <no-reply@lodestar.test>';

interface CapturedMessage {
  from: string;
  to: string[];
  data: string;
}

interface SmtpServer {
  url: string;
  messages: CapturedMessage[];
  /** When set, every RCPT TO is refused with this reply. */
  rejectRecipients: string | undefined;
  /** RCPT TO this one address is refused (550). */
  rejectAddress: string | undefined;
  close(): Promise<void>;
}

/** Just enough of an SMTP server (RFC 5321, no TLS, no auth) to receive what nodemailer sends. */
async function startSmtpServer(): Promise<SmtpServer> {
  const sockets = new Set<Socket>();
  const state: SmtpServer = {
    url: '',
    messages: [],
    rejectRecipients: undefined,
    rejectAddress: undefined,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    socket.setEncoding('utf8');
    const reply = (line: string) => socket.write(`${line}\r\n`);
    let buffer = '';
    let inData = false;
    let from = '';
    let to: string[] = [];
    let data: string[] = [];
    reply('220 smtp.test ESMTP ready');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      for (let end = buffer.indexOf('\r\n'); end >= 0; end = buffer.indexOf('\r\n')) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            state.messages.push({ from, to, data: data.join('\r\n') });
            reply('250 2.0.0 message accepted');
          } else {
            data.push(line.startsWith('.') ? line.slice(1) : line);
          }
          continue;
        }
        const address = /<([^>]*)>/.exec(line)?.[1] ?? '';
        const verb = line.split(' ')[0]!.toUpperCase();
        if (verb === 'EHLO') {
          reply('250-smtp.test');
          reply('250 8BITMIME');
        } else if (verb === 'HELO' || verb === 'NOOP') {
          reply('250 ok');
        } else if (verb === 'RSET') {
          from = '';
          to = [];
          reply('250 ok');
        } else if (verb === 'MAIL') {
          from = address;
          to = [];
          reply('250 2.1.0 ok');
        } else if (verb === 'RCPT') {
          if (state.rejectRecipients) {
            reply(state.rejectRecipients);
          } else if (address === state.rejectAddress) {
            reply('550 5.1.1 no such mailbox');
          } else {
            to.push(address);
            reply('250 2.1.5 ok');
          }
        } else if (verb === 'DATA') {
          inData = true;
          data = [];
          reply('354 end data with <CR><LF>.<CR><LF>');
        } else if (verb === 'QUIT') {
          reply('221 2.0.0 bye');
          socket.end();
        } else {
          reply('502 5.5.2 command not implemented');
        }
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('SMTP test server has no port');
  // ignoreTLS: the server offers no STARTTLS; said explicitly so a future default cannot change it.
  state.url = `smtp://127.0.0.1:${address.port}?ignoreTLS=true`;
  return state;
}

/** Decodes the headers of a captured message (unfolded), by lower-case name. */
function headers(message: CapturedMessage): Map<string, string> {
  const head = message.data.split('\r\n\r\n')[0]!.replace(/\r\n[ \t]+/g, ' ');
  return new Map(
    head.split('\r\n').map((line) => {
      const colon = line.indexOf(':');
      return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()];
    }),
  );
}

describe.each(testDatabaseKinds())('mailer on %s', (kind) => {
  let t: TestDatabase;
  let smtp: SmtpServer;

  beforeAll(async () => {
    t = await openTestDatabase(kind);
    await t.db.asSystem((tx) =>
      tx.insert(organisations).values([
        { id: orgA, slug: 'mail-a', name: 'Mail A' },
        { id: orgB, slug: 'mail-b', name: 'Mail B' },
      ]),
    );
    smtp = await startSmtpServer();
  });
  afterAll(async () => {
    await smtp.close();
    await t.drop();
  });
  beforeEach(async () => {
    smtp.messages.length = 0;
    smtp.rejectRecipients = undefined;
    smtp.rejectAddress = undefined;
    await t.db.asSystem(async (tx) => {
      await tx.execute(sql`DELETE FROM jobs`);
      await tx.execute(sql`DELETE FROM emails`);
    });
  });
  afterEach(() => {
    smtp.rejectRecipients = undefined;
  });

  const emailRows = () => t.db.asSystem((tx) => tx.select().from(emails));
  const jobCount = async () =>
    (
      await t.db.asSystem((tx) =>
        queryRows(tx, sql`SELECT count(*) AS n FROM jobs`, z.object({ n: col.count })),
      )
    )[0]!.n;

  function queueWith(smtpUrl: string | undefined): JobQueue<Services> {
    const config = { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), smtpUrl, mailFrom };
    const services: Services = {
      config,
      db: t.db,
      log,
      jobs: new JobQueue<Services>(t.db, log, { services: () => services }),
      clock: () => new Date(),
    };
    services.jobs.define(deliverEmailJob);
    services.jobs.define(deliverEmailsJob);
    return services.jobs;
  }

  it('delivers over SMTP and marks the email sent', async () => {
    const jobs = queueWith(smtp.url);
    const id = await t.db.inOrganisation(orgA, (tx) =>
      queueEmail(tx, jobs, orgA, {
        to: 'ana@example.org',
        subject: 'Your 360 feedback round is open',
        text: 'Follow https://lodestar.test/r/abc to answer.',
        html: '<p>Follow <a href="https://lodestar.test/r/abc">this link</a> to answer.</p>',
      }),
    );
    const [queued] = await emailRows();
    expect(queued).toMatchObject({ id, organisationId: orgA, status: 'queued', sentAt: null });

    expect(await jobs.runDue()).toBe(1);
    expect(smtp.messages).toHaveLength(1);
    const message = smtp.messages[0]!;
    expect(message.from).toBe('no-reply@lodestar.test');
    expect(message.to).toEqual(['ana@example.org']);
    const h = headers(message);
    expect(h.get('subject')).toBe('Your 360 feedback round is open');
    expect(h.get('to')).toBe('ana@example.org');
    expect(h.get('from')).toBe(mailFrom);
    expect(message.data).toContain('https://lodestar.test/r/abc');
    expect(message.data).toContain('text/html');

    const [sent] = await emailRows();
    expect(sent!.status).toBe('sent');
    expect(sent!.sentAt).toBeInstanceOf(Date);
    expect(sent!.error).toBeNull();
  });

  it('does not send an email twice when its delivery job runs again', async () => {
    const jobs = queueWith(smtp.url);
    const emailId = await t.db.inOrganisation(orgA, (tx) =>
      queueEmail(tx, jobs, orgA, { to: 'ana@example.org', subject: 'Once', text: 'only once' }),
    );
    await jobs.runDue();
    await t.db.asSystem((tx) => jobs.enqueue(tx, deliverEmailJob, { organisationId: orgA, emailId }));
    expect(await jobs.runDue()).toBe(1);
    expect(smtp.messages).toHaveLength(1);
  });

  it('without SMTP keeps the email in the outbox', async () => {
    const jobs = queueWith(undefined);
    await t.db.inOrganisation(orgA, (tx) =>
      queueEmail(tx, jobs, orgA, {
        to: 'ben@example.org',
        subject: 'Sign in',
        text: 'https://lodestar.test/s/xyz',
      }),
    );
    expect(await jobs.runDue()).toBe(1);
    const [email] = await emailRows();
    expect(email).toMatchObject({ status: 'outbox', sentAt: null, error: null });
    expect(smtp.messages).toHaveLength(0);
    const outbox = await t.db.inOrganisation(orgA, (tx) => listOutbox(tx, { limit: 10, offset: 0 }));
    expect(outbox.total).toBe(1);
    expect(outbox.items[0]).toMatchObject({
      to: 'ben@example.org',
      subject: 'Sign in',
      text: 'https://lodestar.test/s/xyz',
    });
  });

  it('a rolled-back transaction leaves neither email nor job', async () => {
    const jobs = queueWith(smtp.url);
    await expect(
      t.db.inOrganisation(orgA, async (tx) => {
        await queueEmail(tx, jobs, orgA, { to: 'ana@example.org', subject: 'Invitation', text: 'hi' });
        throw new Error('inviting failed after the email was written');
      }),
    ).rejects.toThrow('inviting failed');
    expect(await emailRows()).toEqual([]);
    expect(await jobCount()).toBe(0);
    expect(await jobs.runDue()).toBe(0);
    expect(smtp.messages).toHaveLength(0);
  });

  it('retries a refused delivery and ends failed with the SMTP error', async () => {
    smtp.rejectRecipients = '550 5.1.1 mailbox unavailable';
    const jobs = queueWith(smtp.url);
    await t.db.inOrganisation(orgA, (tx) =>
      queueEmail(tx, jobs, orgA, { to: 'gone@example.org', subject: 'Hello', text: 'hi' }),
    );
    expect(await jobs.runDue()).toBe(1);
    let [email] = await emailRows();
    // still queued while retries remain, with the reason visible
    expect(email!.status).toBe('queued');
    expect(email!.error).toMatch(/mailbox unavailable/);

    let runs = 1;
    while (runs < 20) {
      await t.db.asSystem((tx) => tx.execute(sql`UPDATE jobs SET run_at = now() WHERE state = 'queued'`));
      const ran = await jobs.runDue();
      if (ran === 0) break;
      runs += ran;
    }
    expect(runs).toBe(10);
    [email] = await emailRows();
    expect(email!.status).toBe('failed');
    expect(email!.error).toMatch(/mailbox unavailable/);
    expect(email!.sentAt).toBeNull();
  });

  it('lists an organisation’s emails newest first, paged, and only its own', async () => {
    const jobs = queueWith(undefined);
    await t.db.inOrganisation(orgA, async (tx) => {
      for (let n = 1; n <= 5; n++)
        await queueEmail(tx, jobs, orgA, { to: `p${n}@a.test`, subject: `A${n}`, text: '' });
    });
    await t.db.inOrganisation(orgB, (tx) =>
      queueEmail(tx, jobs, orgB, { to: 'p@b.test', subject: 'B1', text: '' }),
    );
    await jobs.runDue();

    const page1 = await t.db.inOrganisation(orgA, (tx) => listOutbox(tx, { limit: 2, offset: 0 }));
    const page3 = await t.db.inOrganisation(orgA, (tx) => listOutbox(tx, { limit: 2, offset: 4 }));
    expect(page1.total).toBe(5);
    expect(page1.items.map((e) => e.subject)).toEqual(['A5', 'A4']);
    expect(page3.items.map((e) => e.subject)).toEqual(['A1']);
    expect(page1.items[0]).toMatchObject({ status: 'outbox', html: null, sentAt: null, error: null });
    expect(page1.items[0]!.createdAt).toBeInstanceOf(Date);

    const b = await t.db.inOrganisation(orgB, (tx) => listOutbox(tx, { limit: 50, offset: 0 }));
    expect(b.items.map((e) => e.subject)).toEqual(['B1']);
    const none = await t.db.inOrganisation(orgA, (tx) =>
      listOutbox(tx, { limit: 50, offset: 0, status: 'sent' }),
    );
    expect(none).toEqual({ items: [], total: 0 });
  });

  it('refuses header injection through the recipient or subject', async () => {
    const jobs = queueWith(undefined);
    await expect(
      t.db.inOrganisation(orgA, (tx) =>
        queueEmail(tx, jobs, orgA, { to: 'a@example.org', subject: 'Hi\r\nBcc: all@example.org', text: '' }),
      ),
    ).rejects.toThrow(/single lines/);
  });

  it('sends the allowed extra headers and a calendar invitation as text/calendar with its METHOD', async () => {
    const jobs = queueWith(smtp.url);
    const ics = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n';
    await t.db.inOrganisation(orgA, (tx) =>
      queueEmail(tx, jobs, orgA, {
        to: 'ana@example.org',
        subject: 'Check-in',
        text: 'See you then.',
        headers: {
          'List-Unsubscribe': '<https://lodestar.test/u/x>',
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        },
        calendar: { method: 'REQUEST', ics },
      }),
    );
    const [row] = await emailRows();
    expect(row).toMatchObject({ calendarMethod: 'REQUEST', calendar: ics });
    expect(await jobs.runDue()).toBe(1);
    const h = headers(smtp.messages[0]!);
    expect(h.get('list-unsubscribe')).toBe('<https://lodestar.test/u/x>');
    expect(h.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(smtp.messages[0]!.data).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);
  });

  it('refuses headers a domain may not set, and a calendar that is not iCalendar', async () => {
    const jobs = queueWith(undefined);
    const send = (extra: object) =>
      t.db.inOrganisation(orgA, (tx) =>
        queueEmail(tx, jobs, orgA, { to: 'a@example.org', subject: 'Hi', text: '', ...extra }),
      );
    await expect(send({ headers: { Bcc: 'all@example.org' } })).rejects.toThrow(/not one a domain may set/);
    await expect(send({ headers: { 'List-Id': 'a\r\nBcc: b' } })).rejects.toThrow(/single line/);
    await expect(send({ calendar: { method: 'REQUEST', ics: 'hello' } })).rejects.toThrow(/iCalendar/);
    expect(await emailRows()).toHaveLength(0);
  });

  it('queues many emails with one delivery job per batch, kept in the outbox in one go', async () => {
    const jobs = queueWith(undefined);
    const list = Array.from({ length: EMAILS_PER_DELIVERY + 3 }, (_, n) => ({
      to: `p${n}@a.test`,
      subject: `Digest ${n}`,
      text: 'hello',
      headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    }));
    const ids = await t.db.inOrganisation(orgA, (tx) => queueEmails(tx, jobs, orgA, list));
    expect(ids).toHaveLength(list.length);
    expect(await jobCount()).toBe(2);
    expect(await jobs.runDue()).toBe(2);
    const rows = await emailRows();
    expect(rows.every((r) => r.status === 'outbox')).toBe(true);
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(ids.map((id) => byId.get(id)!.to)).toEqual(list.map((e) => e.to));
    expect(byId.get(ids[0]!)!.headers).toEqual({ 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });
  });

  it('sends a batch over SMTP, hands a refused email to its own retries, and sends none twice', async () => {
    smtp.rejectAddress = 'gone@example.org';
    const jobs = queueWith(smtp.url);
    await t.db.inOrganisation(orgA, (tx) =>
      queueEmails(tx, jobs, orgA, [
        { to: 'ana@example.org', subject: 'One', text: '1' },
        { to: 'gone@example.org', subject: 'Two', text: '2' },
        { to: 'ben@example.org', subject: 'Three', text: '3' },
      ]),
    );
    expect(await jobs.runDue()).toBe(1);
    expect(smtp.messages.map((m) => m.to[0]).sort()).toEqual(['ana@example.org', 'ben@example.org']);
    const rows = new Map((await emailRows()).map((r) => [r.to, r]));
    expect(rows.get('ana@example.org')!.status).toBe('sent');
    expect(rows.get('gone@example.org')).toMatchObject({
      status: 'queued',
      error: expect.stringMatching(/no such mailbox/),
    });
    // The refused one has its own job; the address works again, and only it is sent.
    smtp.rejectAddress = undefined;
    await t.db.asSystem((tx) => tx.execute(sql`UPDATE jobs SET run_at = now() WHERE state = 'queued'`));
    expect(await jobs.runDue()).toBe(1);
    expect(smtp.messages.map((m) => m.to[0]).sort()).toEqual([
      'ana@example.org',
      'ben@example.org',
      'gone@example.org',
    ]);
    expect((await emailRows()).every((r) => r.status === 'sent')).toBe(true);
  });

  it('queueEmails checks every email before writing any', async () => {
    const jobs = queueWith(undefined);
    await expect(
      t.db.inOrganisation(orgA, (tx) =>
        queueEmails(tx, jobs, orgA, [
          { to: 'a@example.org', subject: 'Fine', text: '' },
          { to: 'b@example.org', subject: 'Hi', text: '', headers: { Bcc: 'all@example.org' } },
        ]),
      ),
    ).rejects.toThrow(/not one a domain may set/);
    expect(await emailRows()).toHaveLength(0);
    expect(await jobCount()).toBe(0);
  });
});
