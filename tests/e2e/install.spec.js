// Putting Alongside on the home screen: the browser's own prompt behind a
// button, Safari's steps and its risk (with a weekly backup reminder),
// "Installed on this phone", and "Not now" for 30 days.
import { test, expect, axeViolations } from './helpers.js';
import { seedRecord, RECORD_NOW } from './record.js';

const shot = (page, name, fullPage = true) => page.screenshot({ path: `test-results/screens/${name}.png`, fullPage });
const heading = (page) => page.getByRole('heading', { level: 1 });
const DAY = 24 * 60 * 60 * 1000;
const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
const ANDROID = 'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36';

/** A browser that says it is `userAgent`, on a 360x740 touch screen. */
async function phone(browser, userAgent, { standalone = false } = {}) {
  const context = await browser.newContext({
    userAgent, hasTouch: true, isMobile: true, viewport: { width: 360, height: 740 },
    locale: 'en-GB', timezoneId: 'Europe/London',
  });
  if (standalone) {
    // Opened from the home screen: display-mode is standalone.
    await context.addInitScript(() => {
      const real = window.matchMedia.bind(window);
      window.matchMedia = (q) => (q.includes('display-mode: standalone')
        ? { matches: true, media: q, addEventListener() {}, removeEventListener() {} }
        : real(q));
    });
  }
  const page = await context.newPage();
  return { context, page };
}

/** The browser's `beforeinstallprompt`, made by hand: records whether
 *  `prompt()` was called and answers `outcome`. */
async function offerPrompt(page, outcome) {
  await page.evaluate((answer) => {
    const event = new Event('beforeinstallprompt', { cancelable: true });
    event.prompt = () => { window.promptCalls = (window.promptCalls ?? 0) + 1; return Promise.resolve(); };
    event.userChoice = Promise.resolve({ outcome: answer, platform: 'web' });
    window.dispatchEvent(event);
  }, outcome);
}

test('where the browser offers it, the button opens its prompt, says what happened, and installing hides the guide', async ({ browser }) => {
  const { context, page } = await phone(browser, ANDROID);
  await seedRecord(page);
  const offer = page.getByRole('region', { name: 'Add Alongside to your home screen' });
  // Before the browser offers its prompt: the menu steps.
  await expect(offer).toContainText('Add to Home screen');
  await expect(offer).toContainText('opens without the internet');
  await offerPrompt(page, 'dismissed');
  const button = offer.getByRole('button', { name: 'Add Alongside to your home screen' });
  await expect(button).toBeVisible();
  await offer.scrollIntoViewIfNeeded();
  await shot(page, 'phone-install-prompt', false);
  expect(await axeViolations(page)).toEqual([]);
  await button.click();
  await expect(offer.getByRole('status')).toHaveText('Alongside was not added. You can add it at any time from My data.');
  expect(await page.evaluate(() => window.promptCalls)).toBe(1);

  await offerPrompt(page, 'accepted');
  await offer.getByRole('button', { name: 'Add Alongside to your home screen' }).click();
  await expect(offer.getByRole('status')).toContainText('Alongside is being added to your home screen');
  await page.evaluate(() => window.dispatchEvent(new Event('appinstalled')));
  await expect(offer.getByRole('button')).toHaveCount(0);
  await page.goto('/my-data');
  await expect(heading(page)).toHaveText('My data');
  // A fresh page: the browser remembers only by opening from the home
  // screen, so nothing is offered here until it says it is installed.
  await page.evaluate(() => window.dispatchEvent(new Event('appinstalled')));
  await expect(page.getByRole('region', { name: 'On this phone' })).toContainText('Installed on this phone');
  await context.close();
});

test('Safari on iPhone shows the steps, says plainly what is at risk, and reminds about backups weekly', async ({ browser }) => {
  const { context, page } = await phone(browser, IPHONE);
  await seedRecord(page);
  const offer = page.getByRole('region', { name: 'Add Alongside to your home screen' });
  await expect(offer).toContainText('Safari may delete your information in Alongside if you do not open it for a week');
  const steps = offer.getByRole('listitem');
  await expect(steps).toHaveCount(3);
  await expect(steps.nth(0)).toContainText('Tap the Share button');
  await expect(steps.nth(1)).toContainText('Add to Home Screen');
  await expect(offer.getByRole('link', { name: 'Make a backup' })).toBeVisible();
  await offer.scrollIntoViewIfNeeded();
  await shot(page, 'phone-install-safari', false);
  expect(await axeViolations(page)).toEqual([]);
  // At 200% text on a 320 px screen, it fits.
  await page.setViewportSize({ width: 320, height: 640 });
  await page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await offer.scrollIntoViewIfNeeded();
  await shot(page, 'phone320-200pc-install-safari', false);
  expect(await axeViolations(page)).toEqual([]);
  await page.evaluate(() => { document.documentElement.style.fontSize = ''; });
  await page.setViewportSize({ width: 360, height: 740 });

  // The backup reminder is weekly here: 8 days after the last backup.
  await page.evaluate((at) => localStorage.setItem('alongside-device.backup', JSON.stringify({ v: 1, first_seen: at, last_backup: at })), new Date(RECORD_NOW.getTime() - 8 * DAY).toISOString());
  await page.reload();
  await expect(heading(page)).toHaveText('Hello, Maureen');
  await expect(page.locator('.backup-reminder')).toContainText('a week or more since your last backup, and Safari may delete');

  // My data says the same, with the steps and a backup at hand.
  await page.goto('/my-data');
  const section = page.getByRole('region', { name: 'On this phone' });
  await expect(section).toContainText('Safari may delete your information');
  await expect(section).toContainText('Alongside is not on your home screen yet');
  await expect(section.getByRole('link', { name: 'Make a backup' })).toBeVisible();
  await section.scrollIntoViewIfNeeded();
  await shot(page, 'phone-install-my-data', false);
  expect(await axeViolations(page)).toEqual([]);
  await context.close();

  // Elsewhere the same backup is a month away.
  const other = await phone(browser, ANDROID);
  await seedRecord(other.page);
  await other.page.evaluate((at) => localStorage.setItem('alongside-device.backup', JSON.stringify({ v: 1, first_seen: at, last_backup: at })), new Date(RECORD_NOW.getTime() - 8 * DAY).toISOString());
  await other.page.reload();
  await expect(heading(other.page)).toHaveText('Hello, Maureen');
  await expect(other.page.locator('.backup-reminder')).toHaveCount(0);
  await other.context.close();
});

test('opened from the home screen, nothing is offered and My data says it is installed', async ({ browser }) => {
  const { context, page } = await phone(browser, IPHONE, { standalone: true });
  await seedRecord(page);
  await expect(page.getByRole('region', { name: 'Add Alongside to your home screen' })).toHaveCount(0);
  await page.goto('/my-data');
  const section = page.getByRole('region', { name: 'On this phone' });
  await expect(section).toContainText('Installed on this phone.');
  await expect(section).not.toContainText('Safari may delete');
  await context.close();
});

test('"Not now" keeps the offer quiet for 30 days, and My data still has the guide', async ({ browser }) => {
  const { context, page } = await phone(browser, IPHONE);
  await seedRecord(page);
  const offer = page.getByRole('region', { name: 'Add Alongside to your home screen' });
  await offer.getByRole('button', { name: /^Not now/ }).focus();
  await page.keyboard.press('Enter');
  await expect(offer).toHaveCount(0);
  await expect(heading(page)).toBeFocused();
  // 29 days on: still quiet. 30 days on: offered again.
  await page.clock.setFixedTime(new Date(RECORD_NOW.getTime() + 29 * DAY));
  await page.reload();
  await expect(heading(page)).toBeVisible();
  await expect(offer).toHaveCount(0);
  await page.goto('/my-data');
  await expect(page.getByRole('region', { name: 'On this phone' }).getByRole('listitem').first()).toContainText('Tap the Share button');
  await page.clock.setFixedTime(new Date(RECORD_NOW.getTime() + 30 * DAY + 60_000));
  await page.goto('/');
  await expect(offer).toBeVisible();
  await context.close();
});

test('the home screen shortcuts open their pages', async ({ page }) => {
  await seedRecord(page, '/diary/today');
  await expect(heading(page)).toContainText('Thu 10 December');
  await page.goto('/check-in');
  await expect(heading(page)).toBeVisible();
  await page.goto('/share');
  await expect(heading(page)).toHaveText('Share with your link worker');
});
