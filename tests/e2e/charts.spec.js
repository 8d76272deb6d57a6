// Charts everywhere they are drawn (the diary's trends, a goal's ratings,
// the check-in history, a shared summary's preview, review and print):
// dated from the first reading in view to the last, with month labels; a
// value axis on the measure's own range, so small changes stay small; and
// labels that grow with the text size and still fit at 200% on 320 px.
import { test, expect, axeViolations, forgetDurable, linkWorker, makeLink } from './helpers.js';
import { seedRecord, realisticRecord, RECORD_NOW } from './record.js';

const shot = (page, name, fullPage = true) => page.screenshot({ path: `test-results/screens/${name}.png`, fullPage });
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY = 24 * 60 * 60 * 1000;

/** A day as a chart's axis writes it: "3 Nov" (the record's year is 2026). */
function short(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[m - 1]}${y === 2026 ? '' : ` ${y}`}`;
}
const isoOf = (ms) => new Date(ms).toISOString().slice(0, 10);

/** The record's days with a reading of measure `m`, from `from` to `to`. */
function daysWith(m, from, to) {
  return Object.entries(realisticRecord())
    .filter(([k]) => /^alongside\.diary\.\d{4}-\d{2}$/.test(k))
    .flatMap(([, v]) => JSON.parse(v).data.days)
    .filter((d) => d.date >= from && d.date <= to && d.readings.some((r) => r.m === m))
    .map((d) => d.date)
    .sort();
}

/** What a chart shows: its value labels (bottom first), the dates under
 *  it and the month labels shown. */
function chartText(chart) {
  return chart.evaluate((c) => {
    const shown = (e) => e.checkVisibility();
    return {
      values: [...c.querySelectorAll('.chart__value')].map((e) => e.textContent),
      dates: [...c.querySelectorAll('.chart__dates .chart__label')].map((e) => e.textContent),
      months: [...c.querySelectorAll('.chart__month')].filter(shown).map((e) => e.textContent),
    };
  });
}

/** The chart of the shared measure `name` on the page. */
const sharedChart = (page, name) =>
  page.locator('.summary__measure').filter({ has: page.getByRole('heading', { name, exact: true }) }).locator('.chart');

/** Stores a diary of only these peak flow readings, `[day, value]`. */
async function peakFlowOnly(page, readings) {
  // The durable copy would rightly put the old diary back: forget it.
  await forgetDurable(page);
  await page.evaluate((list) => {
    const envelope = (kind, data) => JSON.stringify({ app: 'alongside', kind, schema: 1, rev: 1, saved_at: '2026-12-09T18:00:00.000Z', data });
    for (const k of Object.keys(localStorage)) if (/^alongside\.diary\.(\d{4}-\d{2}|index\.\d{4})$/.test(k)) localStorage.removeItem(k);
    const months = new Map();
    for (const [date, v] of list) {
      const code = date.slice(0, 7);
      if (!months.has(code)) months.set(code, []);
      months.get(code).push({ date, readings: [{ m: 'peak_flow', t: 540, v }] });
    }
    const summaries = [];
    for (const [code, days] of months) {
      localStorage.setItem(`alongside.diary.${code}`, envelope('diary_month', { days }));
      const vs = days.map((d) => d.readings[0].v);
      const bits = days.reduce((b, d) => b | (1 << (Number(d.date.slice(8)) - 1)), 0) >>> 0;
      summaries.push({
        month: code, days: bits,
        measures: [{ m: 'peak_flow', n: vs.length, sum: vs.reduce((a, b) => a + b, 0), lo: Math.min(...vs), hi: Math.max(...vs) }],
      });
    }
    localStorage.setItem('alongside.diary.index.2026', envelope('diary_index', { months: summaries }));
  }, readings);
}

/** Opens `url` in a fresh browser, as the link worker. */
async function review(browser, url, viewport = { width: 360, height: 740 }) {
  const { context, page } = await linkWorker(browser, RECORD_NOW, viewport);
  await page.goto(url);
  await expect(page.getByRole('region', { name: 'What has changed' })).toBeVisible();
  return { context, page };
}

/** Every chart on the page: its shown labels inside it, none over
 *  another, and nothing wider than the screen. */
async function labelsFit(page, where) {
  const problems = await page.evaluate(() => {
    const out = [];
    for (const chart of document.querySelectorAll('.chart')) {
      const box = chart.getBoundingClientRect();
      const labels = [...chart.querySelectorAll('.chart__label')]
        .filter((e) => e.checkVisibility())
        .map((e) => [e.textContent, e.getBoundingClientRect()]);
      for (const [t, r] of labels) {
        if (r.left < box.left - 1 || r.right > box.right + 1) out.push(`"${t}" runs out of its chart`);
      }
      for (let i = 0; i < labels.length; i += 1) {
        for (let j = i + 1; j < labels.length; j += 1) {
          const [a, ra] = labels[i];
          const [b, rb] = labels[j];
          const apart = ra.right <= rb.left + 1 || rb.right <= ra.left + 1 || ra.bottom <= rb.top + 1 || rb.bottom <= ra.top + 1;
          if (!apart) out.push(`"${a}" overlaps "${b}"`);
        }
      }
    }
    const sideways = document.documentElement.scrollWidth - window.innerWidth;
    if (sideways > 0) out.push(`${sideways}px of sideways scrolling`);
    return out;
  });
  expect.soft(problems, where).toEqual([]);
}

test('the diary, a goal and the check-in history are charted from the first reading to the last, with dates', async ({ page }) => {
  await seedRecord(page, '/diary');
  const chart = page.locator('.chart');
  // The last 30 days, peak flow: from its first reading in them to its last.
  await page.getByLabel('Measure').selectOption({ label: 'Peak flow' });
  const days = daysWith('peak_flow', '2026-11-11', '2026-12-10');
  let text = await chartText(chart);
  expect(text.dates).toEqual([short(days[0]), short(days.at(-1))]);
  expect(text.months).toEqual(['Dec']);
  // On its own scale, in round steps, wider than the readings.
  const values = text.values.map(Number);
  expect(values.every((v) => v % 10 === 0)).toBe(true);
  expect(values.at(-1) - values[0]).toBeGreaterThanOrEqual(100);
  await chart.scrollIntoViewIfNeeded();
  await shot(page, 'charts-diary-peak-flow', false);
  // 90 days: months between.
  await page.getByRole('button', { name: '90 days' }).click();
  const ninety = daysWith('peak_flow', isoOf(RECORD_NOW.getTime() - 89 * DAY), '2026-12-10');
  text = await chartText(chart);
  expect(text.dates).toEqual([short(ninety[0]), short(ninety.at(-1))]);
  expect(text.months).toEqual(['Oct', 'Nov']);
  // All time: by month.
  await page.getByRole('button', { name: 'All time' }).click();
  await expect(chart.locator('.chart__dates')).toHaveText('Sep 2026Dec 2026');
  // Scales 0 to 10, mood by its five words, yes or no in per cent.
  await page.getByRole('button', { name: '30 days' }).click();
  await page.getByLabel('Measure').selectOption({ label: 'Breathlessness' });
  expect((await chartText(chart)).values).toEqual(['0', '5', '10']);
  await page.getByLabel('Measure').selectOption({ label: 'Mood' });
  expect((await chartText(chart)).values).toEqual(['Very low', 'Low', 'OK', 'Good', 'Very good']);
  await page.getByLabel('Measure').selectOption({ label: 'Went outside' });
  expect((await chartText(chart)).values).toEqual(['0%', '50%', '100%']);
  await shot(page, 'charts-diary');
  expect(await axeViolations(page)).toEqual([]);
  // Hidden from screen readers: the figures are in words beside it.
  await expect(chart).toHaveAttribute('aria-hidden', 'true');

  // A goal's ratings, from the first (12 September) to the last (1 December).
  await page.goto('/goals/1');
  await expect(page.locator('.chart')).toBeVisible();
  text = await chartText(page.locator('.chart'));
  expect(text).toEqual({ values: ['0', '5', '10'], dates: ['12 Sep', '1 Dec'], months: ['Oct', 'Nov'] });
  await expect(page.locator('.chart__point')).toHaveCount(3);
  await shot(page, 'charts-goal');
  expect(await axeViolations(page)).toEqual([]);

  // The check-in history: each question from its first answer to its last.
  await page.goto('/check-in/history');
  const charts = page.locator('.chart');
  await expect(charts).toHaveCount(4);
  const dates = [];
  for (let i = 0; i < 4; i += 1) dates.push((await chartText(charts.nth(i))).dates);
  // The third question was "prefer not to say" on 1 December.
  expect(dates).toEqual([['12 Sep', '1 Dec'], ['12 Sep', '1 Dec'], ['12 Sep', '20 Oct'], ['12 Sep', '1 Dec']]);
  expect((await chartText(charts.first())).values).toEqual(['0', '5', '10']);
  await shot(page, 'charts-check-in-history');
  expect(await axeViolations(page)).toEqual([]);
});

test("a shared summary's charts are dated in the preview, the review and print", async ({ page, browser }) => {
  await seedRecord(page, '/share');
  const { url } = await makeLink(page);
  // Weeks run Monday to Sunday; the period is 13 November to 10 December,
  // so the first week's figures start on the 13th.
  const days = daysWith('peak_flow', '2026-11-13', '2026-12-10');
  const monday = (iso) => {
    const d = new Date(`${iso}T00:00:00Z`);
    return isoOf(d.getTime() - ((d.getUTCDay() + 6) % 7) * DAY);
  };
  const first = monday(days[0]) < '2026-11-13' ? '2026-11-13' : monday(days[0]);
  const expected = [short(first), short(monday(days.at(-1)))];
  const preview = await chartText(sharedChart(page, 'Peak flow'));
  expect(preview.dates).toEqual(expected);
  expect(preview.months).toEqual(['Dec']);

  const worker = await review(browser, url);
  const chart = sharedChart(worker.page, 'Peak flow');
  const text = await chartText(chart);
  expect(text).toEqual(preview);
  // Every shared chart is dated.
  const all = worker.page.locator('.summary .chart');
  expect(await all.count()).toBeGreaterThanOrEqual(4);
  for (let i = 0; i < (await all.count()); i += 1) {
    expect((await chartText(all.nth(i))).dates, `chart ${i}`).toHaveLength(2);
  }
  expect((await chartText(sharedChart(worker.page, 'Mood'))).values).toEqual(['Very low', 'Low', 'OK', 'Good', 'Very good']);
  await chart.scrollIntoViewIfNeeded();
  await shot(worker.page, 'charts-review');
  await chart.screenshot({ path: 'test-results/screens/charts-review-peak-flow.png' });
  await sharedChart(worker.page, 'Mood').screenshot({ path: 'test-results/screens/charts-review-mood.png' });
  expect(await axeViolations(worker.page)).toEqual([]);

  // Printed (on A4's width): still dated, lines drawn, labels of a
  // readable size.
  await worker.page.setViewportSize({ width: 794, height: 1123 });
  await worker.page.emulateMedia({ media: 'print' });
  await expect(chart).toBeVisible();
  expect((await chartText(chart)).dates).toEqual(expected);
  const print = await chart.evaluate((c) => ({
    label: parseFloat(getComputedStyle(c.querySelector('.chart__label')).fontSize),
    height: c.querySelector('.chart__plot').getBoundingClientRect().height,
    line: getComputedStyle(c.querySelector('.chart__line')).stroke,
  }));
  expect(print.label, 'label size in print, px').toBeGreaterThanOrEqual(9);
  expect(print.height).toBeGreaterThan(50);
  expect(print.line).toBe('rgb(0, 94, 184)');
  await shot(worker.page, 'charts-review-print');
  await worker.context.close();
});

test('a small change stays small: peak flow of 360 and 361 is not drawn from 360 to 361', async ({ page, browser }) => {
  await seedRecord(page, '/');
  await peakFlowOnly(page, [['2026-12-01', 360], ['2026-12-08', 361]]);
  await page.goto('/diary');
  await page.getByLabel('Measure').selectOption({ label: 'Peak flow' });
  const chart = page.locator('.chart');
  let text = await chartText(chart);
  expect(text.dates).toEqual(['1 Dec', '8 Dec']);
  expect(text.values).not.toEqual(['360', '361']);
  const span = (t) => Number(t.values.at(-1)) - Number(t.values[0]);
  expect(span(text)).toBeGreaterThanOrEqual(100);
  expect(Number(text.values[0])).toBeLessThanOrEqual(350);
  // Both points sit near the middle, a hair apart.
  const ys = await chart.locator('.chart__point').evaluateAll((ps) => ps.map((p) => p.getBoundingClientRect().top));
  expect(ys).toHaveLength(2);
  const plot = await chart.locator('.chart__plot').boundingBox();
  expect(Math.abs(ys[0] - ys[1])).toBeLessThan(plot.height * 0.05);
  await chart.scrollIntoViewIfNeeded();
  await shot(page, 'charts-peak-flow-360-361', false);

  // One reading: one date, and the two ends of the value axis differ.
  await page.getByRole('button', { name: '7 days' }).click();
  text = await chartText(chart);
  expect(text.dates).toEqual(['8 Dec']);
  expect(new Set(text.values).size).toBe(text.values.length);
  expect(text.values.length).toBeGreaterThanOrEqual(2);

  // The same in the summary the link worker reads.
  await page.goto('/share');
  const { url } = await makeLink(page);
  const worker = await review(browser, url);
  const shared = await chartText(sharedChart(worker.page, 'Peak flow'));
  // Weekly averages, each dated by its week's Monday.
  expect(shared.dates).toEqual(['30 Nov', '7 Dec']);
  expect(span(shared)).toBeGreaterThanOrEqual(100);
  await worker.context.close();
});

test.describe('200% text on a 320 px screen', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test('chart labels are twice the size and still fit', async ({ page, browser }) => {
    await seedRecord(page, '/diary');
    await page.getByLabel('Measure').selectOption({ label: 'Mood' });
    const size = () => page.locator('.chart .chart__label').first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    const normal = await size();
    const large = async () => page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
    await large();
    const ratio = (await size()) / normal;
    expect(ratio).toBeGreaterThan(1.9);
    expect(ratio).toBeLessThan(2.1);
    await labelsFit(page, 'diary, mood');
    await page.locator('.chart').scrollIntoViewIfNeeded();
    await shot(page, 'phone320-200pc-charts-diary-mood', false);
    await page.getByLabel('Measure').selectOption({ label: 'Peak flow' });
    await page.getByRole('button', { name: '90 days' }).click();
    await labelsFit(page, 'diary, peak flow');
    await page.locator('.chart').scrollIntoViewIfNeeded();
    await shot(page, 'phone320-200pc-charts-diary-peak-flow', false);
    expect(await axeViolations(page)).toEqual([]);

    for (const path of ['/goals/1', '/check-in/history']) {
      await page.goto(path);
      await expect(page.locator('.chart').first()).toBeVisible();
      await large();
      await labelsFit(page, path);
      await page.locator('.chart').first().scrollIntoViewIfNeeded();
      await shot(page, `phone320-200pc-charts${path.replaceAll('/', '-')}`, false);
    }

    await page.goto('/share');
    const { url } = await makeLink(page);
    const worker = await review(browser, url, { width: 320, height: 640 });
    await worker.page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
    await labelsFit(worker.page, 'review');
    await sharedChart(worker.page, 'Mood').scrollIntoViewIfNeeded();
    await shot(worker.page, 'phone320-200pc-charts-review', false);
    await worker.context.close();
  });
});
