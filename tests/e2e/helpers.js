// Shared helpers for the browser tests.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test as base, expect } from '@playwright/test';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const ROUTES = [
  ['/', 'Hello, Sam'],
  ['/goals', 'Your goals'],
  ['/diary', 'Your diary'],
  ['/diary/measures', 'What you record'],
  ['/appointments', 'Your appointments'],
  ['/appointments/new', 'Add an appointment'],
  ['/check-in', 'Wellbeing check-in'],
  ['/check-in/history', 'Your wellbeing check-ins'],
  ['/share', 'Share with your link worker'],
  ['/review', 'Review a shared summary'],
  ['/my-data', 'My data'],
  ['/my-data/details', 'Check your answers'],
  ['/no-such-page', 'Page not found'],
];

/** A valid stored profile (schema 2), as the app writes it. */
export const SAM = {
  app: 'alongside',
  kind: 'profile',
  schema: 2,
  rev: 1,
  saved_at: '2026-11-21T10:00:00.000Z',
  data: {
    preferred_name: 'Sam',
    conditions: [{ listed: 'copd' }, { own: 'Fibromyalgia' }],
    link_worker: { name: 'Priya', contact: '01234 567890' },
    what_matters: 'Walking to the corner shop without stopping',
  },
};

/** Stores `envelope` as the profile, then reloads so the app reads it. */
export async function seedProfile(page, envelope = SAM) {
  await page.goto('/');
  await page.evaluate((raw) => localStorage.setItem('alongside.profile', raw), JSON.stringify(envelope));
  await page.reload();
}

/** Deletes the app's durable copy of the record (IndexedDB), so that
 *  local storage as a test has just changed it is what the app finds at
 *  its next start (the app copies it over again then). Without this, a
 *  value a test removed or replaced in local storage alone would be put
 *  back from the durable copy, as after a crash. */
export async function forgetDurable(page) {
  await page.evaluate(() => new Promise((resolve) => {
    const req = indexedDB.deleteDatabase('alongside');
    req.onsuccess = req.onerror = () => resolve();
  }));
}

/** Every key and value in the app's durable copy (IndexedDB). */
export async function durableCopy(page) {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const req = indexedDB.open('alongside');
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains('records')) {
        db.close();
        resolve({});
        return;
      }
      const tx = db.transaction('records');
      const keys = tx.objectStore('records').getAllKeys();
      const values = tx.objectStore('records').getAll();
      tx.oncomplete = () => {
        db.close();
        resolve(Object.fromEntries(keys.result.map((k, i) => [k, values.result[i]])));
      };
    };
  }));
}

/** Fills the rest of local storage, as another part of the site might,
 *  so the app's next save meets a full storage. */
export async function fillLocalStorage(page) {
  await page.evaluate(() => {
    let chunk = 'x'.repeat(256 * 1024);
    let i = 0;
    while (chunk.length > 8) {
      try {
        localStorage.setItem(`filler-${i}`, chunk);
        i += 1;
      } catch {
        chunk = chunk.slice(0, chunk.length / 2);
      }
    }
  });
}

/** Waits until the app has mounted and loaded its stored data. */
export async function appReady(page) {
  await page.waitForFunction(() => performance.getEntriesByName('app-ready').length > 0);
}

/** Runs axe-core with the WCAG 2.2 AA tags and returns the violations.
 *  axe is evaluated through DevTools, so the page's CSP does not block it. */
export async function axeViolations(page) {
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(() =>
    window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    }),
  );
  return result.violations.map((v) => ({
    id: v.id,
    help: v.help,
    nodes: v.nodes.map((n) => n.target.join(' ')),
  }));
}

export async function expectNoAxeViolations(page) {
  expect(await axeViolations(page)).toEqual([]);
}

/** Goes through first-run set-up with typical answers. */
export async function completeSetup(page, { save = true } = {}) {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome to Alongside');
  await page.getByRole('button', { name: 'Start' }).click();
  await page.getByLabel('What would you like us to call you?').fill('Sam');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('COPD (chronic obstructive pulmonary disease)').check();
  await page.getByLabel('Condition name').fill('Fibromyalgia');
  await page.getByRole('button', { name: 'Add condition' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Their name').fill('Priya');
  await page.getByLabel('How to contact them').fill('01234 567890');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('What matters to you?').fill('Walking to the corner shop without stopping');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your answers');
  if (save) {
    await page.getByRole('button', { name: 'Save and start' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hello, Sam');
  }
}

/** Makes a link on the share page (already open): of `period` (a radio's
 *  name; `null` keeps the form's own default), with a passphrase or not.
 *  Returns it and the passphrase. */
export async function makeLink(page, { period = 'The last 4 weeks', protect = false } = {}) {
  if (period) await page.getByRole('radio', { name: period, exact: true }).check();
  await page.getByRole('button', { name: 'Preview what your link worker will see' }).click();
  await expect(page.getByRole('heading', { name: 'Preview' })).toBeVisible();
  const box = page.getByLabel('Protect it with a passphrase');
  if (protect) await box.check(); else await box.uncheck();
  const passphrase = protect ? await page.getByLabel('Passphrase', { exact: true }).inputValue() : null;
  await page.getByRole('button', { name: 'Make the link' }).click();
  const link = page.getByLabel(/^Your link/);
  await expect(link).toBeVisible();
  return { url: await link.inputValue(), passphrase };
}

/** A fresh browser for the link worker, at `viewport`, its clock at `now`. */
export async function linkWorker(browser, now, viewport = { width: 1280, height: 800 }) {
  const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/London', viewport });
  const page = await context.newPage();
  await page.clock.setFixedTime(now);
  return { context, page };
}

/** A PDF's pages: the page objects in it (not the page tree). */
export const pdfPages = (pdf) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;

/** A test whose page records every request, console message and CSP
 *  violation, for the privacy and security checks. */
export const test = base.extend({
  watched: async ({ page }, use) => {
    const requests = [];
    const console = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => console.push(m.text()));
    await page.addInitScript(() => {
      window.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    await use({ requests, console });
  },
});

export { expect };
