import { describe, expect, it } from "vitest";
import { renderJson } from "../../src/report/json.js";
import { DEFAULT_SETTINGS, type Settings } from "../../src/scoring/assessment.js";
import { Scorer, scoreRecords } from "../../src/scoring/score.js";
import { loadFixture, rec, tinyWithAreas } from "./helpers.js";

const qs = loadFixture("fixtures/scoring/tiny.yaml");
const settings = (over: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, ...over });
const full = (a: string, b: string) => ({
  a1: a,
  a2: String(6 - Number(a)),
  a3: a,
  b1: b,
  b2: "yes",
  b3: b,
});

describe("Scorer: units, levels, targets, priorities", () => {
  // d1: five respondents with alpha item codes 1..5 → alpha scores 0, 25, 50, 75, 100
  const d1 = ["1", "2", "3", "4", "5"].map((x) => rec(full(x, "5"), "d1"));
  // k = 2: the disclosure step releases median, sd, CI, min and max from n ≥ 2k only.
  const a = scoreRecords(qs, d1, { settings: settings({ minGroupSize: 2 }) });
  const dep = a.departments[0]!;

  it("group statistics of a dimension", () => {
    const alpha = dep.dimensions.find((d) => d.id === "alpha")!;
    expect(alpha.n).toBe(5);
    expect(alpha.mean).toBe(50);
    expect(alpha.median).toBe(50);
    // sd of 0,25,50,75,100 = √(6250/4) = 39.528…; CI = 50 ± 2.776445·39.528/√5
    expect(alpha.sd).toBeCloseTo(39.5285, 4);
    expect(alpha.ciLow).toBeCloseTo(50 - 49.0807, 3);
    expect(alpha.level).toBe("L3");
    expect(alpha.levelShares).toEqual({ L1: 0.2, L2: 0.2, L3: 0.2, L4: 0.4 });
    expect(alpha.coverage).toBe(1);
  });

  it("overall index, gaps, priorities and percent-to-target", () => {
    // beta: b1 = 5 → 100, b2 = yes → 100, b3 = 5 → 100; min = 100 for everyone
    // overall = (2·50 + 1·100) / 3 = 66.67 → L3
    expect(dep.overall.score).toBeCloseTo(200 / 3, 10);
    expect(dep.overall.level).toBe("L3");
    const alpha = dep.dimensions.find((d) => d.id === "alpha")!;
    expect(alpha.targetScore).toBe(75);
    expect(alpha.gap).toBe(25);
    expect(dep.priorities).toEqual([
      {
        rank: 1,
        dimension: "alpha",
        gap: 25,
        weight: 2,
        priority: 50,
        fromLevel: "L3",
        toLevel: "L4",
        recommendations: [{ de: "A3", en: "A3" }],
      },
    ]);
    // Σgap⁺ = 25 (beta is above its target 50); Σtarget = 75 + 50 → 1 − 25/125 = 0.8
    expect(dep.percentToTarget).toBeCloseTo(0.8, 12);
  });

  it("a department where everyone answered only don't know has no scores", () => {
    const dk = ["dk", "dk", "dk", "dk", "dk"].map(() =>
      rec({ a1: "dk", a2: "dk", a3: "dk", b1: "dk", b2: "dk" }, "d2"),
    );
    const b = scoreRecords(qs, [...d1, ...dk], { settings: settings() });
    const d2 = b.departments.find((d) => d.id === "d2")!;
    expect(d2.respondents).toBe(5);
    expect(d2.dimensions.every((d) => d.n === 0 && d.mean === undefined)).toBe(true);
    expect(d2.overall.score).toBeNull();
    expect(d2.items!.find((i) => i.id === "a1")!.dontKnow).toBe(5);
    expect(b.counts.dontKnow).toBe(25);
  });

  it("hasScores: whether anyone has a score in any dimension (what score warns about)", () => {
    const s = new Scorer(qs, { settings: settings() });
    expect(s.hasScores()).toBe(false);
    for (let i = 0; i < 5; i++) s.add(rec({ a1: "dk", a2: "dk", a3: "dk", b1: "dk" }, "d2"));
    expect(s.hasScores()).toBe(false); // rows, but no dimension reaches coverage
    s.add(d1[0]!);
    expect(s.hasScores()).toBe(true);
  });
});

describe("anonymity", () => {
  const many = (dept: string, n: number) =>
    Array.from({ length: n }, () => rec(full("4", "4"), dept));

  it("suppresses a small department and, secondarily, the next smallest", () => {
    const a = scoreRecords(qs, [...many("big", 20), ...many("mid", 8), ...many("small", 3)], {
      settings: settings(),
    });
    const byId = Object.fromEntries(a.departments.map((d) => [d.id, d]));
    expect(byId.small!.suppressed).toBe("below-minimum");
    expect(byId.mid!.suppressed).toBe("secondary");
    expect(byId.big!.suppressed).toBeUndefined();
    expect(byId.small!.respondents).toBeNull();
    expect(byId.small!.dimensions).toEqual([]);
    expect(a.administration.respondents).toBe(31);
    expect(a.suppression.records).toContainEqual({
      unit: "department:small",
      reason: "below-minimum",
    });
    // Nothing of the small department's numbers leaks into the JSON.
    const json = JSON.parse(renderJson(a));
    expect(
      JSON.stringify(json.departments.find((d: { id: string }) => d.id === "small")),
    ).not.toMatch(/"mean"/);
  });

  it("two small departments together of at least k need no secondary suppression", () => {
    const a = scoreRecords(qs, [...many("big", 20), ...many("s1", 3), ...many("s2", 4)], {
      settings: settings(),
    });
    expect(a.departments.map((d) => d.suppressed ?? "shown")).toEqual([
      "shown",
      "below-minimum",
      "below-minimum",
    ]);
  });

  it("honours a larger k", () => {
    const a = scoreRecords(qs, [...many("big", 20), ...many("mid", 8)], {
      settings: settings({ minGroupSize: 10 }),
    });
    expect(a.departments.find((d) => d.id === "mid")!.suppressed).toBe("below-minimum");
    expect(a.departments.find((d) => d.id === "big")!.suppressed).toBe("secondary");
  });

  it("suppresses a small group inside a department and its complement", () => {
    const rs = [
      ...many("big", 20),
      ...Array.from({ length: 2 }, () => rec(full("2", "2"), "big", "management")),
    ];
    const a = scoreRecords(qs, [...rs, ...many("other", 10)], { settings: settings() });
    const big = a.departments.find((d) => d.id === "big")!;
    expect(big.groups!.map((g) => [g.id, g.suppressed ?? "shown"])).toEqual([
      ["management", "below-minimum"],
      ["staff", "secondary"],
    ]);
  });
});

describe("administration total", () => {
  const rs = [
    ...Array.from({ length: 10 }, () => rec(full("5", "5"), "a")), // alpha 100
    ...Array.from({ length: 5 }, () => rec(full("1", "5"), "b")), // alpha 0
  ];
  it("respondent-weighted pools respondents", () => {
    const a = scoreRecords(qs, rs, { settings: settings() });
    expect(a.administration.dimensions[0]!.mean).toBeCloseTo((10 * 100) / 15, 10);
  });
  it("department-weighted counts each department once", () => {
    const a = scoreRecords(qs, rs, {
      settings: settings({ administrationWeighting: "department" }),
    });
    expect(a.administration.dimensions[0]!.mean).toBe(50);
    expect(a.settings.administrationWeighting).toBe("department");
  });
});

describe("self-image vs outside view", () => {
  it("compares the administration with an external group on shared dimensions", () => {
    const staff = Array.from({ length: 6 }, () => rec(full("5", "5"), "a"));
    const citizens = Array.from({ length: 6 }, () => rec(full("3", "5"), undefined, "citizens"));
    const a = scoreRecords(qs, [...staff, ...citizens], { settings: settings() });
    const c = a.comparisons.find((x) => x.dimension === "alpha")!;
    expect(c.internal).toEqual({ group: "administration", n: 6, mean: 100 });
    expect(c.external).toEqual({ group: "citizens", n: 6, mean: 50 });
    expect(c.difference).toBe(50);
    expect(a.administration.respondents).toBe(6);
  });
});

describe("response rates", () => {
  it("n / headcount per department and overall, flagged below the minimum rate", () => {
    const rs = [
      ...Array.from({ length: 10 }, () => rec(full("4", "4"), "a")),
      ...Array.from({ length: 6 }, () => rec(full("4", "4"), "b")),
    ];
    const a = scoreRecords(qs, rs, { settings: settings(), headcounts: { a: 20, b: 40 } });
    const [da, db] = a.departments;
    expect([da!.headcount, da!.responseRate, da!.lowResponseRate]).toEqual([20, 0.5, false]);
    expect([db!.headcount, db!.responseRate, db!.lowResponseRate]).toEqual([40, 0.15, true]);
    expect(a.administration.responseRate).toBeCloseTo(16 / 60, 12);
  });
});

describe("item-level anonymity", () => {
  it("hides an item asked of fewer than k respondents, and its recoverable administration total", () => {
    // In "a", only 2 respondents say b2 = yes, so b3 (asked only then) reaches 2 people.
    const a1 = Array.from({ length: 8 }, () => rec({ ...full("4", "4"), b2: "no", b3: "" }, "a"));
    const a2 = Array.from({ length: 2 }, () => rec(full("4", "2"), "a"));
    const b = Array.from({ length: 10 }, () => rec(full("4", "4"), "b"));
    const res = scoreRecords(qs, [...a1, ...a2, ...b], { settings: settings() });
    const itemOf = (
      u: { items?: readonly { id: string; suppressed?: string; n: number }[] },
      id: string,
    ) => u.items!.find((i) => i.id === id)!;
    const da = res.departments.find((d) => d.id === "a")!;
    expect(itemOf(da, "b3").suppressed).toBe("below-minimum");
    expect(itemOf(da, "b3").n).toBe(0);
    expect(itemOf(da, "a1").suppressed).toBeUndefined();
    // Administration: b3 reached 12 people; 12 − 10 (department b) = department a's hidden 2.
    expect(itemOf(res.administration, "b3").suppressed).toBe("secondary");
    expect(itemOf(res.administration, "a1").n).toBe(20);
  });
});

describe("free text", () => {
  it("is carried only when asked for, and never from suppressed departments", async () => {
    const { loadQuestionnaires } = await import("../../src/questionnaire/load.js");
    const { readFileSync } = await import("node:fs");
    const text = readFileSync("fixtures/scoring/tiny.yaml", "utf8").replace(
      "items:\n",
      "items:\n  - { id: note, dimension: alpha, type: text, text: { de: Notiz, en: Note } }\n",
    );
    const [q] = loadQuestionnaires([{ path: "t.yaml", text }]).questionnaires;
    const rs = [
      ...Array.from({ length: 6 }, (_, i) =>
        rec({ ...full("4", "4"), note: i === 0 ? "Mehr Schulungen" : "" }, "big"),
      ),
      rec({ ...full("4", "4"), note: "Nur wir drei" }, "small"),
      ...Array.from({ length: 5 }, () => rec(full("4", "4"), "mid")),
    ];
    const without = scoreRecords([q!], rs, { settings: settings() });
    expect(without.administration.freeText).toBeUndefined();
    const withText = scoreRecords([q!], rs, { settings: settings({ includeFreeText: true }) });
    const note = { item: "note", text: { de: "Notiz", en: "Note" }, answers: ["Mehr Schulungen"] };
    expect(withText.departments.find((d) => d.id === "big")!.freeText).toEqual([note]);
    expect(withText.administration.freeText).toEqual([note]);
    expect(JSON.stringify(withText)).not.toMatch(/Nur wir drei/);
  });
});

describe("areas (pillars) between dimensions and the index", () => {
  it("scores each area from its dimensions and forms the index from the areas", () => {
    const rs = ["1", "2", "3", "4", "5"].map((x) => rec(full(x, "5"), "d1"));
    const dep = scoreRecords(tinyWithAreas(), rs, { settings: settings() }).departments[0]!;
    // inside = alpha = 50, outside = beta = 100; index = (1·50 + 3·100) / 4 = 87.5
    expect(dep.areas).toEqual([
      {
        id: "inside",
        name: "Innen",
        names: { de: "Innen", en: "Inside" },
        score: 50,
        level: "L3",
        dimensions: ["alpha"],
      },
      {
        id: "outside",
        name: "Außen",
        names: { de: "Außen", en: "Outside" },
        score: 100,
        level: "L4",
        dimensions: ["beta"],
      },
    ]);
    expect(dep.overall.score).toBe(87.5);
  });

  it("hides the index when a dimension is hidden, so the hidden mean cannot be recomputed", () => {
    // Everyone answers alpha; beta only 3 people (others don't know) → beta n = 3 < 5.
    const rs = [
      ...Array.from({ length: 6 }, () =>
        rec({ a1: "4", a2: "2", a3: "4", b1: "dk", b2: "dk" }, "d1"),
      ),
      ...Array.from({ length: 3 }, () => rec(full("4", "2"), "d1")),
      ...Array.from({ length: 10 }, () => rec(full("4", "4"), "d2")),
    ];
    const a = scoreRecords(qs, rs, { settings: settings() });
    const d1 = a.departments.find((d) => d.id === "d1")!;
    expect(d1.dimensions.find((d) => d.id === "beta")!.suppressed).toBe("below-minimum");
    expect(d1.overall.score).toBeNull();
    expect(d1.percentToTarget).toBeNull();
  });
});
