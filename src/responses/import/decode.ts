// Decodes an export's bytes into records, chunk by chunk: detects the encoding from the first
// bytes (BOM, else UTF-8 if valid, else Windows-1252) and the delimiter from the first lines, and
// splits records on the bytes (UTF-16 is transcoded to UTF-8 chunk by chunk). Memory stays at a
// couple of chunks whatever the file size; only a record longer than a chunk grows the buffer.
// The bytes come through an injected reader: this module touches no file system.
import { Buffer, isUtf8 } from "node:buffer";
import { type Delimiter, detectDelimiter } from "./csv.js";
import { bomLength, createDecoder, guessEncoding } from "./encoding.js";
import type { ReadInfo, ReadRequest } from "./run.js";
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
): Promise<ReadInfo> {
  const CHUNK = Math.max(1, Math.floor(chunkBytes));
  // Detection looks at the same first bytes whatever the chunk size.
  const probe = Buffer.allocUnsafe(DETECT_BYTES);
  const head = probe.subarray(0, await source.read(probe, 0, DETECT_BYTES, 0));
  const guess = req.encoding
    ? { encoding: req.encoding, bom: bomLength(head, req.encoding) }
    : guessEncoding(head);
  const enc = guess.encoding;
  const delimiter: Delimiter =
    req.delimiter ??
    detectDelimiter(createDecoder(enc).decode(head.subarray(guess.bom), { stream: true }));
  // A guessed UTF-8 must hold for every byte (`fatal`: the caller reads again otherwise).
  const validate = req.fatal && enc === "utf-8";
  // UTF-16 is split as its UTF-8 transcoding; the byte-order mark is skipped, not split.
  const transcoder = enc === "utf-16le" || enc === "utf-16be" ? createDecoder(enc) : undefined;
  const splitter = new ByteSplitter(
    delimiter,
    new RowView(enc === "windows-1252" ? cp1252Field : utf8Field),
  );

  // work[0, len): the incomplete record left from the last chunk, then the next chunk.
  let work = Buffer.allocUnsafe(2 * CHUNK);
  let len = 0;
  const room = (n: number) => {
    if (n <= work.length) return;
    const bigger = Buffer.allocUnsafe(2 * n);
    work.copy(bigger, 0, 0, len);
    work = bigger;
  };
  let position = guess.bom;
  let eof = false;
  /** Appends the next chunk to work (UTF-16 transcoded in place); sets `eof` after the last. */
  const appendChunk = async (): Promise<void> => {
    room(len + CHUNK);
    const n = await source.read(work, len, CHUNK, position);
    onBytes?.(position === guess.bom ? guess.bom + n : n); // the mark counts with the first chunk
    position += n;
    eof = n < CHUNK;
    if (!transcoder) {
      len += n;
      return;
    }
    const text = transcoder.decode(work.subarray(len, len + n), { stream: !eof });
    const utf8 = Buffer.from(text, "utf8");
    room(len + utf8.length);
    utf8.copy(work, len);
    len += utf8.length;
  };
  let validated = 0;
  for (;;) {
    await appendChunk();
    if (validate) {
      const upTo = eof ? len : work.lastIndexOf(10, len - 1) + 1;
      if (upTo > validated) {
        if (!isUtf8(work.subarray(validated, upTo))) throw notUtf8();
        validated = upTo;
      }
    }
    const rest = splitter.split(work, 0, len, eof, onRecord);
    if (eof) break;
    // Move the incomplete record to the front; the next chunk goes after it.
    work.copy(work, 0, rest, len);
    validated -= rest;
    len -= rest;
  }
  return {
    encoding: enc,
    bom: guess.bom > 0,
    delimiter,
    bytes: position,
    issues: splitter.issues,
  };
}
