// The ONS4 wellbeing check-in (touch and keyboard), its history, the
// half-finished draft, and Today bringing the day together.
import { test, expect, seedProfile, axeViolations } from './helpers.js';

const NOW = new Date('2026-11-21T10:00:00Z');
const shot = (page, name) => page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
const heading = (page) => page.getByRole('heading', { level: 1 });
const shown = (page) => expect(page.locator('h1')).toBeVisible();
const stored = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('alongside.wellbeing')));

async function start(page, now = NOW) {
  await page.clock.setFixedTime(now);
  await seedProfile(page);
  await shown(page);
}

/** Answers the four questions by tapping. */
async function answerByTouch(page, answers) {
  for (const [i, answer] of answers.entries()) {
    await expect(heading(page)).toHaveText(`Question ${i + 1} of 4`);
    await page.getByRole('radio', { name: answer, exact: true }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
  }
}

test('a check-in by touch from Today, shown in the history', async ({ page }) => {
  await start(page);
  await page.getByRole('link', { name: 'Start the check-in' }).click();
  await expect(heading(page)).toHaveText('Wellbeing check-in');
  await expect(page.getByText('Office for National Statistics').first()).toBeVisible();
  await shot(page, 'phone-check-in-start');
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('group', { name: 'Overall, how satisfied are you with your life nowadays?' })).toBeVisible();
  await shot(page, 'phone-check-in-question');
  expect(await axeViolations(page)).toEqual([]);
  await answerByTouch(page, ['7', '6', 'Prefer not to say', '3']);
  await expect(heading(page)).toHaveText('Check your answers');
  await expect(page.locator('.summary-list')).toContainText('Overall, how happy did you feel yesterday?Prefer not to say');
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Save check-in' }).click();
  await expect(heading(page)).toHaveText('Check-in saved');
  expect((await stored(page)).data.checkins).toEqual([{ date: '2026-11-21', answers: [7, 6, null, 3] }]);

  await page.getByRole('link', { name: 'See how your answers have changed' }).click();
  await expect(page.getByRole('region', { name: 'Life satisfaction' })).toContainText('Starting point: 7 (Sat 21 November).');
  await expect(page.getByRole('region', { name: 'Happiness yesterday' })).toContainText('No answers yet.');

  // Four weeks later, a second check-in: change is read the right way.
  await page.clock.setFixedTime(new Date('2026-12-19T10:00:00Z'));
  await page.goto('/');
  await shown(page);
  await page.getByRole('link', { name: 'Start the check-in' }).click();
  await page.getByRole('button', { name: 'Start' }).click();
  await answerByTouch(page, ['8', '6', '5', '1']);
  await page.getByRole('button', { name: 'Save check-in' }).click();
  await page.goto('/check-in/history');
  await shown(page);
  await expect(page.getByRole('region', { name: 'Anxiety yesterday' })).toContainText(
    'Starting point: 3 (Sat 21 November). Latest: 1 (Sat 19 December). That is 2 points better.',
  );
  await expect(page.getByRole('region', { name: 'Life satisfaction' })).toContainText('That is 1 point better.');
  await expect(page.getByRole('region', { name: 'Happiness yesterday' })).toContainText('Starting point: 5 (Sat 19 December).');
  await expect(page.locator('.chart')).toHaveCount(3);
  await shot(page, 'phone-check-in-history');
  expect(await axeViolations(page)).toEqual([]);
});

test('a check-in can be done with the keyboard alone', async ({ page }) => {
  await start(page);
  await page.goto('/check-in');
  await shown(page);
  const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim() || document.activeElement?.id);
  for (let i = 0; i < 20 && (await focused()) !== 'Start'; i += 1) await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  for (const [i, steps] of [4, 5, 6, 2].entries()) {
    await expect(heading(page)).toHaveText(`Question ${i + 1} of 4`);
    // Each question's heading takes focus, as a new page would.
    await expect(heading(page)).toBeFocused();
    // Tab to the first answer, then arrow keys choose, and Enter continues.
    for (let t = 0; t < 20 && (await focused()) !== 'ons-answer'; t += 1) await page.keyboard.press('Tab');
    for (let s = 0; s < steps; s += 1) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
  }
  await expect(heading(page)).toHaveText('Check your answers');
  for (let t = 0; t < 30 && (await focused()) !== 'Save check-in'; t += 1) await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(heading(page)).toHaveText('Check-in saved');
  expect((await stored(page)).data.checkins[0].answers).toEqual([4, 5, 6, 2]);
});

test('an unanswered question is explained, and a half-finished check-in is kept as a draft', async ({ page }) => {
  await start(page);
  await page.goto('/check-in');
  await page.getByRole('button', { name: 'Start' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.locator('#ons-answer-error')).toHaveText('Error: Choose a number from 0 to 10, or “Prefer not to say”');
  await expect(page).toHaveTitle('Error: Wellbeing check-in - Alongside');
  expect(await axeViolations(page)).toEqual([]);
  await answerByTouch(page, ['5', '4']);
  await page.reload();
  await shown(page);
  const saved = await stored(page);
  expect(saved.data.checkins).toEqual([]);
  expect(saved.data.draft).toEqual([{ value: 5 }, { value: 4 }, 'unanswered', 'unanswered']);
  await page.getByRole('button', { name: 'Carry on where you left off' }).click();
  await expect(page.getByRole('radio', { name: '5', exact: true })).toBeChecked();
});

test('Today brings the day together from stored data', async ({ page }) => {
  await page.clock.setFixedTime(NOW);
  await seedProfile(page);
  const seed = {
    'alongside.appointments': { kind: 'appointments', data: { next_id: 3, appointments: [
      { id: 1, kind: 'gp', with: 'Dr Patel', date: '2026-12-01', time: 540, minutes: 15, place: null, bring: null, questions: [], repeat: null, reminders: [], cancelled: false, changes: [], sequence: 0 },
      { id: 2, kind: 'link_worker', with: 'Priya', date: '2026-11-23', time: 630, minutes: 45, place: null, bring: null, questions: [], repeat: null, reminders: [], cancelled: false, changes: [], sequence: 0 },
    ] } },
    'alongside.goals': { kind: 'goals', data: { next_id: 2, goals: [
      { id: 1, text: 'Walk to the corner shop', why: null, target: null, conditions: [], steps: [{ id: 1, text: 'Walk to the gate', done_on: '2026-11-10' }, { id: 2, text: 'Walk to the post box', done_on: null }], ratings: [{ on: '2026-11-10', value: 4 }], notes: [], status: 'working_on_it', status_changes: [], created_on: '2026-11-01', next_step_id: 3 },
    ] } },
    'alongside.diary.2026-11': { kind: 'diary_month', data: { days: [{ date: '2026-11-21', readings: [{ m: 'mood', v: 4 }] }] } },
    'alongside.wellbeing': { kind: 'wellbeing', data: { checkins: [{ date: '2026-10-01', answers: [5, 5, 5, 5] }], draft: null, rhythm: 'before_link_worker' } },
  };
  await page.evaluate((entries) => {
    for (const [key, value] of Object.entries(entries)) {
      localStorage.setItem(key, JSON.stringify({ app: 'alongside', schema: 1, rev: 1, saved_at: '2026-11-20T10:00:00.000Z', ...value }));
    }
  }, seed);
  await page.reload();
  await shown(page);
  const next = page.getByRole('region', { name: 'Your next appointments' });
  await expect(next.locator('.appt').first()).toContainText('Link worker: PriyaMon 23 November, 10:30am');
  await expect(page.getByRole('region', { name: 'Time for a wellbeing check-in?' })).toBeVisible();
  await expect(page.getByText("You have started today's diary.")).toBeVisible();
  await expect(page.getByRole('group', { name: 'How is your mood?' }).getByRole('radio', { name: 'Good', exact: true })).toBeChecked();
  await expect(page.locator('.goal-card')).toContainText('Next step: Walk to the post box');

  // Things to talk about: add, check, remove.
  await page.getByRole('button', { name: 'Add to the list' }).click();
  await expect(page.locator('#talk-new-error')).toHaveText('Error: Enter what you want to talk about');
  await page.getByLabel('Add something to talk about').fill('Trying the choir');
  await page.getByRole('button', { name: 'Add to the list' }).click();
  await expect(page.locator('.talk-list')).toContainText('Trying the choir');
  await shot(page, 'phone-today-full');
  expect(await axeViolations(page)).toEqual([]);
  await page.setViewportSize({ width: 1280, height: 800 });
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/screens/laptop-today-full.png', fullPage: true });
  await page.reload();
  await shown(page);
  await expect(page.locator('.talk-list')).toContainText('Trying the choir');
  await page.getByRole('button', { name: 'Remove Trying the choir' }).click();
  await expect(page.locator('.talk-list')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Undo' })).toBeFocused();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator('.talk-list')).toContainText('Trying the choir');
  await page.getByRole('button', { name: 'Remove Trying the choir' }).click();
  await expect(page.locator('.talk-list')).toHaveCount(0);

  // "Not now" puts the check-in off until tomorrow.
  await page.getByRole('button', { name: 'Not now' }).click();
  await expect(page.getByRole('region', { name: 'Time for a wellbeing check-in?' })).toHaveCount(0);
});
