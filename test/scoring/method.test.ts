// Issue 17's method fixes: the stratified variance of department-weighted figures, strata of one
// respondent, and the self-image vs outside view difference with its confidence interval.
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, type Settings } from "../../src/scoring/assessment.js";
import { scoreRecords } from "../../src/scoring/score.js";
import { tQuantile } from "../../src/scoring/stats.js";
import { loadFixture, alphaRecords as records } from "./helpers.js";

const qs = loadFixture("fixtures/scoring/tiny.yaml");
const settings = (over: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, ...over });

describe("department-weighted administration: stratified variance", () => {
  // a: 0, 25, 75, 100 (mean 50, s² = 6250/3) of 8 staff; b: 50, 50, 50, 100 (mean 62.5) of 4 staff.
  const rs = [...records([1, 2, 4, 5], "a"), ...records([3, 3, 3, 5], "b")];
  const weighted = settings({ administrationWeighting: "department", minGroupSize: 2 });

  it("applies the finite-population correction; a census stratum adds no variance", () => {
    const a = scoreRecords(qs, rs, { settings: weighted, headcounts: { a: 8, b: 4 } });
    const d = a.administration.dimensions.find((x) => x.id === "alpha")!;
    expect(d.mean).toBe(56.25);
    // v_a = (1 − 4/8) · (6250/3) / 4, v_b = 0 (all 4 of 4 answered); se = √(v_a) / 2; df = 3.
    const se = Math.sqrt(0.5 * (6250 / 3 / 4)) / 2;
    const width = tQuantile(0.975, 3) * se;
    expect(d.ciLow).toBeCloseTo(56.25 - width, 9);
    expect(d.ciHigh).toBeCloseTo(56.25 + width, 9);
    expect(d.ciWithheld).toBeUndefined();
  });

  it("without headcounts, each stratum's variance is s² / n (Satterthwaite's df)", () => {
    const a = scoreRecords(qs, rs, { settings: weighted });
    const d = a.administration.dimensions.find((x) => x.id === "alpha")!;
    const va = 6250 / 3 / 4;
    const vb = 625 / 4;
    const se = Math.sqrt(va + vb) / 2;
    const df = (va + vb) ** 2 / (va ** 2 / 3 + vb ** 2 / 3);
    expect(d.ciHigh! - d.mean!).toBeCloseTo(tQuantile(0.975, df) * se, 9);
  });

  // k = 1, so that department c (one respondent) is shown and the statistic alone is tested.
  const withC = [...rs, ...records([5], "c")];
  const k1 = settings({ administrationWeighting: "department", minGroupSize: 1 });

  it("withholds the interval when a department has one respondent short of its staff", () => {
    const a = scoreRecords(qs, withC, { settings: k1 });
    const d = a.administration.dimensions.find((x) => x.id === "alpha")!;
    expect(d.mean).toBeDefined();
    expect(d.ciLow).toBeUndefined();
    expect(d.ciHigh).toBeUndefined();
    expect(d.ciWithheld).toBe("single-respondent-stratum");
  });

  it("a department of one that is its whole staff is exact: the interval stays", () => {
    const a = scoreRecords(qs, withC, {
      settings: k1,
      headcounts: { c: 1 },
    });
    const d = a.administration.dimensions.find((x) => x.id === "alpha")!;
    expect(d.ciLow).toBeDefined();
    expect(d.ciWithheld).toBeUndefined();
  });
});

describe("self-image vs outside view: the difference with its confidence interval", () => {
  // Staff: 100 ×3, 75 ×3 (mean 87.5, s² = 187.5); citizens: 50 ×3, 25 ×3 (mean 37.5, s² = 187.5).
  const rs = [
    ...records([5, 5, 5, 4, 4, 4], "a"),
    ...records([3, 3, 3, 2, 2, 2], undefined, "citizens"),
  ];

  it("Welch interval: se² add, Satterthwaite's df; distinguishable when it excludes 0", () => {
    const a = scoreRecords(qs, rs, { settings: settings({ minGroupSize: 3 }) });
    const c = a.comparisons.find((x) => x.dimension === "alpha")!;
    expect(c.difference).toBe(50);
    // se² = 187.5 / 6 on each side; df = (2 se²)² / (2 se⁴ / 5) = 10.
    const width = tQuantile(0.975, 10) * Math.sqrt(2 * (187.5 / 6));
    expect(c.ciLow).toBeCloseTo(50 - width, 9);
    expect(c.ciHigh).toBeCloseTo(50 + width, 9);
    expect(c.distinguishable).toBe(true);
  });

  it("not distinguishable when the interval covers 0", () => {
    const close = [
      ...records([5, 4, 3, 4, 5, 3], "a"),
      ...records([4, 5, 3, 3, 4, 5], undefined, "citizens"),
    ];
    const a = scoreRecords(qs, close, { settings: settings({ minGroupSize: 3 }) });
    const c = a.comparisons.find((x) => x.dimension === "alpha")!;
    expect(c.difference).toBe(0);
    expect(c.distinguishable).toBe(false);
  });

  it("no interval where a side is below 2k (it would give the sd back)", () => {
    const a = scoreRecords(qs, rs, { settings: settings({ minGroupSize: 4 }) });
    const c = a.comparisons.find((x) => x.dimension === "alpha")!;
    expect(c.difference).toBe(50);
    expect(c.ciLow).toBeUndefined();
    expect(c.distinguishable).toBeUndefined();
  });
});
