// Issue 18: real exports as the tools write them, without lost answers. One fixture per case in
// fixtures/exports/ (written by scripts/make-export-fixtures.mjs to follow each tool's export code).
import { copyFileSync, existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, tempDir } from "./cli.js";

const X = "fixtures/exports";

interface ItemOut {
  id: string;
  n: number;
  counts?: Record<string, number>;
}
interface Unit {
  id: string;
  n?: number;
  respondents?: number;
  items?: ItemOut[];
}

function score(args: string[], env?: Record<string, string>) {
  const out = tempDir();
  const r = cli(["score", ...args, "--out", out, "--format", "json"], env ? { env } : {});
  const path = join(out, "assessment.json");
  const a = existsSync(path) ? JSON.parse(readFileSync(path, "utf8")) : undefined;
  const units: Unit[] = [a?.administration, ...(a?.departments ?? [])].filter(Boolean);
  const item = (id: string, unit?: string): ItemOut | undefined =>
    units
      .filter((u) => unit === undefined || u.id === unit)
      .flatMap((u) => u.items ?? [])
      .find((i) => i.id === id);
  const rejects = existsSync(join(out, "rejects.csv"))
    ? readFileSync(join(out, "rejects.csv"), "utf8").replace(/^\uFEFF/, "")
    : undefined;
  return { ...r, out, a, item, rejects };
}

describe("identity: duplicates per file by the export's id, across files only by a person's id", () => {
  it("two LimeSurvey surveys (ids 1…n each) scored together keep every respondent", () => {
    const r = score([join(X, "limesurvey-survey-bauen.csv"), join(X, "limesurvey-survey-it.csv")]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain(
      'limesurvey-survey-bauen.csv: encoding utf-8 (BOM), delimiter semicolon, preset limesurvey, respondents by "id" within the file',
    );
    expect(r.stderr).toContain(
      "limesurvey-survey-bauen.csv: 6 rows read = 5 scored + 0 rejected + 1 incomplete",
    );
    expect(r.stderr).toContain(
      "limesurvey-survey-it.csv: 5 rows read = 5 scored + 0 rejected + 0 incomplete",
    );
    expect(r.stderr).not.toContain("duplicate-respondent");
    expect(r.a.input.totals).toMatchObject({ rows: 11, scored: 10, duplicates: 0 });
    expect(r.a.input.files[0].identity).toEqual([{ column: "id", acrossFiles: false }]);
    // str01 over both: 4 4 5 2 dk | 3 3 3 2 4
    expect(r.item("str_01")?.counts).toEqual({ "2": 2, "3": 3, "4": 3, "5": 1, dk: 1 });
  });

  it("a LimeSurvey token names a person: a participant answering twice counts once, and the message says by which rule", () => {
    const r = score([join(X, "limesurvey-token-twice.csv")]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('respondents by "token" across files, else "id" within the file');
    expect(r.stderr).toMatch(
      /limesurvey-token-twice\.csv:3:6 warning duplicate-respondent: respondent "Zp3mX9aR" \("token" across files\) answered again in .*limesurvey-token-twice\.csv row 5/,
    );
    expect(r.stderr).toContain("5 rows read = 4 scored + 1 rejected (1 duplicate) + 0 incomplete");
    // A second export of the same survey: the tokens repeat across the files, each person counts once.
    const copy = join(tempDir(), "again.csv");
    copyFileSync(join(X, "limesurvey-token-twice.csv"), copy);
    const twice = score([join(X, "limesurvey-token-twice.csv"), copy]);
    expect(twice.a.input.totals).toMatchObject({ rows: 10, scored: 4, duplicates: 6 });
  });

  it("the reifegrad format's respondent column counts across files", () => {
    const copy = join(tempDir(), "again.csv");
    copyFileSync(join(X, "duplicate-ids.csv"), copy);
    const r = score([join(X, "duplicate-ids.csv"), copy]);
    // 7 rows twice: P1…P5 once each, every other row a duplicate.
    expect(r.a.input.totals).toMatchObject({ rows: 14, scored: 5, duplicates: 9 });
    expect(r.stderr).toContain('"respondent" across files');
  });
});

describe("LimeSurvey: every heading style, export language and Y/N conversion", () => {
  const counts = (r: ReturnType<typeof score>) => ({
    str_01: r.item("str_01")?.counts,
    bua_02: r.item("bua_02")?.counts,
    bua_06: r.item("bua_06")?.counts,
  });
  const same = {
    str_01: { "2": 1, "4": 2, "5": 1, dk: 1 },
    bua_02: { no: 2, yes: 3 },
    bua_06: { reminder: 2, waiting: 5 },
  };

  it.each([
    ["limesurvey-codes.csv", "codes, Y/N", "6 rows read = 5 scored + 0 rejected + 1 incomplete"],
    [
      "limesurvey-codes-y1-n2.csv",
      "codes, Y/N converted to 1/2",
      "6 rows read = 5 scored + 0 rejected + 1 incomplete",
    ],
    [
      "limesurvey-codetext-de.csv",
      "code & text headings",
      "6 rows read = 5 scored + 0 rejected + 1 incomplete",
    ],
    [
      "limesurvey-fulltext.csv",
      "full headings and answers (Ja/Nein)",
      "7 rows read = 5 scored + 0 rejected + 2 incomplete",
    ],
    [
      "limesurvey-vv.csv",
      "VV export: second heading row, raw values",
      "6 rows read = 5 scored + 0 rejected + 1 incomplete",
    ],
  ])("%s (%s): the same answers, incompletes left out", (file, _what, account) => {
    const r = score([join(X, file)]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain("preset limesurvey");
    expect(r.stderr).toContain(account);
    expect(r.stderr).not.toMatch(/unmatched-column|unknown-label|value-out-of-range/);
    expect(counts(r)).toEqual(same);
  });

  it("full headings in another export language: metadata by position and values, incompletes found", () => {
    const r = score([
      join(X, "limesurvey-fulltext-fr.csv"),
      "--department",
      "buergeramt",
      "--mapping",
      "fixtures/mappings/limesurvey-fr.yaml",
    ]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain("preset limesurvey");
    expect(r.stderr).toContain('respondents by "ID de la réponse" within the file');
    expect(r.stderr).toContain("6 rows read = 5 scored + 0 rejected + 1 incomplete");
    expect(r.item("str_01")?.counts).toEqual(same.str_01);
  });

  it("map on a VV export drafts from the codes in its second line", () => {
    const r = cli(["map", join(X, "limesurvey-vv.csv")]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('"bua06_reminder": { item: bua_06, choice: reminder }');
    expect(r.stdout).toContain('"str01": str_01');
  });
});

describe("LimeSurvey free text: [other], [comment] and -oth- are read, reported, never invalid", () => {
  const counts = (r: ReturnType<typeof score>) => ({
    str_01: r.item("str_01")?.counts,
    bua_01: r.item("bua_01")?.counts,
    bua_06: r.item("bua_06")?.counts,
  });
  // bua_01: form, -oth-, e2e, -oth-, online; bua_06: reminder, waiting, both, only an "Other"
  // text (unanswered), both.
  const same = {
    str_01: { "2": 1, "4": 2, "5": 1, dk: 1 },
    bua_01: { e2e: 1, form: 1, online: 1 },
    bua_06: { reminder: 3, waiting: 3 },
  };
  /** Every other-text problem: its place and what the message says it is. */
  const freeText = (stderr: string) =>
    [
      ...stderr.matchAll(
        /^\S+?:(\d+:\d+) warning other-text: "([^"]*)".*?(comment|"Other" text|no option)/gm,
      ),
    ].map((m) => `${m[1]} ${m[2]} (${m[3]})`);

  it("code headings and answer codes: the chosen options score, every text is reported where it is", () => {
    const r = score([join(X, "limesurvey-other-comment.csv")]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain("7 rows read = 5 scored + 1 rejected + 1 incomplete");
    expect(r.stderr).not.toMatch(/unmatched-column|unknown-label|value-out-of-range/);
    expect(counts(r)).toEqual(same);
    expect(r.item("str_02")?.counts).toEqual({ "3": 2, "4": 2, "5": 1 });
    expect(freeText(r.stderr)).toEqual([
      "2:14 per SMS und E-Mail (comment)",
      "3:10 Gemeinderat zögert (comment)",
      "3:11 -oth- (no option)",
      '3:12 nur Terminbuchung online ("Other" text)',
      '3:17 Chatbot ("Other" text)',
      "3:18 im Test (comment)",
      "5:11 -oth- (no option)",
      '5:12 geplant für 2027 ("Other" text)',
      '5:17 Videoberatung ("Other" text)',
      "6:16 seit Jahren (comment)",
    ]);
    expect(r.stderr).toContain('"im Test" is a comment on the "Other" answer of item bua_06');
    const file = r.a.input.files[0];
    expect(file.columns).toEqual({ items: 11, meta: 7, ignored: 0, unmatched: 0 });
    expect(file.cells.invalid.count).toBe(0);
    expect(r.a.input.totals).toMatchObject({ rows: 7, scored: 5, rejected: 1, invalidCells: 0 });
    expect(r.a.counts.invalid).toBe(0);
    // The rejected response keeps its free text in rejects.csv.
    const [head, row] = (r.rejects ?? "").trim().split("\r\n");
    expect(head).toContain("bua01,bua01[other],bua06[reminder],bua06[remindercomment]");
    expect(row).toContain(",'-oth-,Bürgerbüro mobil,");
    expect(row).toContain('unknown department ""Amt 99""');
  });

  it("Y/N converted to 1/2 (which writes 2 into empty free-text columns): the same scores and texts", () => {
    const codes = score([join(X, "limesurvey-other-comment.csv")]);
    const r = score([join(X, "limesurvey-other-comment-y1-n2.csv")]);
    expect(r.status, r.stderr).toBe(0);
    expect(counts(r)).toEqual(same);
    expect(freeText(r.stderr)).toEqual(freeText(codes.stderr));
    expect(r.a.input.totals.invalidCells).toBe(0);
  });

  it.each([
    ["limesurvey-other-fulltext-de.csv", "Sonstiges"],
    ["limesurvey-other-fulltext-en.csv", "Other"],
  ])(
    "full headings and answers (%s): [%s], [Choice] [Comment] and the answer %s",
    (file, other) => {
      const r = score([join(X, file)]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toContain("5 rows read = 5 scored + 0 rejected + 0 incomplete");
      expect(r.stderr).not.toMatch(/unmatched-column|unknown-label|value-out-of-range/);
      expect(counts(r)).toEqual(same);
      expect(freeText(r.stderr)).toEqual([
        "2:11 per SMS und E-Mail (comment)",
        `3:8 ${other} (no option)`,
        '3:9 nur Terminbuchung online ("Other" text)',
        '3:14 Chatbot ("Other" text)',
        `5:8 ${other} (no option)`,
        '5:9 geplant für 2027 ("Other" text)',
        '5:14 Videoberatung ("Other" text)',
        "6:13 seit Jahren (comment)",
      ]);
      expect(r.a.input.files[0].columns.unmatched).toBe(0);
    },
  );

  it("German messages under a German locale, the same places", () => {
    const r = score([join(X, "limesurvey-other-comment.csv")], { LANG: "de_DE.UTF-8" });
    expect(r.stderr).toContain(
      "limesurvey-other-comment.csv:3:12 warning other-text: „nur Terminbuchung online“ ist der „Sonstiges“-Text der Frage bua_01: Freitext, wird nicht gewertet",
    );
    expect(r.stderr).toContain(
      "limesurvey-other-comment.csv:3:11 warning other-text: „-oth-“ („Sonstiges“) ist keine Option der Frage bua_01",
    );
  });

  it("map drafts the free-text columns as such, and the draft scores the same", () => {
    const dir = tempDir();
    const draft = join(dir, "mapping.yaml");
    const m = cli(["map", join(X, "limesurvey-other-comment.csv"), "--out", draft]);
    expect(m.status, m.stderr).toBe(0);
    const text = readFileSync(draft, "utf8");
    expect(text).toContain(
      '  # "bua01[other]": free text (other) of bua_01, read as such: reported, not scored',
    );
    expect(text).toContain(
      '  # "bua06[remindercomment]": free text (comment) of bua_06 (reminder), read as such: reported, not scored',
    );
    expect(text).toContain('  "bua06[reminder]": { item: bua_06, choice: reminder }');
    const r = score([join(X, "limesurvey-other-comment.csv"), "--mapping", draft]);
    expect(r.status, r.stderr).toBe(0);
    expect(counts(r)).toEqual(same);
  });

  it("an SPSS data file without headings is refused, naming the CSV export, exit 1", () => {
    const f = join(X, "limesurvey-spss-data.dat");
    const r = score([f]);
    expect(r.status).toBe(1);
    expect(r.a).toBeUndefined();
    expect(r.stderr).toContain(
      `${f}:1:1 error headerless-export: the first row of ${f} holds answers, not column headings`,
    );
    expect(r.stderr).toContain("hint: export the responses as CSV instead");
    const de = score([f], { LANG: "de_DE.UTF-8" });
    expect(de.status).toBe(1);
    expect(de.stderr).toContain(`${f}:1:1 error headerless-export: die erste Zeile von ${f}`);
    expect(cli(["map", f]).status).toBe(1);
  });
});

describe("Forms and mappings: nothing lost by accident", () => {
  it('a multi-select cell with an "Other" text keeps the chosen options', () => {
    const r = score([join(X, "msforms-other-text.csv")]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(
      /msforms-other-text\.csv:2:8 warning other-text: "chatbot on the website" in .* the chosen options \(reminder\) are kept/,
    );
    // Row 2: reminder (+ other text), row 3: waiting, row 4: only the other text (invalid),
    // row 5: reminder + waiting, row 6: blank.
    expect(r.item("bua_06")?.counts).toEqual({ reminder: 2, waiting: 2 });
  });

  it("a role column marked ignore in the mapping: an error naming both lines, exit 1", () => {
    const both = cli([
      "score",
      join(X, "googleforms-repeated-headings.csv"),
      "--mapping",
      "fixtures/mappings/ignored-role.yaml",
    ]);
    expect(both.status).toBe(1);
    expect(both.stderr).toContain(
      'fixtures/mappings/ignored-role.yaml:5:3 error ignored-role-column: column "Abteilung" is the department column (line 3)',
    );
    const out = tempDir();
    const detected = cli([
      "score",
      join(X, "msforms-other-text.csv"),
      "--mapping",
      "fixtures/mappings/ignored-detected-role.yaml",
      "--out",
      out,
    ]);
    expect(detected.status).toBe(1);
    expect(detected.stderr).toContain(
      'msforms-other-text.csv:1:6 error ignored-role-column: column "Department" is the department column, but fixtures/mappings/ignored-detected-role.yaml line 4 marks it ignore',
    );
    expect(existsSync(join(out, "assessment.json"))).toBe(false);
  });

  it("a mapping heading that matches no column: an error with did-you-mean, exit 1", () => {
    const r = cli([
      "score",
      join(X, "googleforms-repeated-headings.csv"),
      "--mapping",
      "fixtures/mappings/heading-typo.yaml",
    ]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      'fixtures/mappings/heading-typo.yaml:4 error unmatched-mapping-key: "Anmerkugnen" matches no column of the exports (did you mean "Anmerkungen"?)',
    );
  });

  it("rejects.csv keeps columns whose headings repeat", () => {
    const r = score([join(X, "googleforms-repeated-headings.csv")]);
    expect(r.status, r.stderr).toBe(0);
    const [head, row] = (r.rejects ?? "").trim().split("\r\n");
    expect(head).toMatch(/,Anmerkungen,Anmerkungen,file,row,reason$/);
    expect(row).toContain(",erste 5,zweite 5,");
  });
});

describe("every cell accounted for", () => {
  it("answers to items not asked and invalid cells are counted with examples; --strict fails on them", () => {
    const r = score([join(X, "answered-not-asked.csv")]);
    expect(r.status, r.stderr).toBe(0);
    const f = "answered-not-asked.csv";
    expect(r.stderr).toMatch(new RegExp(`${f}:2:5 warning answered-not-asked: "5" answers str_04`));
    expect(r.stderr).toMatch(new RegExp(`${f}:3:6 warning answered-not-asked: "5" answers str_06`));
    expect(r.stderr).toMatch(
      new RegExp(`${f}:4:7 warning answered-not-asked: "yes" answers bau_06`),
    );
    expect(r.stderr).toContain('1 cell invalid, not scored, e.g. row 6 column 7 "vielleicht"');
    expect(r.stderr).toContain("3 cells answered but not asked, not scored");
    expect(r.a.input.totals).toMatchObject({
      rows: 5,
      scored: 5,
      invalidCells: 1,
      notAskedCells: 3,
    });
    expect(r.a.input.files[0].cells.notAsked.examples[0]).toEqual({
      row: 2,
      column: 5,
      value: "5",
    });
    const out = tempDir();
    const strict = cli(["score", join(X, f), "--strict", "--out", out]);
    expect(strict.status).toBe(1);
    expect(strict.stderr).toContain("--strict: nothing written");
  });
});

describe("Excel workbooks read directly", () => {
  it("a Microsoft Forms .xlsx and its CSV give identical assessments", () => {
    const xlsx = score([join(X, "msforms-de.xlsx")]);
    const csv = score([join(X, "msforms-de.csv")]);
    expect(xlsx.status, xlsx.stderr).toBe(0);
    expect(xlsx.stderr).toContain("msforms-de.xlsx: Excel workbook, preset msforms");
    expect(xlsx.stderr).toContain("5 rows read = 5 scored + 0 rejected + 0 incomplete");
    const { input: a, ...fromXlsx } = xlsx.a;
    const { input: b, ...fromCsv } = csv.a;
    expect(fromXlsx).toEqual(fromCsv);
    expect(a.totals).toEqual(b.totals);
    expect(a.problems).toEqual(b.problems);
    // The account's bytes are the workbook's own, not those of the CSV it is read as.
    expect(a.files[0].bytes).toBe(statSync(join(X, "msforms-de.xlsx")).size);
    expect(b.files[0].bytes).toBe(statSync(join(X, "msforms-de.csv")).size);
  });

  it("--sheet picks a sheet; an unknown one is a usage error naming the sheets", () => {
    expect(score([join(X, "msforms-de.xlsx"), "--sheet", "Sheet1"]).status).toBe(0);
    const r = cli(["score", join(X, "msforms-de.xlsx"), "--sheet", "Tabelle2"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('the workbook has no sheet "Tabelle2" (sheets: Sheet1)');
  });
});

describe("messages in German under a German locale, the same codes and places", () => {
  it("detection, account and problems", () => {
    const files = [join(X, "limesurvey-token-twice.csv"), join(X, "answered-not-asked.csv")];
    const de = score(files, { LANG: "de_DE.UTF-8" });
    const en = score(files, { LANG: "C" });
    expect(de.status, de.stderr).toBe(0);
    expect(de.stderr).toContain(
      'Befragte nach "token" über alle Dateien, sonst "id" innerhalb der Datei',
    );
    expect(de.stderr).toContain(
      "5 Zeilen gelesen = 4 gewertet + 1 abgewiesen (1 Doppelte) + 0 unvollständig",
    );
    expect(de.stderr).toContain(
      '1 Zelle ungültig, nicht gewertet, z. B. Zeile 6 Spalte 7 "vielleicht"',
    );
    const codes = (s: string) => s.match(/^\S+:\d+(:\d+)? (error|warning) [a-z-]+/gm);
    expect(codes(de.stderr)).toEqual(codes(en.stderr));
    expect(de.a.input).toEqual(en.a.input);
  });
});

describe("map drafts valid YAML", () => {
  it("a repeated heading is drafted once, and the completed draft is a valid mapping", () => {
    const out = join(tempDir(), "mapping.yaml");
    const r = cli(["map", join(X, "googleforms-repeated-headings.csv"), "--out", out]);
    expect(r.status, r.stderr).toBe(0);
    const text = readFileSync(out, "utf8");
    expect(text.match(/"Anmerkungen"/g)).toHaveLength(1);
    writeFileSync(out, text.replace('# "Anmerkungen": ~', '"Anmerkungen": ignore'));
    const s = score([join(X, "googleforms-repeated-headings.csv"), "--mapping", out]);
    expect(s.status, s.stderr).toBe(0);
    expect(s.stderr).not.toContain("unmatched-column");
  });
});
