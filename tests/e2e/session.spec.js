// The link worker's session: "What has changed" at a glance, in the first
// screen; what changed since the summary kept last time; going from one
// client's link to the next in the same tab; a typical summary printed on
// at most two A4 pages; and the client's own preview speaking to them.
import { writeFileSync } from 'node:fs';
import { test, expect, axeViolations, forgetDurable, linkWorker, makeLink, pdfPages } from './helpers.js';
import { seedRecord, realisticRecord, RECORD_NOW } from './record.js';

const shot = (page, name, fullPage = true) => page.screenshot({ path: `test-results/screens/${name}.png`, fullPage });
const heading = (page) => page.getByRole('heading', { level: 1 });
const DAY = 24 * 60 * 60 * 1000;

/** Changes one stored record of the client's, as a later save would. */
async function changeRecord(page, key, change) {
  await page.evaluate(([k, body]) => {
    const env = JSON.parse(localStorage.getItem(k));
    // eslint-disable-next-line no-new-func
    new Function('data', body)(env.data);
    env.rev += 1;
    localStorage.setItem(k, JSON.stringify(env));
  }, [key, change]);
}

test('"What has changed" comes first and fits the first screen of a laptop and two of a phone', async ({ page, browser }) => {
  await seedRecord(page, '/share');
  const { url } = await makeLink(page);
  const worker = await linkWorker(browser, RECORD_NOW);
  await worker.page.goto(url);
  const section = worker.page.getByRole('region', { name: 'What has changed' });
  await expect(section).toBeVisible();
  // The first section of the summary, before the detail.
  const firstSection = await worker.page.locator('.summary section').first().getAttribute('aria-labelledby');
  expect(firstSection).toBe('summary-changes');
  // Things to talk about first, then one line each.
  const groups = await section.locator('.changes__heading').allInnerTexts();
  expect(groups[0]).toBe('Things they want to talk about');
  expect(groups).toEqual(expect.arrayContaining(['Goals', 'Diary', 'Appointments in this period']));
  await expect(section).toContainText('Walk to the corner shop without stopping: 4 (on Thu 15 October) to 6 out of 10; 1 step done');
  // Worked out again here from the record: the Monday weeks of 13 November
  // to 10 December, first and last, and lower is better.
  const [first, last] = [['2026-11-13', '2026-11-15'], ['2026-12-07', '2026-12-10']].map(([a, b]) => {
    const values = Object.entries(realisticRecord())
      .filter(([k]) => k.startsWith('alongside.diary.2026-'))
      .flatMap(([, v]) => JSON.parse(v).data.days)
      .filter((d) => d.date >= a && d.date <= b)
      .flatMap((d) => d.readings.filter((r) => r.m === 'breathlessness').map((r) => r.v));
    return (values.reduce((x, y) => x + y, 0) / values.length).toFixed(1);
  });
  expect(Number(last)).toBeLessThan(Number(first));
  await expect(section).toContainText(`Breathlessness: ${first} to ${last} out of 10, better`);
  // Mood in words, with which way it went from the first week to the
  // last (or the last week alone, when the period is no longer than two).
  const lead = '(mostly (Very low|Low|OK|Good|Very good)|mixed answers)';
  await expect(section).toContainText(new RegExp(
    `Mood: ((from ${lead} to ${lead}, (better|worse|about the same)|still ${lead}) \\(last week: |(mostly [\\w ]+|mixed) in the last week \\()`,
  ));
  await expect(section).toContainText('Tuesday walking group: 4 in this period; 1 cancelled; 3 not recorded');
  await expect(section).toContainText(/Life satisfaction: 5 to 7 out of 10, 2 points better/);
  // Each unit's precision, in a change and in the figures: whole L/min,
  // tenths of mmol/L and hours, never "317.0" or "14.89".
  await expect(section).toContainText(/Peak flow: \d+ to \d+ L\/min, (higher|lower|better|worse|about the same)/);
  await expect(section).toContainText(/Blood glucose: \d+\.\d to \d+\.\d mmol\/L, /);
  const review = worker.page.locator('.summary');
  await expect(review).toContainText(/Average \d+ L\/min\. Lowest \d+ L\/min\. Highest \d+ L\/min\. From \d+ readings\./);
  await expect(review).not.toContainText(/\d\.\d+ L\/min|\d\.\d\d mmol\/L|\d\.\d\d hours/);
  // Mood in words, never a number out of 5; no needless decimals on axes.
  await expect(worker.page.locator('.summary')).not.toContainText('out of 5');
  const axis = await worker.page.locator('.summary .chart .chart__label').allTextContents();
  expect(axis.filter((t) => /^\d+\.0$/.test(t))).toEqual([]);
  // Charts say their first and last days: the first week's figures start
  // on the period's first day, the last week on Monday 7 December.
  expect(axis).toEqual(expect.arrayContaining(['13 Nov', '7 Dec']));
  // About them, as chosen by default.
  await expect(worker.page.locator('.summary')).toContainText('Type 2 diabetes, COPD (chronic obstructive pulmonary disease), Bad knees');
  await expect(worker.page.locator('.summary')).toContainText('Getting to the allotment twice a week');
  // The weekly group coming up is one line, not one a week.
  const coming = worker.page.getByRole('region', { name: 'Coming up' });
  await expect(coming.getByText(/Tuesday walking group/)).toHaveCount(1);

  const box = await section.boundingBox();
  expect(box.y + box.height, 'bottom of "What has changed" at 1280x800').toBeLessThanOrEqual(800);
  await shot(worker.page, 'laptop-review-first-screen', false);
  expect(await axeViolations(worker.page)).toEqual([]);

  await worker.page.setViewportSize({ width: 360, height: 740 });
  const phone = await section.boundingBox();
  expect(phone.y + phone.height, 'bottom of "What has changed" at 360x740').toBeLessThanOrEqual(2 * 740);
  await shot(worker.page, 'phone-review-changes');
  expect(await axeViolations(worker.page)).toEqual([]);
  await worker.context.close();
});

test('a typical four-week summary prints on at most two A4 pages, from the review and from the phone', async ({ page, browser }) => {
  await seedRecord(page, '/share');
  // Typical: 3 goals, 4 measures, 3 check-ins, 5 appointments, 3 things
  // to talk about (the record's two and one more).
  await page.goto('/');
  await page.getByLabel('Add something to talk about').fill('Whether I can get a lift to the allotment');
  await page.getByRole('button', { name: 'Add to the list' }).click();
  await page.goto('/share');
  await page.getByLabel('Go to the Tuesday walking group').check();
  await page.getByLabel('Sleep', { exact: true }).uncheck();
  await page.getByLabel('Went outside').uncheck();
  await page.getByLabel('My notes from goals, the diary and appointments').check();
  const { url } = await makeLink(page);

  const worker = await linkWorker(browser, RECORD_NOW);
  await worker.page.goto(url);
  await expect(worker.page.getByRole('region', { name: 'What has changed' })).toBeVisible();
  const pdf = await worker.page.pdf({ format: 'A4' });
  writeFileSync('test-results/screens/review-print.pdf', pdf);
  expect(pdfPages(pdf), 'pages printed from the review').toBeLessThanOrEqual(2);
  await worker.page.emulateMedia({ media: 'print' });
  await shot(worker.page, 'laptop-review-print');
  // Page 1 begins with "What has changed", the talk items first.
  const order = await worker.page.locator('.summary h3, .changes__heading').allInnerTexts();
  expect(order.slice(0, 2)).toEqual(['What has changed', 'Things they want to talk about']);
  await worker.context.close();

  // From the client's phone: the summary alone, not the share page.
  await page.emulateMedia({ media: 'print' });
  for (const hidden of ['Share with your link worker', 'Which period', 'Share it', 'What you have shared']) {
    await expect(page.getByText(hidden, { exact: true }).first()).toBeHidden();
  }
  await expect(page.locator('.preview .summary')).toBeVisible();
  await shot(page, 'phone-share-print');
  await page.emulateMedia({ media: null });
  const phonePdf = await page.pdf({ format: 'A4' });
  writeFileSync('test-results/screens/share-print.pdf', phonePdf);
  expect(pdfPages(phonePdf), 'pages printed from the phone').toBeLessThanOrEqual(2);
});

test('since last time: a kept summary of the same client, plain or protected, is compared', async ({ page, browser }) => {
  test.setTimeout(120_000);
  await seedRecord(page, '/share');
  const first = await makeLink(page);
  const second = await makeLink(page, { protect: true });

  // Two weeks on, a new rating and a step done, and a new summary.
  await page.clock.setFixedTime(new Date(RECORD_NOW.getTime() + 14 * DAY));
  await changeRecord(page, 'alongside.goals', `
    data.goals[0].ratings.push({ on: '2026-12-20', value: 8 });
    data.goals[0].steps[2].done_on = '2026-12-21';
  `);
  await page.goto('/share');
  const later = await makeLink(page);
  const laterProtected = await makeLink(page, { protect: true });

  const worker = await linkWorker(browser, new Date(RECORD_NOW.getTime() + 14 * DAY));
  // Keep the first one (plain) on Thu 10 December.
  await worker.page.clock.setFixedTime(RECORD_NOW);
  await worker.page.goto(first.url);
  await worker.page.getByRole('button', { name: 'Keep on this device' }).click();
  await expect(worker.page.getByRole('status')).toContainText('Kept on this device');

  // The new one: what changed since the kept one.
  await worker.page.clock.setFixedTime(new Date(RECORD_NOW.getTime() + 14 * DAY));
  await worker.page.goto(later.url);
  const since = worker.page.locator('.changes__group--since');
  await expect(since.getByRole('heading')).toHaveText('Since the summary made on Thu 10 December');
  await expect(since).toContainText('Walk to the corner shop without stopping: 6 to 8 out of 10; 1 step done');
  await shot(worker.page, 'laptop-review-since', false);
  expect(await axeViolations(worker.page)).toEqual([]);

  // Kept summaries are listed by client, with the latest's date.
  await worker.page.getByRole('button', { name: 'Keep on this device' }).click();
  await worker.page.getByRole('button', { name: 'Close this summary' }).click();
  const kept = worker.page.getByRole('region', { name: 'Kept on this device' });
  await expect(kept.getByRole('heading', { name: 'Maureen' })).toHaveCount(1);
  await expect(kept).toContainText('Latest made Thu 24 December; 2 kept');
  await shot(worker.page, 'laptop-review-kept', false);
  expect(await axeViolations(worker.page)).toEqual([]);

  // Protected both ways, with different passphrases: asked for the kept
  // one's, then compared.
  await kept.getByRole('button', { name: /^Remove from this device/ }).first().click();
  await kept.getByRole('button', { name: /^Remove from this device/ }).first().click();
  await expect(kept).toBeHidden();
  await worker.page.clock.setFixedTime(RECORD_NOW);
  await worker.page.goto(second.url);
  await worker.page.getByLabel('Passphrase', { exact: true }).fill(second.passphrase);
  await worker.page.getByRole('button', { name: 'Open the summary' }).click();
  await worker.page.getByRole('button', { name: 'Keep on this device' }).click();
  await worker.page.clock.setFixedTime(new Date(RECORD_NOW.getTime() + 14 * DAY));
  await worker.page.goto(laterProtected.url);
  await worker.page.getByLabel('Passphrase', { exact: true }).fill(laterProtected.passphrase);
  await worker.page.getByRole('button', { name: 'Open the summary' }).click();
  await expect(worker.page.getByText(/You kept an earlier summary of this client, made on Thu 10 December/)).toBeVisible();
  await worker.page.getByLabel('Passphrase of the earlier summary').fill('wrong words entirely here');
  await worker.page.getByRole('button', { name: 'Compare' }).click();
  await expect(worker.page.getByRole('alert')).toContainText('does not open the summary you kept before');
  await worker.page.getByLabel('Passphrase of the earlier summary').fill(second.passphrase);
  await worker.page.getByRole('button', { name: 'Compare' }).click();
  await expect(since).toContainText('Walk to the corner shop without stopping: 6 to 8 out of 10; 1 step done');
  await expect(worker.page.getByText(/You kept an earlier summary/)).toBeHidden();
  await worker.context.close();
});

test('a second link in the same tab shows only the new client, even after a junk link or closing', async ({ page, browser }) => {
  await seedRecord(page, '/share');
  const maureen = await makeLink(page);
  // Another client on another phone: another name, another code.
  await page.evaluate(() => {
    const env = JSON.parse(localStorage.getItem('alongside.profile'));
    env.data.preferred_name = 'Sam';
    env.rev += 1;
    localStorage.setItem('alongside.profile', JSON.stringify(env));
    localStorage.removeItem('alongside.client-code');
  });
  await forgetDurable(page);
  await page.goto('/share');
  const sam = await makeLink(page);

  const worker = await linkWorker(browser, RECORD_NOW, { width: 360, height: 740 });
  const w = worker.page;
  const title = w.locator('#summary-title');
  await w.goto(maureen.url);
  await expect(title).toHaveText("Maureen's summary");
  // A new link in the same tab: only the new client.
  await w.evaluate((hash) => { window.location.hash = hash; }, sam.url.split('#')[1]);
  await expect(title).toHaveText("Sam's summary");
  await expect(w.locator('.summary')).toHaveCount(1);
  expect(w.url()).not.toContain('#');
  // A junk or cut-short link: the last client's summary goes, a message says why.
  await w.evaluate((hash) => { window.location.hash = hash; }, sam.url.split('#')[1].slice(0, 40));
  await expect(w.locator('.summary')).toHaveCount(0);
  await expect(w.getByRole('alert')).toContainText('incomplete');
  await w.evaluate(() => { window.location.hash = 'not-a-summary'; });
  await expect(w.locator('.summary')).toHaveCount(0);
  // After "Close this summary", a new link still opens.
  await w.evaluate((hash) => { window.location.hash = hash; }, maureen.url.split('#')[1]);
  await expect(title).toHaveText("Maureen's summary");
  await w.getByRole('button', { name: 'Close this summary' }).click();
  await expect(w.locator('.summary')).toHaveCount(0);
  await w.evaluate((hash) => { window.location.hash = hash; }, sam.url.split('#')[1]);
  await expect(title).toHaveText("Sam's summary");
  await expect(w.locator('.summary')).not.toContainText('Maureen');
  // Two clients of one name are never compared: the kept one is Sam's.
  await worker.context.close();
});

test('the client\'s preview speaks to them, and sharing is at hand from Today and above the preview', async ({ page }) => {
  await seedRecord(page);
  await page.getByRole('link', { name: 'Share with your link worker' }).click();
  await expect(heading(page)).toHaveText('Share with your link worker');
  await expect(page.getByLabel('My conditions')).toBeChecked();
  await expect(page.getByLabel('What matters to me')).toBeChecked();
  await page.getByRole('radio', { name: 'The last 4 weeks', exact: true }).check();
  await page.getByRole('button', { name: 'Preview what your link worker will see' }).click();
  const preview = page.locator('.preview .summary');
  await expect(preview.getByRole('heading', { name: 'Things you want to talk about' })).toBeVisible();
  await expect(preview.getByRole('heading', { name: 'About you' })).toBeVisible();
  await expect(preview).not.toContainText('they want');
  // The ways to share are above the preview: no scrolling past it.
  const quick = page.getByRole('group', { name: 'Ways to share' });
  const quickBox = await quick.boundingBox();
  const previewBox = await preview.boundingBox();
  expect(quickBox.y).toBeLessThan(previewBox.y);
  await shot(page, 'phone-share-preview-top', false);
  expect(await axeViolations(page)).toEqual([]);
  await quick.getByRole('button', { name: 'Send as a link, QR code or file' }).click();
  await expect(page.getByRole('heading', { name: 'Send it' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Protect it with a passphrase')).toBeFocused();
  // By keyboard: back up to the quick row and show it on this screen.
  await quick.getByRole('button', { name: 'Show on this screen' }).focus();
  await page.keyboard.press('Enter');
  await expect(heading(page)).toHaveText('Your summary');
  // On this screen it is read by the link worker: "they".
  await expect(page.locator('.summary')).toContainText('Things they want to talk about');
  await page.getByRole('button', { name: 'Done' }).first().click();
  await expect(page.getByRole('button', { name: 'Show on this screen' }).last()).toBeFocused();
});
