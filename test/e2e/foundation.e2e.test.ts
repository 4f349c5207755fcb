// The foundation as a person uses it, in Debian's Chromium: sign in, import people with a bad
// row (shown, nothing written), fix it (imported), follow an invitation from the outbox, and an
// axe-core scan of each page.
import { count, eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_SLUG } from '../../src/demo/seed-demo.ts';
import { people } from '../../src/identity/people/schema.ts';
import { organisations } from '../../src/platform/tenancy/schema.ts';
import type { RunningServer } from '../../src/server.ts';
import {
  chromiumAvailable,
  expectAccessible,
  launchBrowser,
  screenshot,
  startDemoServer,
} from '../support/browser.ts';

const ADMIN = 'amara.okafor@northwind.example';

describe.runIf(chromiumAvailable())('foundation in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let orgId: string;

  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
    const [org] = await server.services.db.asSystem((tx) =>
      tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, DEMO_SLUG)),
    );
    orgId = org!.id;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const headcount = async () =>
    Number(
      (await server.services.db.inOrganisation(orgId, (tx) => tx.select({ n: count() }).from(people)))[0]!.n,
    );

  async function signIn(page: Page, email: string) {
    await page.goto(`${server.url}/people`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'People' }).waitFor();
  }

  it('signs in, lists the demo organisation, and the pages pass axe', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.url}/people`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await expectAccessible(page, 'sign-in');
    await screenshot(page, 'sign-in');
    await signIn(page, ADMIN);
    await expect.poll(() => page.getByRole('link', { name: 'Sam Taylor' }).count()).toBeGreaterThan(0);
    await expectAccessible(page, 'people');
    await screenshot(page, 'people');
    await page.getByRole('link', { name: 'Sam Taylor' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Sam Taylor' }).waitFor();
    await screenshot(page, 'person');
    await page.close();
  });

  it('shows a bad row and imports nothing, then imports the fixed file', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, ADMIN);
    await page.goto(`${server.url}/admin/import`);
    await page.getByRole('heading', { level: 1, name: 'Import people' }).waitFor();
    await expectAccessible(page, 'import');
    const before = await headcount();
    const rows = [
      'email,name,career_stage,team,manager_email',
      'nadia.e2e@northwind.example,Nadia Browser,team-lead,Research,amara.okafor@northwind.example',
      'omar.e2e@northwind.example,Omar Browser,wizard,Research,nadia.e2e@northwind.example',
      'pia.e2e@northwind.example,Pia Browser,individual-contributor,Research,nadia.e2e@northwind.example',
    ];
    const file = (csv: string) => ({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });

    await page.getByLabel('CSV file').setInputFiles(file(rows.join('\n')));
    await page.getByRole('button', { name: 'Check file' }).click();
    const errors = page.getByRole('table', { name: /problem in the file/ });
    await errors.waitFor();
    await expect.poll(() => errors.textContent()).toMatch(/3.*career_stage.*must be one of/s);
    expect(await page.getByRole('button', { name: 'Import', exact: true }).isDisabled()).toBe(true);
    await expectAccessible(page, 'import with errors');
    await screenshot(page, 'import-errors');
    expect(await headcount()).toBe(before);

    await page
      .getByLabel('CSV file')
      .setInputFiles(file(rows.join('\n').replace('wizard', 'individual-contributor')));
    await page.getByRole('button', { name: 'Check file' }).click();
    await page.getByText(/The file is valid: 3 rows/).waitFor();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('Import complete.').waitFor();
    await screenshot(page, 'import-done');
    expect(await headcount()).toBe(before + 3);

    // …and an admin can delete one again, after confirming.
    const [pia] = await server.services.db.inOrganisation(orgId, (tx) =>
      tx.select({ id: people.id }).from(people).where(eq(people.email, 'pia.e2e@northwind.example')),
    );
    await page.goto(`${server.url}/people/${pia!.id}`);
    await page.getByRole('button', { name: 'Delete person' }).click();
    await page.getByRole('dialog', { name: 'Delete Pia Browser?' }).waitFor();
    await expectAccessible(page, 'delete dialog');
    await screenshot(page, 'delete-dialog');
    await page.getByRole('dialog').getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'People' }).waitFor();
    expect(await headcount()).toBe(before + 2);
    await page.close();
  });

  it('follows an invitation link from the outbox and joins', async () => {
    const admin = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(admin, ADMIN);
    const [nadia] = await server.services.db.inOrganisation(orgId, (tx) =>
      tx.select({ id: people.id }).from(people).where(eq(people.email, 'nadia.e2e@northwind.example')),
    );
    await admin.goto(`${server.url}/people/${nadia!.id}`);
    await admin.getByRole('button', { name: /invitation/i }).click();
    await admin.getByText(/Invitation sent/).waitFor();
    await server.services.jobs.runDue();
    await admin.goto(`${server.url}/admin/outbox`);
    await admin.getByRole('heading', { level: 1, name: 'Outbox' }).waitFor();
    await admin.getByRole('button', { name: 'You are invited to Lodestar' }).first().click();
    const link = admin.getByRole('link', { name: /\/invitation\// }).first();
    const href = (await link.getAttribute('href'))!;
    await expectAccessible(admin, 'outbox');
    await screenshot(admin, 'outbox');

    const guest = await browser.newPage({ viewport: { width: 360, height: 800 } });
    await guest.goto(new URL(href, server.url).toString());
    await guest.getByText(/nadia\.e2e@northwind\.example/).waitFor();
    await guest.getByLabel('Choose a password').fill('a long enough password');
    await guest.getByLabel('Repeat the password').fill('a long enough password');
    await guest.getByRole('button', { name: 'Join and sign in' }).click();
    // Joining lands on the home page, as signing in does.
    await guest.getByRole('heading', { level: 1, name: 'Hello, Nadia' }).waitFor();
    await screenshot(guest, 'joined-mobile');
    await guest.close();
    await admin.close();
  });
});
