// The email digest in the browser: the unsubscribe link of a digest in the demo outbox works signed
// out (opening it changes nothing; the button turns the digest off), and the digest settings page
// is reachable from the account menu, usable by keyboard and axe-clean at 1280 and 360 px.
import { and, eq, like } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEmail } from '../../src/demo/seed-demo.ts';
import { readPreferences } from '../../src/domains/nudges/preferences.ts';
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

const SAM = 'Sam Taylor';

describe.runIf(chromiumAvailable())('the email digest in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let organisationId: string;

  const frequencyOf = async (name: string) => {
    const [person] = await server.services.db.inOrganisation(organisationId, (tx) =>
      tx
        .select({ id: people.id })
        .from(people)
        .where(eq(people.email, demoEmail(name))),
    );
    return (
      await server.services.db.inOrganisation(organisationId, (tx) =>
        readPreferences(tx, organisationId, person!.id),
      )
    ).frequency;
  };

  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
    organisationId = await demoOrganisationId(server);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const width of [1280, 360]) {
    it(`the settings page, from the account menu, at ${width} px`, async () => {
      const page = await signedInAs(browser, server, SAM, width);
      await page.getByRole('button', { name: /account/i }).click();
      await page.getByRole('link', { name: 'Email digest' }).click();
      await page.getByRole('heading', { level: 1, name: 'Email digest' }).waitFor();
      await expect.poll(() => page.getByLabel('Time zone').inputValue()).toBe('Europe/London');
      await expectAccessible(page, `digest settings at ${width}`);
      const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(sideways).toBeLessThanOrEqual(0);
      await screenshot(page, `digest-settings-${width}`);
      await page.close();
    });
  }

  it('saves a change made by keyboard only', async () => {
    const page = await signedInAs(browser, server, SAM, 1280);
    await page.goto(`${server.url}/settings/nudges`);
    await page.getByRole('heading', { level: 1, name: 'Email digest' }).waitFor();
    await page.getByLabel('Every two weeks').focus();
    await page.keyboard.press('Space');
    await page.getByLabel('Day').focus();
    await page.keyboard.press('End'); // Sunday
    await page.getByRole('button', { name: 'Save' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Saved.').waitFor();
    await expect.poll(() => frequencyOf(SAM)).toBe('fortnightly');
    await page.getByText(/every other Sunday/).waitFor();
    await page.close();
  });

  it('the unsubscribe link works signed out, and opening it changes nothing', async () => {
    // Arjun's digest is in the demo outbox; its visible "Stop this digest" link is what a person clicks.
    const [digest] = await server.services.db.inOrganisation(organisationId, (tx) =>
      tx
        .select({ text: emails.text })
        .from(emails)
        .where(and(eq(emails.to, demoEmail('Arjun Patel')), like(emails.subject, 'Your week in Lodestar%'))),
    );
    const link = /Stop this digest \(no sign-in needed\): (\S+)/.exec(digest!.text)![1]!;
    const path = new URL(link).pathname + new URL(link).search;

    const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${server.url}${path}`);
    await page.getByRole('heading', { level: 1, name: 'Stop the email digest' }).waitFor();
    await page.getByRole('button', { name: 'Stop the digest' }).waitFor();
    await expectAccessible(page, 'unsubscribe page');
    await screenshot(page, 'digest-unsubscribe-360');
    expect(await frequencyOf('Arjun Patel')).toBe('fortnightly');

    // The List-Unsubscribe address opened in a browser leads to the same page, still changing nothing.
    await page.goto(`${server.url}/api/nudges/unsubscribe${new URL(link).search}`);
    await page.getByRole('button', { name: 'Stop the digest' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/unsubscribe');
    expect(await frequencyOf('Arjun Patel')).toBe('fortnightly');

    await page.getByRole('button', { name: 'Stop the digest' }).click();
    await page.getByText('Done: you will get no more digests.').waitFor();
    expect(await frequencyOf('Arjun Patel')).toBe('off');
    await screenshot(page, 'digest-unsubscribed-360');

    // A link changed by hand is refused, saying so.
    await page.goto(`${server.url}${path.slice(0, -3)}abc`);
    await page.getByText(/has been changed/).waitFor();
    await context.close();
  });
});
