// The reflection journal and the journey in the browser (issue 10 items 1 and 6): Sam reflects on an
// experiment from his plan's "Reflect" link, shares the entry with his manager by keyboard, and his
// home page shows the three building blocks; Arjun finds the entry under "Shared with you"; an
// admin changes the journey thresholds. Each page is axe-clean at 1280 and 360 px and does not
// scroll sideways on the phone.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server.ts';
import {
  chromiumAvailable,
  expectAccessible,
  launchBrowser,
  screenshot,
  signedInAs,
  startDemoServer,
} from '../support/browser.ts';

const SAM = 'Sam Taylor';
const ARJUN = 'Arjun Patel';
const AMARA = 'Amara Okafor';
const ACTION = 'Share one idea for the roadmap in the planning meeting';
const TEXT = 'Brought the on-call idea to planning before it was polished. Two people built on it.';

describe.runIf(chromiumAvailable())('journal and journey in the browser', () => {
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

  async function check(page: Page, name: string, width: number) {
    await expectAccessible(page, `${name} at ${width}`);
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(sideways, `${name} scrolls sideways at ${width} px`).toBeLessThanOrEqual(0);
    await screenshot(page, `${name}-${width}`);
  }

  it('Sam reflects on an experiment from his plan and shares the entry with his manager', async () => {
    const page = await signedInAs(browser, server, SAM, 1280);
    await page.goto(`${server.url}/plan`);
    await page.getByRole('link', { name: `Reflect in your journal on “${ACTION}”` }).click();
    await page.getByRole('heading', { level: 1, name: 'My journal' }).waitFor();
    const form = page.getByRole('form', { name: 'New entry' });
    expect(await form.getByLabel('About (optional)').inputValue()).toMatch(/^e:/);
    expect(await form.getByLabel('About (optional)').locator('option:checked').textContent()).toBe(ACTION);
    // The demo journal is there, newest first, with what each entry is about.
    const entries = page.getByRole('list').filter({ has: page.getByRole('heading', { name: /^Written / }) });
    await entries.first().waitFor();
    await check(page, 'journal-sam', 1280);

    await form.getByLabel('Your reflection').fill(TEXT);
    await form.getByRole('radio', { name: '4 · good' }).first().check();
    await form.getByRole('button', { name: 'Save entry' }).click();
    await page.getByRole('status').filter({ hasText: 'Entry saved' }).waitFor();
    const newest = page.locator('.journal-entry').first();
    await newest.getByText(TEXT).waitFor();
    await newest.getByText(`About the experiment: ${ACTION}`).waitFor();
    await newest.getByText('Private').waitFor();

    // Sharing by keyboard: open, tick "my manager", save.
    await newest.getByRole('button', { name: /^Sharing of the entry/ }).focus();
    await page.keyboard.press('Enter');
    const manager = newest.getByRole('checkbox', { name: 'My manager, Arjun Patel' });
    await manager.focus();
    await page.keyboard.press('Space');
    expect(await manager.isChecked()).toBe(true);
    await newest.getByRole('button', { name: 'Save sharing' }).focus();
    await page.keyboard.press('Enter');
    await newest.getByText('Shared with your manager').waitFor();
    await page.context().close();
  });

  it('Sam’s home page shows his journey through the three building blocks', async () => {
    for (const width of [1280, 360]) {
      const page = await signedInAs(browser, server, SAM, width);
      await page.goto(`${server.url}/`);
      const journey = page.getByRole('region', { name: 'Your journey' });
      await journey.waitFor();
      for (const block of ['Self-knowledge', 'Self-empowerment', 'Self-leadership'])
        await journey.getByRole('heading', { name: new RegExp(`^${block}`) }).waitFor();
      await journey.getByText(/Last reflection/).waitFor();
      await check(page, 'home-journey-sam', width);
      if (width === 360) {
        await page.goto(`${server.url}/journal`);
        await page.getByRole('heading', { level: 1, name: 'My journal' }).waitFor();
        await page.locator('.journal-entry').first().waitFor();
        await check(page, 'journal-sam', 360);
      }
      await page.context().close();
    }
  });

  it('Arjun reads what Sam and Ethan shared with him, and nothing else', async () => {
    const page = await signedInAs(browser, server, ARJUN, 1280);
    await page.goto(`${server.url}/journal`);
    const shared = page.getByRole('region', { name: 'Shared with you' });
    await shared.getByText(TEXT).waitFor();
    await shared.getByText(/Mei picked it up/).waitFor();
    await shared.getByText(/incident review/).waitFor();
    expect(await shared.getByText(/Zoe found the race condition/).count()).toBe(0);
    expect(await shared.getByRole('button').count()).toBe(0);
    await check(page, 'journal-shared-arjun', 1280);
    await page.context().close();
  });

  it('an admin changes the journey thresholds, with the rule shown for a bad value', async () => {
    for (const width of [1280, 360]) {
      const page = await signedInAs(browser, server, AMARA, width);
      await page.goto(`${server.url}/admin/journey`);
      await page.getByRole('heading', { level: 1, name: 'Journey settings' }).waitFor();
      const days = page.getByLabel('A reflection or check-in counts for (days)');
      await days.fill('0');
      await page.getByRole('button', { name: 'Save settings' }).click();
      await page.getByText('must be a whole number from 1 to 180').waitFor();
      expect(await days.evaluate((el) => el === document.activeElement)).toBe(true);
      await check(page, 'journey-settings-admin', width);
      await days.fill('45');
      await page.getByRole('button', { name: 'Save settings' }).click();
      await page.getByText(/^Saved\./).waitFor();
      await page.context().close();
    }
  });
});
