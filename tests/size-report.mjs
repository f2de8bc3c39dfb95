#!/usr/bin/env node
// Size report for the built app: raw, gzip -9 and brotli (quality 11) size of
// every file in dist/, the totals, and the total of what the page downloads on
// first load without a user action: its critical path (index.html plus every
// local file it references, followed through static JS imports: what it
// fetches before it answers) and the wasm chunks it fetches by itself at a
// drawing step once it answers (the `step_*` splits, src/ui/mod.rs, with the
// shared chunks they need, read from the split loader); both as transferred
// from the precompressed .br twins and raw (a host that compresses nothing).
// Then where the wasm's bytes are: the
// largest crates, modules and functions of the named copy the post-build hook
// keeps in target/wasm-names/. Node's zlib only; prints figures, never fails
// on size.
//
//   node tests/size-report.mjs [DIST_DIR]

import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative, resolve, dirname, posix, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENCODINGS, brotli, gzip } from '../.ci/hosting.mjs';
import { functionSizes, sections, withoutCustomSections } from '../.ci/wasm-sections.mjs';
import { CHUNK_NAME, splitPieces, withDeps } from '../.ci/wasm-split.mjs';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = resolve(process.argv[2] ?? join(REPO, 'dist'));
const NAMES_DIR = resolve(process.env.CARGO_TARGET_DIR ?? join(REPO, 'target'), 'wasm-names');
const BUDGET_BROTLI = 150 * 1000; // DESIGN.md: first load <= 150 KB brotli
const TOP = 12; // rows per contributor table

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

// Twins (.br/.gz) are not files of their own: they give the "served" size.
const isTwin = (f) => ENCODINGS.some((e) => f.endsWith(e.ext));
const sizes = new Map();
for (const file of walk(dist).sort()) {
  if (isTwin(file)) continue;
  const buf = readFileSync(file);
  const twin = (ext) => (existsSync(file + ext) ? statSync(file + ext).size : null);
  sizes.set(relative(dist, file).split('\\').join('/'), {
    raw: buf.length,
    gzip: gzip(buf).length,
    brotli: brotli(buf).length,
    servedBrotli: twin('.br'),
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
const lazy = new Set();
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
    } else if (CHUNK_NAME.test(ref)) {
      lazy.add(ref); // named by the split loader, fetched when its section opens
    } else if (!firstLoad.has(ref)) {
      firstLoad.add(ref);
      queue.push(ref);
    }
  }
}

// ---- the chunks the page fetches by itself, at a drawing step ----
/** Splits the page fetches at a drawing step, without a user action (src/ui/mod.rs). */
const STEP_SPLIT = /^xieshang-split_step_[a-z0-9_]+-[0-9a-f]{16}\.wasm$/;

const criticalPath = new Set(firstLoad);
/** Each split the page fetches on a user action (or a returning visit, an opened link): the files its first use fetches beyond the first load. */
const onOpen = new Map();
/** A returning visit (storage holds drafts) also fetches the `read` split and its chunks before the page mounts (src/ui/mod.rs). */
const READ_SPLIT = /^xieshang-split_read-[0-9a-f]{16}\.wasm$/;
const reading = new Set();
/** The words of the page's language (src/i18n/words.rs): a first visit's, Chinese, are on the critical path. */
const WORDS_SPLIT = /^xieshang-split_words_zh-[0-9a-f]{16}\.wasm$/;
const loaders = [...firstLoad].filter((f) => /^xieshang-split-[0-9a-f]{16}\.js$/.test(f));
for (const loader of loaders) {
  const pieces = splitPieces(readFileSync(join(dist, loader), 'utf8'));
  const chunks = [...lazy].filter((c) => !/^xieshang-chunk_/.test(c));
  const missing = chunks.filter((c) => !pieces.has(c));
  if (missing.length) problems.push(`${loader}: could not read which chunks ${missing.join(', ')} need; the step chunks' shared chunks may be missing from the first load`);
  for (const file of pieces.keys()) {
    if (READ_SPLIT.test(file)) for (const f of withDeps(pieces, file)) if (sizes.has(f)) reading.add(f);
    if (/^xieshang-split_/.test(file) && !STEP_SPLIT.test(file)) {
      // The splits it waits for (.ci/wasm-chunks.mjs: loaded before it) are counted apart, with what they need.
      const after = pieces.get(file).filter((d) => /^xieshang-split_/.test(d));
      const before = new Set(after.flatMap((d) => withDeps(pieces, d)));
      onOpen.set(file, { needs: withDeps(pieces, file).filter((f) => !before.has(f)), after });
    }
    // The page language's words (a first visit: Chinese) are fetched before the page mounts.
    if (WORDS_SPLIT.test(file)) {
      for (const f of withDeps(pieces, file)) {
        if (f.startsWith('!') || !sizes.has(f)) problems.push(`${loader}: ${file} needs ${f}, which is not in dist/`);
        else {
          lazy.delete(f);
          firstLoad.add(f);
          criticalPath.add(f);
        }
      }
    }
    if (!STEP_SPLIT.test(file)) continue;
    for (const f of withDeps(pieces, file)) {
      if (f.startsWith('!') || !sizes.has(f)) problems.push(`${loader}: ${file} needs ${f}, which is not in dist/`);
      else {
        lazy.delete(f);
        firstLoad.add(f);
      }
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

console.log(
  `Size report for ${relative(process.cwd(), dist) || '.'}/ (bytes; gzip -9, brotli q11; * = fetched on first load ` +
    `before the page answers (critical path), + = fetched on first load at a drawing step once it answers, ` +
    `~ = a lazily loaded section's chunk, fetched when it is first opened)`,
);
console.log(`${'file'.padEnd(width)} ${'raw'.padStart(11)} ${'gzip'.padStart(11)} ${'brotli'.padStart(11)}`);
const mark = (name) => (criticalPath.has(name) ? ' *' : firstLoad.has(name) ? ' +' : lazy.has(name) ? ' ~' : '');
for (const [name, s] of rows) console.log(line(name, s, mark(name)));
const all = sum(rows.map(([n]) => n));
const first = sum([...firstLoad]);
const critical = sum([...criticalPath]);
console.log('-'.repeat(width + 36));
console.log(line(`total (${rows.length} files)`, all));
console.log(line(`first load (${firstLoad.size} files)`, first));
console.log(line(`critical path (${criticalPath.size} files)`, critical));
if (lazy.size) console.log(line(`lazily loaded chunks (${lazy.size} files)`, sum([...lazy])));
console.log(
  `first load, brotli: ${fmt(first.brotli)} bytes = ${kib(first.brotli)} ` +
    `(${((100 * first.brotli) / BUDGET_BROTLI).toFixed(0)}% of the 150 KB budget); gzip: ${kib(first.gzip)}`,
);
console.log(
  `critical path (fetched before the page answers), brotli: ${fmt(critical.brotli)} bytes = ${kib(critical.brotli)}; ` +
    `then ${fmt(first.brotli - critical.brotli)} bytes fetched at a drawing step`,
);
if (reading.size) {
  const back = sum([...new Set([...criticalPath, ...reading])]);
  console.log(
    `a returning visit (drafts stored) also fetches the code that reads them before the page mounts: ` +
      `${[...reading].join(', ')} (${fmt(sum([...reading]).brotli)} bytes brotli); its critical path, brotli: ${fmt(back.brotli)} bytes`,
  );
}
// What crosses the wire: a host that serves the .br twins (or compresses at
// q11) vs one that sends the files as they are.
const served = [...firstLoad].reduce((t, n) => t + (sizes.get(n).servedBrotli ?? sizes.get(n).raw), 0);
const twinless = [...firstLoad].filter((n) => sizes.get(n).servedBrotli === null);
console.log(
  `first load transferred: ${fmt(served)} bytes (${kib(served)}) served from the .br twins` +
    (twinless.length ? ` (raw: ${twinless.join(', ')})` : '') +
    `; ${fmt(first.raw)} bytes (${kib(first.raw)}) served raw, ${(first.raw / served).toFixed(1)}× more`,
);
if (onOpen.size) {
  // After the first load: what each split's first use fetches (the splits it waits for and their chunks included).
  console.log('on first use, beyond the first load (files, brotli; the loader names what each split needs; "after": splits loaded before it, not counted):');
  const short = (f) => f.replace(/^xieshang-|-[0-9a-f]{16}\.wasm$/g, '');
  for (const [file, { needs, after }] of [...onOpen].sort()) {
    const more = needs.filter((f) => sizes.has(f) && !firstLoad.has(f));
    if (firstLoad.has(file)) continue; // the page language's words: in the first load
    const split = /^xieshang-split_([a-z0-9_]+)-/.exec(file)[1];
    const waits = after.length ? `  (after ${after.map(short).join(', ')})` : '';
    console.log(`  ${split.padEnd(12)} ${String(more.length).padStart(2)} files ${fmt(sum(more).brotli).padStart(8)} bytes  ${more.map(short).join(' ')}${waits}`);
  }
}
for (const p of problems) console.log(`note: ${p}`);

// ---- where the wasm's bytes are ----
/**
 * Largest crates, modules and functions of `wasm`, from the copy with
 * function names the post-build hook keeps (identical code; names only).
 */
function contributors(wasm, top = TOP) {
  const named = join(NAMES_DIR, basename(wasm));
  if (!existsSync(named)) {
    console.log(`\nno named copy of ${wasm} in ${relative(process.cwd(), NAMES_DIR)}/ (made by \`trunk build --release\`): contributors skipped`);
    return;
  }
  const buf = readFileSync(named);
  if (!withoutCustomSections(buf).equals(readFileSync(join(dist, wasm)))) {
    console.log(`\nnote: ${named} is not ${wasm} with names: contributors skipped`);
    return;
  }
  const fns = functionSizes(buf).map((f) => ({ ...f, name: demangle(f.name) }));
  const all = sections(buf).filter((s) => !(s.id === 0 && s.name === 'name'));
  const code = all.find((s) => s.id === 10);
  const data = all.find((s) => s.id === 11);
  if (!code) {
    console.log(`\n${wasm}: no code (${fmt(sizes.get(wasm).raw)} bytes)`);
    return;
  }
  const codeBytes = code.end - code.start;
  const dataBytes = data ? data.end - data.start : 0;
  const codeBrotli = brotli(buf.subarray(code.start, code.end)).length;
  console.log(
    `\nWhere ${wasm}'s ${fmt(sizes.get(wasm).raw)} bytes are: code ${fmt(codeBytes)} (${fmt(codeBrotli)} brotli), ` +
      `data ${fmt(dataBytes)}, other ${fmt(sizes.get(wasm).raw - codeBytes - dataBytes)}; ${fmt(fns.length)} functions`,
  );
  const pct = (n) => `${((100 * n) / codeBytes).toFixed(1).padStart(5)}%`;
  const table = (title, rows) => {
    console.log(`${title} (raw code bytes, share of code):`);
    for (const [name, bytes] of rows.slice(0, top)) console.log(`  ${fmt(bytes).padStart(9)} ${pct(bytes)}  ${name}`);
  };
  for (const depth of [1, 2]) {
    const by = new Map();
    for (const f of fns) by.set(owner(f.name, depth), (by.get(owner(f.name, depth)) ?? 0) + f.size);
    table(depth === 1 ? 'by crate' : 'by module', [...by].sort((a, b) => b[1] - a[1]));
  }
  const cut = (n) => (n.length > 110 ? `${n.slice(0, 107)}...` : n);
  table('largest functions', [...fns].sort((a, b) => b.size - a.size).map((f) => [cut(plain(f.name)), f.size]));
}

/**
 * A legacy-mangled Rust name (`_ZN…E`, as wasm-split-cli leaves the chunks'
 * names) demangled like wasm-bindgen does the main module's; others as they are.
 */
function demangle(name) {
  // Length-prefixed parts between `_ZN` and `E` (a regular expression for
  // this backtracks exponentially on long names).
  const end = /E(\.\d+)?$/.exec(name);
  if (!name.startsWith('_ZN') || !end) return name;
  const parts = [];
  for (let rest = name.slice(3, end.index); rest; ) {
    const len = /^\d+/.exec(rest)?.[0];
    if (!len) return name;
    parts.push(rest.slice(len.length, len.length + Number(len)));
    rest = rest.slice(len.length + Number(len));
  }
  const codes = { SP: '@', BP: '*', RF: '&', LT: '<', GT: '>', LP: '(', RP: ')', C: ',' };
  const plainPart = (p) =>
    p
      .replace(/^_\$/, '$')
      .replace(/\.\./g, '::')
      .replace(/\$([A-Z]{1,2}|u[0-9a-f]{2})\$/g, (all, c) => codes[c] ?? (c[0] === 'u' ? String.fromCharCode(parseInt(c.slice(1), 16)) : all));
  return parts.map(plainPart).join('::');
}

/** A demangled name without its hash suffix (`::h0123…`, `.123`) and crate disambiguators (`core[c593…]`). */
function plain(name) {
  return name.replace(/::h[0-9a-f]{16}(?:\.\d+)?$|\.\d+$/, '').replace(/\[[0-9a-f]{16}\]/g, '');
}

const GENERIC_OR_PRIMITIVE = /^(?:[A-Z][A-Za-z]?|[iu](?:8|16|32|64|128|size)|f32|f64|bool|char|str|\[.*|\(.*)$/;

/**
 * Who a function's bytes belong to, as the first `depth` path segments: the
 * Self type of `<X as Trait>::f` (the trait when X is a generic parameter or
 * a primitive), the dropped type of `drop_in_place<X>`, else its own path.
 */
function owner(name, depth) {
  if (name.startsWith('func[')) return '(unnamed)';
  let s = plain(name);
  for (;;) {
    const drop = s.match(/^core::ptr::drop_in_place<(.*)>$/);
    if (drop) s = drop[1];
    else if (s.startsWith('<')) {
      const [self, trait] = splitQualified(s);
      s = trait && GENERIC_OR_PRIMITIVE.test(stripRefs(self)) ? trait : self;
    } else break;
    s = stripRefs(s);
  }
  return s.split('<')[0].split('::').filter(Boolean).slice(0, depth).join('::') || '(unnamed)';
}

const stripRefs = (s) => s.replace(/^(?:&|\*const |\*mut |mut |dyn )+/, '');

/** `<X as Trait>::rest` -> [X, Trait]; `<X>::rest` -> [X, undefined]. */
function splitQualified(s) {
  let level = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '<') level++;
    else if (s[i] === '>' && --level === 0) {
      const inner = s.slice(1, i);
      let l = 0;
      for (let j = 0; j < inner.length; j++) {
        if (inner[j] === '<') l++;
        else if (inner[j] === '>') l--;
        else if (l === 0 && inner.startsWith(' as ', j)) return [inner.slice(0, j), inner.slice(j + 4)];
      }
      return [inner, undefined];
    }
  }
  return [s.slice(1), undefined];
}

for (const wasm of [...criticalPath].filter((n) => n.endsWith('.wasm'))) contributors(wasm);
const drawn = [...firstLoad].filter((n) => !criticalPath.has(n)).sort();
if (drawn.length) {
  console.log('\nChunks fetched at a drawing step, once the page answers (in the first load, not on its critical path):');
  for (const chunk of drawn) {
    const s = sizes.get(chunk);
    console.log(`  ${chunk.padEnd(width)} raw ${fmt(s.raw).padStart(9)}  brotli ${fmt(s.brotli).padStart(8)}`);
  }
  for (const chunk of drawn) contributors(chunk, 8);
}
if (lazy.size) {
  console.log('\nLazily loaded chunks (fetched when their section is first opened; not in the first load):');
  for (const chunk of [...lazy].sort()) {
    const s = sizes.get(chunk);
    console.log(`  ${chunk.padEnd(width)} raw ${fmt(s.raw).padStart(9)}  brotli ${fmt(s.brotli).padStart(8)}`);
  }
  for (const chunk of [...lazy].sort()) contributors(chunk, 5);
}
