// A small static server for dist/, with the headers Alongside needs. Used
// by `scripts/serve.sh` and by the browser tests; a real deployment can use
// any static host configured the same way (see README, "Deploying").
//
//   node scripts/serve.mjs [root=dist] [host=127.0.0.1] [port=8080]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** The Content Security Policy, as a header (the page also carries it in a
 *  meta tag, for hosts that cannot set headers). */
export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

// scripts/build.mjs names files by their content (main-62b7…1eebc73.css,
// boot-…js) or puts them in a folder named by the build (app-…/).
const HASHED = /(^|\/)app-[0-9a-f]{16}\/|-[0-9a-f]{16}\.(js|css)$/;

/** The encodings the client accepts that we have a copy in, best first. */
function encodings(header = '') {
  const accepted = header.split(',').map((part) => {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return [name.trim().toLowerCase(), q ? Number(q.slice(2)) : 1];
  });
  const ok = (name) => accepted.some(([n, q]) => (n === name || n === '*') && q > 0);
  return [['br', '.br'], ['gzip', '.gz']].filter(([name]) => ok(name));
}

function headersFor(path, url) {
  return {
    'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream',
    // Files named by content never change; everything else must be checked
    // each time so a new build (and its service worker) is found.
    'Cache-Control': HASHED.test(url) ? 'public, max-age=31536000, immutable' : 'no-cache',
    // The same address gives a compressed or a plain copy by what the
    // browser accepts: caches must keep them apart.
    'Vary': 'Accept-Encoding',
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
  };
}

/** Starts a server for `root`; resolves to the Node server once listening. */
export function startServer({ root = 'dist', host = '127.0.0.1', port = 8080 } = {}) {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    let file = normalize(join(base, path));
    if (file !== base && !file.startsWith(base + sep)) {
      res.writeHead(404).end();
      return;
    }
    let info = await stat(file).catch(() => null);
    if (info?.isDirectory()) {
      file = join(file, 'index.html');
      info = await stat(file).catch(() => null);
    }
    if (!info && extname(path) === '') {
      // An app route such as /goals: the app's shell handles it.
      file = join(base, 'index.html');
      info = await stat(file).catch(() => null);
    }
    if (!info) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    // A precompressed copy (made by scripts/build.mjs) if the browser takes it.
    let served = file;
    let encoding = null;
    for (const [name, ext] of encodings(req.headers['accept-encoding'])) {
      if (await stat(file + ext).catch(() => null)) {
        served = file + ext;
        encoding = name;
        break;
      }
    }
    let body;
    try {
      body = await readFile(served);
    } catch {
      res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Could not read the file');
      return;
    }
    const headers = { ...headersFor(file, '/' + relative(base, file).split(sep).join('/')), 'Content-Length': body.length };
    if (encoding) headers['Content-Encoding'] = encoding;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok(server));
  });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [root = 'dist', host = '127.0.0.1', port = '8080'] = process.argv.slice(2);
  startServer({ root, host, port: Number(port) }).then(() => {
    console.log(`Alongside is running at http://${host}:${port}/ (press Ctrl+C to stop)`);
  }, (err) => {
    console.error(`Could not start the server: ${err.message}`);
    process.exit(1);
  });
}
