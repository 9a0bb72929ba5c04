// `reifegrad report` and `--check` on report and score, run as a user would (built CLI).
import { appendFileSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "csv-stringify/sync";
import { describe, expect, it } from "vitest";
import { fixtureRecords } from "../report/fixture-data.js";
import { cli, tempDir } from "./cli.js";

const WAVE = "fixtures/assessments/wave-2024.json";
const QS = "fixtures/assessments/src/questionnaires";
const ITEMS = [
  "str_01",
  "str_02",
  "prc_01",
  "prc_02",
  "srv_01",
  "srv_02",
  "bau_01",
  "cit_01",
  "cit_02",
];

function writeExport(path: string): void {
  const records = fixtureRecords(5, 0, [
    { department: "bauen", group: "staff", n: 8, level: 2.5 },
    { department: "ordnung", group: "staff", n: 7, level: 3.5 },
    { department: "rpa", group: "staff", n: 3, level: 2 },
    { department: "soziales", group: "staff", n: 6, level: 3 },
  ]);
  const rows = records.map((r) => [
    r.respondent,
    r.department ?? "",
    r.group,
    ...ITEMS.map((i) => r.answers.get(i) ?? ""),
  ]);
  writeFileSync(path, stringify([["respondent", "department", "group", ...ITEMS], ...rows]));
}

const filesIn = (dir: string) => readdirSync(dir).sort();

describe("reifegrad report", () => {
  it("renders every format from a saved assessment, identical to the golden files", () => {
    const out = tempDir();
    const r = cli(["report", WAVE, "--out", out, "--lang", "de"], { env: { COLUMNS: "80" } });
    expect(r.status, r.stderr).toBe(0);
    expect(filesIn(out)).toEqual([
      "assessment.json",
      "item-answers.csv",
      "items.csv",
      "report.html",
      "report.md",
      "scores.csv",
    ]);
    expect(readFileSync(join(out, "report.md"), "utf8")).toBe(
      readFileSync("fixtures/reports/golden/md.de.md", "utf8"),
    );
    expect(readFileSync(join(out, "report.html"), "utf8")).toBe(
      readFileSync("fixtures/reports/golden/html.de.html", "utf8"),
    );
    expect(readFileSync(join(out, "scores.csv"), "utf8")).toBe(
      readFileSync("fixtures/reports/golden/csv.de.scores.csv", "utf8"),
    );
    expect(readFileSync(join(out, "assessment.json"), "utf8")).toBe(readFileSync(WAVE, "utf8"));
    expect(r.stdout).toBe(readFileSync("fixtures/reports/golden/terminal.de.txt", "utf8"));
  });

  it("writes byte-identical files in any time zone and locale", () => {
    const a = tempDir();
    const b = tempDir();
    const ra = cli(["report", WAVE, "--out", a, "--lang", "de"], {
      env: { TZ: "Pacific/Kiritimati", LANG: "de_DE.UTF-8", LC_ALL: "de_DE.UTF-8" },
    });
    const rb = cli(["report", WAVE, "--out", b, "--lang", "de"], {
      env: { TZ: "UTC", LANG: "C", LC_ALL: "C" },
    });
    expect(ra.status, ra.stderr).toBe(0);
    expect(rb.status, rb.stderr).toBe(0);
    expect(ra.stdout).toBe(rb.stdout);
    for (const f of filesIn(a))
      expect(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), f).toBe(true);
  });

  it("--format picks formats; --excel writes CSV for German Excel", () => {
    const out = tempDir();
    const r = cli(["report", WAVE, "--out", out, "--format", "csv", "--excel"]);
    expect(r.status, r.stderr).toBe(0);
    expect(filesIn(out)).toEqual(["item-answers.csv", "items.csv", "scores.csv"]);
    expect(readFileSync(join(out, "scores.csv"), "utf8").startsWith("\uFEFFunit;")).toBe(true);
  });

  it("--include-free-text shows free-text answers in report.md / report.html; without it none appear", () => {
    const dir = tempDir();
    const a = JSON.parse(readFileSync(WAVE, "utf8"));
    for (const d of a.departments)
      if (d.id === "ordnung")
        d.freeText = [{ item: "txt_wish", answers: ["Mehr <b>Schulungen</b>"] }];
    const file = join(dir, "with-text.json");
    writeFileSync(file, JSON.stringify(a));
    const withFlag = join(dir, "with");
    const r = cli(["report", file, "--out", withFlag, "--include-free-text", "--lang", "en"]);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(join(withFlag, "report.md"), "utf8")).toContain(
      "- Mehr \\<b\\>Schulungen\\</b\\>",
    );
    expect(readFileSync(join(withFlag, "report.html"), "utf8")).toContain(
      "<li>Mehr &lt;b&gt;Schulungen&lt;/b&gt;</li>",
    );
    expect(readFileSync(join(withFlag, "assessment.json"), "utf8")).toContain("Schulungen");
    const without = join(dir, "without");
    const plain = cli(["report", file, "--out", without]);
    expect(plain.status, plain.stderr).toBe(0);
    expect(plain.stdout).not.toContain("Schulungen");
    for (const f of filesIn(without))
      expect(readFileSync(join(without, f), "utf8"), f).not.toContain("Schulungen");
  });

  it("free-text answers come with their question (text items have no entry in `items`)", () => {
    const dir = tempDir();
    const header = ["respondent", "department", "group", "soz_01", "soz_05"];
    const rows = [
      "Digitaler Wohngeldantrag",
      "E-Akte",
      "Terminbuchung",
      "",
      "Online-Antrag BuT",
    ].map((wish, i) => [`S${i}`, "soziales", "staff", String((i % 5) + 1), wish].join(","));
    const file = join(dir, "soziales.csv");
    writeFileSync(file, `${[header.join(","), ...rows].join("\n")}\n`);
    const out = join(dir, "out");
    const r = cli(["score", file, "--out", out, "--include-free-text", "--lang", "en"]);
    expect(r.status, r.stderr).toBe(0);
    const a = JSON.parse(readFileSync(join(out, "assessment.json"), "utf8"));
    const soz = a.departments.find((d: { id: string }) => d.id === "soziales");
    expect(soz.freeText).toEqual([
      {
        item: "soz_05",
        text: {
          de: "Welche Verfahren oder Anträge Ihres Bereichs sollten als Nächstes digitalisiert werden, und warum?",
          en: "Which procedures or applications in your area should be digitalised next, and why?",
        },
        answers: ["Digitaler Wohngeldantrag", "E-Akte", "Online-Antrag BuT", "Terminbuchung"],
      },
    ]);
    expect(readFileSync(join(out, "report.md"), "utf8")).toContain(
      "`soz_05` Which procedures or applications in your area should be digitalised next, and why? (n = 4)",
    );
  });

  it("an unknown format is a usage error (exit 2)", () => {
    const r = cli(["report", WAVE, "--out", tempDir(), "--format", "docx"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("docx");
  });

  it("a broken file gives a one-line error with the file name, exit 1", () => {
    const dir = tempDir();
    const cases: Record<string, string> = {
      "not-json.json": "{ nope",
      "old.json": JSON.stringify({ schemaVersion: 0 }),
      "shape.json": JSON.stringify({ ...JSON.parse(readFileSync(WAVE, "utf8")), departments: "x" }),
    };
    for (const [name, text] of Object.entries(cases)) {
      const file = join(dir, name);
      writeFileSync(file, text);
      const r = cli(["report", file, "--out", join(dir, "out")]);
      expect(r.status, name).toBe(1);
      const lines = r.stderr.trim().split("\n");
      expect(lines, r.stderr).toHaveLength(1);
      expect(lines[0]).toContain(file);
    }
    const missing = cli(["report", join(dir, "nope.json"), "--out", dir]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("nope.json");
  });
});

describe("--check", () => {
  it("report --check: current → exit 0; a changed or missing file → exit 1 naming it; writes nothing", () => {
    const out = tempDir();
    expect(cli(["report", WAVE, "--out", out]).status).toBe(0);
    const clean = cli(["report", WAVE, "--out", out, "--check"]);
    expect(clean.status, clean.stderr).toBe(0);
    expect(clean.stdout).toBe("");
    appendFileSync(join(out, "report.md"), "edited\n");
    writeFileSync(join(out, "scores.csv"), "");
    const before = readFileSync(join(out, "report.md"), "utf8");
    const stale = cli(["report", WAVE, "--out", out, "--check"]);
    expect(stale.status).toBe(1);
    expect(stale.stderr).toContain(join(out, "report.md"));
    expect(stale.stderr).toContain(join(out, "scores.csv"));
    expect(stale.stderr).not.toContain(join(out, "report.html"));
    expect(readFileSync(join(out, "report.md"), "utf8")).toBe(before);
    const empty = tempDir();
    const missing = cli(["report", WAVE, "--out", empty, "--check"]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain(join(empty, "assessment.json"));
    expect(filesIn(empty)).toEqual([]);
  });

  it("score --check: clean → 0; an input changes → exit 1 naming the files", () => {
    const dir = tempDir();
    const csv = join(dir, "answers.csv");
    writeExport(csv);
    const out = join(dir, "reports");
    const args = ["score", csv, "-q", QS, "--out", out, "--date", "2026-01-31", "--lang", "en"];
    const first = cli(args);
    expect(first.status, first.stderr).toBe(0);
    const clean = cli([...args, "--check"]);
    expect(clean.status, clean.stderr).toBe(0);
    // One more respondent: every file that depends on the numbers becomes stale.
    appendFileSync(csv, "extra-1,ordnung,staff,5,5,5,1,5,yes,,,\n");
    const stale = cli([...args, "--check"]);
    expect(stale.status).toBe(1);
    for (const f of ["assessment.json", "report.md", "report.html", "scores.csv"])
      expect(stale.stderr).toContain(join(out, f));
  });

  it("on the demo: score, then score --check and report --check exit 0, and report re-renders every file byte for byte", () => {
    const dir = tempDir();
    const out = join(dir, "reports");
    const demo = ["score", "fixtures/demo/staff-survey.csv", "--date", "2026-11-25"];
    const first = cli([...demo, "--out", out]);
    expect(first.status, first.stderr).toBe(0);
    expect(cli([...demo, "--out", out, "--check"]).status).toBe(0);
    const saved = join(out, "assessment.json");
    expect(cli(["report", saved, "--out", out, "--check"]).status).toBe(0);
    const again = join(dir, "again");
    const r = cli(["report", saved, "--out", again]);
    expect(r.status, r.stderr).toBe(0);
    expect(filesIn(again)).toEqual(filesIn(out));
    for (const f of filesIn(out))
      expect(readFileSync(join(again, f), "utf8"), f).toBe(readFileSync(join(out, f), "utf8"));
    // The terminal table too.
    expect(cli(["report", saved, "--format", "terminal"]).stdout).toBe(
      cli([...demo, "--format", "terminal"]).stdout,
    );
  });

  it("--check without --out is a usage error", () => {
    expect(cli(["report", WAVE, "--check"]).status).toBe(2);
  });
});
