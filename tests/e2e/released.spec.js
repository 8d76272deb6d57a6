// Links and backups made by a released build (tests/fixtures/released/,
// made by scripts/make-fixtures.mjs from commit 07e765b, before the app
// was split into chunks) still open in this one.
import { readFileSync } from 'node:fs';
import { test, expect } from './helpers.js';

const fixture = (name) => readFileSync(new URL(`../fixtures/released/${name}`, import.meta.url), 'utf8').trim();
const heading = (page) => page.getByRole('heading', { level: 1 });
const onThisHost = (url, baseURL) => url.replace('https://alongside.example', baseURL);

test('a plain and a protected link from the released build open', async ({ page, context, baseURL }) => {
  await page.goto(onThisHost(fixture('link-plain.txt'), baseURL));
  await expect(page.getByRole('heading', { name: "Maureen's summary" })).toBeVisible();
  await expect(page.locator('.summary')).toContainText('Walk to the corner shop without stopping');
  // Made before there was "What has changed": it is worked out all the same.
  const changes = page.getByRole('region', { name: 'What has changed' });
  await expect(changes).toContainText('Walk to the corner shop without stopping:');

  // Each in a tab of its own, as a link opens from a message.
  page = await context.newPage();
  await page.goto(onThisHost(fixture('link-protected.txt'), baseURL));
  await page.getByLabel('Passphrase', { exact: true }).fill(fixture('link-passphrase.txt'));
  await page.getByRole('button', { name: 'Open the summary' }).click();
  await expect(page.getByRole('heading', { name: "Maureen's summary" })).toBeVisible();
});

for (const [file, passphrase] of [['backup.json', null], ['backup-protected.txt', 'backup-passphrase.txt']]) {
  test(`the released build's ${file} restores onto an empty phone, share log and kept summary included`, async ({ page }) => {
    await page.goto('/');
    await expect(heading(page)).toHaveText('Welcome to Alongside');
    await page.getByRole('button', { name: 'Restore from a backup' }).click();
    await page.getByLabel('Choose a backup file').setInputFiles({
      name: file, mimeType: 'text/plain', buffer: Buffer.from(fixture(file)),
    });
    if (passphrase) {
      await page.getByLabel('This backup is protected. Enter its passphrase').fill(fixture(passphrase));
      await page.getByRole('button', { name: 'Open backup' }).click();
    }
    await expect(page.locator('#backup-preview')).toContainText('3 goals');
    await page.getByRole('button', { name: 'Restore this backup' }).click();
    await expect(heading(page)).toHaveText('My data');
    await expect(page.locator('#restore-result')).toContainText('3 goals');
    await page.goto('/');
    await expect(heading(page)).toHaveText('Hello, Maureen');
    await page.goto('/share');
    await expect(page.getByRole('table', { name: 'Summaries you have shared, newest first' })).toBeVisible();
    await page.goto('/review');
    await expect(page.getByRole('heading', { name: 'Kept on this device' })).toBeVisible();
    // Listed by client, with the day the latest was made.
    const kept = page.getByRole('region', { name: 'Kept on this device' });
    await expect(kept.getByRole('heading', { name: 'Maureen' })).toBeVisible();
    await expect(kept).toContainText(/Latest made \w{3} \d+ \w+; 1 kept/);
  });
}
