// CSV text as RFC 4180 writes it: a field is quoted when it holds the delimiter, a quote, CR or
// LF, its quotes doubled; every record ends in the line end. Without line breaks in fields these
// are csv-stringify's bytes; with them it is safer (csv-stringify left a lone LF unquoted in a
// file whose lines end in CRLF, and a spreadsheet broke the row there). Written by hand: the
// csv-stringify bundle took tens of milliseconds to load and allocated ~100 bytes per byte
// written, a tenth of a small run.

/** Neutralises formula injection: =, +, -, @, tab and CR at the start get a leading "'". */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function field(f: string, delimiter: string): string {
  return f.includes(delimiter) || /["\r\n]/.test(f) ? `"${f.replaceAll('"', '""')}"` : f;
}

/** The records as CSV text; `eol` ends every record, the last one too. */
export function csvText(
  records: readonly (readonly string[])[],
  delimiter = ",",
  eol = "\n",
): string {
  let out = "";
  for (const r of records) out += r.map((f) => field(f, delimiter)).join(delimiter) + eol;
  return out;
}
