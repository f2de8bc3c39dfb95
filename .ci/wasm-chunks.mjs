// Fewer, larger chunks (issue 13: requests on Fast 3G). wasm-split-cli puts
// every piece of code that several splits need, and the main module does
// not, in a shared chunk of its own, one per exact set of splits that needs
// it: the build had 40 of them, most 50–500 bytes, so the drawing step
// fetched 19 files, a returning visit 7 before the page mounts, a section
// 4–16 when first opened. This step, run by .ci/wasm-split.mjs on
// wasm-split-cli's output (before wasm-bindgen and wasm-opt), folds most of
// them into the splits, and rewrites the loader to match:
//   1. a chunk one of whose splits the page always loads before the others
//      (`AFTER`: e.g. the kit and the road are drawn after `step_below`; an
//      opened share link is read after `read`) goes into that split, and
//      the others wait for that split's load (which they never wait for in
//      practice: it came first) instead of fetching the chunk;
//   2. a small chunk (`SMALL` bytes or less) whose data is read-only is
//      copied into each split that needs it: instantiating a copy again
//      writes the same functions into the same table slots and the same
//      constants at the same addresses (a chunk with writable data, e.g.
//      `.bss`, is never copied: a second copy would reset it);
//   3. any other chunk stays as wasm-split-cli made it.
// Every chunk and split imports only the main module's memory, function
// table and globals from `__wasm_split`, and gives its functions by active
// element segments into that table (no exports, no start function), so
// pieces merge as modules: binaryen's wasm-merge links each to a small base
// module that imports those once and re-exports them (wasm-merge does not
// share two imports of one memory), and the base's exports are dropped.
// The loader keeps wasm-split-cli's runtime (its text before the first
// piece) and every `__wasm_split_load_NAME` export the main wasm imports;
// a split's load is `makeLoad(fetcher, deps)` as before, its deps now
// naming splits too.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sections } from './wasm-sections.mjs';

/**
 * Runs a tool, its output shown except binaryen's "unknown name subsection
 * with id 3" (wasm-split-cli keeps the linker's label names, a name
 * subsection binaryen does not read and drops: hundreds of lines a build
 * that say nothing).
 */
export function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8', maxBuffer: 64 << 20 });
  const err = (r.stderr ?? '').split('\n').filter((l) => l && !/^warning: unknown name subsection with id 3 at \d+$/.test(l));
  if (err.length) process.stderr.write(err.join('\n') + '\n');
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${cmd} exited with ${r.status ?? r.signal}`);
}

/**
 * For each split, the splits the page has always loaded before it calls
 * its loader (src/ui): the kit, the road, a schedule and the comparison
 * are drawn or opened from sections drawn after the chunk below the
 * results (`step_below`, which the drawing waits for before the kit); the
 * kit's words are fetched by the kit section; the `.ics` writer from the
 * road; an opened share link awaits `load_reading()` (src/ui/share/open.rs).
 * The share dialog (a header button) and `read` (before mount) come after
 * nothing. Wrong here costs time, never correctness: a split whose chunk
 * went into another split waits for that split's load. A new split must be
 * named here (the build fails otherwise).
 */
export const AFTER = {
  step_below: [],
  read: [],
  // Each language's words, fetched before the page mounts (or on a switch).
  words_zh: [],
  words_en: [],
  share: [],
  open_link: ['read'],
  kit: ['step_below'],
  kit_zh: ['step_below'],
  kit_en: ['step_below'],
  // The counter-offer check is typed inside the kit.
  offer: ['kit'],
  road: ['step_below'],
  // The road's words, fetched by the road section with its code.
  road_zh: ['step_below'],
  road_en: ['step_below'],
  ics: ['road'],
  schedule: ['step_below'],
  compare: ['step_below'],
};

/**
 * A shared chunk this small (bytes of code and data, before wasm-opt) is
 * copied into each split that needs it rather than fetched on its own: a
 * request costs a round trip (150 ms on Fast 3G, more when six are already
 * in flight), a copy of 1.5 KB ~0.2–0.7 KB of brotli in each split that needs it.
 */
export const SMALL = 1536;

const WASM_FEATURES = [
  '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
  '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue',
];
const SHARED = '__wasm_split';
const BASE = '__wasm_split_base';

function fail(msg) {
  throw new Error(`wasm-chunks: ${msg}`);
}

const uleb = (n) => {
  const out = [];
  do {
    let b = n & 0x7f;
    n = Math.floor(n / 128);
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return Buffer.from(out);
};
const str = (s) => Buffer.concat([uleb(Buffer.byteLength(s)), Buffer.from(s)]);
const section = (id, payload) => Buffer.concat([Buffer.from([id]), uleb(payload.length), payload]);

/** A LEB128 cursor (enough of one to read imports, names and counts). */
function cursor(buf, pos) {
  const c = {
    pos,
    u32() {
      let r = 0;
      for (let shift = 0; ; shift += 7) {
        const b = buf[c.pos++];
        r += (b & 0x7f) * 2 ** shift;
        if (!(b & 0x80)) return r;
      }
    },
    name() {
      const len = c.u32();
      c.pos += len;
      return buf.toString('utf8', c.pos - len, c.pos);
    },
    limits() {
      const flags = buf[c.pos++];
      c.u32();
      if (flags & 1) c.u32();
    },
  };
  return c;
}

/** The imports of `buf`: { module, field, kind, desc (raw bytes) }; functions are not expected. */
function imports(buf) {
  const s = sections(buf).find((x) => x.id === 2);
  if (!s) return [];
  const c = cursor(buf, s.start);
  const out = [];
  for (let n = c.u32(); n > 0; n--) {
    const module = c.name();
    const field = c.name();
    const kind = buf[c.pos++];
    const at = c.pos;
    if (kind === 1) (c.pos++, c.limits());
    else if (kind === 2) c.limits();
    else if (kind === 3) c.pos += 2;
    else fail(`import ${module}.${field} of kind ${kind}: a chunk imports only memory, tables and globals`);
    out.push({ module, field, kind, desc: buf.subarray(at, c.pos) });
  }
  return out;
}

/** `buf` with its import section's entries from `imps` (same count and order, new module names). */
function withImports(buf, imps) {
  const payload = Buffer.concat([uleb(imps.length), ...imps.map((i) => Buffer.concat([str(i.module), str(i.field), Buffer.from([i.kind]), i.desc]))]);
  const parts = sections(buf).map((s) => (s.id === 2 ? section(2, payload) : buf.subarray(s.headerStart, s.end)));
  return Buffer.concat([buf.subarray(0, 8), ...parts]);
}

/** The data segments of a module: { name (from its name section, subsection 9), bytes }. */
function dataSegments(buf) {
  const all = sections(buf);
  const names = new Map();
  const ns = all.find((s) => s.id === 0 && s.name === 'name');
  if (ns) {
    const c = cursor(buf, ns.start);
    c.name();
    while (c.pos < ns.end) {
      const id = buf[c.pos++];
      const end = c.u32() + c.pos;
      if (id === 9) {
        const sub = cursor(buf, c.pos);
        for (let n = sub.u32(); n > 0; n--) names.set(sub.u32(), sub.name());
      }
      c.pos = end;
    }
  }
  const data = all.find((s) => s.id === 11);
  if (!data) return [];
  const c = cursor(buf, data.start);
  const out = [];
  for (let i = 0, n = c.u32(); i < n; i++) {
    const flags = c.u32();
    if (flags === 2) c.u32();
    if (flags !== 1) {
      // The offset: i32.const N; end.
      if (buf[c.pos++] !== 0x41) fail('a data segment whose offset is not a constant');
      while (buf[c.pos++] & 0x80);
      if (buf[c.pos++] !== 0x0b) fail('a data segment whose offset is not a constant');
    }
    const bytes = c.u32();
    c.pos += bytes;
    out.push({ name: names.get(i), bytes });
  }
  return out;
}

/** Whether a second instance of `buf` changes nothing the first wrote: its data is read-only (named, non-empty segments all `.rodata`). */
function copyable(buf) {
  return dataSegments(buf).every((d) => d.bytes === 0 || d.name?.startsWith('.rodata'));
}

/** A piece merges only if it imports from `__wasm_split` alone and has no exports nor start. */
function checkPiece(file, buf) {
  const all = sections(buf);
  const exports = all.find((s) => s.id === 7);
  if (all.some((s) => s.id === 8) || (exports && cursor(buf, exports.start).u32() !== 0)) fail(`${file} has exports or a start function`);
  for (const i of imports(buf)) if (i.module !== SHARED) fail(`${file} imports ${i.module}.${i.field}`);
}

/** Merge the wasm `files` (in `dir`) into `out`: one module, the same imports from `__wasm_split`, no exports. */
function merge(dir, files, out) {
  const bufs = files.map((f) => readFileSync(join(dir, f)));
  const union = new Map();
  bufs.forEach((buf, n) => {
    checkPiece(files[n], buf);
    for (const i of imports(buf)) {
      const had = union.get(i.field);
      if (had && (had.kind !== i.kind || !had.desc.equals(i.desc))) fail(`${files[n]} imports ${SHARED}.${i.field} with another type`);
      union.set(i.field, i);
    }
  });
  // The base: each shared import once, exported under its own name.
  const imps = [...union.values()];
  const index = { 1: 0, 2: 0, 3: 0 };
  const exps = imps.map((i) => Buffer.concat([str(i.field), Buffer.from([i.kind]), uleb(index[i.kind]++)]));
  const base = Buffer.concat([
    Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]),
    section(2, Buffer.concat([uleb(imps.length), ...imps.map((i) => Buffer.concat([str(SHARED), str(i.field), Buffer.from([i.kind]), i.desc]))])),
    section(7, Buffer.concat([uleb(exps.length), ...exps])),
  ]);
  const tmp = join(dir, '.merge');
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp);
  writeFileSync(join(tmp, 'base.wasm'), base);
  const args = [join(tmp, 'base.wasm'), BASE];
  bufs.forEach((buf, n) => {
    const p = join(tmp, `${n}.wasm`);
    writeFileSync(p, withImports(buf, imports(buf).map((i) => ({ ...i, module: BASE }))));
    args.push(p, `m${n}`);
  });
  run('wasm-merge', [...args, '-o', join(tmp, 'out.wasm'), '-g', ...WASM_FEATURES]);
  const merged = readFileSync(join(tmp, 'out.wasm'));
  for (const i of imports(merged)) if (i.module !== SHARED || !union.has(i.field)) fail(`merged ${files.join(' ')} imports ${i.module}.${i.field}`);
  // The base's exports go (nothing else exports).
  const kept = sections(merged).filter((s) => s.id !== 7);
  writeFileSync(out, Buffer.concat([merged.subarray(0, 8), ...kept.map((s) => merged.subarray(s.headerStart, s.end))]));
  rmSync(tmp, { recursive: true, force: true });
}

/**
 * wasm-split-cli's loader, unminified: its runtime, each shared chunk
 * `const __chunk_N = makeLoad(FETCHER, []);` and each split
 * `export const __wasm_split_load_NAME = wrapAsyncCb(makeLoad(FETCHER, [DEPS]));`.
 */
export function parseLoader(text) {
  const chunkRe = /(?:\/\*[^*]*\*\/\n)?const (__chunk_\d+) = makeLoad\((\(\) => \{[\s\S]*?\n\}\n), \[\]\);\n/g;
  const splitRe = /export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\(([\s\S]*?), \[([\w, ]*)\]\)\);\n/g;
  const first = text.search(/(?:\/\*[^*]*\*\/\n)?const __chunk_\d+ = |export const __wasm_split_load_/);
  if (first < 0) fail('the loader has no pieces');
  const runtime = text.slice(0, first);
  const chunks = new Map();
  const splits = new Map();
  let rest = text.slice(first);
  for (const m of rest.matchAll(chunkRe)) chunks.set(m[1], { fetcher: m[2], file: fileOf(m[2]) });
  for (const m of rest.matchAll(splitRe)) {
    const file = /^\(\) => async \(_imp\) => \(\{\}\)$/.test(m[2]) ? null : fileOf(m[2]);
    splits.set(m[1], { fetcher: file ? m[2] : null, file, deps: m[3].split(',').map((d) => d.trim()).filter(Boolean) });
  }
  rest = rest.replace(chunkRe, '').replace(splitRe, '');
  if (rest.trim()) fail(`the loader has text this step does not know: ${rest.trim().slice(0, 200)}`);
  for (const [name, s] of splits) for (const d of s.deps) if (!chunks.has(d)) fail(`split ${name} needs ${d}, which the loader does not define`);
  return { runtime, chunks, splits };
}

function fileOf(fetcher) {
  const m = /fetch\(new URL\("\.\/([\w.-]+\.wasm)", import\.meta\.url\)\)/.exec(fetcher);
  if (!m) fail(`no file in the fetcher ${fetcher}`);
  return m[1];
}

/** Every split loaded before `name` (AFTER, transitively). */
function before(name) {
  const out = new Set();
  const visit = (n) => {
    if (!(n in AFTER)) fail(`split \`${n}\` is not in AFTER (.ci/wasm-chunks.mjs): say which splits the page loads before it`);
    for (const b of AFTER[n]) if (!out.has(b)) (out.add(b), visit(b));
  };
  visit(name);
  return out;
}

/**
 * Fold and copy the shared chunks of wasm-split-cli's output in `dir`
 * (its loader `loaderFile` and the wasm files it names), in place. Returns
 * what it did, per chunk: { chunk, users, bytes, into: [splits], how }.
 */
export function foldChunks(dir, loaderFile) {
  const { runtime, chunks, splits } = parseLoader(readFileSync(join(dir, loaderFile), 'utf8'));
  const users = new Map([...chunks.keys()].map((c) => [c, [...splits].filter(([, s]) => s.deps.includes(c)).map(([n]) => n)]));
  const extra = new Map([...splits.keys()].map((n) => [n, []])); // chunk files merged into each split
  const needs = new Map([...splits].map(([n, s]) => [n, new Set()])); // splits each split now waits for
  const keep = new Map([...splits].map(([n, s]) => [n, []])); // chunks each split still fetches
  for (const name of splits.keys()) before(name);
  const report = [];
  for (const [chunk, { file }] of chunks) {
    const us = users.get(chunk);
    const buf = readFileSync(join(dir, file));
    const bytes = sections(buf).filter((s) => s.id === 10 || s.id === 11).reduce((n, s) => n + s.end - s.start, 0);
    const host = us.find((h) => us.every((u) => u === h || before(u).has(h)));
    if (host) {
      extra.get(host).push(file);
      for (const u of us) if (u !== host) needs.get(u).add(host);
      report.push({ chunk: file, users: us, bytes, into: [host], how: 'folded' });
    } else if (bytes <= SMALL && copyable(buf)) {
      for (const u of us) extra.get(u).push(file);
      report.push({ chunk: file, users: us, bytes, into: us, how: 'copied' });
    } else {
      for (const u of us) keep.get(u).push(chunk);
      report.push({ chunk: file, users: us, bytes, into: [], how: 'kept' });
    }
  }
  // The merged splits, written over wasm-split-cli's files.
  const template = [...chunks.values()][0]?.fetcher;
  for (const [name, s] of splits) {
    const parts = extra.get(name);
    if (!parts.length) continue;
    if (!s.file) {
      // An empty split (wasm-split-cli fetches nothing for it) that now holds chunks.
      s.file = `split_${name}.wasm`;
      s.fetcher = template.replace(/"\.\/[\w.-]+\.wasm"/, `"./${s.file}"`);
      merge(dir, parts, join(dir, s.file));
    } else {
      merge(dir, [s.file, ...parts], join(dir, s.file));
    }
  }
  const folded = new Set(report.filter((r) => r.how !== 'kept').map((r) => r.chunk));
  for (const f of folded) rmSync(join(dir, f));
  // The loader: the runtime, the chunks kept, each split after the splits it waits for.
  let js = runtime;
  for (const [chunk, c] of chunks) {
    if (folded.has(c.file)) continue;
    js += `/* ${users.get(chunk).join(', ')} */\nconst ${chunk} = makeLoad(${c.fetcher}, []);\n`;
  }
  const done = new Set();
  const emit = (name, path = []) => {
    if (done.has(name)) return;
    if (path.includes(name)) fail(`splits wait for each other: ${[...path, name].join(' → ')}`);
    for (const n of needs.get(name)) emit(n, [...path, name]);
    const s = splits.get(name);
    const deps = [...[...needs.get(name)].map((n) => `__split_${n}`), ...keep.get(name)];
    const fetcher = s.fetcher ?? '() => async (_imp) => ({})';
    js += `const __split_${name} = makeLoad(${fetcher}, [${deps.join(', ')}]);\nexport const __wasm_split_load_${name} = wrapAsyncCb(__split_${name});\n`;
    done.add(name);
  };
  for (const name of splits.keys()) emit(name);
  writeFileSync(join(dir, loaderFile), js);
  if (existsSync(join(dir, '.merge'))) fail('merge left its scratch directory');
  return report;
}
