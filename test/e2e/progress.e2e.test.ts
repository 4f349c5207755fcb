// /progress in the browser: Sam's measured change on the demo organisation (a reliable improvement
// on one capability, no reliable change on the others), axe-clean at 1280 and 360 px without
// sideways scrolling, and the timeline switched by keyboard.
import type { Browser } from 'playwright-core';
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

describe.runIf(chromiumAvailable())('my progress in the browser', () => {
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

  for (const width of [1280, 360]) {
    it(`shows Sam's changes with their numbers at ${width} px`, async () => {
      const page = await signedInAs(browser, server, 'Sam Taylor', width);
      await page.goto(`${server.url}/progress`);
      await page.getByRole('heading', { level: 1, name: 'My progress' }).waitFor();
      await page.getByRole('heading', { name: 'Changes' }).waitFor();
      await expect.poll(() => page.getByText('Improved', { exact: true }).count()).toBeGreaterThan(0);
      expect(await page.getByText('No reliable change', { exact: true }).count()).toBeGreaterThan(0);
      // The reliability used is stated with its source and n.
      expect(await page.getByText(/\(organisation, n = \d+\)/).count()).toBeGreaterThan(0);
      await expectAccessible(page, `progress at ${width}`);
      const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(sideways, `progress scrolls sideways at ${width} px`).toBeLessThanOrEqual(0);
      await screenshot(page, `progress-${width}`);
      await page.close();
    });
  }

  it('starts the timeline on the reliable change and switches series by keyboard', async () => {
    const page = await signedInAs(browser, server, 'Sam Taylor', 1280);
    await page.goto(`${server.url}/progress`);
    const show = page.getByLabel('Show');
    await show.waitFor();
    const chart = page.locator('svg.progress-timeline');
    const first = await chart.getAttribute('aria-label');
    expect(first).toMatch(/^Building strong relationships, on a scale of 1 to 5: Self-assessment/);
    await show.focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => chart.getAttribute('aria-label')).not.toBe(first);
    await page.getByText('Scores on the timeline as a table').click();
    expect(
      await page
        .getByRole('table', { name: /^Scores of / })
        .getByRole('row')
        .count(),
    ).toBeGreaterThan(1);
    await page.close();
  });
});
