// compare says which changes are larger than sampling noise: the change's 95% interval from both
// waves' intervals, √(h₁² + h₂²), excludes 0; cells without published intervals are not judged.
import { describe, expect, test } from "vitest";
import { buildTrend, buildTrendDocument, renderTrendTerminal } from "../../src/report/compare.js";
import { renderDocMarkdown } from "../../src/report/markdown.js";
import { loadWave } from "./fixture-data.js";

const before = loadWave("2024");
const after = loadWave("2026");
const t = buildTrend(before, after);

describe("changes larger than noise", () => {
  test("the interval of a change comes from both waves' intervals", () => {
    const cells = t.units.flatMap((u) => u.cells);
    const judged = cells.filter((c) => c.beyondNoise !== undefined);
    expect(judged.length).toBeGreaterThan(0);
    for (const c of judged) {
      expect(c.changeCiHalf).toBeCloseTo(Math.hypot(c.before!.ciHalf!, c.after!.ciHalf!), 9);
      expect(c.beyondNoise).toBe(Math.abs(c.change!) > c.changeCiHalf!);
    }
    // Both kinds occur in the fixture.
    expect(judged.some((c) => c.beyondNoise)).toBe(true);
    expect(judged.some((c) => !c.beyondNoise)).toBe(true);
    // A cell whose wave withheld its interval (fewer than 2k respondents) is not judged.
    for (const c of cells.filter((x) => x.change !== undefined && x.changeCiHalf === undefined))
      expect(c.beyondNoise).toBeUndefined();
  });

  test("Markdown: ± of the change and a yes/no column; the terminal marks with *", () => {
    const md = renderDocMarkdown(buildTrendDocument(t, after, "de"));
    expect(md).toContain("| Veränderung | mehr als Zufall |");
    expect(md).toMatch(/\| \+16,7 ±12,8 \| ja \|/);
    expect(md).toContain("15. Oktober 2024");
    const term = renderTrendTerminal(t, after, "de");
    expect(term).toMatch(/\+16,7\*/);
    expect(term).toContain("* größer als die zufällige Schwankung");
    for (const line of term.split("\n")) expect(line).toBe(line.trimEnd());
  });
});
