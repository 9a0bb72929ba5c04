// Streams a survey export from disk in fixed-size chunks: detects the encoding from the first
// bytes (BOM, else UTF-8 if valid, else Windows-1252) and the delimiter from the first lines, and
// splits records on the bytes (UTF-16 is transcoded to UTF-8 chunk by chunk). Memory stays at a
// couple of chunks whatever the file size; only a record longer than a chunk grows the buffer.
import { Buffer } from "node:buffer";
import { open, stat } from "node:fs/promises";
import { type ByteSource, decodeExport } from "../responses/import/decode.js";
import type { ExportReader, ReadInfo } from "../responses/import/run.js";
import { fileError, listFiles } from "./files.js";
import { isWorkbook, workbookAsCsv } from "./read-xlsx.js";

/** Bytes read at a time: memory stays at a few of these whatever the file size. */
export const CHUNK_BYTES = 1 << 19;

export const isExport = (name: string): boolean => /\.(csv|tsv|txt|xlsx)$/i.test(name);

/** The export files under the given paths (folders: every *.csv, *.tsv, *.txt, *.xlsx), sorted. */
export function listExportFiles(paths: readonly string[]): Promise<string[]> {
  return listFiles(paths, isExport);
}

/** The first bytes of a file (for recognising workbooks and other binaries). */
export async function readHead(file: string, bytes = 4096): Promise<Uint8Array> {
  let fh: Awaited<ReturnType<typeof open>> | undefined;
  try {
    fh = await open(file, "r");
    const buf = Buffer.alloc(bytes);
    const { bytesRead } = await fh.read(buf, 0, bytes, 0);
    return buf.subarray(0, bytesRead);
  } catch (e) {
    throw fileError(file, e);
  } finally {
    await fh?.close();
  }
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

/**
 * Reads exports from disk `chunkBytes` at a time; decoding them is the import core's
 * (decodeExport). Records cut by a chunk boundary are carried over, so every chunk size gives
 * the same rows (tests read with tiny chunks to prove it).
 */
export function fileExportReader(chunkBytes = CHUNK_BYTES, sheet?: string): ExportReader {
  /** A workbook's sheet as CSV, converted once for both passes. */
  const sheets = new Map<string, Promise<Buffer>>();
  return {
    async read(req, onRecord, onBytes): Promise<ReadInfo> {
      if (isWorkbook(req.file)) {
        if (!sheets.has(req.file)) sheets.set(req.file, workbookAsCsv(req.file, sheet));
        const csv = await sheets.get(req.file)!;
        const bytes: ByteSource = {
          read: async (target, at, length, position) =>
            csv.copy(target, at, position, Math.min(csv.length, position + length)),
        };
        // The account and the progress bar count the workbook's own bytes (the total is the
        // files' sizes), not those of the CSV it is read as: its reading is scaled to them.
        const size = await stat(req.file).then(
          (st) => st.size,
          (e) => {
            throw fileError(req.file, e);
          },
        );
        let read = 0;
        let told = 0;
        const scaled = (n: number) => {
          read += n;
          const now = Math.round((read / csv.length) * size);
          onBytes?.(now - told);
          told = now;
        };
        const info = await decodeExport(
          bytes,
          chunkBytes,
          { ...req, encoding: "utf-8", delimiter: "," },
          onRecord,
          scaled,
        );
        return { ...info, bytes: size };
      }
      let fh: Awaited<ReturnType<typeof open>>;
      try {
        fh = await open(req.file, "r");
      } catch (e) {
        throw fileError(req.file, e);
      }
      try {
        const bytes: ByteSource = {
          read: async (target, at, length, position) =>
            (await fh.read(target, at, length, position)).bytesRead,
        };
        return await decodeExport(bytes, chunkBytes, req, onRecord, onBytes);
      } finally {
        await fh.close();
      }
    },
  };
}
