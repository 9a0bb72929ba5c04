// Imports a set of export files into a scorer in two streaming passes. Pass 1 reads every file
// once to settle the encoding (invalid UTF-8 → Windows-1252), the header and dialect, and to hash
// each row's respondent id (duplicates: the last complete submission is kept). Pass 2 converts
// each row and hands it to the scorer, or to the rejects with its reason.
// The reader is injected: this module touches no file system.
import { coded } from "../../problem.js";
import { closest } from "../../questionnaire/suggest.js";
import type { ResponseRecord } from "../model.js";
import type { Catalog } from "./catalog.js";
import { type ColumnPlan, planColumns } from "./columns.js";
import type { Delimiter } from "./csv.js";
import { HashColumn } from "./dedupe.js";
import { type EncodingName, isInvalidEncodingError } from "./encoding.js";
import { FileImporter, kept, type RowOptions, type RowOutcome } from "./file-importer.js";
import type { Mapping } from "./mapping.js";
import { detectPreset, PRESETS, type Preset, type PresetId } from "./presets/index.js";
import { ProblemLog } from "./problem-log.js";
import { type RowSink, RowView, type SplitIssue } from "./split.js";
import { normalizeKey } from "./text.js";
import type { ValueOverrides } from "./values.js";

export interface ReadRequest {
  readonly file: string;
  /** Forced or previously detected; undefined = detect from the bytes. */
  readonly encoding?: EncodingName;
  readonly delimiter?: Delimiter;
  /** Throw on invalid UTF-8 (pass 1) instead of replacing it. */
  readonly fatal: boolean;
}

export interface ReadInfo {
  readonly encoding: EncodingName;
  readonly bom: boolean;
  readonly delimiter: Delimiter;
  readonly bytes: number;
  readonly issues: readonly SplitIssue[];
}

/** Streams a file's records (the first is the header). */
export interface ExportReader {
  read(req: ReadRequest, onRecord: RowSink, onBytes?: (n: number) => void): Promise<ReadInfo>;
}

export interface ImportSettings {
  readonly encoding?: EncodingName;
  readonly delimiter?: Delimiter;
  readonly preset?: PresetId;
  readonly mapping: Mapping;
  readonly overrides: ValueOverrides;
  readonly row: RowOptions;
  /** Keep only the last complete submission per respondent id (default on). */
  readonly dedupe: boolean;
}

export interface ImportSinks {
  /** A scored row: the record (and its codes) is valid until the next call; copy what you keep. */
  add(record: ResponseRecord): void;
  /** Rejected rows: the union of the files' columns, then file, row, reason. */
  reject?(cells: readonly string[]): void;
  /** Called once before the first reject with the rejects header. */
  rejectHeader?(columns: readonly string[]): void;
  /** Bytes read so far (both passes) and in all. */
  progress?(done: number, total: number): void;
  /** Called when a file's detection is settled (after pass 1). */
  detected?(f: FileAccount): void;
}

export interface FileAccount {
  readonly file: string;
  readonly encoding: EncodingName;
  readonly bom: boolean;
  readonly delimiter: Delimiter;
  readonly preset: PresetId;
  /** false when the preset was forced or is the fallback. */
  readonly presetDetected: boolean;
  readonly bytes: number;
  rows: number;
  scored: number;
  rejected: number;
  /** Rows left out as incomplete responses (not rejected). */
  incomplete: number;
  /** Of the rejected: earlier submissions of a respondent id seen again later. */
  duplicates: number;
  /**
   * How a respondent is recognised, best first: a column whose id names a person across files
   * (token, e-mail, respondent), or the export's own row id, which counts only within this file.
   */
  readonly identity: readonly { readonly column: string; readonly acrossFiles: boolean }[];
  columns: { items: number; meta: number; ignored: number; unmatched: number };
  /** Cells not scored although filled: invalid values, answers to items not asked; examples. */
  cells: FileImporter["cells"];
}

export interface ImportAccount {
  readonly files: FileAccount[];
  readonly totals: {
    rows: number;
    scored: number;
    rejected: number;
    incomplete: number;
    duplicates: number;
    invalidCells: number;
    notAskedCells: number;
  };
  readonly problems: {
    readonly errors: number;
    readonly warnings: number;
    readonly byCode: Record<string, number>;
  };
  readonly settings: {
    readonly includeIncomplete: boolean;
    readonly allowUnknownDepartments: boolean;
    readonly dedupe: boolean;
    readonly mapping?: string;
    readonly department?: string;
    readonly group?: string;
  };
}

interface Settled {
  readonly file: string;
  readonly info: ReadInfo;
  readonly preset: Preset;
  readonly presetDetected: boolean;
  readonly header: readonly string[];
  /** Heading rows before the data: 2 in a LimeSurvey VV export. */
  readonly headerRows: number;
  /** The columns' plan, made once the first data row chose the preset (pass 2 reuses it). */
  readonly plan: ColumnPlan | undefined;
}

/** Bytes read so far, over both passes, reported to the progress sink. */
class Progress {
  done = 0;
  constructor(
    private readonly sinks: ImportSinks,
    private readonly total: number,
  ) {}
  readonly onBytes = (n: number): void => {
    this.done += n;
    this.sinks.progress?.(this.done, this.total);
  };
}

/** What pass 1 reads with; `hashes` gets one entry per data row of every file, in order. */
interface Pass1 {
  readonly reader: ExportReader;
  readonly catalog: Catalog;
  readonly settings: ImportSettings;
  readonly hashes: HashColumn;
  readonly progress: Progress;
}

/** Rows whose respondent id occurs again later (maybe in a later file), by hash. */
interface Held {
  readonly outcome: RowOutcome;
  readonly fields: readonly string[];
  readonly line: number;
  /** The id as written, and what makes it one respondent (scoped to the file or not). */
  readonly id: string;
  readonly key: string;
  /** Which rule made the rows one respondent, for the message. */
  readonly heading: string;
  readonly acrossFiles: boolean;
  readonly file: string;
  readonly column: number | undefined;
  readonly acc: FileAccount;
  readonly settle: (o: RowOutcome, fields: RowView | readonly string[], line: number) => void;
  readonly reject: (fields: RowView | readonly string[], line: number, reason: string) => void;
}

/** What pass 2 reads with, and the state it carries from one file to the next. */
interface Pass2 extends Pass1 {
  readonly sinks: ImportSinks;
  readonly log: ProblemLog;
  /** Respondent hash → index of its last occurrence (only hashes that repeat). */
  readonly last: ReadonlyMap<number, number>;
  readonly rejects: RejectsTable;
  readonly held: Map<number, Held[]>;
  /** Index of the next data row across all files (the row's place in `hashes`). */
  rowIndex: number;
}

/**
 * Pass 1 settles every file (encoding, header, preset) and hashes the respondent ids; pass 2
 * imports each file's rows, holding a row whose id repeats until its last occurrence.
 */
export async function importFiles(
  files: readonly string[],
  reader: ExportReader,
  catalog: Catalog,
  settings: ImportSettings,
  sinks: ImportSinks,
  total: number,
): Promise<{ account: ImportAccount; log: ProblemLog }> {
  const pass1: Pass1 = {
    reader,
    catalog,
    settings,
    hashes: new HashColumn(),
    progress: new Progress(sinks, total),
  };
  const settled: Settled[] = [];
  for (const file of files) settled.push(await settleFile(pass1, file, settled.length));
  const last = settings.dedupe ? pass1.hashes.repeated() : new Map<number, number>();
  if (last.size === 0) pass1.hashes.release(); // 8 bytes per row less while scoring

  const pass2: Pass2 = {
    ...pass1,
    sinks,
    log: new ProblemLog(),
    last,
    rejects: new RejectsTable(settled, sinks),
    held: new Map(),
    rowIndex: 0,
  };
  const accounts: FileAccount[] = [];
  const used = new Set<string>();
  for (const [i, s] of settled.entries()) accounts.push(await importFile(pass2, s, i, used));
  unusedMappingKeys(settings.mapping, settled, used, pass2.log);
  // Only reachable when a file changed between the passes: settle what is still held.
  for (const list of pass2.held.values())
    for (const e of list) e.settle(e.outcome, e.fields, e.line);
  return { account: accountOf(accounts, pass2.log, settings), log: pass2.log };
}

/** Pass 1 for one file; invalid UTF-8 in a file whose encoding is detected starts it again. */
async function settleFile(p: Pass1, file: string, index: number): Promise<Settled> {
  const start = p.hashes.length;
  const startDone = p.progress.done;
  try {
    return await readHeaderAndHashes(p, file, p.settings.encoding, index);
  } catch (e) {
    if (p.settings.encoding !== undefined || !isInvalidEncodingError(e)) throw e;
    // Not UTF-8 after all (e.g. an umlaut far down a German Excel file): start the file again.
    p.hashes.length = start;
    p.progress.done = startDone;
    return await readHeaderAndHashes(p, file, "windows-1252", index);
  }
}

/** One read of a file in pass 1: the header and preset, then a respondent hash per row. */
async function readHeaderAndHashes(
  p: Pass1,
  file: string,
  encoding: EncodingName | undefined,
  index: number,
): Promise<Settled> {
  const { settings } = p;
  let header: readonly string[] | undefined;
  let importer: FileImporter | undefined;
  let preset: { preset: Preset; detected: boolean } | undefined;
  let headerRows = 1;
  const info = await p.reader.read(
    {
      file,
      ...(encoding ? { encoding } : {}),
      ...(settings.delimiter ? { delimiter: settings.delimiter } : {}),
      fatal: encoding === undefined,
    },
    (row) => {
      if (!header) {
        header = row.fields();
        return;
      }
      if (!importer) {
        // The preset is chosen once the first data row shows the values too.
        const first = row.fields();
        if (headerRows === 1 && isSecondHeading(header, first)) {
          header = first;
          headerRows = 2;
          return;
        }
        preset = choosePreset(settings, header, first);
        const plan = planColumns(
          file,
          header,
          preset.preset,
          p.catalog,
          settings.mapping,
          settings.overrides,
        );
        importer = new FileImporter(
          file,
          plan,
          p.catalog,
          settings.mapping,
          settings.row,
          new ProblemLog(0),
        );
        // The duplicate pass reads only up to the id columns of each row.
        row.limit = settings.dedupe ? importer.idFields : 1;
      }
      if (!settings.dedupe) return;
      p.hashes.push(importer.isIncomplete(row) ? Number.NaN : importer.respondentHash(row, index));
    },
    p.progress.onBytes,
  );
  const { preset: chosen, detected } = preset ?? choosePreset(settings, header ?? []);
  return {
    file,
    info,
    preset: chosen,
    presetDetected: detected,
    header: header ?? [],
    headerRows,
    plan: importer?.plan,
  };
}

/** The preset forced by the options or the mapping, else the one header and first row show. */
function choosePreset(settings: ImportSettings, header: readonly string[], row?: string[]) {
  const forced = settings.preset ?? settings.mapping.preset;
  return forced ? { preset: PRESETS[forced], detected: false } : detectPreset(header, row);
}

/**
 * LimeSurvey's VV export: question texts in the first line, the field codes (`id`, `submitdate`,
 * `Q1_SQ001` …) in the second; the codes are the header.
 */
export function isSecondHeading(header: readonly string[], row: readonly string[]): boolean {
  return row[0] === "id" && row.includes("submitdate") && !header.includes("submitdate");
}

/** The rejects file: the union of all files' columns, then file, row, reason. */
class RejectsTable {
  private readonly union: string[] = [];
  private readonly unionIndex = new Map<string, number>();
  private readonly reasonName: string;
  private started = false;

  constructor(
    settled: readonly Settled[],
    private readonly sinks: ImportSinks,
  ) {
    for (const s of settled) {
      for (const key of RejectsTable.keys(s.header)) {
        if (!this.unionIndex.has(key)) {
          this.unionIndex.set(key, this.union.length);
          this.union.push(key.split("\u0000")[0]!);
        }
      }
    }
    this.reasonName = this.unionIndex.has("reason") ? "reject_reason" : "reason";
  }

  /** A heading's key: the second "Q" of a file is `Q\0 2`, so repeated headings stay apart. */
  private static keys(header: readonly string[]): string[] {
    const seen = new Map<string, number>();
    return header.map((h) => {
      const n = (seen.get(h) ?? 0) + 1;
      seen.set(h, n);
      return n === 1 ? h : `${h}\u0000${n}`;
    });
  }

  /** Where each of a file's columns goes in the union. */
  columnsOf(header: readonly string[]): number[] {
    return RejectsTable.keys(header).map((k) => this.unionIndex.get(k)!);
  }

  /** Writes a rejected row (the header first, once). */
  write(
    file: string,
    colMap: readonly number[],
    from: RowView | readonly string[],
    line: number,
    reason: string,
  ): void {
    if (!this.sinks.reject) return;
    const union = this.union;
    if (!this.started) {
      this.started = true;
      this.sinks.rejectHeader?.([...union, "file", "row", this.reasonName]);
    }
    const cells = new Array<string>(union.length + 3).fill("");
    const fields = from instanceof RowView ? from.fields() : from;
    fields.forEach((f, i) => {
      if (i < colMap.length) cells[colMap[i]!] = f;
    });
    cells[union.length] = file;
    cells[union.length + 1] = String(line);
    cells[union.length + 2] = reason;
    this.sinks.reject(cells);
  }
}

function newAccount(s: Settled, plan: ColumnPlan | undefined): FileAccount {
  return {
    file: s.file,
    encoding: s.info.encoding,
    bom: s.info.bom,
    delimiter: s.info.delimiter,
    preset: s.preset.id,
    presetDetected: s.presetDetected,
    bytes: s.info.bytes,
    rows: 0,
    scored: 0,
    rejected: 0,
    incomplete: 0,
    duplicates: 0,
    identity: (plan?.respondentCols ?? []).map((c, k) => ({
      column: s.header[c]!,
      acrossFiles: plan!.acrossFiles[k]!,
    })),
    columns: { items: 0, meta: 0, ignored: 0, unmatched: 0 },
    cells: { invalid: { count: 0, examples: [] }, notAsked: { count: 0, examples: [] } },
  };
}

/** Pass 2 for one file: each row scored, rejected or left out as incomplete, or held. */
async function importFile(
  p: Pass2,
  s: Settled,
  index: number,
  used: Set<string>,
): Promise<FileAccount> {
  const { sinks, log } = p;
  // The header was read in pass 1; pass 2 skips it when it reads the file from the start.
  const plan: ColumnPlan | undefined =
    s.plan ??
    (s.header.length > 0
      ? planColumns(s.file, s.header, s.preset, p.catalog, p.settings.mapping, p.settings.overrides)
      : undefined);
  const acc = newAccount(s, plan);
  sinks.detected?.(acc);
  const colMap = p.rejects.columnsOf(s.header);
  const reject = (from: RowView | readonly string[], line: number, reason: string) => {
    acc.rejected++;
    p.rejects.write(s.file, colMap, from, line, reason);
  };
  const settle = (outcome: RowOutcome, fields: RowView | readonly string[], line: number) => {
    if (outcome.kind === "record") {
      acc.scored++;
      sinks.add(outcome.record);
    } else if (outcome.kind === "reject") reject(fields, line, outcome.reason);
    else acc.incomplete++;
  };
  let importer: FileImporter | undefined;
  if (plan) {
    for (const k of plan.mappingKeysUsed) used.add(k);
    for (const planProblem of plan.problems) log.add(planProblem);
    for (const k of plan.kinds) acc.columns[k.kind === "item" ? "items" : k.kind]++;
    importer = new FileImporter(s.file, plan, p.catalog, p.settings.mapping, p.settings.row, log);
  }
  let headings = plan ? s.headerRows : 0;
  const onRow = (row: RowView) => {
    const line = row.line;
    if (headings > 0) {
      headings--;
      return;
    }
    const rowIndex = p.rowIndex++;
    acc.rows++;
    const h = p.last.size === 0 ? Number.NaN : p.hashes.at(rowIndex);
    const lastIndex = Number.isNaN(h) ? undefined : p.last.get(h);
    if (lastIndex === undefined) {
      settle(importer!.row(row), row, line);
      return;
    }
    const outcome = kept(importer!.row(row));
    const who = importer!.identify(row);
    const id = who?.id ?? "";
    const key = who?.acrossFiles ? id : `${index}\u0000${id}`;
    const fields = row.fields();
    if (lastIndex !== rowIndex) {
      const column = who?.col;
      hold(p, h, {
        outcome,
        fields,
        line,
        id,
        key,
        heading: column === undefined ? "" : s.header[column]!,
        acrossFiles: who?.acrossFiles === true,
        file: s.file,
        column,
        acc,
        settle,
        reject,
      });
      return;
    }
    rejectEarlierSubmissions(p, h, key, s.file, line);
    settle(outcome, fields, line);
  };
  const { encoding, delimiter } = s.info;
  const read = { file: s.file, encoding, delimiter, fatal: false };
  const { issues } = await p.reader.read(read, onRow, p.progress.onBytes);
  for (const i of issues) log.add(coded(i.code, {}, { file: s.file, line: i.line }));
  importer?.finish();
  if (importer) acc.cells = importer.cells;
  if (!plan) log.add(coded("empty-file", {}, { file: s.file, severity: "warning" }));
  return acc;
}

/** Headings of the mapping file that name no column of any export: a typo, or the wrong file. */
function unusedMappingKeys(
  mapping: Mapping,
  settled: readonly Settled[],
  used: ReadonlySet<string>,
  log: ProblemLog,
): void {
  const headings = [...new Set(settled.flatMap((s) => s.header))];
  const byKey = new Map(headings.map((h) => [normalizeKey(h), h]));
  for (const [key, { text, line }] of mapping.lines ?? []) {
    if (used.has(key)) continue;
    const near = closest(key, byKey.keys());
    const said = { text, closest: near && byKey.get(near) };
    log.add(coded("unmatched-mapping-key", said, { file: mapping.file, line }));
  }
}

/** A row whose respondent hash occurs again later waits for its last occurrence. */
function hold(p: Pass2, h: number, entry: Held): void {
  const list = p.held.get(h);
  if (list) list.push(entry);
  else p.held.set(h, [entry]);
}

/**
 * At the last occurrence of a hash: the held rows of the same respondent id are rejected as
 * duplicates; those of another id (a hash collision) are settled as they are.
 */
function rejectEarlierSubmissions(p: Pass2, h: number, key: string, file: string, line: number) {
  for (const e of p.held.get(h) ?? []) {
    if (e.key !== key) {
      e.settle(e.outcome, e.fields, e.line); // a hash collision, not a duplicate
      continue;
    }
    e.acc.duplicates++;
    const again = { id: e.id, heading: e.heading, acrossFiles: e.acrossFiles, file, line };
    const dup = coded("duplicate-respondent", again, {
      file: e.file,
      line: e.line,
      ...(e.column !== undefined ? { column: e.column + 1 } : {}),
      severity: "warning",
    });
    p.log.add(dup);
    e.reject(e.fields, e.line, dup.message);
  }
  p.held.delete(h);
}

/** The run's account: per file, in total, problems by code, and the settings that shaped it. */
function accountOf(
  accounts: FileAccount[],
  log: ProblemLog,
  settings: ImportSettings,
): ImportAccount {
  const totals = {
    rows: 0,
    scored: 0,
    rejected: 0,
    incomplete: 0,
    duplicates: 0,
    invalidCells: 0,
    notAskedCells: 0,
  };
  for (const a of accounts) {
    totals.invalidCells += a.cells.invalid.count;
    totals.notAskedCells += a.cells.notAsked.count;
    for (const k of ["rows", "scored", "rejected", "incomplete", "duplicates"] as const)
      totals[k] += a[k];
  }
  const byCode: Record<string, number> = {};
  for (const code of [...log.counts.keys()].sort()) byCode[code] = log.counts.get(code)!;
  const r = settings.row;
  return {
    files: accounts,
    totals,
    problems: { errors: log.errors, warnings: log.warnings, byCode },
    settings: {
      includeIncomplete: r.includeIncomplete,
      allowUnknownDepartments: r.allowUnknownDepartments,
      dedupe: settings.dedupe,
      ...(settings.mapping.file ? { mapping: settings.mapping.file } : {}),
      ...(r.department !== undefined ? { department: r.department } : {}),
      ...(r.group !== undefined ? { group: r.group } : {}),
    },
  };
}
