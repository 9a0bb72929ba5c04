// `score` on real-world export shapes: one fixture per case in fixtures/exports/.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, tempDir } from "./cli.js";

const X = "fixtures/exports";

interface ItemOut {
  id: string;
  n: number;
  mean: number;
  dontKnow: number;
  counts?: Record<string, number>;
}

function score(args: string[]) {
  const out = tempDir();
  const r = cli(["score", ...args, "--out", out, "--format", "json"]);
  const path = join(out, "assessment.json");
  const a = existsSync(path) ? JSON.parse(readFileSync(path, "utf8")) : undefined;
  // Core items are in the administration's list, department items in their department's.
  const item = (id: string): ItemOut | undefined =>
    [a?.administration, ...(a?.departments ?? [])]
      .flatMap((u: { items?: ItemOut[] } | undefined) => u?.items ?? [])
      .find((i: ItemOut) => i.id === id);
  return { ...r, out, a, item };
}

// str_01 in most fixtures: 4, 4, 5, 2, dk → n 4, counts {2:1, 4:2, 5:1, dk:1}.
const STR01 = { "2": 1, "4": 2, "5": 1, dk: 1 };

describe("score: presets, encodings and delimiters", () => {
  it.each([
    [
      "limesurvey-codes.csv",
      "encoding utf-8 (BOM), delimiter semicolon, preset limesurvey",
      "6 rows read = 5 scored + 0 rejected + 1 incomplete",
    ],
    [
      "limesurvey-fulltext.csv",
      "preset limesurvey",
      "7 rows read = 5 scored + 0 rejected + 2 incomplete",
    ],
    [
      "msforms-de.csv",
      "delimiter comma, preset msforms",
      "5 rows read = 5 scored + 0 rejected + 0 incomplete",
    ],
    [
      "utf16le-bom.tsv",
      "encoding utf-16le (BOM), delimiter tab, preset reifegrad",
      "5 rows read = 5 scored",
    ],
    ["utf8-bom-crlf.csv", "encoding utf-8 (BOM), delimiter comma", "5 rows read = 5 scored"],
    ["quoted-newlines.csv", "encoding utf-8, delimiter comma", "5 rows read = 5 scored"],
  ])("%s", (file, detected, account) => {
    const r = score([join(X, file)]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain(detected);
    expect(r.stderr).toContain(account);
    expect(r.item("str_01")?.counts).toEqual(STR01);
    expect(r.a.input.files[0].file).toBe(join(X, file));
  });

  it("LimeSurvey: choice columns Q[SQ] become one multi answer; --include-incomplete keeps the rest", () => {
    const r = score([join(X, "limesurvey-codes.csv")]);
    expect(r.item("bua_06")?.counts).toEqual({ reminder: 2, waiting: 5 });
    const all = score([join(X, "limesurvey-fulltext.csv"), "--include-incomplete"]);
    expect(all.stderr).toContain("7 rows read = 7 scored + 0 rejected + 0 incomplete");
    expect(all.a.input.settings.includeIncomplete).toBe(true);
  });

  it("LimeSurvey full text: answer texts map to codes", () => {
    const r = score([join(X, "limesurvey-fulltext.csv")]);
    expect(r.item("str_01")?.counts).toEqual(STR01);
    expect(r.item("str_02")?.counts).toEqual({ "3": 2, "4": 2, "5": 1 });
  });

  it("Microsoft Forms: multi-select labels joined by ';' with a trailing ';'", () => {
    const r = score([join(X, "msforms-de.csv")]);
    expect(r.item("bua_06")?.counts).toEqual({ cashless: 1, none: 1, reminder: 2, waiting: 1 });
    expect(r.a.input.files[0].preset).toBe("msforms");
  });

  it("Google Forms: grid rows from `Title [Row]`, checkbox labels containing ', '", () => {
    const r = score([join(X, "googleforms.csv")]);
    expect(r.status).toBe(0);
    expect(r.item("fin_05")?.counts).toEqual({
      bank: 1,
      einvoice: 1,
      none: 1,
      payroll: 1,
      taxes: 2,
    });
    expect(r.item("bau_05")?.counts).toMatchObject({ "xplanung:done": 2, "bim:planned": 2 });
  });

  it("German Excel: Windows-1252, ';', department by name, decimal comma", () => {
    const r = score([join(X, "excel-semicolon-cp1252.csv")]);
    expect(r.stderr).toContain("encoding windows-1252, delimiter semicolon");
    expect(r.stderr).toContain("10 rows read = 10 scored");
    expect(r.a.departments.map((d: { id: string }) => d.id)).toEqual(
      expect.arrayContaining(["buergeramt", "bildung"]),
    );
    // bil_05 bands: <1.5 → 100, 1.5–3 → 75, 3–5 → 50, 5–10 → 25: 2,5 1,2 4,0 12,5 3 → 75 100 50 ? 50
    expect(r.item("bil_05")?.n).toBe(5);
  });

  it("forcing --encoding, --delimiter, --preset", () => {
    const r = score([
      join(X, "excel-semicolon-cp1252.csv"),
      "--encoding",
      "cp1252",
      "--delimiter",
      ";",
      "--preset",
      "reifegrad",
    ]);
    expect(r.stderr).toContain(
      "encoding windows-1252, delimiter semicolon, preset reifegrad (not detected)",
    );
    const wrong = score([join(X, "excel-semicolon-cp1252.csv"), "--delimiter", "pipe"]);
    expect(wrong.status).toBe(2);
  });
});

describe("score: nothing lost", () => {
  it("a broken Excel workbook is refused with how to fix it, nothing written", () => {
    const out = tempDir();
    const r = cli(["score", join(X, "excel-workbook.xlsx"), "--out", out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/excel-workbook\.xlsx: cannot read the workbook .*CSV UTF-8/);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(readdirSync(out)).toEqual([]);
  });

  it("UTF-16 without a byte-order mark is read with --encoding (its NUL bytes are text)", () => {
    const dir = tempDir();
    const text = readFileSync(join(X, "utf16le-bom.tsv")).subarray(2); // the BOM dropped
    writeFileSync(join(dir, "nobom.tsv"), text);
    const refused = score([join(dir, "nobom.tsv")]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("not-a-text-export");
    const r = score([join(dir, "nobom.tsv"), "--encoding", "utf-16le"]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain("encoding utf-16le, delimiter tab");
    expect(r.stderr).toContain("5 rows read = 5 scored");
  });

  it("a row cut short is reported where it ends (its missing cells count as unanswered)", () => {
    const dir = tempDir();
    const lines = readFileSync("fixtures/demo/staff-survey.csv", "utf8").split("\n").slice(0, 8);
    const fields = lines[0]!.split(",").length;
    lines[5] = lines[5]!.split(",").slice(0, 10).join(",");
    writeFileSync(join(dir, "short.csv"), `${lines.join("\n")}\n`);
    const r = score([join(dir, "short.csv")]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain(
      `short.csv:6:11 warning missing-fields: row has 10 fields, the header ${fields}; the missing ones count as unanswered`,
    );
    expect(r.stderr).toContain("7 rows read = 7 scored");
  });

  it("a stray NUL byte in a text file is pointed at (line and column), a binary file is not", () => {
    const dir = tempDir();
    const lines = readFileSync("fixtures/demo/staff-survey.csv", "utf8").split("\n").slice(0, 8);
    lines[5] = lines[5]!.replace(",", ",\u0000");
    writeFileSync(join(dir, "nul.csv"), `${lines.join("\n")}\n`);
    const r = score([join(dir, "nul.csv")]);
    expect(r.status).toBe(1);
    const column = lines[5]!.indexOf("\u0000") + 1;
    expect(r.stderr).toContain(`nul.csv:6:${column} error not-a-text-export:`);
    writeFileSync(
      join(dir, "bild.csv"),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]),
    );
    expect(score([join(dir, "bild.csv")]).stderr).toContain(
      "bild.csv:1:1 error not-a-text-export:",
    );
  });

  it("lines ending in CR alone (old Mac) are refused as such, not read as one long row", () => {
    const dir = tempDir();
    const lines = readFileSync("fixtures/demo/staff-survey.csv", "utf8").split("\n").slice(0, 8);
    writeFileSync(join(dir, "mac.csv"), lines.join("\r"));
    const r = score([join(dir, "mac.csv")]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("mac.csv:1:1 error cr-line-ends: the lines of");
    expect(r.stderr).not.toContain("unmatched-column");
  });

  it("German readers get German detection and counts ('Trennzeichen Komma', one input 'ist')", () => {
    const de = { env: { LANG: "de_DE.UTF-8" } };
    const r = cli(
      ["score", "fixtures/demo/staff-survey.csv", "--format", "json", "--out", "-"],
      de,
    );
    expect(r.stderr.split("\n")[0]).toMatch(
      /: Kodierung utf-8, Trennzeichen Komma, preset reifegrad,/,
    );
    const png = join(tempDir(), "bild.csv");
    writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]));
    const bad = cli(["score", png, "--out", tempDir()], de);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/\nFehler: 1 der Eingaben ist kein lesbarer CSV\/TSV-Export\n$/);
  });

  it("bad cells are dropped with a problem each, the rows are kept", () => {
    const r = score([join(X, "bad-cells.csv")]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/bad-cells\.csv:2:4 warning value-out-of-range: "7"/);
    expect(r.stderr).toMatch(/bad-cells\.csv:3:5 warning unknown-label: "stimmt total"/);
    expect(r.stderr).toMatch(/bad-cells\.csv:4:6 warning not-a-number: "viele"/);
    expect(r.stderr).toContain("5 rows read = 5 scored + 0 rejected");
    expect(r.a.input.problems.byCode).toMatchObject({
      "value-out-of-range": 1,
      "unknown-label": 1,
      "not-a-number": 2,
    });
    expect(r.item("str_02")?.counts).toEqual({ "2": 1, "4": 3 });
  });

  it("unknown departments are rejected into rejects.csv (formula-safe), or scored with --allow-unknown-departments", () => {
    const r = score([join(X, "unknown-department.csv")]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(
      /unknown-department\.csv:7:2 error unknown-department: unknown department "Amt 33"/,
    );
    expect(r.stderr).toContain('did you mean "personal"');
    expect(r.stderr).toContain("7 rows read = 5 scored + 2 rejected + 0 incomplete");
    const rejects = readFileSync(join(r.out, "rejects.csv"), "utf8");
    const lines = rejects
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe("respondent,department,group,str_01,str_02,file,row,reason");
    expect(lines[1]).toContain("D6,Amt 33,staff,3,3,fixtures/exports/unknown-department.csv,7,");
    expect(lines[2]).toContain("D7,personl,staff,'=1+2,3");
    const allowed = score([join(X, "unknown-department.csv"), "--allow-unknown-departments"]);
    expect(allowed.stderr).toContain("7 rows read = 7 scored + 0 rejected");
    expect(allowed.stderr).toContain("department-without-questionnaire");
    expect(existsSync(join(allowed.out, "rejects.csv"))).toBe(false);
  });

  it("duplicate respondent ids: the last submission counts, the earlier ones are rejected", () => {
    const r = score([join(X, "duplicate-ids.csv")]);
    expect(r.stderr).toContain("7 rows read = 5 scored + 2 rejected (2 duplicates) + 0 incomplete");
    expect(r.stderr).toMatch(
      /duplicate-ids\.csv:2:1 warning duplicate-respondent: respondent "P1"/,
    );
    // P1's last answer is 1 (its first, 4, is dropped); P3's first (1) is dropped, its last is 5.
    expect(r.item("str_01")?.counts).toEqual({ "1": 1, "2": 1, "4": 1, "5": 1, dk: 1 });
    const keep = score([join(X, "duplicate-ids.csv"), "--keep-duplicates"]);
    expect(keep.stderr).toContain("7 rows read = 7 scored");
  });

  it("rows without a department are rejected; --department fills it in", () => {
    const r = score([join(X, "no-department.csv")]);
    expect(r.stderr).toMatch(/no-department\.csv:3:2 error missing-department/);
    expect(r.stderr).toContain("5 rows read = 3 scored + 2 rejected");
    expect(r.a.input.totals).toMatchObject({ rows: 5, scored: 3, rejected: 2 });
  });

  it("--strict: any problem → exit 1 and nothing written", () => {
    const out = tempDir();
    const r = cli(["score", join(X, "bad-cells.csv"), "--out", out, "--strict"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("--strict: nothing written");
    expect(readdirSync(out)).toEqual([]);
  });

  it("problems are capped per code when printed but all counted", () => {
    const dir = tempDir();
    const rows = ["respondent,department,group,str_01"];
    for (let i = 0; i < 30; i++) rows.push(`R${i},bildung,staff,9`);
    // One valid row: a run that scores nobody fails (see below), and this one is about problems.
    rows.push("R30,bildung,staff,3");
    writeFileSync(join(dir, "many.csv"), `${rows.join("\n")}\n`);
    const r = score([join(dir, "many.csv")]);
    expect(r.stderr.match(/value-out-of-range:/g)?.length).toBe(20);
    expect(r.stderr).toContain("… and 10 more value-out-of-range");
    expect(r.a.input.problems.byCode["value-out-of-range"]).toBe(30);
  });
});

describe("score: a run that produces nothing useful does not exit 0", () => {
  it("no row scored (no column matches an item): exit 1 naming why and `reifegrad map`", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "other.csv"), "Frage A,Frage B\nja,nein\n");
    const r = cli([
      "score",
      join(dir, "other.csv"),
      "--department",
      "bauen",
      "--out",
      join(dir, "out"),
    ]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/no row was scored/);
    expect(r.stderr).toContain("reifegrad map");
    expect(existsSync(join(dir, "out", "assessment.json"))).toBe(false);
  });

  it("--format json without --out is a usage error before any work; --out - writes it to stdout", () => {
    const demo = "fixtures/demo/staff-survey.csv";
    const none = cli(["score", demo, "--format", "json"]);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain("--out");
    expect(none.stderr).not.toMatch(/rows read/);
    const piped = cli(["score", demo, "--format", "json", "--out", "-"]);
    expect(piped.status, piped.stderr).toBe(0);
    expect(JSON.parse(piped.stdout).schemaVersion).toBe(1);
    expect(existsSync("-")).toBe(false);
    expect(cli(["score", demo, "--out", "-"]).status).toBe(2);
  });
});

describe("score: several files", () => {
  it("one file and the same rows in two files give the same assessment", () => {
    const dir = tempDir();
    const a = readFileSync(join(X, "split-part1.csv"), "utf8");
    const b = readFileSync(join(X, "split-part2.csv"), "utf8");
    writeFileSync(join(dir, "whole.csv"), a + b.slice(b.indexOf("\n") + 1));
    const one = score([join(dir, "whole.csv")]);
    const two = score([join(X, "split-part1.csv"), join(X, "split-part2.csv")]);
    expect(two.stderr).toMatch(/total: \d+ rows read = \d+ scored \+ 0 rejected \+ 0 incomplete/);
    const strip = (x: Record<string, unknown>) => ({ ...x, input: undefined });
    expect(strip(two.a)).toEqual(strip(one.a));
    expect(two.a.input.totals).toEqual(one.a.input.totals);
    expect(two.a.input.files).toHaveLength(2);
  });

  it("a folder: every csv/tsv/txt inside", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "a.csv"), readFileSync(join(X, "utf8-bom-crlf.csv")));
    writeFileSync(join(dir, "b.tsv"), readFileSync(join(X, "utf16le-bom.tsv")));
    writeFileSync(join(dir, "notes.md"), "ignored");
    const r = score([dir]);
    expect(r.status).toBe(0);
    expect(r.a.input.files).toHaveLength(2);
    expect(r.stderr).toContain("total: 10 rows read = 10 scored");
  });
});
