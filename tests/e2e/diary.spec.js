// The condition diary: Today's quick check-in, any day's full entry,
// trends, the calendar, measures, example data and bad input.
import { readFile } from 'node:fs/promises';
import { test, expect, seedProfile, axeViolations } from './helpers.js';
import { realisticRecord, RECORD_NOW } from './record.js';

// Sat 21 November 2026, 10am.
const NOW = new Date('2026-11-21T10:00:00Z');
const shot = (page, name) => page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
const heading = (page) => page.getByRole('heading', { level: 1 });
const shown = (page) => expect(page.locator('h1')).toBeVisible();
const month = (page, m = '2026-11') => page.evaluate((k) => JSON.parse(localStorage.getItem(k)), `alongside.diary.${m}`);

async function start(page) {
  await page.clock.setFixedTime(NOW);
  await seedProfile(page); // Sam: COPD and fibromyalgia
  await shown(page);
}

/** Picks an answer in the question named `legend`. */
const pick = (page, legend, answer) =>
  page.getByRole('group', { name: legend }).getByRole('radio', { name: answer, exact: true }).click();

test('a quick check-in of mood and one measure takes three taps from opening the app', async ({ page }) => {
  await start(page);
  await expect(page.getByRole('heading', { name: 'How are you today?' })).toBeVisible();
  await shot(page, 'phone-today-check-in');
  expect(await axeViolations(page)).toEqual([]);
  // Tap 1, 2 and 3.
  await pick(page, 'How is your mood?', 'Good');
  await pick(page, 'Breathlessness', '3');
  await page.getByRole('button', { name: 'Save check-in' }).click();
  await expect(page.locator('#check-in-saved')).toHaveText('Saved in your diary for today.');
  await expect(page.locator('#check-in-saved')).toBeFocused();
  const saved = await month(page);
  expect(saved.kind).toBe('diary_month');
  expect(saved.data.days).toEqual([
    { date: '2026-11-21', readings: [{ m: 'mood', v: 4 }, { m: 'breathlessness', v: 3 }] },
  ]);
  await page.reload();
  await shown(page);
  await expect(page.getByRole('group', { name: 'How is your mood?' }).getByRole('radio', { name: 'Good', exact: true })).toBeChecked();
  await expect(page.getByRole('group', { name: 'Breathlessness' }).getByRole('radio', { name: '3', exact: true })).toBeChecked();
});

test('Today left open overnight offers the check-in for the new day, not the old one', async ({ page }) => {
  // 11:50pm on Sat 21 November (UK time is UTC in November).
  await page.clock.setFixedTime(new Date('2026-11-21T23:50:00Z'));
  await seedProfile(page);
  await shown(page);
  await pick(page, 'How is your mood?', 'Low');
  await page.getByRole('button', { name: 'Save check-in' }).click();
  await expect(page.locator('#check-in-saved')).toBeVisible();
  // The phone wakes at 7am on Sunday with the app still open.
  await page.clock.setFixedTime(new Date('2026-11-22T07:00:00Z'));
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  await expect(page.getByText("You have not filled in today's diary yet.")).toBeVisible();
  await pick(page, 'How is your mood?', 'Good');
  await page.getByRole('button', { name: 'Save check-in' }).click();
  await expect(page.locator('#check-in-saved')).toBeVisible();
  expect((await month(page)).data.days.map((d) => [d.date, d.readings[0].v])).toEqual([
    ['2026-11-21', 2],
    ['2026-11-22', 4],
  ]);
});

test('any past day can be filled in and changed, with several timed readings', async ({ page }) => {
  await start(page);
  await page.goto('/diary');
  await shown(page);
  await page.getByLabel('Fill in or change another day').fill('2026-11-10');
  await page.getByRole('button', { name: 'Go to that day' }).click();
  await expect(heading(page)).toHaveText('Tue 10 November');
  await pick(page, 'How is your mood?', 'Low');
  await page.getByLabel('Time of reading 1').fill('08:30');
  await page.getByLabel('Reading 1', { exact: true }).fill('320');
  await page.getByRole('button', { name: 'Add another reading of Peak flow' }).click();
  await expect(page.getByLabel('Time of reading 2')).toBeFocused();
  await page.getByLabel('Time of reading 2').fill('19:00');
  await page.getByLabel('Reading 2', { exact: true }).fill('350');
  await page.getByLabel('Sleep (hours)').fill('6.5');
  await page.getByLabel('A note about the day (optional)').fill('Cold and windy');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.locator('#day-saved')).toContainText('Your diary for Tue 10 November is saved.');
  await shot(page, 'phone-diary-day');
  expect(await axeViolations(page)).toEqual([]);

  await page.reload();
  await shown(page);
  await expect(page.getByLabel('Reading 2', { exact: true })).toHaveValue('350');
  await expect(page.getByLabel('Sleep (hours)')).toHaveValue('6.5');
  await pick(page, 'How is your mood?', 'OK');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.locator('#day-saved')).toBeVisible();
  expect((await month(page)).data.days).toEqual([
    {
      date: '2026-11-10',
      readings: [
        { m: 'mood', v: 3 },
        { m: 'peak_flow', t: 510, v: 320 },
        { m: 'peak_flow', t: 1140, v: 350 },
        { m: 'sleep', v: 65 },
      ],
      note: 'Cold and windy',
    },
  ]);

  // The calendar marks the day.
  await page.getByRole('link', { name: 'Your diary' }).first().click();
  await expect(page.getByRole('link', { name: 'Tue 10 November, has an entry' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Wed 11 November, no entry' })).toBeVisible();
});

test('bad input is explained at the field and nothing is saved half-way', async ({ page }) => {
  await start(page);
  await page.goto('/diary');
  await shown(page);
  await page.getByLabel('Fill in or change another day').fill('2026-11-22');
  await page.getByRole('button', { name: 'Go to that day' }).click();
  await expect(page.locator('#other-day-error')).toHaveText('Error: The date must be today or in the past');
  await expect(page).toHaveTitle('Error: Your diary - Alongside');

  await page.goto('/diary/2026-11-20');
  await shown(page);
  await pick(page, 'How is your mood?', 'Good');
  await page.getByLabel('Time of reading 1').fill('08:00');
  await page.getByLabel('Reading 1', { exact: true }).fill('lots');
  await page.getByRole('button', { name: 'Add another reading of Peak flow' }).click();
  await page.getByLabel('Time of reading 2').fill('08:00');
  await page.getByLabel('Reading 2', { exact: true }).fill('1000');
  await page.getByLabel('Sleep (hours)').fill('25');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const summary = page.getByRole('alert');
  await expect(summary).toContainText('There is a problem');
  await expect(page.locator('#m2-r0-error')).toHaveText('Error: Enter Peak flow as a whole number, like 450');
  await expect(page.locator('#m2-r1-error')).toHaveText('Error: Peak flow must be between 50 and 900 L/min');
  await expect(page.locator('#m2-r1-time-error')).toHaveText('Error: There is already a peak flow reading at 8:00am');
  await expect(page.locator('#m3-r0-error')).toHaveText('Error: Sleep must be between 0.0 and 24.0 hours');
  await shot(page, 'phone-diary-errors');
  expect(await axeViolations(page)).toEqual([]);
  expect(await month(page)).toBeNull();

  await page.goto('/diary/2027-01-01');
  await expect(heading(page)).toHaveText('That day has not happened yet');
});

test('trends show the right average, lowest and highest for each period', async ({ page }) => {
  await start(page);
  for (const [day, value] of [['2026-11-20', '2'], ['2026-11-19', '4'], ['2026-11-02', '9']]) {
    await page.goto(`/diary/${day}`);
    await shown(page);
    await pick(page, 'Breathlessness', value);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.locator('#day-saved')).toBeVisible();
  }
  await page.goto('/diary');
  await shown(page);
  const summary = page.locator('#trend-summary');
  await expect(page.getByLabel('Measure')).toHaveValue('breathlessness');
  await expect(page.getByRole('button', { name: '30 days' })).toHaveAttribute('aria-pressed', 'true');
  await expect(summary).toHaveText('Average 5.0 out of 10. Lowest 2 out of 10. Highest 9 out of 10. From 3 readings.');
  await page.getByRole('button', { name: '7 days' }).click();
  await expect(summary).toHaveText('Average 3.0 out of 10. Lowest 2 out of 10. Highest 4 out of 10. From 2 readings.');
  await page.getByRole('button', { name: 'All time' }).click();
  await expect(summary).toHaveText('Average 5.0 out of 10. Lowest 2 out of 10. Highest 9 out of 10. From 3 readings.');
  await page.getByRole('button', { name: '90 days' }).click();
  await page.getByText('Show the figures as a table').click();
  await expect(page.getByRole('table', { name: 'Breathlessness, average for each day' }).getByRole('row')).toHaveCount(4);
  await page.getByLabel('Measure').selectOption('mood');
  await expect(summary).toHaveText('No Mood readings in this period.');
  await shot(page, 'phone-diary');
  expect(await axeViolations(page)).toEqual([]);
  await page.reload();
  await shown(page);
  await expect(summary).toHaveText('Average 5.0 out of 10. Lowest 2 out of 10. Highest 9 out of 10. From 3 readings.');
});

test('example entries are added only to an empty diary, after asking', async ({ page }) => {
  await start(page);
  await page.goto('/diary');
  await shown(page);
  await expect(page.getByText('Examples are kept apart from your own entries')).toBeVisible();
  await expect(page.getByText(/mixed in/)).toHaveCount(0);
  // Ten years only at an address made for testing.
  await expect(page.getByRole('button', { name: 'Add 10 years of examples (for testing)' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Add 3 months of examples' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add example entries?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'No, keep it empty' })).toBeFocused();
  expect(await axeViolations(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'No, keep it empty' }).click();
  expect(await month(page)).toBeNull();
  await page.getByRole('button', { name: 'Add 3 months of examples' }).click();
  await dialog.getByRole('button', { name: 'Yes, add examples' }).click();
  await expect(page.locator('#examples-status')).toContainText('Made-up examples added.');
  await expect(page.locator('#examples-status')).toBeFocused();
  // Up to yesterday: 29 of the last 30 days.
  await expect(page.locator('#trend-summary')).toContainText('From 29 readings.');
  await expect(page.getByRole('button', { name: 'Add 3 months of examples' })).toHaveCount(0);
  // Kept apart: the client's diary holds nothing; the examples have keys
  // and kinds of their own, one summary a year.
  expect(await month(page)).toBeNull();
  const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('alongside.')).sort());
  expect(keys.filter((k) => k.startsWith('alongside.diary.'))).toEqual([]);
  const index = await page.evaluate(() => JSON.parse(localStorage.getItem('alongside.examples.index.2026')));
  expect(index.kind).toBe('diary_example_index');
  expect(index.data.months.map((m) => m.month)).toEqual(['2026-08', '2026-09', '2026-10', '2026-11']);
  expect(index.data.months[3].days.toString(2)).toBe('1'.repeat(20));
  const november = await page.evaluate(() => JSON.parse(localStorage.getItem('alongside.examples.2026-11')));
  expect(november.kind).toBe('diary_example_month');
});

test('the testing address offers ten years of examples', async ({ page }) => {
  await start(page);
  await page.goto('/diary?testing');
  await shown(page);
  await expect(page.getByRole('button', { name: 'Add 10 years of examples (for testing)' })).toBeVisible();
});

test('examples are labelled, give way to a real entry, never leave the phone, and are removed in one step', async ({ page }) => {
  await start(page);
  await page.goto('/diary');
  await shown(page);
  await page.getByRole('button', { name: 'Add 3 months of examples' }).click();
  await page.getByRole('dialog', { name: 'Add example entries?' }).getByRole('button', { name: 'Yes, add examples' }).click();
  // Labelled in words on the calendar and above the figures.
  await expect(page.locator('#calendar-examples')).toContainText('Example');
  await expect(page.locator('#calendar-examples')).toContainText('made-up examples');
  await expect(page.getByRole('link', { name: /20 November, made-up example/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /21 November, no entry/ })).toBeVisible();
  await expect(page.locator('#trend-examples')).toHaveText(/^Example These figures include 29 days of made-up examples\./);
  await page.getByRole('button', { name: 'All time' }).click();
  await expect(page.locator('#trend-examples')).toContainText('90 days of made-up examples');
  await page.getByRole('button', { name: '30 days' }).click();
  await expect(page.getByRole('heading', { name: 'Made-up examples' })).toBeVisible();
  await shot(page, 'phone-diary-examples');
  expect(await axeViolations(page)).toEqual([]);
  await page.setViewportSize({ width: 320, height: 740 });
  await page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await shot(page, 'large-text-diary-examples');
  await page.locator('#calendar-heading').locator('..').screenshot({ path: 'test-results/screens/large-text-diary-examples-calendar.png' });
  await page.evaluate(() => { document.documentElement.style.fontSize = ''; });
  await page.setViewportSize({ width: 360, height: 740 });

  // The day page shows its example as one, and the client's entry wins.
  await page.getByRole('link', { name: /20 November, made-up example/ }).click();
  await expect(page.locator('#day-example')).toContainText('Example');
  await expect(page.locator('#day-example')).toContainText('not your own entry');
  await shot(page, 'phone-diary-day-example');
  expect(await axeViolations(page)).toEqual([]);
  await pick(page, 'How is your mood?', 'Very low');
  await pick(page, 'Breathlessness', '9');
  await page.getByLabel('A note about the day (optional)').fill('My real day');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.locator('#day-saved')).toBeVisible();
  await expect(page.locator('#day-example')).toHaveCount(0);
  expect((await month(page)).data.days).toEqual([
    { date: '2026-11-20', readings: [{ m: 'mood', v: 1 }, { m: 'breathlessness', v: 9 }], note: 'My real day' },
  ]);
  const examplesNov = await page.evaluate(() => JSON.parse(localStorage.getItem('alongside.examples.2026-11')));
  expect(examplesNov.data.days.map((d) => d.date)).not.toContain('2026-11-20');
  await page.goto('/diary');
  await shown(page);
  await expect(page.getByRole('link', { name: /20 November, has an entry/ })).toBeVisible();
  await expect(page.locator('#trend-examples')).toContainText('28 days of made-up examples');

  // A share preview holds the real entry alone.
  await page.goto('/share');
  await expect(heading(page)).toHaveText('Share with your link worker');
  await page.getByRole('radio', { name: /^The last 4 weeks/ }).check();
  await page.getByRole('button', { name: 'Preview what your link worker will see' }).click();
  const preview = page.locator('.preview .summary');
  await expect(preview).toContainText('Breathlessness');
  const text = await preview.innerText();
  // The real day alone: one reading of each, a breathlessness of 9 (the
  // examples' are 3 to 5), and nothing for the measures only examples had.
  expect(text).toMatch(/Breathlessness\s+One reading, on Fri 20 November: 9 out of 10\./);
  expect(text).not.toMatch(/from ([2-9]|\d{2,}) readings/);
  expect(text).not.toMatch(/lowest [0-8]\b/);
  expect(text).not.toMatch(/\b(Low|OK|Good)\b/);

  // A spreadsheet and a backup hold it alone too.
  await page.goto('/my-data');
  await shown(page);
  let downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Diary spreadsheet' }).click();
  const csv = await readFile(await (await downloading).path(), 'utf8');
  const rows = csv.split('\r\n').filter((r) => r).slice(1);
  expect(rows.length).toBe(3);
  for (const row of rows) expect(row).toContain('2026-11-20');
  downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Make a backup' }).click();
  const backup = await readFile(await (await downloading).path(), 'utf8');
  const backedUp = Object.keys(JSON.parse(backup).records);
  expect(backedUp).toContain('alongside.diary.2026-11');
  expect(backedUp.filter((k) => k.includes('example'))).toEqual([]);
  expect(backup).not.toContain('diary_example');

  // Removed in one step, after a short confirmation; the real entry stays.
  await page.goto('/diary');
  await shown(page);
  await page.getByRole('button', { name: 'Remove the examples' }).click();
  const confirm = page.getByRole('dialog', { name: 'Remove the examples?' });
  await expect(confirm.getByRole('button', { name: 'No, keep them' })).toBeFocused();
  expect(await axeViolations(page)).toEqual([]);
  await confirm.getByRole('button', { name: 'Yes, remove the examples' }).click();
  await expect(page.locator('#examples-status')).toHaveText('The examples have been removed. Your own entries are as they were.');
  await expect(page.locator('#examples-status')).toBeFocused();
  await expect(page.getByRole('link', { name: /made-up example/ })).toHaveCount(0);
  await expect(page.locator('#trend-examples')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Remove the examples' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: /20 November, has an entry/ })).toBeVisible();
  await expect(page.locator('#trend-summary')).toContainText('One reading, on Fri 20 November: 9 out of 10.');
  const left = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('alongside.examples.')));
  expect(left).toEqual([]);
  expect((await month(page)).data.days.map((d) => d.date)).toEqual(['2026-11-20']);
  await page.reload();
  await shown(page);
  await expect(page.getByRole('link', { name: /20 November, has an entry/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add 3 months of examples' })).toHaveCount(0);
});

test('the client chooses what to record and adds their own measure', async ({ page }) => {
  await start(page);
  await page.goto('/diary/measures');
  await expect(heading(page)).toHaveText('What you record');
  await page.getByLabel('Sleep (hours)').uncheck();
  await expect(page.getByLabel('Sleep (hours)')).toBeFocused();
  await expect(page.getByRole('button', { name: /^Clear/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'Add measure' }).click();
  await expect(page.locator('#own-name-error')).toHaveText('Error: Enter a name for the measure');
  await expect(page.locator('#own-high-error')).toHaveText('Error: Enter what 10 means, such as "worst possible"');
  await page.getByLabel('Name').fill('Steps walked');
  await page.getByText('A number with a unit').click();
  await page.getByLabel('Unit', { exact: true }).fill('steps');
  await page.getByLabel('Lowest likely value').fill('0');
  await page.getByLabel('Highest likely value').fill('0');
  await page.getByRole('button', { name: 'Add measure' }).click();
  await expect(page.locator('#own-max-error')).toHaveText('Error: The highest value must be more than the lowest');
  await page.getByLabel('Highest likely value').fill('50000');
  await page.getByRole('button', { name: 'Add measure' }).click();
  await expect(page.getByLabel('Steps walked (steps)')).toBeChecked();
  await shot(page, 'phone-diary-measures');
  expect(await axeViolations(page)).toEqual([]);

  await page.goto('/diary/2026-11-21');
  await shown(page);
  await expect(page.getByLabel('Sleep (hours)')).toHaveCount(0);
  await page.getByLabel('Steps walked (steps)').fill('4200');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.locator('#day-saved')).toBeVisible();
  expect((await month(page)).data.days[0].readings).toEqual([{ m: 'own-1', v: 42000 }]);
});

test('the diary pages have no axe violations on a laptop', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await start(page);
  expect(await axeViolations(page)).toEqual([]);
  for (const path of ['/diary', '/diary/2026-11-21', '/diary/measures']) {
    await page.goto(path);
    await shown(page);
    expect(await axeViolations(page), path).toEqual([]);
  }
  await page.screenshot({ path: 'test-results/screens/laptop-diary.png', fullPage: true });
});

test('a month whose summary was never saved is summarised as soon as it is read', async ({ page }) => {
  await start(page);
  // As if the summary's save had failed after the month's save.
  const month = JSON.stringify({
    app: 'alongside', kind: 'diary_month', schema: 1, rev: 1, saved_at: '2026-11-03T20:15:00.000Z',
    data: { days: [{ date: '2026-11-02', readings: [{ m: 'mood', v: 4 }, { m: 'breathlessness', v: 6 }] }] },
  });
  await page.evaluate((raw) => localStorage.setItem('alongside.diary.2026-11', raw), month);
  await page.goto('/diary');
  await shown(page);
  await expect(page.getByRole('link', { name: 'Mon 2 November, has an entry' })).toBeVisible();
  // One reading, 19 days ago: its day, and that nothing came since.
  await expect(page.locator('#trend-summary')).toHaveText('One reading, on Mon 2 November: 6 out of 10. Nothing recorded since.');
  const index = await page.evaluate(() => JSON.parse(localStorage.getItem('alongside.diary.index.2026')));
  expect(index.data.months).toEqual([
    { month: '2026-11', days: 2, measures: [{ m: 'mood', n: 1, sum: 4, lo: 4, hi: 4 }, { m: 'breathlessness', n: 1, sum: 6, lo: 6, hi: 6 }] },
  ]);
  expect(await page.evaluate(() => localStorage.getItem('alongside.diary.2026-11'))).toBe(month);
});

test('examples are never offered while any month holds entries, even without its summary', async ({ page }) => {
  await start(page);
  const october = JSON.stringify({
    app: 'alongside', kind: 'diary_month', schema: 1, rev: 1, saved_at: '2026-10-03T20:15:00.000Z',
    data: { days: [{ date: '2026-10-02', readings: [{ m: 'mood', v: 2 }] }] },
  });
  await page.evaluate((raw) => localStorage.setItem('alongside.diary.2026-10', raw), october);
  await page.goto('/diary');
  await shown(page);
  await expect(page.getByRole('heading', { name: 'How things have changed' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add 3 months of examples' })).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.getItem('alongside.diary.2026-10'))).toBe(october);
});

/**
 * The realistic record, with a reliever inhaler the client counts in puffs
 * (their own measure, kept with one decimal place) and last used on Tue 3
 * November, five weeks before the record is looked at.
 */
function recordWithStaleMeasure() {
  const record = realisticRecord();
  const read = (k) => JSON.parse(record[k]);
  const settings = read('alongside.diary.settings');
  settings.data.own.push({
    id: 'own-2', name: 'Reliever puffs', kind: { type: 'number', unit: 'puffs', decimals: 1, min: 0, max: 600 }, several: false,
  });
  settings.data.next_own = 3;
  record['alongside.diary.settings'] = JSON.stringify(settings);
  const november = read('alongside.diary.2026-11');
  let day = november.data.days.find((d) => d.date === '2026-11-03');
  if (!day) {
    day = { date: '2026-11-03', readings: [] };
    november.data.days.push(day);
    november.data.days.sort((a, b) => a.date.localeCompare(b.date));
  }
  day.readings.push({ m: 'own-2', v: 60 });
  record['alongside.diary.2026-11'] = JSON.stringify(november);
  const index = read('alongside.diary.index.2026');
  const summary = index.data.months.find((m) => m.month === '2026-11');
  summary.days = (summary.days | (1 << 2)) >>> 0;
  summary.measures.push({ m: 'own-2', n: 1, sum: 60, lo: 60, hi: 60 });
  record['alongside.diary.index.2026'] = JSON.stringify(index);
  return record;
}

/** Every reading of `measure` from `from` to `to` in the realistic record. */
function values(measure, from, to) {
  return Object.entries(realisticRecord())
    .filter(([k]) => /^alongside\.diary\.\d{4}-\d{2}$/.test(k))
    .flatMap(([, v]) => JSON.parse(v).data.days)
    .filter((d) => d.date >= from && d.date <= to)
    .flatMap((d) => d.readings.filter((r) => r.m === measure).map((r) => r.v));
}

test('the diary shows each unit at its precision, mood in words and an old measure with its date', async ({ page }) => {
  await page.clock.setFixedTime(RECORD_NOW);
  await page.goto('/no-such-page');
  await page.evaluate((records) => {
    localStorage.clear();
    for (const [k, v] of Object.entries(records)) localStorage.setItem(k, v);
  }, recordWithStaleMeasure());
  await page.goto('/diary');
  await shown(page);
  const summary = page.locator('#trend-summary');
  const choose = (id) => page.getByLabel('Measure').selectOption(id);
  const period = (name) => page.getByRole('button', { name, exact: true }).click();
  // The last 30 days: Wed 11 November to Thu 10 December.
  const figures = (measure, show) => {
    const v = values(measure, '2026-11-11', '2026-12-10');
    const sum = v.reduce((a, b) => a + b, 0);
    return `Average ${show(Math.round(sum / v.length))}. Lowest ${show(Math.min(...v))}. `
      + `Highest ${show(Math.max(...v))}. From ${v.length} readings.`;
  };
  const tenths = (unit) => (v) => `${(v / 10).toFixed(1)} ${unit}`;
  await expect(page.getByLabel('Measure')).toHaveValue('glucose');
  await expect(summary).toHaveText(figures('glucose', tenths('mmol/L')));
  await choose('peak_flow');
  await expect(summary).toHaveText(figures('peak_flow', (v) => `${v} L/min`));
  await page.getByText('Show the figures as a table').click();
  const peakCells = await page.getByRole('table', { name: 'Peak flow, average for each day' })
    .locator('tbody tr td:nth-child(2)').allTextContents();
  expect(peakCells.length).toBeGreaterThan(10);
  for (const cell of peakCells) expect(cell).toMatch(/^\d+ L\/min$/);
  await choose('sleep');
  await expect(summary).toHaveText(figures('sleep', tenths('hours')));

  // Mood is words on every period and in the table, never "out of 5".
  await choose('mood');
  const moodWords = /^On average about (Very low|Low|OK|Good|Very good)\. Lowest (Very low|Low|OK|Good|Very good)\. Highest (Very low|Low|OK|Good|Very good)\. From \d+ readings\.$/;
  await expect(summary).toHaveText(moodWords);
  // A table left open for another measure is not shown open and empty.
  await expect(page.locator('#trend-summary ~ details')).not.toHaveAttribute('open');
  await page.getByText('Show the figures as a table').click();
  const table = page.getByRole('table', { name: 'Mood, average for each day' });
  await expect(table).toBeVisible();
  const moodCells = await table.locator('tbody tr td:nth-child(2)').allTextContents();
  expect(moodCells.length).toBeGreaterThan(10);
  for (const cell of moodCells) expect(cell).toMatch(/^(Very low|Low|OK|Good|Very good)$/);
  await expect(page.locator('main')).not.toContainText('out of 5');
  for (const name of ['7 days', '90 days', 'All time']) {
    await period(name);
    await expect(page.getByRole('button', { name, exact: true })).toHaveAttribute('aria-pressed', 'true');
    await expect(summary).toHaveText(moodWords);
    await expect(page.locator('main')).not.toContainText('out of 5');
  }
  await period('30 days');

  // Yes or no is counted in words.
  await choose('own-1');
  const outside = values('own-1', '2026-11-11', '2026-12-10');
  const yes = outside.filter((v) => v === 1).length;
  const times = (k) => (k === 1 ? 'once' : `${k} times`);
  await expect(summary).toHaveText(`Yes ${times(yes)}. No ${times(outside.length - yes)}. From ${outside.length} readings.`);

  // Last recorded five weeks ago: said with its day, never as current.
  await choose('own-2');
  await expect(summary).toHaveText('No Reliever puffs readings in this period. Last recorded Tue 3 November.');
  await period('90 days');
  await expect(summary).toHaveText('One reading, on Tue 3 November: 6 puffs. Nothing recorded since.');
  await period('All time');
  await expect(summary).toHaveText('One reading, on Tue 3 November: 6 puffs. Nothing recorded since.');
  await period('90 days');
  await shot(page, 'phone-diary-stale');
  expect(await axeViolations(page)).toEqual([]);
});
