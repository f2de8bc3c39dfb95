// A tiny zero-dependency static server for the built app (dist/), mounted
// under a sub-path (/app/ by default) to prove the bundle uses relative URLs.
// Everything outside the mount point is a 404. Binds 127.0.0.1 on a free port.
//
// Also runnable by hand:  node tests/e2e/server.mjs [DIR] [PORT]

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

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

/**
 * Serve `dir` under `base`. Resolves to { url, origin, port, requests, close() }:
 * `url` is the app's address (ending in base), `requests` lists every request
 * the server saw as { method, path, status }.
 */
export async function startServer({ dir = DIST, base = '/app/', port = 0 } = {}) {
  if (!base.startsWith('/') || !base.endsWith('/')) throw new Error(`base must start and end with '/': ${base}`);
  const root = resolve(dir);
  try {
    await stat(join(root, 'index.html'));
  } catch {
    throw new Error(`${join(root, 'index.html')} is missing: run \`trunk build --release\` first`);
  }
  const requests = [];

  const server = createServer(async (req, res) => {
    const send = (status, body, headers = {}) => {
      requests.push({ method: req.method, path: req.url, status });
      res.writeHead(status, { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed\n', { Allow: 'GET, HEAD' });
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      if (path === base.slice(0, -1)) return send(301, '', { Location: base });
      if (!path.startsWith(base)) return send(404, 'not found\n', { 'Content-Type': 'text/plain' });
      let rel = path.slice(base.length);
      if (rel === '' || rel.endsWith('/')) rel += 'index.html';
      const file = resolve(root, rel);
      if (file !== root && !file.startsWith(root + sep)) return send(404, 'not found\n', { 'Content-Type': 'text/plain' });
      const info = await stat(file).catch(() => null);
      if (!info || !info.isFile()) return send(404, 'not found\n', { 'Content-Type': 'text/plain' });
      const type = MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
      return send(200, await readFile(file), { 'Content-Type': type, 'Content-Length': info.size });
    } catch (err) {
      return send(500, `${err}\n`, { 'Content-Type': 'text/plain' });
    }
  });

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
