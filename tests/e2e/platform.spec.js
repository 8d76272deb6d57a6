// Offline use, installability, the update flow, and the security and
// privacy baseline: same-origin requests only, no CSP violations, no
// health data in the console.
import { cpSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { startServer } from '../../scripts/serve.mjs';
import { test, expect, completeSetup, seedProfile, appReady, ROUTES } from './helpers.js';

async function swControlled(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) {
    await page.reload();
    await page.waitForFunction(() => !!navigator.serviceWorker.controller);
  }
}

test('after one visit the app reloads and works with the network off', async ({ page, context }) => {
  await seedProfile(page);
  await appReady(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await context.setOffline(true);
  await page.reload();
  await appReady(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hello, Sam');
  // A route never opened before also opens offline.
  await page.goto('/appointments');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your appointments');
  await context.setOffline(false);
});

test('the service worker precaches every file of the build', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => navigator.serviceWorker.ready);
  const cached = await page.evaluate(async () => {
    const names = await caches.keys();
    const cache = await caches.open(names[0]);
    return { names, urls: (await cache.keys()).map((r) => new URL(r.url).pathname).sort() };
  });
  expect(cached.names).toHaveLength(1);
  expect(cached.names[0]).toMatch(/^alongside-[0-9a-f]{16}$/);
  const sw = await (await page.request.get('/sw.js')).text();
  const precache = JSON.parse(sw.match(/const PRECACHE = (\[[\s\S]*?\]);/)[1]).sort();
  expect(cached.urls).toEqual(precache);
  // The compressed copies are the server's business, not the cache's.
  expect(precache.filter((u) => /\.(gz|br)$/.test(u))).toEqual([]);
  // The whole app, every chunk of it, so every page opens offline.
  for (const pattern of [/^\/app-[0-9a-f]{16}\/app_bg\.wasm$/, /^\/app-[0-9a-f]{16}\/app\.js$/, /^\/app-[0-9a-f]{16}\/__wasm_split\.js$/, /^\/app-[0-9a-f]{16}\/split_client\.wasm$/, /^\/app-[0-9a-f]{16}\/split_setup\.wasm$/, /^\/app-[0-9a-f]{16}\/split_review\.wasm$/, /^\/main-[0-9a-f]+\.css$/, /^\/boot-[0-9a-f]{16}\.js$/, /^\/index\.html$/, /^\/manifest\.webmanifest$/, /^\/icons\/icon-512\.png$/]) {
    expect(precache.some((u) => pattern.test(u)), String(pattern)).toBe(true);
  }
});

test('Chromium finds the app installable', async ({ baseURL }, testInfo) => {
  // Installability needs a normal profile: Playwright's default contexts
  // count as incognito, which Chromium never offers to install.
  const profile = mkdtempSync(join(tmpdir(), 'alongside-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    ...testInfo.project.use.launchOptions,
    baseURL,
    viewport: { width: 360, height: 740 },
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto('/');
    await appReady(page);
    await page.evaluate(() => navigator.serviceWorker.ready);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
    const manifest = await cdp.send('Page.getAppManifest');
    expect(manifest.errors).toEqual([]);
    const parsed = JSON.parse(manifest.data);
    expect(parsed).toMatchObject({ name: 'Alongside', short_name: 'Alongside', display: 'standalone', start_url: '/', scope: '/', theme_color: '#005eb8' });
    expect(parsed.icons.map((i) => `${i.sizes} ${i.purpose}`)).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
    // Long-press shortcuts, and screenshots for the richer install dialog.
    expect(parsed.shortcuts.map((s) => `${s.name}: ${s.url}`)).toEqual([
      "Fill in today's diary: /diary/today",
      'Wellbeing check-in: /check-in',
      'Share with my link worker: /share',
    ]);
    expect(parsed.screenshots.map((s) => `${s.form_factor} ${s.sizes}`)).toEqual(['narrow 720x1480', 'wide 1280x800']);
    for (const url of [...parsed.icons.map((i) => i.src), ...parsed.shortcuts.flatMap((s) => s.icons.map((i) => i.src)), ...parsed.screenshots.map((s) => s.src)]) {
      const response = await page.request.get(url);
      expect(response.status(), url).toBe(200);
      expect(response.headers()['content-type'], url).toBe('image/png');
    }
    for (const shot of parsed.screenshots) {
      // The size the manifest says is the size of the picture.
      const png = await (await page.request.get(shot.src)).body();
      expect(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`, shot.src).toBe(shot.sizes);
    }
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

test('a new version is offered, not swapped in, and old caches go only after', async ({ browser }) => {
  // Serve a private copy of the build, so the test can publish a "new" one.
  const root = mkdtempSync(join(tmpdir(), 'alongside-dist-'));
  cpSync('dist', root, { recursive: true });
  const server = await startServer({ root, port: 4174 });
  const context = await browser.newContext({ baseURL: 'http://127.0.0.1:4174', serviceWorkers: 'allow' });
  try {
    const page = await context.newPage();
    await page.goto('/');
    await appReady(page);
    await swControlled(page);
    const before = await page.evaluate(() => caches.keys());
    expect(before).toHaveLength(1);
    await expect(page.getByText('A new version of Alongside is ready.')).toHaveCount(0);

    // A new build whose files are not all there yet (a deploy half-way):
    // its worker cannot save them all, so it never takes over, and the
    // old version keeps running from its own complete cache.
    const swPath = join(root, 'sw.js');
    const original = readFileSync(swPath, 'utf8');
    // The server prefers the compressed copies build.mjs made: a "new"
    // sw.js is published as the plain file alone.
    const publish = (text) => {
      writeFileSync(swPath, text);
      rmSync(`${swPath}.br`, { force: true });
      rmSync(`${swPath}.gz`, { force: true });
    };
    publish(original
      .replace(/const VERSION = '([0-9a-f]+)'/, "const VERSION = '00000000badbad00'")
      .replace('const PRECACHE = [', 'const PRECACHE = [\n  "/app-0000000000000000/split_client.wasm",'));
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update().catch(() => {}));
    // Its install fails (a file is missing): wait for it to give up.
    await page.waitForFunction(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      return !reg.installing && !reg.waiting;
    });
    await expect(page.getByText('A new version of Alongside is ready.')).toHaveCount(0);
    // Its incomplete cache is dropped. (The wait above can end before its
    // install has even begun, so wait for the caches too.)
    await expect.poll(() => page.evaluate(() => caches.keys())).toEqual(before);

    // Publish a complete new build: same files, new version.
    publish(original.replace(/const VERSION = '([0-9a-f]+)'/, "const VERSION = '00000000deadbeef'"));
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());

    const banner = page.getByRole('status').filter({ hasText: 'A new version of Alongside is ready.' });
    await expect(banner).toBeVisible();
    // The old version still runs the page, and its cache is still there.
    expect(await page.evaluate(() => caches.keys())).toEqual(expect.arrayContaining(before));

    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Update now' }).click()]);
    await appReady(page);
    await expect(banner).toHaveCount(0);
    await expect.poll(() => page.evaluate(() => caches.keys())).toEqual(['alongside-00000000deadbeef']);
  } finally {
    await context.close();
    server.close();
    rmSync(root, { recursive: true, force: true });
  }
});

test('every request stays on the app origin, with no CSP violations and no health data in the console', async ({ page, watched, baseURL }) => {
  await completeSetup(page);
  for (const [path] of ROUTES) {
    await page.goto(path);
    await appReady(page);
  }
  const origin = new URL(baseURL).origin;
  const elsewhere = watched.requests.filter((u) => !u.startsWith(origin + '/') && !u.startsWith('data:'));
  expect(elsewhere).toEqual([]);
  expect(watched.requests.length).toBeGreaterThan(5);

  expect(await page.evaluate(() => window.__csp)).toEqual([]);
  expect(watched.console.filter((m) => /Content Security Policy|Refused to/i.test(m))).toEqual([]);
  for (const secret of ['Sam', 'Fibromyalgia', 'Priya', '01234 567890', 'corner shop']) {
    expect(watched.console.filter((m) => m.includes(secret)), secret).toEqual([]);
  }
});

test('the page carries the Content Security Policy and loads no inline script', async ({ page }) => {
  const response = await page.goto('/');
  const html = await response.text();
  const csp = html.match(/http-equiv="?Content-Security-Policy"? content="([^"]+)"/)?.[1]
    ?? html.match(/content="([^"]+)" http-equiv=Content-Security-Policy/)?.[1];
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(csp).not.toContain('unsafe-inline');
  expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  expect(response.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
});

test('app-ready is marked once, with stored data on screen', async ({ page }) => {
  await seedProfile(page);
  await appReady(page);
  expect(await page.evaluate(() => performance.getEntriesByName('app-ready').length)).toBe(1);
  // The greeting names the client, but the tab title (kept in history) does not.
  await expect(page).toHaveTitle('Today - Alongside');
  await expect(page.getByText('Walking to the corner shop without stopping')).toBeVisible();
});
