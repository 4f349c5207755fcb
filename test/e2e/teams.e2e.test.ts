// Issue 11, nested teams as people meet them: a person page and the directory show where someone's
// team sits and who leads it beside their own manager; an admin shapes the tree on the Teams page,
// where a team cannot be moved inside itself and the server's refusals appear beside the field.
import type { Browser } from 'playwright-core';
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

describe.runIf(chromiumAvailable())('nested teams in the web app', () => {
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

  it('shows the team path, the team leader and the manager on the directory and a person page', async () => {
    for (const width of [1280, 360]) {
      const page = await signedInAs(browser, server, 'Sam Taylor', width);
      await page
        .getByLabel('Team', { exact: true })
        .selectOption({ label: 'Executive Office › Product & Engineering' });
      // Product & Engineering has no members of its own: its sub-teams' people are listed.
      await page.getByRole('link', { name: 'Sam Taylor' }).first().waitFor();
      await page.getByRole('link', { name: 'Freya Larsen' }).first().waitFor();
      expect(await page.getByRole('link', { name: 'Jonas Weber' }).count()).toBe(0);
      await screenshot(page, `people-team-filter-${width}`);
      await page.getByRole('link', { name: 'Sam Taylor' }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Sam Taylor' }).waitFor();
      const details = page.getByRole('region', { name: 'Details' });
      await details.getByText('Executive Office › Product & Engineering › Engineering').waitFor();
      const fact = (term: string) =>
        details.locator('div', { has: page.getByText(term, { exact: true }) }).last();
      expect(await fact('Team leader').getByRole('link').textContent()).toBe('Priya Raman');
      expect(await fact('Manager').getByRole('link').textContent()).toBe('Arjun Patel');
      await expectAccessible(page, `person page with team path ${width} px`);
      await screenshot(page, `person-team-path-${width}`);
      await page.context().close();
    }
  });

  it('lets an admin add, move and lead teams, never inside themselves, errors beside the fields', async () => {
    for (const width of [1280, 360]) {
      const page = await signedInAs(browser, server, 'Amara Okafor', width);
      await page.goto(`${server.url}/admin/teams`);
      await page.getByRole('heading', { level: 1, name: 'Teams' }).waitFor();
      const add = page.getByRole('form', { name: 'Add a team' });
      const name = `Platform ${width}`;
      await add.getByLabel('Name').fill(name);
      await add
        .getByLabel('Inside team')
        .selectOption({ label: 'Executive Office › Product & Engineering › Engineering' });
      await add.getByLabel('Leader').selectOption({ label: 'Sofia Novak' });
      await add.getByRole('button', { name: 'Add team' }).click();
      await page.getByText(`${name} was added.`).waitFor();
      const item = page
        .getByRole('listitem')
        .filter({ has: page.getByText(name, { exact: true }) })
        .last();
      await item.getByText('Led by Sofia Novak').waitFor();

      await page.getByRole('button', { name: 'Edit Product & Engineering' }).click();
      const edit = page.getByRole('form', { name: 'Edit Product & Engineering' });
      const options = await edit.getByLabel('Inside team').locator('option').allInnerTexts();
      expect(options).toContain('Executive Office');
      expect(options.some((o) => o.includes('Engineering › Engineering'))).toBe(false); // its own sub-tree
      await edit.getByLabel('Name').fill('Engineering'); // taken: the server says so beside the field
      await edit.getByRole('button', { name: 'Save team' }).click();
      await edit.getByText('Name is already in use.').waitFor();
      expect(await edit.getByLabel('Name').getAttribute('aria-invalid')).toBe('true');
      await expectAccessible(page, `teams page with an error ${width} px`);
      await screenshot(page, `teams-edit-error-${width}`);
      await edit.getByRole('button', { name: 'Cancel' }).click();
      await expectAccessible(page, `teams page ${width} px`);
      await screenshot(page, `teams-${width}`);
      await page.context().close();
    }
  });
});
