// The pages of issue #9 that no other browser test walks: learning pathways, the organisation's
// goals and values (participant and admin) and the library's admin list. Each is scanned with axe
// at 1280 and 360 px and must not scroll sideways on the phone; a pathway step moves by keyboard.
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
const AMARA = 'Amara Okafor';

describe.runIf(chromiumAvailable())('pathways, goals and values, library admin in the browser', () => {
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

  const signIn = (name: string, width: number) => signedInAs(browser, server, name, width);

  async function check(page: Page, path: string, heading: RegExp, name: string, width: number) {
    await page.goto(`${server.url}${path}`);
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    await expectAccessible(page, `${name} at ${width}`);
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(sideways, `${name} scrolls sideways at ${width} px`).toBeLessThanOrEqual(0);
    await screenshot(page, `${name}-${width}`);
  }

  for (const width of [1280, 360]) {
    it(`participant pages at ${width} px`, async () => {
      const page = await signIn(SAM, width);
      await check(page, '/pathways', /pathways/i, 'pathways', width);
      await check(page, '/goals-and-values', /goals and values/i, 'goals-values', width);
      await page.close();
    });

    it(`admin pages at ${width} px`, async () => {
      const page = await signIn(AMARA, width);
      await check(page, '/admin/alignment', /goals and values/i, 'admin-alignment', width);
      await check(page, '/admin/library', /library/i, 'admin-library', width);
      await page.close();
    });
  }

  it('moves a pathway step down by keyboard, and it stays moved', async () => {
    const page = await signIn(SAM, 1280);
    await page.goto(`${server.url}/pathways`);
    await page.getByRole('heading', { level: 1, name: /pathways/i }).waitFor();
    const stepLinks = page.locator('ol li a[href^="/library/"]');
    await stepLinks.first().waitFor();
    const first = await stepLinks.nth(0).textContent();
    const second = await stepLinks.nth(1).textContent();
    await page
      .getByRole('button', { name: /move down/i })
      .first()
      .focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => stepLinks.nth(0).textContent()).toBe(second);
    expect(await stepLinks.nth(1).textContent()).toBe(first);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: /pathways/i }).waitFor();
    await expect.poll(() => stepLinks.nth(0).textContent()).toBe(second);
    await page.close();
  });
});
