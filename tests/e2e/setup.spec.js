// First-run set-up, changing details later, and the error summary pattern.
import { test, expect, completeSetup, appReady, expectNoAxeViolations } from './helpers.js';

test('set-up completes and survives a reload', async ({ page }) => {
  await completeSetup(page);
  await expect(page.getByText('Walking to the corner shop without stopping')).toBeVisible();
  await page.reload();
  await appReady(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hello, Sam');

  const stored = JSON.parse(await page.evaluate(() => localStorage.getItem('alongside.profile')));
  expect(stored).toMatchObject({ app: 'alongside', kind: 'profile', schema: 2, rev: 1 });
  expect(stored.data).toEqual({
    preferred_name: 'Sam',
    conditions: [{ listed: 'copd' }, { own: 'Fibromyalgia' }],
    link_worker: { name: 'Priya', contact: '01234 567890' },
    what_matters: 'Walking to the corner shop without stopping',
  });
});

test('the check page lets the client change an answer before saving', async ({ page }) => {
  await completeSetup(page, { save: false });
  await expect(page.locator('.summary-list')).toContainText('Fibromyalgia');
  await page.getByRole('button', { name: 'Change name' }).click();
  await page.getByLabel('What would you like us to call you?').fill('Samira');
  await page.getByRole('button', { name: 'Continue' }).click();
  // Straight back to the check page, not through every question again.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your answers');
  await page.getByRole('button', { name: 'Save and start' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hello, Samira');
});

test('errors follow the NHS error summary pattern and nothing is saved half-way', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Start' }).click();
  await page.getByLabel('What would you like us to call you?').fill('x'.repeat(51));
  await page.getByRole('button', { name: 'Continue' }).click();

  const summary = page.getByRole('alert');
  await expect(summary).toContainText('There is a problem');
  await expect(summary).toContainText('Your name must be 50 characters or fewer');
  await expect(page.locator('#error-summary')).toBeFocused();
  await expect(page).toHaveTitle(/^Error: /);
  await expect(page.locator('#preferred-name')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page);

  // The summary's link takes the client to the field.
  await summary.getByRole('link').click();
  await expect(page.locator('#preferred-name')).toBeFocused();
  await page.getByLabel('What would you like us to call you?').fill('');
  await page.getByRole('button', { name: 'Continue' }).click();

  // No condition chosen.
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('alert')).toContainText('Select at least one condition, or add your own');
  await page.getByRole('alert').getByRole('link').click();
  await expect(page.locator('#condition-first')).toBeFocused();
  await expectNoAxeViolations(page);

  // Adding a listed condition as "own" is refused kindly.
  await page.getByLabel('Condition name').fill('asthma');
  await page.getByLabel('Condition name').press('Enter');
  await expect(page.getByRole('alert')).toContainText('Asthma is already in the list above. Select it there instead');
  await page.getByLabel('Condition name').fill('Lupus');
  await page.getByLabel('Condition name').press('Enter');
  await expect(page.getByRole('list', { name: 'Conditions you added' })).toContainText('Lupus');
  await page.getByLabel('Condition name').fill('lupus');
  await page.getByRole('button', { name: 'Add condition' }).click();
  await expect(page.getByRole('alert')).toContainText('You have already added lupus');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();

  // "What matters" is needed.
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter what matters to you, in your own words');
  await expectNoAxeViolations(page);

  // Nothing has been stored along the way.
  expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);
});

test('details can be changed later from My data', async ({ page }) => {
  await completeSetup(page);
  await page.goto('/my-data');
  await expect(page.locator('.summary-list')).toContainText('Priya');
  await page.getByRole('link', { name: 'Change your details' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your answers');
  await page.getByRole('button', { name: 'Change what matters to you' }).click();
  await page.getByLabel('What matters to you?').fill('Going to the craft group on Tuesdays');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My data');
  await expect(page.getByRole('status').filter({ hasText: 'Your details have been saved.' })).toBeVisible();
  await expect(page.locator('.summary-list')).toContainText('Going to the craft group on Tuesdays');
  await page.reload();
  await expect(page.locator('.summary-list')).toContainText('Going to the craft group on Tuesdays');
  const stored = JSON.parse(await page.evaluate(() => localStorage.getItem('alongside.profile')));
  expect(stored.rev).toBe(2);
});

test('set-up can be done with the keyboard alone', async ({ page }) => {
  await page.goto('/');
  await appReady(page);
  const tabTo = async (locator) => {
    for (let i = 0; i < 40; i += 1) {
      if (await locator.evaluate((el) => el === document.activeElement)) return;
      await page.keyboard.press('Tab');
    }
    throw new Error('could not reach the element with Tab');
  };
  await tabTo(page.getByRole('button', { name: 'Start' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await tabTo(page.getByLabel('What would you like us to call you?'));
  await page.keyboard.type('Sam');
  await page.keyboard.press('Enter');
  await tabTo(page.getByLabel('Asthma'));
  await page.keyboard.press('Space');
  await tabTo(page.getByRole('button', { name: 'Continue' }));
  await page.keyboard.press('Enter');
  await tabTo(page.getByRole('button', { name: 'Continue' }));
  await page.keyboard.press('Enter');
  await tabTo(page.getByLabel('What matters to you?'));
  await page.keyboard.type('Sleeping better');
  await tabTo(page.getByRole('button', { name: 'Continue' }));
  await page.keyboard.press('Enter');
  await tabTo(page.getByRole('button', { name: 'Save and start' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hello, Sam');
});
