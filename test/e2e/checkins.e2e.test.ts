// Check-in pages in the browser: the list, the schedule form and one check-in, for the participant
// and the counterpart, axe-clean at 1280 and 360 px without sideways scrolling; a check-in
// scheduled, noted and cancelled by keyboard only, its invitations in the outbox and parsing.
import { and, asc, eq, like } from 'drizzle-orm';
import ICAL from 'ical.js';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

describe.runIf(chromiumAvailable())('check-ins in the browser', () => {
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

  async function check(page: Page, heading: RegExp, name: string, width: number) {
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    await expectAccessible(page, `${name} at ${width}`);
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(sideways, `${name} scrolls sideways at ${width} px`).toBeLessThanOrEqual(0);
    await screenshot(page, `${name}-${width}`);
  }

  for (const width of [1280, 360]) {
    it(`the participant's and the manager's pages at ${width} px`, async () => {
      const sam = await signedInAs(browser, server, 'Sam Taylor', width);
      await sam.goto(`${server.url}/check-ins`);
      await check(sam, /^check-ins$/i, 'checkins-list', width);
      await sam
        .getByRole('link', { name: /fortnightly check-in/i })
        .last()
        .click();
      await sam.getByRole('heading', { level: 2, name: 'Shared notes' }).waitFor();
      await check(sam, /fortnightly check-in/i, 'checkin-held', width);
      await sam.goto(`${server.url}/check-ins/new`);
      await sam.getByRole('button', { name: 'Schedule and send invitations' }).waitFor();
      await check(sam, /schedule a check-in/i, 'checkin-schedule', width);
      await sam.context().close();

      const arjun = await signedInAs(browser, server, 'Arjun Patel', width);
      await arjun.goto(`${server.url}/check-ins`);
      await arjun
        .getByRole('link', { name: /fortnightly check-in/i })
        .first()
        .click();
      await arjun.getByRole('heading', { level: 2, name: 'Shared notes' }).waitFor();
      await check(arjun, /fortnightly check-in/i, 'checkin-counterpart', width);
      await arjun.context().close();
    });
  }

  it('schedules with the coach, writes notes, records an action and cancels — by keyboard only', async () => {
    const page = await signedInAs(browser, server, 'Sam Taylor', 1280);
    await page.goto(`${server.url}/check-ins/new`);
    await page.getByRole('button', { name: 'Schedule and send invitations' }).waitFor();
    // Choose the coach with the arrow keys, as radio buttons work.
    await page.getByRole('radio', { name: /Arjun Patel/ }).focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByRole('radio', { name: /Rachel Kim/ }).isChecked()).toBe(true);
    // Nothing unshared with Rachel starts ticked.
    await expect.poll(() => page.getByText('Not shared with Rachel Kim').count()).toBeGreaterThan(0);
    for (const box of await page.getByRole('checkbox').all()) expect(await box.isChecked()).toBe(false);
    await page.getByLabel('Title (optional)').focus();
    await page.keyboard.type('Coaching: asking before answering');
    await page.keyboard.press('Tab');
    // The date-time control takes typed digits; a week ahead at 08:30.
    const day = new Date(Date.now() + 7 * 86_400_000);
    const mm = String(day.getMonth() + 1).padStart(2, '0');
    const dd = String(day.getDate()).padStart(2, '0');
    await page.keyboard.type(`${mm}${dd}${day.getFullYear()}`);
    await page.keyboard.press('Tab');
    await page.keyboard.type('0830AM');
    await page.getByLabel('Time zone').focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('Europe/Paris');
    await page.getByLabel('Video call link (optional)').focus();
    await page.keyboard.type('https://meet.example/sam-rachel');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Coaching: asking before answering' }).waitFor();
    await expect.poll(() => page.getByText(/8:30 AM \(Europe\/Paris\)/).count()).toBeGreaterThan(0);
    const id = page.url().split('/').pop()!;

    await page.getByLabel('Notes', { exact: true }).focus();
    await page.keyboard.type('Talk about the two questions.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Notes saved.' }).waitFor({ state: 'attached' });
    await page.getByLabel('Add an agreed action').focus();
    await page.keyboard.type('Try it in three code reviews');
    await page.keyboard.press('Enter');
    await page.getByRole('checkbox', { name: /Try it in three code reviews/ }).waitFor();
    await expectAccessible(page, 'checkin-after-edits');

    await page.getByRole('button', { name: 'Cancel check-in' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Cancel this check-in?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Cancel check-in' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Cancelled', { exact: true }).first().waitFor();

    // Both got the invitation, then the cancellation: same UID, sequence 0 then 1, in Paris time.
    const organisationId = await demoOrganisationId(server);
    const sent = await server.services.db.inOrganisation(organisationId, (tx) =>
      tx
        .select({ to: emails.to, method: emails.calendarMethod, ics: emails.calendar })
        .from(emails)
        .where(and(eq(emails.organisationId, organisationId), like(emails.calendar, `%UID:${id}@lodestar%`)))
        .orderBy(asc(emails.createdAt)),
    );
    const parsed = sent.map((s) => {
      const vevent = new ICAL.Component(ICAL.parse(s.ics!)).getFirstSubcomponent('vevent')!;
      return [
        s.to,
        s.method,
        new ICAL.Event(vevent).sequence,
        String(vevent.getFirstProperty('dtstart')!.getParameter('tzid')),
      ];
    });
    expect(parsed).toEqual([
      ['sam.taylor@northwind.example', 'REQUEST', 0, 'Europe/Paris'],
      ['rachel.kim@northwind.example', 'REQUEST', 0, 'Europe/Paris'],
      ['sam.taylor@northwind.example', 'CANCEL', 1, 'Europe/Paris'],
      ['rachel.kim@northwind.example', 'CANCEL', 1, 'Europe/Paris'],
    ]);
    await page.context().close();
  });
});
