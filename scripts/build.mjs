// Builds Alongside into dist/, split into chunks so a first visit fetches
// only the shell and its first page:
//
//   node scripts/build.mjs [--dev]     (scripts/build.sh runs it)
//
// 1. cargo builds the app for wasm32 (with the linker's relocations kept,
//    see .cargo/config.toml); --dev skips optimisation.
// 2. wasm-split-cli cuts it at the `lazy_page!` split points
//    (src/app/routes.rs) into the main module, one chunk per group of
//    pages, and shared chunks, with __wasm_split.js to fetch them.
// 3. wasm-bindgen makes app.js for the main module; wasm-opt shrinks
//    every module (release only).
// 4. Everything the app is made of goes into one folder named by the
//    build's version (app-<hash>/), so files of two builds never mix and
//    may be cached for ever; the stylesheet and start-up script are named
//    by their content. index.html, sw.js (the service worker, with this
//    build's file list) and the public files go beside them.
// 5. Every text and wasm file gets a .gz and a .br beside it, for hosts
//    that serve them as they are (scripts/serve.mjs does).
//
// Nothing is downloaded: the tools are installed by scripts/setup.sh.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync,
} from 'node:fs';
import { join, relative, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { CHUNKS, ROUTES } from './routes.mjs';

const dev = process.argv.includes('--dev');
const DIST = 'dist';
const WORK = 'target/split';
const WASM_OPT_FEATURES = [
  '--enable-bulk-memory',
  '--enable-nontrapping-float-to-int',
  '--enable-reference-types',
  '--enable-sign-ext',
];

const say = (message) => console.log(`==> build: ${message}`);
const run = (command, args) => execFileSync(command, args, { stdio: 'inherit' });
const sha = (data) => createHash('sha256').update(data).digest('hex');

/** Every file below `dir`, as paths, in a stable order. */
function filesIn(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesIn(path));
    else out.push(path);
  }
  return out;
}

// 1. The app. The release build also builds the standard library with
// panics that stop at once, without formatting a message: it makes every
// file about 8% smaller, and a release build stops on a panic anyway.
// That needs two of cargo's unstable switches (rust-src is installed by
// scripts/setup.sh); RUSTC_BOOTSTRAP=1 allows them on stable Rust.
say(`cargo build (${dev ? 'debug' : 'release'})`);
const TARGET_DIR = process.env.CARGO_TARGET_DIR ?? 'target';
const release = {
  ...process.env,
  RUSTC_BOOTSTRAP: '1',
  CARGO_UNSTABLE_BUILD_STD: 'std,panic_abort',
  // Replaces the rustflags of .cargo/config.toml: keep them here too.
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS: '--cfg erase_components -Clink-args=--emit-relocs -Zunstable-options -Cpanic=immediate-abort',
};
execFileSync('cargo', [
  'build', '--target', 'wasm32-unknown-unknown', '--bin', 'alongside',
  // The standard library's own build goes in its own folder, so the
  // ordinary builds (tests, clippy) never rebuild it or the app.
  ...(dev ? [] : ['--release', '--target-dir', `${TARGET_DIR}/split-std`]),
], { stdio: 'inherit', env: dev ? process.env : release });
const input = dev
  ? `${TARGET_DIR}/wasm32-unknown-unknown/debug/alongside.wasm`
  : `${TARGET_DIR}/split-std/wasm32-unknown-unknown/release/alongside.wasm`;

// 2. The split.
say('wasm-split-cli');
rmSync(WORK, { recursive: true, force: true });
mkdirSync(WORK, { recursive: true });
run('wasm-split-cli', [input, WORK, '--out-name', 'app']);

// 3. The main module's JavaScript, and smaller modules.
say('wasm-bindgen');
run('wasm-bindgen', [join(WORK, 'app.wasm'), '--target', 'web', '--keep-lld-exports', '--no-demangle', '--out-dir', WORK, '--out-name', 'app']);
for (const name of readdirSync(WORK)) {
  if (name === 'app.wasm' || name.endsWith('.d.ts')) rmSync(join(WORK, name));
}
const modules = readdirSync(WORK).filter((name) => name.endsWith('.wasm')).sort();
if (!dev) {
  say(`wasm-opt on ${modules.length} modules`);
  for (const name of modules) {
    const path = join(WORK, name);
    run('wasm-opt', ['-Oz', '--strip-debug', '--strip-producers', ...WASM_OPT_FEATURES, path, '-o', path]);
  }
}

// Which files each chunk needs: its own and the shared ones it depends
// on, as __wasm_split.js fetches them.
const loader = readFileSync(join(WORK, '__wasm_split.js'), 'utf8');
const own = new Map();
const deps = new Map();
// A chunk of pages: `export const __wasm_split_load_<name> = ...`; a
// shared chunk: `const __chunk_<n> = ...`. Each names its file and, last,
// the shared chunks it needs.
const loaders = /(?:export const __wasm_split_load_(\w+)|const __(chunk_\d+)) = (?:wrapAsyncCb\()?makeLoad\(\(\) => \{[\s\S]*?new URL\("\.\/([\w.-]+\.wasm)"[\s\S]*?\}\s*,\s*\[([^\]]*)\]\)/g;
for (const [, page, chunk, file, list] of loader.matchAll(loaders)) {
  const name = page ?? chunk;
  own.set(name, file);
  deps.set(name, list.split(',').map((d) => d.trim().replace(/^__/, '')).filter(Boolean));
}
const filesOf = (name, seen = new Set()) => {
  if (seen.has(name)) return [];
  seen.add(name);
  return [own.get(name), ...(deps.get(name) ?? []).flatMap((d) => filesOf(d, seen))].filter(Boolean);
};
const split = [...own.keys()].filter((name) => !name.startsWith('chunk_'));
const unknown = split.filter((name) => !CHUNKS.includes(name));
const missing = CHUNKS.filter((name) => !split.includes(name));
if (unknown.length || missing.length) {
  console.error(`build: the chunks in scripts/routes.mjs and src/app/routes.rs differ (not listed: ${unknown.join(', ') || 'none'}; not built: ${missing.join(', ') || 'none'})`);
  process.exit(1);
}
const FILES = Object.fromEntries(CHUNKS.map((name) => [name, [...new Set(filesOf(name))]]));

// 4. dist/.
const version = sha(filesIn(WORK).map((path) => `${relative(WORK, path)}\0${sha(readFileSync(path))}`).join('\n')).slice(0, 16);
const APP_DIR = `app-${version}`;
rmSync(DIST, { recursive: true, force: true });
mkdirSync(DIST, { recursive: true });
cpSync(WORK, join(DIST, APP_DIR), { recursive: true });
cpSync('public', DIST, { recursive: true });

// The stylesheet without its comments and indentation (a quarter fewer
// bytes after gzip, on every first visit). Only whitespace and comments
// go: no rule, selector or value is rewritten, so what the browser
// applies is exactly the source.
const css = readFileSync('style/main.css', 'utf8')
  .replace(/\/\*[\s\S]*?\*\//g, '')
  .replace(/\s+/g, ' ')
  .replace(/\s*([{};,>])\s*/g, '$1')
  .trim();
const cssName = `main-${sha(css).slice(0, 16)}.css`;
writeFileSync(join(DIST, cssName), css);

const boot = readFileSync('scripts/boot.js', 'utf8')
  .replace('__APP__', `/${APP_DIR}/`)
  .replace('__FILES__', JSON.stringify(FILES))
  .replace('__ROUTES__', JSON.stringify(ROUTES));
const bootName = `boot-${sha(boot).slice(0, 16)}.js`;
writeFileSync(join(DIST, bootName), boot);

const html = readFileSync('index.html', 'utf8')
  .replace('__STYLESHEET__', cssName)
  .replace('__BOOT__', bootName);
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) {
  console.error('build: index.html has an inline script, which the Content Security Policy forbids.');
  process.exit(1);
}
writeFileSync(join(DIST, 'index.html'), html);

// The service worker: every file but itself, and a version made from all
// of them and its own code, so every build has a cache of its own.
// (Not the manifest's screenshots: only a browser's install dialog asks
// for them, online.)
const urls = filesIn(DIST)
  .map((path) => '/' + relative(DIST, path).split(sep).join('/'))
  .filter((url) => !url.startsWith('/screenshots/'));
const template = readFileSync('sw/sw.js', 'utf8');
const swVersion = sha(['sw.js\0' + sha(template), ...urls.map((url) => url + '\0' + sha(readFileSync(join(DIST, url))))].join('\n')).slice(0, 16);
writeFileSync(join(DIST, 'sw.js'), template.replace('__VERSION__', swVersion).replace('__PRECACHE__', JSON.stringify(urls, null, 2)));

// 5. Compressed copies.
const TEXT = /\.(html|js|css|wasm|webmanifest|json|svg|txt)$/;
let compressed = 0;
for (const path of filesIn(DIST).filter((p) => TEXT.test(p))) {
  const data = readFileSync(path);
  writeFileSync(path + '.gz', gzipSync(data, { level: 9 }));
  writeFileSync(path + '.br', brotliCompressSync(data, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: dev ? 5 : 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  }));
  compressed += 1;
}

// For the size report and the tests (not deployed).
writeFileSync('target/build-manifest.json', JSON.stringify({ version, app: APP_DIR, css: cssName, boot: bootName, files: FILES, sw: swVersion }, null, 2));
const chunkFiles = modules.length - 1;
say(`dist/${APP_DIR}: the main module and ${chunkFiles} chunks (${split.length} of pages, ${chunkFiles - split.length} shared); sw.js version ${swVersion} precaching ${urls.length} files; ${compressed} files compressed`);
if (!existsSync(join(DIST, APP_DIR, 'app_bg.wasm'))) process.exit(1);
