// The app in chunks (issue 15): every page opens on a direct first visit;
// the first screen comes from the HTML and the app takes over without a
// shift; a visit fetches at most 6 wasm files, all asked for at once;
// offline after one visit, pages never opened open too; a chunk that
// cannot be fetched says so and recovers with "Try again".
import { readFileSync } from 'node:fs';
import { test, expect, ROUTES, SAM, appReady } from './helpers.js';
import { CHUNKS, chunkFor } from '../../scripts/routes.mjs';

const heading = (page) => page.getByRole('heading', { level: 1 });
const manifest = () => JSON.parse(readFileSync('target/build-manifest.json', 'utf8'));

/** Watches which wasm files a page fetches, and how they were asked for. */
function watchWasm(page) {
  const wasm = [];
  page.on('request', (r) => { if (r.url().endsWith('.wasm')) wasm.push(new URL(r.url()).pathname); });
  return wasm;
}

test('every page opens on a direct first visit, fetching at most 6 wasm files', async ({ browser }) => {
  test.setTimeout(120_000);
  for (const [path, title] of ROUTES) {
    for (const setUp of path === '/review' || path === '/no-such-page' ? [false] : [true]) {
      const context = await browser.newContext({ serviceWorkers: 'block' });
      if (setUp) await context.addInitScript((p) => localStorage.setItem('alongside.profile', p), JSON.stringify(SAM));
      const page = await context.newPage();
      const wasm = watchWasm(page);
      await page.goto(path);
      await appReady(page);
      await expect(heading(page), path).toHaveText(title);
      expect(wasm.length, `${path}: ${wasm.join(', ')}`).toBeLessThanOrEqual(6);
      // Every chunk was asked for by the start-up script, not one by one.
      const chunk = chunkFor(path, setUp);
      if (chunk) {
        const preloaded = await page.evaluate(() => [...document.querySelectorAll('link[rel=preload]')].map((l) => new URL(l.href).pathname));
        for (const f of wasm) expect(preloaded, `${path}: ${f} preloaded`).toContain(f);
      }
      await context.close();
    }
  }
});

test('a new client sees the welcome from the shell alone; set-up follows while they read it, and opens offline', async ({ browser }) => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const m = manifest();
  const setupFiles = m.files.setup.map((f) => `/${m.app}/${f}`);
  // Hold set-up back, to see that the welcome does not wait for it.
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(/\/(split|chunk)_[\w]+\.wasm$/, async (route) => { await held; await route.continue(); });
  const wasm = watchWasm(page);
  await page.goto('/');
  await appReady(page);
  await expect(heading(page)).toHaveText('Welcome to Alongside');
  await expect(page).toHaveTitle('Welcome to Alongside - Alongside');
  // Nothing but the main module was asked for up front.
  const preloaded = await page.evaluate(() => [...document.querySelectorAll('link[rel=preload]')].map((l) => new URL(l.href).pathname));
  expect(preloaded).toEqual([`/${m.app}/app_bg.wasm`]);
  release();
  // Set-up's chunk comes once the welcome is up, without a tap.
  await expect.poll(() => [...new Set(wasm)].sort()).toEqual([`/${m.app}/app_bg.wasm`, ...setupFiles].sort());
  await page.waitForLoadState('networkidle');
  // The signal drops while the client reads: "Start" still opens set-up,
  // fetching nothing more.
  await context.setOffline(true);
  const before = wasm.length;
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(heading(page)).toHaveText('What would you like us to call you?');
  await expect(heading(page)).toBeFocused();
  expect(wasm.length).toBe(before);
  // Back to the welcome and on again: what was typed is still there.
  await page.getByLabel('What would you like us to call you?').fill('Sam');
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(heading(page)).toHaveText('Welcome to Alongside');
  await expect(heading(page)).toBeFocused();
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByLabel('What would you like us to call you?')).toHaveValue('Sam');
  await context.close();
});

test('if set-up cannot be fetched, "Start" says so, and "Try again" opens it', async ({ browser }) => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  let failing = true;
  await page.route(/\/(split|chunk)_[\w]+\.wasm$/, (route) => (failing ? route.abort() : route.continue()));
  await page.goto('/');
  await appReady(page);
  await expect(heading(page)).toHaveText('Welcome to Alongside');
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(heading(page)).toHaveText('This page could not be opened');
  await expect(heading(page)).toBeFocused();
  failing = false;
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(heading(page)).toHaveText('What would you like us to call you?');
  await expect(heading(page)).toBeFocused();
  await context.close();
});

const fixture = (name) => readFileSync(new URL(`../fixtures/released/${name}`, import.meta.url), 'utf8').trim();
const linkPath = (name) => new URL(fixture(name)).pathname + new URL(fixture(name)).hash;

test('a protected link asks for its passphrase from the shell alone; the review follows while it is typed, and opens offline', async ({ browser }) => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const m = manifest();
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(/\/(split|chunk)_[\w]+\.wasm$/, async (route) => { await held; await route.continue(); });
  const wasm = watchWasm(page);
  await page.goto(linkPath('link-protected.txt'));
  await appReady(page);
  await expect(heading(page)).toHaveText('Review a shared summary');
  const box = page.getByLabel('Passphrase', { exact: true });
  await expect(box).toBeFocused();
  // The link is out of the address bar at once.
  expect(new URL(page.url()).hash).toBe('');
  const preloaded = await page.evaluate(() => [...document.querySelectorAll('link[rel=preload]')].map((l) => new URL(l.href).pathname));
  expect(preloaded).toEqual([`/${m.app}/app_bg.wasm`]);
  release();
  await expect.poll(() => [...new Set(wasm)].sort()).toEqual([`/${m.app}/app_bg.wasm`, ...m.files.review.map((f) => `/${m.app}/${f}`)].sort());
  await page.waitForLoadState('networkidle');
  // A wrong passphrase typed before the review's code was used: the review
  // page says so, in the same form.
  await context.setOffline(true);
  await box.fill('not the passphrase');
  await page.getByRole('button', { name: 'Open the summary' }).click();
  await expect(page.getByRole('alert')).toContainText('That passphrase does not open this summary');
  await box.fill(fixture('link-passphrase.txt'));
  await page.getByRole('button', { name: 'Open the summary' }).click();
  await expect(page.getByRole('heading', { name: "Maureen's summary" })).toBeVisible();
  await context.close();
});

test('a plain link preloads the review with the app; a new protected link in the same tab asks afresh', async ({ browser }) => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const m = manifest();
  await page.goto(linkPath('link-plain.txt'));
  await expect(page.getByRole('heading', { name: "Maureen's summary" })).toBeVisible();
  const preloaded = await page.evaluate(() => [...document.querySelectorAll('link[rel=preload]')].map((l) => new URL(l.href).pathname));
  expect(preloaded.sort()).toEqual([`/${m.app}/app_bg.wasm`, ...m.files.review.map((f) => `/${m.app}/${f}`)].sort());
  // The passphrase form first, then Cancel: the review page, nothing shown.
  await page.goto(linkPath('link-protected.txt'));
  await expect(page.getByLabel('Passphrase', { exact: true })).toBeFocused();
  await page.getByLabel('Passphrase', { exact: true }).fill('half typed');
  await page.evaluate((hash) => { location.hash = hash; }, new URL(fixture('link-protected.txt')).hash);
  await expect(page.getByLabel('Passphrase', { exact: true })).toHaveValue('');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByLabel('Paste the link or the summary')).toBeVisible();
  await expect(page.getByText("Maureen")).toHaveCount(0);
  await context.close();
});

test('a new link that comes while the review is on its way is the one opened', async ({ browser }) => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(/\/(split|chunk)_[\w]+\.wasm$/, async (route) => { await held; await route.continue(); });
  await page.goto(linkPath('link-protected.txt'));
  await appReady(page);
  await page.getByLabel('Passphrase', { exact: true }).fill(fixture('link-passphrase.txt'));
  await page.getByRole('button', { name: 'Open the summary' }).click();
  // Another link, before the review's code is here: it wins, and the
  // first client's summary is never shown.
  await page.evaluate(() => { location.hash = 'not-a-summary'; });
  release();
  await expect(page.getByRole('alert')).toContainText('This link is incomplete');
  expect(new URL(page.url()).hash).toBe('');
  await expect(page.getByRole('heading', { name: "Maureen's summary" })).toHaveCount(0);
  await context.close();
});

test('every chunk named in scripts/routes.mjs is in the build, and only those', async () => {
  const m = manifest();
  expect(Object.keys(m.files).sort()).toEqual([...CHUNKS].sort());
  for (const files of Object.values(m.files)) expect(files.length + 1).toBeLessThanOrEqual(6);
});

test('the first screen comes from the HTML, and the app takes over without a shift', async ({ browser }) => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  await context.addInitScript(() => {
    window.__shift = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__shift += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  const page = await context.newPage();
  // Hold the app back, to see the first screen on its own.
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route('**/app_bg.wasm', async (route) => { await held; await route.continue(); });
  await page.goto('/');
  await expect(page.locator('#first-screen .header__name')).toHaveText('Alongside');
  await expect(page.locator('#first-screen-status')).toHaveText('Opening Alongside…');
  const before = await page.locator('.header').first().boundingBox();
  await page.screenshot({ path: 'test-results/screens/phone-first-screen.png' });
  release();
  await expect(heading(page)).toHaveText('Welcome to Alongside');
  await expect(page.locator('#first-screen')).toHaveCount(0);
  // The header stays where it was; nothing moves by more than a little.
  const after = await page.locator('.header').first().boundingBox();
  expect(after).toEqual(before);
  expect(await page.evaluate(() => window.__shift)).toBeLessThanOrEqual(0.1);
  await context.close();
});

test('the first screen says so plainly when the app cannot be fetched', async ({ browser }) => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.route('**/app_bg.wasm', (route) => route.abort());
  await page.goto('/');
  await expect(page.locator('#first-screen-status')).toHaveText(/Alongside could not start\. The first time, it needs an internet connection/);
  await context.close();
});

test('a page whose chunk cannot be fetched says so, and "Try again" opens it', async ({ browser }) => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  await context.addInitScript((p) => localStorage.setItem('alongside.profile', p), JSON.stringify(SAM));
  const page = await context.newPage();
  await page.goto('/no-such-page');
  await appReady(page);
  // The network drops just as the client opens their goals.
  let failing = true;
  await page.route(/\/(split|chunk)_[\w]+\.wasm$/, (route) => (failing ? route.abort() : route.continue()));
  await page.getByRole('link', { name: 'Go to Today' }).click();
  await expect(heading(page)).toHaveText('This page could not be opened');
  await expect(heading(page)).toBeFocused();
  await expect(page.getByText('Nothing you have saved is affected.')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/phone-chunk-failed.png' });
  failing = false;
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(heading(page)).toHaveText('Hello, Sam');
  await expect(heading(page)).toBeFocused();
  await context.close();
});

test('offline after one visit to /, a page never opened opens', async ({ page, context }) => {
  await page.goto('/');
  await appReady(page);
  // The service worker has saved every file of the build.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.evaluate((p) => localStorage.setItem('alongside.profile', p), JSON.stringify(SAM));
  await context.setOffline(true);
  for (const [path, title] of [['/review', 'Review a shared summary'], ['/my-data', 'My data'], ['/goals', 'Your goals'], ['/', 'Hello, Sam']]) {
    await page.goto(path);
    await expect(heading(page), path).toHaveText(title);
  }
  await context.setOffline(false);
});

test('compressed copies are served when the browser accepts them', async ({ request }) => {
  const m = manifest();
  for (const [file, encoding] of [[`/${m.app}/app_bg.wasm`, 'br'], [`/${m.css}`, 'gzip'], ['/index.html', 'br']]) {
    const res = await request.get(file, { headers: { 'Accept-Encoding': encoding } });
    expect(res.headers()['content-encoding'], file).toBe(encoding);
    expect(res.headers().vary, file).toBe('Accept-Encoding');
  }
  const plain = await request.get(`/${m.app}/app_bg.wasm`, { headers: { 'Accept-Encoding': 'identity' } });
  expect(plain.headers()['content-encoding']).toBeUndefined();
  expect(plain.headers()['cache-control']).toContain('immutable');
  expect((await request.get('/index.html')).headers()['cache-control']).toBe('no-cache');
});
