#!/usr/bin/env node
// Trunk's post_build hook, on the finished output in $TRUNK_STAGING_DIR before
// Trunk moves it to dist/. Trunk runs the hooks of one stage concurrently, so
// the steps live here, in order:
//   0. the wasm is fetched at once, compiled after the first paint (`initAfterFirstPaint`);
//   0b. one stylesheet instead of Trunk's five (`oneStylesheet`);
//   1. CSP: hash Trunk's inline loader into index.html's CSP <meta> (.ci/csp-hash.mjs);
//   1b. the lazily loaded sections: split the wasm into the main module and
//      its chunks, wasm-opt each in release (.ci/wasm-split.mjs; Trunk's own
//      wasm-opt is off);
//   2. release: every wasm piece comes out of wasm-opt with its function
//      names (`-g`): that copy is kept for tests/size-report.mjs in
//      target/wasm-names/ (the newest few), the wasm ships without them
//      (byte for byte what wasm-opt writes without `-g`);
//   3. sw.js: this build's version and file list (.ci/sw-build.mjs);
//   4. _headers for hosts that read one (the same CSP plus frame-ancestors, cache lifetimes);
//   5. release: .br and .gz twins of every text asset (.ci/hosting.mjs).
// Any failure exits non-zero and fails the build.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { hashInlineScripts } from './csp-hash.mjs';
import { headersFile, precompress } from './hosting.mjs';
import { splitWasm } from './wasm-split.mjs';

const stage = process.env.TRUNK_STAGING_DIR;
const release = process.env.TRUNK_PROFILE === 'release';
if (!stage) {
  console.error('post-build: ERROR: TRUNK_STAGING_DIR is not set (run by `trunk build`)');
  process.exit(1);
}

/** Where the named copies go, kept few: the size report reads the one matching dist/'s wasm. */
export const NAMES_DIR = resolve(process.env.CARGO_TARGET_DIR ?? 'target', 'wasm-names');
/** When this build started: named copies older than it are an earlier build's. */
const STARTED = Date.now();

/**
 * Only this build's named copies stay (it writes one per wasm piece: 52 in
 * wave 10, more than the fixed count of 32 kept before, which dropped the
 * names of some chunks from the size report).
 */
function pruneNames() {
  for (const f of readdirSync(NAMES_DIR)) {
    if (statSync(join(NAMES_DIR, f)).mtimeMs < STARTED) rmSync(join(NAMES_DIR, f));
  }
}

/**
 * index.html paints its static shell from the HTML and CSS alone (issue 13),
 * and Trunk's preload of the wasm (340 KB) starts its download at once: it
 * is the page's critical path (on Fast 3G it takes 1.7 s, and the shell's
 * first paint came ~0.3–0.8 s after the HTML; waiting for that paint before
 * fetching the wasm, as wave 8 did, delayed answering by as much, to save
 * the stylesheet a share of the bandwidth for its 5 KB). Trunk's inline
 * loader waits for the first frame to be painted (`requestAnimationFrame`
 * runs before that frame's paint, the timeout after it) before `init`
 * compiles the wasm, so the paint never waits for the compiler. The preload
 * is `fetchpriority=low` (on Fast 3G it ends as early). Known cost:
 * Lighthouse's simulation sometimes counts this 300 KB request, started
 * before the first paint, in the largest paint (simulated LCP 2.6–2.7 s
 * instead of 1.0 s in some runs, with or without `fetchpriority`; the
 * observed LCP is the shell's first paint either way). To trade back:
 * remove the preload here, as wave 8 did.
 * Fails the build if Trunk's output is not as expected.
 */
function initAfterFirstPaint(stage) {
  const html = join(stage, 'index.html');
  let page = readFileSync(html, 'utf8');
  const preload = /<link\b[^>]*\brel="?preload"?[^>]*_bg\.wasm[^>]*>|<link\b[^>]*_bg\.wasm[^>]*\brel="?preload"?[^>]*>/g;
  const init = 'const wasm = await init(';
  if ((page.match(preload) ?? []).length !== 1) throw new Error('post-build: index.html has no single preload of the wasm');
  if (page.split(init).length !== 2) throw new Error(`post-build: Trunk's inline loader has no single "${init}"`);
  page = page.replace(preload, (link) => link.replace(/^<link\b/, '<link fetchpriority="low"'));
  page = page.replace(init, `await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));\n${init}`);
  writeFileSync(html, page);
}

/**
 * The page's five stylesheets (main, drafts, kit, share, road: 6.3 KB brotli
 * together) as one file, in index.html's order: the first paint waits for
 * every stylesheet, and on HTTP/1.1 five requests queue behind the browser's
 * six connections per host with the scripts. The sections' sheets are too
 * small to be worth fetching later. Named and integrity-checked like Trunk's.
 */
function oneStylesheet(stage) {
  const html = join(stage, 'index.html');
  const page = readFileSync(html, 'utf8');
  const link = /<link\b[^>]*\brel="?stylesheet"?[^>]*>/g;
  const links = page.match(link) ?? [];
  const hrefs = links.map((l) => /\bhref="?\.\/([^"\s>]+\.css)"?/.exec(l)?.[1]);
  if (links.length < 2 || hrefs.some((h) => !h)) throw new Error(`post-build: expected Trunk's stylesheet links, found ${links.length}`);
  const css = Buffer.from(hrefs.map((h) => readFileSync(join(stage, h), 'utf8')).join('\n'));
  const name = `style-${createHash('sha256').update(css).digest('hex').slice(0, 16)}.css`;
  const integrity = `sha384-${createHash('sha384').update(css).digest('base64')}`;
  writeFileSync(join(stage, name), css);
  for (const h of hrefs) rmSync(join(stage, h));
  let first = true;
  const merged = page.replace(link, () => (first ? ((first = false), `<link href=./${name} integrity=${integrity} rel=stylesheet>`) : ''));
  writeFileSync(html, merged);
}

initAfterFirstPaint(stage);
oneStylesheet(stage);
const csp = hashInlineScripts(stage).get('index.html');
if (!csp) {
  console.error('post-build: ERROR: no index.html in the staging directory');
  process.exit(1);
}
// Lazily loaded sections: split the wasm (both profiles; it runs wasm-opt
// on every piece in release and keeps their named copies itself).
mkdirSync(NAMES_DIR, { recursive: true });
const split = splitWasm(stage, release, NAMES_DIR);
if (split.length) console.log(`post-build: split the wasm: ${split.join(', ')}`);
if (release) pruneNames();
execFileSync(process.execPath, [join(import.meta.dirname, 'sw-build.mjs'), stage], { stdio: 'inherit' });
writeFileSync(join(stage, '_headers'), headersFile(stage, csp));
if (release) {
  const twins = precompress(stage);
  console.log(`post-build: ${twins.length} precompressed twins (.br, .gz)`);
}
