// Makes fixtures of what a released build gives a client and a link
// worker, for the tests that check every later build still opens them:
// a plain and a protected summary link, and a plain and a protected
// backup holding a realistic record (with a share log and a kept summary).
//   node scripts/make-fixtures.mjs <a released build's dist> <out folder>
// The fixtures in tests/fixtures/released/ were made from the build of
// commit 07e765b (the release before the app was split into chunks).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { startServer } from './serve.mjs';
import { realisticRecord, RECORD_NOW } from '../tests/e2e/record.js';

const [dist, out] = process.argv.slice(2);
if (!dist || !out) {
  console.error('usage: node scripts/make-fixtures.mjs <dist> <out folder>');
  process.exit(2);
}
mkdirSync(out, { recursive: true });
const PORT = 4191;
const base = `http://127.0.0.1:${PORT}`;
const server = await startServer({ root: dist, port: PORT });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
try {
  const context = await browser.newContext({ acceptDownloads: true, locale: 'en-GB', timezoneId: 'Europe/London' });
  const page = await context.newPage();
  await page.clock.setFixedTime(RECORD_NOW);
  await page.goto(`${base}/no-such-page`);
  await page.evaluate((records) => { for (const [k, v] of Object.entries(records)) localStorage.setItem(k, v); }, realisticRecord());

  // Two links of the last 4 weeks: plain, and with the suggested passphrase.
  const link = async (protect) => {
    await page.goto(`${base}/share`);
    await page.getByRole('radio', { name: 'The last 4 weeks', exact: true }).check();
    await page.getByRole('button', { name: 'Preview what your link worker will see' }).click();
    const box = page.getByLabel('Protect it with a passphrase');
    if (protect) await box.check(); else await box.uncheck();
    const passphrase = protect ? await page.getByLabel('Passphrase', { exact: true }).inputValue() : null;
    await page.getByRole('button', { name: 'Make the link' }).click();
    const url = await page.getByLabel(/^Your link/).inputValue();
    // Shared as a link, so the share log has it.
    await page.getByRole('button', { name: /^(Share|Copy) the link$/ }).click().catch(() => {});
    return { url: url.replace(base, 'https://alongside.example'), passphrase };
  };
  const plain = await link(false);
  const locked = await link(true);
  writeFileSync(join(out, 'link-plain.txt'), plain.url + '\n');
  writeFileSync(join(out, 'link-protected.txt'), locked.url + '\n');
  writeFileSync(join(out, 'link-passphrase.txt'), locked.passphrase + '\n');

  // The link worker keeps the plain one on this device too.
  await page.goto(plain.url.replace('https://alongside.example', base));
  await page.getByRole('button', { name: 'Keep on this device' }).click();

  // Two backups: plain, and protected with a passphrase.
  const backup = async (passphrase) => {
    await page.goto(`${base}/my-data`);
    if (passphrase) {
      await page.getByLabel('Protect the backup with a passphrase').check();
      await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
    }
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Make a backup' }).click();
    return readFileSync(await (await downloading).path(), 'utf8');
  };
  writeFileSync(join(out, 'backup.json'), await backup(null));
  writeFileSync(join(out, 'backup-protected.txt'), await backup('apple bread candle dolphin'));
  writeFileSync(join(out, 'backup-passphrase.txt'), 'apple bread candle dolphin\n');
  await context.close();
  console.log(`fixtures written to ${out}`);
} finally {
  await browser.close();
  server.close();
}
