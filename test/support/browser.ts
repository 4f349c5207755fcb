// Browser tests use Debian's Chromium through playwright-core (browser downloads are impossible
// here). Without Chromium the suite is skipped with a message; under CI=true that is a failure.
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { type Browser, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { DEMO_PASSWORD, DEMO_SLUG, demoEmail } from '../../src/demo/seed-demo.ts';
import { organisations } from '../../src/platform/tenancy/schema.ts';
import { type RunningServer, startServer } from '../../src/server.ts';

export const CHROMIUM = process.env.LODESTAR_CHROMIUM ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(import.meta.dirname, '../../test-results/screenshots');

export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI === 'true') {
    throw new Error(
      `CI=true but Chromium is missing at ${CHROMIUM}: install it (apt-get install -y chromium)`,
    );
  }
  console.warn(
    `\n  ⚠ Skipping the browser suite: no Chromium at ${CHROMIUM} (apt-get install -y chromium).\n`,
  );
  return false;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A real server on a free port with a fresh embedded database and the demo organisation. */
export async function startDemoServer(): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lodestar-e2e-'));
  return startServer(
    loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      LODESTAR_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
    }),
  );
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** axe-core, injected from the installed package, run against the current page. */
export async function axeScan(
  page: Page,
): Promise<{ id: string; impact: string; help: string; nodes: number }[]> {
  const source = (await import('node:fs')).readFileSync(
    join(import.meta.dirname, '../../node_modules/axe-core/axe.min.js'),
    'utf8',
  );
  // Evaluated through the DevTools protocol, which the page’s CSP (no inline scripts) does not govern.
  await page.evaluate(source);
  const violations = await page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected into the page at run time, untyped there.
    const axe = (window as any).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map(
      (v: { id: string; impact: string; help: string; nodes: { target: string[] }[] }) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.map((n) => n.target.join(' ')),
      }),
    );
  });
  return violations;
}

/** Fails the test with the list when axe finds a serious or critical problem on the page. */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  const serious = (await axeScan(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious, `${name}: ${JSON.stringify(serious)}`).toEqual([]);
}

/** The id of the demo organisation the demo server seeded. */
export async function demoOrganisationId(server: RunningServer): Promise<string> {
  const [org] = await server.services.db.asSystem((tx) =>
    tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, DEMO_SLUG)),
  );
  return org!.id;
}

/** A fresh browser context signed in as a demo person (by name), on the People page. */
export async function signedInAs(
  browser: Browser,
  server: RunningServer,
  name: string,
  width = 1280,
): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/people`);
  await page.getByLabel('Email').fill(demoEmail(name));
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'People' }).waitFor();
  return page;
}
