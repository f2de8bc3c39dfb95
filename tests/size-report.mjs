#!/usr/bin/env node
// Size report for the built app: raw, gzip -9 and brotli (quality 11) size of
// every file in dist/, the totals, and the total of what the page downloads on
// first load (index.html plus every local file it references, followed through
// static JS imports). Node's zlib only; prints figures, never fails on size.
//
//   node tests/size-report.mjs [DIST_DIR]

import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative, resolve, dirname, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = resolve(process.argv[2] ?? join(REPO, 'dist'));
const BUDGET_BROTLI = 150 * 1000; // DESIGN.md: first load <= 150 KB brotli

if (!existsSync(join(dist, 'index.html'))) {
  console.error(`size-report: ${dist}/index.html not found; run \`trunk build --release\` first`);
  process.exit(1);
}

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name.startsWith('.') ? [] : walk(p); // skip Trunk's .stage
    return [p];
  });
}

const sizes = new Map();
for (const file of walk(dist).sort()) {
  const buf = readFileSync(file);
  sizes.set(relative(dist, file).split('\\').join('/'), {
    raw: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    brotli: brotliCompressSync(buf, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
      },
    }).length,
  });
}

// ---- what the first load fetches ----
// Local URLs in href/src attributes of index.html, and static imports /
// literal './x.wasm|js' URLs in the JS it loads (resolved relative to the file).
function localRefs(fromFile, text) {
  const refs = new Set();
  const patterns = [
    /\b(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi, // HTML attributes
    /\bimport\s*(?:[^'"`;]*?\bfrom\s*)?['"]([^'"]+)['"]/g, // static imports
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g, // literal dynamic imports
    /['"`](\.{1,2}\/[^'"`\s]+\.(?:wasm|js|mjs|css))['"`]/g, // './x_bg.wasm' literals
  ];
  for (const re of patterns) {
    for (const m of text.matchAll(re)) {
      const url = m.slice(1).find((g) => g !== undefined);
      if (!url || /^[a-z][a-z0-9+.-]*:|^\/\/|^#/i.test(url)) continue; // absolute, data:, fragment
      const clean = url.split(/[?#]/)[0];
      if (!clean) continue;
      const target = clean.startsWith('/')
        ? null // root-absolute would break under a sub-path; report it below
        : posix.normalize(posix.join(posix.dirname(fromFile), clean));
      refs.add(target ?? `!${url}`);
    }
  }
  return refs;
}

const firstLoad = new Set(['index.html']);
const problems = [];
const queue = ['index.html'];
while (queue.length) {
  const file = queue.shift();
  if (!/\.(html|m?js|css)$/.test(file)) continue;
  for (const ref of localRefs(file, readFileSync(join(dist, file), 'utf8'))) {
    if (ref.startsWith('!')) {
      problems.push(`${file} references root-absolute ${ref.slice(1)} (breaks under a sub-path)`);
    } else if (!sizes.has(ref)) {
      // Only HTML references must exist; JS string literals may be false positives.
      if (file.endsWith('.html')) problems.push(`${file} references ${ref}, which is not in dist/`);
    } else if (!firstLoad.has(ref)) {
      firstLoad.add(ref);
      queue.push(ref);
    }
  }
}

// ---- print ----
const fmt = (n) => n.toLocaleString('en-US');
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
const rows = [...sizes.entries()];
const width = Math.max(5, ...rows.map(([f]) => f.length + 2));
const line = (name, s, mark = '') =>
  `${(name + mark).padEnd(width)} ${fmt(s.raw).padStart(11)} ${fmt(s.gzip).padStart(11)} ${fmt(s.brotli).padStart(11)}`;
const sum = (names) =>
  names.reduce((t, n) => ({ raw: t.raw + sizes.get(n).raw, gzip: t.gzip + sizes.get(n).gzip, brotli: t.brotli + sizes.get(n).brotli }), {
    raw: 0,
    gzip: 0,
    brotli: 0,
  });

console.log(`Size report for ${relative(process.cwd(), dist) || '.'}/ (bytes; gzip -9, brotli q11; * = fetched on first load)`);
console.log(`${'file'.padEnd(width)} ${'raw'.padStart(11)} ${'gzip'.padStart(11)} ${'brotli'.padStart(11)}`);
for (const [name, s] of rows) console.log(line(name, s, firstLoad.has(name) ? ' *' : ''));
const all = sum(rows.map(([n]) => n));
const first = sum([...firstLoad]);
console.log('-'.repeat(width + 36));
console.log(line(`total (${rows.length} files)`, all));
console.log(line(`first load (${firstLoad.size} files)`, first));
console.log(
  `first load, brotli: ${fmt(first.brotli)} bytes = ${kib(first.brotli)} ` +
    `(${((100 * first.brotli) / BUDGET_BROTLI).toFixed(0)}% of the 150 KB budget); gzip: ${kib(first.gzip)}`,
);
for (const p of problems) console.log(`note: ${p}`);
