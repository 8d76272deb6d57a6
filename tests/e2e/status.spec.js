// What a page says after an action is true at once, without a reload:
// Today's quick check-in, My data's backup line, the welcome screen after
// "Delete everything", and "Add to my calendar".
import { test, expect, axeViolations } from './helpers.js';
import { seedRecord } from './record.js';

const heading = (page) => page.getByRole('heading', { level: 1 });
const checkIn = (page) => page.locator('section.check-in');

test('Today: after "Save check-in" the card says it is saved, and nothing says otherwise', async ({ page }) => {
  await seedRecord(page);
  const card = checkIn(page);
  await expect(card).toContainText("You have not filled in today's diary yet.");
  await card.getByRole('group', { name: 'How is your mood?' }).getByLabel('Good', { exact: true }).check();
  await card.getByRole('button', { name: 'Save check-in' }).click();
  await expect(card.locator('#check-in-saved')).toHaveText('Saved in your diary for today.');
  await expect(card).not.toContainText('You have not filled in');
  await expect(card).not.toContainText('You have started');
  // A change after the save is not saved yet: "Saved" goes, and the line
  // says what is true of the diary now.
  await card.getByRole('group', { name: 'Breathlessness' }).getByLabel('4', { exact: true }).check();
  await expect(card.locator('#check-in-saved')).toHaveCount(0);
  await expect(card).toContainText("You have started today's diary.");
  await card.getByRole('button', { name: 'Save check-in' }).click();
  await expect(card.locator('#check-in-saved')).toBeVisible();
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('alongside.diary.2026-12')));
  const today = stored.data.days.find((d) => d.date === '2026-12-10');
  expect(today.readings).toEqual(expect.arrayContaining([{ m: 'mood', v: 4 }, { m: 'breathlessness', v: 4 }]));
  expect(await axeViolations(page)).toEqual([]);
});

test('My data: the backup line changes the moment a backup is made', async ({ page }) => {
  await seedRecord(page, '/my-data');
  await expect(heading(page)).toHaveText('My data');
  await expect(page.getByText('You have not made a backup yet.')).toBeVisible();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Make a backup' }).click();
  await downloading;
  await expect(page.locator('#backup-made')).toContainText('Your backup is ready');
  await expect(page.getByText('You have not made a backup yet.')).toHaveCount(0);
  await expect(page.getByText('Your last backup on this phone was made on Thu 10 December')).toBeVisible();
});

test('after "Delete everything" the welcome screen says it is done, once', async ({ page }) => {
  await seedRecord(page, '/my-data');
  await page.getByRole('button', { name: 'Delete everything' }).click();
  await page.getByRole('button', { name: 'Yes, delete everything' }).click();
  await expect(heading(page)).toHaveText('Welcome to Alongside');
  await expect(page.getByRole('status').filter({ hasText: 'Everything has been deleted from this phone.' })).toBeVisible();
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('alongside')))).toEqual([]);
  expect(await axeViolations(page)).toEqual([]);
  // Said once: a later visit is an ordinary welcome.
  await page.reload();
  await expect(heading(page)).toHaveText('Welcome to Alongside');
  await expect(page.getByText('Everything has been deleted')).toHaveCount(0);
});

test('"Add to my calendar" says what happened beside the button, on screen', async ({ page }) => {
  await seedRecord(page, '/appointments/2/2026-12-10');
  await expect(heading(page)).toHaveText('GP: Dr Okafor');
  const button = page.getByRole('button', { name: 'Add to my calendar' });
  const downloading = page.waitForEvent('download');
  await button.click();
  await downloading;
  const said = page.getByText('Downloaded. Open the file to add it to your calendar.');
  await expect(said).toBeVisible();
  await expect(said).toBeInViewport();
  // Directly below the button's row, not at the foot of the page.
  const [b, s] = [await button.boundingBox(), await said.boundingBox()];
  expect(s.y - (b.y + b.height)).toBeLessThan(120);
  await expect(said).toHaveAttribute('role', 'status');
});

test('notes "afterwards" are offered only once an appointment has happened', async ({ page }) => {
  // The GP visit is at 2:30pm on Thu 10 December; it is 10am.
  await seedRecord(page, '/appointments/2/2026-12-10');
  await expect(page.getByRole('heading', { name: 'Afterwards' })).toBeVisible();
  await expect(page.getByLabel('What was said? (optional)')).toHaveCount(0);
  await expect(page.getByText('After the appointment, you can write down here what was said.')).toBeVisible();
  // Tue 8 December's walking group has happened.
  await page.goto('/appointments/1/2026-12-08');
  await page.getByLabel('What was said? (optional)').fill('Went the long way round');
  await page.getByRole('button', { name: 'Save notes' }).click();
  await expect(page.getByText('Notes saved.')).toBeVisible();
  // A change after the save is not saved: the line goes.
  await page.getByLabel('What was said? (optional)').fill('Went the long way round, then had tea');
  await expect(page.getByText('Notes saved.')).toHaveCount(0);
});

test('Today lists the next of each appointment, so a weekly group never hides the GP', async ({ page }) => {
  await seedRecord(page);
  const next = page.locator('section[aria-labelledby="next-appointments"]');
  const titles = await next.locator('.appt__title').allTextContents();
  expect(titles).toEqual(['GP: Dr Okafor', 'Tuesday walking group', 'Nurse: Practice nurse']);
  await expect(next).toContainText('And 1 more appointment coming up.');
});

test('appointments are grouped by calendar week: on a Thursday, the Tuesday after is next week', async ({ page }) => {
  await seedRecord(page, '/appointments');
  const groups = await page.locator('main h2').allTextContents();
  expect(groups.slice(0, 4)).toEqual(['Today', 'Next week', 'Later', 'Reminders']);
  const nextWeek = page.locator('h2:text-is("Next week") + ul');
  await expect(nextWeek).toContainText('Tue 15 December');
  await expect(nextWeek).toContainText('Thu 17 December');
});
