// .ci/wasm-chunks.mjs on a small build in wasm-split-cli's shape (no
// browser): which shared chunks are folded, copied or kept, the loader it
// writes, and that the merged modules, instantiated as the loader would,
// put every function in its table slot and every constant at its address.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { foldChunks } from '../../.ci/wasm-chunks.mjs';

const REPO = resolve(import.meta.dirname, '../..');
process.env.PATH = `${join(REPO, 'node_modules/.bin')}:${process.env.PATH}`;

/** A piece as wasm-split-cli writes one: the shared imports, functions given by table slot, data at fixed addresses. */
function piece(dir, file, { slots = {}, data = [] }) {
  const fns = Object.entries(slots).map(([slot, value]) => `(func $f${slot} (result i32) (i32.const ${value}))\n(elem (i32.const ${slot}) func $f${slot})`);
  const segs = data.map(({ name, at, text }) => `(data $${name} (i32.const ${at}) "${text}")`);
  const wat = `(module
 (import "__wasm_split" "memory" (memory 1))
 (import "__wasm_split" "__indirect_function_table" (table 16 funcref))
 (import "__wasm_split" "__wasm_split_shared0" (global (mut i32)))
 ${fns.join('\n')}
 ${segs.join('\n')})`;
  writeFileSync(join(dir, 'in.wat'), wat);
  execFileSync('wasm-as', [join(dir, 'in.wat'), '-g', '-o', join(dir, file), '--enable-reference-types', '--enable-bulk-memory']);
  rmSync(join(dir, 'in.wat'));
}

const fetcher = (file) => `() => {
    const src = fetch(new URL("./${file}", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
`;
const RUNTIME = 'import { initSync } from "./main.js";\nfunction makeLoad(fetcher, deps) {}\nfunction wrapAsyncCb(callee) {}\n';
const chunkJs = (n, users) => `/* ${users} */\nconst __chunk_${n} = makeLoad(${fetcher(`chunk_${n}.wasm`)}, []);\n`;
const splitJs = (name, deps) => `export const __wasm_split_load_${name} = wrapAsyncCb(makeLoad(${fetcher(`split_${name}.wasm`)}, [${deps}]));\n`;

test('shared chunks: folded into the split loaded first, small read-only ones copied, the rest kept; the merged modules fill the same slots and addresses', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chunks-'));
  try {
    piece(dir, 'split_step_below.wasm', { slots: { 1: 11 }, data: [{ name: '.rodata', at: 100, text: 'below' }] });
    piece(dir, 'split_kit.wasm', { slots: { 2: 12 } });
    piece(dir, 'split_share.wasm', { slots: { 3: 13 } });
    // step_below and kit: the kit is drawn after step_below, so into step_below.
    piece(dir, 'chunk_4.wasm', { slots: { 4: 14 }, data: [{ name: '.rodata', at: 200, text: 'folded' }] });
    // kit and share (neither comes first), small and read-only: a copy in each.
    piece(dir, 'chunk_5.wasm', { slots: { 5: 15 }, data: [{ name: '.rodata', at: 300, text: 'copied' }] });
    // kit and share, small but writable data: kept.
    piece(dir, 'chunk_6.wasm', { slots: { 6: 16 }, data: [{ name: '.data', at: 400, text: 'state' }] });
    const loader = RUNTIME + chunkJs(4, 'kit, step_below') + chunkJs(5, 'kit, share') + chunkJs(6, 'kit, share') +
      splitJs('step_below', '__chunk_4') + splitJs('share', '__chunk_5, __chunk_6') + splitJs('kit', '__chunk_4, __chunk_5, __chunk_6');
    writeFileSync(join(dir, '__wasm_split.js'), loader);

    const report = foldChunks(dir, '__wasm_split.js');
    const how = Object.fromEntries(report.map((r) => [r.chunk, `${r.how} ${r.into.join(',')}`]));
    assert.deepEqual(how, { 'chunk_4.wasm': 'folded step_below', 'chunk_5.wasm': 'copied share,kit', 'chunk_6.wasm': 'kept ' });
    assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.wasm')).sort(), ['chunk_6.wasm', 'split_kit.wasm', 'split_share.wasm', 'split_step_below.wasm']);

    // The loader: the runtime as it was, chunk_6 kept, the kit waiting for step_below's load (defined before it).
    const js = readFileSync(join(dir, '__wasm_split.js'), 'utf8');
    assert.ok(js.startsWith(RUNTIME));
    const deps = (name) => new RegExp(`const __split_${name} = makeLoad\\([\\s\\S]*?, \\[([\\w, ]*)\\]\\);`).exec(js)?.[1];
    assert.equal(deps('kit'), '__split_step_below, __chunk_6');
    assert.equal(deps('share'), '__chunk_6');
    assert.equal(deps('step_below'), '');
    assert.equal((js.match(/const __chunk_\d+ = makeLoad/g) ?? []).length, 1);
    assert.match(js, /const __chunk_6 = makeLoad\(\(\) => \{\n    const src = fetch\(new URL\("\.\/chunk_6\.wasm"/);
    assert.ok(js.indexOf('const __split_step_below =') < js.indexOf('const __split_kit ='), 'step_below is defined before the kit that waits for it');
    for (const name of ['step_below', 'share', 'kit']) assert.match(js, new RegExp(`export const __wasm_split_load_${name} = wrapAsyncCb\\(__split_${name}\\);`));

    // Instantiated as the loader would (each split after what it waits for), on one memory and table.
    const memory = new WebAssembly.Memory({ initial: 1 });
    const table = new WebAssembly.Table({ initial: 16, element: 'anyfunc' });
    const imports = { __wasm_split: { memory, __indirect_function_table: table, __wasm_split_shared0: new WebAssembly.Global({ value: 'i32', mutable: true }, 0) } };
    const load = (f) => {
      const mod = new WebAssembly.Module(readFileSync(join(dir, f)));
      assert.deepEqual(WebAssembly.Module.exports(mod), [], `${f} exports nothing`);
      for (const i of WebAssembly.Module.imports(mod)) assert.equal(i.module, '__wasm_split', `${f} imports only the main module's`);
      new WebAssembly.Instance(mod, imports);
    };
    const text = (at, n) => Buffer.from(memory.buffer, at, n).toString();
    for (const f of ['split_step_below.wasm', 'chunk_6.wasm', 'split_kit.wasm']) load(f);
    assert.deepEqual([1, 2, 4, 5, 6].map((s) => table.get(s)()), [11, 12, 14, 15, 16]);
    assert.equal(text(100, 5), 'below');
    assert.equal(text(200, 6), 'folded');
    assert.equal(text(300, 6), 'copied');
    assert.equal(text(400, 5), 'state');
    // The share dialog's copy of chunk_5 writes the same function and constant again; chunk_6's state stays.
    Buffer.from(memory.buffer, 400, 5).write('STATE');
    load('split_share.wasm');
    assert.deepEqual([3, 5].map((s) => table.get(s)()), [13, 15]);
    assert.equal(text(300, 6), 'copied');
    assert.equal(text(400, 5), 'STATE');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a split the build does not know fails the build, naming where to say when it loads', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chunks-'));
  try {
    piece(dir, 'split_kit.wasm', {});
    piece(dir, 'split_new.wasm', {});
    piece(dir, 'chunk_2.wasm', { slots: { 2: 2 } });
    writeFileSync(join(dir, '__wasm_split.js'), RUNTIME + chunkJs(2, 'kit, new') + splitJs('new', '__chunk_2') + splitJs('kit', '__chunk_2'));
    assert.throws(() => foldChunks(dir, '__wasm_split.js'), /split `new` is not in AFTER/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
