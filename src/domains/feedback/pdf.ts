// PDF of a report: the printable page rendered by Debian's Chromium through playwright-core. When
// the browser is missing the caller answers 503 and suggests the browser's own print-to-PDF, rather
// than shipping a second renderer that would drift from the page.
import { existsSync } from 'node:fs';
import { ApiError } from '../../platform/http/errors.ts';

export const CHROMIUM_PATH = process.env.LODESTAR_CHROMIUM ?? '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

function unavailable(why: string): ApiError {
  return new ApiError(
    503,
    'pdf_unavailable',
    `PDF export needs Chromium on the server (${why}); open the report and use your browser’s “Print → Save as PDF” instead`,
  );
}

export async function renderPdf(html: string): Promise<Uint8Array> {
  if (!existsSync(CHROMIUM_PATH)) throw unavailable(`${CHROMIUM_PATH} not found`);
  let chromium: typeof import('playwright-core').chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    throw unavailable('playwright-core is not installed');
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS });
  try {
    const page = await browser.newPage();
    // No network: the page is self-contained, and nothing in it should fetch anything.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({
      format: 'A4',
      printBackground: true,
      margin: { top: '15mm', bottom: '15mm', left: '12mm', right: '12mm' },
    });
  } finally {
    await browser.close();
  }
}
