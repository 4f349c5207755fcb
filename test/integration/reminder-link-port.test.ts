// Regression: a server started with PORT=0 (tests, benchmarks) listens on a port chosen at start-up,
// after the jobs were defined. Reminder emails are written by a job handler, and before the module
// registry they carried `:0` (the handlers captured the configuration at registration). Handlers
// now read the live services when they run (docs/decisions/0010, 0011): this proves it end to end.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq, like } from 'drizzle-orm';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import type { CampaignDetail } from '../../src/domains/feedback/contracts.ts';
import { emails } from '../../src/platform/mail/schema.ts';
import { createLodestarApp, type RunningServer, startServer } from '../../src/server.ts';
import type { Harness } from '../support/harness.ts';
import { feedbackOrg, json, makeRemindersDue } from './feedback-support.ts';

const NOMINEES = [
  { group: 'manager', name: 'M', email: 'manager@port.test' },
  ...[1, 2, 3].map((n) => ({ group: 'peers', name: `Peer ${n}`, email: `peer${n}@port.test` })),
  ...[1, 2, 3].map((n) => ({ group: 'direct_reports', name: `DR ${n}`, email: `dr${n}@port.test` })),
];

describe('a server started with PORT=0', () => {
  let dataDir: string;
  let server: RunningServer;
  let h: Harness;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'lodestar-port0-'));
    server = await startServer(
      loadConfig({
        NODE_ENV: 'test',
        PORT: '0',
        HOST: '127.0.0.1',
        LODESTAR_DATA_DIR: dataDir,
        LODESTAR_SEED_DEMO: 'never',
        LOG_LEVEL: 'silent',
      }),
      { web: false },
    );
    // The same services the server runs on, driven without sockets like the other tests.
    h = {
      app: createLodestarApp(server.services) as unknown as Hono,
      services: server.services,
      database: { db: server.services.db, drop: async () => {} },
      close: () => server.close(),
    };
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('mails reminders whose links carry the port it listens on', async () => {
    const port = new URL(server.url).port;
    expect(port).not.toBe('0');
    expect(Number(port)).toBeGreaterThan(0);
    expect(server.services.config.publicUrl).toBe(server.url);

    const o = await feedbackOrg(h, 'port');
    const c = await json<CampaignDetail>(await o.subject.post('/api/feedback/campaigns', {}), 201);
    await json(
      await o.subject.put(`/api/feedback/campaigns/${c.id}/nominations`, { nominations: NOMINEES }),
      200,
    );
    await json(await o.subject.post(`/api/feedback/campaigns/${c.id}/submit-nominations`), 200);
    await json(await o.manager.post(`/api/feedback/campaigns/${c.id}/approve`, {}), 200);

    // The first reminder is due in days; make it due now. The server's own job loop may run it
    // before runDue does: either way a job handler writes the email.
    await makeRemindersDue(h);
    const reminders = () =>
      h.services.db.inOrganisation(o.organisationId, (tx) =>
        tx
          .select({ text: emails.text })
          .from(emails)
          .where(and(eq(emails.to, 'peer1@port.test'), like(emails.subject, 'Reminder:%'))),
      );
    const deadline = Date.now() + 20_000;
    let sent = await reminders();
    while (sent.length === 0 && Date.now() < deadline) {
      await h.services.jobs.runDue();
      sent = await reminders();
      if (sent.length === 0) await new Promise((r) => setTimeout(r, 50));
    }
    expect(sent).toHaveLength(1);
    const link = /(http:\/\/\S+)\/rate\/\S+/.exec(sent[0]!.text);
    expect(link?.[1]).toBe(`http://127.0.0.1:${port}`);
    expect(sent[0]!.text).not.toContain(':0/');
  });
});
