// Streams a survey export from disk: reads fixed-size chunks, detects the encoding from the
// first bytes (BOM, else UTF-8 if valid, else Windows-1252) and the delimiter from the first
// lines, decodes, and splits records. Memory stays at a chunk or two whatever the file size.
import { open, stat } from "node:fs/promises";
import { type Delimiter, detectDelimiter, RecordSplitter } from "../responses/import/csv.js";
import { bomLength, createDecoder, guessEncoding } from "../responses/import/encoding.js";
import type { ExportReader, ReadInfo } from "../responses/import/run.js";
import { fileError, listFiles } from "./files.js";

export const CHUNK_BYTES = 1 << 20;

export const isExport = (name: string): boolean => /\.(csv|tsv|txt)$/i.test(name);

/** The export files under the given paths (folders: every *.csv, *.tsv, *.txt inside), sorted. */
export function listExportFiles(paths: readonly string[]): Promise<string[]> {
  return listFiles(paths, isExport);
}

/** Total size in bytes of the files (for progress). */
export async function totalBytes(files: readonly string[]): Promise<number> {
  let n = 0;
  for (const f of files) {
    try {
      n += (await stat(f)).size;
    } catch (e) {
      throw fileError(f, e);
    }
  }
  return n;
}

/** Reads files relative to the working directory; `display` maps a path to its name in messages. */
export function fileExportReader(resolve: (file: string) => string = (f) => f): ExportReader {
  return {
    async read(req, onRecord, onBytes): Promise<ReadInfo> {
      let fh: Awaited<ReturnType<typeof open>>;
      try {
        fh = await open(resolve(req.file), "r");
      } catch (e) {
        throw fileError(req.file, e);
      }
      try {
        const buf = Buffer.allocUnsafe(CHUNK_BYTES);
        let { bytesRead } = await fh.read(buf, 0, CHUNK_BYTES, null);
        let total = bytesRead;
        const head = buf.subarray(0, bytesRead);
        const guess = req.encoding
          ? { encoding: req.encoding, bom: bomLength(head, req.encoding) }
          : guessEncoding(head);
        const decoder = createDecoder(
          guess.encoding,
          req.fatal && guess.encoding === "utf-8" && !req.encoding,
        );
        let text = decoder.decode(head.subarray(guess.bom), bytesRead < CHUNK_BYTES);
        const delimiter: Delimiter = req.delimiter ?? detectDelimiter(text.slice(0, 65536));
        const splitter = new RecordSplitter(delimiter);
        onBytes?.(bytesRead);
        while (bytesRead === CHUNK_BYTES) {
          splitter.push(text, false, onRecord);
          ({ bytesRead } = await fh.read(buf, 0, CHUNK_BYTES, null));
          total += bytesRead;
          text = decoder.decode(buf.subarray(0, bytesRead), bytesRead < CHUNK_BYTES);
          onBytes?.(bytesRead);
        }
        splitter.push(text, true, onRecord);
        return {
          encoding: guess.encoding,
          bom: guess.bom > 0,
          delimiter,
          bytes: total,
          issues: splitter.issues,
        };
      } finally {
        await fh.close();
      }
    },
  };
}
