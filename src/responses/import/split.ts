// Splits CSV bytes into records, chunk by chunk, without decoding the text: delimiters, quotes
// and newlines are single bytes in UTF-8 and Windows-1252 (UTF-16 is transcoded to UTF-8 first),
// so a record is a list of byte spans into the chunk. A field becomes a string only when someone
// asks (`RowView.text`); Likert codes are looked up by their byte. Unquoted fields are scanned
// byte by byte; a quoted field jumps from quote to quote (RFC 4180: doubled quotes, delimiters
// and newlines inside quotes). Lines end in LF or CRLF; blank lines are skipped. `line` is the
// file line where a record starts, so a message points where an editor shows the row.
import { Buffer } from "node:buffer";
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

  constructor(readonly decode: FieldDecoder = utf8Field) {}

  push(a: number, b: number, esc: boolean): void {
    if (this.count === this.start.length) {
      const n = this.count * 2;
      const s = new Int32Array(n);
      s.set(this.start);
      this.start = s;
      const e = new Int32Array(n);
      e.set(this.end);
      this.end = e;
      const x = new Uint8Array(n);
      x.set(this.escaped);
      this.escaped = x;
    }
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

  /** Byte length of the field (0 = empty or absent). */
  size(i: number): number {
    return i < this.count ? this.end[i]! - this.start[i]! : 0;
  }

  /** The single byte of a one-byte field. */
  byte(i: number): number {
    return this.buf[this.start[i]!]!;
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
  private line = 1;
  readonly issues: SplitIssue[] = [];
  private readonly d: number;

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
    while (pos < to) {
      row.count = 0;
      let i = pos;
      let newlines = 0;
      let blank = true;
      let done = false;
      while (!done) {
        // One field starting at i.
        let a = i;
        let b: number;
        let esc = false;
        if (i < to && buf[i] === QUOTE) {
          blank = false;
          let j = i + 1;
          let k: number;
          for (;;) {
            k = buf.indexOf(QUOTE, j);
            if (k < 0 || k >= to) {
              if (!final) return pos;
              this.issues.push({ code: "unterminated-quote", line: this.line });
              k = to;
              break;
            }
            if (k + 1 >= to && !final) return pos;
            if (buf[k + 1] === QUOTE) {
              esc = true;
              j = k + 2;
              continue;
            }
            break;
          }
          a = i + 1;
          b = k;
          for (let x = buf.indexOf(LF, a); x >= 0 && x < b; x = buf.indexOf(LF, x + 1)) newlines++;
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
      pos = i > to ? to : i;
      if (!blank) sink(row);
    }
    return pos;
  }
}
