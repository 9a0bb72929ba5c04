// Splits decoded CSV text into records, chunk by chunk, so memory does not grow with the file.
// Fast path: a line without a quote character is split on the delimiter directly. Otherwise an
// RFC 4180 state machine handles quoted fields, doubled quotes and newlines inside quotes.
// Lines may end in LF or CRLF; blank lines are skipped. Line numbers are those of the file
// (where a record starts), so a message points where an editor shows the row.

export type Delimiter = "," | ";" | "\t";
export const DELIMITERS: readonly Delimiter[] = [",", ";", "\t"];

export function delimiterName(d: Delimiter): string {
  return d === "\t" ? "tab" : d === ";" ? "semicolon" : "comma";
}

/** "," ";" "tab" "\t" "comma" "semicolon" → the delimiter. */
export function parseDelimiter(s: string): Delimiter | undefined {
  const k = s.toLowerCase();
  if (k === "," || k === "comma") return ",";
  if (k === ";" || k === "semicolon") return ";";
  if (k === "\t" || k === "\\t" || k === "tab") return "\t";
  return undefined;
}

/**
 * The delimiter that splits the first lines most consistently: the most frequent candidate outside
 * quotes in the header, preferring one whose count repeats in the following lines.
 */
export function detectDelimiter(sample: string): Delimiter {
  const lines = firstLines(sample, 10);
  let best: Delimiter = ",";
  let bestScore = -1;
  for (const d of DELIMITERS) {
    const counts = lines.map((l) => countOutsideQuotes(l, d));
    const head = counts[0] ?? 0;
    if (head === 0) continue;
    const consistent = counts.slice(1).filter((c) => c === head).length;
    const score = head * 10 + consistent * 1000;
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

function firstLines(sample: string, n: number): string[] {
  // Logical lines: a newline inside quotes does not end the line.
  const out: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < sample.length && out.length < n; i++) {
    const c = sample.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (c === 10 && !quoted) {
      const line = sample.slice(start, i);
      if (line.trim() !== "") out.push(line);
      start = i + 1;
    }
  }
  if (out.length < n && start < sample.length) out.push(sample.slice(start));
  return out;
}

function countOutsideQuotes(line: string, d: string): number {
  let n = 0;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (c === d && !quoted) n++;
  }
  return n;
}

/** Called once per record with its fields and the file line it starts on. */
export type RecordSink = (fields: string[], line: number) => void;

export interface SplitterIssue {
  readonly code: "unterminated-quote";
  readonly line: number;
}

export class RecordSplitter {
  private carry = "";
  /** File line of the start of `carry`. */
  private line = 1;
  readonly issues: SplitterIssue[] = [];

  constructor(readonly delimiter: Delimiter) {}

  /** Feeds decoded text; records complete in it are emitted, the rest is kept for the next call. */
  push(text: string, final: boolean, emit: RecordSink): void {
    const s = this.carry.length > 0 ? this.carry + text : text;
    const d = this.delimiter;
    let pos = 0;
    let line = this.line;
    const n = s.length;
    // Next quote at or after pos (−1: none left); recomputed only when passed, so scanning stays linear.
    let q = s.indexOf('"', pos);
    while (pos < n) {
      const nl = s.indexOf("\n", pos);
      if (nl < 0 && !final) break;
      const end = nl < 0 ? n : nl;
      if (q >= 0 && q < pos) q = s.indexOf('"', pos);
      if (q < 0 || q > end) {
        // Fast path: no quote on this line.
        let stop = end;
        if (stop > pos && s.charCodeAt(stop - 1) === 13) stop--;
        if (stop > pos) emit(s.slice(pos, stop).split(d), line);
        pos = end + 1;
        line++;
        continue;
      }
      const r = this.parseQuoted(s, pos, final, line);
      if (r === undefined) break; // record continues in the next chunk
      if (r.fields.length > 1 || r.fields[0] !== "") emit(r.fields, line);
      line += r.newlines;
      pos = r.next;
    }
    this.carry = pos < n ? s.slice(pos) : "";
    this.line = line;
  }

  /**
   * Parses one record starting at `start` that contains a quote. Returns undefined when the record
   * is not complete in `s` (and more text will come).
   */
  private parseQuoted(
    s: string,
    start: number,
    final: boolean,
    line: number,
  ): { fields: string[]; next: number; newlines: number } | undefined {
    const d = this.delimiter;
    const n = s.length;
    const fields: string[] = [];
    let i = start;
    let newlines = 0;
    for (;;) {
      if (i < n && s.charCodeAt(i) === 34) {
        // Quoted field.
        let value = "";
        let j = i + 1;
        for (;;) {
          const k = s.indexOf('"', j);
          if (k < 0) {
            if (!final) return undefined;
            this.issues.push({ code: "unterminated-quote", line });
            value += s.slice(j);
            newlines += countNewlines(s, j, n);
            fields.push(value);
            return { fields, next: n, newlines: newlines + 1 };
          }
          if (k + 1 >= n && !final) return undefined; // could be a doubled quote split by the chunk
          newlines += countNewlines(s, j, k);
          if (s.charCodeAt(k + 1) === 34) {
            value += s.slice(j, k + 1);
            j = k + 2;
            continue;
          }
          value += s.slice(j, k);
          i = k + 1;
          break;
        }
        // Lenient: text after the closing quote up to the delimiter belongs to the field.
        const stop = nextStop(s, i, d);
        if (stop < 0 && !final) return undefined;
        const e = stop < 0 ? n : stop;
        let tail = s.slice(i, e);
        if (tail.endsWith("\r")) tail = tail.slice(0, -1);
        fields.push(tail === "" ? value : value + tail);
        i = e;
      } else {
        const stop = nextStop(s, i, d);
        if (stop < 0 && !final) return undefined;
        const e = stop < 0 ? n : stop;
        let v = s.slice(i, e);
        if (e < n && s[e] === "\n" && v.endsWith("\r")) v = v.slice(0, -1);
        else if (e >= n && v.endsWith("\r")) v = v.slice(0, -1);
        fields.push(v);
        i = e;
      }
      if (i >= n) return { fields, next: n, newlines: newlines + 1 };
      if (s[i] === "\n") return { fields, next: i + 1, newlines: newlines + 1 };
      i++; // delimiter
    }
  }
}

/** Index of the next delimiter or newline at or after i, or −1. */
function nextStop(s: string, i: number, d: string): number {
  const a = s.indexOf(d, i);
  const b = s.indexOf("\n", i);
  if (a < 0) return b;
  if (b < 0) return a;
  return Math.min(a, b);
}

function countNewlines(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = s.indexOf("\n", from); i >= 0 && i < to; i = s.indexOf("\n", i + 1)) n++;
  return n;
}
