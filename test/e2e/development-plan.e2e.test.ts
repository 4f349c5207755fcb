// A development plan as people use it, in Debian's Chromium: the participant reads their profile,
// starts a plan from the ranked suggestions (reasons worded with their figures) with a focus linked
// to an organisation value, adds an experiment from a library module's "Practise this as an
// experiment" button, logs practice and shares the plan with their manager; the manager reads it
// and comments; the participant revokes sharing and the manager can no longer see it (404).
// axe-core scans every plan page at 1280 and 360 px, which must not scroll sideways.
// Needs the development, suggestions, alignment and library branches merged (routes and demo data).
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

const PARTICIPANT = 'Sam Taylor';
const MANAGER = 'Arjun Patel';
const COMMENT = 'Good choice of focus; let us talk about it on Thursday.';

describe.runIf(chromiumAvailable())('development plan in the browser', () => {
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

  const heading = (page: Page, name: string | RegExp) =>
    page.getByRole('heading', { level: 1, name }).waitFor();

  /** axe at 1280 and 360 px, no sideways scroll on the phone, a screenshot of each. */
  async function checkPage(page: Page, name: string) {
    await expectAccessible(page, `${name} at 1280`);
    await screenshot(page, `plan-${name}-1280`);
    await page.setViewportSize({ width: 360, height: 800 });
    await expectAccessible(page, `${name} at 360`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${name} scrolls sideways at 360 px`).toBeLessThanOrEqual(0);
    await screenshot(page, `plan-${name}-360`);
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  it('starts a plan from suggestions, practises, shares with the manager and revokes it', async () => {
    const sam = await signedInAs(browser, server, PARTICIPANT);

    // The profile is where the plan starts from; then "My plan" in the navigation.
    await sam.goto(`${server.url}/profile`);
    await heading(sam, /profile/i);
    const nav = sam.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('button', { name: 'Grow' }).click();
    await nav.getByRole('link', { name: 'My plan' }).click();
    await heading(sam, 'My development plan');
    await checkPage(sam, 'current-or-empty');

    // The demo may already hold a plan for Sam: a new one moves it to history (after a confirmation).
    const start = sam.getByRole('link', { name: 'Start your plan' });
    if (await start.count()) {
      await start.click();
    } else {
      await sam.getByRole('button', { name: 'Start a new plan' }).click();
      await sam.getByRole('dialog').getByRole('button', { name: 'Move it to history and start' }).click();
    }
    await heading(sam, 'Start your plan');

    // Suggestions, each with at least one reason worded as a sentence with its figures.
    const suggestions = sam.locator('.plan-suggestions > li');
    await suggestions.first().waitFor(); // they load after the page heading, slower under load
    expect(await suggestions.count()).toBeGreaterThan(0);
    const firstReason = (await suggestions.first().locator('.plan-reasons li').first().textContent()) ?? '';
    expect(firstReason).toMatch(/\d/);
    await checkPage(sam, 'new');

    // Submitting nothing: the error summary takes focus and names what is missing.
    await sam.getByRole('button', { name: 'Start my plan' }).click();
    await expect
      .poll(() => sam.evaluate(() => document.activeElement?.className ?? ''))
      .toMatch(/error-summary/);

    const planTitle = await sam.getByLabel('Name of the plan').inputValue();
    const firstBox = suggestions.first().getByRole('checkbox');
    await firstBox.check();
    const focusName = (await suggestions.first().locator('.plan-suggestion-name').textContent())!.trim();
    await sam.getByLabel('My goal', { exact: true }).fill('Listen first in every one-to-one');
    await sam
      .getByLabel('Why it matters to me', { exact: true })
      .fill('My team has ideas I miss when I talk first.');
    const values = sam.getByRole('group', { name: 'Values it expresses (optional)' });
    const value = values.getByRole('checkbox').first();
    const valueName = (await values.locator('label').first().textContent())!.trim();
    await value.check();
    await sam.getByRole('button', { name: 'Start my plan' }).click();
    await heading(sam, 'My development plan');
    const focus = sam.locator('.plan-focus').first();
    await expect.poll(() => focus.textContent()).toContain(focusName);
    expect(await focus.textContent()).toContain(`Value: ${valueName}`);

    // An experiment from a library module of that capability, through the module page's button.
    const suggested = (await (await sam.request.get(`${server.url}/api/development/suggestions`)).json()) as {
      suggestions: { capabilityKey: string; name: string }[];
    };
    const key = suggested.suggestions.find((s) => s.name === focusName)!.capabilityKey;
    const modules = (await (
      await sam.request.get(`${server.url}/api/library/modules?capability=${encodeURIComponent(key)}`)
    ).json()) as { items: { id: string; title: string; practice: { action: string } }[] };
    const module = modules.items[0]!;
    await sam.goto(`${server.url}/library/${module.id}`);
    await sam.getByRole('link', { name: 'Practise this as an experiment' }).click();
    await heading(sam, 'New experiment');
    await expect.poll(() => sam.getByText(`From the library: ${module.title}`).count()).toBe(1);
    expect(await sam.getByLabel('What I will do', { exact: true }).inputValue()).toBe(module.practice.action);
    await sam.getByLabel('Focus area', { exact: true }).selectOption({ label: focusName });
    await checkPage(sam, 'experiment-new');
    await sam.getByRole('button', { name: 'Add experiment' }).click();
    await heading(sam, 'My development plan');
    await expect.poll(() => focus.getByText(module.practice.action).count()).toBeGreaterThan(0);

    // The one-tap practice log: did it, outcome 4, a note.
    const log = focus.locator('.plan-log-form').first();
    await log.getByLabel('Yes, I did it').check();
    await log.getByLabel('4', { exact: true }).check();
    await log.getByLabel('Note (optional)').fill('Asked two questions before giving my view.');
    await log.getByRole('button', { name: 'Save to my log' }).click();
    await log.getByRole('status').filter({ hasText: 'Saved to your practice log.' }).waitFor();
    await expect.poll(() => focus.locator('.plan-log li').count()).toBeGreaterThan(0);

    // Share the whole plan with the manager; the page says who sees what.
    await sam.getByLabel(`Share with my manager, ${MANAGER}`).check();
    await sam.getByText('Your manager can see the whole plan.').waitFor();
    await checkPage(sam, 'current');

    // The manager finds it under "Shared with me", reads it and comments.
    const arjun = await signedInAs(browser, server, MANAGER);
    await arjun.goto(`${server.url}/plan/shared`);
    await heading(arjun, 'Plans shared with me');
    await checkPage(arjun, 'shared');
    // The demo's earlier plan of the participant may be listed too: the new one is named by its title.
    const planLink = arjun.getByRole('link', { name: `${PARTICIPANT}: ${planTitle}` });
    await planLink.click();
    await heading(arjun, `${PARTICIPANT}’s plan`);
    const sharedUrl = arjun.url();
    expect(await arjun.locator('.plan-focus').first().textContent()).toContain(focusName);
    await arjun.getByLabel('Your comment').fill(COMMENT);
    await arjun.getByRole('button', { name: 'Add comment' }).click();
    await arjun.getByText('Comment added.').waitFor();
    await expect.poll(() => arjun.getByText(COMMENT).count()).toBe(1);
    await checkPage(arjun, 'shared-plan');

    // The participant sees the comment, then revokes: switching sharing off is immediate.
    await sam.reload();
    await heading(sam, 'My development plan');
    await expect.poll(() => sam.getByText(COMMENT).count()).toBe(1);
    await sam.getByLabel(`Share with my manager, ${MANAGER}`).uncheck();
    await sam.getByText('Only you can see this plan.').waitFor();

    // The manager no longer sees it: the page says so, the API answers 404, the list omits it.
    await arjun.goto(sharedUrl);
    await arjun.getByText('This plan is not shared with you (or no longer).').waitFor();
    const planId = sharedUrl.split('/').pop()!;
    expect((await arjun.request.get(`${server.url}/api/plans/${planId}`)).status()).toBe(404);
    await arjun.goto(`${server.url}/plan/shared`);
    await heading(arjun, 'Plans shared with me');
    expect(await planLink.count()).toBe(0);

    // History and coaching pages, for axe and the phone layout.
    await sam.goto(`${server.url}/plan/history`);
    await heading(sam, 'Earlier plans');
    await checkPage(sam, 'history');
    await sam.goto(`${server.url}/plan/coaching`);
    await heading(sam, 'Coaching');
    await checkPage(sam, 'coaching');

    await sam.context().close();
    await arjun.context().close();
  });
});
