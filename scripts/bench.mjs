// Benchmark (not a test): time to `app-ready` in Debian's Chromium with the
// CPU throttled 4x, as on a cheap phone. Serves dist/ itself.
//   node scripts/bench.mjs [runs=7] [first-visit|diary]
// ("first-visit" runs only the first part, "diary" only the diary's.) First, a first visit on a slow phone network (150 ms round trip, 1.6 Mbps
// down, 750 kbps up, gzip as the server sends it, no service worker, an
// empty cache): bytes transferred before the first screen is ready, first
// contentful paint, app-ready and layout shift, then the bytes in all once
// the next step's chunk has come in the background; for a new client at
// / (the welcome, set-up following), a link worker opening a protected
// link at /review#... (its passphrase form, the review following), and a
// client with a stored profile at / (Today).
import { chromium } from '@playwright/test';
import { startServer } from './serve.mjs';

const RUNS = Number(process.argv[2] ?? 7);
const ONLY_FIRST_VISIT = process.argv[3] === 'first-visit';
const ONLY_DIARY = process.argv[3] === 'diary';
const PORT = Number(process.env.BENCH_PORT ?? 4180);
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const PROFILE = JSON.stringify({
  app: 'alongside', kind: 'profile', schema: 2, rev: 1, saved_at: '2026-11-21T10:00:00.000Z',
  data: { preferred_name: 'Sam', conditions: [{ listed: 'copd' }], link_worker: { name: null, contact: null }, what_matters: 'Walking to the shops' },
});

// A heavy but plausible record: 30 goals, each with 20 steps, 60 ratings
// and 20 notes (about two years of weekly use).
const day = (n) => new Date(Date.UTC(2025, 0, 1 + n)).toISOString().slice(0, 10);
const GOALS = JSON.stringify({
  app: 'alongside', kind: 'goals', schema: 1, rev: 1, saved_at: '2026-11-21T10:00:00.000Z',
  data: {
    next_id: 31,
    goals: Array.from({ length: 30 }, (_, g) => ({
      id: g + 1,
      text: `Goal number ${g + 1}: walk a little further each week without stopping`,
      why: 'So I can get to the shops and see my friends again',
      target: null,
      conditions: [{ listed: 'copd' }],
      steps: Array.from({ length: 20 }, (_, i) => ({ id: i + 1, text: `Step ${i + 1}: walk to lamp post ${i + 1}`, done_on: i < 10 ? day(i) : null })),
      ratings: Array.from({ length: 60 }, (_, i) => ({ on: day(i * 7), value: i % 11 })),
      notes: Array.from({ length: 20 }, (_, i) => ({ on: day(i * 30), text: 'A windy day, but I managed it and felt proud afterwards.' })),
      status: g % 3 === 0 ? 'done' : 'working_on_it',
      status_changes: g % 3 === 0 ? [{ on: day(600), status: 'done' }] : [],
      created_on: day(0),
      next_step_id: 21,
    })),
  },
});

const PROFILE_COPD = PROFILE;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const readyAt = (page) => page.evaluate(async () => {
  while (!performance.getEntriesByName('app-ready').length) await new Promise((r) => setTimeout(r, 5));
  return performance.getEntriesByName('app-ready')[0].startTime;
});

// One load of the app, timed to app-ready.
async function measureOnce(browser, { withProfile, warm, goals = false, path = '/' }) {
  const context = await browser.newContext({ serviceWorkers: 'allow', viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await page.goto(`http://127.0.0.1:${PORT}/`);
  await readyAt(page);
  if (withProfile) await page.evaluate((p) => localStorage.setItem('alongside.profile', p), PROFILE);
  if (goals) await page.evaluate((g) => localStorage.setItem('alongside.goals', g), GOALS);
  // Every case loads its page the same number of times before the timed
  // load: the browser keeps compiled code after a module has been loaded
  // a few times, so one extra load would make a case look faster.
  await page.goto(`http://127.0.0.1:${PORT}${path}`);
  if (warm) await page.evaluate(() => navigator.serviceWorker.ready);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.reload();
  const ready = await readyAt(page);
  await context.close();
  return ready;
}

/** Makes a protected link the way a client does, on the share page. */
async function protectedLink(browser) {
  const maker = await browser.newContext();
  const page = await maker.newPage();
  await page.goto(`http://127.0.0.1:${PORT}/`);
  await readyAt(page);
  await page.evaluate(([p, g]) => { localStorage.setItem('alongside.profile', p); localStorage.setItem('alongside.goals', g); }, [PROFILE, GOALS]);
  await page.goto(`http://127.0.0.1:${PORT}/share`);
  await page.getByRole('button', { name: 'Preview what your link worker will see' }).click();
  await page.getByRole('button', { name: 'Make the link' }).click();
  const url = await page.getByLabel(/^Your link/).inputValue();
  const passphrase = await page.getByLabel('Passphrase', { exact: true }).inputValue();
  await maker.close();
  return { url, passphrase };
}

/** One first visit on a slow network: the bytes before the first screen
 *  is ready, first paint, ready and shift; then, once the network is
 *  quiet, the bytes in all (with the next step's chunk, which comes in the
 *  background) and when the last of them arrived. */
async function firstVisit(browser, url, profile) {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 360, height: 740 } });
  if (profile) await context.addInitScript((p) => localStorage.setItem('alongside.profile', p), profile);
  await context.addInitScript(() => {
    window.__shift = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  let bytes = 0;
  let start = null;
  let last = 0;
  const pending = new Set();
  const files = [];
  cdp.on('Network.requestWillBeSent', (e) => { start ??= e.timestamp; pending.add(e.requestId); });
  cdp.on('Network.responseReceived', (e) => files.push(e.response.url));
  cdp.on('Network.loadingFinished', (e) => { bytes += e.encodedDataLength; last = e.timestamp; pending.delete(e.requestId); });
  cdp.on('Network.loadingFailed', (e) => pending.delete(e.requestId));
  await page.goto(url, { waitUntil: 'commit' });
  const ready = await readyAt(page);
  const paint = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null);
  const atReady = bytes;
  const wasm = files.filter((f) => f.endsWith('.wasm')).length;
  // The background fetch: wait for a quiet network (up to 20 s).
  for (let quiet = 0, t = 0; quiet < 10 && t < 400; t += 1) {
    await page.waitForTimeout(50);
    quiet = pending.size === 0 ? quiet + 1 : 0;
  }
  const shift = await page.evaluate(() => window.__shift);
  await context.close();
  return { bytes: atReady, paint, ready, shift, wasm, total: bytes, allIn: (last - start) * 1000 };
}

const server = await startServer({ root: 'dist', port: PORT });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
try {
  if (!ONLY_DIARY) {
    const { url } = await protectedLink(browser);
    const visits = [
      ['/ (a new client: the welcome)', `http://127.0.0.1:${PORT}/`, null],
      ['/review#... (a link worker, a protected link)', url, null],
      ['/ with a stored profile (Today)', `http://127.0.0.1:${PORT}/`, PROFILE],
    ];
    const results = visits.map(() => []);
    for (let i = 0; i < RUNS; i += 1) {
      for (const [n, [, address, profile]] of visits.entries()) results[n].push(await firstVisit(browser, address, profile));
    }
    console.log(`first visit, 150 ms round trip, 1.6 Mbps down, CPU throttled 4x, no service worker, median of ${RUNS} runs:`);
    for (const [n, [label]] of visits.entries()) {
      const r = results[n];
      const m = (key) => median(r.map((x) => x[key]));
      console.log(`  ${label.padEnd(48)} ${String(m('bytes')).padStart(8)} bytes  ${m('wasm')} wasm files  first paint ${m('paint').toFixed(0).padStart(5)} ms  ready ${m('ready').toFixed(0).padStart(5)} ms  layout shift ${m('shift').toFixed(3)}`);
      console.log(`  ${'  then, in the background'.padEnd(48)} ${String(m('total')).padStart(8)} bytes in all, the last by ${m('allIn').toFixed(0).padStart(5)} ms`);
    }
  }
  if (ONLY_FIRST_VISIT) process.exit(0);
  if (!ONLY_DIARY) {
  console.log(`time to app-ready, CPU throttled 4x, median of ${RUNS} runs (ms):`);
  const cases = [
    ['no profile yet (first-run welcome page)', { withProfile: false, warm: false }],
    ['the shell alone (a not-found page), profile stored', { withProfile: true, warm: true, path: '/no-such-page' }],
    ['with a profile (Today), service worker ready', { withProfile: true, warm: true }],
    ['Today with 30 big goals', { withProfile: true, warm: true, goals: true }],
    ['one big goal (/goals/2), 30 goals stored', { withProfile: true, warm: true, goals: true, path: '/goals/2' }],
  ];
  // Round robin: each run loads every case once, so a slow spell on the
  // machine lands on all cases alike and the comparison between them
  // (above all Today against the shell alone) stays fair.
  const times = cases.map(() => []);
  for (let i = 0; i < RUNS; i += 1) {
    for (const [n, [, opts]] of cases.entries()) times[n].push(await measureOnce(browser, opts));
  }
  for (const [n, [label]] of cases.entries()) {
    console.log(`  ${label.padEnd(50)} ${median(times[n]).toFixed(0).padStart(6)}  (all: ${times[n].map((t) => t.toFixed(0)).join(', ')})`);
  }
  const shell = median(times[1]);
  console.log(`  ${'Today / shell alone'.padEnd(50)} ${(median(times[2]) / shell).toFixed(2).padStart(6)}`);
  // Ticking a step on a big goal: the click handler saves all 30 goals
  // and updates the page, synchronously.
  const ticks = [];
  for (let i = 0; i < RUNS; i += 1) {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await page.goto(`http://127.0.0.1:${PORT}/`);
    await readyAt(page);
    await page.evaluate(([p, g]) => { localStorage.setItem('alongside.profile', p); localStorage.setItem('alongside.goals', g); }, [PROFILE, GOALS]);
    await page.goto(`http://127.0.0.1:${PORT}/goals/2`);
    await readyAt(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    ticks.push(await page.evaluate(() => {
      const box = document.getElementById('step-15');
      const t0 = performance.now();
      box.click();
      return performance.now() - t0;
    }));
    await context.close();
  }
  console.log(`  ${`tick a step on a big goal (stored goals ${GOALS.length} bytes)`.padEnd(50)} ${median(ticks).toFixed(0).padStart(6)}  (all: ${ticks.map((t) => t.toFixed(0)).join(', ')})`);
  }

  // The diary: the same figures with an empty diary and with ten years of
  // entries (3,650 days, 7 readings a day), seeded once through the app's
  // own "10 years of examples" (offered only at the testing address
  // /diary?testing) and copied into each fresh browser. The examples are
  // kept under their own keys (alongside.examples.*), read and shown by
  // the diary month by month exactly as the client's own entries are.
  const seed = await browser.newContext();
  const seedPage = await seed.newPage();
  await seedPage.goto(`http://127.0.0.1:${PORT}/`);
  await readyAt(seedPage);
  await seedPage.evaluate((p) => localStorage.setItem('alongside.profile', p), PROFILE_COPD);
  await seedPage.goto(`http://127.0.0.1:${PORT}/diary?testing`);
  await readyAt(seedPage);
  await seedPage.getByRole('button', { name: 'Add 10 years of examples (for testing)' }).click();
  await seedPage.getByRole('button', { name: 'Yes, add examples' }).click();
  await seedPage.locator('#trend-summary').waitFor();
  const tenYears = await seedPage.evaluate(() => Object.fromEntries(Object.entries(localStorage)));
  await seed.close();
  const storedBytes = Object.values(tenYears).reduce((n, v) => n + v.length, 0);
  const months = Object.keys(tenYears).filter((k) => /^alongside\.(diary|examples)\.\d{4}-\d{2}$/.test(k)).length;
  console.log(`diary, empty vs ten years (${months} months, ${storedBytes} characters stored), CPU throttled 4x, median of ${RUNS} runs (ms):`);

  // Time for a click's whole effect: the handler (domain work, storage),
  // the page update (Leptos runs effects as microtasks, so wait for a
  // task after them) and the style and layout it causes, forced by
  // reading a size. (Waiting for the next frame would mostly measure
  // where in the 16 ms frame the click landed.)
  const clickToFrame = (page, selector) => page.evaluate(async (sel) => {
    const el = document.querySelector(sel);
    const t0 = performance.now();
    el.click();
    await new Promise((r) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => r();
      channel.port2.postMessage(0);
    });
    void document.body.offsetHeight;
    return performance.now() - t0;
  }, selector);

  async function diaryRun(data) {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await page.goto(`http://127.0.0.1:${PORT}/`);
    await readyAt(page);
    await page.evaluate((entries) => { for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v); }, data);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    // The first start of this version with the record in local storage
    // only: it copies all of it to the durable copy (IndexedDB).
    await page.reload();
    const first = await readyAt(page);
    // And every start after that, both copies filled.
    await page.reload();
    const ready = await readyAt(page);
    await page.locator('#m0-r0-4').check({ force: true });
    const save = await clickToFrame(page, '.check-in button[type=submit]');
    await page.locator('#check-in-saved').waitFor();
    // From the tap to "Saved" on screen, which waits until the save is
    // on disk (the durable copy's transaction has completed).
    await page.locator('#m0-r0-2').check({ force: true });
    const saved = await page.evaluate(async () => {
      const button = document.querySelector('.check-in button[type=submit]');
      const t0 = performance.now();
      button.click();
      // The notice is drawn afresh for each save: wait for a new one.
      const old = document.getElementById('check-in-saved');
      while (!document.getElementById('check-in-saved') || document.getElementById('check-in-saved') === old) {
        await new Promise((r) => setTimeout(r, 1));
      }
      return performance.now() - t0;
    });
    await page.goto(`http://127.0.0.1:${PORT}/diary`);
    await readyAt(page);
    const to90 = await clickToFrame(page, '.range button:nth-child(3)');
    const toAll = await clickToFrame(page, '.range button:nth-child(4)');
    await context.close();
    return { first, ready, save, saved, to90, toAll };
  }
  const empty = { 'alongside.profile': PROFILE_COPD };
  // Only this month's entries and this year's summary: the same work a
  // save or a 90-day trend does for any client this far into the month,
  // to tell the cost of the month's own entries from the cost of age.
  const thisMonth = Object.fromEntries(Object.entries(tenYears).filter(([k]) => !/^alongside\.(diary|examples)\./.test(k)
    || ['diary', 'examples'].some((f) => k === `alongside.${f}.${new Date().toISOString().slice(0, 7)}` || k === `alongside.${f}.index.${new Date().getFullYear()}`)));
  const results = { empty: [], month: [], ten: [] };
  for (let i = 0; i < RUNS; i += 1) {
    results.empty.push(await diaryRun(empty));
    results.month.push(await diaryRun(thisMonth));
    results.ten.push(await diaryRun(tenYears));
  }
  for (const [key, label] of [['first', 'app-ready, first start with a durable copy'], ['ready', 'app-ready (Today, with the quick check-in)'], ['save', 'save a check-in (click, save, page update, layout)'], ['saved', 'tap "Save check-in" to "Saved" on screen'], ['to90', 'switch trend to 90 days'], ['toAll', 'switch trend to all time']]) {
    const e = median(results.empty.map((r) => r[key]));
    const m = median(results.month.map((r) => r[key]));
    const t = median(results.ten.map((r) => r[key]));
    console.log(`  ${label.padEnd(45)} empty ${e.toFixed(0).padStart(4)}  this month only ${m.toFixed(0).padStart(4)}  ten years ${t.toFixed(0).padStart(4)}  ten years / empty ${(t / e).toFixed(2)}  ten years / this month ${(t / m).toFixed(2)}`);
  }

  // A protected summary: time for the link worker's phone to derive the
  // key (PBKDF2-SHA256, 600,000 rounds, WebCrypto), decrypt and show it,
  // from pressing "Open the summary".
  {
    const { url, passphrase } = await protectedLink(browser);
    const opens = [];
    for (let i = 0; i < RUNS; i += 1) {
      const context = await browser.newContext();
      const worker = await context.newPage();
      const cdp = await context.newCDPSession(worker);
      await worker.goto(url);
      await worker.getByLabel('Passphrase', { exact: true }).fill(passphrase);
      // The passphrase form comes first, from the main module; the review's
      // chunk follows in the background. Time the opening, not the fetch.
      await worker.waitForLoadState('networkidle');
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      const t0 = Date.now();
      await worker.getByRole('button', { name: 'Open the summary' }).click();
      await worker.locator('.summary').waitFor();
      opens.push(Date.now() - t0);
      await context.close();
    }
    console.log(`protected summary (${url.length} characters as a link), CPU throttled 4x, median of ${RUNS} runs (ms):`);
    console.log(`  ${'derive the key, decrypt and show it'.padEnd(50)} ${median(opens).toFixed(0).padStart(6)}  (all: ${opens.join(', ')})`);
  }
} finally {
  await browser.close();
  server.close();
}
