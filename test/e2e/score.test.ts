import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, tempDir } from "./cli.js";

describe("reifegrad score (walking skeleton)", () => {
  it("scores the demo export and writes assessment.json and report.md", () => {
    const out = tempDir();
    const r = cli(["score", "fixtures/demo/staff-survey.csv", "--out", out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Bürgeramt/);
    expect(r.stdout).toMatch(/Strategie und Steuerung/);
    expect(existsSync(join(out, "report.md"))).toBe(true);
    const a = JSON.parse(readFileSync(join(out, "assessment.json"), "utf8"));
    expect(a.schemaVersion).toBe(1);
    expect(a.questionnaire).toMatchObject({ id: "core", version: expect.any(String) });
    expect(a.departments.length).toBeGreaterThanOrEqual(8);
    const ids = a.departments.map((d: { id: string }) => d.id);
    expect(ids).toEqual([...ids].sort());
    for (const unit of [
      a.administration,
      ...a.departments.filter((d: { suppressed?: string }) => !d.suppressed),
    ]) {
      expect(unit).toMatchObject({
        id: expect.any(String),
        name: expect.any(String),
        respondents: expect.any(Number),
      });
      expect(typeof unit.overall.score).toBe("number");
      expect(typeof unit.overall.level).toBe("string");
      for (const d of unit.dimensions) {
        expect(d).toMatchObject({
          id: expect.any(String),
          name: expect.any(String),
          n: expect.any(Number),
        });
        if (d.n > 0) expect(typeof d.mean).toBe("number");
      }
    }
    expect(a.administration.dimensions.map((d: { id: string }) => d.id)).toEqual([
      "strategy",
      "readiness",
      "processes",
      "staff",
      "data_security",
      "interoperability",
      "services",
      "green",
    ]);
  });

  it("uses the composed department questionnaires", () => {
    const out = tempDir();
    expect(cli(["score", "fixtures/demo/staff-survey.csv", "--out", out]).status).toBe(0);
    const a = JSON.parse(readFileSync(join(out, "assessment.json"), "utf8"));
    const bauen = a.departments.find((d: { id: string }) => d.id === "bauen");
    // Bauen und Planen adds its own dimension to the core's eight.
    expect(bauen.dimensions.length).toBeGreaterThan(8);
    expect(a.questionnaires.map((q: { id: string }) => q.id)).toContain("bauen");
  });

  it("suppresses the demo's offices below the minimum group size", () => {
    const out = tempDir();
    cli(["score", "fixtures/demo/staff-survey.csv", "--out", out]);
    const a = JSON.parse(readFileSync(join(out, "assessment.json"), "utf8"));
    const rpa = a.departments.find((d: { id: string }) => d.id === "rpa");
    expect(rpa.suppressed).toBe("below-minimum");
    expect(rpa.respondents).toBeNull();
  });

  it("a missing export gives a one-line error and exit 1, no stack trace", () => {
    const r = cli(["score", "no/such/file.csv", "--out", tempDir()]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/no\/such\/file\.csv/);
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
    expect(r.stderr.trim().split("\n").length).toBeLessThanOrEqual(2);
  });

  it("--out at a file (or under one) is a usage error before the import, not a crash after it", () => {
    const dir = tempDir();
    const file = join(dir, "reports");
    writeFileSync(file, "not a folder\n");
    for (const [out, blocker] of [
      [file, file],
      [join(file, "sub"), file],
    ] as const) {
      const r = cli(["score", "fixtures/demo/staff-survey.csv", "--out", out]);
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toBe(
        `error: --out ${out}: ${out === file ? out : blocker} is a file, not a folder; name a folder (it is created if missing)\n`,
      );
      // Failed before any work: no import account, no rejects.
      expect(r.stdout).toBe("");
    }
    const a = tempDir();
    expect(
      cli(["score", "fixtures/demo/staff-survey.csv", "--out", a, "--format", "json"]).status,
    ).toBe(0);
    const again = cli(["report", join(a, "assessment.json"), "--out", file, "--check"]);
    expect([again.status, again.stderr.split(":")[0]]).toEqual([2, "error"]);
    const json = join(a, "assessment.json");
    const de = { env: { LANG: "de_DE.UTF-8" } };
    for (const args of [
      ["compare", json, json, "--out", file],
      ["survey", "limesurvey", "--all", "--out", file],
    ]) {
      const r = cli(args, de);
      expect(r.status, r.stderr).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toBe(
        `Fehler: --out ${file}: ${file} ist eine Datei, kein Ordner; geben Sie einen Ordner an (er wird angelegt, wenn er fehlt)\n`,
      );
    }
    expect(readFileSync(file, "utf8")).toBe("not a folder\n");
  });

  it("wrong usage exits 2", () => {
    expect(cli(["score"]).status).toBe(2);
    expect(cli(["score", "fixtures/demo/staff-survey.csv", "--min-group-size", "2"]).status).toBe(
      2,
    );
    expect(cli(["no-such-command"]).status).toBe(2);
    // Number() would read these as 1000000000 and 16; a day that does not exist.
    for (const [flag, value] of [
      ["--min-group-size", "1e9"],
      ["--min-group-size", "0x10"],
      ["--date", "2026-02-30"],
      ["--date", "2026-13-45"],
    ]) {
      const r = cli([
        "score",
        "fixtures/demo/staff-survey.csv",
        flag!,
        value!,
        "--format",
        "json",
        "--out",
        "-",
      ]);
      expect(r.status, `${flag} ${value}`).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^error: ${flag} must .*\\(got "${value}"\\)\n$`));
    }
    const before = "fixtures/assessments/wave-2024.json";
    const files = cli(["compare", before, "fixtures/assessments/wave-2026.json", "--format", "md"]);
    expect([files.status, files.stderr]).toEqual([
      2,
      "error: --format md writes files: pass --out <dir>\n",
    ]);
    const empty = tempDir();
    const none = cli(["questionnaires", "-q", empty]);
    expect([none.status, none.stderr]).toEqual([
      1,
      `error: no questionnaires (*.yaml, *.yml) in ${empty}\n`,
    ]);
  });

  it("a questionnaire not saved as UTF-8 is refused with its line, not read with broken umlauts", () => {
    const dir = tempDir();
    const text = readFileSync("fixtures/scoring/tiny.yaml", "utf8").replace(
      "Mini-Fragebogen",
      "Mini-Fragebögen",
    );
    writeFileSync(join(dir, "tiny.yaml"), Buffer.from(text, "latin1"));
    const line = text.split("\n").findIndex((l) => l.includes("Fragebögen")) + 1;
    const r = cli(["validate", dir]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(
        `^error: \\S*tiny\\.yaml:${line}: the file is not saved as UTF-8; save it as UTF-8 \\(YAML requires it\\)\n$`,
      ),
    );
  });

  it("an export that gives no respondent a dimension score: a warning, and exit 1 under --strict", () => {
    const dir = tempDir();
    const file = join(dir, "one-item.csv");
    const rows = [1, 2, 3, 4, 5, 3].map((v, i) => `R${i + 1},bauen,staff,${v}`);
    writeFileSync(file, ["respondent,department,group,str_01", ...rows, ""].join("\n"));
    const r = cli(["score", file, "--out", join(dir, "out"), "--format", "json"]);
    // One strategy item of six: below the 50 % coverage in every dimension.
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^warning no-scores: no respondent answered enough items .*50%/m);
    const a = JSON.parse(readFileSync(join(dir, "out", "assessment.json"), "utf8"));
    expect(a.counts.answers).toBe(6); // the answer counts are still written
    const low = cli(["score", file, "--out", join(dir, "low"), "--min-coverage", "0.1"]);
    expect(low.status, low.stderr).toBe(0);
    expect(low.stderr).not.toContain("no-scores");
    const strict = cli(["score", file, "--out", join(dir, "strict"), "--strict"]);
    expect(strict.status).toBe(1);
    expect(existsSync(join(dir, "strict", "assessment.json"))).toBe(false);
  });

  it("validate reports a YAML syntax error with file and line, exit 1", () => {
    const dir = tempDir();
    const file = join(dir, "broken.yaml");
    writeFileSync(file, "format: 1\nid: broken\ntitle: [unclosed\nversion: '1'\n");
    const r = cli(["validate", file]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/broken\.yaml:\d+:\d+ error yaml-syntax/);
  });
});
