// Organisation analytics against the real API (issue #12, "done when"): the demo admin signs in and
// reads the heatmap, balance, climate, funnel and impact pages with their charts, then downloads
// CSV, XLSX and the PDF report. The CSV must hold exactly the page's table (disclosed values only,
// withheld cells empty); the XLSX and PDF must be what they say. A team leader sees only their line;
// a member who leads no team is told why there is nothing to see. Axe-clean at 1280 and 360 px.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportTable } from '../../src/domains/analytics/contracts.ts';
import type { RunningServer } from '../../src/server.ts';
import {
  chromiumAvailable,
  expectAccessible,
  launchBrowser,
  screenshot,
  signedInAs,
  startDemoServer,
} from '../support/browser.ts';

const WITHHELD_LEGEND = 'withheld — too few people, or it would let a smaller group be worked out';

async function download(page: Page, name: string | RegExp): Promise<{ file: Download; body: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
  return { file, body: readFileSync((await file.path())!) };
}

/** The page's tables as the API gives them (the same session, through the page's own request context). */
async function tablesOf(page: Page, path: string): Promise<ExportTable[]> {
  const response = await page.request.get(new URL(path, page.url()).toString(), {
    headers: { Accept: 'application/json' },
  });
  expect(response.status(), path).toBe(200);
  return ((await response.json()) as { tables: ExportTable[] }).tables;
}

describe.runIf(chromiumAvailable())('organisation analytics in the browser (real API)', () => {
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

  it('the admin reads heatmap, balance, climate, funnel and impact with charts, at 1280 and 360 px', async () => {
    for (const width of [1280, 360]) {
      const page = await signedInAs(browser, server, 'Amara Okafor', width);
      if (width === 1280) {
        await page.getByRole('button', { name: 'Admin' }).click();
        await page.getByRole('link', { name: 'Analytics' }).click();
      } else {
        await page.goto(`${server.url}/analytics`);
      }
      await page.getByRole('heading', { level: 1, name: 'Analytics' }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Capabilities by team and career stage' }).waitFor();
      await page.getByText(WITHHELD_LEGEND).waitFor();
      await expect(page.getByText(/A figure is shown only for at least \d+ people\./).count()).resolves.toBe(
        1,
      );
      // Every heatmap cell is a released mean with its n, or marked withheld.
      const cells = page.locator('td.heat-cell');
      expect(await cells.count()).toBeGreaterThan(0);
      for (const text of await cells.allTextContents()) expect(text).toMatch(/^\d\.\d\dn = \d+$|withheld/);
      await expectAccessible(page, `heatmap at ${width}`);
      await screenshot(page, `analytics-real-heatmap-${width}`);

      for (const [tab, chart] of [
        ['Balance', 'Balance by career stage against the expected curve'],
        ['Climate', /^Over time: /],
        ['Funnel', 'Participation funnel'],
        ['Impact', /^Change per capability in /],
      ] as const) {
        await page
          .getByRole('navigation', { name: 'Analytics pages' })
          .getByRole('link', { name: tab })
          .click();
        await page.getByRole('img', { name: chart }).first().waitFor({ timeout: 30_000 });
        expect(await page.locator('table').count()).toBeGreaterThan(0);
        await expectAccessible(page, `${tab} at ${width}`);
        expect(
          await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
          `${tab} at ${width} scrolls sideways`,
        ).toBeLessThanOrEqual(0);
        await screenshot(page, `analytics-real-${tab.toLowerCase()}-${width}`);
      }
      // Impact: d_rm against the external benchmark, labelled as the literature's.
      await expect(
        page.getByText('external benchmark (Lacerenza et al. 2017)').first().count(),
      ).resolves.toBe(1);
      await page.getByText(/reactions 0\.63, learning 0\.73, transfer 0\.82, results 0\.72/).waitFor();
      await page.context().close();
    }
  }, 300_000);

  it('downloads hold only what the page shows: CSV equal to its table, XLSX and PDF as named', async () => {
    const page = await signedInAs(browser, server, 'Amara Okafor', 1280);
    await page.goto(`${server.url}/analytics/balance`);
    await page.getByRole('img', { name: /Balance by career stage/ }).waitFor();
    const [table] = await tablesOf(page, '/api/analytics/balance');
    const csv = await download(page, /^CSV/);
    const rows = parse(csv.body.toString('utf8').replace(/^\uFEFF/, ''), {
      relaxColumnCount: false,
    }) as string[][];
    expect(rows[0]).toEqual(table!.columns);
    expect(rows.slice(1)).toEqual(table!.rows.map((row) => row.map((v) => (v === null ? '' : String(v)))));

    const xlsx = await download(page, /Excel \(XLSX\)/);
    expect(xlsx.file.suggestedFilename()).toMatch(/\.xlsx$/);
    expect(xlsx.body.subarray(0, 2).toString('latin1')).toBe('PK'); // an Office Open XML zip

    await page
      .getByRole('navigation', { name: 'Analytics pages' })
      .getByRole('link', { name: 'Impact' })
      .click();
    await page.getByRole('link', { name: 'PDF report' }).waitFor();
    const pdf = await download(page, 'PDF report');
    expect(pdf.file.suggestedFilename()).toMatch(/\.pdf$/);
    expect(pdf.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await page.context().close();
  }, 180_000);

  it('a filter narrows the figures and goes into the downloads', async () => {
    const page = await signedInAs(browser, server, 'Amara Okafor', 1280);
    await page.goto(`${server.url}/analytics/funnel`);
    const stage = page.getByLabel('Career stage', { exact: true });
    await stage.waitFor();
    const options = await stage
      .locator('option')
      .evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value));
    const chosen = options.find(Boolean)!;
    await stage.selectOption(chosen);
    await expect.poll(() => new URL(page.url()).searchParams.get('stage')).toBe(chosen);
    await expect
      .poll(() => page.getByRole('link', { name: /^CSV/ }).first().getAttribute('href'))
      .toContain(`stage=${encodeURIComponent(chosen)}`);
    await page.context().close();
  }, 120_000);

  it('a team leader sees their own line; a member who leads no team is told why', async () => {
    const leader = await signedInAs(browser, server, 'Priya Raman', 1280);
    await leader.goto(`${server.url}/analytics`);
    await leader.getByText('You see the teams you lead and the teams below them.').waitFor();
    await expect(leader.getByRole('option', { name: 'All teams I lead' }).count()).resolves.toBe(1);
    await expectAccessible(leader, 'analytics as a leader');
    await leader.context().close();

    const member = await signedInAs(browser, server, 'Sam Taylor', 1280);
    await member.goto(`${server.url}/analytics`);
    await member.getByText(/Analytics are shown to admins, and to team leaders/).waitFor();
    await member.context().close();
  }, 120_000);
});
