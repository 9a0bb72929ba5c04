import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { describe, expect, it } from "vitest";
import { csvText } from "../../src/util/csv-text.js";

// A seeded generator: fields made of the characters CSV quoting is about, and ordinary ones.
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
const PIECES = ["", "a", "Ä", "ß", " ", ",", ";", '"', "\r", "\n", "\r\n", "'", "=1", "1,5", "x y"];

describe("csvText", () => {
  it("quotes a field with the delimiter, a quote, CR or LF, and doubles its quotes", () => {
    expect(csvText([["a", "b,c", 'say "hi"', "two\nlines", ""]])).toBe(
      'a,"b,c","say ""hi""","two\nlines",\n',
    );
    expect(csvText([["1,5", "a;b"]], ";", "\r\n")).toBe('1,5;"a;b"\r\n');
    expect(csvText([])).toBe("");
  });

  it("reads back as the same records (csv-parse), for either delimiter and line end", () => {
    const next = random(7);
    for (let run = 0; run < 300; run++) {
      const records = randomRecords(next);
      const [delimiter, eol] = next() < 0.5 ? [";", "\r\n"] : [",", "\n"];
      const text = csvText(records, delimiter, eol);
      expect(parse(text, { delimiter, record_delimiter: eol })).toEqual(records);
      // Without line breaks in fields, the bytes are csv-stringify's (the reports' until now).
      if (records.flat().some((f) => /[\r\n]/.test(f))) continue;
      const windows = eol === "\r\n" ? "windows" : "unix";
      expect(text).toBe(stringify(records, { delimiter, record_delimiter: windows }));
    }
  });

  it("quotes a lone LF in a file whose lines end in CRLF (csv-stringify did not: the row broke)", () => {
    expect(csvText([["a\nb"]], ";", "\r\n")).toBe('"a\nb"\r\n');
    expect(stringify([["a\nb"]], { delimiter: ";", record_delimiter: "windows" })).toBe("a\nb\r\n");
  });
});

function randomRecords(next: () => number): string[][] {
  const width = 1 + Math.floor(next() * 5);
  const piece = () => PIECES[Math.floor(next() * PIECES.length)]!;
  const cell = () => Array.from({ length: Math.floor(next() * 4) }, piece).join("");
  return Array.from({ length: 1 + Math.floor(next() * 4) }, () =>
    Array.from({ length: width }, cell),
  );
}
