// `reifegrad map` drafts a mapping file; `score --mapping` uses it; a bad mapping is reported
// with file:line:column.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, ROOT, tempDir } from "./cli.js";

describe("map", () => {
  it("drafts matched columns and TODOs for unknown departments and labels", () => {
    const out = join(tempDir(), "mapping.yaml");
    const r = cli(["map", "fixtures/exports/unknown-department.csv", "--out", out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain("3 TODO entries");
    const text = readFileSync(out, "utf8");
    expect(text).toContain('department: "department"');
    expect(text).toContain('  "str_01": str_01');
    expect(text).toContain('  # "Amt 33": ~   # TODO: department id');
    expect(text).toContain('    # "=1+2": ~   # TODO: answer code');
    // The draft as written is a valid mapping file.
    const s = cli(["score", "fixtures/exports/unknown-department.csv", "--mapping", out]);
    expect(s.status, s.stderr).toBe(0);
  });

  it("LimeSurvey choice columns are drafted as { item, choice }", () => {
    const r = cli(["map", "fixtures/exports/limesurvey-codes.csv"]);
    expect(r.stdout).toContain('"bua06[reminder]": { item: bua_06, choice: reminder }');
    expect(r.stdout).toContain('submitted: "submitdate"');
  });

  it("score --mapping maps department names and labels", () => {
    const out = tempDir();
    const r = cli([
      "score",
      "fixtures/exports/unknown-department.csv",
      "--mapping",
      "fixtures/mappings/unknown-department.yaml",
      "--out",
      out,
      "--format",
      "json",
    ]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain("7 rows read = 7 scored + 0 rejected");
    const a = JSON.parse(readFileSync(join(out, "assessment.json"), "utf8"));
    expect(a.input.settings.mapping).toBe("fixtures/mappings/unknown-department.yaml");
  });

  it("run again on a completed mapping, the draft keeps its item values; scoring with it is the same", () => {
    const dir = tempDir();
    const draft = join(dir, "again.yaml");
    const r = cli([
      "map",
      "fixtures/exports/unknown-department.csv",
      "--mapping",
      "fixtures/mappings/unknown-department.yaml",
      "--out",
      draft,
    ]);
    expect(r.status, r.stderr).toBe(0);
    const text = readFileSync(draft, "utf8");
    expect(text).toMatch(/itemValues:\n {2}str_01:\n {4}"=1\+2": "3"/);
    expect(text).not.toMatch(/TODO: answer code/);
    const score = (mapping: string) => {
      const out = join(dir, mapping === draft ? "b" : "a");
      const s = cli([
        "score",
        "fixtures/exports/unknown-department.csv",
        "--mapping",
        mapping,
        "--out",
        out,
        "--format",
        "json",
      ]);
      expect(s.status, s.stderr).toBe(0);
      const a = JSON.parse(readFileSync(join(out, "assessment.json"), "utf8"));
      delete a.input;
      return a;
    };
    expect(score(draft)).toEqual(score("fixtures/mappings/unknown-department.yaml"));
  });

  it("a multi-select TODO lists the unknown options one by one, not their combinations", () => {
    const dir = tempDir();
    const csv = join(dir, "forms.csv");
    const q = "Which digital offerings complement a visit to the citizens' office?";
    writeFileSync(
      csv,
      `ID,Department,${JSON.stringify(q)}\n` +
        "1,buergeramt,Online-Termin;Chat;\n" +
        "2,buergeramt,Chat;Online-Termin;\n" +
        "3,buergeramt,appointment reminder by e-mail or text message;Online-Termin;\n",
    );
    const draft = join(dir, "draft.yaml");
    const r = cli(["map", csv, "--out", draft]);
    expect(r.status, r.stderr).toBe(0);
    const todos = readFileSync(draft, "utf8")
      .split("\n")
      .filter((l) => l.includes("TODO: answer code"))
      .map((l) => l.trim().split(":")[0]);
    expect(todos).toEqual(['# "Chat"', '# "Online-Termin"']);
  });

  it("in an assessment folder, the project's department aliases leave no TODO", () => {
    const dir = join(tempDir(), "p");
    expect(cli(["init", dir]).status).toBe(0);
    const file = join(dir, "reifegrad.yaml");
    const yaml = readFileSync(file, "utf8").replace(
      /( {2}- \{ id: ordnungsamt, name: [^\n]*, aliases: )\[\]/,
      '$1["Amt 33"]',
    );
    expect(yaml).toContain('aliases: ["Amt 33"]');
    writeFileSync(file, yaml);
    const r = cli(["map", join(ROOT, "fixtures/exports/unknown-department.csv")], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^ {2}"Amt 33": ordnungsamt$/m);
    expect(r.stdout).toMatch(/^ {2}# "personl": ~ {3}# TODO/m);
  });

  it("an invalid mapping file: every problem with file:line:column, exit 1", () => {
    const r = cli([
      "score",
      "fixtures/exports/bad-cells.csv",
      "--mapping",
      "fixtures/mappings/invalid.yaml",
    ]);
    expect(r.status).toBe(1);
    const f = "fixtures/mappings/invalid.yaml";
    expect(r.stderr).toContain(
      `${f}:2:1 error unknown-key: unknown key "colums" (did you mean "columns"?)`,
    );
    expect(r.stderr).toMatch(new RegExp(`${f}:5:14 error unknown-item: unknown item "str_99"`));
    expect(r.stderr).toMatch(new RegExp(`${f}:6:35 error unknown-row`));
    expect(r.stderr).toMatch(new RegExp(`${f}:8:13 error unknown-department`));
    expect(r.stderr).toMatch(new RegExp(`${f}:10:18 error unknown-group`));
    expect(r.stderr).toMatch(
      new RegExp(`${f}:13:13 error unknown-code: "6" is not an answer code`),
    );
    // values: a code that no item has (dk on the next line is a code of every scale).
    expect(r.stderr).toContain(`${f}:15:21 error unknown-code: no item has the answer code "6"`);
    expect(r.stderr).not.toMatch(new RegExp(`${f}:16:`));
  });
});
