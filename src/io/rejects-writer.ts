// Streams rejected rows to a temp file next to the target and renames it at the end, so
// `rejects.csv` is written atomically without holding the rows in memory. Cells that a
// spreadsheet would run as a formula (= + - @ tab CR at the start) get a leading single quote.
import { randomBytes } from "node:crypto";
import { closeSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { dirname, join } from "node:path";
import { csvText, neutralise } from "../util/csv-text.js";
import { makeFolder } from "./files.js";

const FLUSH_CHARS = 1 << 16;

export class RejectsWriter {
  private readonly tmp: string;
  private fd: number | undefined;
  private pending = "";
  rows = 0;

  constructor(readonly path: string) {
    this.tmp = join(dirname(path), `.${randomBytes(6).toString("hex")}.tmp`);
  }

  write(cells: readonly string[]): void {
    if (this.fd === undefined) {
      makeFolder(dirname(this.path));
      this.fd = openSync(this.tmp, "w");
      this.pending = "\uFEFF"; // Excel reads UTF-8 only with a BOM
    }
    this.pending += csvText([cells.map(neutralise)], ",", "\r\n");
    this.rows++;
    if (this.pending.length >= FLUSH_CHARS) this.flush();
  }

  private flush(): void {
    if (this.fd !== undefined && this.pending !== "") writeSync(this.fd, this.pending);
    this.pending = "";
  }

  /** Renames the temp file into place; with no rows written, removes a stale file from an earlier run. */
  commit(): boolean {
    if (this.fd === undefined) {
      rmSync(this.path, { force: true });
      return false;
    }
    this.flush();
    closeSync(this.fd);
    this.fd = undefined;
    renameSync(this.tmp, this.path);
    return true;
  }

  discard(): void {
    if (this.fd !== undefined) {
      closeSync(this.fd);
      this.fd = undefined;
      rmSync(this.tmp, { force: true });
    }
  }
}
