// Team climate in the browser: the admin sends a round from /climate; Arjun Patel's and Chloé
// Martin's reports answer through the links in the outbox (the rater page at /rate/climate/:token);
// the round closes (its deadline moved into the past, as 14 days would); Arjun then sees his
// reports' figures, and Sofia Novak, whose two reports did not answer, sees "not enough responses".
// Every page axe-clean at 1280 and 360 px without sideways scrolling.
import { and, desc, eq, like, sql } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEmail } from '../../src/demo/seed-demo.ts';
import { closeDueRounds } from '../../src/domains/climate/close.ts';
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

const RESPONDENTS = [
  'Sam Taylor',
  'Lucía Romero',
  'Ethan Brooks',
  'Aisha Bello',
  'Mateo Rossi',
  'Ingrid Johansson',
  'Ravi Shankar',
  'Zoe Anderson',
];

describe.runIf(chromiumAvailable())('team climate in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let organisationId: string;

  const linkFor = async (name: string) => {
    const [row] = await server.services.db.inOrganisation(organisationId, (tx) =>
      tx
        .select({ text: emails.text })
        .from(emails)
        .where(and(eq(emails.to, demoEmail(name)), like(emails.text, '%/rate/climate/%')))
        .orderBy(desc(emails.createdAt))
        .limit(1),
    );
    return row ? /(\/rate\/climate\/\S+)/.exec(row.text)![1]! : null;
  };
  const noSideways = async (page: Page) =>
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);

  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
    organisationId = await demoOrganisationId(server);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the admin sends a round now', async () => {
    const page = await signedInAs(browser, server, 'Amara Okafor', 1280);
    await page.goto(`${server.url}/climate`);
    await page.getByRole('heading', { level: 1, name: 'Team climate' }).waitFor();
    await page.getByRole('button', { name: 'Send a round now' }).click();
    await page.getByText('The round is on its way').waitFor();
    await expect.poll(() => linkFor('Sam Taylor'), { timeout: 30_000 }).not.toBeNull();
    await page.reload();
    await page.getByText(/Open until/).waitFor();
    await expectAccessible(page, 'climate admin');
    await screenshot(page, 'climate-admin-1280');
    await page.close();
  }, 120_000);

  it('respondents answer through their links, at 1280 and 360 px', async () => {
    for (const [i, name] of RESPONDENTS.entries()) {
      const width = i % 2 === 0 ? 1280 : 360;
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${server.url}${(await linkFor(name))!}`);
      const questions = page.locator('fieldset');
      await questions.first().waitFor();
      expect(await questions.count()).toBe(11);
      if (i < 2) {
        await expectAccessible(page, `climate form at ${width}`);
        await noSideways(page);
        await screenshot(page, `climate-form-${width}`);
      }
      for (let q = 0; q < 11; q++) {
        await questions
          .nth(q)
          .getByLabel(q % 3 === 0 ? 'Strongly agree' : 'Agree', { exact: true })
          .check();
      }
      await page.getByRole('button', { name: 'Send my answers' }).click();
      await page.getByRole('heading', { level: 1, name: 'Thank you' }).waitFor();
      await context.close();
    }
  }, 240_000);

  it('after the round closes, Arjun sees his reports’ figures and Sofia a withheld view', async () => {
    await server.services.db.asSystem((tx) =>
      tx.execute(sql`UPDATE climate_rounds SET deadline = now() - interval '1 second' WHERE status = 'open'`),
    );
    expect(await closeDueRounds(server.services)).toBe(1);
    for (const width of [1280, 360]) {
      const page = await signedInAs(browser, server, 'Arjun Patel', width);
      await page.goto(`${server.url}/climate`);
      await page.getByRole('heading', { level: 2, name: /Arjun Patel: all direct reports/ }).waitFor();
      await expect
        .poll(() =>
          page
            .getByRole('row', { name: /Growth/ })
            .first()
            .textContent(),
        )
        .toMatch(/4/);
      await page.getByRole('heading', { name: 'Over time' }).waitFor();
      await expectAccessible(page, `climate results at ${width}`);
      await noSideways(page);
      await screenshot(page, `climate-results-${width}`);
      await page.close();
    }
    const sofia = await signedInAs(browser, server, 'Sofia Novak', 1280);
    await sofia.goto(`${server.url}/climate`);
    await sofia.getByText('Not enough responses to show.').waitFor();
    await expectAccessible(sofia, 'climate withheld');
    await screenshot(sofia, 'climate-withheld-1280');
    await sofia.close();
  }, 180_000);
});
