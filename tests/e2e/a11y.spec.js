// axe-core (WCAG 2.2 AA tags) on every route and every set-up page, on a
// phone and a laptop. Screenshots go to test-results/screens/ for review.
import { readFileSync } from 'node:fs';
import { test, expect, ROUTES, seedProfile, appReady, axeViolations } from './helpers.js';

const VIEWPORTS = [
  { name: 'phone', width: 360, height: 740 },
  { name: 'laptop', width: 1280, height: 800 },
];

const shot = (page, name) => page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });

for (const viewport of VIEWPORTS) {
  test(`every route has no axe violations at ${viewport.width}x${viewport.height}`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await seedProfile(page);
    for (const [path, heading] of ROUTES) {
      await page.goto(path);
      await appReady(page);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
      await shot(page, `${viewport.name}${path === '/' ? '-today' : path.replaceAll('/', '-')}`);
      expect(await axeViolations(page), `axe on ${path}`).toEqual([]);
    }
  });

  test(`every set-up page has no axe violations at ${viewport.width}x${viewport.height}`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.goto('/');
    const steps = [
      ['welcome', 'Start', async () => {}],
      ['name', 'Continue', async () => page.getByLabel('What would you like us to call you?').fill('Sam')],
      ['conditions', 'Continue', async () => {
        await page.getByLabel('Asthma').check();
        await page.getByLabel('Condition name').fill('Bad knees');
        await page.getByRole('button', { name: 'Add condition' }).click();
      }],
      ['link-worker', 'Continue', async () => page.getByLabel('Their name').fill('Priya')],
      ['what-matters', 'Continue', async () => page.getByLabel('What matters to you?').fill('Seeing my friends')],
      ['check', null, async () => {}],
    ];
    for (const [name, button, fill] of steps) {
      await fill();
      await shot(page, `${viewport.name}-setup-${name}`);
      expect(await axeViolations(page), `axe on set-up page ${name}`).toEqual([]);
      if (button) await page.getByRole('button', { name: button, exact: true }).click();
    }
  });
}

test("a protected link's first screen has no axe violations, and opens by keyboard alone", async ({ page, baseURL }) => {
  const fixture = (name) => readFileSync(new URL(`../fixtures/released/${name}`, import.meta.url), 'utf8').trim();
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    // A fresh load each time, not a new link in the same page.
    await page.goto('about:blank');
    await page.goto(fixture('link-protected.txt').replace('https://alongside.example', baseURL));
    await appReady(page);
    const box = page.getByLabel('Passphrase', { exact: true });
    // The passphrase form is drawn from the main module, before the review.
    await expect(box).toBeFocused();
    await shot(page, `${viewport.name}-review-passphrase`);
    expect(await axeViolations(page), `axe at ${viewport.width}`).toEqual([]);
    await page.keyboard.type(fixture('link-passphrase.txt'));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: "Maureen's summary" })).toBeFocused();
    expect(await axeViolations(page), `axe on the summary at ${viewport.width}`).toEqual([]);
  }
});

test('the More menu opens, is labelled, and closes on Escape', async ({ page }) => {
  await seedProfile(page);
  const more = page.getByRole('button', { name: 'More' });
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  await more.click();
  await expect(more).toHaveAttribute('aria-expanded', 'true');
  await shot(page, 'phone-more-menu');
  // The menu follows its button in Tab order.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Check-in', exact: true })).toBeFocused();
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('link', { name: 'My data' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My data');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('link', { name: 'My data' })).toBeHidden();
  await more.click();
  await page.keyboard.press('Escape');
  await expect(more).toBeFocused();
  await expect(more).toHaveAttribute('aria-expanded', 'false');
});

test('the tab bar marks the current page and works one-handed', async ({ page }) => {
  await seedProfile(page);
  const bar = page.locator('nav.tab-bar');
  await bar.getByRole('link', { name: 'Goals' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your goals');
  await expect(bar.getByRole('link', { name: 'Goals' })).toHaveAttribute('aria-current', 'page');
  // Every tab is at least 44 by 44 CSS pixels (WCAG 2.5.5 / NHS guidance).
  for (const box of await bar.locator('.tab-bar__item').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()))) {
    expect(box.width).toBeGreaterThanOrEqual(44);
    expect(box.height).toBeGreaterThanOrEqual(44);
    // Within thumb reach: the bottom of the screen.
    expect(box.bottom).toBeGreaterThan(740 - 80);
  }
});

test('the laptop layout uses the header navigation', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await seedProfile(page);
  await expect(page.locator('nav.tab-bar')).toBeHidden();
  const nav = page.locator('nav.header-nav');
  await nav.getByRole('link', { name: 'Appointments' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your appointments');
  await expect(nav.getByRole('link', { name: 'Appointments' })).toHaveAttribute('aria-current', 'page');
});

test('text at 200% still fits a 360px screen', async ({ page }) => {
  await seedProfile(page);
  for (const path of ['/', '/my-data', '/no-such-page']) {
    await page.goto(path);
    await appReady(page);
    await page.addStyleTag({ content: 'html { font-size: 200% !important; }' }).catch(() => {});
    // CSP blocks injected style tags, so set it through the CSSOM instead.
    await page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `horizontal scroll on ${path}`).toBeLessThanOrEqual(0);
    await shot(page, `phone-200pc${path === '/' ? '-today' : path.replaceAll('/', '-')}`);
  }
});
