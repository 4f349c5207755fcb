// The rater form as a rater's browser loads it (issue 4: ≤ 150 KB of compressed JS+CSS, split from
// the app, and the first question shown in < 1 s in headless Chromium on loopback).
// Set-up through the API like a person: the demo participant requests a 360 and nominates one rater,
// their manager approves, and the rater's link is read from the outbox (as an admin would).
// Figures: compressed_kb = the JS and CSS the page loads, as the server sends them with
// Accept-Encoding: br; first_question_ms = navigation start → the first radio group laid out and a
// frame later (≈ painted), median of 5 cold loads (a fresh browser context each).
import http from 'node:http';
import { chromium } from 'playwright-core';
import type { Benchmark } from './run.ts';
import { freshDatabaseEnv, signIn, startServerProcess } from './support.ts';

const DEMO_PASSWORD = 'lodestar-demo';
const PARTICIPANT = 'sam.taylor@northwind.example';
const MANAGER = 'arjun.patel@northwind.example';
const ADMIN = 'amara.okafor@northwind.example';
const RATER = 'bench.rater@northwind.example';
const LOADS = 5;
const CHROMIUM = process.env.LODESTAR_CHROMIUM ?? '/usr/bin/chromium';
// The same flags as test/support/browser.ts (DESIGN.md §6).
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

type Session = { cookie: string; csrf: string };

async function call(url: string, session: Session, method: string, path: string, body?: unknown) {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
}

/** A rater link for a fresh 360 of the demo participant, read from the outbox once the job queue sent it. */
async function raterLink(url: string): Promise<string> {
  const participant = await signIn(url, PARTICIPANT, DEMO_PASSWORD);
  const campaign = await call(url, participant, 'POST', '/api/feedback/campaigns', {});
  const id = String(campaign.id);
  await call(url, participant, 'PUT', `/api/feedback/campaigns/${id}/nominations`, {
    nominations: [{ group: 'peers', name: 'Bench Rater', email: RATER }],
  });
  const submitted = await call(url, participant, 'POST', `/api/feedback/campaigns/${id}/submit-nominations`);
  if (submitted.status === 'awaiting_approval') {
    const manager = await signIn(url, MANAGER, DEMO_PASSWORD);
    await call(url, manager, 'POST', `/api/feedback/campaigns/${id}/approve`, {});
  }
  const admin = await signIn(url, ADMIN, DEMO_PASSWORD);
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const res = await fetch(`${url}/api/admin/outbox?limit=50&offset=0`, {
      headers: { cookie: admin.cookie },
    });
    const outbox = (await res.json()) as { items: { to: string; text: string }[] };
    const match = outbox.items
      .filter((m) => m.to === RATER)
      .map((m) => /\/rate\/\S+/.exec(m.text))
      .find(Boolean);
    if (match) return `${url}${match[0]}`;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('no rater link reached the outbox within 30 s');
}

/** Bytes on the wire for one asset when the client accepts brotli (no decoding, unlike fetch). */
function brotliBytes(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'accept-encoding': 'br' } }, (res) => {
        let bytes = 0;
        res.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
        });
        res.on('end', () => resolve(bytes));
      })
      .on('error', reject);
  });
}

const FIRST_QUESTION_PROBE = `
new MutationObserver(function () {
  if (window.__firstQuestion !== undefined) return;
  var first = document.querySelector('fieldset.question input[type="radio"]');
  if (first && first.getBoundingClientRect().height > 0) {
    window.__firstQuestion = -1;
    requestAnimationFrame(function () { window.__firstQuestion = performance.now(); });
  }
}).observe(document, { subtree: true, childList: true });
`;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

const bench: Benchmark = {
  name: 'rater-form',
  description: `the rater form's compressed JS+CSS and time to its first question (median of ${LOADS} cold loads)`,
  async run(ctx) {
    const env = await freshDatabaseEnv(ctx);
    const server = await startServerProcess(env, 3911);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    try {
      const link = await raterLink(server.url);
      ctx.log(`rater link: ${link.replace(/\.[^.]+$/, '.…')}`);
      const times: number[] = [];
      let assets: string[] = [];
      for (let i = 0; i < LOADS; i++) {
        const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
        const page = await context.newPage();
        // performance.now() counts from navigation start. The first question counts once it is laid
        // out (has a size) and the next animation frame has run, i.e. about when it is painted.
        // A string, not a function: tsx would wrap a named inner function in a `__name` helper that
        // does not exist in the page.
        await page.addInitScript({ content: FIRST_QUESTION_PROBE });
        page.on('pageerror', (error) => ctx.log(`page error: ${error.message}`));
        page.on('console', (message) => message.type() === 'error' && ctx.log(`console: ${message.text()}`));
        const loaded: string[] = [];
        page.on('response', (response) => {
          const type = response.request().resourceType();
          if (type === 'script' || type === 'stylesheet') loaded.push(response.url());
        });
        await page.goto(link);
        await page
          .waitForFunction(
            () => ((window as unknown as { __firstQuestion?: number }).__firstQuestion ?? -1) > 0,
            undefined,
            {
              timeout: 10_000,
            },
          )
          .catch(async (error: unknown) => {
            // Say what the page showed instead (an invalid link, a load error), not just "timeout".
            throw new Error(
              `no question within 10 s; the page says: ${((await page.locator('body').textContent()) ?? '').slice(0, 300)}`,
              {
                cause: error,
              },
            );
          });
        times.push(
          await page.evaluate(() => (window as unknown as { __firstQuestion: number }).__firstQuestion),
        );
        assets = loaded;
        await context.close();
      }
      const sizes = await Promise.all(assets.map(brotliBytes));
      const compressed = sizes.reduce((a, b) => a + b, 0);
      const loadsMainApp = assets.some((a) => /\/assets\/main-[^/]*\.js$/.test(a));
      ctx.log(
        `assets: ${assets.map((a, i) => `${a.split('/').pop()} ${(sizes[i]! / 1024).toFixed(1)} KB`).join(', ')}`,
      );
      ctx.log(`first question (ms): ${times.map((t) => t.toFixed(0)).join(', ')}`);
      return {
        compressed_kb: Math.round((compressed / 1024) * 10) / 10,
        first_question_ms: Math.round(median(times)),
        first_question_max_ms: Math.round(Math.max(...times)),
        assets: assets.length,
        loads_main_app: loadsMainApp,
        budget_ok: compressed <= 150 * 1024 && median(times) < 1000 && !loadsMainApp,
      };
    } finally {
      await browser.close();
      await server.stop();
    }
  },
};

export default bench;
