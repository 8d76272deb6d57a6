// Size report of the release build in dist/: for each page a visit can
// start on, the files it fetches before that page is drawn (the page, the
// stylesheet, the start-up script, the app's main module and the chunks
// of that page) and their gzip and brotli bytes as the server sends them;
// then every chunk. The budget is for the first screen of / (a new
// client's welcome) and of /review.
//   node scripts/size-report.mjs [budget-kb-gzip=200]
import { readFileSync, statSync } from 'node:fs';
import { ROUTES } from './routes.mjs';

const budget = Number(process.argv[2] ?? 200) * 1000;
const manifest = JSON.parse(readFileSync('target/build-manifest.json', 'utf8'));
const size = (path, ext) => statSync(`dist/${path}${ext}`).size;
const raw = (path) => statSync(`dist/${path}`).size;
const app = (file) => `${manifest.app}/${file}`;
const shell = ['index.html', manifest.css, manifest.boot, app('app.js'), app('__wasm_split.js'), app('app_bg.wasm')];

const pad = (v, n) => String(v).padStart(n);
const row = (name, files) => {
  const sum = (f) => files.reduce((t, p) => t + f(p), 0);
  return { name, files: files.length, wasm: files.filter((f) => f.endsWith('.wasm')).length, raw: sum(raw), gzip: sum((p) => size(p, '.gz')), brotli: sum((p) => size(p, '.br')) };
};
const print = (r) => console.log(`${r.name.padEnd(34)} ${pad(r.files, 5)} ${pad(r.wasm, 5)} ${pad(r.raw, 9)} ${pad(r.gzip, 9)} ${pad(r.brotli, 9)}`);

console.log(`build ${manifest.version}: what a first visit fetches, by the page it starts on`);
console.log(`${'first page (chunk)'.padEnd(34)} ${pad('files', 5)} ${pad('wasm', 5)} ${pad('raw', 9)} ${pad('gzip', 9)} ${pad('brotli', 9)}`);
let worst = 0;
// A new client's first screen (the welcome), and a protected link's (its
// passphrase form), are in the main module; set-up's or the review's chunk
// follows once it is drawn, while the client reads or the link worker types.
const firstScreens = ['/ for a new client (welcome)', '/review#<a protected link>'];
const starts = [['/ for a new client (welcome)', null], ['  then set-up, while they read it', 'setup'], ['/review#<a protected link>', null], ['  then the review, while they type', 'review'], ['/review, or a plain link', 'review'], ...ROUTES.filter(([, c]) => c !== 'setup' && c !== 'review').map(([p, c]) => [`${p.replace(/[\^$]/g, '').replace('(/.*)?', '…')} (${c})`, c])];
const seen = new Set();
for (const [name, chunk] of starts) {
  if (seen.has(name)) continue;
  seen.add(name);
  const r = row(name, [...shell, ...(chunk ? manifest.files[chunk].map(app) : [])]);
  if (firstScreens.includes(name)) worst = Math.max(worst, r.gzip);
  print(r);
}
print(row('the shell alone (main module)', shell));
console.log('\nchunks (files of the main module\'s folder)');
for (const [chunk, files] of Object.entries(manifest.files)) {
  print(row(`${chunk}: its own and shared`, files.map(app)));
}
console.log(`\nbudget: the first screen of / (a new client) or /review#<a protected link> fetches ${worst} of ${budget} bytes gzip (${worst <= budget ? 'within' : 'OVER'} budget)`);
process.exitCode = worst <= budget ? 0 : 1;
