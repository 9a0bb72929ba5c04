// `reifegrad compare`: trend between two waves; refuses incomparable questionnaires.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildTrend, comparability } from "../../src/report/compare.js";
import { parseAssessment } from "../../src/report/read-assessment.js";
import type { Assessment } from "../../src/scoring/assessment.js";
import { ASSESSMENT_SCHEMA } from "../report/assessment-schema.js";
import { cli, tempDir } from "./cli.js";

const BEFORE = "fixtures/assessments/wave-2024.json";
const AFTER = "fixtures/assessments/wave-2026.json";
const load = (f: string) =>
  (parseAssessment(readFileSync(f, "utf8"), ASSESSMENT_SCHEMA) as { assessment: Assessment })
    .assessment;

describe("reifegrad compare", () => {
  it("shows the change per unit and dimension, warns about a new version with identical items", () => {
    const out = tempDir();
    const r = cli(["compare", BEFORE, AFTER, "--out", out, "--lang", "en"]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain("versions differ (2024.1 → 2026.1)");
    expect(r.stdout).toMatch(/Whole administration\s+\+8\.8\s+\+16\.7\*\s+\+9\.0\s+\+10\.8/);
    expect(r.stdout).toMatch(/Audit office\s+suppressed/);
    const json = JSON.parse(readFileSync(join(out, "compare.json"), "utf8"));
    const admin = json.units.find((u: { id: string }) => u.id === "administration");
    const strategy = admin.cells.find((c: { dimension: string }) => c.dimension === "strategy");
    expect(strategy.before.level).toBe("L3");
    expect(strategy.target).toBe("L4");
    expect(strategy.progress).toBeGreaterThan(0);
    expect(strategy.progress).toBeLessThan(1);
    const md = readFileSync(join(out, "compare.md"), "utf8");
    expect(md).toContain("Progress to target");
    expect(readFileSync(join(out, "compare.html"), "utf8")).toContain("<!DOCTYPE html>");
    // No numbers of suppressed units in the trend.
    const rpa = json.units.find((u: { id: string }) => u.id === "rpa");
    expect(rpa).toEqual({
      id: "rpa",
      kind: "department",
      names: expect.any(Object),
      suppressed: true,
      cells: [],
    });
  });

  it("progress to target is the share of the earlier gap closed", () => {
    const t = buildTrend(load(BEFORE), load(AFTER));
    const cell = t.units[0]!.cells.find((c) => c.dimension === "strategy")!;
    expect(cell.progress).toBeCloseTo(
      (cell.after!.mean - cell.before!.mean) / (cell.targetScore! - cell.before!.mean),
      10,
    );
  });

  it("refuses (exit 1) when items differ, naming them", () => {
    const after = JSON.parse(readFileSync(AFTER, "utf8"));
    after.items = after.items
      .filter((i: { id: string }) => i.id !== "srv_02")
      .map((i: { id: string; reverse: boolean; options: { code: string }[] }) =>
        i.id === "prc_01"
          ? { ...i, reverse: !i.reverse }
          : i.id === "str_01"
            ? { ...i, options: i.options.slice(1) }
            : i,
      );
    const file = join(tempDir(), "changed.json");
    writeFileSync(file, JSON.stringify(after));
    const r = cli(["compare", BEFORE, file]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("not comparable");
    expect(r.stderr).toMatch(/prc_01: reversed differently\n/);
    expect(r.stderr).toMatch(/str_01: other answer options\n/);
    expect(r.stderr).toMatch(/srv_02: only in the earlier wave\n/);
    const c = comparability(load(BEFORE), after as Assessment);
    expect(c.differences.map((d) => d.item)).toEqual(["prc_01", "srv_02", "str_01"]);
  });

  it("--check works for compare outputs too", () => {
    const out = tempDir();
    expect(cli(["compare", BEFORE, AFTER, "--out", out]).status).toBe(0);
    expect(cli(["compare", BEFORE, AFTER, "--out", out, "--check"]).status).toBe(0);
  });
});
