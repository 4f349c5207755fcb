// The self-assessment as a person takes it, in Debian's Chromium: the demo participant (who has
// submitted before, so this is a retake) answers the first page with the keyboard only, reloads
// half-way and carries on where they were, submits, and reads their profile with the manage/lead
// balance. Also: the empty profile, a phone-sized question page, and the admin pages for
// instrument quality and the expected balance per career stage. axe-core scans every page.
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
const ADMIN = 'amara.okafor@northwind.example';
/** Half-way through an assessment in the demo data. */
const FREYA = 'freya.larsen@northwind.example';
/** Has never taken it. */
const VICTOR = 'victor.dubois@northwind.example';

describe.runIf(chromiumAvailable())('self-assessment in the browser', () => {
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

  /** Opens `path`, which sends a signed-out visitor to sign in and back again. */
  async function signInTo(page: Page, email: string, path: string, heading: string | RegExp) {
    await page.goto(`${server.url}${path}`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  }

  const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
  const pageCount = async (page: Page) =>
    Number(/of (\d+)/.exec((await page.locator('.eyebrow').textContent()) ?? '')?.[1]);
  const progressText = (page: Page) => page.locator('.progress-label').textContent();
  const waitSaved = (page: Page) =>
    page.getByRole('status').filter({ hasText: 'All answers saved' }).waitFor();

  /** Answers every question of the page shown by clicking, varying the option chosen. */
  async function answerByPointer(page: Page, seed: number) {
    const questions = page.locator('fieldset.question');
    const n = await questions.count();
    for (let i = 0; i < n; i++) {
      await questions
        .nth(i)
        .locator('input[type=radio]')
        .nth((seed + i) % 5)
        .check();
    }
  }

  it('takes a retake with the keyboard, resumes after a reload, submits and shows the profile', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signInTo(page, SAM, '/assessment', 'Self-assessment');
    await expect.poll(() => page.getByRole('button', { name: 'Take it again' }).count()).toBe(1);
    await expectAccessible(page, 'assessment intro');
    await screenshot(page, 'assessment-intro');

    await page.getByRole('button', { name: 'Take it again' }).click();
    await page.getByRole('heading', { level: 1, name: 'Self-awareness' }).waitFor();
    expect(page.url()).toMatch(/\/assessment\?page=1$/);
    const pages = await pageCount(page);
    expect(pages).toBeGreaterThan(10);
    const total = Number(/of (\d+) answered/.exec((await progressText(page)) ?? '')?.[1]);
    expect(total).toBeGreaterThan(50);

    // Page 1 by keyboard only: Space chooses the focused option, arrow keys move along the scale,
    // Tab goes on to the next statement. The last statement gets "Can't say", the option after the scale.
    const questions = page.locator('fieldset.question');
    const n = await questions.count();
    await questions.first().locator('input[type=radio]').first().focus();
    for (let i = 0; i < n; i++) {
      await page.keyboard.press('Space');
      const steps = i === n - 1 ? 5 : 3;
      for (let s = 0; s < steps; s++) await page.keyboard.press('ArrowRight');
      if (i < n - 1) await page.keyboard.press('Tab');
    }
    for (let i = 0; i < n - 1; i++) {
      expect(await questions.nth(i).getByLabel('Agree', { exact: true }).isChecked()).toBe(true);
    }
    expect(
      await questions
        .nth(n - 1)
        .getByLabel('Can’t say')
        .isChecked(),
    ).toBe(true);
    await waitSaved(page);
    expect(await progressText(page)).toBe(`${n} of ${total} answered`);
    await expectAccessible(page, 'question page');
    await screenshot(page, 'assessment-question');

    // On to the Back and Next buttons, and Enter; the new page's heading takes focus.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/Next/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Values and motivations' }).waitFor();
    // The page moves focus to its heading in an effect after the heading renders: poll, or a loaded
    // machine reads the focus between the two (seen twice in full runs).
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');

    // A few pages by pointer, then a reload half-way: the same page, with its answers, comes back.
    const middle = Math.floor(pages / 2);
    for (let p = 2; p <= middle; p++) {
      await answerByPointer(page, p);
      if (p < middle) {
        const before = await h1(page);
        await page.getByRole('button', { name: 'Next' }).click();
        await expect.poll(() => h1(page)).not.toBe(before);
      }
    }
    await waitSaved(page);
    const resumedHeading = await h1(page);
    const answeredBefore = await progressText(page);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: resumedHeading! }).waitFor();
    expect(page.url()).toMatch(new RegExp(`page=${middle}$`));
    expect(await progressText(page)).toBe(answeredBefore);
    expect(await page.locator('input[type=radio]:checked').count()).toBe(
      await page.locator('fieldset.question').count(),
    );

    // The rest; the review first lists what is missing, then lets the person submit.
    await page.getByRole('button', { name: 'Next' }).click();
    for (let p = middle + 1; p <= pages; p++) {
      await page.getByRole('heading', { level: 1 }).filter({ hasNotText: resumedHeading! }).waitFor();
      if (p === pages) {
        // Leave one statement out, to see the review catch it.
        const questionsHere = page.locator('fieldset.question');
        const count = await questionsHere.count();
        for (let i = 0; i < count - 1; i++)
          await questionsHere.nth(i).locator('input[type=radio]').nth(1).check();
        await page.getByRole('button', { name: 'Review answers' }).click();
      } else {
        const before = await h1(page);
        await answerByPointer(page, p);
        await page.getByRole('button', { name: 'Next' }).click();
        await expect.poll(() => h1(page)).not.toBe(before);
      }
    }
    await page.getByRole('heading', { level: 1, name: 'Review and submit' }).waitFor();
    await page.getByText('1 statement has no answer yet').waitFor();
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.getByRole('alert').filter({ hasText: 'Answer the 1 remaining statement' }).waitFor();
    await expectAccessible(page, 'review with a missing answer');
    await screenshot(page, 'assessment-review');

    const lastPage = page.locator('.review-incomplete a');
    await lastPage.click();
    await page.locator('fieldset.question').last().locator('input[type=radio]').nth(2).check();
    await page.getByRole('button', { name: 'Review answers' }).click();
    await page.getByText('Every statement has an answer').waitFor();
    expect(await progressText(page)).toBe(`${total} of ${total} answered`);
    await page.getByRole('button', { name: 'Submit' }).click();
    const dialog = page.getByRole('dialog', { name: 'Submit your self-assessment?' });
    await dialog.waitFor();
    await expectAccessible(page, 'submit dialog');
    await dialog.getByRole('button', { name: 'Submit and see my profile' }).click();

    await page.getByRole('heading', { level: 1, name: 'Your leadership profile' }).waitFor();
    expect(page.url()).toMatch(/\/profile\/[0-9a-f-]{36}\?submitted=1$/);
    await page.getByText('your self-assessment is submitted').waitFor();
    const balance = page.getByRole('region', { name: 'Managing and leading' });
    await balance.getByText('Your balance').waitFor();
    await balance.getByText('Expected at Individual contributor').waitFor();
    expect(await balance.textContent()).toMatch(/Managing \d+%.*Leading \d+%/s);
    expect(await balance.textContent()).toMatch(/your organisation expects about 30% leading/);
    await page
      .getByText(`Based on ${total - 1} of ${total} statements rated (1 answered “Can’t say”)`)
      .waitFor();
    // Three earlier profiles from the demo data, now one more: history has four points.
    expect(await page.getByRole('link', { name: /^Profile of / }).count()).toBe(3);
    await page.getByRole('region', { name: 'Old behaviours to unlearn' }).waitFor();
    await expectAccessible(page, 'profile');
    await screenshot(page, 'profile');
    // The tables behind the charts open and pass too.
    for (const summary of await page.locator('details.details-toggle > summary').all()) await summary.click();
    await expectAccessible(page, 'profile with tables open');
    await page.close();
  });

  it('invites someone without a profile to take the assessment', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signInTo(page, VICTOR, '/profile', 'Your leadership profile');
    await page.getByText('You have no leadership profile yet').waitFor();
    await expectAccessible(page, 'empty profile');
    await screenshot(page, 'profile-empty');
    await page.getByRole('link', { name: 'Take the self-assessment' }).click();
    await page.getByRole('heading', { level: 1, name: 'Self-assessment' }).waitFor();
    await page.getByRole('button', { name: 'Start the self-assessment' }).waitFor();
    await page.close();
  });

  it('works on a 360 px phone: resuming a half-finished assessment, and the profile', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 800 } });
    await signInTo(page, FREYA, '/assessment', 'Self-assessment');
    await page.getByText(/You have an assessment in progress: \d+ of \d+ answered/).waitFor();
    await screenshot(page, 'assessment-intro-mobile');
    await page.getByRole('button', { name: 'Continue where you left off' }).click();
    await expect.poll(() => page.url()).toMatch(/page=\d+$/);
    await page.locator('fieldset.question').first().waitFor();
    // Nothing may stick out sideways on a phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.locator('fieldset.question').last().locator('input[type=radio]').nth(3).check();
    await waitSaved(page);

    // The connection drops: the answer is not lost, the page says so, and "try again" saves it.
    const answers = '**/api/assessments/*/answers';
    await page.route(answers, (route) => route.abort('internetdisconnected'));
    await page.locator('fieldset.question').first().locator('input[type=radio]').nth(1).check();
    const failure = page.getByRole('alert').filter({ hasText: 'Your latest answers could not be saved' });
    await failure.waitFor();
    expect(await failure.textContent()).toMatch(/could not be reached.*Trying again in \d+ seconds/s);
    await screenshot(page, 'assessment-save-failed-mobile');
    await page.unroute(answers);
    await failure.getByRole('button', { name: 'Try again now' }).click();
    await waitSaved(page);
    expect(await failure.count()).toBe(0);
    await expectAccessible(page, 'question page on a phone');
    await screenshot(page, 'assessment-question-mobile');
    await page.close();

    const sam = await browser.newPage({ viewport: { width: 360, height: 800 } });
    await signInTo(sam, SAM, '/profile', 'Your leadership profile');
    await sam.getByRole('region', { name: 'Managing and leading' }).waitFor();
    expect(await sam.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectAccessible(sam, 'profile on a phone');
    await screenshot(sam, 'profile-mobile');
    await sam.close();
  });

  it('shows admins the instrument quality and lets them set the expected balance per stage', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signInTo(page, ADMIN, '/admin/framework/quality', 'Instrument quality');
    const scales = page.getByRole('table', { name: 'Reliability of each scale' });
    await scales.waitFor();
    expect(await scales.getByRole('row').count()).toBeGreaterThan(10);
    // The demo data has one deliberately weak item.
    await page.getByRole('heading', { name: /items? to look at/ }).waitFor();
    const csv = page.getByRole('link', { name: 'Download CSV' });
    const href = (await csv.getAttribute('href'))!;
    expect(href).toMatch(/\/api\/framework\/versions\/[0-9a-f-]{36}\/quality\.csv$/);
    const download = await page.request.get(`${server.url}${href}`);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toMatch(/text\/csv/);
    await expectAccessible(page, 'instrument quality');
    await screenshot(page, 'framework-quality');

    await page.getByRole('link', { name: 'Expected balance by career stage' }).click();
    await page.getByRole('heading', { level: 1, name: 'Expected balance by career stage' }).waitFor();
    const ic = page.getByLabel('Individual contributor: expected share of leading (%)');
    expect(await ic.inputValue()).toBe('30');
    await ic.fill('150');
    await page.getByRole('button', { name: 'Save expected balance' }).click();
    await page.getByText('must be at most 100').waitFor();
    expect(await ic.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'stage balance with an error');
    await screenshot(page, 'stage-balance-error');
    await ic.fill('35');
    await page.getByRole('button', { name: 'Save expected balance' }).click();
    await page.getByText('Expected balance saved.').waitFor();
    const saved = await page.request.get(`${server.url}/api/admin/stage-balance`);
    const list = (await saved.json()) as { stage: { key: string }; leadShare: number | null }[];
    expect(list.find((s) => s.stage.key === 'individual-contributor')?.leadShare).toBe(0.35);
    await screenshot(page, 'stage-balance');
    await page.close();
  });
});
