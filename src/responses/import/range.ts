// A byte range of a large export, scored on its own, into a scorer of its own: the second half
// in a worker thread, from a record boundary found in pass 1 (run.ts) or guessed (split-at-once.ts,
// which also scores the first half this way, header included). Only for files without repeated
// respondent ids (duplicates need the whole set of files in order); with `hash` the range hashes
// its ids so the caller can check. What it returns merges into the file's state in file order:
// counts, problems, rejected rows, what the importer noted; the scorer's cells travel
// separately. Pure: the reader is injected.
import type { Problem } from "../../problem.js";
import type { ResponseRecord } from "../model.js";
import type { Catalog } from "./catalog.js";
import { type ColumnPlan, planColumns } from "./columns.js";
import type { Delimiter } from "./csv.js";
import { HashColumn } from "./dedupe.js";
import type { EncodingName } from "./encoding.js";
import { FileImporter, type ImporterNotes, type RowOptions } from "./file-importer.js";
import type { Mapping } from "./mapping.js";
import { PRESETS, type PresetId } from "./presets/index.js";
import { ProblemLog } from "./problem-log.js";
import type { ExportReader } from "./run.js";
import type { SplitIssue } from "./split.js";
import type { ValueOverrides } from "./values.js";

export interface RangeJob {
  readonly file: string;
  readonly encoding: EncodingName;
  readonly delimiter: Delimiter;
  readonly header: readonly string[];
  readonly preset: PresetId;
  /** Byte offset and file line of the first record of the range (a record boundary). */
  readonly start: number;
  readonly line: number;
  /** Where the range ends (a record boundary; default: the end of the file). */
  readonly end?: number;
  /** Stop at bytes that are not UTF-8 (when the encoding was only guessed). */
  readonly fatal?: boolean;
  /** Also hash each row's respondent id, as pass 1 does (see run.ts). */
  readonly hash?: boolean;
  /** false: split every line before scoring it (see ImportSettings.fastLines; for tests). */
  readonly fastLines?: boolean;
  /** false: no row engine (a worker compiles its own, see ImportSettings.rowEngine). */
  readonly rowEngine?: boolean;
}

export interface RangeResult {
  readonly rows: number;
  readonly scored: number;
  readonly incomplete: number;
  readonly rejects: readonly { fields: string[]; line: number; reason: string }[];
  readonly log: ProblemLogData;
  readonly notes: ImporterNotes;
  readonly issues: readonly SplitIssue[];
  readonly bytes: number;
  /** File line after the range's last record. */
  readonly nextLine: number;
  /** With `hash`: per row, the respondent hash (NaN: no id, or incomplete), in parts. */
  readonly hashes?: readonly Float64Array[];
}

export interface ProblemLogData {
  readonly kept: readonly Problem[];
  readonly counts: ReadonlyMap<string, number>;
  readonly errors: number;
  readonly warnings: number;
}

/** Beyond this many rejected rows the range gives up and the first half's reader takes over. */
export const RANGE_REJECT_LIMIT = 10_000;

export class TooManyRejects extends Error {}

export async function scoreRange(
  reader: ExportReader,
  job: RangeJob,
  catalog: Catalog,
  settings: {
    mapping: Mapping;
    overrides: ValueOverrides;
    row: RowOptions;
    /** The compiled row engine (see ImportSettings.rowEngine). */
    rowEngine?: WebAssembly.Module;
  },
  add: (record: ResponseRecord) => void,
  onBytes?: (n: number) => void,
  /** The column plan of the header, when the caller has it already (the same on any thread). */
  planned?: ColumnPlan,
): Promise<RangeResult> {
  const log = new ProblemLog();
  const plan =
    planned ??
    planColumns(
      job.file,
      job.header,
      PRESETS[job.preset],
      catalog,
      settings.mapping,
      settings.overrides,
    );
  const importer = new FileImporter(job.file, plan, catalog, settings.mapping, settings.row, log);
  let rows = 0;
  let scored = 0;
  let incomplete = 0;
  const rejects: { fields: string[]; line: number; reason: string }[] = [];
  const hashes = job.hash ? new HashColumn() : undefined;
  // A range from the start of the file begins with the header.
  let header = job.start === 0;
  const info = await reader.read(
    {
      file: job.file,
      encoding: job.encoding,
      delimiter: job.delimiter,
      fatal: job.fatal ?? false,
      start: job.start,
      line: job.line,
      ...(job.end !== undefined ? { end: job.end } : {}),
      // A plain line whose cells are all codes is scored before it is split.
      ...(job.fastLines !== false
        ? importer.lineHooks(
            (hash) => {
              rows++;
              scored++;
              hashes?.push(hash);
            },
            () => header,
            hashes !== undefined,
            settings.rowEngine,
          )
        : {}),
    },
    (row) => {
      if (header) {
        header = false;
        return;
      }
      rows++;
      hashes?.push(importer.isIncomplete(row) ? Number.NaN : importer.respondentHash(row));
      if (importer.fast(row)) {
        scored++;
        return;
      }
      const outcome = importer.row(row);
      if (outcome.kind === "record") {
        scored++;
        add(outcome.record);
      } else if (outcome.kind === "reject") {
        if (rejects.length >= RANGE_REJECT_LIMIT) throw new TooManyRejects();
        rejects.push({ fields: row.fields(), line: row.line, reason: outcome.reason });
      } else incomplete++;
    },
    onBytes,
  );
  return {
    rows,
    scored,
    incomplete,
    rejects,
    log: { kept: log.kept, counts: log.counts, errors: log.errors, warnings: log.warnings },
    notes: importer.notes(),
    issues: info.issues,
    bytes: info.bytes,
    nextLine: info.nextLine,
    ...(hashes ? { hashes: hashes.values() } : {}),
  };
}
