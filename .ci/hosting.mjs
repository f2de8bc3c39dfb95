// How dist/ is meant to be served, in one place: which files are
// content-hashed (cache them for a year), which get precompressed twins, the
// _headers file for hosts that read one (Netlify, Cloudflare Pages), and the
// precompression itself. Used by the post-build hook (.ci/post-build.mjs), the
// test server (tests/e2e/server.mjs) and the size report.

import { readdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

/** Trunk's filehash names (`main-3e080240b2be610e.css`, `xieshang-…_bg.wasm`; its hex is not zero-padded): the content never changes under one name. */
export const HASHED_NAME = /-[0-9a-f]{8,16}(?:_bg)?\.[a-z0-9]+$/;
export const CACHE_IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html (and anything unhashed) is revalidated on every load, so a new build is picked up at once. */
export const CACHE_REVALIDATE = 'no-cache';

export const cacheControl = (name) => (HASHED_NAME.test(name) ? CACHE_IMMUTABLE : CACHE_REVALIDATE);

/** Files that get `.br` and `.gz` twins: every text-like asset the page loads. */
export const PRECOMPRESS = /\.(?:wasm|js|mjs|css|html|svg|json|webmanifest)$/;
/** Twins in order of preference; `ext` is appended to the file name. */
export const ENCODINGS = [
  { name: 'br', ext: '.br' },
  { name: 'gzip', ext: '.gz' },
];

/**
 * Brotli q11 with the input block size (lgblock) that compresses `buf`
 * smallest: the encoder's own choice (0) and 16–24 are tried. The same
 * main wasm came out 1.1 KB apart between lgblock values, and which one
 * won moved from build to build (wave 13) — the "±1.9 KB wobble" of every
 * earlier figure. lgblock only guides the encoder: any brotli decoder reads
 * the result.
 */
export const brotli = (buf) => {
  let best;
  for (const lgblock of [0, 16, 18, 20, 22, 24]) {
    const out = brotliCompressSync(buf, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_GENERIC,
        [constants.BROTLI_PARAM_LGBLOCK]: lgblock,
      },
    });
    if (!best || out.length < best.length) best = out;
  }
  return best;
};
export const gzip = (buf) => gzipSync(buf, { level: constants.Z_BEST_COMPRESSION });

/** Top-level files of `dir` that are neither twins nor hidden (Trunk's .stage). */
export function servedFiles(dir) {
  return readdirSync(dir).filter(
    (f) => !f.startsWith('.') && !ENCODINGS.some((e) => f.endsWith(e.ext)) && statSync(join(dir, f)).isFile(),
  );
}

/**
 * Write NAME.br and NAME.gz next to every precompressible file of `dir`
 * (brotli q11, gzip -9), unless the twin would not be smaller. Returns the
 * twins written as [{ file, encoding, raw, size }].
 */
export function precompress(dir) {
  const written = [];
  for (const file of servedFiles(dir).filter((f) => PRECOMPRESS.test(f))) {
    const raw = readFileSync(join(dir, file));
    for (const [enc, compress] of [[ENCODINGS[0], brotli], [ENCODINGS[1], gzip]]) {
      const packed = compress(raw);
      if (packed.length >= raw.length) continue;
      writeFileSync(join(dir, file + enc.ext), packed);
      written.push({ file, encoding: enc.name, raw: raw.length, size: packed.length });
    }
  }
  return written;
}

/**
 * The headers a <meta> cannot send, for hosts that read a `_headers` file:
 * the page's own CSP plus frame-ancestors (no framing: "erase everything" is
 * two clicks), nosniff, and cache lifetimes (a year for hashed files,
 * revalidate the page), and for the page itself (`/`, `/index.html`) a
 * `Link` header preloading what index.html preloads (`preloadLinks`): the
 * downloads start when the page's headers arrive, before its HTML is parsed.
 * Paths assume dist/ is the site root; under a sub-path, prefix them
 * (README, Hosting).
 */
export function headersFile(dir, csp) {
  const link = preloadLinks(readFileSync(join(dir, 'index.html'), 'utf8'));
  const lines = [
    '# Written by .ci/post-build.mjs at build time: the CSP is index.html\'s own policy',
    '# (with its script hash) plus what a <meta> cannot say. See README, "Hosting".',
    '/*',
    `  Content-Security-Policy: ${csp.replace(/;\s*$/, '')}; frame-ancestors 'none'`,
    '  X-Frame-Options: DENY',
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: no-referrer',
    '/',
    `  Cache-Control: ${CACHE_REVALIDATE}`,
    `  Link: ${link}`,
  ];
  for (const file of servedFiles(dir).filter((f) => f !== '_headers').sort()) {
    lines.push(`/${file}`, `  Cache-Control: ${cacheControl(file)}`);
    if (file === 'index.html') lines.push(`  Link: ${link}`);
  }
  return lines.join('\n') + '\n';
}

/**
 * index.html's preloads of the app's code as one `Link` header value: the
 * JS modules (`rel=modulepreload`) and the main wasm (`rel=preload; as=fetch;
 * crossorigin`, as the loader fetches it). Relative URLs, resolved against
 * the page's own address (any sub-path). Throws if the page preloads no wasm.
 */
export function preloadLinks(html) {
  const links = html.match(/<link\b[^>]*>/g) ?? [];
  const href = (l) => /\bhref="?\.\/([^"\s>]+)"?/.exec(l)?.[1];
  const rel = (l) => /\brel="?([a-z]+)"?/.exec(l)?.[1];
  const modules = links.filter((l) => rel(l) === 'modulepreload').map(href).filter(Boolean);
  const wasm = links.filter((l) => rel(l) === 'preload' && /_bg\.wasm\b/.test(l)).map(href).filter(Boolean);
  if (wasm.length !== 1) throw new Error(`hosting: index.html preloads ${wasm.length} main wasm files, expected 1`);
  return [...modules.map((m) => `<./${m}>; rel=modulepreload`), `<./${wasm[0]}>; rel=preload; as=fetch; crossorigin`].join(', ');
}
