// The home page in Debian's Chromium: signing in lands on it, it greets the person, shows their one
// next step with one primary button, and the button leads where it says. The demo participant (a
// plan, experiments, pathways) and someone who has not started (no assessment, no plan) are both
// scanned with axe at 1280 and 360 px, and the narrow page must not scroll sideways.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/seed-demo.ts';
import type { RunningServer } from '../../src/server.ts';
import {
  chromiumAvailable,
  expectAccessible,
  launchBrowser,
  screenshot,
  startDemoServer,
} from '../support/browser.ts';

const SAM = 'sam.taylor@northwind.example';
/** Has never taken the self-assessment. */
const VICTOR = 'victor.dubois@northwind.example';

describe.runIf(chromiumAvailable())('home page in the browser', () => {
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

  /** Signs in from the sign-in page itself, as a person arriving fresh does, and lands on home. */
  async function signIn(email: string, width: number): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await page.goto(`${server.url}/`);
    await page.waitForURL(/\/sign-in$/);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: /^Hello, / }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    return page;
  }

  const nextStepCard = (page: Page) => page.getByRole('region', { name: 'Your next step' });

  it('lands the demo participant on home with their plan, and the next step leads on', async () => {
    const page = await signIn(SAM, 1280);
    await page.getByRole('heading', { level: 1, name: 'Hello, Sam' }).waitFor();
    await page.getByRole('region', { name: 'Your plan at a glance' }).waitFor();
    await page.getByRole('region', { name: 'Due this week' }).waitFor();
    await page.getByRole('region', { name: 'Suggested reading' }).waitFor();
    const card = nextStepCard(page);
    const button = card.getByRole('link');
    expect(await button.count()).toBe(1);
    await expectAccessible(page, 'home 1280');
    await screenshot(page, 'home-sam-1280');
    const href = await button.getAttribute('href');
    await button.click();
    await page.waitForURL((url) => url.pathname === href?.split('?')[0]);
    await page.close();
  });

  it('shows a person who has not started the self-assessment as their next step, at 360 px', async () => {
    const page = await signIn(VICTOR, 360);
    await nextStepCard(page).getByText('Take the self-assessment').waitFor();
    await page.getByText('You have no active plan yet.').waitFor();
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(sideways).toBe(false);
    await expectAccessible(page, 'home 360, no plan');
    await screenshot(page, 'home-new-360');
    await nextStepCard(page).getByRole('link', { name: 'Start the self-assessment' }).click();
    await page.getByRole('heading', { level: 1, name: 'Self-assessment' }).waitFor();
    await page.close();
  });

  it('is accessible and fits 360 px for the demo participant, and /home leads to it', async () => {
    const page = await signIn(SAM, 360);
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(sideways).toBe(false);
    await expectAccessible(page, 'home 360');
    await screenshot(page, 'home-sam-360');
    await page.goto(`${server.url}/home`);
    await page.getByRole('heading', { level: 1, name: 'Hello, Sam' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    await page.close();
  });
});
