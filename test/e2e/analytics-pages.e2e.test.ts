// The analytics pages in the browser against fixture responses (test/support/analytics-fixtures.ts),
// routed in Playwright in place of /api/analytics/*: each page at 1280 and 360 px is axe-clean,
// has no sideways scrolling, shows its chart with a text equivalent and marks withheld cells; the
// filters go into the URL and into the next request. Independent of the API's data, so the page
// layout is checked with withheld cells in every view; analytics.e2e.test.ts runs the real API.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server.ts';
import { analyticsFixtures } from '../support/analytics-fixtures.ts';
import {
  chromiumAvailable,
  expectAccessible,
  launchBrowser,
  screenshot,
  signedInAs,
  startDemoServer,
} from '../support/browser.ts';

const PAGES = ['heatmap', 'balance', 'derailers', 'climate', 'funnel', 'impact'] as const;

/** Answers /api/analytics/<page> with its fixture and records the query strings asked for. */
async function routeFixtures(page: Page): Promise<URLSearchParams[]> {
  const asked: URLSearchParams[] = [];
  await page.route('**/api/analytics/**', async (route) => {
    const url = new URL(route.request().url());
    const name = url.pathname.split('/')[3] as (typeof PAGES)[number];
    asked.push(url.searchParams);
    if (url.pathname.endsWith('/export') || url.pathname.endsWith('.pdf')) {
      await route.fulfill({ status: 200, contentType: 'text/csv', body: 'a,b\n1,2\n' });
      return;
    }
    await route.fulfill({
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify(analyticsFixtures[name]),
    });
  });
  return asked;
}

describe.runIf(chromiumAvailable())('analytics pages on fixtures', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const width of [1280, 360]) {
    it(`every page at ${width} px: chart, text equivalent, withheld legend, axe-clean, no sideways scroll`, async () => {
      const page = await signedInAs(browser, server, 'Amara Okafor', width);
      await routeFixtures(page);
      for (const name of PAGES) {
        await page.goto(`${server.url}/analytics/${name}`);
        await page.getByRole('heading', { level: 1, name: 'Analytics' }).waitFor();
        await page
          .getByText('withheld — too few people, or it would let a smaller group be worked out')
          .waitFor();
        if (name !== 'heatmap') expect(await page.locator('svg[role="img"]').count()).toBeGreaterThan(0);
        expect(await page.locator('table').count()).toBeGreaterThan(0);
        expect(await page.getByText('withheld', { exact: true }).count()).toBeGreaterThan(0);
        expect(await page.getByRole('link', { name: /^(CSV|Excel)/ }).count()).toBeGreaterThan(0);
        await expectAccessible(page, `${name} at ${width}`);
        expect(
          await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
          `${name} at ${width} scrolls sideways`,
        ).toBeLessThanOrEqual(0);
        await screenshot(page, `analytics-${name}-${width}`);
      }
      await page.context().close();
    }, 180_000);
  }

  it('a filter goes into the URL, into the next request and into the download links', async () => {
    const page = await signedInAs(browser, server, 'Amara Okafor', 1280);
    const asked = await routeFixtures(page);
    await page.goto(`${server.url}/analytics/balance`);
    await page.getByLabel('Career stage', { exact: true }).selectOption('manager');
    await expect.poll(() => new URL(page.url()).searchParams.get('stage')).toBe('manager');
    await expect.poll(() => asked.some((q) => q.get('stage') === 'manager')).toBe(true);
    expect(await page.getByRole('link', { name: 'CSV' }).getAttribute('href')).toBe(
      '/api/analytics/balance/export?stage=manager&format=csv',
    );
    await page.getByRole('link', { name: 'Impact' }).click();
    await page.getByRole('link', { name: 'PDF report' }).waitFor();
    expect(new URL(page.url()).searchParams.get('stage')).toBe('manager');
    // Impact is per programme, organisation-wide: a stage filter does not reach its report.
    expect(await page.getByRole('link', { name: 'PDF report' }).getAttribute('href')).toBe(
      '/api/analytics/impact/report.pdf',
    );
    await page.context().close();
  }, 120_000);
});
