// Size report: gzip and brotli bytes of the release build's html, css, js
// and wasm (what a phone downloads on first visit), against the budget.
//   node scripts/size-report.mjs [dist] [budget-kb-gzip=150]
import { readdirSync, readFileSync } from 'node:fs';
import { join, extname } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const dist = process.argv[2] ?? 'dist';
const budget = Number(process.argv[3] ?? 150) * 1000;
const kinds = ['.html', '.css', '.js', '.wasm'];
const rows = [];
for (const name of readdirSync(dist).sort()) {
  if (!kinds.includes(extname(name))) continue;
  const data = readFileSync(join(dist, name));
  rows.push({
    name,
    raw: data.length,
    gzip: gzipSync(data, { level: 9 }).length,
    brotli: brotliCompressSync(data, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
    }).length,
  });
}
const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
const pad = (v, n) => String(v).padStart(n);
console.log(`${'file'.padEnd(40)} ${pad('raw', 9)} ${pad('gzip', 9)} ${pad('brotli', 9)}`);
for (const r of [...rows, { name: 'total', ...total }]) {
  console.log(`${r.name.padEnd(40)} ${pad(r.raw, 9)} ${pad(r.gzip, 9)} ${pad(r.brotli, 9)}`);
}
const within = total.gzip <= budget;
console.log(`budget: ${total.gzip} of ${budget} bytes gzip (${within ? 'within' : 'OVER'} budget)`);
process.exitCode = within ? 0 : 1;
