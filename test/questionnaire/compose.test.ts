import { describe, expect, test } from "vitest";
import { loadQuestionnaires } from "../../src/questionnaire/load.js";
import { FIXTURES, inline, source } from "./helpers.js";

const CORE = source(`${FIXTURES}/compose/core.yaml`);
const DEPT = source(`${FIXTURES}/compose/department.yaml`);

function loaded(...sources: Parameters<typeof loadQuestionnaires>[0]) {
  const r = loadQuestionnaires(sources);
  return { ...r, byId: new Map(r.questionnaires.map((q) => [q.id, q])) };
}

describe("composition", () => {
  const { byId, problems } = loaded(DEPT, CORE);
  const dept = byId.get("mini-dept")!;
  const core = byId.get("mini-core")!;

  test("loads both without problems, sorted by id", () => {
    expect(problems).toEqual([]);
    expect([...byId.keys()]).toEqual(["mini-core", "mini-dept"]);
  });

  test("follows the chain and inherits languages, version, levels, areas", () => {
    expect(dept.extendsChain).toEqual(["mini-core", "mini-dept"]);
    expect(dept.languages).toEqual(["en"]);
    expect(dept.version).toBe("1");
    expect(dept.levels.map((l) => [l.id, l.rank, l.min])).toEqual([
      ["L1", 1, 0],
      ["L2", 2, 50],
    ]);
    expect(dept.areas.map((a) => a.id)).toEqual(["inside"]);
    expect(dept.department).toEqual({ id: "mini-dept", name: { en: "Mini department" } });
    expect(dept.title).toEqual({ en: "Mini department" });
  });

  test("adds scales and groups to the inherited ones", () => {
    expect([...dept.scales.keys()]).toEqual(["agree5", "yes3"]);
    expect(dept.groups.map((g) => [g.id, g.perspective])).toEqual([
      ["staff", "internal"],
      ["management", "internal"],
      ["citizens", "external"],
    ]);
  });

  test("overrides weight, target and aggregate of an inherited dimension, keeps the rest", () => {
    const strategy = dept.dimensions.find((d) => d.id === "strategy")!;
    expect(strategy).toMatchObject({
      weight: 2,
      target: "L1",
      aggregate: "min",
      area: "inside",
      name: { en: "Strategy" },
    });
    expect(strategy.recommendations).toEqual({ L1: [{ en: "Write a strategy" }] });
    expect(core.dimensions.find((d) => d.id === "strategy")).toMatchObject({
      weight: 1,
      target: "L2",
      aggregate: "mean",
    });
  });

  test("removes items, appends new dimensions and adds items to their dimension", () => {
    expect(dept.dimensions.map((d) => d.id)).toEqual(["strategy", "services", "front_office"]);
    expect(dept.items.map((i) => i.id)).toEqual(["str_01", "str_02", "str_03", "svc_01", "fo_01"]);
    expect(core.items.map((i) => i.id)).toEqual(["str_01", "str_02", "svc_01", "svc_02"]);
  });

  test("parses when into the model and keeps its source", () => {
    const fo = dept.items.find((i) => i.id === "fo_01")!;
    expect(fo.whenSource).toBe("svc_01 in [4, 5]");
    expect(fo.when).toEqual({ kind: "in", item: "svc_01", values: [4, 5] });
    expect(dept.items.find((i) => i.id === "str_03")).toMatchObject({
      type: "single",
      groups: ["management"],
    });
  });

  test("plain strings become texts in the one declared language", () => {
    expect(core.items[0]!.text).toEqual({ en: "There is a strategy." });
    expect(core.scales.get("agree5")!.options.at(-1)).toEqual({
      code: "dk",
      label: { en: "don't know" },
      missing: "dont_know",
    });
    expect(core.scales.get("agree5")).toMatchObject({ min: 1, max: 5 });
  });

  test("the content hash is stable and independent of file names and load order", () => {
    const again = loaded(
      { path: "elsewhere/core.yaml", text: CORE.text },
      { path: "x.yaml", text: DEPT.text },
    ).byId.get("mini-dept")!;
    expect(again.contentHash).toBe(dept.contentHash);
    expect(dept.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(dept.contentHash).not.toBe(core.contentHash);
  });

  test("a department whose base has errors is not usable, the base's error reported once", () => {
    const broken = inline("core.yaml", [
      CORE.text.replace("scale: agree5, text: There", "scale: agree9, text: There"),
    ]);
    const r = loaded(broken, DEPT);
    expect(r.questionnaires).toEqual([]);
    expect(r.problems.map((p) => [p.file, p.code])).toEqual([["core.yaml", "unknown-scale"]]);
  });

  test("a three-level chain and a cycle naming the chain", () => {
    const sub = inline("sub.yaml", [
      "format: 1",
      "id: sub",
      "extends: mini-dept",
      "title: Sub",
      "remove: [fo_01]",
    ]);
    const r = loaded(CORE, DEPT, sub);
    // Removing the only item of front_office leaves it empty: a warning, not an error.
    expect(r.problems.map((p) => [p.file, p.code, p.severity])).toEqual([
      [DEPT.path, "empty-dimension", "warning"],
    ]);
    expect(r.byId.get("sub")!.extendsChain).toEqual(["mini-core", "mini-dept", "sub"]);
    expect(r.byId.get("sub")!.items.map((i) => i.id)).not.toContain("fo_01");
    const a = inline("a.yaml", ["format: 1", "id: a", "extends: b", "title: A"]);
    const b = inline("b.yaml", ["format: 1", "id: b", "extends: a", "title: B"]);
    const cyc = loadQuestionnaires([a, b]).problems;
    expect(cyc.map((p) => p.code)).toEqual(["circular-extends", "circular-extends"]);
    expect(cyc.map((p) => p.message).join("\n")).toContain("a → b → a");
  });
});

describe("model questionnaires", () => {
  test.each(["eu-dma-pso", "ozg"])("%s loads without problems", (id) => {
    const r = loadQuestionnaires([source(`${FIXTURES}/${id}.yaml`)]);
    expect(r.problems).toEqual([]);
    expect(r.questionnaires.map((q) => q.id)).toEqual([id]);
  });

  test("EU DMA: six dimensions, bands as levels, unweighted mean", () => {
    const q = loadQuestionnaires([source(`${FIXTURES}/eu-dma-pso.yaml`)]).questionnaires[0]!;
    expect(q.dimensions).toHaveLength(6);
    expect(q.dimensions.every((d) => d.weight === 1)).toBe(true);
    expect(q.levels.map((l) => l.min)).toEqual([0, 26, 51, 76]);
    expect(q.overall.aggregate).toBe("mean");
  });

  test("OZG: stages 0–4, weakest link per dimension, levels 0/25/50/75/100", () => {
    const q = loadQuestionnaires([source(`${FIXTURES}/ozg.yaml`)]).questionnaires[0]!;
    expect(q.scales.get("ozg_stage")).toMatchObject({ min: 0, max: 4 });
    expect(q.dimensions.every((d) => d.aggregate === "min")).toBe(true);
    expect(q.levels.map((l) => l.min)).toEqual([0, 25, 50, 75, 100]);
  });
});
