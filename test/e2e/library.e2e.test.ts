// The library in Debian's Chromium, on the demo organisation: a participant searches, opens a
// module and finds the practice one click from an experiment; an admin edits the demo's draft,
// sees a rule the server enforces beside its field, fixes it and publishes after confirming, and
// participants read the new version. Pages at 360 px do not scroll sideways; axe scans each page.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server.ts';
import {
  chromiumAvailable,
  expectAccessible,
  launchBrowser,
  signedInAs,
  startDemoServer,
} from '../support/browser.ts';

const TITLE = 'Our value: say it early';

describe.runIf(chromiumAvailable())('library in the browser', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const noSidewaysScroll = async (page: Page) =>
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      page.viewportSize()!.width,
    );

  it('lets a participant search, open a module and start an experiment from its practice', async () => {
    for (const width of [1280, 360]) {
      const page = await signedInAs(browser, server, 'Sam Taylor', width);
      await page.goto(`${server.url}/library`);
      await page.getByRole('heading', { level: 1, name: 'Library' }).waitFor();
      await page.getByLabel('Search').fill('say it early');
      await page.waitForURL(/q=say\+it\+early/);
      await page.getByLabel('Time', { exact: true }).selectOption('15');
      const link = page.getByRole('link', { name: TITLE });
      await link.waitFor();
      await expectAccessible(page, `library ${width}`);
      await noSidewaysScroll(page);

      await link.click();
      await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
      await page.getByRole('heading', { name: 'Why it matters' }).waitFor();
      const practice = page.getByRole('region', { name: 'Practise this week' });
      expect(await practice.textContent()).toContain('How I will know it worked');
      const experiment = page.getByRole('link', { name: 'Practise this as an experiment' });
      expect(await experiment.getAttribute('href')).toMatch(
        /^\/plan\/experiments\/new\?module=[0-9a-f-]{36}$/,
      );
      await expectAccessible(page, `module ${width}`);
      await noSidewaysScroll(page);
      await page.context().close();
    }
  });

  it('lets an admin fix a refused draft field, publish it, and participants read the new version', async () => {
    const page = await signedInAs(browser, server, 'Amara Okafor');
    await page.goto(`${server.url}/admin/library`);
    await page.getByRole('heading', { level: 1, name: 'Library modules' }).waitFor();
    await page.getByLabel('Show').selectOption('drafts');
    await expectAccessible(page, 'admin library');
    await page.getByRole('link', { name: TITLE }).click();
    await page.getByRole('heading', { level: 2, name: 'Draft version 2' }).waitFor();

    const title = page.getByLabel('Title');
    await title.fill('');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('Title is required.').waitFor();
    expect(await title.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'editor with an error');

    await title.fill('Our value: say it early, and say thank you');
    await page.getByRole('button', { name: 'Publish…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Publish version 2?' });
    await dialog.getByText('Your unsaved changes are saved first.').waitFor();
    await dialog.getByRole('button', { name: 'Publish' }).click();
    await page.getByText('Version 2 is published.').waitFor();
    await page.getByRole('button', { name: 'Start a draft' }).waitFor();

    const reader = await signedInAs(browser, server, 'Sam Taylor');
    await reader.goto(`${server.url}/library?q=thank`);
    await reader.getByRole('link', { name: 'Our value: say it early, and say thank you' }).waitFor();
    await reader.context().close();
    await page.context().close();
  });
});
