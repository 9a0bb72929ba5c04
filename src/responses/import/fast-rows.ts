// The import side of the scoring fast path (src/scoring/kernel.ts). A row whose cells are all
// plain short codes goes straight from its bytes to answer slots: the department and group are
// looked up by their bytes, each item cell by its bytes in two small tables. Anything else — an
// unknown department, a label, a value out of range, a short or long row — returns false and the
// row takes the generic path, which converts, logs and rejects as before. So the fast path never
// decides what counts as a problem; it only skips the strings when there is none.
import type { ColumnPlan } from "./columns.js";
import { type EngineTarget, RowEngine } from "./row-engine.js";
import { hashBytes, type LineBlock, type RowView } from "./split.js";

/**
 * Where fast rows go: the scorer's kernel for a department and group (Scorer.kernelFor). A
 * KernelAcc also has the row engine's side (EngineTarget).
 */
export interface FastTarget extends Partial<EngineTarget> {
  readonly items: readonly { readonly id: string; readonly options: readonly string[] }[];
  /** The slot of item j's option o (−1: no answer); `add` takes one slot per item. */
  slotOf(j: number, o: number): number;
  add(answers: Int32Array): void;
}

/** A row's department and group, resolved without logging; `count` tallies a row for them. */
export interface Placement {
  readonly department: string | undefined;
  readonly group: string;
  readonly count?: () => void;
}

/** Column decoders for one target. */
interface Binding {
  readonly target: FastTarget;
  readonly count: (() => void) | undefined;
  /** Per coded column (see FastRows.coded): kernel item position, or −1 (validated only). */
  readonly position: Int32Array;
  /**
   * Per coded column i, at i · width + the cell's code number (FastRows.codeOf): the answer
   * slot, VALID, or NOT_PLAIN. Small, unlike a byte table per target: the row loop reads a
   * different target's table for almost every row, so its size decides the cache misses.
   */
  readonly slots: Int32Array;
  /** Per coded column: the slot of no answer (an empty cell). */
  readonly blank: Int32Array;
  /** Coded column i is kernel item i, for every column (the usual case: spares a lookup). */
  readonly identity: boolean;
  /**
   * The row's answer slots, handed to the kernel. Every item with a column is written for each
   * row; the others keep the no-answer slot they start with.
   */
  readonly answers: Int32Array;
}

const NOT_PLAIN = -1;
/** addLine: a column that is neither coded nor free text, a free-text column, an empty coded cell. */
const OTHER_COLUMN = -1;
const TEXT_COLUMN = -2;
const EMPTY_CELL = -1;
/** A cell that converts cleanly in a column the kernel does not score. */
const VALID = -2;

export class FastRows {
  /** Department × group keys seen: open addressing, slot → entry number + 1 (0: free). */
  private table = new Int32Array(64);
  private readonly entries: { key: Buffer; dl: number; binding: Binding | null }[] = [];
  /** Item columns read through the code tables, and free-text columns (any text is valid). */
  private readonly coded: Int32Array;
  private readonly codedItems: readonly ColumnPlan["itemCols"][number][];
  private readonly text: Int32Array;
  private readonly fields: number;
  /** Per coded column: the codes its one- and two-byte cells convert to (numbered from 0). */
  private readonly codes: readonly (readonly string[])[];
  /** The most codes of any column: the row width of Binding.slots. */
  private readonly width: number;
  /** Per coded column i, at i · 256 + byte: the number of the code a one-byte cell is, or −1. */
  private readonly codeOf: Int16Array;
  /** Two-byte cells (b0 · 256 + b1) and their code numbers, column i's from pairStart[i]. */
  private readonly pairStart: Int32Array;
  private readonly pairKey: Int32Array;
  private readonly pairCode: Int32Array;
  /** The department and group columns the key is made of (−1: fixed for the whole file). */
  private readonly departmentCol: number;
  private readonly groupCol: number;
  /**
   * For `addLine`, per column: its coded column number, TEXT_COLUMN or OTHER_COLUMN; `kept`
   * marks the columns whose place is noted (`lineStart`, `lineEnd`): key, respondent id, submit
   * date.
   */
  private readonly lineRole: Int16Array;
  private readonly kept: Uint8Array;
  private readonly lineStart: Int32Array;
  private readonly lineEnd: Int32Array;
  /** A line's code numbers per coded column (EMPTY_CELL: an empty cell). */
  private readonly lineCodes: Int16Array;
  /** The row engine of the read in progress (see lineBlock). */
  private engine: RowEngine | undefined;

  constructor(
    private readonly plan: ColumnPlan,
    isFreeText: (item: string) => boolean,
    private readonly includeIncomplete: boolean,
    fixed: { readonly department?: string; readonly group?: string },
    private readonly place: (row: RowView) => Placement | undefined,
    private readonly targetFor: (
      department: string | undefined,
      group: string,
    ) => FastTarget | undefined,
  ) {
    this.codedItems = plan.itemCols.filter((c) => !isFreeText(c.item));
    this.coded = Int32Array.from(this.codedItems, (c) => c.col);
    this.text = Int32Array.from(
      plan.itemCols.filter((c) => isFreeText(c.item)),
      (c) => c.col,
    );
    this.fields = plan.header.length;
    const columns = this.codedItems;
    this.codes = columns.map((c) => [
      ...new Set([...c.byte.filter((v) => v !== undefined), ...c.byte2.values()]),
    ]);
    this.width = Math.max(1, ...this.codes.map((k) => k.length));
    this.codeOf = new Int16Array(columns.length * 256).fill(-1);
    const pairs: [number, number][] = [];
    this.pairStart = new Int32Array(columns.length + 1);
    columns.forEach((c, i) => {
      const codes = this.codes[i]!;
      c.byte.forEach((code, b) => {
        if (code !== undefined) this.codeOf[i * 256 + b] = codes.indexOf(code);
      });
      for (const [p, code] of c.byte2) pairs.push([p, codes.indexOf(code)]);
      this.pairStart[i + 1] = pairs.length;
    });
    this.pairKey = Int32Array.from(pairs, ([p]) => p);
    this.pairCode = Int32Array.from(pairs, ([, code]) => code);
    this.departmentCol = fixed.department === undefined ? plan.departmentCol : -1;
    this.groupCol = fixed.group === undefined ? plan.groupCol : -1;
    const role = new Int16Array(this.fields).fill(OTHER_COLUMN);
    this.coded.forEach((col, i) => {
      role[col] = i;
    });
    for (const col of this.text) role[col] = TEXT_COLUMN;
    this.lineRole = role;
    this.kept = new Uint8Array(this.fields);
    for (const c of [this.departmentCol, this.groupCol, plan.submittedCol, ...plan.respondentCols])
      if (c >= 0 && c < this.fields) this.kept[c] = 1;
    this.lineStart = new Int32Array(this.fields);
    this.lineEnd = new Int32Array(this.fields);
    this.lineCodes = new Int16Array(this.coded.length);
  }

  /**
   * `add` for a line without quotes, straight from its bytes buf[a, e) (no line break), cut at
   * `delimiter` field by field: a coded cell is read as it is passed, other fields are skipped,
   * and only the places of the key, id and submit-date fields are noted — the splitter's
   * per-field arrays are never filled. True when the row was scored; false (nothing done) for
   * anything else, including a department × group not seen yet: the caller then splits the
   * line and takes the usual way (`add`, or the generic path).
   */
  addLine(buf: Uint8Array, a: number, e: number, delimiter: number): boolean {
    const { kept, lineStart, lineEnd, lineCodes, codeOf } = this;
    const role = this.lineRole;
    const fields = this.fields;
    let p = a;
    // Free-text cells with text count as answers (as in `add`).
    let answered = 0;
    for (let col = 0; col < fields; col++) {
      const i = role[col]!;
      if (i >= 0) {
        // A coded cell: empty, or a code of one or two bytes.
        if (p === e || buf[p] === delimiter) lineCodes[i] = EMPTY_CELL;
        else if (p + 1 === e || buf[p + 1] === delimiter) {
          const code = codeOf[(i << 8) | buf[p]!]!;
          if (code < 0) return false;
          lineCodes[i] = code;
          p += 1;
        } else if (p + 2 === e || buf[p + 2] === delimiter) {
          const code = this.pairCodeOf(i, buf[p]!, buf[p + 1]!);
          if (code < 0) return false;
          lineCodes[i] = code;
          p += 2;
        } else return false;
      } else {
        const from = p;
        while (p < e && buf[p] !== delimiter) p++;
        if (kept[col]) {
          lineStart[col] = from;
          lineEnd[col] = p;
        }
        if (i === TEXT_COLUMN && p > from) {
          // Surrounding blanks would be trimmed away, maybe to nothing: `add` decides.
          if (buf[from]! <= 32 || buf[p - 1]! <= 32) return false;
          answered++;
        }
      }
      // Between fields a delimiter; after the last one the end of the line.
      if (col < fields - 1) {
        if (p >= e) return false;
        p++;
      } else if (p !== e) return false;
    }
    const sub = this.plan.submittedCol;
    if (sub >= 0 && !this.includeIncomplete && blank(buf, lineStart[sub]!, lineEnd[sub]!))
      return false;
    const dc = this.departmentCol;
    const gc = this.groupCol;
    const da = dc >= 0 ? lineStart[dc]! : 0;
    const ga = gc >= 0 ? lineStart[gc]! : 0;
    const at = this.lookup(
      buf,
      da,
      dc >= 0 ? lineEnd[dc]! - da : 0,
      ga,
      gc >= 0 ? lineEnd[gc]! - ga : 0,
    );
    const b = at >= 0 ? this.entries[at]!.binding : null;
    if (!b) return false;
    const { position, slots, answers, identity } = b;
    const empty = b.blank;
    const width = this.width;
    for (let i = 0; i < lineCodes.length; i++) {
      const code = lineCodes[i]!;
      let v: number;
      if (code === EMPTY_CELL) v = empty[i]!;
      else {
        v = slots[i * width + code]!;
        answered++;
      }
      if (v === NOT_PLAIN) return false;
      if (identity) answers[i] = v;
      else {
        const j = position[i]!;
        if (j >= 0) answers[j] = v;
      }
    }
    if (answered === 0) return false;
    b.target.add(answers);
    b.count?.();
    return true;
  }

  /**
   * addLine for many lines per call, in WebAssembly (row-engine.ts), for one read: `took` gets
   * each row it scored, with the row's respondent hash when `hashing` (else NaN), in file
   * order; it takes nothing while `skip()` (the header line is ahead). `mod` is the compiled
   * engine. Undefined when a key or submit-date column lies past the header's fields (addLine
   * notes no place for it).
   */
  lineBlock(
    mod: WebAssembly.Module,
    hashing: boolean,
    took: (hash: number) => void,
    skip: () => boolean,
  ): LineBlock | undefined {
    const role = this.lineRole;
    const plan = this.plan;
    const sub = this.includeIncomplete ? -1 : plan.submittedCol;
    const special = [sub, this.departmentCol, this.groupCol];
    if (special.some((c) => c >= this.fields)) return undefined;
    let engine: RowEngine | undefined;
    /** The line tables did not fit the engine: JavaScript takes every line. */
    let unfit = false;
    const block: LineBlock = {
      stop: 0,
      full: false,
      take: (buf, from, to, call, delimiter) => {
        if (skip() || unfit) return 0;
        if (!engine) {
          engine = RowEngine.create(mod, {
            fields: this.fields,
            coded: this.coded.length,
            width: this.width,
            delimiter,
            submittedCol: sub,
            departmentCol: this.departmentCol,
            groupCol: this.groupCol,
            role,
            codeOf: this.codeOf,
            pairStart: this.pairStart,
            pairKey: this.pairKey,
            pairCode: this.pairCode,
            respondentCols: plan.respondentCols,
          });
          if (!engine) {
            unfit = true;
            return 0;
          }
          for (const e of this.entries) engine.addEntry(e.key, e.dl, engineBinding(e.binding));
          this.engine = engine;
        }
        const rows = engine.take(buf, from, to, call, hashing, took);
        block.stop = engine.stop;
        block.full = engine.full;
        return rows;
      },
      release: () => {
        engine?.release();
        if (this.engine === engine) this.engine = undefined;
        engine = undefined;
      },
    };
    return block;
  }

  /** The code number of a two-byte cell in coded column i, or −1. */
  private pairCodeOf(i: number, b0: number, b1: number): number {
    // Few two-byte codes per column ("dk", "na", "10"): a scan beats a Map lookup.
    const key = b0 * 256 + b1;
    const { pairStart, pairKey, pairCode } = this;
    for (let k = pairStart[i]!; k < pairStart[i + 1]!; k++)
      if (pairKey[k] === key) return pairCode[k]!;
    return -1;
  }

  /** The respondent hash of the line `addLine` last scored (as FileImporter.respondentHash). */
  lineHash(buf: Uint8Array): number {
    const cols = this.plan.respondentCols;
    for (let k = 0; k < cols.length; k++) {
      const c = cols[k]!;
      if (c >= this.fields) continue;
      let a = this.lineStart[c]!;
      let b = this.lineEnd[c]!;
      while (a < b && buf[a]! <= 32) a++;
      while (b > a && buf[b - 1]! <= 32) b--;
      if (a < b) return hashBytes(buf, a, b);
    }
    return Number.NaN;
  }

  /** Scores the row on the fast path and returns true, or returns false (nothing done). */
  add(row: RowView): boolean {
    if (row.count !== this.fields) return false;
    const buf = row.buf;
    const start = row.start;
    const end = row.end;
    const sub = this.plan.submittedCol;
    if (sub >= 0 && !this.includeIncomplete && blank(buf, start[sub]!, end[sub]!)) return false;
    const b = this.binding(row);
    if (!b) return false;
    const { position, slots, answers, identity } = b;
    const empty = b.blank;
    const { coded, codeOf, width } = this;
    let answered = 0;
    for (let i = 0; i < coded.length; i++) {
      const col = coded[i]!;
      const a = start[col]!;
      const n = end[col]! - a;
      let v: number;
      if (n === 1) {
        const code = codeOf[(i << 8) | buf[a]!]!;
        if (code < 0) return false;
        v = slots[i * width + code]!;
        answered++;
      } else if (n === 0) v = empty[i]!;
      else if (n === 2) {
        const code = this.pairCodeOf(i, buf[a]!, buf[a + 1]!);
        if (code < 0) return false;
        v = slots[i * width + code]!;
        answered++;
      } else return false;
      if (v === NOT_PLAIN) return false;
      if (identity) answers[i] = v;
      else {
        const p = position[i]!;
        if (p >= 0) answers[p] = v;
      }
    }
    const text = this.text;
    for (let i = 0; i < text.length; i++) {
      const a = start[text[i]!]!;
      const n = end[text[i]!]! - a;
      if (n === 0) continue;
      // Surrounding blanks would be trimmed away, maybe to nothing: the generic path decides.
      if (buf[a]! <= 32 || buf[a + n - 1]! <= 32) return false;
      answered++;
    }
    if (answered === 0) return false;
    b.target.add(answers);
    b.count?.();
    return true;
  }

  /** The binding for the row's department and group, looked up by their bytes. */
  private binding(row: RowView): Binding | undefined {
    const dc = this.departmentCol;
    const gc = this.groupCol;
    const buf = row.buf;
    // The key: department bytes, a separator no text contains, group bytes.
    const da = dc >= 0 ? row.start[dc]! : 0;
    const de = dc >= 0 ? row.end[dc]! : 0;
    const ga = gc >= 0 ? row.start[gc]! : 0;
    const ge = gc >= 0 ? row.end[gc]! : 0;
    if ((dc >= 0 && row.escaped[dc]) || (gc >= 0 && row.escaped[gc])) return undefined;
    const dl = de - da;
    const gl = ge - ga;
    const at = this.lookup(buf, da, dl, ga, gl);
    if (at >= 0) return this.entries[at]!.binding ?? undefined;
    // A new department × group (the table stays small: beyond 10,000 the generic path decides).
    if (this.entries.length >= 10_000) return undefined;
    const binding = this.bind(row);
    const key = Buffer.concat([buf.subarray(da, de), buf.subarray(ga, ge)]);
    this.entries.push({ key, dl, binding });
    this.engine?.addEntry(key, dl, engineBinding(binding));
    this.table[-at - 1] = this.entries.length;
    if (this.entries.length * 2 > this.table.length) this.grow();
    return binding ?? undefined;
  }

  /**
   * The entry number of a department × group key (its bytes at da and ga), or −(free slot + 1).
   * The slot comes from the lengths and a few bytes (no loop over the text); the whole key is
   * compared, so names alike in those bytes only cost a longer probe.
   */
  private lookup(buf: Uint8Array, da: number, dl: number, ga: number, gl: number): number {
    const table = this.table;
    const mask = table.length - 1;
    let at = keySlot(buf, da, dl, buf, ga, gl) & mask;
    for (;;) {
      const e = table[at]!;
      if (e === 0) return -at - 1;
      const entry = this.entries[e - 1]!;
      const key = entry.key;
      if (entry.dl === dl && key.length === dl + gl) {
        let same = true;
        for (let i = 0; same && i < dl; i++) same = key[i] === buf[da + i];
        for (let i = 0; same && i < gl; i++) same = key[dl + i] === buf[ga + i];
        if (same) return e - 1;
      }
      at = (at + 1) & mask;
    }
  }

  /** Doubles the table and places every entry again. */
  private grow(): void {
    const table = new Int32Array(this.table.length * 2);
    const mask = table.length - 1;
    this.entries.forEach((e, i) => {
      let at = keySlot(e.key, 0, e.dl, e.key, e.dl, e.key.length - e.dl) & mask;
      while (table[at] !== 0) at = (at + 1) & mask;
      table[at] = i + 1;
    });
    this.table = table;
  }

  private bind(row: RowView): Binding | null {
    const p = this.place(row);
    if (!p) return null;
    const target = this.targetFor(p.department, p.group);
    if (!target) return null;
    const at = new Map(target.items.map((k, j) => [k.id, j]));
    const columns = this.codedItems;
    const position = Int32Array.from(columns, (c) =>
      c.key === c.item ? (at.get(c.item) ?? -1) : -1,
    );
    // Each row must write every item that has options (see Binding.answers).
    const written = new Set(position);
    if (target.items.some((k, j) => k.options.length > 0 && !written.has(j))) return null;
    // Per column, the slot of each code its cells convert to.
    const slots = new Int32Array(columns.length * this.width).fill(NOT_PLAIN);
    columns.forEach((_, i) => {
      const j = position[i]!;
      const options = target.items[j]?.options;
      this.codes[i]!.forEach((code, k) => {
        const o = options ? options.indexOf(code) : -1;
        slots[i * this.width + k] = j < 0 ? VALID : o < 0 ? NOT_PLAIN : target.slotOf(j, o);
      });
    });
    const blank = Int32Array.from(position, (j) => (j < 0 ? VALID : target.slotOf(j, -1)));
    return {
      target,
      count: p.count,
      position,
      slots,
      blank,
      identity: position.every((j, i) => j === i),
      answers: Int32Array.from(target.items, (_, j) => target.slotOf(j, -1)),
    };
  }
}

/** A binding the row engine can score for (its target is a KernelAcc), or null. */
function engineBinding(b: Binding | null): (Binding & { target: EngineTarget }) | null {
  return b?.target.engineTables ? (b as Binding & { target: EngineTarget }) : null;
}

/** A department × group key's hash from its lengths and a few of its bytes (see `binding`). */
function keySlot(
  d: Uint8Array,
  da: number,
  dl: number,
  g: Uint8Array,
  ga: number,
  gl: number,
): number {
  let h = Math.imul(dl, 0x9e3779b1) ^ Math.imul(gl, 0x85ebca6b);
  if (dl > 0) {
    const end = da + dl;
    h = Math.imul(
      h ^ (d[da]! | (d[end - 1]! << 8) | ((dl > 1 ? d[end - 2]! : 0) << 16)),
      0x01000193,
    );
  }
  if (gl > 0) h = Math.imul(h ^ (g[ga]! | (g[ga + gl - 1]! << 8)), 0x01000193);
  return h ^ (h >>> 15);
}

function blank(buf: Uint8Array, a: number, b: number): boolean {
  for (let i = a; i < b; i++) if (buf[i]! > 32) return false;
  return true;
}
