// Appends one row to a CSV answers file under a lock: read, merge the header when it differs
// (union of the columns, existing order first), write atomically (temp + rename). Concurrent
// appends from several processes all land; a reader never sees half a file.
import { readFile } from "node:fs/promises";
import { dirname } from "node:path";
import { parse } from "csv-parse/sync";
import { csvText } from "../util/csv-text.js";
import { type LockOptions, withFileLock } from "./file-lock.js";
import { fileError, makeFolder, writeFileAtomic } from "./files.js";
import { UserError } from "./user-error.js";

export interface AppendResult {
  /** Columns the file had to gain for this row (empty when the header already fitted). */
  readonly addedColumns: readonly string[];
  /** Data rows in the file after the append. */
  readonly rows: number;
}

const BOM = "\uFEFF";

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw fileError(path, e);
  }
}

/**
 * Fails now when the file at `path` exists and could not take a row (it is not CSV): before an
 * interview is asked, not after it.
 */
export async function checkAppendable(path: string): Promise<void> {
  const existing = await readIfExists(path);
  if (existing !== undefined) appendToCsvText(existing, [], new Map(), path);
}

/** The new file text; pure, for tests. `columns` is the header a new file gets. */
export function appendToCsvText(
  existing: string | undefined,
  columns: readonly string[],
  row: ReadonlyMap<string, string>,
  file = "answers file",
): { text: string; result: AppendResult } {
  const bom = existing?.startsWith(BOM) ? BOM : "";
  const body = existing === undefined ? "" : existing.slice(bom.length);
  let records: string[][];
  try {
    records =
      body.trim() === "" ? [] : parse(body, { relax_column_count: true, skip_empty_lines: true });
  } catch (e) {
    const why = (e as Error).message.split("\n")[0];
    throw new UserError({
      de: `${file}: die Zeile kann nicht angefügt werden, die Datei ist kein gültiges CSV (${why})`,
      en: `${file}: cannot add the row, the file is not valid CSV (${why})`,
    });
  }
  const header = records[0] ?? [];
  const missing = [...columns, ...row.keys()].filter(
    (c, i, all) => !header.includes(c) && all.indexOf(c) === i,
  );
  const union = [...header, ...missing];
  const line = csvText([union.map((c) => row.get(c) ?? "")]);
  const result = {
    addedColumns: header.length === 0 ? [] : missing,
    rows: Math.max(records.length - 1, 0) + 1,
  };
  if (header.length > 0 && missing.length === 0) {
    // Same header: keep every existing byte and add the line.
    const sep = body.endsWith("\n") ? "" : "\n";
    return { text: `${bom}${body}${sep}${line}`, result };
  }
  const widened = records.slice(1).map((r) => union.map((_, i) => r[i] ?? ""));
  return { text: `${bom}${csvText([union, ...widened])}${line}`, result };
}

/**
 * Adds one row (column → value) to the CSV file at `path`, creating it with `columns` as header.
 * Holds `<path>.lock` for the read-modify-write.
 */
export async function appendCsvRow(
  path: string,
  columns: readonly string[],
  row: ReadonlyMap<string, string>,
  lock: LockOptions = {},
): Promise<AppendResult> {
  makeFolder(dirname(path));
  return withFileLock(
    `${path}.lock`,
    async () => {
      const existing = await readIfExists(path);
      const { text, result } = appendToCsvText(existing, columns, row, path);
      await writeFileAtomic(path, text);
      return result;
    },
    lock,
  );
}
