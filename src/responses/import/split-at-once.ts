// One read instead of two for a large single export, when nothing needs the first pass: both
// halves of the file are scored at once — the first on this thread into a scorer of its own,
// the second in a worker from a guessed record boundary — each hashing its respondent ids as it
// goes; the worker checks both halves' hashes for repeats while this thread merges its cells.
// Only when the guess was a real boundary (this thread's half ends outside quotes), the
// bytes were UTF-8 (or the encoding was given), no respondent id repeats and neither half gave up
// (too many rejects, a failing worker) are the halves kept; otherwise both are dropped and the
// file goes the usual way (run.ts: a first pass, then scoring). Kept halves merge in file order,
// so the outputs are the usual ones. Pure: reader and scorers are injected.
import type { LeafState } from "../../scoring/score.js";
import type { ResponseRecord } from "../model.js";
import type { Catalog } from "./catalog.js";
import { type ColumnPlan, planColumns } from "./columns.js";
import { isInvalidEncodingError } from "./encoding.js";
import type { RowOptions } from "./file-importer.js";
import type { Mapping } from "./mapping.js";
import type { Preset } from "./presets/index.js";
import { type RangeJob, type RangeResult, scoreRange, TooManyRejects } from "./range.js";
import type { ExportReader, ReadInfo, ReadStart } from "./run.js";
import type { ValueOverrides } from "./values.js";

/** A range scored apart, in a worker: its cells go into a fork (`mergeInto`), or are dropped. */
export interface SplitRange {
  /** The range's result (without hashes), "not-utf-8" (with `fatal`), or undefined (failed). */
  readonly result: Promise<RangeResult | "not-utf-8" | undefined>;
  /**
   * With `hash`: the worker looks for respondent ids that repeat across these hashes (this
   * thread's range) and its own, once its range is done — while this thread merges the cells.
   * True when some id repeats, undefined when the worker failed.
   */
  repeats(hashes: readonly Float64Array[]): Promise<boolean | undefined>;
  /** Adds its cells to the fork (after `result`). */
  mergeInto(fork: Fork): void;
  /** The range is kept (`line`: file line of its first record; for the trace). */
  commit(line: number): void;
  stop(): void;
}

/** A scorer of this thread's own for part of a file; `commit` hands it to the real one. */
export interface Fork {
  readonly row: Pick<RowOptions, "questionnaireFor" | "kernelFor">;
  add(record: ResponseRecord): void;
  /** Adds the state of a scorer in another thread (its cells, see Scorer.exportState). */
  absorb(state: readonly LeafState[]): void;
  /** Folds the fast path's counts into cells (the costly part of handing it over). */
  settle(): void;
  commit(): void;
}

/** Both halves, scored and checked: what pass 2 merges instead of reading the file. */
export interface Halves {
  readonly info: ReadInfo;
  readonly header: readonly string[];
  readonly preset: { readonly preset: Preset; readonly detected: boolean };
  /** The header's column plan (pass 2 reports its problems and counts its columns). */
  readonly plan: ColumnPlan;
  readonly first: RangeResult;
  readonly second: RangeResult;
  /** File line of the second half's first record (its result counts lines from 1). */
  readonly line: number;
  commit(): void;
}

class HeaderRead extends Error {}

export async function scoreHalves(
  file: string,
  size: number,
  reader: ExportReader & Required<Pick<ExportReader, "boundary">>,
  catalog: Catalog,
  settings: {
    readonly encoding?: ReadStart["encoding"];
    readonly delimiter?: ReadStart["delimiter"];
    readonly mapping: Mapping;
    readonly overrides: ValueOverrides;
    readonly row: RowOptions;
    readonly dedupe: boolean;
    readonly share: number;
    readonly fastLines?: boolean;
    readonly rowEngine?: WebAssembly.Module;
  },
  choosePreset: (header: readonly string[]) => { preset: Preset; detected: boolean },
  sinks: { splitRange(job: RangeJob): SplitRange; fork(): Fork },
  onBytes: (n: number) => void,
): Promise<Halves | undefined> {
  const cut = await reader.boundary(file, Math.floor(size * settings.share));
  if (cut === undefined) return undefined;
  // The header, the encoding and delimiter the reader settles on, where the data starts.
  let start: ReadStart | undefined;
  let header: string[] | undefined;
  let dataAt = Number.POSITIVE_INFINITY;
  try {
    await reader.read(
      {
        file,
        ...(settings.encoding ? { encoding: settings.encoding } : {}),
        ...(settings.delimiter ? { delimiter: settings.delimiter } : {}),
        fatal: false,
        end: cut,
      },
      (row) => {
        if (header) {
          dataAt = row.offset;
          throw new HeaderRead();
        }
        header = row.fields();
      },
      undefined,
      (s) => {
        start = s;
      },
    );
  } catch (e) {
    if (!(e instanceof HeaderRead)) throw e;
  }
  if (!start || !header || start.encoding.startsWith("utf-16") || dataAt >= cut) return undefined;
  const preset = choosePreset(header);
  const plan = planColumns(
    file,
    header,
    preset.preset,
    catalog,
    settings.mapping,
    settings.overrides,
  );
  const job = {
    file,
    encoding: start.encoding,
    delimiter: start.delimiter,
    header,
    preset: preset.preset.id,
    // A guessed encoding must hold for every byte, as in the first pass.
    fatal: settings.encoding === undefined && start.encoding === "utf-8",
    hash: settings.dedupe,
    ...(settings.fastLines === false ? { fastLines: false } : {}),
    ...(settings.rowEngine ? {} : { rowEngine: false }),
  };
  const second = sinks.splitRange({ ...job, start: cut, line: 1 });
  const fork = sinks.fork();
  let first: RangeResult;
  try {
    first = await scoreRange(
      reader,
      { ...job, start: 0, line: 1, end: cut },
      catalog,
      {
        mapping: settings.mapping,
        overrides: settings.overrides,
        row: { ...settings.row, ...fork.row },
        ...(settings.rowEngine ? { rowEngine: settings.rowEngine } : {}),
      },
      (r) => fork.add(r),
      // Each byte stands for both passes of the usual way (see the progress total).
      (n) => onBytes(2 * n),
      plan,
    );
  } catch (e) {
    second.stop();
    if (e instanceof TooManyRejects || isInvalidEncodingError(e)) return undefined;
    throw e;
  }
  // The worker checks for repeated ids (it has half of the hashes already) while this thread
  // merges and folds the cells.
  const repeats = settings.dedupe ? second.repeats(first.hashes!) : Promise.resolve(false);
  const rest = await second.result;
  // Ending inside quotes, the first half shows that the guess was no record boundary.
  if (rest === undefined || rest === "not-utf-8" || first.issues.length > 0) {
    second.stop();
    return undefined;
  }
  onBytes(2 * rest.bytes);
  second.mergeInto(fork);
  fork.settle();
  if ((await repeats) !== false) return undefined;
  const line = first.nextLine;
  return {
    info: {
      encoding: start.encoding,
      bom: start.bom,
      delimiter: start.delimiter,
      bytes: first.bytes + rest.bytes,
      issues: [],
      nextLine: line + rest.nextLine - 1,
    },
    header,
    preset,
    plan,
    // The hashes are done with: 8 bytes per row less from here on.
    first: { ...first, hashes: undefined },
    second: { ...rest, hashes: undefined },
    line,
    commit: () => {
      fork.commit();
      second.commit(line);
    },
  };
}
