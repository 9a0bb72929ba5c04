import { describe, expect, it } from "vitest";
import { HashColumn, hash53 } from "../../src/responses/import/dedupe.js";
import { guessEncoding } from "../../src/responses/import/encoding.js";
import { normalizeKey, slug, splitBracket } from "../../src/responses/import/text.js";
import { parseNumber, splitMulti } from "../../src/responses/import/values.js";

describe("normalizeKey", () => {
  it("folds case, NFC, spaces and trailing punctuation", () => {
    expect(normalizeKey("  Wie  alt sind\nIhre Geräte?* ")).toBe("wie alt sind ihre geräte");
    expect(normalizeKey("Bu\u0308rgeramt:")).toBe("bürgeramt");
  });
  it("slug and brackets", () => {
    expect(slug("Amt 33")).toBe("amt-33");
    expect(slug("Bürgeramt")).toBe("buergeramt");
    expect(splitBracket("Title [Row text]")).toEqual({ base: "Title", sub: "Row text" });
    expect(splitBracket("Q1[SQ001]")).toEqual({ base: "Q1", sub: "SQ001" });
    expect(splitBracket("plain")).toBeUndefined();
  });
});

describe("parseNumber", () => {
  it.each([
    ["12,5", 12.5],
    ["12.5", 12.5],
    ["1.234,5", 1234.5],
    ["1,234.5", 1234.5],
    [" 40 % ", 40],
    ["-3", -3],
    ["viele", undefined],
    ["-", undefined],
    ["1,2,3", undefined],
  ])("%j → %j", (raw, x) => {
    expect(parseNumber(raw)).toBe(x);
  });
});

describe("splitMulti", () => {
  const labels = [
    "tax and levy assessments (e.g. property tax, trade tax)",
    "bank statements",
    "none",
  ].sort((a, b) => b.length - a.length);
  it("keeps labels that contain the separator whole", () => {
    expect(
      splitMulti(
        "Bank statements, tax and levy assessments (e.g. property tax, trade tax)",
        ", ",
        labels,
      ),
    ).toEqual(["Bank statements", "tax and levy assessments (e.g. property tax, trade tax)"]);
  });
  it("handles a trailing ';' and unknown parts", () => {
    expect(splitMulti("a;b;", ";", [])).toEqual(["a", "b"]);
  });
});

describe("encoding", () => {
  it("BOMs and the Windows-1252 fallback", () => {
    expect(guessEncoding(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61]))).toEqual({
      encoding: "utf-8",
      bom: 3,
    });
    expect(guessEncoding(Uint8Array.from([0xff, 0xfe, 0x61, 0]))).toEqual({
      encoding: "utf-16le",
      bom: 2,
    });
    expect(guessEncoding(Uint8Array.from([0xfe, 0xff, 0, 0x61]))).toEqual({
      encoding: "utf-16be",
      bom: 2,
    });
    expect(guessEncoding(Buffer.from("Bürgeramt", "latin1")).encoding).toBe("windows-1252");
    expect(guessEncoding(Buffer.from("Bürgeramt", "utf8")).encoding).toBe("utf-8");
    // a UTF-8 character cut off at the end of the sample is still UTF-8
    expect(guessEncoding(Buffer.from("Bü", "utf8").subarray(0, 2)).encoding).toBe("utf-8");
  });
});

describe("dedupe", () => {
  it("finds repeated hashes and their last position", () => {
    const h = new HashColumn();
    for (const id of ["a", "b", "a", "c", "b", "a"]) h.push(hash53(id));
    h.push(Number.NaN);
    h.push(Number.NaN);
    expect(h.repeated()).toEqual(
      new Map([
        [hash53("a"), 5],
        [hash53("b"), 4],
      ]),
    );
  });
  it("finds the same repeats as a plain Map, also among many hashes", () => {
    const h = new HashColumn();
    const seen = new Map<number, number[]>();
    let x = 7;
    for (let i = 0; i < 20_000; i++) {
      x = (x * 48271) % 2147483647;
      // Few distinct values, so plenty repeat; every 97th row has no id.
      const v = i % 97 === 0 ? Number.NaN : hash53(`r${x % 15_000}`);
      h.push(v);
      if (!Number.isNaN(v)) seen.set(v, [...(seen.get(v) ?? []), i]);
    }
    const expected = new Map(
      [...seen].filter(([, at]) => at.length > 1).map(([v, at]) => [v, at.at(-1)!]),
    );
    expect(expected.size).toBeGreaterThan(1000);
    expect(h.repeated()).toEqual(expected);
  });
  it("hashes are 53-bit integers", () => {
    const x = hash53("respondent-123");
    expect(Number.isSafeInteger(x)).toBe(true);
    expect(hash53("respondent-124")).not.toBe(x);
  });
});
