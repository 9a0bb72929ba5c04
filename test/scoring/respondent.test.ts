import { describe, expect, it } from "vitest";
import { ratio } from "../../src/scoring/exact.js";
import { compilePlan, scoreRespondent } from "../../src/scoring/respondent.js";
import { loadFixture } from "./helpers.js";

const [tiny] = loadFixture("fixtures/scoring/tiny.yaml");
const plan = compilePlan(tiny!);
const score = (answers: Record<string, string>, group = "staff", minCoverage = 0.5) =>
  scoreRespondent(plan, group, (k) => answers[k], minCoverage);

describe("respondent scores (hand-computed)", () => {
  it("weighted mean with a reverse item; weakest link with a `when` item", () => {
    // a1=5 → 100; a2=2 reversed → 75; a3=4 → 75 (weight 2): (100 + 75 + 150) / 4 = 81.25
    // b1=3 → 50; b2=yes → 100; b3=1 → 0 (asked because b2 == yes): min = 0
    const r = score({ a1: "5", a2: "2", a3: "4", b1: "3", b2: "yes", b3: "1" });
    expect(r.dimensions[0]!.score).toBeCloseTo(81.25, 10);
    expect(r.dimensions[1]!.score).toBe(0);
  });

  it("don't know and not applicable are missing, not zero", () => {
    // a1 = dk (applicable, unanswered), a2 = na (not applicable), a3 = 3 → 50: coverage 1/2
    const r = score({ a1: "dk", a2: "na", a3: "3" });
    expect(r.dimensions[0]).toEqual({ applicable: 2, answered: 1, score: 50, exact: ratio(50) });
  });

  it("a dimension below the minimum coverage has no score", () => {
    const r = score({ a1: "dk", a2: "dk", a3: "3" });
    expect(r.dimensions[0]!.answered).toBe(1);
    expect(r.dimensions[0]!.score).toBeUndefined();
    expect(score({ a1: "dk", a2: "dk", a3: "3" }, "staff", 0.3).dimensions[0]!.score).toBe(50);
  });

  it("items skipped by `when` are not applicable", () => {
    // b2 = no → b3 is skipped: beta = min(b1 = 4 → 75, b2 = no → 0) = 0 with 2 applicable items
    const r = score({ b1: "4", b2: "no", b3: "5" });
    expect(r.items[5]).toMatchObject({ kind: "skipped" });
    expect(r.dimensions[1]).toEqual({ applicable: 2, answered: 2, score: 0, exact: ratio(0) });
  });

  it("unknown codes are invalid and never scored", () => {
    // a1 invalid counts as applicable but unanswered: a2 = 1 reversed → 100, a3 = 5 → 100
    const r = score({ a1: "7", a2: "1", a3: "5" });
    expect(r.items[0]).toMatchObject({ kind: "invalid", value: "7" });
    expect(r.dimensions[0]).toEqual({ applicable: 3, answered: 2, score: 100, exact: ratio(100) });
  });
});

describe("a row's sums at their bounds", () => {
  // The largest weight sum a weighted dimension may have (2¹⁶, denominators.ts): still exact.
  const heavy = {
    ...tiny!,
    items: tiny!.items.map((i) =>
      i.dimension === "alpha" ? { ...i, weight: i.id === "a3" ? 32768 : 16384 } : i,
    ),
  };
  const heavyPlan = compilePlan(heavy);

  it("weights summing to 2¹⁶ give the same mean and counts as 1, 1, 2", () => {
    const r = scoreRespondent(heavyPlan, "staff", (k) => ({ a1: "5", a2: "2", a3: "4" })[k], 0.5);
    expect(r.dimensions[0]).toEqual({
      applicable: 3,
      answered: 3,
      score: 81.25,
      exact: ratio(325, 4),
    });
    const na = scoreRespondent(
      heavyPlan,
      "staff",
      (k) => ({ a1: "na", a2: "dk", a3: "4" })[k],
      0.5,
    );
    expect(na.dimensions[0]).toEqual({ applicable: 2, answered: 1, score: 75, exact: ratio(75) });
  });
});
