// Goals: writing one, small steps, "how close do I feel" ratings, notes,
// status, deleting with undo, keyboard-only use and bad input.
import { test, expect, seedProfile, axeViolations } from './helpers.js';

// A fixed moment, so dates on the page are known: Sat 21 November 2026.
const NOW = new Date('2026-11-21T10:00:00Z');
const GOAL = 'Walk to the corner shop without stopping';

const shot = (page, name) => page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
const heading = (page) => page.getByRole('heading', { level: 1 });
const stored = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('alongside.goals')));

/** Waits for the app to show a page. (The fixed clock also fakes the
 *  performance timeline, so the app-ready mark cannot be used here.) */
const shown = (page) => expect(page.locator('h1')).toBeVisible();

async function start(page) {
  await page.clock.setFixedTime(NOW);
  await seedProfile(page);
  await shown(page);
}

/** Writes a goal through the form and waits for its page. */
async function writeGoal(page, text = GOAL, { why, target, condition } = {}) {
  await page.goto('/goals/new');
  await page.getByLabel('Your goal, in your own words').fill(text);
  if (why) await page.getByLabel('Why this matters to you (optional)').fill(why);
  if (target) await page.getByLabel('When would you like to get there? (optional)').fill(target);
  if (condition) await page.getByLabel(condition).check();
  await page.getByRole('button', { name: 'Save goal' }).click();
  await expect(heading(page)).toHaveText(text);
}

async function addStep(page, text) {
  await page.getByLabel('Add a step').fill(text);
  await page.getByRole('button', { name: 'Add step' }).click();
  await expect(page.getByRole('checkbox', { name: text })).toBeVisible();
}

/** Chooses `value` in the 0 to 10 grid (or nothing, for '') and saves. */
async function rate(page, value) {
  const grid = page.getByRole('group', { name: 'How close do you feel to this goal today?' });
  if (value !== '') await grid.getByRole('radio', { name: String(value), exact: true }).check();
  await page.getByRole('button', { name: 'Save rating' }).click();
}

test('a goal with three steps, two ticked, rated twice and done is all there after a reload', async ({ page }) => {
  await start(page);
  await page.goto('/goals');
  await expect(page.getByText('A goal is something you would like to do or change.')).toBeVisible();
  await page.getByRole('link', { name: 'Write your first goal' }).click();
  await expect(heading(page)).toHaveText('Write a goal');
  await writeGoal(page, GOAL, {
    why: 'So I can get my own paper again',
    target: '2026-12-24',
    condition: 'COPD (chronic obstructive pulmonary disease)',
  });
  await expect(page).toHaveTitle('Your goal - Alongside');
  await expect(page.locator('.summary-list')).toContainText('So I can get my own paper again');
  await expect(page.locator('.summary-list')).toContainText('Thu 24 December');
  await expect(page.locator('.summary-list')).toContainText('COPD');

  for (const s of ['Walk to the gate', 'Walk to the post box', 'Walk to the shop']) await addStep(page, s);
  await page.getByRole('checkbox', { name: 'Walk to the gate' }).check();
  await page.getByRole('checkbox', { name: 'Walk to the post box' }).check();
  await expect(page.getByRole('checkbox', { name: 'Walk to the post box' })).toBeFocused();

  await rate(page, 3);
  await rate(page, 6);
  const table = page.getByRole('table', { name: 'Your ratings, newest first' });
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table.getByRole('row').nth(1)).toContainText('Sat 21 November6');
  await expect(page.locator('.chart .chart__point')).toHaveCount(2);

  await page.getByLabel('Add a note').fill('Windy, but I got to the gate');
  await page.getByRole('button', { name: 'Save note' }).click();
  await expect(page.locator('.notes')).toContainText('Windy, but I got to the gate');

  await page.getByRole('radio', { name: 'Done' }).check();
  await page.getByRole('button', { name: 'Update' }).click();
  const message = page.locator('#status-message');
  await expect(message).toContainText('Well done! You reached your goal.');
  await expect(message).toBeFocused();
  await shot(page, 'phone-goal-done');
  expect(await axeViolations(page)).toEqual([]);

  await page.reload();
  await shown(page);
  await expect(heading(page)).toHaveText(GOAL);
  await expect(page.getByRole('checkbox', { name: 'Walk to the gate' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Walk to the post box' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Walk to the shop' })).not.toBeChecked();
  await expect(page.getByText('Done Sat 21 November')).toHaveCount(2);
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(page.locator('.notes')).toContainText('Windy, but I got to the gate');
  await expect(page.locator('#status-heading + p')).toHaveText('Done since Sat 21 November');

  const book = await stored(page);
  const goal = book.data.goals[0];
  expect(book.kind).toBe('goals');
  expect(goal.steps.map((s) => [s.text, s.done_on])).toEqual([
    ['Walk to the gate', '2026-11-21'],
    ['Walk to the post box', '2026-11-21'],
    ['Walk to the shop', null],
  ]);
  expect(goal.ratings.map((r) => r.value)).toEqual([3, 6]);
  expect(goal.status).toBe('done');

  // Done goals move to "Past goals".
  await page.goto('/goals');
  await expect(page.getByRole('heading', { name: 'Past goals' })).toBeVisible();
  await expect(page.locator('.past-goals')).toContainText(`${GOAL}Done on Sat 21 November`);
  await expect(page.getByText('You are not working on any goals at the moment.')).toBeVisible();
});

test('Today shows the goals being worked on with their next step and last rating', async ({ page }) => {
  await start(page);
  await expect(page.getByText('You are not working on a goal at the moment.')).toBeVisible();
  await writeGoal(page);
  await addStep(page, 'Walk to the gate');
  await addStep(page, 'Walk to the post box');
  await page.getByRole('checkbox', { name: 'Walk to the gate' }).check();
  await rate(page, 4);
  await writeGoal(page, 'Sleep through the night');
  await page.getByRole('radio', { name: 'Paused' }).check();
  await page.getByRole('button', { name: 'Update' }).click();
  await expect(page.locator('#status-message')).toContainText('This goal is paused.');

  await page.getByRole('link', { name: 'Today' }).click();
  const cards = page.locator('.goal-card');
  await expect(cards).toHaveCount(1);
  await expect(cards).toContainText(GOAL);
  await expect(cards).toContainText('Next step: Walk to the post box');
  await expect(cards).toContainText('1 of 2 steps done');
  await expect(cards).toContainText('How close you feel: 4 out of 10 (on Sat 21 November)');
  await shot(page, 'phone-today-goals');
  expect(await axeViolations(page)).toEqual([]);

  // The goals page lists both current goals, the paused one labelled.
  await page.getByRole('link', { name: 'See all your goals' }).click();
  await expect(page.locator('.goal-card')).toHaveCount(2);
  await expect(page.locator('.goal-card').first()).toContainText('Paused');
  await shot(page, 'phone-goals-list');
  expect(await axeViolations(page)).toEqual([]);
});

test('bad input is explained beside the field and in a summary, and nothing is saved', async ({ page }) => {
  await start(page);
  await page.goto('/goals/new');
  await page.getByRole('button', { name: 'Save goal' }).click();
  const summary = page.getByRole('alert');
  await expect(summary).toContainText('There is a problem');
  await expect(summary).toContainText('Enter your goal, in your own words');
  await expect(page.locator('#error-summary')).toBeFocused();
  await expect(page).toHaveTitle('Error: Write a goal - Alongside');
  await expect(page.locator('#goal-text-error')).toHaveText('Error: Enter your goal, in your own words');

  await page.getByLabel('Your goal, in your own words').fill('x'.repeat(501));
  await page.getByLabel('When would you like to get there? (optional)').fill('2026-11-20');
  await page.getByRole('button', { name: 'Save goal' }).click();
  await expect(page.locator('#goal-text-error')).toHaveText('Error: Your goal must be 500 characters or fewer');
  await expect(page.locator('#goal-target-error')).toHaveText(
    'Error: The date you hope to get there must be today or in the future',
  );
  await shot(page, 'phone-goal-errors');
  expect(await axeViolations(page)).toEqual([]);
  // The summary's link takes the client to the field.
  await summary.getByRole('link', { name: 'Your goal must be 500 characters or fewer' }).click();
  await expect(page.getByLabel('Your goal, in your own words')).toBeFocused();
  expect(await stored(page)).toBeNull();

  // A good goal, then bad ratings, steps and notes.
  await page.getByLabel('Your goal, in your own words').fill(GOAL);
  await page.getByLabel('When would you like to get there? (optional)').fill('');
  await page.getByRole('button', { name: 'Save goal' }).click();
  await expect(heading(page)).toHaveText(GOAL);
  await expect(page).toHaveTitle('Your goal - Alongside');
  const before = await stored(page);
  // The grid offers only 0 to 10 (the model refuses anything else: see
  // model::goal's tests), so the one mistake left is choosing nothing.
  for (const [value, message] of [
    ['', 'Enter how close you feel, from 0 to 10'],
  ]) {
    await rate(page, value);
    await expect(page.locator('#rating-error')).toHaveText(`Error: ${message}`);
    await expect(summary).toContainText(message);
    // The summary takes focus just after it appears: wait for that, as a
    // person would, before typing again.
    await expect(summary).toBeFocused();
  }
  await expect(page).toHaveTitle('Error: Your goal - Alongside');
  await page.getByRole('button', { name: 'Add step' }).click();
  await expect(page.locator('#new-step-error')).toHaveText('Error: Enter the step');
  await page.getByRole('button', { name: 'Save note' }).click();
  await expect(page.locator('#note-error')).toHaveText('Error: Enter your reflection');
  expect(await axeViolations(page)).toEqual([]);
  expect(await stored(page)).toEqual(before);

  // A good rating clears the errors.
  await rate(page, 0);
  await expect(summary).toHaveCount(0);
  await expect(page).toHaveTitle('Your goal - Alongside');
  expect((await stored(page)).data.goals[0].ratings).toEqual([{ on: '2026-11-21', value: 0 }]);
});

test('steps can be reordered, changed, and deleted with undo', async ({ page }) => {
  await start(page);
  await writeGoal(page);
  for (const s of ['One', 'Two', 'Three']) await addStep(page, s);
  const order = () => page.locator('.step .checkboxes__label > span:first-child').allTextContents();

  await page.getByRole('button', { name: 'Move up step: Three' }).click();
  expect(await order()).toEqual(['One', 'Three', 'Two']);
  await expect(page.getByRole('button', { name: 'Move up step: Three' })).toBeFocused();
  await page.keyboard.press('Enter');
  expect(await order()).toEqual(['Three', 'One', 'Two']);
  // At the top there is no "Move up": focus stays on the step's other button.
  await expect(page.getByRole('button', { name: 'Move down step: Three' })).toBeFocused();

  await page.getByRole('button', { name: 'Change step: One' }).click();
  await expect(page.getByLabel('Change this step')).toBeFocused();
  await page.getByLabel('Change this step').fill('');
  await page.getByRole('button', { name: 'Save step' }).click();
  await expect(page.locator('#edit-step-error')).toHaveText('Error: Enter the step');
  expect(await axeViolations(page)).toEqual([]);
  await page.getByLabel('Change this step').fill('One, slowly');
  await page.getByRole('button', { name: 'Save step' }).click();
  await expect(page.getByRole('checkbox', { name: 'One, slowly' })).toBeFocused();

  await page.getByRole('checkbox', { name: 'Two' }).check();
  await page.getByRole('button', { name: 'Delete step: Two' }).click();
  expect(await order()).toEqual(['Three', 'One, slowly']);
  const undo = page.getByRole('button', { name: 'Undo' });
  await expect(undo).toBeFocused();
  await expect(page.getByText('Step deleted: “Two”.')).toBeVisible();
  await shot(page, 'phone-goal-step-deleted');
  expect(await axeViolations(page)).toEqual([]);
  await undo.click();
  expect(await order()).toEqual(['Three', 'One, slowly', 'Two']);
  await expect(page.getByRole('checkbox', { name: 'Two' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Two' })).toBeFocused();

  await page.reload();
  await shown(page);
  expect(await order()).toEqual(['Three', 'One, slowly', 'Two']);
  const steps = (await stored(page)).data.goals[0].steps;
  expect(steps.map((s) => s.id)).toEqual([3, 1, 2]);
});

test('deleting a goal asks first, names the goal, and can be undone', async ({ page }) => {
  await start(page);
  await writeGoal(page, 'Go to the coffee morning');
  await writeGoal(page);
  await page.getByRole('button', { name: 'Delete this goal' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete this goal?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(`This will delete “${GOAL}”, with its steps, ratings and notes.`);
  await expect(dialog.getByRole('button', { name: 'No, keep it' })).toBeFocused();
  await shot(page, 'phone-goal-delete-dialog');
  expect(await axeViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Delete this goal' }).click();
  await dialog.getByRole('button', { name: 'No, keep it' }).click();
  await expect(dialog).toBeHidden();
  expect((await stored(page)).data.goals).toHaveLength(2);

  await page.getByRole('button', { name: 'Delete this goal' }).click();
  await dialog.getByRole('button', { name: 'Yes, delete it' }).click();
  await expect(heading(page)).toHaveText('Your goals');
  await expect(page.getByRole('status').filter({ hasText: 'You deleted the goal' })).toContainText(
    `You deleted the goal “${GOAL}”.`,
  );
  expect((await stored(page)).data.goals.map((g) => g.text)).toEqual(['Go to the coffee morning']);
  await shot(page, 'phone-goal-deleted');
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('link', { name: GOAL })).toBeFocused();
  expect((await stored(page)).data.goals.map((g) => g.text)).toEqual(['Go to the coffee morning', GOAL]);

  // Deleted for good once the client leaves the page without undoing.
  await page.getByRole('link', { name: GOAL }).click();
  await page.getByRole('button', { name: 'Delete this goal' }).click();
  await dialog.getByRole('button', { name: 'Yes, delete it' }).click();
  await page.getByRole('link', { name: 'Today' }).click();
  await page.getByRole('link', { name: 'Goals', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveCount(0);
  await page.reload();
  await shown(page);
  await expect(page.locator('.goal-card')).toHaveCount(1);
  await page.goto('/goals/2');
  await expect(heading(page)).toHaveText('Goal not found');
});

test('a goal can be written, stepped and rated with the keyboard alone', async ({ page }) => {
  await start(page);
  await page.goto('/goals');
  await shown(page);
  // Focus starts at the top of the page; Tab to the first-goal link.
  const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim());
  for (let i = 0; i < 30 && (await focused()) !== 'Write your first goal'; i += 1) {
    await page.keyboard.press('Tab');
  }
  expect(await focused()).toBe('Write your first goal');
  await page.keyboard.press('Enter');
  await expect(heading(page)).toHaveText('Write a goal');
  await expect(heading(page)).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Your goal, in your own words')).toBeFocused();
  await page.keyboard.type('Go to the Tuesday walking group');
  await page.keyboard.press('Tab');
  await page.keyboard.type('To meet people');
  // Past the date box (three fields in Chromium) and the two conditions.
  for (let i = 0; i < 30 && (await focused()) !== 'Save goal'; i += 1) {
    await page.keyboard.press('Tab');
  }
  await page.keyboard.press('Enter');
  await expect(heading(page)).toHaveText('Go to the Tuesday walking group');
  await expect(heading(page)).toBeFocused();

  for (let i = 0; i < 30 && !(await page.getByLabel('Add a step').evaluate((e) => e === document.activeElement)); i += 1) {
    await page.keyboard.press('Tab');
  }
  await page.keyboard.type('Find the time and place');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('checkbox', { name: 'Find the time and place' })).toBeVisible();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  // The grid is one stop: Tab lands on its first box, arrows choose.
  const grid = page.getByRole('group', { name: 'How close do you feel to this goal today?' });
  await expect(grid.getByRole('radio', { name: '0', exact: true })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(grid.getByRole('radio', { name: '2', exact: true })).toBeChecked();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('table', { name: 'Your ratings, newest first' })).toContainText('2');

  const goal = (await stored(page)).data.goals[0];
  expect([goal.text, goal.why, goal.steps.length, goal.ratings.length]).toEqual([
    'Go to the Tuesday walking group',
    'To meet people',
    1,
    1,
  ]);
});

test('changing a goal keeps its steps and ratings', async ({ page }) => {
  await start(page);
  await writeGoal(page);
  await addStep(page, 'Walk to the gate');
  await rate(page, 5);
  await page.getByRole('link', { name: 'Change this goal' }).click();
  await expect(heading(page)).toHaveText('Change your goal');
  await expect(page.getByLabel('Your goal, in your own words')).toHaveValue(GOAL);
  await shot(page, 'phone-goal-edit');
  expect(await axeViolations(page)).toEqual([]);
  await page.getByLabel('Your goal, in your own words').fill('Walk to the park');
  await page.getByRole('button', { name: 'Save goal' }).click();
  await expect(heading(page)).toHaveText('Walk to the park');
  await expect(page.getByRole('checkbox', { name: 'Walk to the gate' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Your ratings, newest first' })).toContainText('5');
});

test('a failed goal save is shown at once and what was entered stays on screen', async ({ page }) => {
  await start(page);
  await writeGoal(page);
  const before = await page.evaluate(() => localStorage.getItem('alongside.goals'));
  await page.evaluate(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException('full', 'QuotaExceededError');
    };
  });
  await addStep(page, 'Walk to the gate');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('This was not saved: the storage Alongside can use on this phone is full.');
  await expect(page.getByRole('checkbox', { name: 'Walk to the gate' })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  expect(await page.evaluate(() => localStorage.getItem('alongside.goals'))).toBe(before);
});

test('the goals pages have no axe violations on a laptop', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await start(page);
  await page.goto('/goals');
  await shown(page);
  await page.screenshot({ path: 'test-results/screens/laptop-goals-empty.png', fullPage: true });
  expect(await axeViolations(page)).toEqual([]);
  await writeGoal(page, GOAL, { why: 'So I can get my own paper again', target: '2026-12-24' });
  await addStep(page, 'Walk to the gate');
  await rate(page, 2);
  await rate(page, 5);
  await page.screenshot({ path: 'test-results/screens/laptop-goal.png', fullPage: true });
  expect(await axeViolations(page)).toEqual([]);
  await page.goto('/goals/new');
  expect(await axeViolations(page)).toEqual([]);
});

test('damaged goals are kept aside, the client is told, and the rest of the app works', async ({ page }) => {
  await start(page);
  await page.evaluate(() => localStorage.setItem('alongside.goals', '{"app":"alongside","kind":"goals","schema":1,"rev":2,"data":{"goals":[{"id":'));
  await page.goto('/goals');
  await shown(page);
  await expect(page.getByRole('status').filter({ hasText: 'your goals' })).toContainText(
    'Some of your saved information (your goals) could not be read. We have kept a copy of it on this phone',
  );
  await expect(heading(page)).toHaveText('Your goals');
  const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('alongside.quarantine.')));
  expect(kept).toHaveLength(1);
  expect(kept[0]).toMatch(/\.alongside\.goals$/);
  // A new goal can be written and saved as usual.
  await writeGoal(page);
  expect((await stored(page)).data.goals).toHaveLength(1);
  expect(await axeViolations(page)).toEqual([]);
});

test('at 200% text size the goals pages fit the phone without sideways scrolling', async ({ page }) => {
  await start(page);
  await writeGoal(page, GOAL, { why: 'So I can get my own paper again', target: '2026-12-24' });
  await addStep(page, 'Walk to the gate');
  await addStep(page, 'Walk to the post box');
  await rate(page, 2);
  await rate(page, 5);
  const id = page.url().split('/').pop();
  for (const path of [`/goals/${id}`, '/goals', '/goals/new', '/']) {
    await page.goto(path);
    await shown(page);
    await page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `sideways overflow on ${path}`).toBeLessThanOrEqual(0);
    if (path === `/goals/${id}`) await shot(page, 'phone-goal-200-percent');
  }
});

test('goals saved by a newer version are never changed, and what was typed stays', async ({ page }) => {
  await start(page);
  const newer = JSON.stringify({
    app: 'alongside', kind: 'goals', schema: 99, rev: 4, saved_at: '2027-01-01T00:00:00.000Z',
    data: { goals: [], next_id: 1, colour: 'blue' },
  });
  await page.evaluate((raw) => localStorage.setItem('alongside.goals', raw), newer);
  await page.goto('/goals/new');
  await shown(page);
  await expect(page.getByRole('status').filter({ hasText: 'your goals' })).toContainText('saved by a newer version');
  await page.getByLabel('Your goal, in your own words').fill(GOAL);
  await page.getByRole('button', { name: 'Save goal' }).click();
  await expect(page.getByRole('alert')).toContainText('This was not saved');
  await expect(heading(page)).toHaveText('Write a goal');
  await expect(page.getByLabel('Your goal, in your own words')).toHaveValue(GOAL);
  expect(await page.evaluate(() => localStorage.getItem('alongside.goals'))).toBe(newer);
});
