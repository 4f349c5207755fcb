// Issue 11 "Done when": an admin in the browser creates a first-time-managers programme from its
// template, enrols a team by CSV upload, and the steps launch on their dates — with the test's
// clock (the server's own `services.clock`, the one every scope reads) and the launcher run at a
// given now, as the job queue runs it. The pages are axe-clean and fit at 1280 and 360 px.
import { and, eq, sql } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchAllDue } from '../../src/domains/programmes/jobs.ts';
import { people, teams } from '../../src/identity/people/schema.ts';
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

const ADMIN = 'Amara Okafor';
const START = '2027-01-11';
const at = (day: string) => new Date(`${day}T06:00:00Z`);

describe.runIf(chromiumAvailable())('programmes in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let organisationId: string;
  let team: { email: string }[];

  /** The scheduler's tick at `now`: the launcher, then the queue (the emails). */
  const tick = async (now: Date) => {
    server.services.clock = () => now;
    await launchAllDue(server.services);
    while ((await server.services.jobs.runDue()) > 0) {}
  };

  beforeAll(async () => {
    server = await startDemoServer();
    server.services.clock = () => at('2027-01-04');
    browser = await launchBrowser();
    organisationId = await demoOrganisationId(server);
    team = await server.services.db.inOrganisation(organisationId, (tx) =>
      tx
        .select({ email: people.email })
        .from(people)
        .innerJoin(teams, and(eq(teams.organisationId, people.organisationId), eq(teams.id, people.teamId)))
        .where(eq(teams.name, 'Engineering')),
    );
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('creates a programme from a template, enrols a team by CSV, and launches its steps on their dates', async () => {
    const page = await signedInAs(browser, server, ADMIN, 1280);
    await page.goto(`${server.url}/admin/programmes`);
    await page.getByRole('heading', { level: 1, name: 'Programmes' }).waitFor();
    await page.getByLabel('Template', { exact: true }).selectOption('first-time-managers');
    await page.getByLabel('Start date', { exact: true }).fill(START);
    await page.getByRole('button', { name: 'Create programme' }).click();
    await page.getByRole('heading', { level: 1, name: 'First-time managers' }).waitFor();
    await expect
      .poll(() => page.getByRole('row', { name: /Your starting point as a manager/ }).textContent())
      .toMatch(/2027-01-11\s*Scheduled\s*0/);

    await page.getByLabel('Enrol by', { exact: true }).selectOption('csv');
    const csv = `email\n${team.map((p) => p.email).join('\n')}\n`;
    await page.getByLabel('CSV file with an email column').setInputFiles({
      name: 'engineering.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await page.getByRole('button', { name: 'Enrol', exact: true }).click();
    await page.getByText(`Enrolled ${team.length} (already in: 0)`).waitFor();
    await expectAccessible(page, 'programme page');

    // The day before: nothing. On the start date: the self-assessment; a week later: the 360.
    await tick(at('2027-01-10'));
    await tick(at(START));
    await page.reload();
    const row = (name: RegExp) => page.getByRole('row', { name });
    await expect
      .poll(() => row(/Your starting point as a manager/).textContent())
      .toMatch(new RegExp(`Launched\\s*${team.length}`));
    await expect.poll(() => row(/Feedback from your team/).textContent()).toMatch(/Scheduled\s*0/);
    await tick(at('2027-01-18'));
    await page.reload();
    await expect
      .poll(() => row(/Feedback from your team/).textContent())
      .toMatch(new RegExp(`Launched\\s*${team.length}`));

    const sent = await server.services.db.inOrganisation(organisationId, (tx) =>
      tx
        .select({ subject: emails.subject })
        .from(emails)
        .where(and(eq(emails.to, team[0]!.email), sql`${emails.subject} LIKE 'First-time managers:%'`)),
    );
    expect(sent.map((e) => e.subject).sort()).toEqual([
      'First-time managers: Feedback from your team',
      'First-time managers: Your starting point as a manager',
    ]);
    await page.close();

    // An enrolled engineer sees the latest step on their home page, with where to do it (the demo's
    // early-career programme, which Victor is in too, launched its own steps at these ticks).
    const victor = await signedInAs(browser, server, 'Victor Dubois', 360);
    await victor.goto(`${server.url}/`);
    const card = victor.getByRole('region', { name: 'Your programme: First-time managers' });
    await card.getByText('Feedback from your team').waitFor();
    expect(await card.getByRole('link', { name: 'Open this step' }).getAttribute('href')).toBe('/feedback');
    await expectAccessible(victor, 'home with a programme step');
    await victor.close();
  });

  for (const width of [1280, 360]) {
    it(`the list and the programme page at ${width} px`, async () => {
      const page = await signedInAs(browser, server, ADMIN, width);
      await page.goto(`${server.url}/admin/programmes`);
      await page.getByRole('heading', { level: 1, name: 'Programmes' }).waitFor();
      await expectAccessible(page, `programmes at ${width}`);
      await screenshot(page, `programmes-${width}`);
      await page.getByRole('link', { name: 'First-time managers', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'First-time managers' }).waitFor();
      await page.getByText('Edit programme').click();
      await page.getByRole('table', { name: 'Cohort dashboard' }).waitFor();
      await expectAccessible(page, `programme at ${width}`);
      const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(sideways).toBeLessThanOrEqual(0);
      await screenshot(page, `programme-${width}`);
      await page.close();
    });
  }
});
