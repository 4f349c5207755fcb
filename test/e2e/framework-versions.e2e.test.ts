// Framework versions as an admin edits them, in Debian's Chromium: start a draft, change an item's
// wording, add a capability for one of the organisation's values, see a rule the server enforces
// named beside the field, fix it, save, publish after confirming, and find the published version
// read-only. Also: importing a file with a problem (named by its path and line), discarding a
// draft, and the pages on a 360 px phone. axe-core scans every page.
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

const ADMIN = 'amara.okafor@northwind.example';
const NEW_WORDING = 'I can name the moments that bring out my best, and my worst.';

describe.runIf(chromiumAvailable())('framework versions in the browser', () => {
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

  async function signInTo(page: Page, path: string, heading: string | RegExp) {
    await page.goto(`${server.url}${path}`);
    await page.getByLabel('Email').fill(ADMIN);
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  }

  const capability = (page: Page, name: string) =>
    page.locator('details.capability', { has: page.locator('summary', { hasText: name }) });
  const versionCard = (page: Page, number: number) =>
    page.locator('.version-card', {
      has: page.getByRole('heading', { name: `Version ${number}`, exact: true }),
    });
  const noSidewaysScroll = async (page: Page) =>
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      page.viewportSize()!.width,
    );

  it('starts a draft, edits wording, adds a value with three items, saves past an error and publishes', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
    await signInTo(page, '/people', 'People');
    // The admin sections sit in one header menu: by keyboard it opens, Escape closes it and
    // returns focus to its button, and a section's link navigates (and closes it).
    const menuButton = page.getByRole('button', { name: 'Admin', exact: true });
    await menuButton.focus();
    await page.keyboard.press('Enter');
    const framework = page.getByRole('link', { name: 'Framework', exact: true });
    await framework.waitFor();
    await screenshot(page, 'admin-menu');
    await page.keyboard.press('Escape');
    await framework.waitFor({ state: 'hidden' });
    expect(await menuButton.evaluate((b) => b === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await framework.click();
    await page.getByRole('heading', { level: 1, name: 'Framework versions' }).waitFor();
    expect(await menuButton.getAttribute('aria-expanded')).toBe('false');
    await page.getByRole('link', { name: 'Instrument quality' }).click();
    await page.getByRole('heading', { level: 1, name: 'Instrument quality' }).waitFor();
    await page
      .getByRole('navigation', { name: 'Framework administration' })
      .getByRole('link', { name: 'Versions' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Framework versions' }).waitFor();
    const v1 = versionCard(page, 1);
    await v1.waitFor();
    expect(await v1.textContent()).toMatch(/Published.*In use/);
    await expectAccessible(page, 'versions');
    await screenshot(page, 'framework-versions');

    await page.getByRole('button', { name: 'Start a draft' }).click();
    await page.getByRole('heading', { level: 1, name: 'Version 2 (draft)' }).waitFor();
    const draftId = /\/admin\/framework\/versions\/([0-9a-f-]{36})$/.exec(page.url())?.[1];
    expect(draftId).toBeDefined();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'No unsaved changes.' }).count())
      .toBe(1);

    // One item's self wording, with the keyboard: the summary opens with Enter.
    const selfAwareness = capability(page, 'Self-awareness');
    await selfAwareness.locator('summary').focus();
    await page.keyboard.press('Enter');
    const firstSelf = selfAwareness.getByLabel('Self wording').first();
    await firstSelf.fill(NEW_WORDING);
    await page.getByRole('status').filter({ hasText: 'You have unsaved changes.' }).waitFor();

    // The browser's Back button asks before unsaved changes are lost; "stay" keeps them.
    const editorUrl = page.url();
    const asked = new Promise<string>((resolve) =>
      page.once('dialog', async (dialog) => {
        resolve(dialog.message());
        await dialog.dismiss();
      }),
    );
    await page.evaluate(() => window.history.back());
    expect(await asked).toMatch(/unsaved/i);
    expect(page.url()).toBe(editorUrl);
    expect(await firstSelf.inputValue()).toBe(NEW_WORDING);

    // A capability for one of the organisation's values, in a new values block.
    await page.getByRole('button', { name: 'Add a capability' }).click();
    const add = page.locator('form.add-capability');
    await add.getByLabel('Name', { exact: true }).fill('Our value: candour');
    expect(await add.getByLabel('Key', { exact: true }).inputValue()).toBe('our-value-candour');
    expect(await add.getByLabel('Building block').inputValue()).toBe('(new values block)');
    await add.getByLabel('Short description').fill('Saying what you think, kindly and in time.');
    await add
      .getByLabel('Explanation')
      .fill('Candour means raising concerns early and plainly, while respecting the people involved.');
    await add.getByRole('button', { name: 'Add with 3 items' }).click();

    const candour = capability(page, 'Our value: candour');
    await candour.waitFor();
    expect(await candour.getAttribute('open')).not.toBeNull();
    // The new item's first wording field has focus, ready to type.
    expect(await page.evaluate(() => document.activeElement?.id)).toMatch(
      /^fw-capabilities-\d+-items-0-self$/,
    );
    const wording = [
      [
        'I say so when I disagree, even with senior people.',
        'They say so when they disagree, even with senior people.',
      ],
      ['I give feedback while it can still help.', 'They give feedback while it can still help.'],
      ['I admit my own mistakes openly.', 'They admit their own mistakes openly.'],
    ] as const;
    const selfFields = candour.getByLabel('Self wording');
    const observerFields = candour.getByLabel('Observer wording');
    expect(await selfFields.count()).toBe(3);
    for (const [i, [self, observer]] of wording.entries()) {
      // The second self wording stays blank: the server refuses it and names the field.
      if (i !== 1) await selfFields.nth(i).fill(self);
      await observerFields.nth(i).fill(observer);
    }
    await page.getByRole('button', { name: 'Save draft' }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('The draft was not saved: 1 problem needs fixing.');
    expect(await summary.textContent()).toContain('“Our value: candour”, item 2, self wording is required');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    expect(await selfFields.nth(1).getAttribute('aria-invalid')).toBe('true');
    await candour.getByText('Self wording is required.').waitFor();
    await page.getByRole('status').filter({ hasText: 'You have unsaved changes.' }).waitFor();
    await expectAccessible(page, 'editor with an error');
    await screenshot(page, 'framework-editor-error');

    // The summary's link takes the keyboard to the field.
    await summary.getByRole('link').click();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-invalid'))).toBe('true');
    await page.keyboard.type(wording[1][0]);
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByRole('status').filter({ hasText: 'Draft version 2 saved.' }).waitFor();
    expect(await summary.count()).toBe(0);
    expect(await selfFields.nth(1).getAttribute('aria-invalid')).toBeNull();
    await screenshot(page, 'framework-editor-saved');

    const saved = (await (
      await page.request.get(`${server.url}/api/framework/versions/${draftId}`)
    ).json()) as {
      status: string;
      definition: {
        blocks: { key: string; kind: string }[];
        capabilities: { key: string; block: string; items: { key: string; self: string }[] }[];
      };
    };
    expect(saved.status).toBe('draft');
    const savedCandour = saved.definition.capabilities.find((c) => c.key === 'our-value-candour');
    expect(savedCandour?.items.map((i) => i.self)).toEqual(wording.map(([self]) => self));
    expect(saved.definition.blocks.find((b) => b.key === savedCandour?.block)?.kind).toBe('values');
    expect(saved.definition.capabilities.find((c) => c.key === 'self-awareness')?.items[0]?.self).toBe(
      NEW_WORDING,
    );

    // Retiring an item is a toggle, and leaves it in the definition.
    const retire = selfAwareness.getByRole('button', { name: 'Retire item 4' });
    await retire.click();
    await selfAwareness.getByRole('button', { name: 'Restore item 4' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'You have unsaved changes.' }).waitFor();
    await selfAwareness.getByRole('button', { name: 'Restore item 4' }).click();
    await page.getByRole('status').filter({ hasText: 'Draft version 2 saved.' }).waitFor();

    // Publish from the list, after a confirmation that says what it means.
    await page.getByRole('link', { name: 'All versions' }).click();
    await page.getByRole('heading', { level: 1, name: 'Framework versions' }).waitFor();
    const v2 = versionCard(page, 2);
    expect(await v2.textContent()).toMatch(/Draft/);
    await v2.getByRole('button', { name: 'Publish… version 2' }).click();
    const dialog = page.getByRole('dialog', { name: 'Publish version 2?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toMatch(/can never be changed again/);
    expect(await dialog.textContent()).toMatch(/new self-assessment/);
    await expectAccessible(page, 'publish dialog');
    await screenshot(page, 'framework-publish-dialog');
    await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByText('Version 2 is published. New assessments use it from now on.').waitFor();
    await expect.poll(() => v2.textContent()).toMatch(/Published.*In use/);
    expect(await v2.textContent()).not.toMatch(/Not yet/);
    expect(await versionCard(page, 1).textContent()).not.toMatch(/In use/);
    await expectAccessible(page, 'versions after publishing');
    await screenshot(page, 'framework-versions-published');

    // A published version opens read-only.
    await v2.getByRole('link', { name: 'View version 2' }).click();
    await page.getByRole('heading', { level: 1, name: 'Version 2' }).waitFor();
    await page.getByText(/was published on .* and cannot change/).waitFor();
    await capability(page, 'Our value: candour').locator('summary').click();
    await capability(page, 'Our value: candour').getByText(wording[1][0]).waitFor();
    expect(await page.getByRole('textbox').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Save draft' }).count()).toBe(0);
    await expectAccessible(page, 'published version');
    await screenshot(page, 'framework-version-read-only');
    const yaml = await page.request.get(`${server.url}/api/framework/versions/${draftId}/export?format=yaml`);
    expect(yaml.headers()['content-type']).toMatch(/yaml/);
    expect(await yaml.text()).toContain('our-value-candour');
    await page.close();
  });

  it('names the problems of an imported file, imports a good one and discards the draft', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
    await signInTo(page, '/admin/framework/versions', 'Framework versions');
    const current = (await (await page.request.get(`${server.url}/api/framework`)).json()) as { id: string };
    const exported = await page.request.get(
      `${server.url}/api/framework/versions/${current.id}/export?format=json`,
    );
    const good = await exported.text();
    const document = JSON.parse(good) as { capabilities: { items: { self: string }[] }[] };
    document.capabilities[0]!.items[1]!.self = ' ';
    const bad = JSON.stringify(document, null, 2);

    const file = page.getByLabel('Framework file (JSON or YAML)');
    await file.setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(bad) });
    await page.getByRole('button', { name: 'Import as a draft' }).click();
    const problems = page.getByRole('alert').filter({ hasText: 'bad.json was not imported' });
    await problems.waitFor();
    expect(await problems.textContent()).toMatch(
      /capabilities\[0\]\.items\[1\]\.self: is required \(line \d+\)/,
    );
    await expectAccessible(page, 'import with a problem');
    await screenshot(page, 'framework-import-error');

    await file.setInputFiles({ name: 'good.json', mimeType: 'application/json', buffer: Buffer.from(good) });
    await page.getByRole('button', { name: 'Import as a draft' }).click();
    await page.getByRole('heading', { level: 1, name: /^Version \d+ \(draft\)$/ }).waitFor();
    const number = Number(
      /Version (\d+)/.exec((await page.getByRole('heading', { level: 1 }).textContent()) ?? '')?.[1],
    );

    await page.getByRole('link', { name: 'All versions' }).click();
    await page
      .getByText(`Version ${number} is a draft. Publish or discard it before starting another.`)
      .waitFor();
    expect(await page.getByRole('button', { name: 'Start a draft' }).isDisabled()).toBe(true);
    await versionCard(page, number)
      .getByRole('button', { name: `Discard… version ${number}` })
      .click();
    const dialog = page.getByRole('dialog', { name: `Discard draft version ${number}?` });
    await dialog.getByRole('button', { name: 'Keep the draft' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(await versionCard(page, number).count()).toBe(1);
    await versionCard(page, number)
      .getByRole('button', { name: `Discard… version ${number}` })
      .click();
    await dialog.getByRole('button', { name: 'Discard draft' }).click();
    await page.getByText(`Draft version ${number} was discarded.`).waitFor();
    await expect.poll(() => versionCard(page, number).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Start a draft' }).isDisabled()).toBe(false);
    await page.close();
  });

  it('works on a 360 px phone', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 800 }, reducedMotion: 'reduce' });
    await signInTo(page, '/admin/framework/versions', 'Framework versions');
    await versionCard(page, 1).waitFor();
    await noSidewaysScroll(page);
    await expectAccessible(page, 'versions on a phone');
    await screenshot(page, 'framework-versions-mobile');
    // On a phone the sections sit behind one "Menu" button; the admin ones open below the header,
    // whole and on screen.
    await page.getByRole('button', { name: 'Menu', exact: true }).click();
    const outbox = page.getByRole('link', { name: 'Outbox', exact: true });
    await screenshot(page, 'admin-menu-mobile');
    // The open menu scrolls within the screen once it is taller than the phone (it is, with every
    // Grow page): the last link is reached by scrolling the menu, not cut off.
    await outbox.scrollIntoViewIfNeeded();
    const box = (await outbox.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(360);
    expect(
      await outbox.evaluate((a) => {
        const r = a.getBoundingClientRect();
        return document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) === a;
      }),
    ).toBe(true);
    await expectAccessible(page, 'admin menu on a phone');
    await screenshot(page, 'admin-menu-mobile');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Start a draft' }).click();
    await page.getByRole('heading', { level: 1, name: /\(draft\)$/ }).waitFor();
    const cap = capability(page, 'Self-awareness');
    await cap.locator('summary').click();
    await cap.getByLabel('Observer wording').first().fill('');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await cap.getByText('Observer wording is required.').waitFor();
    await noSidewaysScroll(page);
    await expectAccessible(page, 'editor on a phone');
    await screenshot(page, 'framework-editor-mobile');

    await page.getByRole('button', { name: 'Add a capability' }).click();
    await page.locator('form.add-capability').getByLabel('Name', { exact: true }).waitFor();
    await noSidewaysScroll(page);
    await screenshot(page, 'framework-add-capability-mobile');
    await page.close();
  });

  // Every section of the header can be reached at any width: on a wide screen as links and menus
  // (Know yourself, Organisation, Admin) in one row, behind one "Menu" button (a disclosure:
  // aria-expanded, Escape closes it and gives focus back) on a phone. Each link is on screen, not
  // covered, and leads to its page. [menu it sits in on a wide screen, link, page heading]
  const SECTIONS = [
    ['Organisation', 'People', 'People'],
    ['Know yourself', 'My assessment', 'Self-assessment'],
    ['Know yourself', 'Profile', 'Your leadership profile'],
    ['Know yourself', '360 feedback', '360° feedback'],
    ['Admin', 'Import', 'Import people'],
    ['Admin', 'Outbox', 'Outbox'],
    ['Admin', '360 admin', '360° feedback'],
    ['Admin', 'Framework', 'Framework versions'],
  ] as const;
  // A long menu on a short phone screen scrolls, as the page does: the link is brought into view
  // first, then it must be on screen horizontally and not covered.
  const onScreen = async (page: Page, name: string) => {
    const link = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
    await link.scrollIntoViewIfNeeded();
    return link.evaluate((a) => {
      const r = a.getBoundingClientRect();
      const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
      return r.width > 0 && r.x >= 0 && r.x + r.width <= window.innerWidth && !!hit && a.contains(hit);
    });
  };

  it('reaches every section from the header at 1280 px, with no menu button', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
    await signInTo(page, '/people', 'People');
    expect(await page.getByRole('button', { name: 'Menu', exact: true }).count()).toBe(0);
    const nav = page.getByRole('navigation', { name: 'Main' });
    // One line: every menu button sits on the same row.
    const tops = await nav
      .locator('.nav-menu-button')
      .evaluateAll((bs) => bs.map((b) => b.getBoundingClientRect().top));
    expect(new Set(tops).size).toBe(1);
    for (const [menu, link, heading] of SECTIONS) {
      await nav.getByRole('button', { name: menu, exact: true }).click();
      expect(await onScreen(page, link)).toBe(true);
      await nav.getByRole('link', { name: link, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    }
    await page.close();
  });

  it('reaches every section from the header at 360 px through the menu button', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 800 }, reducedMotion: 'reduce' });
    await signInTo(page, '/people', 'People');
    await noSidewaysScroll(page);
    const nav = page.getByRole('navigation', { name: 'Main' });
    const menu = nav.getByRole('button', { name: 'Menu', exact: true });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await nav.getByRole('link').count()).toBe(0);
    await screenshot(page, 'nav-closed-mobile');

    // By keyboard: Enter opens it, Escape closes it and focus is back on the button.
    await menu.focus();
    await page.keyboard.press('Enter');
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    for (const [, link] of SECTIONS) expect(await onScreen(page, link)).toBe(true);
    await expectAccessible(page, 'navigation open on a phone');
    await screenshot(page, 'nav-open-mobile');
    await page.keyboard.press('Escape');
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await menu.evaluate((b) => b === document.activeElement)).toBe(true);

    // Every section, each from a freshly opened menu; following a link closes it.
    for (const [, link, heading] of SECTIONS) {
      await menu.click();
      await nav.getByRole('link', { name: link, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      expect(await menu.getAttribute('aria-expanded')).toBe('false');
      await noSidewaysScroll(page);
    }
    // Tabbing out of the open menu closes it, so it never covers what comes next.
    await menu.click();
    await nav.getByRole('link').last().focus();
    await page.keyboard.press('Tab');
    await expect.poll(() => menu.getAttribute('aria-expanded')).toBe('false');
    await page.close();
  });
});
