// A client record with known facts, for the tests that what the app shows
// is true (issue 21): Joan began on Mon 2 November 2026 and is looked at on
// Thu 10 December (RECORD_NOW). Her record has
// - a goal done on Wed 18 November, and one being worked on;
// - a measure not recorded for four weeks: reliever puffs, last on Tue 10
//   November;
// - mood that fell: Good (4) every day to 29 November, Low (2) after;
// - a weekly walking group from Tue 3 November (6 by now: 10 November went
//   ahead, 17 November cancelled, 1 December did not go ahead, the others
//   not recorded), and a GP visit on Fri 20 November with nothing recorded;
// - peak flow readings of 360 and 361, so a chart's value axis must not
//   make a change of 1 L/min look like a cliff;
// - no share yet, so Share starts with "The last 3 months", which must
//   start on the day her record does.
import { diaryRecords } from './record.js';

export { RECORD_NOW } from './record.js';

const envelope = (kind, data, { rev = 2, schema = 1 } = {}) => JSON.stringify({
  app: 'alongside', kind, schema, rev, saved_at: '2026-12-09T18:00:00.000Z', data,
});

const iso = (d) => d.toISOString().slice(0, 10);
const addDays = (d, n) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + n));

/** Her diary, 2 November to 9 December, one key a month, and the index. */
function diary() {
  const months = new Map();
  for (let d = new Date(Date.UTC(2026, 10, 2)); d <= new Date(Date.UTC(2026, 11, 9)); d = addDays(d, 1)) {
    const date = iso(d);
    const readings = [
      { m: 'mood', v: date <= '2026-11-29' ? 4 : 2 },
      { m: 'peak_flow', t: 540, v: d.getUTCDate() % 2 ? 360 : 361 },
    ];
    if (date <= '2026-11-10') readings.push({ m: 'reliever', v: 6 });
    const code = date.slice(0, 7);
    if (!months.has(code)) months.set(code, []);
    months.get(code).push({ date, readings });
  }
  const records = diaryRecords(months);
  records['alongside.diary.settings'] = envelope('diary_settings', { own: [], hidden: ['sleep'], next_own: 1 });
  return records;
}

/** Every stored value of Joan's record, by key. */
export function knownRecord() {
  return {
    'alongside.profile': JSON.stringify({
      app: 'alongside', kind: 'profile', schema: 2, rev: 1, saved_at: '2026-11-02T09:00:00.000Z',
      data: {
        preferred_name: 'Joan',
        conditions: [{ listed: 'asthma' }],
        link_worker: { name: 'Priya', contact: '01234 567890' },
        what_matters: 'Singing in the choir again',
      },
    }),
    'alongside.goals': envelope('goals', {
      goals: [
        {
          id: 1, text: 'Sing one song without stopping', why: null, target: null, conditions: [],
          steps: [{ id: 1, text: 'Hum along to the radio', done_on: '2026-11-12' }],
          ratings: [{ on: '2026-11-02', value: 3 }, { on: '2026-12-01', value: 5 }], notes: [],
          status: 'working_on_it', status_changes: [], created_on: '2026-11-02', next_step_id: 2,
        },
        {
          id: 2, text: 'Go to the Tuesday walking group', why: null, target: null, conditions: [],
          steps: [], ratings: [], notes: [],
          status: 'done', status_changes: [{ on: '2026-11-18', status: 'done' }], created_on: '2026-11-02', next_step_id: 1,
        },
      ],
      next_id: 3,
    }),
    ...diary(),
    'alongside.appointments': envelope('appointments', {
      appointments: [
        {
          id: 1, kind: 'group', with: 'Tuesday walking group', date: '2026-11-03', time: 630, minutes: 60,
          place: 'Park gates', bring: null, questions: [],
          repeat: { weeks: 1, until: '2027-03-30' }, reminders: [], cancelled: false,
          changes: [
            { due: '2026-11-10', cancelled: false, asked: true, went: 'ahead' },
            { due: '2026-11-17', cancelled: true, asked: true },
            { due: '2026-12-01', cancelled: false, asked: true, went: 'not_ahead' },
          ],
          sequence: 1,
        },
        {
          id: 2, kind: 'gp', with: 'Dr Okafor', date: '2026-11-20', time: 870, minutes: 15,
          place: null, bring: null, questions: [], repeat: null, reminders: [], cancelled: false,
          changes: [{ due: '2026-11-20', cancelled: false, asked: true }], sequence: 1,
        },
      ],
      next_id: 3,
    }, { schema: 2 }),
    'alongside.wellbeing': envelope('wellbeing', {
      checkins: [
        { date: '2026-11-02', answers: [4, 5, 3, 8] },
        { date: '2026-12-01', answers: [6, 6, 5, 4] },
      ],
      draft: null, rhythm: { every: 4 }, quiet_until: null,
    }),
  };
}
