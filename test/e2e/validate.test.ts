import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, tempDir } from "./cli.js";

describe("reifegrad validate", () => {
  it("passes on the bundled questionnaires (exit 0)", () => {
    const r = cli(["validate"]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/0 error\(s\)/);
  });

  it("passes on the model fixtures", () => {
    const r = cli([
      "validate",
      "fixtures/questionnaires/eu-dma-pso.yaml",
      "fixtures/questionnaires/ozg.yaml",
      "fixtures/questionnaires/compose",
    ]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/4 questionnaire\(s\) valid/);
  });

  it("names file:line:column of a YAML syntax error and exits 1", () => {
    const r = cli(["validate", "fixtures/questionnaires/invalid/yaml-syntax-error.yaml"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      "fixtures/questionnaires/invalid/yaml-syntax-error.yaml:3:1 error yaml-syntax:",
    );
  });

  it("prints every problem with its hint on an indented line", () => {
    const r = cli([
      "validate",
      "fixtures/questionnaires/invalid/unknown-scale.yaml",
      "fixtures/questionnaires/invalid/when-syntax.yaml",
    ]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /unknown-scale\.yaml:18:57 error unknown-scale: scale "agree7" is not defined.*\n {4}hint: /,
    );
    expect(r.stderr).toContain("when-syntax.yaml:19:86 error when-syntax:");
    expect(r.stderr).toMatch(/2 error\(s\)/);
  });

  it("--json: the same problems as JSON on stdout, messages in the locale's language", () => {
    const files = [
      "fixtures/questionnaires/invalid/unknown-scale.yaml",
      "fixtures/questionnaires/invalid/when-syntax.yaml",
    ];
    const en = cli(["validate", "--json", ...files]);
    expect(en.status).toBe(1);
    expect(en.stderr).toBe("");
    const r = JSON.parse(en.stdout);
    expect([r.files, r.errors, r.valid]).toEqual([2, 2, []]);
    expect(r.problems[0]).toMatchObject({
      code: "unknown-scale",
      severity: "error",
      file: "fixtures/questionnaires/invalid/unknown-scale.yaml",
      line: 18,
      column: 57,
      message: expect.stringMatching(/^scale "agree7" is not defined/),
    });
    const de = JSON.parse(
      cli(["validate", "--json", ...files], { env: { LANG: "de_DE.UTF-8" } }).stdout,
    );
    // The same codes and places; the words in German.
    expect(de.problems.map((p: { code: string; line: number }) => [p.code, p.line])).toEqual(
      r.problems.map((p: { code: string; line: number }) => [p.code, p.line]),
    );
    expect(de.problems[0].message).not.toBe(r.problems[0].message);
    expect(JSON.parse(cli(["validate", "--json"]).stdout).errors).toBe(0);
  });

  it("searches folders recursively and resolves extends across the given files", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "x.txt"), "not yaml");
    const r = cli(["validate", "fixtures/questionnaires/compose", dir]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/2 file\(s\), 2 questionnaire\(s\) valid/);
    // A file alone is composed with the base found beside it (issue 20); a base that is
    // nowhere is still unknown-extends.
    const alone = cli(["validate", "fixtures/questionnaires/compose/department.yaml"]);
    expect(alone.status, alone.stderr).toBe(0);
    expect(alone.stderr).toContain(
      'extends "mini-core": checked with fixtures/questionnaires/compose/core.yaml',
    );
    const nowhere = cli(["validate", "fixtures/questionnaires/invalid/unknown-extends.yaml"]);
    expect(nowhere.status).toBe(1);
    expect(nowhere.stderr).toContain("error unknown-extends:");
  });

  it("refuses an alias bomb quickly", () => {
    const started = Date.now();
    const r = cli(["validate", "fixtures/questionnaires/invalid/alias-bomb.yaml"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("alias-bomb.yaml:1:1 error yaml-alias-limit:");
    expect(Date.now() - started).toBeLessThan(10_000);
    // In German without the YAML parser's English reason.
    const de = cli(["validate", "fixtures/questionnaires/invalid/alias-bomb.yaml"], {
      env: { LANG: "de_DE.UTF-8" },
    });
    expect(de.stderr).toContain(
      "alias-bomb.yaml:1:1 error yaml-alias-limit: YAML-Aliase (*name) werden zu oft aufgelöst; die Datei wird nicht ausgewertet\n",
    );
  });

  it("says so when a folder holds no questionnaire files", () => {
    const r = cli(["validate", tempDir()]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/no questionnaire files/);
  });
});
