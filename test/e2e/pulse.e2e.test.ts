// Pulse re-rating in the browser: Sam Taylor reads his released pulse (the 360's figures beside
// the pulse's; the group of the rater who declined withheld, saying why); Ethan Brooks asks the same
// raters for a new pulse from his 360 report (his plan's focus behaviours chosen to begin with, his
// 360's list read-only), his manager approves it, and a rater answers the short form by keyboard on
// a 360 px screen. Every page is axe-checked at 1280 and 360 px.
import { and, desc, eq, like } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEmail } from '../../src/demo/seed-demo.ts';
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

describe.runIf(chromiumAvailable())('pulse re-rating in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let orgId: string;
  let pulseUrl = '';

  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
    orgId = await demoOrganisationId(server);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function both(page: Page, name: string): Promise<void> {
    await expectAccessible(page, `${name} 1280`);
    await screenshot(page, `${name}-1280`);
    await page.setViewportSize({ width: 360, height: 800 });
    await expectAccessible(page, `${name} 360`);
    await screenshot(page, `${name}-360`);
    // Nothing wider than the phone: no sideways scrolling of the page itself.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${name} scrolls sideways`).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  it('Sam reads his pulse beside his 360, with the declined rater’s group withheld', async () => {
    const page = await signedInAs(browser, server, 'Sam Taylor');
    await page.goto(`${server.url}/feedback`);
    await page
      .getByRole('link', { name: /Read the report for Sam Taylor/ })
      .first()
      .waitFor();
    const pulseLink = page.locator('a[href$="/pulse-report"]');
    await pulseLink.click();
    await page.getByRole('heading', { level: 1, name: 'Your pulse' }).waitFor();
    await page.getByRole('heading', { name: 'Behaviour by behaviour' }).waitFor();
    const text = await page.locator('main').textContent();
    expect(text).toContain('single out someone among the other colleagues');
    expect(text).toMatch(/n = 5/);
    expect(text).toContain('What is one thing this person has done differently lately?');
    await both(page, 'pulse-report');
    await page.context().close();
  });

  it('Ethan asks the same raters from his 360 report; his plan’s behaviours are chosen to begin with', async () => {
    const page = await signedInAs(browser, server, 'Ethan Brooks');
    await page.goto(`${server.url}/feedback`);
    await page.locator('a[href$="/report"]:not([href$="pulse-report"])').first().click();
    await page.getByRole('link', { name: 'Ask the same raters for a pulse' }).click();
    await page.getByRole('heading', { level: 1, name: 'A pulse from the same raters' }).waitFor();
    await expect.poll(() => page.getByText(/4 chosen/).count()).toBeGreaterThan(0);
    expect(await page.getByRole('checkbox', { checked: true }).count()).toBe(4);
    // The 360's list, read-only.
    expect(await page.locator('main').textContent()).toContain('Lucía Romero');
    await both(page, 'pulse-start');

    // Too many: the count says so and launching is refused on the page.
    for (const box of await page.getByRole('checkbox', { checked: false }).all()) {
      if ((await page.getByRole('checkbox', { checked: true }).count()) >= 7) break;
      if (await box.isVisible()) await box.check();
    }
    const checked = await page.getByRole('checkbox', { checked: true }).count();
    if (checked > 6) {
      await page.getByRole('button', { name: 'Ask for the pulse' }).click();
      await page.getByText('Choose between 3 and 6 behaviours.').waitFor();
      while ((await page.getByRole('checkbox', { checked: true }).count()) > 4) {
        await page.getByRole('checkbox', { checked: true }).last().uncheck();
      }
    }
    await page.getByRole('button', { name: 'Ask for the pulse' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your pulse' }).waitFor();
    await page.getByText('Awaiting approval').first().waitFor();
    await page.getByRole('heading', { name: 'Behaviours asked about' }).waitFor();
    pulseUrl = page.url();
    await both(page, 'pulse-campaign');
    await page.context().close();
  });

  it('his manager approves the same raters, and a rater answers the short form by keyboard on a phone', async () => {
    const manager = await signedInAs(browser, server, 'Arjun Patel');
    await manager.goto(pulseUrl);
    await manager.getByRole('button', { name: 'Approve: ask the same raters' }).click();
    await manager.getByText('Approved: invitations are on their way.').waitFor();
    await manager.context().close();

    const [email] = await server.services.db.inOrganisation(orgId, (tx) =>
      tx
        .select({ text: emails.text, subject: emails.subject })
        .from(emails)
        .where(and(eq(emails.to, demoEmail('Lucía Romero')), like(emails.text, '%/rate/%')))
        .orderBy(desc(emails.createdAt))
        .limit(1),
    );
    expect(email!.subject).toContain('follow-up');
    const path = /\/rate\/\S+/.exec(email!.text)![0];
    const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${server.url}${path}`);
    await page.getByText(/4 statements, about 2 minutes, and one optional question/).waitFor();
    await expectAccessible(page, 'pulse-rater-form 360');
    await screenshot(page, 'pulse-rater-form-360');
    // Keyboard only: each statement is a native radio group; an arrow key moves and chooses.
    const groups = page.locator('fieldset.question');
    expect(await groups.count()).toBe(4);
    for (let i = 0; i < 4; i++) {
      await groups.nth(i).getByRole('radio').first().focus();
      await page.keyboard.press('ArrowRight');
    }
    await page.getByText('4 of 4 answered').waitFor();
    await page
      .getByLabel('What is one thing this person has done differently lately?')
      .fill('Handed me the release checklist last week.');
    await page.getByRole('button', { name: 'Submit feedback' }).click();
    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: /Thank you/ }).waitFor();
    await context.close();
  });
});
