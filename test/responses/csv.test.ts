import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { detectDelimiter, RecordSplitter } from "../../src/responses/import/csv.js";

function split(
  text: string,
  chunks: number[] = [],
  d: "," | ";" | "\t" = ",",
): [string[], number][] {
  const s = new RecordSplitter(d);
  const out: [string[], number][] = [];
  let pos = 0;
  for (const c of chunks) {
    s.push(text.slice(pos, c), false, (f, l) => out.push([f, l]));
    pos = c;
  }
  s.push(text.slice(pos), true, (f, l) => out.push([f, l]));
  return out;
}

describe("RecordSplitter", () => {
  it("splits plain lines, CRLF, skips blank lines, keeps file line numbers", () => {
    expect(split("a,b\r\n1,2\r\n\r\n3,\n")).toEqual([
      [["a", "b"], 1],
      [["1", "2"], 2],
      [["3", ""], 4],
    ]);
  });

  it("quoted fields: delimiters, doubled quotes, embedded newlines", () => {
    const text = 'id,text,x\n1,"a, ""b""\nc",2\n2,"",3\n';
    expect(split(text)).toEqual([
      [["id", "text", "x"], 1],
      [["1", 'a, "b"\nc', "2"], 2],
      [["2", "", "3"], 4],
    ]);
  });

  it("gives the same records wherever the chunks are cut", () => {
    const text =
      'h1;h2;h3\r\n"x;1";"multi\r\nline";3\r\nplain;row;4\r\n"q""";"";\r\nlast;"a""b";"c"';
    const whole = split(text, [], ";");
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: text.length - 1 }), { maxLength: 6 }),
        (cuts) => {
          expect(
            split(
              text,
              [...cuts].sort((a, b) => a - b),
              ";",
            ),
          ).toEqual(whole);
        },
      ),
    );
  });

  it("reports an unterminated quote at the end of the file", () => {
    const s = new RecordSplitter(",");
    const out: string[][] = [];
    s.push('a,b\n1,"open\n2,3\n', true, (f) => out.push(f));
    expect(out[1]).toEqual(["1", "open\n2,3\n"]);
    expect(s.issues).toEqual([{ code: "unterminated-quote", line: 2 }]);
  });
});

describe("detectDelimiter", () => {
  it.each([
    ["a,b,c\n1,2,3\n", ","],
    ["a;b;c\n1,5;2;3\n", ";"],
    ["a\tb\tc\n1\t2\t3\n", "\t"],
    ['"a;x",b,c\n"1;2",2,3\n', ","],
  ])("%j → %j", (text, d) => {
    expect(detectDelimiter(text)).toBe(d);
  });
});
