// validate: targets against the levels (questionnaires and reifegrad.yaml), a department file
// checked alone, and `when` comparisons with codes outside the item's scale.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, ROOT, tempDir } from "./cli.js";

const BUNDLED = join(ROOT, "questionnaires");

describe("validate", () => {
  it("a target L9 in reifegrad.yaml is an error at its line, German and English alike", () => {
    const dir = join(tempDir(), "p");
    expect(cli(["init", dir]).status).toBe(0);
    writeFileSync(
      join(dir, "reifegrad.yaml"),
      `${readFileSync(join(dir, "reifegrad.yaml"), "utf8")}targets:\n  bauen: { services: L9 }\n`,
    );
    const line = readFileSync(join(dir, "reifegrad.yaml"), "utf8").split("\n").length - 1;
    const en = cli(["validate"], { cwd: dir, env: { LANG: "C", LC_ALL: "" } });
    expect(en.status).toBe(1);
    expect(en.stderr).toMatch(
      new RegExp(
        `^reifegrad\\.yaml:${line}:22 error unknown-level: target "L9" is not a level`,
        "m",
      ),
    );
    expect(en.stderr).toMatch(/1 error\(s\)/);
    const de = cli(["validate"], { cwd: dir, env: { LANG: "de_DE.UTF-8", LC_ALL: "" } });
    expect(de.status).toBe(1);
    expect(de.stderr).toMatch(new RegExp(`^reifegrad\\.yaml:${line}:22 error unknown-level`, "m"));
    expect(de.stderr).toMatch(/1 Fehler/);
  });

  it("a target L9 in a department file is an error at its line", () => {
    const dir = tempDir();
    mkdirSync(join(dir, "departments"));
    copyFileSync(join(BUNDLED, "core.yaml"), join(dir, "core.yaml"));
    const text = readFileSync(join(BUNDLED, "departments/bauen.yaml"), "utf8");
    const lines = text.split("\n");
    const at = lines.indexOf("    target: L4");
    lines[at] = "    target: L9";
    writeFileSync(join(dir, "departments/bauen.yaml"), lines.join("\n"));
    const r = cli(["validate", "departments/bauen.yaml"], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(`^departments/bauen\\.yaml:${at + 1}:13 error unknown-level: level "L9"`, "m"),
    );
  });

  it("a department file checked alone finds core.yaml in the folder above", () => {
    const dir = tempDir();
    mkdirSync(join(dir, "departments"));
    copyFileSync(join(BUNDLED, "core.yaml"), join(dir, "core.yaml"));
    copyFileSync(join(BUNDLED, "departments/it.yaml"), join(dir, "departments/it.yaml"));
    const r = cli(["validate", "departments/it.yaml"], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/unknown-extends/);
    expect(r.stderr).toMatch(/extends "core": checked with core\.yaml/);
    expect(r.stderr).toMatch(/1 file\(s\), 1 questionnaire\(s\) valid, 0 error\(s\)/);
    // From inside the folder too.
    const inside = cli(["validate", "it.yaml"], { cwd: join(dir, "departments") });
    expect(inside.status, inside.stderr).toBe(0);
    expect(inside.stderr).toMatch(/checked with \.\.\/core\.yaml/);
  });

  it("a department file alone with no core nearby is checked with the bundled core", () => {
    const dir = tempDir();
    copyFileSync(join(BUNDLED, "departments/it.yaml"), join(dir, "it.yaml"));
    const r = cli(["validate", "it.yaml"], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(
      /extends "core": checked with the bundled questionnaires \(core\.yaml\)/,
    );
  });

  it("a `when` comparing with a code outside the item's scale is an error at the value", () => {
    const dir = tempDir();
    const core = readFileSync(join(BUNDLED, "core.yaml"), "utf8");
    const lines = core.split("\n");
    const at = lines.findIndex((l) => l.includes('when: "str_01 >= 3"'));
    lines[at] = lines[at]!.replace('"str_01 >= 3"', '"str_01 >= 7"');
    writeFileSync(join(dir, "core.yaml"), lines.join("\n"));
    const r = cli(["validate", "core.yaml"], { cwd: dir });
    expect(r.status).toBe(1);
    const column = lines[at]!.indexOf("7") + 1;
    expect(r.stderr).toMatch(
      new RegExp(
        `^core\\.yaml:${at + 1}:${column} error when-impossible-value: .*7 is outside the scale of "str_01" \\(1–5\\)`,
        "m",
      ),
    );
  });
});
