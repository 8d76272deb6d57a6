// Trunk post_build hook (see Trunk.toml). Runs in the staging folder
// before it becomes dist/:
// 1. Moves Trunk's inline start-up <script> into a hashed file, so the
//    Content Security Policy allows no inline script at all.
// 2. Writes sw.js from sw/sw.js with this build's file list and a version
//    made from the files' contents.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('post-build: TRUNK_STAGING_DIR is not set; run this from Trunk.');
  process.exit(1);
}
const sha = (data) => createHash('sha256').update(data).digest('hex');

// 1. The start-up script.
const indexPath = join(staging, 'index.html');
let html = readFileSync(indexPath, 'utf8');
const inline = /<script type=["']?module["']?>([\s\S]*?)<\/script>/;
const found = html.match(inline);
if (!found) {
  console.error('post-build: no inline start-up script found in index.html.');
  process.exit(1);
}
const boot = found[1].trim() + '\n';
const bootName = `boot-${sha(boot).slice(0, 16)}.js`;
writeFileSync(join(staging, bootName), boot);
html = html.replace(inline, `<script type="module" src="/${bootName}"></script>`);
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) {
  console.error('post-build: index.html still has an inline script.');
  process.exit(1);
}
writeFileSync(indexPath, html);

// 2. The service worker.
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else files.push(path);
  }
};
walk(staging);
const urls = files
  .map((path) => '/' + relative(staging, path).split(sep).join('/'))
  .filter((url) => url !== '/sw.js');
// The worker's own code is part of the version too: a release that changes
// only sw/sw.js must still get a cache of its own.
const template = readFileSync('sw/sw.js', 'utf8');
const version = sha(['sw.js\0' + sha(template), ...urls.map((url) => url + '\0' + sha(readFileSync(join(staging, url))))].join('\n')).slice(0, 16);
const sw = template
  .replace('__VERSION__', version)
  .replace('__PRECACHE__', JSON.stringify(urls, null, 2));
writeFileSync(join(staging, 'sw.js'), sw);
console.log(`post-build: ${bootName}, sw.js version ${version} precaching ${urls.length} files`);
