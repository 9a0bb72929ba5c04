// One export file, row by row: completeness, department, group, respondent id, and every cell
// converted to an answer code. Problems go to the log; a row that cannot be scored comes back as
// a reject with its reason. Pure: no file system, no printing.
import { type Said, said } from "../../messages/catalogue.js";
import { coded, codedFrom, type Problem } from "../../problem.js";
import type { Condition, Questionnaire } from "../../questionnaire/model.js";
import { closest } from "../../questionnaire/suggest.js";
import { type AnswerCodes, compileCondition, type KeyCodes } from "../answer-codes.js";
import type { ResponseRecord } from "../model.js";
import type { Catalog } from "./catalog.js";
import { answerKeys } from "./catalog.js";
import type { ColumnPlan, ItemColumn } from "./columns.js";
import { hash53, scopedHash } from "./dedupe.js";
import type { Mapping } from "./mapping.js";
import type { ProblemLog } from "./problem-log.js";
import { RowAnswers } from "./row-answers.js";
import { ByteInterner, hashBytes, type RowView } from "./split.js";
import { isIdLike, normalizeKey, slug } from "./text.js";
import { isInvalid, tickOf } from "./values.js";

export interface RowOptions {
  /** Department id for every row of the file (--department). */
  readonly department?: string;
  /** Group id for every row (--group); else the group column; else `defaultGroup`. */
  readonly group?: string;
  readonly defaultGroup: string;
  readonly includeIncomplete: boolean;
  readonly allowUnknownDepartments: boolean;
  /** The questionnaire a record is scored with (Scorer.questionnaireFor). */
  readonly questionnaireFor: (department: string | undefined, group: string) => Questionnaire;
  /** The scoring run's answer codes (Scorer.codes): cells become these codes. */
  readonly codes: AnswerCodes;
}

/** An item column's cells as answer codes: one-byte and two-byte cells by table, the rest converted. */
interface CodedColumn {
  readonly column: ItemColumn;
  readonly codes: KeyCodes;
  /** Two-byte cells ("dk", "na", "10") as b0 · 256 + b1 and their codes: a few, searched in turn. */
  readonly pairs: Int32Array;
  readonly pairCodes: Int32Array;
}

export type RowOutcome =
  | { readonly kind: "record"; readonly record: ResponseRecord }
  | { readonly kind: "reject"; readonly reason: string }
  | { readonly kind: "incomplete" };

const INCOMPLETE: RowOutcome = { kind: "incomplete" };
/** LimeSurvey's VV export writes this for a question the respondent never saw: a blank cell. */
const NOT_SHOWN = "{question_not_shown}";

/** An outcome to keep past the next row: a record's codes are otherwise overwritten by it. */
export function kept(o: RowOutcome): RowOutcome {
  if (o.kind !== "record") return o;
  const answers = (o.record.answers as RowAnswers).copy();
  return { kind: "record", record: { ...o.record, answers, aligned: answers } };
}

type Resolved =
  | { readonly id: string; readonly note?: "no-questionnaire" | "allowed" }
  | { readonly error: Said };

/** A cell the account counts (invalid, or answered but not asked), with its place. */
export interface CellExample {
  readonly row: number;
  readonly column: number;
  readonly value: string;
}
/** Examples kept per kind of cell. */
const EXAMPLES = 3;

/** Per slot whose item is not always asked of a place: why not (a reason) or its `when`. */
type NotAlwaysAsked = { readonly slot: number; readonly item: string } & (
  | { readonly questionnaire: string }
  | { readonly only: readonly string[]; readonly group: string }
  | { readonly when: (codes: Int32Array, row: number) => boolean; readonly source: string }
);

/** A row rejected with a problem; its reason (rejects.csv) is the problem's English message. */
const rejected = (reject: Problem) => ({ reject, reason: reject.message });

/** Distinct department values remembered per file; beyond this, values are resolved each time. */
const MEMO_LIMIT = 10_000;

function pairCode(c: CodedColumn, pair: number): number {
  for (let i = 0; i < c.pairs.length; i++) if (c.pairs[i] === pair) return c.pairCodes[i]!;
  return -1;
}

export class FileImporter {
  private readonly departments = new Map<string, Resolved>();
  private readonly groups = new Map<string, string | undefined>();
  /** Departments scored without an own questionnaire: id → first line, rows. */
  private readonly coreScored = new Map<
    string,
    { value: string; line: number; rows: number; allowed: boolean }
  >();
  /**
   * Per (department, group) seen: the slots its questionnaire does not always ask (for the
   * answered-not-asked account); the pairs also tell "items without a column" at the end.
   */
  private readonly places = new Map<string | undefined, Map<string, NotAlwaysAsked[]>>();
  private readonly seen: { readonly department: string | undefined; readonly group: string }[] = [];
  private readonly coded: readonly CodedColumn[];
  /** Per item column k (as in `coded`): its column, its slot, and at k · 256 + byte the code of
   * a one-byte cell (−1: convert it); flat arrays, no object to reach through per cell. */
  private readonly cols: Int32Array;
  private readonly slotOf: Int32Array;
  private readonly byteCodes: Int32Array;
  /**
   * The current row: its codes, and the record and outcome that hand them on. All three are
   * reused row after row (no garbage per row): valid until the next row; `kept` copies one.
   */
  private readonly codes: Int32Array;
  private readonly answers: RowAnswers;
  private readonly record: { department: string | undefined; group: string } & ResponseRecord;
  private readonly outcome: RowOutcome;
  /** Per slot, the codes of its key (choice columns build their answer first). */
  private readonly slotCodes: readonly KeyCodes[];
  private readonly interned = new ByteInterner();
  private readonly external: ReadonlySet<string>;
  /** Column of each slot (a multi item's first choice column), for messages. */
  private readonly slotCol: number[] = [];
  /** Cells the account counts: dropped as invalid, or answers to items not asked. */
  readonly cells = {
    invalid: { count: 0, examples: [] as CellExample[] },
    notAsked: { count: 0, examples: [] as CellExample[] },
  };

  constructor(
    readonly file: string,
    readonly plan: ColumnPlan,
    private readonly catalog: Catalog,
    private readonly mapping: Mapping,
    private readonly options: RowOptions,
    private readonly log: ProblemLog,
  ) {
    this.external = catalog.externalGroups;
    const all = options.codes;
    this.slotCodes = [...plan.keyIndex.keys()].map((k) => all.of(k));
    this.codes = new Int32Array(plan.keyIndex.size);
    this.answers = new RowAnswers(plan.keyIndex, this.codes, all);
    const answers = this.answers;
    this.record = { department: undefined, group: "", answers, aligned: answers };
    this.outcome = { kind: "record", record: this.record };
    for (const c of [...plan.itemCols, ...plan.choiceCols]) this.slotCol[c.slot] ??= c.col;
    this.byteCodes = new Int32Array(plan.itemCols.length * 256);
    this.coded = plan.itemCols.map((column, k) => {
      const codes = all.of(column.key);
      column.byte.forEach((v, b) => {
        this.byteCodes[k * 256 + b] = v === undefined ? -1 : codes.code(v);
      });
      return {
        column,
        codes,
        pairs: Int32Array.from(column.byte2.keys()),
        pairCodes: Int32Array.from(column.byte2.values(), (v) => codes.code(v)),
      };
    });
    this.cols = Int32Array.from(this.coded, (c) => c.column.col);
    this.slotOf = Int32Array.from(this.coded, (c) => c.column.slot);
  }

  /**
   * Department and group of a row, into the record; or the problem that rejects the row (`row()`
   * logs it). A department scored with the core is counted for the end-of-file note.
   */
  private resolvePlace(
    row: RowView,
  ): { readonly reject: Problem; readonly reason: string } | undefined {
    const { plan, file } = this;
    const line = row.line;
    let group = this.options.group;
    if (group === undefined && plan.groupCol >= 0) {
      const raw = this.interned.get(row, plan.groupCol);
      if (raw !== "") {
        group = this.resolveGroup(raw);
        if (group === undefined) {
          const at = { file, line, column: plan.groupCol + 1 };
          return rejected(coded("unknown-group.row", { raw, groups: this.catalog.groupIds }, at));
        }
      }
    }
    group ??= this.options.defaultGroup;
    this.record.group = group;
    this.record.department = this.options.department;
    if (this.options.department !== undefined) return undefined;
    const raw = plan.departmentCol >= 0 ? this.interned.get(row, plan.departmentCol) : "";
    if (raw === "") {
      if (this.external.has(group)) return undefined;
      const inRow = plan.departmentCol >= 0;
      const at = { file, line, ...(inRow ? { column: plan.departmentCol + 1 } : {}) };
      return rejected(coded(inRow ? "missing-department.row" : "missing-department.file", {}, at));
    }
    const r = this.resolveDepartment(raw);
    if ("error" in r) {
      return rejected(codedFrom(r.error, { file, line, column: plan.departmentCol + 1 }));
    }
    if (r.note) this.countCoreScored(r.id, raw, line, r.note === "allowed");
    this.record.department = r.id;
    return undefined;
  }

  /** A row of a department without its own questionnaire (reported once per file at the end). */
  private countCoreScored(id: string, raw: string, line: number, allowed: boolean): void {
    const c = this.coreScored.get(id);
    if (c) c.rows++;
    else this.coreScored.set(id, { value: raw, line, rows: 1, allowed });
  }

  /** No submit date: empty (CSV export), `NULL` or not shown (VV export). */
  isIncomplete(row: RowView): boolean {
    const c = this.plan.submittedCol;
    if (this.options.includeIncomplete || c < 0) return false;
    const v = row.trimmed(c);
    return v === "" || v === "NULL" || v === NOT_SHOWN;
  }

  /**
   * Hash of the row's respondent identity (NaN when it has none), from the bytes (duplicate
   * pass). An id that names only a row of this export (LimeSurvey `id`, Forms `ID`: 1, 2, 3 … in
   * every survey) is scoped to the file: the same number in another file is another person.
   */
  respondentHash(row: RowView, fileIndex: number): number {
    const buf = row.buf;
    const cols = this.plan.respondentCols;
    for (let k = 0; k < cols.length; k++) {
      const c = cols[k]!;
      if (c >= row.count) continue;
      let a = row.start[c]!;
      let b = row.end[c]!;
      while (a < b && buf[a]! <= 32) a++;
      while (b > a && buf[b - 1]! <= 32) b--;
      if (a === b) continue;
      const h = row.escaped[c] ? hash53(row.trimmed(c)) : hashBytes(buf, a, b);
      return this.plan.acrossFiles[k] ? h : scopedHash(h, fileIndex);
    }
    return Number.NaN;
  }

  /** Fields the duplicate pass needs per row: up to the respondent and submit-date columns. */
  get idFields(): number {
    return Math.max(0, this.plan.submittedCol, ...this.plan.respondentCols) + 1;
  }

  /** The respondent id in the row and where it came from, or undefined (an id is generated). */
  identify(row: RowView): { id: string; col: number; acrossFiles: boolean } | undefined {
    const cols = this.plan.respondentCols;
    for (let k = 0; k < cols.length; k++) {
      const id = row.trimmed(cols[k]!);
      if (id) return { id, col: cols[k]!, acrossFiles: this.plan.acrossFiles[k]! };
    }
    return undefined;
  }

  row(row: RowView): RowOutcome {
    const { plan, file, log } = this;
    const line = row.line;
    if (this.isIncomplete(row)) return INCOMPLETE;
    let extra = false;
    for (let i = plan.header.length; i < row.count; i++) extra ||= row.trimmed(i) !== "";
    if (extra) {
      const at = { file, line, column: plan.header.length + 1, severity: "warning" } as const;
      log.add(coded("extra-fields", { fields: row.count, header: plan.header.length }, at));
    } else if (row.count < plan.header.length) {
      // A row cut short would otherwise pass as one that left its last items blank.
      const at = { file, line, column: row.count + 1, severity: "warning" } as const;
      log.add(coded("missing-fields", { fields: row.count, header: plan.header.length }, at));
    }
    const rejects = this.resolvePlace(row);
    if (rejects) {
      log.add(rejects.reject);
      return { kind: "reject", reason: rejects.reason };
    }
    const { department, group } = this.record;
    // Answers, as codes, in a buffer reused row after row (typed arrays are costly to allocate).
    const codes = this.codes;
    codes.fill(0);
    let answered = 0;
    const { cols, slotOf, byteCodes } = this;
    const byCol = this.coded;
    const { buf, start, end } = row;
    for (let k = 0; k < cols.length; k++) {
      const col = cols[k]!;
      if (col >= row.count) continue;
      const a = start[col]!;
      const n = end[col]! - a;
      if (n === 0) continue;
      const slot = slotOf[k]!;
      // A one- or two-byte cell ("1" … "5", "dk") is a table lookup, no string.
      const hit =
        n === 1
          ? byteCodes[k * 256 + buf[a]!]!
          : n === 2
            ? pairCode(byCol[k]!, buf[a]! * 256 + buf[a + 1]!)
            : -1;
      if (hit >= 0) {
        codes[slot] = hit;
        answered++;
        continue;
      }
      const c = byCol[k]!;
      let v = row.text(col)!;
      if (v.charCodeAt(0) <= 32 || v.charCodeAt(v.length - 1) <= 32) v = v.trim();
      if (v === "" || v === NOT_SHOWN) continue;
      const code = c.column.convert(v);
      if (isInvalid(code)) {
        log.add(codedFrom(code.says, { file, line, column: col + 1, severity: "warning" }));
        if (code.keep === undefined) {
          this.note("invalid", line, col, v);
          continue;
        }
      }
      codes[slot] = c.codes.code(isInvalid(code) ? code.keep : code);
      answered++;
    }
    if (plan.choiceCols.length > 0) answered += this.choices(row, codes);
    if (answered === 0) {
      const p = coded("no-answers", {}, { file, line, severity: "warning" });
      log.add(p);
      return { kind: "reject", reason: p.message };
    }
    this.checkAsked(department, group, this.answers, line);
    return this.outcome;
  }

  /** Counts a cell for the account, keeping the first few as examples (column 0-based). */
  private note(kind: "invalid" | "notAsked", row: number, col: number, value: string): void {
    const c = this.cells[kind];
    if (c.count++ < EXAMPLES) c.examples.push({ row, column: col + 1, value });
  }

  /**
   * Answers to items the respondent was not asked (another group's or department's item, or a
   * `when` that does not hold): the scorer leaves them out; the account counts them.
   */
  private checkAsked(dep: string | undefined, group: string, answers: RowAnswers, line: number) {
    let byGroup = this.places.get(dep);
    if (!byGroup) {
      byGroup = new Map();
      this.places.set(dep, byGroup);
    }
    let list = byGroup.get(group);
    if (!list) {
      list = this.notAlwaysAsked(this.options.questionnaireFor(dep, group), group);
      byGroup.set(group, list);
      this.seen.push({ department: dep, group });
    }
    // Indexed, not for-of: this runs for every row (an iterator per row is garbage).
    for (let k = 0; k < list.length; k++) {
      const n = list[k]!;
      const code = answers.codes[n.slot]!;
      if (code === 0 || ("when" in n && n.when(answers.codes, 0))) continue;
      const value = this.slotCodes[n.slot]!.strings[code] ?? "";
      const why =
        "when" in n
          ? { condition: n.source }
          : "only" in n
            ? { only: n.only, group: n.group }
            : { questionnaire: n.questionnaire };
      this.note("notAsked", line, this.slotCol[n.slot]!, value);
      const at = { file: this.file, line, column: this.slotCol[n.slot]! + 1 };
      this.log.add(
        coded(
          "answered-not-asked",
          { value, item: n.item, ...why },
          { ...at, severity: "warning" },
        ),
      );
    }
  }

  /** A `when` over this file's codes, evaluated once per code (the scorer's own compilation). */
  private condition(when: Condition): (codes: Int32Array, row: number) => boolean {
    const { keyIndex } = this.plan;
    return compileCondition(
      when,
      (key) => keyIndex.get(key) ?? -1,
      (at) => this.slotCodes[at]!.strings,
    );
  }

  private notAlwaysAsked(q: Questionnaire, group: string): NotAlwaysAsked[] {
    const items = new Map(q.items.map((i) => [i.id, i]));
    const out: NotAlwaysAsked[] = [];
    for (const [key, slot] of this.plan.keyIndex) {
      const id = key.replace(/\[.*$/, "");
      const item = items.get(id);
      if (!item) out.push({ slot, item: id, questionnaire: q.id });
      else if (item.groups && !item.groups.includes(group))
        out.push({ slot, item: id, only: item.groups, group });
      else if (item.when)
        out.push({
          slot,
          item: id,
          when: this.condition(item.when),
          source: item.whenSource ?? "",
        });
    }
    return out;
  }

  /** A row's multi-select choice columns: each item's ticked choices as one answer; how many. */
  private choices(row: RowView, codes: Int32Array): number {
    const { file, log, plan } = this;
    const line = row.line;
    const chosen: (string | undefined)[] = [];
    let ticked = 0;
    for (const c of plan.choiceCols) {
      const raw = row.trimmed(c.col);
      if (raw === "" || raw === NOT_SHOWN) continue;
      const t = tickOf(raw, c.labels);
      if (t === undefined) {
        log.add(
          coded(
            "unknown-label.choice-column",
            { raw, item: c.item },
            { file, line, column: c.col + 1, severity: "warning" },
          ),
        );
        this.note("invalid", line, c.col, raw);
        continue;
      }
      if (!t) continue;
      const before = chosen[c.slot] ?? this.slotCodes[c.slot]!.strings[codes[c.slot]!];
      chosen[c.slot] = before === undefined ? c.choice : `${before};${c.choice}`;
      ticked++;
    }
    chosen.forEach((answer, slot) => {
      codes[slot] = this.slotCodes[slot]!.code(answer);
    });
    return ticked;
  }

  private resolveGroup(raw: string): string | undefined {
    if (this.groups.has(raw)) return this.groups.get(raw);
    const k = normalizeKey(raw);
    const g = this.mapping.groups.get(k) ?? this.catalog.groupByKey.get(k);
    if (this.groups.size < MEMO_LIMIT) this.groups.set(raw, g);
    return g;
  }

  private resolveDepartment(raw: string): Resolved {
    const memo = this.departments.get(raw);
    if (memo) return memo;
    const r = this.resolveDepartmentUncached(raw);
    if (this.departments.size < MEMO_LIMIT) this.departments.set(raw, r);
    return r;
  }

  private resolveDepartmentUncached(raw: string): Resolved {
    const k = normalizeKey(raw);
    const known = this.catalog.departmentNames;
    const mapped = this.mapping.departments.get(k);
    if (mapped !== undefined)
      return known.has(mapped) ? { id: mapped } : { id: mapped, note: "no-questionnaire" };
    const byName = this.catalog.departmentByKey.get(k);
    if (byName !== undefined) return { id: byName };
    if (this.options.allowUnknownDepartments)
      return { id: isIdLike(raw) ? raw : slug(raw) || "unknown", note: "allowed" };
    const candidates = [...known.keys(), ...[...known.values()].flatMap((n) => Object.values(n))];
    const near = closest(raw, candidates);
    if (isIdLike(raw) && near === undefined) return { id: raw, note: "no-questionnaire" };
    return {
      error: said("unknown-department.row", { raw, closest: near, known: [...known.keys()] }),
    };
  }

  /** Problems known only at the end of the file: departments scored with the core, items without a column. */
  finish(): void {
    const { file, log } = this;
    for (const [id, c] of [...this.coreScored].sort((a, b) => a[1].line - b[1].line)) {
      log.add(
        coded(
          "department-without-questionnaire",
          { value: c.value, id, rows: c.rows, allowed: c.allowed },
          {
            file,
            line: c.line,
            ...(this.plan.departmentCol >= 0 ? { column: this.plan.departmentCol + 1 } : {}),
            severity: "warning",
          },
        ),
      );
    }
    const missing: string[] = [];
    const seenItems = new Set<string>();
    for (const { department, group } of this.seen) {
      const q = this.options.questionnaireFor(department, group);
      for (const item of q.items) {
        if (
          seenItems.has(item.id) ||
          item.type === "text" ||
          (item.groups && !item.groups.includes(group))
        )
          continue;
        seenItems.add(item.id);
        if (!this.plan.items.has(item.id) && answerKeys(item).length > 0) missing.push(item.id);
      }
    }
    if (missing.length > 0) {
      log.add(
        coded(
          "item-without-column",
          { count: missing.length, shown: missing.slice(0, 20) },
          { file, line: 1, severity: "warning" },
        ),
      );
    }
  }
}
