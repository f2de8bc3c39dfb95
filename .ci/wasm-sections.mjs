// Read the parts of a WebAssembly binary that size work needs, with no tool:
// its sections, the size of every function body and the function names of a
// "name" custom section. Used by the post-build hook (strip the names from
// the shipped wasm, keep a named copy) and by tests/size-report.mjs (where
// the bytes are).

const MAGIC = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
const CODE = 10;
const IMPORT = 2;

/** A cursor over a byte buffer reading LEB128 integers and names. */
class Reader {
  constructor(buf, pos = 0, end = buf.length) {
    Object.assign(this, { buf, pos, end });
  }
  byte() {
    if (this.pos >= this.end) throw new Error('wasm: unexpected end of data');
    return this.buf[this.pos++];
  }
  u32() {
    let result = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      const b = this.byte();
      result += (b & 0x7f) * 2 ** shift;
      if (!(b & 0x80)) return result;
    }
    throw new Error('wasm: LEB128 integer too long');
  }
  name() {
    const len = this.u32();
    const s = this.buf.toString('utf8', this.pos, this.pos + len);
    this.pos += len;
    return s;
  }
  limits() {
    const flags = this.byte();
    this.u32();
    if (flags & 1) this.u32();
  }
}

/** Every section as { id, name (custom sections), start, end } (payload bounds) plus its header start. */
export function sections(buf) {
  if (!MAGIC.every((b, i) => buf[i] === b)) throw new Error('not a WebAssembly 1.0 binary');
  const out = [];
  const r = new Reader(buf, 8);
  while (r.pos < buf.length) {
    const headerStart = r.pos;
    const id = r.byte();
    const size = r.u32();
    const start = r.pos;
    const name = id === 0 ? new Reader(buf, start, start + size).name() : undefined;
    out.push({ id, name, headerStart, start, end: start + size });
    r.pos = start + size;
  }
  return out;
}

/** The binary without the custom sections `drop` names (default: "name"). */
export function withoutCustomSections(buf, drop = ['name']) {
  const keep = sections(buf).filter((s) => !(s.id === 0 && drop.includes(s.name)));
  return Buffer.concat([buf.subarray(0, 8), ...keep.map((s) => buf.subarray(s.headerStart, s.end))]);
}

function importedFunctionCount(buf, section) {
  if (!section) return 0;
  const r = new Reader(buf, section.start, section.end);
  let funcs = 0;
  for (let n = r.u32(); n > 0; n--) {
    r.name();
    r.name();
    const kind = r.byte();
    if (kind === 0) (funcs++, r.u32());
    else if (kind === 1) (r.byte(), r.limits());
    else if (kind === 2) r.limits();
    else if (kind === 3) (r.byte(), r.byte());
    else if (kind === 4) (r.byte(), r.u32());
    else throw new Error(`wasm: unknown import kind ${kind}`);
  }
  return funcs;
}

function functionNames(buf, section) {
  const names = new Map();
  if (!section) return names;
  const r = new Reader(buf, section.start, section.end);
  r.name(); // "name"
  while (r.pos < section.end) {
    const id = r.byte();
    const end = r.u32() + r.pos;
    if (id === 1) {
      const sub = new Reader(buf, r.pos, end);
      for (let n = sub.u32(); n > 0; n--) names.set(sub.u32(), sub.name());
    }
    r.pos = end;
  }
  return names;
}

/**
 * Every defined function as { index, name, size } (size = body bytes,
 * including its length prefix, as in the code section).
 */
export function functionSizes(buf) {
  const all = sections(buf);
  const code = all.find((s) => s.id === CODE);
  if (!code) return [];
  const imported = importedFunctionCount(buf, all.find((s) => s.id === IMPORT));
  const names = functionNames(buf, all.find((s) => s.id === 0 && s.name === 'name'));
  const r = new Reader(buf, code.start, code.end);
  const out = [];
  for (let i = 0, n = r.u32(); i < n; i++) {
    const before = r.pos;
    const size = r.u32();
    r.pos += size;
    const index = imported + i;
    out.push({ index, name: names.get(index) ?? `func[${index}]`, size: r.pos - before });
  }
  return out;
}
