// My data: backups (plain and protected), restoring them (replace or add
// what is missing, with undo), every kind of bad file, deleting
// everything, two tabs, a full storage, data removed by the browser, and
// Today's backup reminder.
import { readFile } from 'node:fs/promises';
import { test, expect, SAM, axeViolations, fillLocalStorage, forgetDurable, durableCopy } from './helpers.js';

// A fixed moment, so dates on the page are known: Sat 21 November 2026.
const NOW = new Date('2026-11-21T10:00:00Z');
const PASSPHRASE = 'apple bread candle dolphin';
const PROTECTED_HEADING = 'Alongside backup, protected with a passphrase.';

const heading = (page) => page.getByRole('heading', { level: 1 });
const shown = (page) => expect(page.locator('h1')).toBeVisible();

/** Screenshot at 360x740, and axe at 360x740 and 1280x800. */
async function check(page, name) {
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
  expect(await axeViolations(page)).toEqual([]);
  await page.setViewportSize({ width: 1280, height: 800 });
  expect(await axeViolations(page)).toEqual([]);
  await page.setViewportSize({ width: 360, height: 740 });
}

const envelope = (kind, data, rev = 1) => ({ app: 'alongside', kind, schema: 1, rev, saved_at: '2026-11-20T10:00:00.000Z', data });

const GOAL_A = { id: 1, text: 'Walk to the corner shop', why: null, target: null, conditions: [], steps: [{ id: 1, text: 'Walk to the gate', done_on: '2026-11-10' }], ratings: [{ on: '2026-11-10', value: 4 }], notes: [], status: 'working_on_it', status_changes: [], created_on: '2026-11-01', next_step_id: 2 };
const GOAL_B = { id: 1, text: 'Sleep through the night', why: null, target: null, conditions: [], steps: [], ratings: [], notes: [], status: 'working_on_it', status_changes: [], created_on: '2026-11-15', next_step_id: 1 };

/** A typical record: details, a goal, two diary days, an appointment,
 *  a check-in and a thing to talk about. */
const RECORD = {
  'alongside.profile': SAM,
  'alongside.goals': envelope('goals', { next_id: 2, goals: [GOAL_A] }),
  'alongside.diary.2026-11': envelope('diary_month', { days: [
    { date: '2026-11-20', readings: [{ m: 'mood', v: 3 }], note: 'Windy walk' },
    { date: '2026-11-21', readings: [{ m: 'mood', v: 4 }, { m: 'breathlessness', v: 3 }] },
  ] }),
  'alongside.appointments': envelope('appointments', { next_id: 2, appointments: [
    { id: 1, kind: 'link_worker', with: 'Priya', date: '2026-11-23', time: 630, minutes: 45, place: null, bring: null, questions: [], repeat: null, reminders: [], cancelled: false, changes: [], sequence: 0 },
  ] }),
  'alongside.wellbeing': envelope('wellbeing', { checkins: [{ date: '2026-10-01', answers: [5, 6, 7, 3] }], draft: null, rhythm: 'before_link_worker' }),
  'alongside.talk': envelope('talk', { next_id: 2, items: [{ id: 1, text: 'Ask about the walking group', added_on: '2026-11-19' }] }),
};

/** Plants `record` in storage and opens `path`. */
async function start(page, record = RECORD, path = '/my-data') {
  await page.clock.setFixedTime(NOW);
  await page.goto('/');
  await page.evaluate((entries) => {
    for (const [key, value] of Object.entries(entries)) localStorage.setItem(key, JSON.stringify(value));
  }, record);
  await page.goto(path);
  await shown(page);
}

/** Every local storage key and value, ours and others'. */
const everything = (page) => page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));
const ours = async (page) => Object.fromEntries(Object.entries(await everything(page)).filter(([k]) => k.startsWith('alongside.')));

/** Makes a backup and returns the file's name and text. */
async function makeBackup(page, passphrase) {
  if (passphrase) {
    await page.getByLabel('Protect the backup with a passphrase').check();
    await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  }
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Make a backup' }).click();
  const download = await downloading;
  const text = await readFile(await download.path(), 'utf8');
  await expect(page.locator('#backup-made')).toContainText('Your backup is ready');
  return { name: download.suggestedFilename(), text };
}

/** Chooses a backup file in the restore form. */
async function choose(page, text, name = 'alongside-backup-2026-11-21.json') {
  await page.getByLabel('Choose a backup file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

test('back up, delete everything, restore, and every record is back', async ({ page }) => {
  // Notes what "Delete everything" removes besides local storage: the
  // page then loads afresh, and the app sets its worker up again.
  await page.addInitScript(() => {
    const note = (what) => sessionStorage.setItem('test-deleted', `${sessionStorage.getItem('test-deleted') ?? ''} ${what}`);
    const unregister = ServiceWorkerRegistration.prototype.unregister;
    ServiceWorkerRegistration.prototype.unregister = function () { note('worker'); return unregister.call(this); };
    const remove = CacheStorage.prototype.delete;
    CacheStorage.prototype.delete = function (name) { note(name); return remove.call(this, name); };
  });
  await start(page);
  await expect.poll(() => page.evaluate(() => caches.has('alongside.marker'))).toBe(true);
  await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(1);
  const before = await ours(page);
  // The durable copy holds the same, byte for byte.
  await expect.poll(() => durableCopy(page)).toEqual(before);
  await expect(page.getByText('You have not made a backup yet.')).toBeVisible();
  await expect(page.getByText(/Your information takes up \d+ KB on this phone\./)).toBeVisible();
  await check(page, 'phone-my-data');

  const { name, text } = await makeBackup(page);
  expect(name).toBe('alongside-backup-2026-11-21.json');
  const file = JSON.parse(text);
  expect(file).toMatchObject({ format: 'alongside-backup', version: 1 });
  expect(file.checksum).toMatch(/^sha256:[0-9a-f]{64}$/);
  expect(Object.keys(file.records).sort()).toEqual(Object.keys(before).sort());
  const device = JSON.parse(await page.evaluate(() => localStorage.getItem('alongside-device.backup')));
  expect(device).toMatchObject({ v: 1, last_backup: '2026-11-21T10:00:00.000Z' });

  // Delete everything: the dialog names what goes, "No, keep it" first.
  await page.getByRole('button', { name: 'Delete everything' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete everything on this phone?' });
  await expect(dialog).toContainText('your details, goals, diary, appointments, wellbeing check-ins and things to talk about');
  await expect(dialog.getByRole('button', { name: 'No, keep it' })).toBeFocused();
  await check(page, 'phone-my-data-delete-dialog');
  await dialog.getByRole('button', { name: 'No, keep it' }).click();
  expect(await ours(page)).toEqual(before);
  await page.getByRole('button', { name: 'Delete everything' }).click();
  await dialog.getByRole('button', { name: 'Yes, delete everything' }).click();
  await expect(heading(page)).toHaveText('Welcome to Alongside');
  expect(Object.keys(await everything(page)).filter((k) => k.startsWith('alongside'))).toEqual([]);
  expect(await durableCopy(page)).toEqual({});
  const deleted = (await page.evaluate(() => sessionStorage.getItem('test-deleted'))).trim().split(' ');
  expect(deleted[0]).toBe('worker');
  expect(deleted).toContain('alongside.marker');
  expect(deleted.some((name) => name.startsWith('alongside-'))).toBe(true);
  expect(await page.evaluate(() => caches.has('alongside.marker'))).toBe(false);

  // Restore from the welcome screen.
  await page.getByRole('button', { name: 'Restore from a backup' }).click();
  await expect(page.getByLabel('Choose a backup file')).toBeFocused();
  await choose(page, text);
  const preview = page.locator('#backup-preview');
  await expect(preview).toContainText('This backup was made on Sat 21 November at 10:00am');
  await expect(preview).toContainText('Your details from set-up');
  await expect(preview).toContainText('1 goal');
  await expect(preview).toContainText('2 diary days, with 3 readings, from 20 November 2026 to 21 November 2026');
  await expect(preview).toContainText('1 appointment');
  await expect(preview).toContainText('1 wellbeing check-in');
  await expect(preview).toContainText('1 thing to talk about');
  await check(page, 'phone-welcome-restore-chosen');
  await page.getByRole('button', { name: 'Restore this backup' }).click();

  await expect(page).toHaveURL(/\/my-data$/);
  await expect(page.locator('#restore-result')).toContainText('Your backup has been restored');
  await expect(page.locator('#restore-result')).toContainText('1 goal');
  // The backup status is true after a restore: the information is in a
  // backup, made on the day the file says.
  await expect(page.getByText('Your information was restored from a backup made on Sat 21 November at 10:00am. You have not made a backup on this phone since.')).toBeVisible();
  await check(page, 'phone-my-data-restored');
  // Byte for byte as before, with the (empty) safety copy for "Undo".
  const after = await ours(page);
  expect(JSON.parse(after['alongside.safety-copy']).data.records).toEqual({});
  delete after['alongside.safety-copy'];
  expect(after).toEqual(before);
  // And every record shows.
  await page.goto('/');
  await expect(heading(page)).toHaveText('Hello, Sam');
  await expect(page.getByText('Walk to the corner shop')).toBeVisible();
  await expect(page.locator('span.preserve-lines', { hasText: 'Ask about the walking group' })).toBeVisible();
  await page.goto('/diary/2026-11-20');
  await expect(page.getByLabel('A note about the day (optional)')).toHaveValue('Windy walk');
  await page.goto('/appointments');
  await expect(page.getByText('Priya').first()).toBeVisible();
  await page.goto('/check-in/history');
  await expect(page.getByText('Thu 1 October').first()).toBeVisible();
});

test('restore with "Add what is missing" keeps the phone\'s records, and can be undone', async ({ page }) => {
  await start(page);
  const { text } = await makeBackup(page);
  // Since the backup: goal A was deleted and goal B written.
  await page.evaluate((raw) => localStorage.setItem('alongside.goals', raw),
    JSON.stringify(envelope('goals', { next_id: 2, goals: [GOAL_B] }, 5)));
  await page.reload();
  await shown(page);
  const beforeRestore = await ours(page);

  await choose(page, text);
  const preview = page.locator('#backup-preview');
  await expect(preview.locator('.compare__side').first()).toContainText('1 goal');
  await expect(preview.locator('.compare__side').nth(1)).toContainText('On this phone now');
  await page.getByRole('button', { name: 'Add what is missing' }).click();
  await expect(page.locator('#restore-result')).toContainText('What was missing has been added from your backup');
  await expect(page.locator('#restore-result')).toContainText('2 goals');
  const goals = JSON.parse(await page.evaluate(() => localStorage.getItem('alongside.goals'))).data.goals;
  expect(goals.map((g) => g.text).sort()).toEqual(['Sleep through the night', 'Walk to the corner shop']);
  expect(await page.evaluate(() => localStorage.getItem('alongside.safety-copy'))).not.toBeNull();

  await page.getByRole('button', { name: 'Undo restore' }).click();
  await expect(page.locator('#restore-result')).toContainText('The restore has been undone');
  const after = await ours(page);
  delete after['alongside.safety-copy'];
  delete beforeRestore['alongside.safety-copy'];
  expect(after).toEqual(beforeRestore);
});

test('a protected backup opens only with its passphrase; a wrong one changes nothing', async ({ page }) => {
  await start(page);
  const { name, text } = await makeBackup(page, PASSPHRASE);
  expect(name).toBe('alongside-backup-2026-11-21-protected.txt');
  expect(text.startsWith(PROTECTED_HEADING)).toBe(true);
  expect(text).not.toContain('corner shop');
  await page.reload();
  await shown(page);
  const before = await everything(page);

  await choose(page, text, name);
  const box = page.getByLabel('This backup is protected. Enter its passphrase');
  await expect(box).toBeFocused();
  await box.fill('apple bread candle dolphins');
  await page.getByRole('button', { name: 'Open backup' }).click();
  const summary = page.getByRole('alert');
  await expect(summary).toContainText('That passphrase does not open this backup. Check it and try again. Nothing on this phone has been changed.');
  await expect(page).toHaveTitle('Error: My data - Alongside');
  await check(page, 'phone-my-data-wrong-passphrase');
  expect(await everything(page)).toEqual(before);

  // Capitals and spaces do not matter.
  await box.fill('  Apple bread  candle dolphin ');
  await page.getByRole('button', { name: 'Open backup' }).click();
  await expect(page.locator('#backup-preview')).toContainText('1 goal');
  await expect(summary).toHaveCount(0);
  await check(page, 'phone-my-data-backup-chosen');
  await page.getByRole('button', { name: 'Replace what is on this phone' }).click();
  await expect(page.locator('#restore-result')).toContainText('Your backup has been restored');
});

test('each bad file gets its message and storage is byte for byte unchanged', async ({ page }) => {
  await start(page);
  const { text } = await makeBackup(page);
  const protectedFile = (await makeBackup(page, PASSPHRASE)).text;
  await page.reload();
  await shown(page);
  const before = await everything(page);

  const file = JSON.parse(text);
  const altered = text.replace('Walk to the corner shop', 'Walk to the corner shoq');
  const newer = JSON.stringify({ ...file, version: 2 });
  const cases = [
    ['a photo.json', 'not json at all', 'This file is not an Alongside backup. Nothing on this phone has been changed.'],
    ['other.json', '{"hello":"world"}', 'This file is not an Alongside backup.'],
    ['cut.json', text.slice(0, Math.floor(text.length / 2)), 'This backup file is incomplete or has been changed since it was made'],
    ['altered.json', altered, 'This backup file is incomplete or has been changed since it was made'],
    ['newer.json', newer, 'This backup was made by a newer version of Alongside. Update the app, then try again.'],
    ['cut.txt', protectedFile.slice(0, PROTECTED_HEADING.length + 80), 'This backup file is incomplete or has been changed since it was made'],
    ['huge.json', 'x'.repeat(21 * 1024 * 1024), 'This file is too large to be an Alongside backup (over 20 MB)'],
  ];
  for (const [name, content, message] of cases) {
    await choose(page, content, name);
    await expect(page.getByRole('alert')).toContainText(message);
    await expect(page.locator('#backup-file-error')).toContainText(message);
    await expect(page.locator('#backup-preview')).toHaveCount(0);
    expect(await everything(page)).toEqual(before);
  }
  await check(page, 'phone-my-data-bad-file');
  // The summary's link goes to the file box.
  await page.getByRole('alert').getByRole('link').click();
  await expect(page.getByLabel('Choose a backup file')).toBeFocused();
});

test('a full storage refuses the restore with its message and keeps the earlier data', async ({ page }) => {
  await start(page);
  const { text } = await makeBackup(page);
  await fillLocalStorage(page);
  const before = await everything(page);
  await choose(page, text);
  await page.getByRole('button', { name: 'Replace what is on this phone' }).click();
  await expect(page.getByRole('alert')).toContainText('There is not enough space on this phone for that copy, so nothing has been restored.');
  expect(await everything(page)).toEqual(before);

  // A diary save shows the same care.
  await page.goto('/diary/2026-11-21');
  await shown(page);
  await page.getByLabel('A note about the day (optional)').fill('A note that will not fit in the storage that is left.');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'This was not saved' });
  await expect(alert).toContainText('This was not saved: the storage Alongside can use on this phone is full.');
  await expect(alert).toContainText('Your earlier saved information is safe.');
  expect(await everything(page)).toEqual(before);
  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('filler-')).forEach((k) => localStorage.removeItem(k)));
});

test('two tabs on the same diary day lose nothing', async ({ page, context }) => {
  await start(page, RECORD, '/diary/2026-11-21');
  const other = await context.newPage();
  await other.clock.setFixedTime(NOW);
  await other.goto('/diary/2026-11-21');
  await shown(other);
  const mood = (p, answer) => p.getByRole('group', { name: 'How is your mood?' }).getByRole('radio', { name: answer, exact: true });
  const note = (p) => p.getByLabel('A note about the day (optional)');

  // The first tab saves; the second shows it without a reload.
  await mood(page, 'Very good').click();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.locator('#day-saved')).toBeVisible();
  await expect(mood(other, 'Very good')).toBeChecked();

  // The second tab is part-way through a note when the first saves again:
  // it is told calmly, and shows the newest version.
  await note(other).fill('Half a thought');
  await note(page).fill('Saved in the first tab');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.locator('#day-saved')).toBeVisible();
  await expect(other.getByRole('status').filter({ hasText: 'This was changed in another window.' }))
    .toHaveText(/This was changed in another window\. You are seeing the newest version\./);
  await expect(note(other)).toHaveValue('Saved in the first tab');
  await other.screenshot({ path: 'test-results/screens/phone-diary-changed-elsewhere.png', fullPage: true });
  expect(await axeViolations(other)).toEqual([]);

  // A change this tab never heard about (as from a window whose message
  // was lost): its stale save is refused, and the newer data is shown.
  const newer = await other.evaluate(() => {
    const month = JSON.parse(localStorage.getItem('alongside.diary.2026-11'));
    month.rev += 1;
    month.data.days[1].note = 'Saved somewhere else';
    const raw = JSON.stringify(month);
    localStorage.setItem('alongside.diary.2026-11', raw);
    return raw;
  });
  await mood(other, 'Low').click();
  await other.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(other.getByRole('alert')).toContainText('was changed in another tab or window. Nothing has been overwritten.');
  expect(await other.evaluate(() => localStorage.getItem('alongside.diary.2026-11'))).toBe(newer);
  await expect(note(other)).toHaveValue('Saved somewhere else');
  await expect(mood(other, 'Very good')).toBeChecked();
  // Saving again, now on the newest version, works.
  await mood(other, 'Low').click();
  await other.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(other.locator('#day-saved')).toBeVisible();
  const day = (await other.evaluate(() => JSON.parse(localStorage.getItem('alongside.diary.2026-11')))).data.days[1];
  expect(day.note).toBe('Saved somewhere else');
  expect(day.readings.find((r) => r.m === 'mood').v).toBe(2);
  // And the first tab shows that too.
  await expect(note(page)).toHaveValue('Saved somewhere else');
  await other.close();
});

test('data removed by the browser is explained, not met with a fresh welcome', async ({ page }) => {
  await start(page, { 'alongside.profile': SAM }, '/');
  await expect(heading(page)).toHaveText('Hello, Sam');
  // The marker is kept in Cache Storage once there is data.
  await expect.poll(() => page.evaluate(() => caches.has('alongside.marker'))).toBe(true);
  // The browser removes the whole site's storage: the durable copy too.
  await page.evaluate(() => localStorage.clear());
  await forgetDurable(page);
  await page.reload();
  await expect(heading(page)).toHaveText('Your data was removed by the browser');
  await expect(page.getByText('Restore from a backup to get your information back.')).toBeVisible();
  await expect(page.getByLabel('Choose a backup file')).toBeVisible();
  await check(page, 'phone-data-removed');

  await page.getByRole('button', { name: 'Start again without a backup' }).click();
  await expect(heading(page)).toHaveText('Welcome to Alongside');
  await expect.poll(() => page.evaluate(() => caches.has('alongside.marker'))).toBe(false);
  await page.reload();
  await expect(heading(page)).toHaveText('Welcome to Alongside');
  await check(page, 'phone-welcome');
});

test('Today reminds gently once a month, and "Not now" quietens it', async ({ page }) => {
  await start(page, {
    'alongside.profile': SAM,
    'alongside-device.backup': { v: 1, first_seen: '2026-09-01T10:00:00.000Z', last_backup: '2026-10-10T10:00:00.000Z' },
  }, '/');
  const reminder = page.locator('.backup-reminder');
  await expect(reminder).toContainText('It has been a while since you backed up your information.');
  await page.screenshot({ path: 'test-results/screens/phone-today-backup-reminder.png', fullPage: true });
  expect(await axeViolations(page)).toEqual([]);
  await reminder.getByRole('button', { name: 'Not now' }).click();
  await expect(reminder).toHaveCount(0);
  await page.reload();
  await shown(page);
  await expect(heading(page)).toHaveText('Hello, Sam');
  await expect(reminder).toHaveCount(0);

  // A recent backup: no reminder at all.
  await page.evaluate(() => localStorage.setItem('alongside-device.backup', JSON.stringify({ v: 1, first_seen: '2026-09-01T10:00:00.000Z', last_backup: '2026-11-01T10:00:00.000Z' })));
  await page.reload();
  await expect(heading(page)).toHaveText('Hello, Sam');
  await expect(reminder).toHaveCount(0);
  await page.goto('/my-data');
  await expect(page.getByText('Your last backup on this phone was made on Sun 1 November at 10:00am.')).toBeVisible();
});

test('spreadsheets of the diary, goals and appointments are handed over', async ({ page }) => {
  await start(page);
  for (const [button, name, header] of [
    ['Diary spreadsheet', 'alongside-diary-2026-11-21.csv', 'Date,Time,Measure,Value,Unit'],
    ['Goals spreadsheet', 'alongside-goals-2026-11-21.csv', null],
    ['Appointments spreadsheet', 'alongside-appointments-2026-11-21.csv', null],
  ]) {
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: button }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(name);
    const text = await readFile(await download.path(), 'utf8');
    if (header) expect(text.startsWith(header)).toBe(true);
    expect(text.split('\r\n').length).toBeGreaterThan(2);
  }
});

test('at 200% text the restore choice and its errors still fit a 360px screen', async ({ page }) => {
  await start(page);
  const { text } = await makeBackup(page);
  await page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
  await choose(page, 'not a backup', 'notes.txt');
  await expect(page.getByRole('alert')).toContainText('This file is not an Alongside backup.');
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(await overflow()).toBeLessThanOrEqual(0);
  await page.getByRole('region', { name: 'Restore a backup' }).screenshot({ path: 'test-results/screens/phone-200pc-my-data-error.png' });
  await choose(page, text);
  await expect(page.locator('#backup-preview')).toContainText('1 goal');
  expect(await overflow()).toBeLessThanOrEqual(0);
  await page.locator('#backup-preview').screenshot({ path: 'test-results/screens/phone-200pc-my-data-preview.png' });
});
