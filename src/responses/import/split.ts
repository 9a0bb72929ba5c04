// Splits CSV bytes into records, chunk by chunk, without decoding the text: delimiters, quotes
// and newlines are single bytes in UTF-8 and Windows-1252 (UTF-16 is transcoded to UTF-8 first),
// so a record is a list of byte spans into the chunk. A field becomes a string only when someone
// asks (`RowView.text`); Likert codes are looked up by their bytes (FileImporter.row). Unquoted
// fields are scanned byte by byte and a quoted field jumps from quote to quote (RFC 4180:
// doubled quotes, delimiters and newlines inside quotes); every line goes through the same loop.
// Lines end in LF or CRLF; blank lines are skipped. `line` is the file line where a record
// starts, so a message points where an editor shows the row.
import { Buffer } from "node:buffer";
import { grown } from "../answer-codes.js";
import type { Delimiter } from "./csv.js";

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** Turns a byte span of a field into text (UTF-8 or Windows-1252). */
export type FieldDecoder = (buf: Buffer, start: number, end: number) => string;

export const utf8Field: FieldDecoder = (buf, a, b) => buf.toString("utf8", a, b);

const cp1252 = new TextDecoder("windows-1252");
export const cp1252Field: FieldDecoder = (buf, a, b) => {
  for (let i = a; i < b; i++) if (buf[i]! >= 0x80) return cp1252.decode(buf.subarray(a, b));
  return buf.toString("latin1", a, b);
};

/**
 * One record, reused for every record of a file: copy what you keep (`text`, `fields`), the spans
 * are only valid inside the callback.
 */
export class RowView {
  buf: Buffer = Buffer.alloc(0);
  start = new Int32Array(64);
  end = new Int32Array(64);
  /** 1 when the quoted field contains doubled quotes (its text needs unescaping). */
  escaped = new Uint8Array(64);
  count = 0;
  line = 0;
  /**
   * Fields to record per record; the rest of an unquoted line is skipped with one memchr. A sink
   * that needs only the first columns (the duplicate pass) lowers it after the header.
   */
  limit = Number.POSITIVE_INFINITY;

  constructor(readonly decode: FieldDecoder = utf8Field) {}

  /** Makes room for at least `fields` fields. */
  reserve(fields: number): void {
    if (fields <= this.start.length) return;
    this.start = grown(this.start, fields - 1);
    this.end = grown(this.end, fields - 1);
    this.escaped = grown(this.escaped, fields - 1);
  }

  push(a: number, b: number, esc: boolean): void {
    if (this.count === this.start.length) this.reserve(this.count + 1);
    this.start[this.count] = a;
    this.end[this.count] = b;
    this.escaped[this.count] = esc ? 1 : 0;
    this.count++;
  }

  /** The field's text (undefined past the last field). */
  text(i: number): string | undefined {
    if (i >= this.count) return undefined;
    const t = this.decode(this.buf, this.start[i]!, this.end[i]!);
    return this.escaped[i] ? t.replaceAll('""', '"') : t;
  }

  /** The field's text without surrounding whitespace ("" when absent). */
  trimmed(i: number): string {
    if (i >= this.count) return "";
    let a = this.start[i]!;
    let b = this.end[i]!;
    while (a < b && this.buf[a]! <= 32) a++;
    while (b > a && this.buf[b - 1]! <= 32) b--;
    if (a === b) return "";
    const t = this.decode(this.buf, a, b);
    return this.escaped[i] ? t.replaceAll('""', '"') : t;
  }

  fields(): string[] {
    const out = new Array<string>(this.count);
    for (let i = 0; i < this.count; i++) out[i] = this.text(i)!;
    return out;
  }
}

export type RowSink = (row: RowView) => void;
export interface SplitIssue {
  readonly code: "unterminated-quote";
  readonly line: number;
}

export class ByteSplitter {
  readonly issues: SplitIssue[] = [];
  private readonly d: number;
  private line = 1;
  constructor(
    delimiter: Delimiter,
    readonly row: RowView = new RowView(),
  ) {
    this.d = delimiter.charCodeAt(0);
  }

  /**
   * Emits every complete record in buf[from, to) and returns where the incomplete rest starts
   * (to, when everything was consumed). With `final`, the rest is the last record.
   */
  split(buf: Buffer, from: number, to: number, final: boolean, sink: RowSink): number {
    const row = this.row;
    const d = this.d;
    row.buf = buf;
    let pos = from;
    // Next quote at or after pos (−1: none in this buffer), for skipping after `limit` fields.
    let q = -2;
    // Next line feed at or after the current quoted field (counts newlines inside quotes).
    let nl = -2;
    while (pos < to) {
      row.count = 0;
      let i = pos;
      let newlines = 0;
      let blank = true;
      let done = false;
      while (!done) {
        if (row.count >= row.limit) {
          // Skip the rest of the record when no quote comes before its end of line.
          if (q !== -1 && q < i) q = buf.indexOf(QUOTE, i);
          const lf = buf.indexOf(LF, i);
          if (lf >= 0 && lf < to && (q < 0 || q >= to || q > lf)) {
            if (lf > i) blank = false;
            i = lf + 1;
            break;
          }
          if (lf < 0 || lf >= to) {
            if (!final) return pos;
            if (to > i) blank = false;
            i = to + 1;
            break;
          }
        }
        // One field starting at i.
        let a = i;
        let b: number;
        let esc = false;
        if (i < to && buf[i] === QUOTE) {
          blank = false;
          let j = i + 1;
          let k: number;
          for (;;) {
            // Quoted fields are short: a byte loop beats a native call per field.
            k = j;
            while (k < to && buf[k] !== QUOTE) k++;
            if (k >= to) {
              if (!final) return pos;
              this.issues.push({ code: "unterminated-quote", line: this.line });
              k = to;
              break;
            }
            if (k + 1 >= to && !final) return pos;
            // At the end of the data (k + 1 = to) there is no next byte to look at.
            if (k + 1 < to && buf[k + 1] === QUOTE) {
              esc = true;
              j = k + 2;
              continue;
            }
            break;
          }
          a = i + 1;
          b = k;
          if (nl !== -1 && nl < a) nl = buf.indexOf(LF, a);
          while (nl >= 0 && nl < b) {
            newlines++;
            nl = buf.indexOf(LF, nl + 1);
          }
          i = k + 1;
          // Lenient: ignore anything between the closing quote and the delimiter.
          while (i < to && buf[i] !== d && buf[i] !== LF) i++;
        } else {
          while (i < to) {
            const c = buf[i]!;
            if (c === d || c === LF) break;
            i++;
          }
          b = i;
        }
        if (i >= to) {
          if (!final) return pos;
          if (b > a && b === i && buf[b - 1] === CR) b--;
          done = true;
        } else if (buf[i] === LF) {
          if (b > a && b === i && buf[b - 1] === CR) b--;
          done = true;
        } else {
          blank = false; // a delimiter
        }
        if (b > a) blank = false;
        row.push(a, b, esc);
        i++;
      }
      row.line = this.line;
      this.line += 1 + newlines;
      pos = Math.min(i, to);
      if (!blank) sink(row);
    }
    return pos;
  }
}

/** Strings of repeated short fields (department, group) by their bytes, without decoding each time. */
export class ByteInterner {
  private readonly map = new Map<number, { bytes: Buffer; text: string }>();

  constructor(private readonly limit = 10_000) {}

  /** The trimmed text of field i. */
  get(row: RowView, i: number): string {
    if (i >= row.count || row.escaped[i]) return row.trimmed(i);
    const buf = row.buf;
    let a = row.start[i]!;
    let b = row.end[i]!;
    while (a < b && buf[a]! <= 32) a++;
    while (b > a && buf[b - 1]! <= 32) b--;
    if (a === b) return "";
    // A small-integer hash: a 53-bit one would be boxed on every call. Collisions only cost a
    // decode (the bytes are compared).
    let h = 0x811c9dc5;
    for (let i = a; i < b; i++) h = Math.imul(h ^ buf[i]!, 0x01000193);
    h &= 0x3fffffff;
    const hit = this.map.get(h);
    if (hit && hit.bytes.length === b - a) {
      let same = true;
      for (let k = 0; k < b - a && same; k++) same = hit.bytes[k] === buf[a + k];
      if (same) return hit.text;
    }
    const text = row.decode(buf, a, b);
    if (this.map.size < this.limit)
      this.map.set(h, { bytes: Buffer.from(buf.subarray(a, b)), text });
    return text;
  }
}

/** 53-bit hash of bytes (two 32-bit FNV-1a variants), exact as a double. */
export function hashBytes(buf: Uint8Array, a: number, b: number): number {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ (b - a);
  for (let i = a; i < b; i++) {
    const c = buf[i]!;
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  return (h1 >>> 0) * 0x200000 + ((h2 >>> 0) & 0x1fffff);
}
