// Lazily loaded sections (issue 13): cut the wasm into the main module and one
// chunk per `#[wasm_split(name, …)]` function (src/ui/lazy.rs), the way
// `cargo leptos --split` does, inside Trunk's build. Run by the post-build hook
// (.ci/post-build.mjs) on Trunk's staging directory, debug and release alike
// (an unsplit wasm would import its chunks' loaders from a module that does
// not exist).
//
// Trunk 0.21 runs cargo, wasm-bindgen and (here: off, data-wasm-opt="0") wasm-opt;
// splitting must come between cargo and wasm-bindgen, so this step starts
// again from cargo's artifact (linked with --emit-relocs by .ci/rustc-wrapper):
//   1. wasm-split-cli (crate wasm_split_cli_support, installed by .ci/install.sh)
//      writes the main module, the chunks and the loader __wasm_split.js;
//      .ci/wasm-chunks.mjs then folds most shared chunks into the splits
//      (40 files → 5) and rewrites the loader to match;
//   2. wasm-bindgen (the same version and flags Trunk used, plus
//      --keep-lld-exports: the chunks import the main module's table and
//      memory) makes the main module's JS, which replaces Trunk's;
//   3. release: wasm-opt on every piece (WASM_OPT_ARGS), keeping a copy with
//      function names in target/wasm-names/ for the size report;
//   4. release: terser on the main JS and the loader (Trunk minified the
//      files these replace);
//   5. every piece gets a content-hashed name (cached for a year, like
//      Trunk's), the loader's references follow, and index.html preloads the
//      loader (the main JS imports it at once).
// The main wasm and JS keep Trunk's names, so Trunk's inline loader (and its
// CSP hash) stay as they are.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { foldChunks, run } from './wasm-chunks.mjs';
import { sections, withoutCustomSections } from './wasm-sections.mjs';

const TARGET = resolve(process.env.CARGO_TARGET_DIR ?? 'target');
/** The loader's name in the wasm's imports and in wasm-split-cli's output. */
const LOADER = '__wasm_split.js';
/** Where split functions import their loaders from until wasm-split-cli links them. */
const PLACEHOLDER = '__wasm_split_placeholder__';
/** Lazily fetched pieces: `xieshang-<split>-<hash>.wasm`; the loader: `xieshang-split-<hash>.js`. */
export const CHUNK_NAME = /^xieshang-(?!split-)[a-z0-9_]+-[0-9a-f]{16}\.wasm$/;

/**
 * wasm-opt -O3 then -Oz: the same main wasm in brotli (+0.4 % raw), the
 * chunks 1 % smaller in brotli (wave 10: kit −359 B, road −307, first load
 * −670; evaluation and keystroke unchanged). -Oz alone is the smallest raw;
 * -Os saves 0.2 % brotli for 3 % more raw. The
 * enable flags are the features rustc's wasm32 target emits by default;
 * without them wasm-opt rejects the module. -g keeps function names for the
 * named copy (stripped from what ships); the strip flags drop sections no
 * browser reads. --low-memory-unused: the optimiser may assume no load or
 * store reaches the lowest 1 KiB, so it folds more added constants into
 * load/store offsets (wave 13: main wasm −989 B brotli, its code −1.2 KB).
 * True of this build: rustc's wasm32 layout puts the 1 MiB stack first
 * (__stack_pointer starts at 1,048,576 and grows down) and the data and
 * heap above it, so the lowest KiB is touched only by a stack 1,047,552
 * bytes deep. (-O4 −Oz was +803 B, -tnh +172, -iit +141 on the main wasm.)
 */
const WASM_OPT_ARGS = [
  '-O3', '-Oz', '--low-memory-unused',
  '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
  '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue',
  '-g', '--strip-producers', '--strip-target-features',
];

/**
 * Terser (npm, pinned) on an ES module: the main JS and the loader replace
 * Trunk's files after Trunk minified them, so release minifies them here
 * (48 KB raw, 7.2 KB brotli before). Module mode keeps every export's name.
 */
const TERSER = createRequire(import.meta.url).resolve('terser/bin/terser');
const TERSER_ARGS = ['--module', '--ecma', '2020', '--compress', 'passes=2', '--mangle'];

/** The minified text of the ES module in `path` (release), else the text as it is. */
function script(path, release) {
  if (!release) return readFileSync(path, 'utf8');
  return execFileSync(process.execPath, [TERSER, path, ...TERSER_ARGS], { encoding: 'utf8', maxBuffer: 16 << 20 });
}

const hash16 = (buf) => createHash('sha256').update(buf).digest('hex').slice(0, 16);

function fail(msg) {
  throw new Error(`wasm-split: ${msg}`);
}

/** Import module names of a wasm binary (to see whether it has split points). */
function importModules(buf) {
  const imp = sections(buf).find((s) => s.id === 2);
  if (!imp) return new Set();
  // Enough of the import section to read module names: count, then (module, field, kind, desc)*.
  let pos = imp.start;
  const u32 = () => {
    let result = 0;
    for (let shift = 0; ; shift += 7) {
      const b = buf[pos++];
      result += (b & 0x7f) * 2 ** shift;
      if (!(b & 0x80)) return result;
    }
  };
  const name = () => {
    const len = u32();
    pos += len;
    return buf.toString('utf8', pos - len, pos);
  };
  const modules = new Set();
  for (let n = u32(); n > 0; n--) {
    modules.add(name());
    name();
    const kind = buf[pos++];
    if (kind === 0) u32(); // function: type index
    else if (kind === 1) { pos++; const f = buf[pos++]; u32(); if (f & 1) u32(); } // table
    else if (kind === 2) { const f = buf[pos++]; u32(); if (f & 1) u32(); } // memory
    else if (kind === 3) pos += 2; // global: valtype, mut
    else fail(`unknown import kind ${kind}`);
  }
  return modules;
}

/** Trunk's main JS in `stage`: `xieshang-<hash>.js`, its stem. */
function trunkStem(stage) {
  const js = readdirSync(stage).filter((f) => /^xieshang-[0-9a-f]+\.js$/.test(f));
  if (js.length !== 1) fail(`expected one xieshang-<hash>.js in ${stage}, found ${js.length}`);
  return js[0].slice(0, -3);
}

/**
 * Each piece the split loader fetches, with the shared chunks it needs:
 * `NAME = …(() => { const src = fetch(new URL("./FILE", import.meta.url)); … }, [DEPS])`
 * (written by wasm-split-cli; minified in release). A dep that cannot be
 * named is `!VAR`.
 */
export function splitPieces(loader) {
  const piece = /([\w$]+)\s*=\s*(?:[\w$]+\()+\(\)\s*=>\s*\{\s*const\s+[\w$]+\s*=\s*fetch\(new URL\("\.\/([^"]+)",\s*import\.meta\.url\)\);.*?\},\s*\[([\w$,\s]*)\]\)/gs;
  const byVar = new Map();
  for (const [, name, file, deps] of loader.matchAll(piece)) byVar.set(name, { file, deps: deps.split(',').map((d) => d.trim()).filter(Boolean) });
  const pieces = new Map();
  for (const { file, deps } of byVar.values()) pieces.set(file, deps.map((d) => byVar.get(d)?.file ?? `!${d}`));
  return pieces;
}

/** `file` and every chunk it needs, transitively (from `splitPieces`). */
export function withDeps(pieces, file) {
  const out = [];
  const visit = (f) => {
    if (out.includes(f)) return;
    out.push(f);
    for (const d of pieces.get(f) ?? []) visit(d);
  };
  visit(file);
  return out;
}

/** The split whose chunk reads stored drafts (src/store/browser.rs). */
const READ_SPLIT = /^xieshang-split_read-[0-9a-f]{16}\.wasm$/;

/** wasm-opt (release) with names, then the shipped bytes and the named copy. */
function finish(path, release) {
  if (release) run('wasm-opt', [path, '-o', path, ...WASM_OPT_ARGS]);
  const named = readFileSync(path);
  const hasNames = sections(named).some((s) => s.id === 0 && s.name === 'name');
  return { shipped: release ? withoutCustomSections(named, ['name']) : named, named: release && hasNames ? named : null };
}

/**
 * Split the build in `stage` (Trunk's staging dir), wasm-opt every piece in
 * release and keep their named copies in `namesDir`. Returns the loader's and
 * the chunks' file names (none when the wasm has no split points).
 */
export function splitWasm(stage, release, namesDir) {
  const profile = release ? 'release' : 'debug';
  const artifact = join(TARGET, 'wasm32-unknown-unknown', profile, 'xieshang.wasm');
  if (!existsSync(artifact)) fail(`cargo's artifact ${artifact} is not there`);
  const input = readFileSync(artifact);
  const stem = trunkStem(stage);
  if (!importModules(input).has(PLACEHOLDER)) {
    // Nothing to split: only optimise Trunk's wasm (its own wasm-opt is off).
    const main = join(stage, `${stem}_bg.wasm`);
    const { shipped, named } = finish(main, release);
    writeFileSync(main, shipped);
    if (named) writeFileSync(join(namesDir, `${stem}_bg.wasm`), named);
    return [];
  }
  if (!sections(input).some((s) => s.id === 0 && s.name === 'reloc.CODE')) {
    fail(`${artifact} has no relocations: is it linked with --emit-relocs (.ci/rustc-wrapper)?`);
  }
  const work = join(TARGET, 'wasm-split', profile);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(join(work, 'bg'), { recursive: true });

  // 1. Split: <work>/main.wasm, the chunks, the loader (importing initSync from ./<stem>.js).
  run('wasm-split-cli', [artifact, work, '--target', 'web', '--out-name', stem]);
  // 1b. Fewer chunks: most shared ones folded into a split or copied into each (.ci/wasm-chunks.mjs).
  const folds = foldChunks(work, LOADER);
  const count = (how) => folds.filter((f) => f.how === how).length;
  console.log(`wasm-split: ${folds.length} shared chunks: ${count('folded')} folded into a split, ${count('copied')} copied into each split that needs it, ${count('kept')} kept`);
  // 2. The main module's JS, as Trunk made it (out-name "xieshang"), linked to the loader.
  run('wasm-bindgen', ['--target=web', `--out-dir=${join(work, 'bg')}`, '--out-name=xieshang', '--no-typescript', '--keep-lld-exports', join(work, `${stem}.wasm`)]);
  if (existsSync(join(work, 'bg', 'snippets'))) fail('wasm-bindgen wrote snippets: copy them like Trunk does');

  // 3, 4. Chunks: optimised, hashed, named; the loader follows their names.
  let loader = script(join(work, LOADER), release);
  const chunks = [];
  for (const file of readdirSync(work).filter((f) => f.endsWith('.wasm') && f !== `${stem}.wasm`)) {
    const { shipped, named } = finish(join(work, file), release);
    const name = `xieshang-${file.slice(0, -5).toLowerCase().replace(/[^a-z0-9_]/g, '_')}-${hash16(shipped)}.wasm`;
    const ref = `"./${file}"`;
    if (!loader.includes(ref)) fail(`${LOADER} does not reference ${ref}`);
    loader = loader.replaceAll(ref, `"./${name}"`);
    writeFileSync(join(stage, name), shipped);
    if (named) writeFileSync(join(namesDir, name), named);
    chunks.push(name);
  }
  const loaderName = `xieshang-split-${hash16(loader)}.js`;
  writeFileSync(join(stage, loaderName), loader);

  // The main module replaces Trunk's (same names: the inline loader stays valid).
  let js = script(join(work, 'bg', 'xieshang.js'), release);
  const importRe = new RegExp(`(from\\s*)(['"])\\./${LOADER.replace('.', '\\.')}\\2`, 'g');
  if ((js.match(importRe) ?? []).length !== 1) fail(`the main JS does not import ./${LOADER} once`);
  js = js.replace(importRe, `$1$2./${loaderName}$2`);
  writeFileSync(join(stage, `${stem}.js`), js);
  const { shipped, named } = finish(join(work, 'bg', 'xieshang_bg.wasm'), release);
  writeFileSync(join(stage, `${stem}_bg.wasm`), shipped);
  if (named) writeFileSync(join(namesDir, `${stem}_bg.wasm`), named);

  // The main JS imports the loader at once: fetch both together.
  const html = join(stage, 'index.html');
  const page = readFileSync(html, 'utf8');
  const preload = new RegExp(`<link[^>]*href="?\\./${stem}\\.js"?[^>]*>`);
  if (!preload.test(page)) fail(`index.html has no modulepreload of ./${stem}.js`);
  let linked = page.replace(preload, (m) => `${m}<link crossorigin href=./${loaderName} rel=modulepreload>`);
  // The chunk that reads stored drafts and the shared chunks it needs, for
  // shell-lang.js to preload when storage holds drafts (a returning visit:
  // the page fetches them before it mounts).
  const read = chunks.find((c) => READ_SPLIT.test(c));
  if (!read) fail('no chunk of the split `read` (src/store/browser.rs)');
  const reading = withDeps(splitPieces(loader), read);
  if (reading.some((f) => f.startsWith('!') || !chunks.includes(f))) fail(`could not read which chunks ${read} needs: ${reading.join(' ')}`);
  if (!linked.includes('</head>')) fail('index.html has no </head>');
  linked = linked.replace('</head>', `<meta name=xieshang-read content="${reading.join(' ')}"></head>`);
  // Each language's words (src/i18n/words.rs) and the shared chunks they
  // need, for shell-lang.js to preload the page language's beside the wasm
  // (the page fetches them before it mounts).
  for (const lang of ['zh', 'en']) {
    const words = chunks.find((c) => new RegExp(`^xieshang-split_words_${lang}-[0-9a-f]{16}\\.wasm$`).test(c));
    if (!words) fail(`no chunk of the split \`words_${lang}\` (src/i18n/words.rs)`);
    const files = withDeps(splitPieces(loader), words);
    if (files.some((f) => f.startsWith('!') || !chunks.includes(f))) fail(`could not read which chunks ${words} needs: ${files.join(' ')}`);
    linked = linked.replace('</head>', `<meta name=xieshang-words-${lang} content="${files.join(' ')}"></head>`);
  }
  writeFileSync(html, linked);
  return [loaderName, ...chunks];
}
