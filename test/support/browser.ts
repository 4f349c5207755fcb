// Browser tests use Debian's Chromium through playwright-core (browser downloads are impossible
// here). Without Chromium the suite is skipped with a message; under CI=true that is a failure.
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { loadConfig } from '../../src/config.ts';
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
