import { describe, expect, it } from "vitest";
import { ciHalfWidth, Histogram, summarize, tQuantile } from "../../src/scoring/stats.js";

const hist = (pairs: [number, number][]) => {
  const h = new Histogram();
  for (const [v, w] of pairs) h.add(v, w);
  return h;
};

describe("statistics", () => {
  it("t quantiles match published tables", () => {
    expect(tQuantile(0.975, 1)).toBeCloseTo(12.7062, 4);
    expect(tQuantile(0.975, 4)).toBeCloseTo(2.7764, 4);
    expect(tQuantile(0.975, 10)).toBeCloseTo(2.2281, 4);
    expect(tQuantile(0.975, 30)).toBeCloseTo(2.0423, 4);
    expect(tQuantile(0.975, 1000)).toBeCloseTo(1.9623, 4);
    expect(tQuantile(0.95, 20)).toBeCloseTo(1.7247, 4);
  });

  it("summary of [25, 50, 75, 100, 100] by hand", () => {
    const h = hist([
      [25, 1],
      [50, 1],
      [75, 1],
      [100, 2],
    ]);
    const s = summarize(h)!;
    expect(s.n).toBe(5);
    expect(s.mean).toBe(70);
    expect(s.median).toBe(75);
    // Σ(x − 70)² = 2025 + 400 + 25 + 900 + 900 = 4250; sd = √(4250 / 4) = 32.5960…
    expect(s.sd).toBeCloseTo(Math.sqrt(1062.5), 12);
    // 2.776445 · 32.596 / √5 = 40.4737…
    expect(ciHalfWidth(s.sd, s.n, 0.95)).toBeCloseTo(40.4737, 3);
    expect([s.min, s.max]).toEqual([25, 100]);
  });

  it("median of an even count is the mean of the middle pair", () => {
    expect(
      summarize(
        hist([
          [10, 1],
          [20, 1],
          [30, 1],
          [40, 1],
        ]),
      )!.median,
    ).toBe(25);
  });
});
