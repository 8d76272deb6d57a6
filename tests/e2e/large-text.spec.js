// 200% text on a 320 px phone (WCAG 1.4.4 and 1.4.10): every route with a
// realistic record, no sideways scrolling, every destination reachable from
// the tab bar or its menu, and no heading split inside a word.
import { readFileSync } from 'node:fs';
import { test, expect, axeViolations } from './helpers.js';
import { seedRecord } from './record.js';

const shot = (page, name, fullPage = true) => page.screenshot({ path: `test-results/screens/${name}.png`, fullPage });

/** Every route, with the record's own goals, days and appointments. */
const PAGES = [
  '/',
  '/goals',
  '/goals/new',
  '/goals/1',
  '/goals/1/edit',
  '/diary',
  '/diary/measures',
  '/diary/2026-12-09',
  '/appointments',
  '/appointments/new',
  '/appointments/1/edit',
  '/appointments/1/2026-12-01',
  '/appointments/2/2026-12-10',
  '/check-in',
  '/check-in/history',
  '/share',
  '/review',
  '/my-data',
  '/my-data/details',
  '/no-such-page',
];

/** The places the navigation offers, by their link text. */
const DESTINATIONS = ['Today', 'Goals', 'Diary', 'Appointments', 'Check-in', 'Share', 'My data'];

/** The page is drawn. (The clock is fixed, which stops the app's own
 *  performance marks, so the heading is the sign.) */
const ready = (page) => expect(page.getByRole('heading', { level: 1 })).toBeVisible();

/** Text is 200%: the root font size, as the browser's text size setting does. */
async function largeText(page) {
  await page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
}

/** Headings (and legends and labels that act as headings) whose text is
 *  broken across lines inside a word: for each line break, the characters
 *  either side must not both be letters or digits. */
async function wordsSplitInHeadings(page) {
  return page.evaluate(() => {
    const out = [];
    // Headings, and the words that head the lines of a summary.
    const headings = document.querySelectorAll('h1, h2, h3, h4, .label--l, legend, .summary li > strong');
    for (const h of headings) {
      if (!h.getClientRects().length) continue;
      const walker = document.createTreeWalker(h, NodeFilter.SHOW_TEXT);
      let prev = null; // [char, top]
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent;
        for (let i = 0; i < text.length; i += 1) {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const ch = text[i];
          const rect = range.getClientRects()[0];
          // A space at the end of a line may have no box: it still parts the words.
          if (!rect || rect.width === 0) {
            if (prev) prev = [ch, prev[1]];
            continue;
          }
          if (prev && rect.top > prev[1] + 2 && /[\p{L}\p{N}]/u.test(prev[0]) && /[\p{L}\p{N}]/u.test(ch)) {
            out.push(`${h.tagName.toLowerCase()} "${h.textContent.trim()}" breaks between "${prev[0]}" and "${ch}"`);
          }
          prev = [ch, rect.top];
        }
      }
    }
    return out;
  });
}

test.describe('200% text on a 320 px screen', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test('every route fits, with no heading split inside a word', async ({ page }) => {
    test.setTimeout(180_000);
    await seedRecord(page);
    for (const path of PAGES) {
      await page.goto(path);
      await ready(page);
      await largeText(page);
      const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      await shot(page, `phone320-200pc${path === '/' ? '-today' : path.replaceAll('/', '-')}`);
      expect.soft(sideways, `sideways scrolling on ${path}`).toBeLessThanOrEqual(0);
      expect.soft(await wordsSplitInHeadings(page), `headings on ${path}`).toEqual([]);
      expect.soft(await axeViolations(page), `axe on ${path}`).toEqual([]);
    }
  });

  /** Checks the page as it is now: no sideways scrolling, whole words in
   *  headings, no axe violations; and keeps a screenshot. */
  async function fits(page, name) {
    await largeText(page);
    await shot(page, `phone320-200pc-${name}`);
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect.soft(sideways, `sideways scrolling on ${name}`).toBeLessThanOrEqual(0);
    expect.soft(await wordsSplitInHeadings(page), `headings on ${name}`).toEqual([]);
    expect.soft(await axeViolations(page), `axe on ${name}`).toEqual([]);
  }

  test('every set-up page fits', async ({ page }) => {
    await page.goto('/');
    await largeText(page);
    const next = () => page.getByRole('button', { name: 'Continue', exact: true }).click();
    await fits(page, 'setup-welcome');
    await page.getByRole('button', { name: 'Start' }).click();
    await fits(page, 'setup-name');
    await page.getByLabel('What would you like us to call you?').fill('Maureen');
    await next();
    await fits(page, 'setup-conditions');
    await page.getByLabel('Type 2 diabetes').check();
    await next();
    await fits(page, 'setup-link-worker');
    await next();
    await fits(page, 'setup-what-matters');
    await page.getByLabel('What matters to you?').fill('Getting to the allotment twice a week');
    await next();
    await fits(page, 'setup-check');
  });

  test('the share preview, a link made, and the review of it fit', async ({ page, browser }) => {
    await seedRecord(page, '/share');
    await page.getByRole('radio', { name: 'The last 4 weeks', exact: true }).check();
    await page.getByRole('button', { name: 'Preview what your link worker will see' }).click();
    await expect(page.getByRole('heading', { name: 'Preview' })).toBeVisible();
    await fits(page, 'share-preview');
    await page.getByLabel('Protect it with a passphrase').uncheck();
    await page.getByRole('button', { name: 'Make the link' }).click();
    const url = await page.getByLabel(/^Your link/).inputValue();
    await fits(page, 'share-link');
    const context = await browser.newContext({ viewport: { width: 320, height: 640 }, locale: 'en-GB', timezoneId: 'Europe/London' });
    const worker = await context.newPage();
    await worker.goto(url);
    await expect(worker.getByRole('heading', { level: 1 })).toBeVisible();
    await fits(worker, 'review-open');
    await context.close();
  });

  test("a protected link's passphrase form, before and after a wrong passphrase, fits", async ({ page, baseURL }) => {
    const fixture = (name) => readFileSync(new URL(`../fixtures/released/${name}`, import.meta.url), 'utf8').trim();
    await page.goto(fixture('link-protected.txt').replace('https://alongside.example', baseURL));
    await ready(page);
    await largeText(page);
    await fits(page, 'review-passphrase');
    await page.getByLabel('Passphrase', { exact: true }).fill('not it');
    await page.getByRole('button', { name: 'Open the summary' }).click();
    await expect(page.getByRole('alert')).toContainText('That passphrase does not open this summary');
    await largeText(page);
    await fits(page, 'review-passphrase-wrong');
  });

  test('every destination is on the bar or in its menu, with no sideways scrolling', async ({ page }) => {
    await seedRecord(page);
    await largeText(page);
    const bar = page.locator('nav.tab-bar');
    const barBox = await bar.boundingBox();
    // The bar keeps most of the screen for the page.
    expect(barBox.height, 'tab bar height').toBeLessThanOrEqual(640 * 0.16);
    const list = bar.locator('.tab-bar__list');
    expect(await list.evaluate((l) => l.scrollWidth - l.clientWidth), 'the bar scrolls sideways').toBeLessThanOrEqual(0);
    await shot(page, 'phone320-200pc-tab-bar', false);
    for (const name of DESTINATIONS) {
      await page.goto(name === 'Today' ? '/goals' : '/');
      await ready(page);
      await largeText(page);
      let link = bar.locator('.tab-bar__list').getByRole('link', { name, exact: true });
      if (!(await link.isVisible())) {
        const menu = bar.getByRole('button', { name: /^(More|Menu)$/ });
        await expect(menu, `menu button for ${name}`).toBeVisible();
        await menu.click();
        link = bar.locator('.more-menu').getByRole('link', { name, exact: true });
        if (name === 'My data') await shot(page, 'phone320-200pc-menu', false);
      }
      await link.scrollIntoViewIfNeeded();
      await expect(link, name).toBeVisible();
      const box = await link.boundingBox();
      expect(box.x, `${name} left edge`).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, `${name} right edge`).toBeLessThanOrEqual(320);
      expect(box.y, `${name} top edge`).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height, `${name} bottom edge`).toBeLessThanOrEqual(640);
      await link.click();
      await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
    }
  });
});
