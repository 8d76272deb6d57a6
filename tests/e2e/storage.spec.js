// The storage rules in the browser: damaged values kept aside, newer
// versions never rewritten, failed saves shown at once.
import { test, expect, completeSetup, seedProfile, appReady, SAM, expectNoAxeViolations, fillLocalStorage } from './helpers.js';

test('a corrupt stored value leaves the app running, tells the client and keeps the bad value', async ({ page }) => {
  const damaged = '{"app":"alongside","kind":"profile","schema":2,"rev":4,"data":{"preferred_name":"Sa';
  await page.goto('/');
  await appReady(page); // the app has read storage before it is changed here
  await page.evaluate((raw) => localStorage.setItem('alongside.profile', raw), damaged);
  await page.reload();
  await appReady(page);

  await expect(page.getByRole('status').filter({ hasText: 'could not be read' })).toContainText(
    'Some of your saved information (your details) could not be read. We have kept a copy of it on this phone, so nothing has been deleted.',
  );
  // The app still works: set-up is offered.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome to Alongside');
  await expectNoAxeViolations(page);

  const stored = await page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));
  expect(stored['alongside.profile']).toBeUndefined();
  const kept = Object.keys(stored).filter((k) => k.startsWith('alongside.quarantine.'));
  expect(kept).toHaveLength(1);
  expect(kept[0]).toMatch(/^alongside\.quarantine\.\d+\.alongside\.profile$/);
  const entry = JSON.parse(stored[kept[0]]);
  expect(entry).toMatchObject({ app: 'alongside', kind: 'quarantine', schema: 1 });
  expect(entry.data.raw).toBe(damaged);

  // Setting up again saves a fresh profile and leaves the kept copy alone.
  await page.getByRole('button', { name: 'OK, hide this message' }).click();
  await completeSetup(page);
  const after = await page.evaluate((k) => localStorage.getItem(k), kept[0]);
  expect(after).toBe(stored[kept[0]]);
  await page.goto('/my-data');
  await expect(page.getByText('1 item of saved information could not be read')).toBeVisible();
});

test('a value from a newer version is shown read-only and never rewritten', async ({ page }) => {
  const newer = JSON.stringify({ ...SAM, schema: 7, rev: 30, data: { ...SAM.data, pronouns: 'they/them' } });
  await seedProfile(page, JSON.parse(newer));
  await appReady(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hello, Sam');
  await expect(page.getByRole('status').filter({ hasText: 'newer version' })).toContainText(
    'Some of your saved information (your details) was saved by a newer version of Alongside.',
  );
  await page.goto('/my-data');
  await expect(page.getByRole('link', { name: 'Change your details' })).toHaveCount(0);
  await page.goto('/my-data/details');
  await expect(page.getByText('cannot be changed here')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save changes' })).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.getItem('alongside.profile'))).toBe(newer);
});

test('a full storage shows the failure at once and keeps what was typed and what was saved', async ({ page }) => {
  await completeSetup(page);
  const before = await page.evaluate(() => localStorage.getItem('alongside.profile'));

  await fillLocalStorage(page);

  await page.goto('/my-data');
  await page.getByRole('link', { name: 'Change your details' }).click();
  await page.getByRole('button', { name: 'Change what matters to you' }).click();
  await page.getByLabel('What matters to you?').fill('A much longer answer that will not fit. '.repeat(20));
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Save changes' }).click();

  const alert = page.getByRole('alert');
  await expect(alert).toContainText('This was not saved: the storage Alongside can use on this phone is full.');
  await expect(alert).toContainText('What you entered is still here while the app stays open.');
  await expectNoAxeViolations(page);
  // What was typed is still in use for this session...
  await expect(page.locator('.summary-list')).toContainText('A much longer answer that will not fit.');
  // ...and the saved profile is exactly as before.
  expect(await page.evaluate(() => localStorage.getItem('alongside.profile'))).toBe(before);
});

test('a stale tab never overwrites newer details saved in another tab', async ({ page, context }) => {
  await completeSetup(page);
  const other = await context.newPage();
  await other.goto('/my-data/details');
  await appReady(other);

  // The first tab saves a change.
  await page.goto('/my-data/details');
  await page.getByRole('button', { name: 'Change name' }).click();
  await page.getByLabel('What would you like us to call you?').fill('Samira');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Your details have been saved.')).toBeVisible();

  // The second tab, opened before that save, shows it at once.
  await expect(other.getByText('Samira')).toBeVisible();

  // A change it never heard about (written from that tab itself, which
  // gets no event, as when a window's message is lost): its save is stale.
  const newest = await other.evaluate(() => {
    const profile = JSON.parse(localStorage.getItem('alongside.profile'));
    profile.rev += 1;
    profile.data.preferred_name = 'Sami';
    const raw = JSON.stringify(profile);
    localStorage.setItem('alongside.profile', raw);
    return raw;
  });
  await other.getByRole('button', { name: 'Change name' }).click();
  await other.getByLabel('What would you like us to call you?').fill('Old Sam');
  await other.getByRole('button', { name: 'Continue' }).click();
  await other.getByRole('button', { name: 'Save changes' }).click();
  await expect(other.getByRole('alert')).toContainText('was changed in another tab or window. Nothing has been overwritten.');
  expect(await other.evaluate(() => localStorage.getItem('alongside.profile'))).toBe(newest);
  // And the newer details are then shown.
  await expect(other.getByText('Sami', { exact: true })).toBeVisible();
});

test('persistent storage is requested', async ({ page }) => {
  await page.addInitScript(() => {
    window.__persistAsked = 0;
    const original = navigator.storage.persist.bind(navigator.storage);
    navigator.storage.persist = () => { window.__persistAsked += 1; return original(); };
  });
  await seedProfile(page);
  await appReady(page);
  await expect.poll(() => page.evaluate(() => window.__persistAsked)).toBe(1);
  await page.goto('/my-data');
  await expect(page.getByText(/Your browser (has agreed to keep|may clear|has not said)/)).toBeVisible();
});

test('blocked storage is explained at start and on save, and the app still works', async ({ page }) => {
  // As Chromium does when the user blocks site data.
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException("Failed to read the 'localStorage' property from 'Window': Access is denied for this document.", 'SecurityError');
      },
    });
  });
  await page.goto('/');
  await appReady(page);
  await expect(page.getByRole('status').filter({ hasText: 'not letting Alongside save anything' })).toBeVisible();
  await completeSetup(page, { save: false });
  await page.getByRole('button', { name: 'Save and start' }).click();
  await expect(page.getByRole('alert')).toContainText('This was not saved: this browser is not letting Alongside save on this phone.');
  // The details are still in use for this session.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hello, Sam');
  await expectNoAxeViolations(page);
});

test('details this version cannot read or change never send the client through set-up', async ({ page }) => {
  const newer = JSON.stringify({ ...SAM, schema: 9, data: { everything: 'different' } });
  await seedProfile(page, JSON.parse(newer));
  await appReady(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your details are safe');
  await expect(page.getByText('Close the app and open it again to get the newest version.').first()).toBeVisible();
  await expectNoAxeViolations(page);
  expect(await page.evaluate(() => localStorage.getItem('alongside.profile'))).toBe(newer);
});

test('an upgraded old profile with gaps is fixed on the page that asks for them', async ({ page }) => {
  // Schema 1 allowed empty answers; schema 2 needs a condition and "what matters".
  await seedProfile(page, { app: 'alongside', kind: 'profile', schema: 1, rev: 2, saved_at: '', data: { name: 'Sam' } });
  await appReady(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hello, Sam');
  await page.goto('/my-data/details');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Which long-term conditions do you live with?');
  await expect(page.getByRole('alert')).toContainText('Select at least one condition, or add your own');
  await page.getByRole('alert').getByRole('link').click();
  await expect(page.locator('#condition-first')).toBeFocused();
  await page.getByLabel('Asthma').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your answers');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter what matters to you, in your own words');
  await page.getByLabel('What matters to you?').fill('Getting out more');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Your details have been saved.')).toBeVisible();
  const stored = JSON.parse(await page.evaluate(() => localStorage.getItem('alongside.profile')));
  expect(stored).toMatchObject({ schema: 2, rev: 3 });
  expect(stored.data.conditions).toEqual([{ listed: 'asthma' }]);
});

test('a stored value that is not valid Unicode is left exactly as it is', async ({ page }) => {
  await page.goto('/');
  await appReady(page); // the app has read storage before it is changed here
  await page.evaluate(() => localStorage.setItem('alongside.profile', '{"app":"alongside","data":"\uD800 lone"}'));
  await page.reload();
  await appReady(page);
  await expect(page.getByRole('status').filter({ hasText: 'could not be read' })).toContainText(
    'We have left it exactly as it was and will not change it.',
  );
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your details are safe');
  const same = await page.evaluate(() => localStorage.getItem('alongside.profile') === '{"app":"alongside","data":"\uD800 lone"}');
  expect(same).toBe(true);
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('quarantine')))).toEqual([]);
});
