import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { detectDelimiter } from "../../src/responses/import/csv.js";
import { ByteSplitter } from "../../src/responses/import/split.js";

/** Feeds the bytes the way the reader does: cut at `cuts`, the unconsumed rest carried over. */
function split(
  text: string,
  cuts: number[] = [],
  d: "," | ";" | "\t" = ",",
  limit = Number.POSITIVE_INFINITY,
): [string[], number][] {
  const bytes = Buffer.from(text, "utf8");
  const s = new ByteSplitter(d);
  // A finite limit no row reaches must change nothing (the duplicate pass sets one).
  s.row.limit = limit;
  const out: [string[], number][] = [];
  let carry = Buffer.alloc(0);
  let pos = 0;
  for (const c of [...cuts, bytes.length]) {
    const final = c === bytes.length;
    const buf = Buffer.concat([carry, bytes.subarray(pos, c)]);
    const rest = s.split(buf, 0, buf.length, final, (row) => out.push([row.fields(), row.line]));
    carry = Buffer.from(buf.subarray(rest));
    pos = c;
  }
  return out;
}

describe("ByteSplitter", () => {
  it("splits plain lines, CRLF, skips blank lines, keeps file line numbers", () => {
    expect(split("a,b\r\n1,2\r\n\r\n3,\n")).toEqual([
      [["a", "b"], 1],
      [["1", "2"], 2],
      [["3", ""], 4],
    ]);
  });

  it("a field limit no row reaches gives the same records and lines", () => {
    const text = fc
      .array(fc.constantFrom("a", "b", ",", ";", '"', "\r", "\n", "\r\n", " ", "ü"), {
        maxLength: 60,
      })
      .map((parts) => parts.join(""));
    fc.assert(
      fc.property(
        text,
        fc.uniqueArray(fc.integer({ min: 1, max: 80 }), { maxLength: 4 }),
        (t, cuts) => {
          const inside = [...cuts].filter((c) => c < Buffer.byteLength(t)).sort((a, b) => a - b);
          expect(split(t, inside)).toEqual(split(t, inside, ",", 1e9));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("quoted fields: delimiters, doubled quotes, embedded newlines", () => {
    const text = 'id,text,x\n1,"a, ""b""\nc",2\n2,"",3\n';
    expect(split(text).map(([f, l]) => [f, l])).toEqual([
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
        fc.uniqueArray(fc.integer({ min: 1, max: Buffer.byteLength(text) - 1 }), { maxLength: 6 }),
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
    const s = new ByteSplitter(",");
    const out: string[][] = [];
    const buf = Buffer.from('a,b\n1,"open\n2,3\n');
    s.split(buf, 0, buf.length, true, (row) => out.push(row.fields()));
    expect(out[1]).toEqual(["1", "open\n2,3\n"]);
    expect(s.issues).toEqual([{ code: "unterminated-quote", line: 2 }]);
  });

  it("multi-byte characters survive any cut", () => {
    const text = "a;b\nBürgeramt;Straße\n";
    const whole = split(text, [], ";");
    expect(whole[1]![0]).toEqual(["Bürgeramt", "Straße"]);
    for (let c = 1; c < Buffer.byteLength(text); c++) expect(split(text, [c], ";")).toEqual(whole);
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
