// A realistic client record for the browser tests, as the app stores it:
// Maureen (type 2 diabetes, COPD, bad knees) on Thu 10 December 2026, with
// three goals, three months of diary, a weekly walking group, a GP visit,
// three wellbeing check-ins, things to talk about and a share log.
import { expect } from '@playwright/test';

/** The moment the record is looked at: Thu 10 December 2026, 10am. */
export const RECORD_NOW = new Date('2026-12-10T10:00:00Z');

const envelope = (kind, data, rev = 3) => JSON.stringify({
  app: 'alongside', kind, schema: 1, rev, saved_at: '2026-12-09T18:00:00.000Z', data,
});

const iso = (d) => d.toISOString().slice(0, 10);
const addDays = (d, n) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + n));

/** A small, repeatable pseudo-random sequence, so every run sees the same diary. */
function sequence(seed) {
  let s = seed;
  return (lo, hi) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    // The high bits: an LCG's low bits repeat every few calls.
    return lo + (Math.floor(s / 65536) % (hi - lo + 1));
  };
}

/** The stored diary months of `months` (month code to its days), with
 *  each year's month summaries, as the app keeps them. */
export function diaryRecords(months) {
  const records = {};
  const summaries = [];
  for (const [code, days] of months) {
    records[`alongside.diary.${code}`] = envelope('diary_month', { days });
    const measures = [];
    let bits = 0;
    for (const day of days) {
      bits |= 1 << (Number(day.date.slice(8, 10)) - 1);
      for (const r of day.readings) {
        let s = measures.find((x) => x.m === r.m);
        if (!s) { s = { m: r.m, n: 0, sum: 0, lo: r.v, hi: r.v }; measures.push(s); }
        s.n += 1; s.sum += r.v; s.lo = Math.min(s.lo, r.v); s.hi = Math.max(s.hi, r.v);
      }
    }
    summaries.push({ month: code, days: bits >>> 0, measures });
  }
  records['alongside.diary.index.2026'] = envelope('diary_index', { months: summaries });
  return records;
}

/** Three months of diary, one key a month, with each year's month summaries. */
function diary() {
  const next = sequence(7);
  const months = new Map();
  // Up to yesterday: today's diary is not filled in yet.
  for (let d = new Date(Date.UTC(2026, 8, 10)); d <= new Date(Date.UTC(2026, 11, 9)); d = addDays(d, 1)) {
    if (next(0, 9) < 2) continue; // about one day in five is left out, as in life
    const readings = [
      { m: 'mood', v: next(2, 5) },
      { m: 'glucose', t: 480, v: next(52, 88) },
      { m: 'glucose', t: 1080, v: next(55, 95) },
      { m: 'breathlessness', v: next(3, 7) },
      { m: 'peak_flow', t: 540, v: next(280, 360) },
      { m: 'sleep', v: next(50, 80) },
      { m: 'own-1', v: next(0, 1) },
    ];
    const day = { date: iso(d), readings };
    if (next(0, 6) === 0) day.note = 'Walked to the shop and back without stopping';
    const code = iso(d).slice(0, 7);
    if (!months.has(code)) months.set(code, []);
    months.get(code).push(day);
  }
  const records = diaryRecords(months);
  records['alongside.diary.settings'] = envelope('diary_settings', {
    own: [{ id: 'own-1', name: 'Went outside', kind: { type: 'yes_no' }, several: false }],
    hidden: [],
    next_own: 2,
  });
  return records;
}

/** Every stored value of the record, by key. */
export function realisticRecord() {
  return {
    'alongside.profile': JSON.stringify({
      app: 'alongside', kind: 'profile', schema: 2, rev: 5, saved_at: '2026-09-10T09:15:00.000Z',
      data: {
        preferred_name: 'Maureen',
        conditions: [{ listed: 'type2_diabetes' }, { listed: 'copd' }, { own: 'Bad knees' }],
        link_worker: { name: 'Priya', contact: '01234 567890' },
        what_matters: 'Getting to the allotment twice a week',
      },
    }),
    'alongside.goals': envelope('goals', {
      goals: [
        {
          id: 1, text: 'Walk to the corner shop without stopping', why: 'So I can get my own paper again',
          target: '2026-12-24', conditions: [{ listed: 'copd' }],
          steps: [
            { id: 1, text: 'Walk to the gate', done_on: '2026-10-02' },
            { id: 2, text: 'Walk to the post box', done_on: '2026-11-20' },
            { id: 3, text: 'Walk to the bus stop', done_on: null },
          ],
          ratings: [{ on: '2026-09-12', value: 2 }, { on: '2026-10-15', value: 4 }, { on: '2026-12-01', value: 6 }],
          notes: [{ on: '2026-11-20', text: 'Windy, but I did it' }],
          status: 'working_on_it', status_changes: [], created_on: '2026-09-12', next_step_id: 4,
        },
        {
          id: 2, text: 'Get to the allotment twice a week', why: null, target: null, conditions: [],
          steps: [{ id: 1, text: 'Ask my neighbour for a lift', done_on: '2026-10-20' }],
          ratings: [{ on: '2026-10-01', value: 3 }], notes: [],
          status: 'working_on_it', status_changes: [], created_on: '2026-10-01', next_step_id: 2,
        },
        {
          id: 3, text: 'Go to the Tuesday walking group', why: null, target: null, conditions: [],
          steps: [], ratings: [], notes: [],
          status: 'done', status_changes: [{ on: '2026-11-18', status: 'done' }], created_on: '2026-09-20', next_step_id: 1,
        },
      ],
      next_id: 4,
    }, 9),
    ...diary(),
    'alongside.appointments': envelope('appointments', {
      appointments: [
        {
          id: 1, kind: 'group', with: 'Tuesday walking group', date: '2026-09-15', time: 630, minutes: 60,
          place: 'Park gates, Mill Lane', bring: 'Water and a coat', questions: [],
          repeat: { weeks: 1, until: '2027-03-30' }, reminders: [{ day_before: 1080 }], cancelled: false,
          changes: [
            { due: '2026-11-24', cancelled: true, asked: true },
            { due: '2026-12-01', notes: 'Did the short route. Felt fine.', asked: true },
          ],
          sequence: 2,
        },
        {
          id: 2, kind: 'gp', with: 'Dr Okafor', date: '2026-12-10', time: 870, minutes: 15,
          place: 'Mill Lane Surgery', bring: 'My blood sugar readings', questions: ['Can I change my inhaler?'],
          repeat: null, reminders: [{ before: 60 }], cancelled: false, changes: [], sequence: 1,
        },
        {
          id: 3, kind: 'nurse', with: 'Practice nurse', date: '2026-12-17', time: 570, minutes: 20,
          place: 'Mill Lane Surgery', bring: null, questions: [], repeat: null, reminders: [],
          cancelled: false, changes: [], sequence: 1,
        },
        {
          id: 4, kind: 'link_worker', with: 'Priya', date: '2026-12-22', time: 660, minutes: 45,
          place: 'Community centre', bring: null, questions: [], repeat: null, reminders: [],
          cancelled: false, changes: [], sequence: 1,
        },
      ],
      next_id: 5,
    }),
    'alongside.wellbeing': envelope('wellbeing', {
      checkins: [
        { date: '2026-09-12', answers: [4, 5, 3, 8] },
        { date: '2026-10-20', answers: [5, 5, 4, 6] },
        { date: '2026-12-01', answers: [7, 6, null, 3] },
      ],
      draft: null, rhythm: { every: 4 }, quiet_until: null,
    }),
    'alongside.talk': envelope('talk', {
      items: [
        { id: 1, text: 'Help with a blue badge form', added_on: '2026-11-19' },
        { id: 2, text: 'The walking group is moving to Wednesdays', added_on: '2026-12-02' },
      ],
      next_id: 3,
    }),
    'alongside.shares': envelope('shares', {
      entries: [
        { at: '2026-10-20T10:30:00Z', from: '2026-09-20', to: '2026-10-20', way: 'screen', protected: false },
        { at: '2026-11-17T14:05:00Z', from: '2026-10-21', to: '2026-11-17', way: 'link', protected: true },
        { at: '2026-12-01T09:45:00Z', from: '2026-11-18', to: '2026-12-01', way: 'print', protected: false },
      ],
    }),
  };
}

/** Fixes the clock at [`RECORD_NOW`], stores `records` (the realistic
 *  record unless given) in place of anything stored, and opens `path`. */
export async function seedRecord(page, path = '/', records = realisticRecord()) {
  await page.clock.setFixedTime(RECORD_NOW);
  await page.goto('/no-such-page');
  await page.evaluate((all) => new Promise((resolve) => {
    // The durable copy too (see forgetDurable in helpers.js).
    const req = indexedDB.deleteDatabase('alongside');
    req.onsuccess = req.onerror = () => resolve();
  }).then(() => {
    localStorage.clear();
    for (const [k, v] of Object.entries(all)) localStorage.setItem(k, v);
  }), records);
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}
