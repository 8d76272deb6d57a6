// The quick check-in and the ONS4 check-in by keyboard alone: each
// question is one stop in the Tab order, arrows choose (Up and Down move a
// row in the 0 to 10 grids), nothing sits between questions for a stray
// Enter to wipe, and a cleared answer can be put back.
import { test, expect, axeViolations } from './helpers.js';
import { seedRecord } from './record.js';

const heading = (page) => page.getByRole('heading', { level: 1 });
const focused = (page) => page.evaluate(() => {
  const e = document.activeElement;
  const label = e.labels?.[0]?.textContent.trim() ?? e.textContent.trim();
  const group = e.closest('fieldset')?.querySelector('legend')?.textContent.trim() ?? null;
  return { tag: e.tagName.toLowerCase(), type: e.type ?? null, label, group, checked: e.checked ?? null };
});

/** Presses Tab until `predicate(focused)` holds (at most 40 times). */
async function tabTo(page, predicate) {
  for (let i = 0; i < 40; i += 1) {
    await page.keyboard.press('Tab');
    if (predicate(await focused(page))) return;
  }
  throw new Error('never reached by Tab');
}

const box = async (page) => page.evaluate(() => document.activeElement.getBoundingClientRect().toJSON());

test('the quick check-in by keyboard: one stop a question, arrows choose, Enter saves, clearing can be undone', async ({ page }) => {
  await seedRecord(page);
  await expect(heading(page)).toHaveText('Hello, Maureen');
  await tabTo(page, (f) => f.group === 'How is your mood?');
  // No answer yet, so Tab lands on the first answer, not yet chosen.
  expect(await focused(page)).toMatchObject({ type: 'radio', label: 'Very low', checked: false });
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  expect(await focused(page)).toMatchObject({ label: 'Good', checked: true });

  // Tab goes straight to the next question: no "Clear" in between.
  await page.keyboard.press('Tab');
  expect(await focused(page)).toMatchObject({ type: 'radio', group: 'Breathlessness', label: '0' });
  for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowRight');
  expect(await focused(page)).toMatchObject({ label: '3', checked: true });
  // Down moves a row, to the box below.
  const before = await box(page);
  await page.keyboard.press('ArrowDown');
  const after = await box(page);
  expect(after.y).toBeGreaterThan(before.y);
  expect(Math.abs(after.x - before.x)).toBeLessThan(8);
  const below = await focused(page);
  expect(below.checked).toBe(true);
  await page.keyboard.press('ArrowUp');
  expect(await focused(page)).toMatchObject({ label: '3', checked: true });

  await page.keyboard.press('Tab');
  expect(await focused(page)).toMatchObject({ type: 'radio', group: 'Went outside', label: 'Yes' });
  await page.keyboard.press('Tab');
  expect(await focused(page)).toMatchObject({ tag: 'button', label: 'Save check-in' });
  await page.keyboard.press('Tab');
  expect(await focused(page)).toMatchObject({ tag: 'a', label: 'Add more for today' });

  // Back to the mood: moving past the last answer chooses "No answer",
  // and "Undo" (after the question, where Tab goes next) puts it back.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  expect(await focused(page)).toMatchObject({ group: 'How is your mood?', label: 'Good' });
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  expect(await focused(page)).toMatchObject({ label: 'No answer', checked: true });
  await page.keyboard.press('Tab');
  expect(await focused(page)).toMatchObject({ tag: 'button', label: 'Undo: put back “Very good”' });
  await page.keyboard.press('Enter');
  // Focus moves once the button has gone.
  await expect.poll(() => focused(page)).toMatchObject({ group: 'How is your mood?', label: 'Very good', checked: true });
  expect(await axeViolations(page)).toEqual([]);

  // A stray Enter on an answer saves the form: nothing is lost.
  await page.keyboard.press('Enter');
  await expect(page.locator('#check-in-saved')).toBeVisible();
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('alongside.diary.2026-12')));
  const today = stored.data.days.find((d) => d.date === '2026-12-10');
  expect(today.readings).toEqual(expect.arrayContaining([{ m: 'mood', v: 5 }, { m: 'breathlessness', v: 3 }]));
});

test('the ONS4 check-in by keyboard: Tab order, arrows, and Enter to go on', async ({ page }) => {
  await seedRecord(page, '/check-in');
  await tabTo(page, (f) => f.label === 'Start');
  await page.keyboard.press('Enter');
  await expect(heading(page)).toHaveText('Question 1 of 4');
  await expect(heading(page)).toBeFocused();
  // A stray Enter before choosing asks for an answer; nothing is stored.
  await page.keyboard.press('Tab');
  expect(await focused(page)).toMatchObject({ type: 'radio', label: '0', checked: false });
  await page.keyboard.press('Tab');
  expect(await focused(page)).toMatchObject({ tag: 'button', label: 'Continue' });
  await page.keyboard.press('Enter');
  await expect(page.locator('#ons-answer-error')).toContainText('Choose a number from 0 to 10');
  // Answer each question with the arrows: 7, then 6 (a row down from 0
  // and back), 2 and "Prefer not to say".
  for (const [n, keys, want] of [
    [1, ['Space', ...Array(7).fill('ArrowRight')], '7'],
    [2, ['Space', 'ArrowDown', 'ArrowUp', ...Array(6).fill('ArrowRight')], '6'],
    [3, ['Space', 'ArrowRight', 'ArrowRight'], '2'],
    [4, ['Space', 'ArrowLeft'], 'Prefer not to say'],
  ]) {
    await expect(heading(page)).toHaveText(`Question ${n} of 4`);
    // (After the error, focus is on the error summary, above the answers.)
    if (n > 1) await expect(heading(page)).toBeFocused();
    await tabTo(page, (f) => f.type === 'radio');
    expect(await focused(page)).toMatchObject({ label: '0', checked: false });
    for (const key of keys) await page.keyboard.press(key);
    expect(await focused(page)).toMatchObject({ label: want, checked: true });
    await page.keyboard.press('Enter');
  }
  await expect(heading(page)).toHaveText('Check your answers');
  await expect(page.locator('.summary-list__value')).toHaveText(['7', '6', '2', 'Prefer not to say']);
  await tabTo(page, (f) => f.label === 'Save check-in');
  await page.keyboard.press('Enter');
  await expect(heading(page)).toHaveText('Check-in saved');
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('alongside.wellbeing')));
  expect(stored.data.checkins.at(-1)).toEqual({ date: '2026-12-10', answers: [7, 6, 2, null] });
});
