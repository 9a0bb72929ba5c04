// The row engine: FastRows.addLine and KernelAcc.add (src/responses/import/fast-rows.ts,
// src/scoring/kernel.ts) for many lines in one call, compiled to WebAssembly by AssemblyScript
// (`npm run build`). The same steps in the same order, on tables the host (row-engine-host.ts)
// copies into this module's memory: the counts it keeps are the kernel's, the overall scores it
// writes are the same doubles. A line it cannot take — a quote, a cell that is not a plain code,
// a department × group not registered, anything addLine would refuse — ends the call; the host
// then gives that one line to the JavaScript path and calls again. All state lives at offsets the
// host chose: no allocator, no runtime.

// The configuration block at offset 0 (i32 slots; the host writes them, see row-engine-host.ts).
const FIELDS = 0;
const CODED = 4;
const WIDTH = 8;
const DELIM = 12;
const SUB_COL = 16;
const DEP_COL = 20;
const GRP_COL = 24;
const ROLE = 28;
const CODE_OF = 32;
const PAIR_START = 36;
const PAIR_KEY = 40;
const PAIR_CODE = 44;
const LINE_START = 48;
const LINE_END = 52;
const LINE_CODES = 56;
const RESP_COLS = 60;
const N_RESP = 64;
const TABLE = 68;
const TABLE_MASK = 72;
const ENTRIES = 76;
const BINDINGS = 80;
const OUT_CAP = 84;
const OUT_OVERALL = 88;
const OUT_ROOT = 92;
const OUT_HASH = 96;
const OUT_BINDING = 100;
const STOP = 104;
const HASH = 108;
const COND_STACK = 112;

// A binding (i32 slots): its acc, whether coded column i is kernel item i, and its tables.
const B_ACC = 0;
const B_IDENTITY = 4;
const B_POSITION = 8;
const B_SLOTS = 12;
const B_BLANK = 16;
const B_ANSWERS = 20;

// An acc (i32 slots unless noted): the kernel it counts for and its own tables and counts.
const A_KERNEL = 0;
const A_PARTS = 4;
const A_PART_OF = 8;
const A_PART_DIM = 12;
const A_PART_SUMS = 16;
const A_SUMS = 20;
const A_VALUES = 24;
const A_N_REL = 28;
const A_REL_START = 32;
const A_REL_ITEMS = 36;
const A_REL_PART = 40;
const A_N_OTHERS = 44;
const A_OTHERS = 48;
const A_SKIPPED = 52;
const A_WEIGHTS = 56;
const A_MINIMUM = 60;
const A_N_ROOT = 64;
const A_ROOT_DIMS = 68;
const A_ROOT_WEIGHTS = 72;
const A_ROOT_MINIMUM = 76;
const A_ROOT_VALUES = 80;
const A_TALLY = 84;
const A_BUCKETS = 88;
const A_REL_COUNT = 92;
const A_REL_TOTAL = 96;
const A_REL_N = 100;
const A_REL_T = 104;

// A kernel (i32 slots; minCoverage is an f64 at K_MIN_COVERAGE).
const K_COLUMNS = 0;
const K_BASE = 4;
const K_WIDTH = 8;
const K_PACK = 12;
const K_ND = 16;
const K_DIM_ITEMS = 20;
const K_BUCKET_BASE = 24;
const K_BUCKET_VALUE = 28;
const K_N_COND = 32;
const K_CONDITIONAL = 36;
const K_COND_START = 40;
const K_PROGRAM = 44;
const K_MIN_COVERAGE = 48;

// Condition programs (postfix): a comparison reads one item through a table over its options.
const OP_LEAF = 0;
const OP_AND = 1;
const OP_OR = 2;
const OP_NOT = 3;
const OP_END = 4;

const LF: i32 = 10;
const CR: i32 = 13;
const QUOTE: i32 = 34;
const NOT_PLAIN: i32 = -1;
const TEXT_COLUMN: i32 = -2;
const EMPTY_CELL: i32 = -1;
const UNIT_SHIFT = 10;
const ANSWERED_SHIFT = 5;
const FIELD_MASK = 31;

@inline function cfg(at: i32): i32 {
  return load<i32>(at);
}
@inline function i32At(base: i32, i: i32): i32 {
  return load<i32>(base + (i << 2));
}
@inline function setI32(base: i32, i: i32, v: i32): void {
  store<i32>(base + (i << 2), v);
}
@inline function f64At(base: i32, i: i32): f64 {
  return load<f64>(base + (i << 3));
}
@inline function setF64(base: i32, i: i32, v: f64): void {
  store<f64>(base + (i << 3), v);
}
@inline function byte(p: i32): i32 {
  return <i32>load<u8>(p);
}

/**
 * Scores the plain lines of [from, to) until one it cannot take, the end of the complete lines,
 * or a full output; returns the rows scored. Where it stopped is at STOP.
 */
export function run(from: i32, to: i32): i32 {
  const cap = cfg(OUT_CAP);
  let pos = from;
  let rows = 0;
  while (rows < cap) {
    // The line's end, and no quote before it: 16 bytes at a time, then byte by byte.
    let lf = pos;
    const lfs = i8x16.splat(<i8>LF);
    const quotes = i8x16.splat(<i8>QUOTE);
    while (lf + 16 <= to) {
      const v = v128.load(lf);
      const hit = i8x16.bitmask(v128.or(i8x16.eq(v, lfs), i8x16.eq(v, quotes)));
      if (hit != 0) {
        lf += ctz(hit);
        break;
      }
      lf += 16;
    }
    while (lf < to) {
      const c = byte(lf);
      if (c == LF) break;
      if (c == QUOTE) {
        store<i32>(STOP, pos);
        return rows;
      }
      lf++;
    }
    if (lf >= to) break;
    const e = lf > pos && byte(lf - 1) == CR ? lf - 1 : lf;
    const binding = line(pos, e);
    if (binding < 0) break;
    const b = i32At(cfg(BINDINGS), binding);
    const acc = load<i32>(b + B_ACC);
    add(acc, load<i32>(b + B_ANSWERS), rows);
    setI32(cfg(OUT_BINDING), rows, binding);
    if (cfg(HASH)) setF64(cfg(OUT_HASH), rows, lineHash());
    rows++;
    pos = lf + 1;
  }
  store<i32>(STOP, pos);
  return rows;
}

/** addLine up to the kernel: the binding whose answers now hold the row, or −1. */
function line(a: i32, e: i32): i32 {
  const fields = cfg(FIELDS);
  const d = cfg(DELIM);
  const role = cfg(ROLE);
  const codeOf = cfg(CODE_OF);
  const lineStart = cfg(LINE_START);
  const lineEnd = cfg(LINE_END);
  const lineCodes = cfg(LINE_CODES);
  let p = a;
  let answered = 0;
  for (let col = 0; col < fields; col++) {
    const i = i32At(role, col);
    if (i >= 0) {
      if (p == e || byte(p) == d) setI32(lineCodes, i, EMPTY_CELL);
      else if (p + 1 == e || byte(p + 1) == d) {
        const code = <i32>load<i16>(codeOf + (((i << 8) | byte(p)) << 1));
        if (code < 0) return -1;
        setI32(lineCodes, i, code);
        p += 1;
      } else if (p + 2 == e || byte(p + 2) == d) {
        const code = pairCodeOf(i, byte(p), byte(p + 1));
        if (code < 0) return -1;
        setI32(lineCodes, i, code);
        p += 2;
      } else return -1;
    } else {
      const start = p;
      while (p < e && byte(p) != d) p++;
      setI32(lineStart, col, start);
      setI32(lineEnd, col, p);
      if (i == TEXT_COLUMN && p > start) {
        if (byte(start) <= 32 || byte(p - 1) <= 32) return -1;
        answered++;
      }
    }
    if (col < fields - 1) {
      if (p >= e) return -1;
      p++;
    } else if (p != e) return -1;
  }
  const sub = cfg(SUB_COL);
  if (sub >= 0 && blank(i32At(lineStart, sub), i32At(lineEnd, sub))) return -1;
  const dc = cfg(DEP_COL);
  const gc = cfg(GRP_COL);
  const da = dc >= 0 ? i32At(lineStart, dc) : 0;
  const dl = dc >= 0 ? i32At(lineEnd, dc) - da : 0;
  const ga = gc >= 0 ? i32At(lineStart, gc) : 0;
  const gl = gc >= 0 ? i32At(lineEnd, gc) - ga : 0;
  const binding = lookup(da, dl, ga, gl);
  if (binding < 0) return -1;
  const b = i32At(cfg(BINDINGS), binding);
  const position = load<i32>(b + B_POSITION);
  const slots = load<i32>(b + B_SLOTS);
  const empty = load<i32>(b + B_BLANK);
  const answers = load<i32>(b + B_ANSWERS);
  const identity = load<i32>(b + B_IDENTITY);
  const width = cfg(WIDTH);
  const coded = cfg(CODED);
  for (let i = 0; i < coded; i++) {
    const code = i32At(lineCodes, i);
    let v: i32;
    if (code == EMPTY_CELL) v = i32At(empty, i);
    else {
      v = i32At(slots, i * width + code);
      answered++;
    }
    if (v == NOT_PLAIN) return -1;
    if (identity) setI32(answers, i, v);
    else {
      const j = i32At(position, i);
      if (j >= 0) setI32(answers, j, v);
    }
  }
  if (answered == 0) return -1;
  return binding;
}

function pairCodeOf(i: i32, b0: i32, b1: i32): i32 {
  const key = b0 * 256 + b1;
  const start = cfg(PAIR_START);
  const keys = cfg(PAIR_KEY);
  const end = i32At(start, i + 1);
  for (let k = i32At(start, i); k < end; k++)
    if (i32At(keys, k) == key) return i32At(cfg(PAIR_CODE), k);
  return -1;
}

function blank(a: i32, b: i32): bool {
  for (let i = a; i < b; i++) if (byte(i) > 32) return false;
  return true;
}

/** keySlot in fast-rows.ts. */
function keySlot(da: i32, dl: i32, ga: i32, gl: i32): i32 {
  let h = dl * 0x9e3779b1 ^ gl * 0x85ebca6b;
  if (dl > 0) {
    const end = da + dl;
    h = (h ^ (byte(da) | (byte(end - 1) << 8) | ((dl > 1 ? byte(end - 2) : 0) << 16))) * 0x01000193;
  }
  if (gl > 0) h = (h ^ (byte(ga) | (byte(ga + gl - 1) << 8))) * 0x01000193;
  return h ^ (<i32>(<u32>h >> 15));
}

/**
 * The binding of a department × group key, or −1 (not registered, or no fast path for it).
 * Entries: key offset, department length, key length, binding (−1: none).
 */
function lookup(da: i32, dl: i32, ga: i32, gl: i32): i32 {
  const table = cfg(TABLE);
  const mask = cfg(TABLE_MASK);
  const entries = cfg(ENTRIES);
  let at = keySlot(da, dl, ga, gl) & mask;
  while (true) {
    const e = i32At(table, at);
    if (e == 0) break;
    const entry = entries + ((e - 1) << 4);
    if (load<i32>(entry + 4) == dl && load<i32>(entry + 8) == dl + gl) {
      const key = load<i32>(entry);
      let same = true;
      for (let i = 0; same && i < dl; i++) same = byte(key + i) == byte(da + i);
      for (let i = 0; same && i < gl; i++) same = byte(key + dl + i) == byte(ga + i);
      if (same) return load<i32>(entry + 12);
    }
    at = (at + 1) & mask;
  }
  return -1;
}

/** Inserts entry number n (0-based) into the key table (the host wrote the entry). */
export function insert(n: i32): void {
  const entry = cfg(ENTRIES) + (n << 4);
  const key = load<i32>(entry);
  const dl = load<i32>(entry + 4);
  const gl = load<i32>(entry + 8) - dl;
  const table = cfg(TABLE);
  const mask = cfg(TABLE_MASK);
  let at = keySlot(key, dl, key + dl, gl) & mask;
  while (i32At(table, at) != 0) at = (at + 1) & mask;
  setI32(table, at, n + 1);
}

/** FastRows.lineHash: the first respondent column with text, trimmed, hashed; NaN for none. */
function lineHash(): f64 {
  const cols = cfg(RESP_COLS);
  const n = cfg(N_RESP);
  const fields = cfg(FIELDS);
  for (let k = 0; k < n; k++) {
    const c = i32At(cols, k);
    if (c >= fields) continue;
    let a = i32At(cfg(LINE_START), c);
    let b = i32At(cfg(LINE_END), c);
    while (a < b && byte(a) <= 32) a++;
    while (b > a && byte(b - 1) <= 32) b--;
    if (a < b) return hashBytes(a, b);
  }
  return NaN;
}

/** hashBytes in split.ts. */
function hashBytes(a: i32, b: i32): f64 {
  let h1: i32 = 0x811c9dc5;
  let h2: i32 = 0x01000193 ^ (b - a);
  for (let i = a; i < b; i++) {
    const c = byte(i);
    h1 = (h1 ^ c) * 0x01000193;
    h2 = (h2 ^ c) * 0x5bd1e995;
    h2 ^= <i32>(<u32>h2 >> 15);
  }
  return <f64>(<u32>h1) * 2097152.0 + <f64>(<u32>h2 & 0x1fffff);
}

/** Whether condition c of the kernel holds for the row (a postfix program over tables). */
function condition(k: i32, c: i32, answers: i32, base: i32): bool {
  const program = load<i32>(k + K_PROGRAM);
  let pc = i32At(load<i32>(k + K_COND_START), c);
  const stack = cfg(COND_STACK);
  let top = 0;
  while (true) {
    const op = i32At(program, pc);
    if (op == OP_LEAF) {
      const j = i32At(program, pc + 1);
      const table = i32At(program, pc + 2);
      store<u8>(stack + top, load<u8>(table + i32At(answers, j) - i32At(base, j)));
      top++;
      pc += 3;
    } else if (op == OP_AND) {
      top--;
      store<u8>(stack + top - 1, load<u8>(stack + top - 1) & load<u8>(stack + top));
      pc++;
    } else if (op == OP_OR) {
      top--;
      store<u8>(stack + top - 1, load<u8>(stack + top - 1) | load<u8>(stack + top));
      pc++;
    } else if (op == OP_NOT) {
      store<u8>(stack + top - 1, load<u8>(stack + top - 1) ^ 1);
      pc++;
    } else break; // OP_END
  }
  return load<u8>(stack) == 1;
}

/** KernelAcc.add for the acc at `a`, writing the row's overall scores at output row r. */
function add(a: i32, answers: i32, r: i32): void {
  const k = load<i32>(a + A_KERNEL);
  const base = load<i32>(k + K_BASE);
  const width = load<i32>(k + K_WIDTH);
  const pack = load<i32>(k + K_PACK);
  const parts = load<i32>(a + A_PART_SUMS);
  const nParts = load<i32>(a + A_PARTS);
  const partOf = load<i32>(a + A_PART_OF);
  const tally = load<i32>(a + A_TALLY);
  for (let p = 0; p < nParts; p++) setI32(parts, p, 0);
  const columns = load<i32>(k + K_COLUMNS);
  for (let j = 0; j < columns; j++) {
    const at = parts + (i32At(partOf, j) << 2);
    store<i32>(at, load<i32>(at) + i32At(pack, i32At(answers, j)));
  }
  const nCond = load<i32>(k + K_N_COND);
  const conditional = load<i32>(k + K_CONDITIONAL);
  const skipped = load<i32>(a + A_SKIPPED);
  let nSkipped = 0;
  for (let c = 0; c < nCond; c++) {
    if (condition(k, c, answers, base)) continue;
    const j = i32At(conditional, c);
    const at = parts + (i32At(partOf, j) << 2);
    store<i32>(
      at,
      load<i32>(at) +
        i32At(pack, i32At(base, j) + i32At(width, j) + 1) -
        i32At(pack, i32At(answers, j)),
    );
    setI32(skipped, nSkipped++, j);
  }
  const sums = load<i32>(a + A_SUMS);
  const nd = load<i32>(k + K_ND);
  const partDim = load<i32>(a + A_PART_DIM);
  for (let d = 0; d < nd; d++) setI32(sums, d, i32At(parts, d));
  for (let p = nd; p < nParts; p++) {
    const at = sums + (i32At(partDim, p) << 2);
    store<i32>(at, load<i32>(at) + i32At(parts, p));
  }
  const dimItems = load<i32>(k + K_DIM_ITEMS);
  const bucketBase = load<i32>(k + K_BUCKET_BASE);
  const bucketValue = load<i32>(k + K_BUCKET_VALUE);
  const minCoverage = load<f64>(k + K_MIN_COVERAGE);
  const values = load<i32>(a + A_VALUES);
  const hist = load<i32>(a + A_BUCKETS);
  for (let d = 0; d < nd; d++) {
    const v = i32At(sums, d);
    const answered = (v >> ANSWERED_SHIFT) & FIELD_MASK;
    const n = i32At(dimItems, d);
    if (answered > 0 && <f64>answered >= minCoverage * <f64>(n - (v & FIELD_MASK))) {
      const bk = i32At(bucketBase, d) + (v >> UNIT_SHIFT) * (n + 1) + answered;
      setI32(hist, bk, i32At(hist, bk) + 1);
      setF64(values, d, f64At(bucketValue, bk));
    } else setF64(values, d, NaN);
  }
  setF64(
    cfg(OUT_OVERALL),
    r,
    combine(values, load<i32>(a + A_WEIGHTS), nd, load<i32>(a + A_MINIMUM)),
  );
  const nRoot = load<i32>(a + A_N_ROOT);
  if (nRoot >= 0) {
    const rootDims = load<i32>(a + A_ROOT_DIMS);
    const rv = load<i32>(a + A_ROOT_VALUES);
    for (let i = 0; i < nRoot; i++) {
      const at = i32At(rootDims, i);
      setF64(rv, i, at < 0 ? NaN : f64At(values, at));
    }
    setF64(
      cfg(OUT_ROOT),
      r,
      combine(rv, load<i32>(a + A_ROOT_WEIGHTS), nRoot, load<i32>(a + A_ROOT_MINIMUM)),
    );
  }
  const nRel = load<i32>(a + A_N_REL);
  const relStart = load<i32>(a + A_REL_START);
  const relItems = load<i32>(a + A_REL_ITEMS);
  const relPart = load<i32>(a + A_REL_PART);
  const relN = load<i32>(a + A_REL_N);
  const relT = load<i32>(a + A_REL_T);
  const relCount = load<i32>(a + A_REL_COUNT);
  const relTotal = load<i32>(a + A_REL_TOTAL);
  for (let s = 0; s < nRel; s++) {
    const v = i32At(parts, i32At(relPart, s));
    const i0 = i32At(relStart, s);
    const i1 = i32At(relStart, s + 1);
    if (((v >> ANSWERED_SHIFT) & FIELD_MASK) != i1 - i0) {
      for (let x = i0; x < i1; x++) {
        const at = tally + (i32At(answers, i32At(relItems, x)) << 2);
        store<i32>(at, load<i32>(at) + 1);
      }
      continue;
    }
    const t = v >> UNIT_SHIFT;
    const tf = <f64>t;
    setF64(relN, s, f64At(relN, s) + 1);
    setF64(relT, 2 * s, f64At(relT, 2 * s) + tf);
    setF64(relT, 2 * s + 1, f64At(relT, 2 * s + 1) + tf * tf);
    for (let x = i0; x < i1; x++) {
      const slot = i32At(answers, i32At(relItems, x));
      setI32(relCount, slot, i32At(relCount, slot) + 1);
      setF64(relTotal, slot, f64At(relTotal, slot) + tf);
    }
  }
  const nOthers = load<i32>(a + A_N_OTHERS);
  const others = load<i32>(a + A_OTHERS);
  for (let i = 0; i < nOthers; i++) {
    const at = tally + (i32At(answers, i32At(others, i)) << 2);
    store<i32>(at, load<i32>(at) + 1);
  }
  for (let i = 0; i < nSkipped; i++) {
    const j = i32At(skipped, i);
    const at = tally + (i32At(answers, j) << 2);
    store<i32>(at, load<i32>(at) - 1);
    const to = tally + ((i32At(base, j) + i32At(width, j) + 1) << 2);
    store<i32>(to, load<i32>(to) + 1);
  }
}

/** combine in kernel.ts: the same operations in the same order. */
function combine(scores: i32, weights: i32, n: i32, minimum: i32): f64 {
  let sum: f64 = 0;
  let tot: f64 = 0;
  let min: f64 = Infinity;
  for (let i = 0; i < n; i++) {
    const s = f64At(scores, i);
    if (isNaN(s)) return NaN;
    const w = f64At(weights, i);
    sum += w * s;
    tot += w;
    if (s < min) min = s;
  }
  if (tot == 0) return NaN;
  return minimum ? min : sum / tot;
}
