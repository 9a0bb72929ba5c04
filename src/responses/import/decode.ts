// Decodes an export's bytes into records, chunk by chunk: detects the encoding from the first
// bytes (BOM, else UTF-8 if valid, else Windows-1252) and the delimiter from the first lines, and
// splits records on the bytes (UTF-16 is transcoded to UTF-8 chunk by chunk). Memory stays at a
// couple of chunks whatever the file size; only a record longer than a chunk grows the buffer.
// The bytes come through an injected reader: this module touches no file system.
import { Buffer, isUtf8 } from "node:buffer";
import { type Delimiter, detectDelimiter } from "./csv.js";
import { bomLength, createDecoder, guessEncoding } from "./encoding.js";
import type { ReadInfo, ReadRequest, ReadStart } from "./run.js";
import { ByteSplitter, cp1252Field, type RowSink, RowView, utf8Field } from "./split.js";

/** Bytes the encoding and delimiter are detected from, whatever the chunk size. */
const DETECT_BYTES = 1 << 16;

/** Reads up to `length` bytes at file offset `position` into target[at…]; resolves to the count. */
export interface ByteSource {
  read(target: Buffer, at: number, length: number, position: number): Promise<number>;
}

/** Thrown in a fatal (detecting) read when the bytes are not UTF-8 after all. */
function notUtf8(): Error {
  return Object.assign(new TypeError("the file is not valid UTF-8"), {
    code: "ERR_ENCODING_INVALID_ENCODED_DATA",
  });
}

export async function decodeExport(
  source: ByteSource,
  chunkBytes: number,
  req: ReadRequest,
  onRecord: RowSink,
  onBytes?: (n: number) => void,
  onStart?: (s: ReadStart) => void,
): Promise<ReadInfo> {
  const CHUNK = Math.max(1, Math.floor(chunkBytes));

  let position = 0;
  const readInto = async (target: Buffer, at: number): Promise<number> => {
    const n = await source.read(target, at, CHUNK, position);
    position += n;
    return n;
  };
  // Detection looks at the same first bytes whatever the chunk size.
  const probe = Buffer.allocUnsafe(DETECT_BYTES);
  const head = probe.subarray(0, await source.read(probe, 0, DETECT_BYTES, 0));
  const guess = req.encoding
    ? { encoding: req.encoding, bom: bomLength(head, req.encoding) }
    : guessEncoding(head);
  // The byte-order mark is skipped, not split.
  position = guess.bom;
  let work = Buffer.allocUnsafe(2 * CHUNK);
  let len = await readInto(work, 0);
  let total = len + guess.bom;
  onBytes?.(total);
  const enc = guess.encoding;
  const delimiter: Delimiter =
    req.delimiter ?? detectDelimiter(createDecoder(enc).decode(head.subarray(guess.bom), false));
  // A guessed UTF-8 must hold for every byte (`fatal`: the caller reads again otherwise).
  const validate = req.fatal && enc === "utf-8";
  const utf16 = enc === "utf-16le" || enc === "utf-16be";
  const splitter = new ByteSplitter(
    delimiter,
    new RowView(enc === "windows-1252" ? cp1252Field : utf8Field),
  );
  onStart?.({ encoding: enc, bom: guess.bom > 0, delimiter });
  // UTF-16: keep the raw chunk aside and put its UTF-8 transcoding into `work`.
  const transcoder = utf16 ? createDecoder(enc) : undefined;
  let eof = len < CHUNK;
  /** File offset of work[0] (for RowView.offset). */
  let base = guess.bom;
  if (transcoder) {
    const utf8 = Buffer.from(transcoder.decode(work.subarray(0, len), eof), "utf8");
    work = Buffer.concat([utf8], Math.max(2 * CHUNK, utf8.length));
    len = utf8.length;
  }
  let from = 0;
  let validated = from;
  for (;;) {
    if (validate) {
      const upTo = eof ? len : work.lastIndexOf(10, len - 1) + 1;
      if (upTo > validated) {
        if (!isUtf8(work.subarray(validated, upTo))) throw notUtf8();
        validated = upTo;
      }
    }
    splitter.base = base;
    const rest = splitter.split(work, from, len, eof, onRecord);
    if (eof) break;
    base += rest;
    // Move the incomplete record to the front and read the next chunk after it.
    const keep = len - rest;
    if (keep + CHUNK > work.length) {
      const bigger = Buffer.allocUnsafe(2 * (keep + CHUNK));
      work.copy(bigger, 0, rest, len);
      work = bigger;
    } else if (rest > 0) {
      work.copy(work, 0, rest, len);
    }
    validated -= rest;
    from = 0;
    len = keep;
    if (transcoder) {
      const raw = Buffer.allocUnsafe(CHUNK);
      const n = await readInto(raw, 0);
      total += n;
      onBytes?.(n);
      eof = n < CHUNK;
      const utf8 = Buffer.from(transcoder.decode(raw.subarray(0, n), eof), "utf8");
      if (len + utf8.length > work.length) {
        const bigger = Buffer.allocUnsafe(2 * (len + utf8.length));
        work.copy(bigger, 0, 0, len);
        work = bigger;
      }
      utf8.copy(work, len);
      len += utf8.length;
    } else {
      const n = await readInto(work, len);
      total += n;
      onBytes?.(n);
      eof = n < CHUNK;
      len += n;
    }
  }
  return {
    encoding: enc,
    bom: guess.bom > 0,
    delimiter,
    bytes: total,
    issues: splitter.issues,
  };
}
