// The host side of the row engine (assembly/row-engine.ts, built to dist/row-engine.wasm): it
// copies FastRows' line tables and each KernelAcc's tables into the module's memory, copies the
// chunk in, runs the module over many lines per call, and hands back what JavaScript keeps per
// row — the binding's row count, the overall scores, the respondent hash — in file order. The
// counts stay in the module until the accumulator spills (KernelAcc.attachEngine). Everything
// the module does, FastRows.addLine and KernelAcc.add do for one line; a line the module
// declines goes to them. src/io/row-engine-module.ts compiles the module; without it every
// line goes the JavaScript way.
import type { EngineAccTables, Kernel, KernelAcc } from "../../scoring/kernel.js";

/** What the engine needs of a target: a KernelAcc's engine side. */
export type EngineTarget = Pick<
  KernelAcc,
  "engineTables" | "engineRow" | "attachEngine" | "absorbEngine"
>;

/** FastRows' tables for addLine (see the fields of FastRows). */
export interface LineTables {
  readonly fields: number;
  readonly coded: number;
  readonly width: number;
  readonly delimiter: number;
  /** The submit-date column checked for incomplete rows, or −1. */
  readonly submittedCol: number;
  readonly departmentCol: number;
  readonly groupCol: number;
  readonly role: Int16Array;
  readonly codeOf: Int16Array;
  readonly pairStart: Int32Array;
  readonly pairKey: Int32Array;
  readonly pairCode: Int32Array;
  readonly respondentCols: readonly number[];
}

/** A FastRows binding as the engine copies it. */
export interface EngineBinding {
  readonly target: EngineTarget;
  readonly count: (() => void) | undefined;
  readonly identity: boolean;
  readonly position: Int32Array;
  readonly slots: Int32Array;
  readonly blank: Int32Array;
  readonly answers: Int32Array;
}

// Layout of the configuration block (byte offsets; as in assembly/row-engine.ts).
const C = {
  fields: 0,
  coded: 4,
  width: 8,
  delim: 12,
  subCol: 16,
  depCol: 20,
  grpCol: 24,
  role: 28,
  codeOf: 32,
  pairStart: 36,
  pairKey: 40,
  pairCode: 44,
  lineStart: 48,
  lineEnd: 52,
  lineCodes: 56,
  respCols: 60,
  nResp: 64,
  table: 68,
  tableMask: 72,
  entries: 76,
  bindings: 80,
  outCap: 84,
  outOverall: 88,
  outRoot: 92,
  outHash: 96,
  outBinding: 100,
  stop: 104,
  hash: 108,
  condStack: 112,
} as const;
const BINDING_SLOTS = 6;
const ACC_SLOTS = 27;
const KERNEL_SLOTS = 14; // 12 i32, then minCoverage as an f64 at byte 48
const OP = { leaf: 0, and: 1, or: 2, not: 3, end: 4 } as const;

/** Rows after which every count moves into its accumulator (no 32-bit count can overflow). */
const DRAIN_EVERY = 1 << 30;
/** Rows per call (the output arrays' length). */
const OUT_CAP = 4096;
/** Department × group keys: FastRows keeps at most 10,000. */
const MAX_ENTRIES = 10_000;
const TABLE_SIZE = 1 << 15;
const MAX_BINDINGS = 4096;
/** Tables live below this offset; the chunk copy above it. */
const ARENA_END = 32 << 20;
const PAGE = 65536;

interface Exports {
  run(from: number, to: number): number;
  insert(entry: number): void;
}

export class RowEngine {
  private readonly memory: WebAssembly.Memory;
  private readonly exports: Exports;
  private top = 256;
  private u8!: Uint8Array;
  private i32!: Int32Array;
  private f64!: Float64Array;
  private entries = 0;
  private readonly bindings: EngineBinding[] = [];
  private readonly bindingIndex = new Map<EngineBinding, number>();
  private readonly accs = new Map<EngineTarget, number>();
  private readonly kernels = new Map<Kernel, number>();
  /** The chunk copied in (to ARENA_END): which split call (see take), from which offset. */
  private copied = -1;
  private copiedFrom = 0;
  private chunkBytes = 0;
  /** Rows since the counts were last drained: 32-bit counts must drain before 2³¹. */
  private sinceDrain = 0;
  /** Where the last `take` stopped (buffer offset), and whether its output was full. */
  stop = 0;
  full = false;

  /** Per accumulator: its drain (moves the counts kept here into it) and how to detach it. */
  private readonly drains: { drain: () => void; detach: () => void }[] = [];

  /** Whether the line tables fit (else `create` gives no engine). */
  private readonly fits: boolean;

  private constructor(mod: WebAssembly.Module, t: LineTables) {
    this.memory = new WebAssembly.Memory({ initial: ARENA_END / PAGE + 16 });
    const instance = new WebAssembly.Instance(mod, {
      env: {
        memory: this.memory,
        abort: () => {
          throw new Error("row engine: abort");
        },
      },
    });
    this.exports = instance.exports as unknown as Exports;
    this.views();
    let fits = true;
    const set = (at: number, v: number) => {
      this.i32[at >> 2] = v;
    };
    // An offset of table space: −1 means the arena is full.
    const space = (offset: number) => {
      if (offset < 0) fits = false;
      return offset;
    };
    set(C.fields, t.fields);
    set(C.coded, t.coded);
    set(C.width, t.width);
    set(C.delim, t.delimiter);
    set(C.subCol, t.submittedCol);
    set(C.depCol, t.departmentCol);
    set(C.grpCol, t.groupCol);
    set(C.role, space(this.put(Int32Array.from(t.role))));
    set(C.codeOf, space(this.put(t.codeOf)));
    set(C.pairStart, space(this.put(t.pairStart)));
    set(C.pairKey, space(this.put(t.pairKey)));
    set(C.pairCode, space(this.put(t.pairCode)));
    set(C.lineStart, space(this.alloc(4 * t.fields)));
    set(C.lineEnd, space(this.alloc(4 * t.fields)));
    set(C.lineCodes, space(this.alloc(4 * Math.max(1, t.coded))));
    set(C.respCols, space(this.put(Int32Array.from(t.respondentCols))));
    set(C.nResp, t.respondentCols.length);
    set(C.table, space(this.alloc(4 * TABLE_SIZE)));
    set(C.tableMask, TABLE_SIZE - 1);
    set(C.entries, space(this.alloc(16 * MAX_ENTRIES)));
    set(C.bindings, space(this.alloc(4 * MAX_BINDINGS)));
    set(C.outCap, OUT_CAP);
    set(C.outOverall, space(this.alloc(8 * OUT_CAP)));
    set(C.outRoot, space(this.alloc(8 * OUT_CAP)));
    set(C.outHash, space(this.alloc(8 * OUT_CAP)));
    set(C.outBinding, space(this.alloc(4 * OUT_CAP)));
    set(C.condStack, space(this.alloc(256)));
    this.fits = fits;
  }

  /**
   * An engine of the compiled module (src/io/row-engine-module.ts) for these line tables, or
   * undefined when they do not fit its table space (then JavaScript takes every line).
   */
  static create(mod: WebAssembly.Module, t: LineTables): RowEngine | undefined {
    const engine = new RowEngine(mod, t);
    return engine.fits ? engine : undefined;
  }

  /**
   * Moves every count kept here into its accumulator and detaches: the engine is done (the
   * end of a read), and its memory can go.
   */
  release(): void {
    for (const d of this.drains) {
      d.drain();
      d.detach();
    }
    this.drains.length = 0;
  }

  private views(): void {
    this.u8 = new Uint8Array(this.memory.buffer);
    this.i32 = new Int32Array(this.memory.buffer);
    this.f64 = new Float64Array(this.memory.buffer);
  }

  /** `bytes` of zeroed table space (8-aligned), or −1 when the arena is full. */
  private alloc(bytes: number): number {
    const at = (this.top + 7) & ~7;
    if (at + bytes > ARENA_END) return -1;
    this.top = at + bytes;
    return at;
  }

  /** A copy of `a` in table space (its offset), or −1 when the arena is full. */
  private put(a: Uint8Array | Int16Array | Int32Array | Float64Array): number {
    const at = this.alloc(a.byteLength);
    if (at >= 0) this.u8.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), at);
    return at;
  }

  /**
   * A department × group key FastRows added (entry number = its entry number there), with its
   * binding (null: the key has no fast path). The engine takes the key's rows only when it
   * could copy the binding's tables; otherwise it leaves them to FastRows.
   */
  addEntry(key: Uint8Array, departmentLength: number, binding: EngineBinding | null): void {
    if (this.entries >= MAX_ENTRIES) return;
    const index = binding ? this.bind(binding) : -1;
    const keyAt = this.put(key);
    if (keyAt < 0) return;
    const e = (this.i32[C.entries >> 2]! >> 2) + 4 * this.entries;
    this.i32[e] = keyAt;
    this.i32[e + 1] = departmentLength;
    this.i32[e + 2] = key.length;
    this.i32[e + 3] = index;
    this.exports.insert(this.entries);
    this.entries++;
  }

  /** The engine's number of a binding (copying its tables the first time), or −1. */
  private bind(b: EngineBinding): number {
    const known = this.bindingIndex.get(b);
    if (known !== undefined) return known;
    const acc = this.acc(b.target);
    if (acc < 0 || this.bindings.length >= MAX_BINDINGS) return -1;
    const at = this.alloc(4 * BINDING_SLOTS);
    if (at < 0) return -1;
    const fields = [
      acc,
      b.identity ? 1 : 0,
      this.put(b.position),
      this.put(b.slots),
      this.put(b.blank),
      this.put(b.answers),
    ];
    if (fields.some((f) => f < 0)) return -1;
    this.i32.set(fields, at >> 2);
    const index = this.bindings.length;
    this.i32[(this.i32[C.bindings >> 2]! >> 2) + index] = at;
    this.bindings.push(b);
    this.bindingIndex.set(b, index);
    return index;
  }

  /** The offset of an accumulator's tables and counts (copied the first time), or −1. */
  private acc(target: EngineTarget): number {
    const known = this.accs.get(target);
    if (known !== undefined) return known;
    const t: EngineAccTables = target.engineTables();
    const k = this.kernel(t.kernel);
    if (k < 0) return -1;
    const kernel = t.kernel;
    const nd = kernel.plan.dimensions.length;
    const nRel = t.relPart.length;
    const at = this.alloc(4 * ACC_SLOTS);
    const rootDims = t.rootDims;
    const fields = [
      k,
      t.partDim.length,
      this.put(t.partOf),
      this.put(t.partDim),
      this.alloc(4 * t.partDim.length),
      this.alloc(4 * nd),
      this.alloc(8 * nd),
      nRel,
      this.put(t.relStart),
      this.put(t.relItems),
      this.put(t.relPart),
      t.others.length,
      this.put(t.others),
      this.alloc(4 * Math.max(1, kernel.conditional.length)),
      this.put(t.weights),
      t.minimum ? 1 : 0,
      rootDims ? rootDims.length : -1,
      this.put(rootDims ?? new Int32Array(0)),
      this.put(t.rootWeights),
      t.rootMinimum ? 1 : 0,
      this.alloc(8 * (rootDims?.length ?? 0)),
      this.alloc(4 * kernel.slots),
      this.alloc(4 * kernel.buckets),
      this.alloc(4 * kernel.slots),
      this.alloc(8 * kernel.slots),
      this.alloc(8 * nRel),
      this.alloc(8 * 2 * nRel),
    ];
    if (at < 0 || fields.some((f, i) => f < 0 && i !== 16)) {
      this.accs.set(target, -1);
      return -1;
    }
    this.i32.set(fields, at >> 2);
    this.accs.set(target, at);
    const [tally, buckets, relCount, relTotal, relN, relT] = fields.slice(21, 27) as number[];
    const drain = () => {
      const i32 = (o: number, n: number) => new Int32Array(this.memory.buffer, o, n);
      const f64 = (o: number, n: number) => new Float64Array(this.memory.buffer, o, n);
      const views = [
        i32(tally!, kernel.slots),
        i32(buckets!, kernel.buckets),
        i32(relCount!, kernel.slots),
        f64(relTotal!, kernel.slots),
        f64(relN!, nRel),
        f64(relT!, 2 * nRel),
      ] as const;
      target.absorbEngine(...views);
      for (const v of views) v.fill(0);
    };
    this.drains.push({ drain, detach: target.attachEngine(drain) });
    return at;
  }

  /** The offset of a kernel's tables (copied the first time), or −1. */
  private kernel(kernel: Kernel): number {
    const known = this.kernels.get(kernel);
    if (known !== undefined) return known;
    // Condition programs: postfix ops, a comparison as (leaf, item, table offset).
    const program: number[] = [];
    const starts: number[] = [];
    let ok = true;
    for (const steps of kernel.programs) {
      starts.push(program.length);
      for (const s of steps) {
        if (typeof s === "string") program.push(OP[s]);
        else {
          const table = this.put(s.table);
          if (table < 0) ok = false;
          program.push(OP.leaf, s.item, table);
        }
      }
      program.push(OP.end);
      // The module's stack holds 256 values: deeper programs stay in JavaScript.
      if (steps.length > 256) ok = false;
    }
    const at = this.alloc(4 * KERNEL_SLOTS);
    const fields = [
      kernel.columns,
      this.put(kernel.base),
      this.put(kernel.width),
      this.put(kernel.pack),
      kernel.plan.dimensions.length,
      this.put(kernel.dimItems),
      this.put(kernel.bucketBase),
      this.put(kernel.bucketValue),
      kernel.conditional.length,
      this.put(kernel.conditional),
      this.put(Int32Array.from(starts)),
      this.put(Int32Array.from(program)),
    ];
    if (!ok || at < 0 || fields.some((f) => f < 0)) {
      this.kernels.set(kernel, -1);
      return -1;
    }
    this.i32.set(fields, at >> 2);
    this.f64[(at + 48) >> 3] = kernel.minCoverage;
    this.kernels.set(kernel, at);
    return at;
  }

  /**
   * Scores plain lines of buf[from, to) until one the engine declines (it is at `stop`), the
   * end of the complete lines, or a full output (`full`); returns the rows scored. `call`
   * numbers the splitter's calls: within one, the chunk is copied once. `row` gets each row's
   * respondent hash (NaN when hashing is off or the row has no id), in file order.
   */
  take(
    buf: Uint8Array,
    from: number,
    to: number,
    call: number,
    hashing: boolean,
    row: (hash: number) => void,
  ): number {
    if (call !== this.copied || from < this.copiedFrom) {
      const n = to - from;
      const need = ARENA_END + n;
      if (need > this.memory.buffer.byteLength) {
        this.memory.grow(Math.ceil((need - this.memory.buffer.byteLength) / PAGE));
        this.views();
      }
      this.u8.set(buf.subarray(from, to), ARENA_END);
      this.copied = call;
      this.copiedFrom = from;
      this.chunkBytes = n;
    }
    const shift = ARENA_END - this.copiedFrom;
    const end = Math.min(to, this.copiedFrom + this.chunkBytes);
    this.i32[C.hash >> 2] = hashing ? 1 : 0;
    const rows = this.exports.run(from + shift, end + shift);
    const i32 = this.i32;
    const f64 = this.f64;
    this.sinceDrain += rows;
    if (this.sinceDrain >= DRAIN_EVERY) {
      for (const d of this.drains) d.drain();
      this.sinceDrain = 0;
    }
    this.stop = i32[C.stop >> 2]! - shift;
    this.full = rows === OUT_CAP;
    const outBinding = i32[C.outBinding >> 2]! >> 2;
    const outOverall = i32[C.outOverall >> 2]! >> 3;
    const outRoot = i32[C.outRoot >> 2]! >> 3;
    const outHash = i32[C.outHash >> 2]! >> 3;
    for (let r = 0; r < rows; r++) {
      const b = this.bindings[i32[outBinding + r]!]!;
      b.target.engineRow(f64[outOverall + r]!, f64[outRoot + r]!);
      b.count?.();
      row(hashing ? f64[outHash + r]! : Number.NaN);
    }
    return rows;
  }
}
