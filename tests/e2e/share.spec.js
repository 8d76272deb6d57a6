// Sharing a summary: the client chooses and previews, makes a link (plain
// or with a passphrase), and a link worker opens it in a fresh browser,
// sees the same content, keeps or prints it; bad links and files.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test, expect, axeViolations } from './helpers.js';

const require = createRequire(import.meta.url);
const JSQR = readFileSync(require.resolve('jsqr/dist/jsQR.js'), 'utf8');
const NOW = new Date('2026-11-21T10:00:00Z');
const fixture = (name) => readFileSync(new URL(`../fixtures/storage/${name}.json`, import.meta.url), 'utf8').trim();
const shot = (page, name) => page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
const heading = (page) => page.getByRole('heading', { level: 1 });

const WELLBEING = JSON.stringify({
  app: 'alongside', kind: 'wellbeing', schema: 1, rev: 1, saved_at: '2026-11-20T10:00:00.000Z',
  data: {
    checkins: [
      { date: '2026-08-01', answers: [4, 5, 3, 8] },
      { date: '2026-10-01', answers: [5, 5, 4, 6] },
      { date: '2026-11-20', answers: [7, 6, null, 3] },
    ],
    draft: null, rhythm: { every: 4 }, quiet_until: null,
  },
});
const TALK = JSON.stringify({
  app: 'alongside', kind: 'talk', schema: 1, rev: 1, saved_at: '2026-11-20T10:00:00.000Z',
  data: { items: [{ id: 1, text: 'Help with a blue badge form', added_on: '2026-11-19' }], next_id: 2 },
});

/** Maureen's record: goals, a diary month, check-ins, an appointment
 *  series and a thing to talk about, as the app stores them. */
async function seed(page) {
  await page.clock.setFixedTime(NOW);
  await page.goto('/');
  await page.evaluate((records) => {
    for (const [k, v] of Object.entries(records)) localStorage.setItem(k, v);
  }, {
    'alongside.profile': fixture('profile-v2'),
    'alongside.goals': fixture('goals-v1'),
    'alongside.diary.settings': fixture('diary-settings-v1'),
    'alongside.diary.2026-11': fixture('diary-month-v1'),
    'alongside.diary.index.2026': fixture('diary-index-v1'),
    'alongside.appointments': fixture('appointments-v1'),
    'alongside.wellbeing': WELLBEING,
    'alongside.talk': TALK,
  });
  await page.goto('/share');
  await expect(heading(page)).toHaveText('Share with your link worker');
}

/** A fresh browser (no storage at all) for the link worker, watching
 *  every request it makes. */
async function linkWorker(browser) {
  const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/London', viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.clock.setFixedTime(NOW);
  const requests = [];
  page.on('request', (r) => requests.push({ url: r.url(), body: r.postData() ?? '' }));
  return { context, page, requests };
}

async function makeLink(page, { protect }) {
  await page.getByRole('radio', { name: 'The last 4 weeks', exact: true }).check();
  await page.getByRole('button', { name: 'Preview what your link worker will see' }).click();
  await expect(page.getByRole('heading', { name: 'Preview' })).toBeVisible();
  const protectBox = page.getByLabel('Protect it with a passphrase');
  if (protect) await protectBox.check(); else await protectBox.uncheck();
  const passphrase = protect ? await page.getByLabel('Passphrase', { exact: true }).inputValue() : null;
  await page.getByRole('button', { name: 'Make the link' }).click();
  const box = page.getByLabel(/^Your link/);
  await expect(box).toBeVisible();
  return { url: await box.inputValue(), passphrase };
}

test('the client previews, makes a link, and the link worker sees the same summary', async ({ page, browser }) => {
  await seed(page);
  // Defaults: current goals, the measures in use, check-ins,
  // appointments, the talk list and the name on; notes off.
  await expect(page.getByLabel('Walk to the corner shop without stopping')).toBeChecked();
  await expect(page.getByLabel('My notes from goals, the diary and appointments')).not.toBeChecked();
  await expect(page.getByLabel('My conditions')).toBeChecked();
  await shot(page, 'phone-share-choose');
  expect(await axeViolations(page)).toEqual([]);

  const { url } = await makeLink(page, { protect: false });
  const preview = page.locator('.preview .summary');
  await expect(preview).toContainText('Your summary');
  await expect(preview).toContainText('Walk to the corner shop without stopping');
  await expect(preview).toContainText('Help with a blue badge form');
  await expect(preview).toContainText('Tuesday walking group');
  await expect(preview).not.toContainText('Walked to the shop'); // a diary note: notes are off
  await shot(page, 'phone-share-preview');
  expect(await axeViolations(page)).toEqual([]);
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/review#[A-Za-z0-9_-]+$/);
  expect(url.length).toBeLessThanOrEqual(2000);
  // The preview speaks to the client; otherwise it is word for word what
  // the link worker will see.
  const previewText = (await preview.innerText())
    .replace('Your summary', "Maureen's summary")
    .replace('Things you want to talk about', 'Things they want to talk about')
    .replace('About you', 'About them')
    .replace('Your conditions', 'Their conditions')
    .replace('What matters to you', 'What matters to them')
    .replaceAll('How close you feel', 'How close they feel');

  // The log says what was shared, once it is sent.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: /(Share|Copy) the link/ }).click();
  await expect(page.getByRole('status').filter({ hasText: /link was (copied|shared)/ })).toBeVisible();
  await expect(page.getByRole('table', { name: /Summaries you have shared/ })).toContainText('Link');

  const worker = await linkWorker(browser);
  await worker.page.goto(url);
  await expect(heading(worker.page)).toHaveText('Review a shared summary');
  const review = worker.page.locator('.summary');
  await expect(review).toContainText("Maureen's summary");
  expect(await review.innerText()).toBe(previewText);
  // Gone from the address bar and from the history entry.
  expect(worker.page.url()).not.toContain('#');
  const cdp = await worker.context.newCDPSession(worker.page);
  const { entries } = await cdp.send('Page.getNavigationHistory');
  expect(entries.map((e) => e.url).filter((u) => u.includes('#'))).toEqual([]);
  // No request carried the summary, and none left this origin.
  const payload = url.split('#')[1];
  for (const r of worker.requests) {
    expect(r.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    expect(r.url + r.body).not.toContain(payload.slice(0, 24));
  }
  // Nothing stored on the link worker's device until they choose.
  expect(await worker.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('alongside.')))).toEqual([]);
  await shot(worker.page, 'phone-review');
  expect(await axeViolations(worker.page)).toEqual([]);

  // Print: A4 PDF.
  const pdf = await worker.page.pdf({ format: 'A4' });
  expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
  expect(pdf.length).toBeGreaterThan(5_000);
  await worker.page.emulateMedia({ media: 'print' });
  await shot(worker.page, 'phone-review-print');
  await worker.page.emulateMedia({ media: 'screen' });

  // Keep on this device, then open it from the list.
  await worker.page.getByRole('button', { name: 'Keep on this device' }).click();
  await expect(worker.page.getByRole('status')).toContainText('Kept on this device');
  await worker.page.goto('/review');
  await expect(worker.page.getByRole('heading', { name: 'Kept on this device' })).toBeVisible();
  await shot(worker.page, 'phone-review-open');
  expect(await axeViolations(worker.page)).toEqual([]);
  await worker.page.getByRole('button', { name: "Open Maureen's summary, made Sat 21 November" }).click();
  await expect(review).toContainText("Maureen's summary");
  await worker.context.close();
});

test('a protected link opens only with its passphrase', async ({ page, browser }) => {
  await seed(page);
  const { url, passphrase } = await makeLink(page, { protect: true });
  expect(passphrase.split(' ')).toHaveLength(5);
  expect(url.length).toBeLessThanOrEqual(2000);
  await shot(page, 'phone-share-link');
  expect(await axeViolations(page)).toEqual([]);

  const worker = await linkWorker(browser);
  await worker.page.goto(url);
  await expect(worker.page.getByText('This summary is protected.')).toBeVisible();
  expect(worker.page.url()).not.toContain('#');
  await worker.page.getByLabel('Passphrase').fill('apple river candle tiger spoon');
  await worker.page.getByRole('button', { name: 'Open the summary' }).click();
  await expect(worker.page.locator('.error-summary')).toContainText('That passphrase does not open this summary.');
  await expect(worker.page).toHaveTitle(/^Error: /);
  await shot(worker.page, 'phone-review-wrong-passphrase');
  expect(await axeViolations(worker.page)).toEqual([]);
  // As said aloud and typed on a phone: a capital and extra spaces.
  const typed = ` ${passphrase[0].toUpperCase()}${passphrase.slice(1).replace(' ', '  ')} `;
  await worker.page.getByLabel('Passphrase').fill(typed);
  await worker.page.getByRole('button', { name: 'Open the summary' }).click();
  await expect(worker.page.locator('.summary')).toContainText("Maureen's summary");
  await expect(worker.page.locator('.summary')).toContainText('Walk to the corner shop without stopping');
  await worker.context.close();
});

test('the QR code of a link reads back as the link with a standard reader (jsQR)', async ({ browser }) => {
  // A phone screen has two or more pixels to each CSS pixel: the camera
  // reading the code sees those.
  const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/London', viewport: { width: 360, height: 740 }, deviceScaleFactor: 2 });
  const page = await context.newPage();
  await seed(page);
  await page.getByLabel('Walk to the corner shop without stopping').uncheck();
  const { url } = await makeLink(page, { protect: false });
  await page.getByRole('button', { name: 'Show as a QR code' }).click();
  const dialog = page.getByRole('dialog', { name: 'Scan with a phone camera' });
  await expect(dialog).toBeVisible();
  await shot(page, 'phone-share-qr');
  expect(await axeViolations(page)).toEqual([]);
  // Read what is on the screen, as a camera would: a screenshot of the
  // code, decoded by jsQR in a blank page.
  const png = (await dialog.locator('.qr').screenshot()).toString('base64');
  const blank = await page.context().newPage();
  await blank.setContent('<canvas></canvas>');
  await blank.evaluate(JSQR);
  const read = await blank.evaluate(async (data) => {
    const img = new Image();
    img.src = `data:image/png;base64,${data}`;
    await img.decode();
    const canvas = document.querySelector('canvas');
    canvas.width = img.width;
    canvas.height = img.height;
    const ctx = canvas.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const pixels = ctx.getImageData(0, 0, img.width, img.height);
    return window.jsQR(pixels.data, img.width, img.height)?.data ?? null;
  }, png);
  console.log(`QR code test: a link of ${url.length} characters`);
  expect(read).toBe(url);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // In the session: the summary alone on the screen, then back.
  // (It is both above the preview and with the other ways, below it.)
  await page.getByRole('button', { name: 'Show on this screen' }).last().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your summary' })).toBeFocused();
  await expect(page.getByRole('heading', { name: "Maureen's summary" })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Make the link' })).toHaveCount(0);
  await shot(page, 'phone-share-on-screen');
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Done' }).first().click();
  await expect(page.getByRole('table', { name: /Summaries you have shared/ })).toContainText('Shown on this screen');
  await context.close();
});

test('bad links, pasted text and files get a plain message and the app carries on', async ({ page, browser }) => {
  await seed(page);
  const { url } = await makeLink(page, { protect: false });
  const worker = await linkWorker(browser);
  // Cut short in an email.
  await worker.page.goto(url.slice(0, url.length - 40));
  await expect(worker.page.locator('.error-summary')).toContainText('This link is incomplete. Ask for it to be sent again.');
  expect(worker.page.url()).not.toContain('#');
  // Altered.
  const altered = url.slice(0, -60) + (url.at(-60) === 'A' ? 'B' : 'A') + url.slice(-59);
  await worker.page.getByLabel('Paste the link or the summary').fill(altered);
  await worker.page.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(worker.page.locator('.error-summary')).toContainText('changed or damaged');
  // Not a summary.
  await worker.page.getByLabel('Paste the link or the summary').fill('Hello, see you Tuesday');
  await worker.page.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(worker.page.locator('.error-summary')).toContainText('changed or damaged');
  await expect(worker.page.locator('.error-summary')).toBeFocused();
  // Nothing pasted.
  await worker.page.getByLabel('Paste the link or the summary').clear();
  await expect(worker.page.getByLabel('Paste the link or the summary')).toHaveValue('');
  await worker.page.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(worker.page.locator('.error-summary')).toContainText('There is no summary here.');
  await shot(worker.page, 'phone-review-error');
  expect(await axeViolations(worker.page)).toEqual([]);
  // A file: a wrong one, then the right one.
  await worker.page.getByLabel('Or open a summary file').setInputFiles({ name: 'photo.txt', mimeType: 'text/plain', buffer: Buffer.from('not a summary') });
  await expect(worker.page.locator('.error-summary')).toContainText('changed or damaged');
  const file = `Alongside summary. Open it at http://127.0.0.1/review\n${url.split('#')[1]}\n`;
  await worker.page.getByLabel('Or open a summary file').setInputFiles({ name: 'alongside-summary.txt', mimeType: 'text/plain', buffer: Buffer.from(file) });
  await expect(worker.page.locator('.summary')).toContainText("Maureen's summary");
  await worker.context.close();
});
