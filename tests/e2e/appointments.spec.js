// Appointments: adding, grouping, repeats, one occurrence changed or
// cancelled, calendar files checked by an independent parser, reminders
// and "How did it go?" on Today, and bad input.
import { execFileSync } from 'node:child_process';
import { test, expect, seedProfile, axeViolations } from './helpers.js';

// Sat 21 November 2026, 10am (GMT).
const NOW = new Date('2026-11-21T10:00:00Z');
const shot = (page, name) => page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
const heading = (page) => page.getByRole('heading', { level: 1 });
const shown = (page) => expect(page.locator('h1')).toBeVisible();
const stored = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('alongside.appointments')));

async function start(page, now = NOW) {
  await page.clock.setFixedTime(now);
  await seedProfile(page);
  await shown(page);
}

async function add(page, { kind, with: who, date, time, place, questions, repeat, until }) {
  await page.goto('/appointments/new');
  await shown(page);
  if (kind) await page.getByRole('radio', { name: kind, exact: true }).check();
  if (who) await page.getByLabel('Who is it with, or what is it called? (optional)').fill(who);
  await page.getByLabel('Date', { exact: true }).fill(date);
  await page.getByLabel('Start time').fill(time);
  if (place) await page.getByLabel('Where (optional)').fill(place);
  if (questions) await page.getByLabel('Questions you want to ask (optional)').fill(questions);
  if (repeat) {
    await page.getByRole('radio', { name: repeat, exact: true }).check();
    await page.getByLabel('Date of the last one').fill(until);
  }
  await page.getByRole('button', { name: 'Save appointment' }).click();
}

/** Parses a calendar file with Python's icalendar package. */
function parseIcs(path) {
  return JSON.parse(execFileSync('.tools/venv/bin/python', ['tests/ics_check.py', path]).toString());
}

test('a weekly group and a GP appointment are grouped, one session changed, exported and kept', async ({ page }) => {
  await start(page);
  await add(page, { kind: 'Group or activity', with: 'Tuesday walking group', date: '2026-11-24', time: '10:30', place: 'Park gates, Mill Lane', repeat: 'Every week', until: '2026-12-15' });
  await expect(heading(page)).toHaveText('Tuesday walking group');
  await add(page, { kind: 'GP', with: 'Dr Patel', date: '2026-11-22', time: '09:00', questions: 'Can I change my inhaler?\nIs the cough normal, doctor?' });
  await expect(heading(page)).toHaveText('GP: Dr Patel');
  await expect(page.getByRole('list').filter({ hasText: 'Can I change my inhaler?' })).toContainText('Is the cough normal, doctor?');
  expect(await axeViolations(page)).toEqual([]);

  await page.getByRole('link', { name: 'Your appointments' }).first().click();
  await expect(heading(page)).toHaveText('Your appointments');
  const groups = await page.locator('main h2').allTextContents();
  // Sat 21 November: this week ends tomorrow, so Wednesday is next week.
  expect(groups.slice(0, 3)).toEqual(['Tomorrow', 'Next week', 'Later']);
  await expect(page.locator('.appt')).toHaveCount(5);
  await expect(page.locator('.appt').first()).toContainText('GP: Dr PatelSun 22 November, 9:00am');

  // Change one session: 1 December moves to Wednesday 11am; 8 December is cancelled.
  await page.goto('/appointments/1/2026-12-01');
  await page.getByRole('button', { name: 'Change just this one' }).click();
  await expect(page.getByLabel('New date')).toBeFocused();
  await page.getByLabel('New date').fill('2026-12-02');
  await page.getByLabel('New start time').fill('11:00');
  await page.getByRole('button', { name: 'Save this one' }).click();
  await expect(page.locator('.summary-list')).toContainText('Wed 2 December, 11:00am to 11:30am');
  await page.goto('/appointments/1/2026-12-08');
  await page.getByRole('button', { name: 'Cancel just this one' }).click();
  await expect(page.getByText('Cancelled', { exact: true }).first()).toBeVisible();
  await shot(page, 'phone-appointment');
  expect(await axeViolations(page)).toEqual([]);

  await page.goto('/appointments');
  await shown(page);
  await expect(page.locator('.appt--cancelled')).toContainText('Tue 8 December');
  await shot(page, 'phone-appointments');
  expect(await axeViolations(page)).toEqual([]);

  // Export every upcoming one; an independent parser reads the file.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Add all upcoming to my calendar' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('appointments.ics');
  const path = 'test-results/appointments.ics';
  await download.saveAs(path);
  const events = parseIcs(path);
  expect(events.map((e) => [e.uid, e.summary, e.start, e.status])).toEqual([
    ['alongside-2-20261122@alongside.app', 'GP: Dr Patel', '2026-11-22T09:00:00+00:00', 'CONFIRMED'],
    ['alongside-1-20261124@alongside.app', 'Tuesday walking group', '2026-11-24T10:30:00+00:00', 'CONFIRMED'],
    ['alongside-1-20261201@alongside.app', 'Tuesday walking group', '2026-12-02T11:00:00+00:00', 'CONFIRMED'],
    // Cancelled ones go out as cancelled, so a calendar that has them removes them.
    ['alongside-1-20261208@alongside.app', 'Tuesday walking group', '2026-12-08T10:30:00+00:00', 'CANCELLED'],
    ['alongside-1-20261215@alongside.app', 'Tuesday walking group', '2026-12-15T10:30:00+00:00', 'CONFIRMED'],
  ]);
  expect(events[3].alarms).toEqual([]);
  expect(events[0].alarms).toEqual(['2026-11-21T18:00:00+00:00', '-60m']);
  expect(events[0].description).toBe('Questions to ask:\n- Can I change my inhaler?\n- Is the cough normal, doctor?');
  expect(events[1].location).toBe('Park gates, Mill Lane');
  await expect(page.getByText('Downloaded. Open the file to add it to your calendar.').last()).toBeAttached();

  await page.reload();
  await shown(page);
  await expect(page.locator('.appt')).toHaveCount(5);
  const book = await stored(page);
  expect(book.kind).toBe('appointments');
  expect(book.data.appointments[0].changes.map((c) => [c.due, c.date ?? null, c.cancelled])).toEqual([
    ['2026-12-01', '2026-12-02', false],
    ['2026-12-08', null, true],
  ]);
});

test('a series exported from one session carries every session with stable ids', async ({ page }) => {
  await start(page);
  await add(page, { kind: 'Group or activity', with: 'Craft group', date: '2026-11-26', time: '14:00', repeat: 'Every 2 weeks', until: '2027-01-07' });
  await expect(heading(page)).toHaveText('Craft group');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Add to my calendar' }).click();
  const path = 'test-results/appointment.ics';
  await (await downloading).saveAs(path);
  const events = parseIcs(path);
  expect(events.map((e) => e.start)).toEqual([
    '2026-11-26T14:00:00+00:00',
    '2026-12-10T14:00:00+00:00',
    '2026-12-24T14:00:00+00:00',
    '2027-01-07T14:00:00+00:00',
  ]);
  expect(new Set(events.map((e) => e.uid)).size).toBe(4);

  // Cancelling all of them keeps them listed, as cancelled.
  await page.getByRole('button', { name: 'Cancel all of them' }).click();
  await page.goto('/appointments');
  await shown(page);
  await expect(page.locator('.appt--cancelled')).toHaveCount(4);
});

test('bad input and clock-change times are explained and nothing is saved', async ({ page }) => {
  await start(page);
  await page.goto('/appointments/new');
  await shown(page);
  await page.getByRole('button', { name: 'Save appointment' }).click();
  await expect(page.getByRole('alert')).toContainText('There is a problem');
  await expect(page.locator('#appt-date-error')).toHaveText('Error: Enter the date of the appointment');
  await expect(page.locator('#appt-time-error')).toHaveText('Error: Enter the time the appointment starts');
  await expect(page).toHaveTitle('Error: Add an appointment - Alongside');
  await shot(page, 'phone-appointment-errors');
  expect(await axeViolations(page)).toEqual([]);

  await page.getByLabel('Date', { exact: true }).fill('2027-03-28');
  await page.getByLabel('Start time').fill('01:30');
  await page.getByRole('button', { name: 'Save appointment' }).click();
  await expect(page.locator('#appt-time-error')).toHaveText(
    'Error: 1:30am does not happen on Sun 28 March: the clocks go forward from 1am to 2am. Choose a time before 1am or from 2am',
  );
  await page.getByLabel('Start time').fill('10:00');
  await page.getByRole('radio', { name: 'Every week', exact: true }).check();
  await page.getByRole('button', { name: 'Save appointment' }).click();
  await expect(page.locator('#appt-until-error')).toHaveText('Error: Enter the date of the last one, so the repeats do not go on for ever');
  await page.getByLabel('Date of the last one').fill('2047-03-28');
  await page.getByRole('button', { name: 'Save appointment' }).click();
  await expect(page.locator('#appt-until-error')).toContainText('A repeat can have up to 104');
  expect(await stored(page)).toBeNull();

  // A time that happens twice is saved, with a note saying which one.
  await add(page, { date: '2026-10-25', time: '01:30' });
  await expect(page.getByText('1:30am happens twice')).toBeVisible();
});

test('Today shows a due reminder, the next appointments, and asks once how one went', async ({ page }) => {
  await start(page);
  await add(page, { kind: 'Nurse', with: 'Asthma review', date: '2026-11-22', time: '10:30' });
  await add(page, { kind: 'Link worker', with: 'Priya', date: '2026-11-20', time: '14:00' });
  // Evening: the nurse's "day before at 6pm" reminder is due.
  await page.clock.setFixedTime(new Date('2026-11-21T18:30:00Z'));
  await page.goto('/');
  await shown(page);
  const reminder = page.locator('.notice--reminder');
  await expect(reminder).toContainText('Reminder: Nurse: Asthma review, Sun 22 November, 10:30am');
  await expect(page.locator('#next-appointments + ul .appt')).toHaveCount(1);
  const ask = page.getByRole('region', { name: 'How did it go?' });
  await expect(ask).toContainText('You had Link worker: Priya on Fri 20 November, 2:00pm.');
  await shot(page, 'phone-today-appointments');
  expect(await axeViolations(page)).toEqual([]);
  await ask.getByRole('button', { name: 'Not now' }).click();
  await expect(ask).toHaveCount(0);
  await page.reload();
  await shown(page);
  await expect(page.getByRole('region', { name: 'How did it go?' })).toHaveCount(0);

  // Notes afterwards are kept with that appointment.
  await page.goto('/appointments/2/2026-11-20');
  await page.getByLabel('What was said? (optional)').fill('Try the Thursday coffee morning');
  await page.getByRole('button', { name: 'Save notes' }).click();
  await page.goto('/appointments');
  await shown(page);
  await expect(page.getByRole('heading', { name: 'Past appointments' })).toBeVisible();
  await expect(page.locator('.appt__notes')).toHaveText('Try the Thursday coffee morning');
});

test('the appointments pages have no axe violations on a laptop', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await start(page);
  await add(page, { with: 'Dr Patel', date: '2026-11-24', time: '10:30' });
  for (const path of ['/appointments', '/appointments/new', '/appointments/1/2026-11-24', '/appointments/1/edit']) {
    await page.goto(path);
    await shown(page);
    expect(await axeViolations(page), path).toEqual([]);
  }
});

test('with notifications allowed, a due reminder is shown once as a notification', async ({ page, context }) => {
  await context.grantPermissions(['notifications'], { origin: `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}` });
  // Record each notification the app makes (the real one is still shown).
  await page.addInitScript(() => {
    const Real = window.Notification;
    window.__notes = [];
    window.Notification = class extends Real {
      constructor(title, options) {
        super(title, options);
        window.__notes.push([title, options?.body]);
      }
    };
  });
  await start(page);
  await page.goto('/appointments');
  await shown(page);
  await expect(page.getByText('Notifications are on while Alongside is open.')).toBeVisible();
  await add(page, { kind: 'Nurse', with: 'Asthma review', date: '2026-11-22', time: '10:30' });
  await page.clock.setFixedTime(new Date('2026-11-21T18:30:00Z'));
  await page.goto('/');
  await shown(page);
  await expect.poll(() => page.evaluate(() => window.__notes)).toEqual([
    ['Reminder: Nurse: Asthma review', 'Sun 22 November, 10:30am'],
  ]);
});
