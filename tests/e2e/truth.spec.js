// What the app shows is true (issue 21): a summary made with Share's
// defaults from a record of known facts, as the client previews it and as
// the link worker opens and prints it; and the client's own screens.
import { writeFileSync } from 'node:fs';
import { test, expect, axeViolations, linkWorker, makeLink, pdfPages } from './helpers.js';
import { knownRecord, RECORD_NOW } from './truth-record.js';
import { realisticRecord, seedRecord } from './record.js';

const shot = (page, name, fullPage = true) => page.screenshot({ path: `test-results/screens/${name}.png`, fullPage });
const heading = (page) => page.getByRole('heading', { level: 1 });

/** Stores `records` at RECORD_NOW and opens `path`. */
const seed = (page, records, path) => seedRecord(page, path, records);

test('a summary made with the defaults is true: the done goal, the outcomes, the period', async ({ page, browser }) => {
  await seed(page, knownRecord(), '/share');
  // The default period starts on the day the record does, and says so.
  const months = page.getByRole('radio', { name: 'The last 3 months (your record starts on Mon 2 November)' });
  await expect(months).toBeChecked();
  // The done goal is shared by default, and labelled done.
  await expect(page.getByLabel('Go to the Tuesday walking group (done on Wed 18 November)')).toBeChecked();
  await expect(page.getByLabel('Sing one song without stopping')).toBeChecked();
  await page.getByRole('button', { name: 'Preview what your link worker will see' }).click();
  const preview = page.locator('.preview');
  await expect(preview).toContainText('Your link worker sees the same, written about you.');
  await expect(preview).not.toContainText('exactly what your link worker');
  await expect(preview.locator('.summary__made')).toContainText('It covers Mon 2 November to Thu 10 December.');
  await shot(page, 'phone-share-preview-truth');
  const { url } = await makeLink(page, { period: null });

  const worker = await linkWorker(browser, RECORD_NOW);
  await worker.page.goto(url);
  const changes = worker.page.getByRole('region', { name: 'What has changed' });
  await expect(changes).toBeVisible();
  await expect(worker.page.locator('.summary__made')).toContainText('It covers Mon 2 November to Thu 10 December.');
  // The success comes first of what the record says, dated.
  const groups = await changes.locator('.changes__heading').allInnerTexts();
  expect(groups[0]).toBe('Goals done');
  const done = changes.locator('.changes__group').filter({ hasText: 'Goals done' });
  await expect(done).toContainText('Go to the Tuesday walking group: Done on Wed 18 November');
  await expect(worker.page.locator('.summary__goal').filter({ hasText: 'Go to the Tuesday walking group' })).toContainText('Done on Wed 18 November');
  // Only what the client recorded went ahead.
  await expect(changes).toContainText('Tuesday walking group: 6 in this period; 1 went ahead; 1 did not go ahead; 1 cancelled; 3 not recorded');
  await expect(changes).toContainText('GP: Dr Okafor: 1 in this period; 1 not recorded');
  await expect(changes).not.toContainText('of 1 went ahead');
  const past = worker.page.getByRole('region', { name: 'Appointments in this period' });
  const gp = past.locator('.summary__past').filter({ hasText: 'GP: Dr Okafor' });
  await expect(gp).toContainText('GP: Dr Okafor, 1 in this period');
  await expect(gp).toContainText('Not recorded: Fri 20 November, 2:30pm');
  const walking = past.locator('.summary__past').filter({ hasText: 'Tuesday walking group' });
  await expect(walking).toContainText('Tuesday walking group, 6 in this period');
  await expect(walking).toContainText('Went ahead: Tue 10 November');
  await expect(walking).toContainText('Did not go ahead: Tue 1 December');
  await expect(walking).toContainText('Cancelled: Tue 17 November');
  await expect(walking).toContainText('Not recorded: Tue 3 November, Tue 24 November, Tue 8 December');
  // A measure not recorded for weeks says when it last was.
  await expect(changes).toContainText('Reliever inhaler puffs: last recorded Tue 10 November');
  // Mood is words, never a number out of 5.
  await expect(worker.page.locator('.summary')).not.toContainText('out of 5');
  await shot(worker.page, 'laptop-review-truth');
  expect(await axeViolations(worker.page)).toEqual([]);

  // Printed: at most 2 A4 pages.
  const pdf = await worker.page.pdf({ format: 'A4' });
  writeFileSync('test-results/screens/review-truth-print.pdf', pdf);
  expect(pdfPages(pdf), 'pages printed from the review').toBeLessThanOrEqual(2);
  await worker.context.close();
});

test('after a share, Share starts from it, and the done goal already shared is not ticked again', async ({ page }) => {
  const record = knownRecord();
  record['alongside.shares'] = JSON.stringify({
    app: 'alongside', kind: 'shares', schema: 1, rev: 1, saved_at: '2026-12-01T09:45:00.000Z',
    data: { entries: [{ at: '2026-12-01T09:45:00Z', from: '2026-11-02', to: '2026-12-01', way: 'link', protected: false }] },
  });
  await seed(page, record, '/share');
  await expect(page.getByRole('radio', { name: 'Since you last shared (Tue 1 December)' })).toBeChecked();
  await expect(page.getByLabel('Go to the Tuesday walking group (done on Wed 18 November)')).not.toBeChecked();
  // A longer period takes the done goal in again.
  await page.getByRole('radio', { name: /^The last 3 months/ }).check();
  await expect(page.getByLabel('Go to the Tuesday walking group (done on Wed 18 November)')).toBeChecked();
});

test('the realistic record\'s default 3-month summary prints on at most 2 A4 pages, headings never alone at the foot', async ({ page, browser }) => {
  const record = realisticRecord();
  delete record['alongside.shares'];
  await seed(page, record, '/share');
  await expect(page.getByRole('radio', { name: /^The last 3 months/ })).toBeChecked();
  const { url } = await makeLink(page, { period: null });
  const worker = await linkWorker(browser, RECORD_NOW);
  await worker.page.goto(url);
  await expect(worker.page.getByRole('region', { name: 'What has changed' })).toBeVisible();
  const pdf = await worker.page.pdf({ format: 'A4' });
  writeFileSync('test-results/screens/review-3-months-print.pdf', pdf);
  expect(pdfPages(pdf), 'pages printed from the review').toBeLessThanOrEqual(2);
  // Headings are kept with what follows them when printed.
  await worker.page.emulateMedia({ media: 'print' });
  const breaks = await worker.page.locator('.summary h3, .summary h4').evaluateAll((hs) => hs.map((h) => getComputedStyle(h).breakAfter));
  expect(breaks.every((b) => b === 'avoid' || b === 'avoid-page')).toBe(true);
  await shot(worker.page, 'laptop-review-3-months-print');
  await worker.context.close();

  // From the phone too.
  await page.emulateMedia({ media: null });
  const phonePdf = await page.pdf({ format: 'A4' });
  writeFileSync('test-results/screens/share-3-months-print.pdf', phonePdf);
  expect(pdfPages(phonePdf), 'pages printed from the phone').toBeLessThanOrEqual(2);
});

test('an appointment went ahead only once the client says so, on Today and on its page', async ({ page }) => {
  await seed(page, knownRecord(), '/');
  // Tue 8 December's walking group has passed with nothing recorded.
  const card = page.getByRole('region', { name: 'How did it go?' });
  await expect(card).toContainText('You had Tuesday walking group on Tue 8 December');
  await expect(card).toContainText('Did it go ahead?');
  expect(await axeViolations(page)).toEqual([]);
  await shot(page, 'phone-today-how-did-it-go');
  await card.getByRole('button', { name: 'Yes, it went ahead' }).click();
  await expect(card).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Saved: Tuesday walking group went ahead.' })).toBeVisible();
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('alongside.appointments')));
  expect(stored.schema).toBe(2);
  expect(stored.data.appointments[0].changes.find((c) => c.due === '2026-12-08')).toMatchObject({ went: 'ahead' });

  // On the GP visit's own page: nothing recorded, then "did not", by keyboard.
  await page.goto('/appointments/2/2026-11-20');
  const group = page.getByRole('group', { name: 'Did it go ahead?' });
  await expect(group.getByRole('button', { name: 'Yes, it went ahead' })).toHaveAttribute('aria-pressed', 'false');
  await group.getByRole('button', { name: 'No, it did not' }).focus();
  await page.keyboard.press('Enter');
  await expect(group.getByRole('status')).toHaveText('Saved: it did not go ahead.');
  await expect(group.getByRole('button', { name: 'No, it did not' })).toHaveAttribute('aria-pressed', 'true');
  expect(await axeViolations(page)).toEqual([]);
  await shot(page, 'phone-appointment-went');
  await page.setViewportSize({ width: 320, height: 640 });
  await page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
  await shot(page, 'large-appointment-went');
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(wide).toBeLessThanOrEqual(320);
});

test('Today\'s backup reminder says "not yet" to a client who has never made one', async ({ page }) => {
  const record = knownRecord();
  record['alongside-device.backup'] = JSON.stringify({ v: 1, first_seen: '2026-11-02T09:00:00.000Z', last_backup: null });
  await seed(page, record, '/');
  await expect(page.locator('.backup-reminder')).toContainText('You have not made a backup yet.');
  await expect(page.locator('.backup-reminder')).not.toContainText('a while since');
});
