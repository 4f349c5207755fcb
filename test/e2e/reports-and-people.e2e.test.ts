// Issue 13, as people meet it in Chromium: the 360 report names each chart series by what it counts
// and speaks to whoever reads it (the subject, or the manager it is shared with); the nomination
// list checks a rater as it is typed and shows the server's refusal once, beside the row; nobody
// without direct reports is asked for 3–10 of them; an import says what it did; an admin adds one
// person without a CSV; and a person page lists assessments and 360s as status only.
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEmail } from '../../src/demo/seed-demo.ts';
import type { CampaignList } from '../../src/domains/feedback/contracts.ts';
import { people } from '../../src/identity/people/schema.ts';
import { emails } from '../../src/platform/mail/schema.ts';
import type { RunningServer } from '../../src/server.ts';
import {
  chromiumAvailable,
  demoOrganisationId,
  expectAccessible,
  launchBrowser,
  screenshot,
  signedInAs,
  startDemoServer,
} from '../support/browser.ts';

const SUBJECT = 'Sam Taylor';
const MANAGER = 'Arjun Patel';
const PEER = 'Lucía Romero';
const ADMIN = 'Amara Okafor';

describe.runIf(chromiumAvailable())('reports and people pages, worded for their reader', () => {
  let server: RunningServer;
  let browser: Browser;
  let orgId: string;
  let reportPath = '';

  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
    orgId = await demoOrganisationId(server);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const signedIn = (name: string, width = 1280) => signedInAs(browser, server, name, width);

  const personId = async (name: string) => {
    const [row] = await server.services.db.inOrganisation(orgId, (tx) =>
      tx.select({ id: people.id }).from(people).where(eq(people.name, name)),
    );
    return row!.id;
  };

  /** The page's own words: rater comments (quoted, theirs to word) left out. */
  const ownWords = (page: Page) =>
    page.locator('main').evaluate((main) => {
      const words: string[] = [];
      const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.parentElement?.closest('.comment-list')) words.push(node.textContent ?? '');
      }
      return words.join(' ');
    });

  it('names every chart series by what it counts, each with its own marker (#4)', async () => {
    for (const width of [1280, 360]) {
      const page = await signedIn(MANAGER, width);
      const list = (await (
        await page.request.get(`${server.url}/api/feedback/campaigns`)
      ).json()) as CampaignList;
      const shared = list.campaigns.find((c) => c.subject.name === SUBJECT && c.reportAvailable)!;
      reportPath = `/feedback/${shared.id}/report`;
      await page.goto(`${server.url}${reportPath}`);
      await page.getByRole('heading', { level: 1, name: `360° feedback report: ${SUBJECT}` }).waitFor();
      const legend = page.getByRole('list', { name: 'Legend' }).first();
      const labels = await legend.getByRole('listitem').allInnerTexts();
      expect(labels.length).toBeGreaterThan(2);
      expect(new Set(labels).size, labels.join(' | ')).toBe(labels.length);
      expect(labels).toContain('Others');
      expect(labels.some((l) => /^(All raters|Average of groups)/.test(l))).toBe(true);
      const markers = await legend
        .locator('svg.marker')
        .evaluateAll((svgs) =>
          svgs.map((s) => `${s.getAttribute('class')} ${s.querySelector('path')?.getAttribute('d')}`),
        );
      expect(new Set(markers).size).toBe(markers.length);
      // Every row's figures name each series once.
      const firstRow = await page
        .locator('.dot-chart-row .figures')
        .first()
        .locator('.figure-label')
        .allInnerTexts();
      expect(new Set(firstRow).size).toBe(firstRow.length);
      await expectAccessible(page, `report for the manager ${width} px`);
      await screenshot(page, `report-manager-${width}`);
      await page.context().close();
    }
  });

  it('speaks to the subject as "you" and to the manager about the subject by name (#7)', async () => {
    const manager = await signedIn(MANAGER);
    await manager.goto(`${server.url}${reportPath}`);
    await manager.getByRole('heading', { level: 1, name: `360° feedback report: ${SUBJECT}` }).waitFor();
    await manager.getByText(`The self ratings are ${SUBJECT}’s own, from their self-assessment of`).waitFor();
    await manager.getByRole('heading', { name: `Capabilities: ${SUBJECT} and others` }).waitFor();
    const words = await ownWords(manager);
    expect(words).not.toMatch(/\b(you|your|yourself)\b/i);
    await manager.context().close();

    const subject = await signedIn(SUBJECT);
    await subject.goto(`${server.url}${reportPath}`);
    await subject.getByText('Your own ratings come from your self-assessment of').waitFor();
    await subject.getByRole('heading', { name: 'Capabilities: you and others' }).waitFor();
    await expectAccessible(subject, 'report for the subject');
    await screenshot(subject, 'report-subject-1280');
    await subject.context().close();
  });

  it('checks a rater as it is typed and shows the server’s refusal once, beside the row (#8, #9)', async () => {
    let campaignUrl = '';
    for (const width of [1280, 360]) {
      const page = await signedIn(SUBJECT, width);
      if (campaignUrl) await page.goto(campaignUrl);
      else {
        await page.goto(`${server.url}/feedback`);
        await page.getByRole('button', { name: 'Request a 360' }).click();
      }
      await page.getByRole('heading', { level: 1, name: 'Your 360° feedback' }).waitFor();
      campaignUrl = page.url();

      // Sam has no direct reports: no "we suggest 3–10; you have 0", and a hint that fits.
      await page.getByText('Nobody reports to you in Lodestar').waitFor();
      expect(await page.getByText(/Direct reports: we suggest/).count()).toBe(0);

      const others = page.getByRole('region', { name: /^Others/ });
      await others.getByText('Someone not in the directory').click();
      const name = others.getByRole('textbox', { name: 'Name', exact: true });
      const email = others.getByRole('textbox', { name: 'Email', exact: true });
      await name.fill('x'.repeat(600));
      await others.getByText('Name must be at most 200 characters (this one has 600).').waitFor();
      expect(await name.getAttribute('aria-invalid')).toBe('true');
      await email.fill('not an address');
      await others.getByRole('button', { name: 'Add person to Others' }).click();
      await others.getByText('Email must be a valid email address.').waitFor();
      expect(await others.getByRole('listitem').count()).toBe(0);
      await screenshot(page, `nominate-field-errors-${width}`);

      // A rule only the server knows: the subject's own address. Refused beside the row, once, in words.
      await name.fill('Me again');
      await email.fill(demoEmail(SUBJECT));
      await others.getByRole('button', { name: 'Add person to Others' }).click();
      await expect.poll(() => others.getByRole('listitem').count()).toBe(1);
      await page.getByRole('button', { name: 'Save list' }).click();
      await page.getByText('The list was not saved: correct the marked raters and save again.').waitFor();
      const row = others.getByRole('listitem').filter({ hasText: 'Me again' });
      await row.getByText(/Email is the subject’s own address/).waitFor();
      const text = (await page.locator('main').textContent()) ?? '';
      expect(text.match(/own address/g)).toHaveLength(1);
      expect(text).not.toMatch(/Invalid body|nominations\.\d/);
      await expectAccessible(page, `nominations with errors ${width} px`);
      await screenshot(page, `nominate-row-error-${width}`);
      await row.getByRole('button', { name: 'Remove Me again' }).click();
      await page.context().close();
    }
  });

  it('says what an import did when rows are rejected (#9)', async () => {
    const page = await signedIn(ADMIN);
    await page.goto(`${server.url}/admin/import`);
    await page.getByRole('heading', { level: 1, name: 'Import people' }).waitFor();
    const file = (rows: string[]) => ({
      name: 'people.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(['email,name,career_stage', ...rows].join('\n')),
    });
    await page
      .getByLabel('CSV file')
      .setInputFiles(file(['a.e2e@northwind.example,A,wizard', 'b.e2e,B,manager']));
    await page.getByRole('button', { name: 'Check file' }).click();
    await page.getByText('None of the rows can be imported.').waitFor();
    expect(await page.getByLabel(/Import the valid rows/).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Import', exact: true }).isDisabled()).toBe(true);

    await page
      .getByLabel('CSV file')
      .setInputFiles(file(['c.e2e@northwind.example,Cleo Import,manager', 'd.e2e,D,manager']));
    await page.getByRole('button', { name: 'Check file' }).click();
    await page.getByLabel(/Import the valid rows/).check();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page
      .getByText(/^Imported in part\. New people: 1; updated: 0\. 1 row with problems was skipped/)
      .waitFor();
    expect(await page.getByText('Import complete.').count()).toBe(0);
    await expectAccessible(page, 'import in part');
    await screenshot(page, 'import-partial-1280');
    await page.context().close();
  });

  it('lets an admin add one person with an invitation, errors beside the fields (#11)', async () => {
    for (const width of [1280, 360]) {
      const page = await signedIn(ADMIN, width);
      await page.getByRole('button', { name: 'Add a person' }).click();
      const form = page.getByRole('form', { name: 'Add a person' });
      await form.getByRole('button', { name: 'Add person' }).click();
      await form.getByText('Name is required.').waitFor();
      expect(await form.getByLabel('Name', { exact: true }).getAttribute('aria-invalid')).toBe('true');
      await form.getByLabel('Name', { exact: true }).fill('Noor Added');
      await form.getByLabel('Email', { exact: true }).fill(demoEmail(PEER)); // taken: the server says so beside the field
      await form.getByRole('button', { name: 'Add person' }).click();
      await form.getByText('Email is already in use.').waitFor();
      await expectAccessible(page, `add person errors ${width} px`);
      await screenshot(page, `add-person-errors-${width}`);
      const address = `noor.${width}@northwind.example`;
      await form.getByLabel('Email', { exact: true }).fill(address);
      await form.getByLabel('Career stage').selectOption({ label: 'Team lead' });
      await form.getByLabel('Team', { exact: true }).fill('Engineering');
      await form.getByLabel('Manager').selectOption({ label: MANAGER });
      await form.getByRole('button', { name: 'Add person' }).click();
      await page.getByRole('heading', { level: 1, name: 'Noor Added' }).waitFor();
      await page.getByText(`Noor Added was added, and an invitation is on its way to ${address}.`).waitFor();
      const sent = await server.services.db.inOrganisation(orgId, (tx) =>
        tx.select({ subject: emails.subject }).from(emails).where(eq(emails.to, address)),
      );
      expect(sent.map((e) => e.subject)).toContain('You are invited to Lodestar');
      await screenshot(page, `person-added-${width}`);
      await page.context().close();
    }
  });

  it('lists assessments and 360s on a person page as status only, content as shared (#11)', async () => {
    const samPath = `/people/${await personId(SUBJECT)}`;
    for (const width of [1280, 360]) {
      const admin = await signedIn(ADMIN, width);
      await admin.goto(`${server.url}${samPath}`);
      const assessments = admin.getByRole('region', { name: 'Self-assessments' });
      await assessments
        .getByText(/^Submitted /)
        .first()
        .waitFor();
      expect(await assessments.getByRole('link').count()).toBe(0); // the profile is Sam's own
      const feedback = admin.getByRole('region', { name: '360° feedback' });
      await feedback.getByText('Report released').first().waitFor(); // the 360 and its pulse
      expect(await feedback.getByRole('link', { name: 'Read the report' }).count()).toBe(0);
      await expectAccessible(admin, `person page for an admin ${width} px`);
      await screenshot(admin, `person-activity-admin-${width}`);
      await admin.context().close();
    }

    const manager = await signedIn(MANAGER);
    await manager.goto(`${server.url}${samPath}`);
    await manager
      .getByRole('region', { name: 'Self-assessments' })
      .getByText(/^Submitted /)
      .first()
      .waitFor();
    const shared = manager.getByRole('region', { name: '360° feedback' });
    // Newest first: Sam's pulse (shared too), then the 360 this test reads.
    await shared.getByRole('link', { name: 'Read the report' }).last().click();
    await manager.getByRole('heading', { level: 1, name: `360° feedback report: ${SUBJECT}` }).waitFor();
    await screenshot(manager, 'person-activity-manager-report');
    await manager.context().close();

    const peer = await signedIn(PEER);
    await peer.goto(`${server.url}${samPath}`);
    await peer.getByText('No 360s that you can see.').waitFor();
    expect(await peer.getByRole('region', { name: 'Self-assessments' }).count()).toBe(0);
    await screenshot(peer, 'person-activity-peer');
    await peer.context().close();
  });
});
