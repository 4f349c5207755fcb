// 360° feedback as people use it, in Debian's Chromium: a participant requests a 360 and nominates
// raters (manager, 2 peers, 3 direct reports) → the manager approves → each rater answers through
// the link emailed to the outbox (one by keyboard alone on a 360 px screen) → release → the
// participant reads the report with its blind spots, and the 2-peer group — its distinctive answers
// and its planted comment — appears nowhere: not on the page, in the JSON, the CSV, or the PDF.
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { and, desc, eq, like } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_SLUG, demoEmail } from '../../src/demo/seed-demo.ts';
import type { FeedbackReport } from '../../src/domains/feedback/contracts.ts';
import { emails } from '../../src/platform/mail/schema.ts';
import { organisations } from '../../src/platform/tenancy/schema.ts';
import type { RunningServer } from '../../src/server.ts';
import {
  chromiumAvailable,
  expectAccessible,
  launchBrowser,
  SCREENSHOTS,
  screenshot,
  startDemoServer,
} from '../support/browser.ts';

const SUBJECT = 'Arjun Patel';
const MANAGER = 'Sofia Novak';
/** Name and team, as the people picker lists them. */
const PEERS = ['Chloé Martin', 'Liam O’Connor'];
const REPORTS = ['Sam Taylor', 'Lucía Romero', 'Ethan Brooks'];
/**
 * Only the two peers write this, and only they answer its question: 2 writers are below the comment
 * minimum, so it must never be shown. (Comments of a small group may legitimately appear unattributed
 * in a pool that reaches the minimum, so the direct reports write on the other question.)
 */
const PEER_CANARY = 'quokka lighthouse marmalade';
const REPORT_COMMENT = 'Runs calm, clear stand-ups every morning';
const CHANGE_QUESTION = 'What is one thing this person could change to be more effective?';

describe.runIf(chromiumAvailable())('360 feedback in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let orgId: string;
  let campaignUrl = '';

  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
    const [org] = await server.services.db.asSystem((tx) =>
      tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, DEMO_SLUG)),
    );
    orgId = org!.id;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function signedIn(name: string, width = 1280): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/people`);
    await page.getByLabel('Email').fill(demoEmail(name));
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'People' }).waitFor();
    return page;
  }

  async function raterPath(name: string): Promise<string> {
    const [email] = await server.services.db.inOrganisation(orgId, (tx) =>
      tx
        .select({ text: emails.text })
        .from(emails)
        .where(and(eq(emails.to, demoEmail(name)), like(emails.text, '%/rate/%')))
        .orderBy(desc(emails.createdAt))
        .limit(1),
    );
    const match = email ? /\/rate\/\S+/.exec(email.text) : null;
    if (!match) throw new Error(`no rater link in the outbox for ${name}`);
    return match[0];
  }

  /** Answers every statement by clicking the option at `pick` (0 = first) of its group. */
  async function answerByMouse(page: Page, pick: (options: number) => number) {
    const groups = page.locator('fieldset.question');
    const count = await groups.count();
    for (let i = 0; i < count; i++) {
      const options = groups.nth(i).locator('label.option');
      await options.nth(pick(await options.count())).click();
    }
  }

  it('a participant requests a 360 and nominates, and the manager approves', async () => {
    const page = await signedIn(SUBJECT);
    await page.getByRole('button', { name: 'Know yourself' }).click();
    await page.getByRole('link', { name: '360 feedback' }).click();
    await page.getByRole('heading', { level: 1, name: '360° feedback' }).waitFor();
    await expectAccessible(page, 'my 360');
    await page.getByRole('button', { name: 'Request a 360' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your 360° feedback' }).waitFor();
    campaignUrl = page.url();

    const group = (name: RegExp) => page.getByRole('region', { name });
    await group(/^Manager/)
      .getByRole('button', { name: `Add ${MANAGER}` })
      .click();
    const peers = group(/^Peers/);
    for (const peer of PEERS) {
      await peers
        .getByRole('combobox', { name: 'Colleague' })
        .selectOption({ label: `${peer} (Engineering)` });
      await peers.getByRole('button', { name: 'Add colleague to Peers' }).click();
    }
    const reports = group(/^Direct reports/);
    for (const name of REPORTS.slice(0, 2)) {
      await reports
        .getByRole('combobox', { name: 'Colleague' })
        .selectOption({ label: `${name} (Engineering)` });
      await reports.getByRole('button', { name: 'Add colleague to Direct reports' }).click();
    }
    // The third by name and email, as for someone outside the directory.
    await reports.getByText('Someone not in the directory').click();
    await reports.getByRole('textbox', { name: 'Name', exact: true }).fill(REPORTS[2]!);
    await reports.getByRole('textbox', { name: 'Email', exact: true }).fill(demoEmail(REPORTS[2]!));
    await reports.getByRole('button', { name: 'Add person to Direct reports' }).click();
    await expect.poll(() => peers.getByRole('listitem').count()).toBe(2);
    await expect.poll(() => reports.getByRole('listitem').count()).toBe(3);
    await expectAccessible(page, 'nominations');
    await screenshot(page, 'feedback-nominate');

    await page.getByRole('button', { name: `Send to ${MANAGER} for approval` }).click();
    await page.getByText('Awaiting approval').first().waitFor();
    await page.context().close();

    const manager = await signedIn(MANAGER);
    await manager.goto(`${server.url}/feedback`);
    const approvals = manager.getByRole('region', { name: 'Waiting for your approval' });
    await approvals.getByRole('link', { name: SUBJECT }).click();
    await manager.getByRole('heading', { level: 1, name: `360° feedback for ${SUBJECT}` }).waitFor();
    await expectAccessible(manager, 'approval');
    await screenshot(manager, 'feedback-approve');
    await manager.getByRole('button', { name: 'Approve and send invitations' }).click();
    await manager.getByText('Approved: invitations are on their way.').waitFor();
    await manager.context().close();
    await server.services.jobs.runDue();
  });

  it('the participant moves the deadline of the open 360 by keyboard, the error beside the field', async () => {
    const day = (d: Date) => d.toLocaleDateString('en-CA'); // YYYY-MM-DD in the browser's (same) zone
    for (const width of [1280, 360]) {
      const page = await signedIn(SUBJECT, width);
      await page.goto(campaignUrl);
      await page.getByRole('heading', { level: 1, name: 'Your 360° feedback' }).waitFor();
      const form = page.getByRole('form', { name: 'Change deadline' });
      const field = form.getByLabel('Deadline', { exact: true });
      await field.focus();
      await field.fill('2020-01-01');
      await page.keyboard.press('Enter');
      await form.getByText('The deadline must be in the future.').waitFor();
      expect(await field.getAttribute('aria-invalid')).toBe('true');
      await screenshot(page, `feedback-deadline-error-${width}`);
      const later = day(new Date(Date.now() + (width === 1280 ? 30 : 40) * 86_400_000));
      await field.fill(later);
      await page.keyboard.press('Enter');
      await form.getByText(/^Deadline changed: answers are taken until/).waitFor();
      expect(await field.getAttribute('aria-invalid')).toBeNull();
      await expectAccessible(page, `change deadline ${width} px`);
      await screenshot(page, `feedback-deadline-${width}`);
      await page
        .locator('.campaign-actions')
        .screenshot({ path: join(SCREENSHOTS, `feedback-deadline-actions-${width}.png`) });
      await page.context().close();
    }
  });

  it('raters answer through their emailed links, one by keyboard alone at 360 px', async () => {
    const open = async (name: string, width: number) => {
      const context = await browser.newContext({ viewport: { width, height: 800 } });
      const page = await context.newPage();
      await page.goto(`${server.url}${await raterPath(name)}`);
      await page.locator('fieldset.question').first().waitFor();
      return page;
    };
    const submit = async (page: Page) => {
      await page.getByRole('button', { name: 'Submit feedback' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Submit', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Thank you' }).waitFor();
      await page.context().close();
    };

    // The manager: middle of the scale. By default the manager is not shown on their own, and is told so.
    const manager = await open(MANAGER, 1280);
    await manager.getByText(/As the manager, your answers are never shown on their own/).waitFor();
    await answerByMouse(manager, (n) => Math.floor((n - 1) / 2));
    await manager.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await submit(manager);

    // The peers: the top of the scale and a planted comment, neither of which may surface anywhere.
    for (const [i, peer] of PEERS.entries()) {
      const page = await open(peer, 1280);
      if (i === 0) {
        await expectAccessible(page, 'rater form');
        await screenshot(page, 'feedback-rate');
      }
      await answerByMouse(page, (n) => n - 2);
      await page.getByLabel('What should this person keep doing?').fill(`${PEER_CANARY} ${i}`);
      // Resume: leave and come back with the same link; the answers are still there.
      await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
      await page.reload();
      await page.locator('fieldset.question').first().waitFor();
      await page.getByText('Welcome back').waitFor();
      expect(await page.getByLabel('What should this person keep doing?').inputValue()).toBe(
        `${PEER_CANARY} ${i}`,
      );
      await submit(page);
    }

    // Two direct reports by mouse: the bottom of the scale.
    for (const name of REPORTS.slice(0, 2)) {
      const page = await open(name, 1280);
      await answerByMouse(page, () => 0);
      await page.getByLabel(CHANGE_QUESTION).fill(`${REPORT_COMMENT} (${name.length})`);
      await submit(page);
    }

    // The third by keyboard alone on a phone-sized screen: Tab into each group, Space picks its first option.
    const phone = await open(REPORTS[2]!, 360);
    await expectAccessible(phone, 'rater form 360 px');
    await screenshot(phone, 'feedback-rate-mobile');
    const questions = await phone.locator('fieldset.question').count();
    await phone.locator('body').focus();
    for (let answered = 0; answered < questions; ) {
      await phone.keyboard.press('Tab');
      const onRadio = await phone.evaluate(
        () =>
          document.activeElement instanceof HTMLInputElement &&
          document.activeElement.type === 'radio' &&
          !document.activeElement.checked,
      );
      if (onRadio) {
        await phone.keyboard.press('Space');
        answered++;
      }
    }
    await phone.keyboard.press('Tab'); // the first open question, left empty
    await phone.keyboard.press('Tab');
    await phone.keyboard.type(`${REPORT_COMMENT} (keyboard)`);
    await phone.getByText('Saved', { exact: true }).waitFor();
    await phone.getByRole('button', { name: 'Submit feedback' }).focus();
    await phone.keyboard.press('Enter');
    await phone.getByRole('dialog').waitFor();
    await phone.keyboard.press('Enter');
    await phone.getByRole('heading', { level: 1, name: 'Thank you' }).waitFor();
    await screenshot(phone, 'feedback-rate-done-mobile');
    await phone.context().close();
    // Six raters each answer all 71 statements by real clicks and key presses: give it time.
  }, 240_000);

  it('admins see completion only, and settings refuse a minimum below 2 beside the field', async () => {
    const page = await signedIn('Amara Okafor');
    await page.getByRole('button', { name: 'Admin', exact: true }).click();
    await page.getByRole('link', { name: '360 admin' }).click();
    await page.getByRole('heading', { level: 1, name: '360° feedback' }).waitFor();
    await page
      .getByRole('row', { name: new RegExp(SUBJECT) })
      .first()
      .waitFor();
    await page.getByRole('spinbutton', { name: 'Minimum peers' }).fill('1');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Minimum peers must be a whole number from 2 to 20.').waitFor();
    expect(await page.getByRole('spinbutton', { name: 'Minimum peers' }).getAttribute('aria-invalid')).toBe(
      'true',
    );
    await expectAccessible(page, 'admin 360');
    await screenshot(page, 'feedback-admin');
    await page.context().close();
  });

  it('releases, shows blind spots, and reveals the 2-peer group nowhere', async () => {
    const page = await signedIn(SUBJECT);
    await page.goto(campaignUrl);
    await page.getByRole('heading', { level: 1, name: 'Your 360° feedback' }).waitFor();
    await page.getByText('6 of 6 raters answered').waitFor();
    await page.getByRole('button', { name: 'Release the report' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Release the report' }).click();
    await page.getByRole('link', { name: 'Read the report' }).click();
    await page.getByRole('heading', { level: 1, name: `360° feedback report: ${SUBJECT}` }).waitFor();

    const blind = page.locator('.gap-blind li');
    expect(await blind.count()).toBeGreaterThan(0);
    await page
      .getByText(/at least \d[.,]\d+ points higher than others/)
      .first()
      .waitFor();
    await page.getByText(/Fewer than 3 peers answered, so their view is combined or hidden/).waitFor();
    await page.getByText(REPORT_COMMENT, { exact: false }).first().waitFor();
    await expectAccessible(page, 'report');
    await screenshot(page, 'feedback-report');

    // Everything on the page, folded tables included: no canary, no figure under a "Peers" heading.
    await page.evaluate(() => {
      for (const d of document.querySelectorAll('details')) d.open = true;
    });
    const text = await page.locator('main').textContent();
    expect(text).not.toContain(PEER_CANARY);
    const headers = await page.locator('main th[scope="col"], .chart-legend, .figures').allInnerTexts();
    expect(headers.join(' ')).not.toMatch(/Peers/);
    const peersRow = await page.getByRole('row', { name: /^Peers/ }).textContent();
    expect(peersRow).toMatch(/Not shown|Combined with others/);

    const mobile = await page.context().newPage();
    await mobile.setViewportSize({ width: 360, height: 800 });
    await mobile.goto(page.url());
    await mobile.getByRole('heading', { level: 1, name: `360° feedback report: ${SUBJECT}` }).waitFor();
    await screenshot(mobile, 'feedback-report-mobile');
    await mobile.close();

    // The same report as JSON, CSV, printable HTML and PDF, fetched with the participant's session.
    const base = `${campaignUrl.replace(/\/$/, '').replace('/feedback/', '/api/feedback/campaigns/')}/report`;
    const json = await page.request.get(base);
    expect(json.status()).toBe(200);
    const report = (await json.json()) as FeedbackReport;
    const body = JSON.stringify(report);
    expect(body).not.toContain(PEER_CANARY);
    expect(report.columns.map((c) => c.group)).not.toContain('peers');
    expect(report.columns.flatMap((c) => c.mergedFrom)).not.toContain('peers');
    const figureGroups = report.capabilities.flatMap((c) => [
      ...c.groups.map((g) => g.group),
      ...c.items.flatMap((i) => i.groups.map((g) => g.group)),
    ]);
    expect(figureGroups).not.toContain('peers');
    expect(report.comments.flatMap((q) => q.buckets.map((b) => b.group))).not.toContain('peers');
    expect(report.blindSpots.length).toBeGreaterThan(0);

    const csv = await (await page.request.get(`${base}.csv`)).text();
    expect(csv).not.toContain(PEER_CANARY);
    for (const line of csv.split('\n').filter((l) => /peers/i.test(l)))
      expect(line).toMatch(/^response_rate,peers,/);

    const html = await page.request.get(`${base}.html`);
    if (html.ok()) expect(await html.text()).not.toContain(PEER_CANARY);

    const pdf = await page.request.get(`${base}.pdf`);
    if (pdf.status() === 503) {
      expect((await pdf.json()).error.code).toBe('pdf_unavailable');
    } else {
      expect(pdf.status()).toBe(200);
      // Crude text extraction: the raw file and every inflatable stream in it.
      const bytes = await pdf.body();
      const texts = [bytes.toString('latin1')];
      const raw = bytes.toString('latin1');
      for (const m of raw.matchAll(/stream\r?\n/g)) {
        const start = m.index! + m[0].length;
        const end = raw.indexOf('endstream', start);
        try {
          texts.push(inflateSync(bytes.subarray(start, end)).toString('latin1'));
        } catch {
          // Not a deflate stream (images, fonts): nothing to read.
        }
      }
      const all = texts.join('\n');
      expect(all).not.toContain(PEER_CANARY);
      expect(all).not.toContain('quokka');
    }
    await page.context().close();
  });
});
