import { chromium } from 'playwright-core';
const [,, path = '/progress', name = 'progress', email = 'sam.taylor@northwind.example'] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu'] });
for (const width of [1280, 360]) {
  const ctx = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await ctx.newPage();
  await page.goto('http://localhost:4103/people');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill('lodestar-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForTimeout(1500);
  await page.goto('http://localhost:4103' + path);
  await page.waitForTimeout(2000);
  await page.screenshot({ path: `/tmp/${name}-${width}.png`, fullPage: true });
  await page.screenshot({ path: `/tmp/${name}-${width}-top.png` });
  const sections = page.locator('section.card');
  const count = await sections.count();
  if (count) await sections.nth(count - 1).screenshot({ path: `/tmp/${name}-${width}-last.png` });
  const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  console.log(width, 'sideways', sideways);
  await ctx.close();
}
await browser.close();
