// A tiny zero-dependency static server for the built app (dist/), mounted
// under a sub-path (/app/ by default) to prove the bundle uses relative URLs.
// Everything outside the mount point is a 404. Binds 127.0.0.1 on a free port.
// It serves dist/ the way the README asks a host to: the precompressed .br or
// .gz twin when the request accepts it (Content-Encoding, Vary), a year of
// immutable caching for content-hashed files and revalidation for the page
// (.ci/hosting.mjs has the rules), and the headers of dist/_headers (every
// response's, and the page's own `Link` preloads).
//
// Also runnable by hand:  node tests/e2e/server.mjs [DIR] [PORT]

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { basename, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENCODINGS, cacheControl } from '../../.ci/hosting.mjs';

export const REPO = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const DIST = join(REPO, 'dist');

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** The encodings a request's Accept-Encoding allows (q=0 refuses one; `*` allows any). */
function accepted(header = '') {
  const ok = new Set();
  const refused = new Set();
  for (const part of header.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';').map((x) => x.trim());
    if (!name) continue;
    const q = params.find((p) => p.startsWith('q='));
    (q && Number(q.slice(2)) === 0 ? refused : ok).add(name);
  }
  return (enc) => !refused.has(enc) && (ok.has(enc) || (ok.has('*') && !refused.has('*')));
}

/**
 * dist/_headers as the hosts that read it apply it: its `/*` block on every
 * response, and the page's own blocks (`/`, `/index.html`: the `Link`
 * preloads) on the page. Returns { site, page: Map(path → headers) }; a
 * block's Cache-Control is the server's own rule (`cacheControl`, the same).
 */
async function hostHeaders(root) {
  const text = await readFile(join(root, '_headers'), 'utf8').catch(() => '');
  const site = {};
  const page = new Map();
  let block = null;
  for (const line of text.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const path = line.trim();
      block = path === '/*' ? site : path === '/' || path === '/index.html' ? {} : null;
      if (block && path !== '/*') page.set(path, block);
    } else if (block) {
      const at = line.indexOf(':');
      const name = line.slice(0, at).trim();
      if (name !== 'Cache-Control') block[name] = line.slice(at + 1).trim();
    }
  }
  return { site, page };
}

/**
 * Serve `dir` under `base`. Resolves to { url, origin, port, requests, close() }:
 * `url` is the app's address (ending in base), `requests` lists every request
 * the server saw as { method, path, status, encoding }. `precompressed: false`
 * serves every file as it is (a host that compresses nothing).
 */
export async function startServer({ dir = DIST, base = '/app/', port = 0, precompressed = true } = {}) {
  if (!base.startsWith('/') || !base.endsWith('/')) throw new Error(`base must start and end with '/': ${base}`);
  const root = resolve(dir);
  try {
    await stat(join(root, 'index.html'));
  } catch {
    throw new Error(`${join(root, 'index.html')} is missing: run \`trunk build --release\` first`);
  }
  const requests = [];
  const { site, page } = await hostHeaders(root);

  const server = createServer(async (req, res) => {
    const send = (status, body, headers = {}) => {
      requests.push({ method: req.method, path: req.url, status, encoding: headers['Content-Encoding'] ?? null });
      res.writeHead(status, { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed\n', { Allow: 'GET, HEAD' });
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      if (path === base.slice(0, -1)) return send(301, '', { Location: base });
      if (!path.startsWith(base)) return send(404, 'not found\n', { 'Content-Type': 'text/plain' });
      let rel = path.slice(base.length);
      // The page's own headers: `/` for the directory, `/index.html` by name.
      const own = rel === '' ? page.get('/') : rel === 'index.html' ? page.get('/index.html') : undefined;
      if (rel === '' || rel.endsWith('/')) rel += 'index.html';
      const file = resolve(root, rel);
      if (file !== root && !file.startsWith(root + sep)) return send(404, 'not found\n', { 'Content-Type': 'text/plain' });
      const info = await stat(file).catch(() => null);
      // _headers configures the host; the hosts that read it never serve it.
      if (!info || !info.isFile() || basename(file) === '_headers') return send(404, 'not found\n', { 'Content-Type': 'text/plain' });
      const type = MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
      const headers = { ...site, ...own, 'Content-Type': type, 'Cache-Control': cacheControl(basename(file)) };
      const twins = precompressed ? await existingTwins(file) : [];
      if (twins.length) headers.Vary = 'Accept-Encoding';
      const twin = twins.find((t) => accepted(req.headers['accept-encoding'])(t.name));
      if (twin) {
        Object.assign(headers, { 'Content-Encoding': twin.name, 'Content-Length': twin.size });
        return send(200, await readFile(file + twin.ext), headers);
      }
      return send(200, await readFile(file), { ...headers, 'Content-Length': info.size });
    } catch (err) {
      return send(500, `${err}\n`, { 'Content-Type': 'text/plain' });
    }
  });

  async function existingTwins(file) {
    const found = [];
    for (const enc of ENCODINGS) {
      const info = await stat(file + enc.ext).catch(() => null);
      if (info?.isFile()) found.push({ ...enc, size: info.size });
    }
    return found;
  }

  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', ok);
  });
  const { port: bound } = server.address();
  const origin = `http://127.0.0.1:${bound}`;
  return {
    url: origin + base,
    origin,
    port: bound,
    requests,
    close: () =>
      new Promise((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const s = await startServer({ dir: process.argv[2] ?? DIST, port: Number(process.argv[3] ?? 0) });
  console.log(`serving ${process.argv[2] ?? DIST} at ${s.url}  (Ctrl-C to stop)`);
}
