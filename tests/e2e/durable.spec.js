// A save the app calls done survives the browser being killed a moment
// later (issue 22). Debian's Chromium is started here, not through
// Playwright's launcher, on a profile folder of its own, so the test can
// kill its process outright (SIGKILL, as a crash, a force stop or a flat
// battery ends it) at a set time after each acknowledgement, then start
// it again on the same folder and look. Chromium writes local storage to
// disk only every few seconds; the app's durable copy in IndexedDB is
// what keeps these saves.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, chromium } from '@playwright/test';
import { SAM } from './helpers.js';

const DELAYS = [0, 250, 1000, 3000];
const CDP_PORT = 9340 + (Number(process.env.E2E_PORT ?? 4173) % 10);
const BACKUP = readFileSync(new URL('../fixtures/released/backup.json', import.meta.url), 'utf8').trim();
const heading = (page) => page.getByRole('heading', { level: 1 });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Every Chromium started here, so a failed test still ends it. */
const started = [];
const alive = (proc) => proc.exitCode === null && proc.signalCode === null;
test.afterEach(async () => {
  for (const proc of started.splice(0)) {
    if (alive(proc)) {
      started.push(proc);
  const exited = new Promise((resolve) => proc.once('exit', resolve));
      process.kill(proc.pid, 'SIGKILL');
      await exited;
    }
  }
});

/** A Chromium of our own on `profile`, driven over the DevTools protocol. */
async function launch(profile) {
  // The port must be free: a DevTools answer now would be another browser.
  const stale = await fetch(`http://127.0.0.1:${CDP_PORT}/json/version`).then(() => true, () => false);
  if (stale) throw new Error(`something already listens on port ${CDP_PORT}`);
  const proc = spawn('/usr/bin/chromium', [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
    '--lang=en-GB', `--user-data-dir=${profile}`, `--remote-debugging-port=${CDP_PORT}`, 'about:blank',
  ], { stdio: 'ignore', env: { ...process.env, TZ: 'Europe/London' } });
  started.push(proc);
  const exited = new Promise((resolve) => proc.once('exit', resolve));
  let browser;
  for (let i = 0; i < 100 && !browser; i += 1) {
    try {
      const res = await fetch(`http://127.0.0.1:${CDP_PORT}/json/version`);
      if (res.ok) browser = await chromium.connectOverCDP(`http://127.0.0.1:${CDP_PORT}`);
    } catch {
      await sleep(100);
    }
  }
  if (!browser) throw new Error('chromium did not start');
  const context = browser.contexts()[0];
  const page = context.pages()[0] ?? (await context.newPage());
  await page.setViewportSize({ width: 360, height: 740 });
  return {
    page,
    // Killed outright: nothing is flushed, as when the phone dies.
    kill: async () => {
      process.kill(proc.pid, 'SIGKILL');
      await exited;
      // The protocol connection went with it.
      await browser.close().catch(() => {});
    },
  };
}

/** Every stored value of ours, in local storage. */
const ours = (page) => page.evaluate(() => Object.fromEntries(Object.entries(localStorage).filter(([k]) => k.startsWith('alongside.'))));

/** Opens `path`, checks the app started with nothing set aside, and
 *  returns local storage. */
async function opened(page, baseURL, path = '/') {
  await page.goto(baseURL + path);
  await page.waitForFunction(() => performance.getEntriesByName('app-ready').length > 0);
  await expect(heading(page)).toBeVisible();
  const stored = await ours(page);
  // Every value is whole (no torn write) and nothing was set aside.
  for (const [key, raw] of Object.entries(stored)) {
    expect(() => JSON.parse(raw), key).not.toThrow();
  }
  const aside = Object.entries(stored).filter(([k]) => k.includes('quarantine'));
  expect(aside.map(([k, v]) => `${k}: ${JSON.parse(v).data.reason}`)).toEqual([]);
  await expect(page.getByText('could not be read')).toHaveCount(0);
  return stored;
}

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
const dayOf = (stored) => {
  const month = JSON.parse(stored[`alongside.diary.${today().slice(0, 7)}`] ?? 'null');
  return month?.data.days.find((d) => d.date === today());
};
const goalsOf = (stored) => JSON.parse(stored['alongside.goals']).data.goals;

// Each flow: what to do (ending when the app acknowledges it) and how to
// see, after the kill, that it was kept. `n` makes each save different.
const FLOWS = {
  'quick check-in': {
    path: '/',
    replaces: true,
    async act(page, n) {
      const moods = ['Very low', 'Low', 'OK', 'Good', 'Very good'];
      await page.getByRole('group', { name: 'How is your mood?' }).getByRole('radio', { name: moods[n % 5], exact: true }).click();
      await page.getByRole('group', { name: 'Breathlessness' }).getByRole('radio', { name: String(n % 11), exact: true }).click();
      await page.getByRole('button', { name: 'Save check-in' }).click();
      await expect(page.locator('#check-in-saved')).toBeVisible();
    },
    kept(stored, n) {
      const day = dayOf(stored);
      expect(day?.readings.find((r) => r.m === 'breathlessness')?.v).toBe(n % 11);
    },
  },
  'goal step': {
    path: '/goals/1',
    async act(page, n) {
      await page.getByLabel('Add a step').fill(`Step ${n}`);
      await page.getByRole('button', { name: 'Add step' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Step added' })).toBeVisible();
    },
    kept(stored, n) {
      expect(goalsOf(stored)[0].steps.map((s) => s.text)).toContain(`Step ${n}`);
    },
  },
  appointment: {
    path: '/appointments/new',
    async act(page, n) {
      await page.getByLabel('Who is it with, or what is it called? (optional)').fill(`Appointment ${n}`);
      await page.getByLabel('Date', { exact: true }).fill('2031-01-15');
      await page.getByLabel('Start time').fill('10:30');
      await page.getByRole('button', { name: 'Save appointment' }).click();
      await expect(page).toHaveURL(/\/appointments\/\d+\//);
      await expect(heading(page)).toContainText(`Appointment ${n}`);
    },
    kept(stored, n) {
      const list = JSON.parse(stored['alongside.appointments']).data.appointments;
      expect(list.map((a) => a.with)).toContain(`Appointment ${n}`);
    },
  },
  'thing to talk about': {
    path: '/',
    async act(page, n) {
      await page.getByLabel('Add something to talk about').fill(`Talk ${n}`);
      await page.getByRole('button', { name: 'Add to the list' }).click();
      await expect(page.locator('.talk-list')).toContainText(`Talk ${n}`);
      await expect(page.getByRole('status').filter({ hasText: /^Added$/ })).toHaveCount(1);
    },
    kept(stored, n) {
      const items = JSON.parse(stored['alongside.talk']).data.items;
      expect(items.map((i) => i.text)).toContain(`Talk ${n}`);
    },
  },
};

test.describe.configure({ timeout: 240_000 });

test('every acknowledged save survives the browser being killed 0, 250, 1000 and 3000 ms later', async ({ baseURL }) => {
  const profile = mkdtempSync(join(tmpdir(), 'alongside-kill-'));
  const kept = [];
  const outcomes = [];
  // Checks every save acknowledged so far; the first look at each after
  // its kill is its figure.
  const look = (list, stored) => {
    for (const k of list) {
      let ok = true;
      try {
        k.check(stored);
      } catch {
        ok = false;
      }
      if (!k.looked) outcomes.push({ name: k.name, delay: k.delay, ok });
      else if (!ok) outcomes.push({ name: `${k.name} (later)`, delay: k.delay, ok });
      k.looked = true;
    }
  };
  try {
    // Set-up, then a goal, each killed at once after it is done.
    let b = await launch(profile);
    await b.page.goto(baseURL + '/');
    await b.page.getByRole('button', { name: 'Start' }).click();
    await b.page.getByLabel('What would you like us to call you?').fill('Sam');
    await b.page.getByRole('button', { name: 'Continue' }).click();
    await b.page.getByLabel('COPD (chronic obstructive pulmonary disease)').check();
    await b.page.getByRole('button', { name: 'Continue' }).click();
    await b.page.getByLabel('Their name').fill('Priya');
    await b.page.getByLabel('How to contact them').fill('01234 567890');
    await b.page.getByRole('button', { name: 'Continue' }).click();
    await b.page.getByLabel('What matters to you?').fill('Walking to the corner shop');
    await b.page.getByRole('button', { name: 'Continue' }).click();
    await b.page.getByRole('button', { name: 'Save and start' }).click();
    await expect(heading(b.page)).toHaveText('Hello, Sam');
    await b.kill();
    b = await launch(profile);
    await opened(b.page, baseURL);
    outcomes.push({ name: 'set-up', delay: 0, ok: (await heading(b.page).textContent()) === 'Hello, Sam' });
    await b.page.goto(baseURL + '/goals/new');
    await b.page.getByLabel('Your goal, in your own words').fill('Walk to the shop');
    await b.page.getByRole('button', { name: 'Save goal' }).click();
    await expect(b.page).toHaveURL(/\/goals\/1$/);
    await b.kill();

    let n = 0;
    for (const delay of DELAYS) {
      for (const [name, flow] of Object.entries(FLOWS)) {
        n += 1;
        b = await launch(profile);
        const before = await opened(b.page, baseURL, flow.path);
        // Everything acknowledged so far is still there.
        look(kept, before);
        await flow.act(b.page, n);
        await sleep(delay);
        await b.kill();
        const m = n;
        // A later quick check-in replaces today's entry: only the latest counts.
        if (flow.replaces) kept.splice(0, kept.length, ...kept.filter((k) => k.name !== name));
        kept.push({ name, delay, check: (stored) => flow.kept(stored, m) });
      }
    }
    // A restore, acknowledged by its done message, killed at each delay.
    // Before each, a change the restore must undo.
    const records = JSON.parse(BACKUP).records;
    for (const delay of DELAYS) {
      b = await launch(profile);
      const before = await opened(b.page, baseURL);
      look(kept, before);
      await FLOWS['thing to talk about'].act(b.page, 100 + delay);
      await b.page.goto(baseURL + '/my-data');
      await b.page.getByLabel('Choose a backup file').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(BACKUP) });
      await expect(b.page.locator('#backup-preview')).toContainText('3 goals');
      await b.page.getByRole('button', { name: /^(Restore this backup|Replace what is on this phone)$/ }).click();
      await expect(b.page.locator('#restore-result')).toContainText('Your backup has been restored');
      await sleep(delay);
      await b.kill();
      kept.length = 0;
      kept.push({
        name: 'restore',
        delay,
        check: (stored) => {
          for (const [key, text] of Object.entries(records)) expect(stored[key], key).toBe(text);
        },
      });
    }
    b = await launch(profile);
    const last = await opened(b.page, baseURL);
    look(kept, last);
    await expect(heading(b.page)).toHaveText('Hello, Maureen');
    await b.kill();
    // The figures: saves kept after each kill, by flow and delay.
    const table = {};
    for (const { name, delay, ok } of outcomes) {
      table[name] ??= {};
      table[name][`${delay} ms`] = `${(table[name][`${delay} ms`]?.split(' of ')[0] ?? 0) * 1 + (ok ? 1 : 0)} of ${(table[name][`${delay} ms`]?.split(' of ')[1] ?? 0) * 1 + 1}`;
    }
    console.log('saves kept after a kill, by delay after the acknowledgement:');
    console.table(table);
    expect(outcomes.filter((o) => !o.ok)).toEqual([]);
  } finally {
    for (const proc of started) if (alive(proc)) process.kill(proc.pid, 'SIGKILL');
    await sleep(200);
    rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
  }
});

test('a kill in the middle of a burst of saves tears no value and keeps every acknowledged one', async ({ baseURL }) => {
  const profile = mkdtempSync(join(tmpdir(), 'alongside-burst-'));
  try {
    let b = await launch(profile);
    await b.page.goto(baseURL + '/');
    await b.page.evaluate((raw) => localStorage.setItem('alongside.profile', raw), JSON.stringify(SAM));
    await b.page.reload();
    await expect(heading(b.page)).toHaveText('Hello, Sam');
    // Ten things to talk about, one after another as fast as the page
    // takes them; the browser is killed while the eleventh is saving.
    for (let i = 1; i <= 10; i += 1) await FLOWS['thing to talk about'].act(b.page, i);
    await b.page.getByLabel('Add something to talk about').fill('Talk 11');
    await b.page.getByRole('button', { name: 'Add to the list' }).click();
    await b.kill();
    b = await launch(profile);
    const stored = await opened(b.page, baseURL);
    const items = JSON.parse(stored['alongside.talk']).data.items.map((i) => i.text);
    for (let i = 1; i <= 10; i += 1) expect(items).toContain(`Talk ${i}`);
    expect(JSON.parse(stored['alongside.profile']).data.preferred_name).toBe('Sam');
    await b.kill();
  } finally {
    for (const proc of started) if (alive(proc)) process.kill(proc.pid, 'SIGKILL');
    await sleep(200);
    rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
  }
});
