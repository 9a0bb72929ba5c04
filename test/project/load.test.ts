import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkHeadcounts, checkTargets, parseProject } from "../../src/project/load.js";
import { loadFixture } from "../scoring/helpers.js";

const read = (path: string) => ({ path, text: readFileSync(path, "utf8") });

describe("reifegrad.yaml", () => {
  it("reads a valid project file", () => {
    const r = parseProject(read("fixtures/project/valid.yaml"));
    expect(r.problems).toEqual([]);
    expect(r.project).toMatchObject({
      questionnaires: ["bundled"],
      targets: { bauen: { services: "L4" } },
      inputs: [{ path: "exports/*.csv" }],
      settings: { minGroupSize: 5, weighting: "department" },
      outputs: { dir: "reports", formats: ["md", "json"] },
    });
    expect(r.project!.departments[0]).toEqual({
      id: "buergeramt",
      name: { de: "Bürgeramt", en: "Citizens' office" },
      aliases: ["Amt 33"],
      headcount: 60,
    });
  });

  it("reports every mistake with its position", () => {
    const r = parseProject(read("fixtures/project/mistakes.yaml"));
    const got = r.problems.map((p) => [p.code, p.line, p.column]);
    expect(got).toContainEqual(["invalid-headcount", 5, 29]);
    expect(got).toContainEqual(["invalid-setting", 12, 27]);
    expect(got).toContainEqual(["unknown-key", 12, 30]);
  });

  it("checks targets and input departments against the departments and questionnaires", () => {
    const text = readFileSync("fixtures/project/mistakes.yaml", "utf8")
      .replace("headcount: 0", "headcount: 10")
      .replace("minGroupSize: 2, weigthing", "minGroupSize: 5, weighting");
    const r = parseProject({ path: "p.yaml", text });
    expect(r.problems.map((p) => [p.code, p.line, p.column])).toEqual([
      ["unknown-department", 7, 3],
      ["unknown-department", 11, 17],
    ]);
    const [tiny] = loadFixture("fixtures/scoring/tiny.yaml");
    const bundledLike = {
      ...tiny!,
      dimensions: [...tiny!.dimensions, { ...tiny!.dimensions[0]!, id: "green" }],
    };
    const t = checkTargets(r.project!, r.parsed!, () => bundledLike);
    expect(t.map((p) => [p.code, p.line, p.column])).toEqual([
      ["unknown-dimension", 7, 13],
      ["unknown-dimension", 8, 12],
      ["unknown-level", 8, 33],
    ]);
    const h = checkHeadcounts(r.project!, r.parsed!, new Map([["bauen", 12]]));
    expect(h.map((p) => [p.code, p.line, p.column])).toEqual([
      ["headcount-below-respondents", 5, 29],
    ]);
  });
});
