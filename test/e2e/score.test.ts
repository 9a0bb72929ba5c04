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

  it("wrong usage exits 2", () => {
    expect(cli(["score"]).status).toBe(2);
    expect(cli(["score", "fixtures/demo/staff-survey.csv", "--min-group-size", "2"]).status).toBe(
      2,
    );
    expect(cli(["no-such-command"]).status).toBe(2);
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
