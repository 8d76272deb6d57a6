// Benchmark (not a test): time to `app-ready` in Debian's Chromium with the
// CPU throttled 4x, as on a cheap phone. Serves dist/ itself.
//   node scripts/bench.mjs [runs=7]
import { chromium } from '@playwright/test';
import { startServer } from './serve.mjs';

const RUNS = Number(process.argv[2] ?? 7);
const PORT = 4180;
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const PROFILE = JSON.stringify({
  app: 'alongside', kind: 'profile', schema: 2, rev: 1, saved_at: '2026-11-21T10:00:00.000Z',
  data: { preferred_name: 'Sam', conditions: [{ listed: 'copd' }], link_worker: { name: null, contact: null }, what_matters: 'Walking to the shops' },
});

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const readyAt = (page) => page.evaluate(async () => {
  while (!performance.getEntriesByName('app-ready').length) await new Promise((r) => setTimeout(r, 5));
  return performance.getEntriesByName('app-ready')[0].startTime;
});

async function measure(browser, { withProfile, warm }) {
  const times = [];
  for (let i = 0; i < RUNS; i += 1) {
    const context = await browser.newContext({ serviceWorkers: 'allow', viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await page.goto(`http://127.0.0.1:${PORT}/`);
    await readyAt(page);
    if (withProfile) await page.evaluate((p) => localStorage.setItem('alongside.profile', p), PROFILE);
    if (warm) await page.evaluate(() => navigator.serviceWorker.ready);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.reload();
    times.push(await readyAt(page));
    await context.close();
  }
  return times;
}

const server = await startServer({ root: 'dist', port: PORT });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
try {
  console.log(`time to app-ready, CPU throttled 4x, median of ${RUNS} runs (ms):`);
  for (const [label, opts] of [
    ['no profile yet (first-run welcome page)', { withProfile: false, warm: false }],
    ['with a profile (Today), service worker ready', { withProfile: true, warm: true }],
  ]) {
    const times = await measure(browser, opts);
    console.log(`  ${label.padEnd(50)} ${median(times).toFixed(0).padStart(6)}  (all: ${times.map((t) => t.toFixed(0)).join(', ')})`);
  }
} finally {
  await browser.close();
  server.close();
}
