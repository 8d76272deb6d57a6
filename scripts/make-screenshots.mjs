// Makes the screenshots the web app manifest offers (Chrome shows them in
// its richer install dialog) from the app itself, with the browser tests'
// realistic record: Today on a phone (360x740 at 2x) and on a laptop
// (1280x800). Run after a build, then commit public/screenshots/:
//
//   node scripts/build.mjs && node scripts/make-screenshots.mjs
//
// The service worker does not precache them: only an install dialog asks.
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { startServer } from './serve.mjs';
import { realisticRecord, RECORD_NOW } from '../tests/e2e/record.js';

const PORT = 4199;
const OUT = 'public/screenshots';
const SHOTS = [
  { file: 'phone.png', viewport: { width: 360, height: 740 }, scale: 2 },
  { file: 'wide.png', viewport: { width: 1280, height: 800 }, scale: 1 },
];

mkdirSync(OUT, { recursive: true });
const server = await startServer({ root: 'dist', port: PORT });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  for (const { file, viewport, scale } of SHOTS) {
    const context = await browser.newContext({
      viewport, deviceScaleFactor: scale, locale: 'en-GB', timezoneId: 'Europe/London', serviceWorkers: 'block',
    });
    const page = await context.newPage();
    await page.clock.setFixedTime(RECORD_NOW);
    await page.goto(`http://127.0.0.1:${PORT}/no-such-page`);
    await page.evaluate((records) => {
      localStorage.clear();
      for (const [k, v] of Object.entries(records)) localStorage.setItem(k, v);
      // As an installed app sees it: no offer to install.
      localStorage.setItem('alongside-device.install', JSON.stringify({ v: 1, not_now_until: '2099-01-01T00:00:00.000Z' }));
    }, realisticRecord());
    await page.goto(`http://127.0.0.1:${PORT}/`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.screenshot({ path: `${OUT}/${file}` });
    console.log(`${OUT}/${file}: ${viewport.width * scale}x${viewport.height * scale}`);
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
