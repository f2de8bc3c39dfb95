#!/usr/bin/env node
// Trunk post_build hook: version the service worker by build.
//
// In $TRUNK_STAGING_DIR (or DIR), rewrites two lines of sw.js:
//   const BUILD = '<16 hex digits>';  sha256 of every file of the build
//                                     (paths and contents) and of the source
//                                     index.html
//   const ASSETS = [...];             every file of the build but sw.js and
//                                     index.html (which sw.js adds itself)
// so each release gets its own cache and the old one is deleted when the new
// worker takes over. Idempotent: running it again on the same files gives the
// same sw.js (the test of a new release runs it on a changed copy of dist/).
//
// It reads the *source* index.html, not the built one: Trunk runs post_build
// hooks concurrently and .ci/csp-hash.mjs is rewriting the built one.
// Any surprise exits non-zero, which makes `trunk build` fail.
//
//   node .ci/sw-build.mjs [DIR [SOURCE_HTML]]

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const source = process.argv[3] ?? process.env.TRUNK_HTML_FILE ?? join(repo, 'index.html');

function fail(msg) {
  console.error(`sw-build: ERROR: ${msg}`);
  process.exit(1);
}

if (!dir) fail('no directory: set TRUNK_STAGING_DIR (Trunk does) or pass one');

/** Every file below `d`, as sorted '/'-separated paths relative to `dir`. */
function files(d) {
  return readdirSync(d, { withFileTypes: true })
    .flatMap((e) => {
      if (e.name.startsWith('.')) return [];
      const p = join(d, e.name);
      return e.isDirectory() ? files(p) : [relative(dir, p).split('\\').join('/')];
    })
    .sort();
}

const all = files(dir);
for (const needed of ['sw.js', 'index.html']) {
  if (!all.includes(needed)) fail(`${needed} is not in ${dir}; is it copied by index.html (data-trunk rel="copy-file")?`);
}
// Not cached: sw.js and index.html (sw.js adds the page itself), the host's
// _headers, and the .br/.gz twins (the server picks them by Accept-Encoding).
const assets = all.filter((f) => f !== 'sw.js' && f !== 'index.html' && f !== '_headers' && !/\.(br|gz)$/.test(f));

const hash = createHash('sha256');
for (const f of assets) hash.update(`${f}\0`).update(readFileSync(join(dir, f))).update('\0');
hash.update(readFileSync(source));
const build = hash.digest('hex').slice(0, 16);

const swPath = join(dir, 'sw.js');
let sw = readFileSync(swPath, 'utf8');
for (const [re, line] of [
  [/^const BUILD = .*;$/gm, `const BUILD = '${build}';`],
  [/^const ASSETS = .*;$/gm, `const ASSETS = ${JSON.stringify(assets)};`],
]) {
  const found = sw.match(re)?.length ?? 0;
  if (found !== 1) fail(`expected one line matching ${re} in sw.js, found ${found}`);
  sw = sw.replace(re, () => line);
}
writeFileSync(swPath, sw);
console.log(`sw-build: ${swPath}: build ${build}, ${assets.length} files`);
