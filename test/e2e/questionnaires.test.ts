import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, tempDir } from "./cli.js";

describe("reifegrad questionnaires", () => {
  it("lists ids sorted, with department, group and counts", () => {
    const r = cli(["questionnaires"]);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^id\s+department\s+group\s+dimensions\s+items$/);
    const ids = lines.slice(1).map((l) => l.split(/\s+/)[0]!);
    expect(ids).toContain("core");
    expect(ids).toEqual([...ids].sort());
    expect(r.stdout).toMatch(/^core\s+-\s+staff\s+\d+\s+\d+$/m);
  });

  it("lists questionnaires from another folder", () => {
    const r = cli(["questionnaires", "-q", "fixtures/questionnaires/compose"]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^mini-core\s+-\s+staff\s+2\s+4$/m);
    expect(r.stdout).toMatch(/^mini-dept\s+mini-dept\s+staff\s+3\s+5$/m);
  });

  it("shows a composed questionnaire as text and as Markdown", () => {
    const text = cli([
      "questionnaires",
      "show",
      "mini-dept",
      "-q",
      "fixtures/questionnaires/compose",
    ]);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toContain("fo_01 (likert, scale yes3)");
    expect(text.stdout).toContain("only when: svc_01 in [4, 5]");
    expect(text.stdout).not.toContain("svc_02");
    const md = cli([
      "questionnaires",
      "show",
      "ozg",
      "-q",
      "fixtures/questionnaires/ozg.yaml",
      "--format",
      "md",
      "--lang",
      "en",
    ]);
    expect(md.status, md.stderr).toBe(0);
    expect(md.stdout).toMatch(/^# OZG maturity of administrative services \(ozg\)$/m);
    expect(md.stdout).toMatch(/^## 1\. Registering a residence \(wohnen\)$/m);
  });

  it("rejects an unknown id (exit 1) and a wrong format or language (exit 2)", () => {
    expect(cli(["questionnaires", "show", "nope"]).status).toBe(1);
    expect(cli(["questionnaires", "show", "core", "--format", "pdf"]).status).toBe(2);
    expect(cli(["questionnaires", "show", "core", "--lang", "fr"]).status).toBe(2);
  });
});

describe("reifegrad template", () => {
  it("writes the header of the core's answer CSV and lists the codes on stderr", () => {
    const out = join(tempDir(), "answers.csv");
    const r = cli(["template", "core", "--out", out]);
    expect(r.status, r.stderr).toBe(0);
    const csv = readFileSync(out, "utf8");
    expect(csv.split("\n").filter((l) => l !== "")).toHaveLength(1);
    expect(csv).toMatch(/^respondent,department,group,[a-z]/);
    expect(r.stderr).toMatch(/^group: .*staff = /m);
  });

  it("has a column per grid row and per text item, and writes codes to a file", () => {
    const dir = tempDir();
    const r = cli([
      "template",
      "eu-dma-pso",
      "-q",
      "fixtures/questionnaires/eu-dma-pso.yaml",
      "--out",
      join(dir, "t.csv"),
      "--codes",
      join(dir, "codes.txt"),
    ]);
    expect(r.status, r.stderr).toBe(0);
    const header = readFileSync(join(dir, "t.csv"), "utf8").trimEnd().split(",");
    expect(header.slice(0, 3)).toEqual(["respondent", "department", "group"]);
    expect(header.some((h) => /^[a-z0-9_]+\[[A-Za-z0-9_-]+\]$/.test(h))).toBe(true);
    expect(readFileSync(join(dir, "codes.txt"), "utf8")).toMatch(/\]: .*= /);
    const mini = cli(["template", "mini-core", "-q", "fixtures/questionnaires/compose/core.yaml"]);
    expect(mini.stdout).toBe("respondent,department,group,str_01,str_02,svc_01,svc_02\n");
  });
});
