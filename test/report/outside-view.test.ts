// The self-image vs outside-view table says whether a difference is beyond sampling chance (its
// Welch interval, issue 17), and a department assessed by interview is named as an expert
// assessment wherever it appears (issue 20).
import { describe, expect, it } from "vitest";
import { published } from "../../src/report/json.js";
import { renderMarkdown } from "../../src/report/markdown.js";
import { DEFAULT_SETTINGS } from "../../src/scoring/assessment.js";
import { scoreRecords } from "../../src/scoring/score.js";
import { loadFixture, alphaRecords as records } from "../scoring/helpers.js";

const qs = loadFixture("fixtures/scoring/tiny.yaml");

describe("outside view in the report", () => {
  it("shows the difference's interval and whether it is beyond chance", () => {
    const rs = [
      ...records([5, 5, 5, 4, 4, 4], "a"),
      ...records([3, 3, 3, 2, 2, 2], undefined, "citizens"),
    ];
    const a = scoreRecords(qs, rs, { settings: { ...DEFAULT_SETTINGS, minGroupSize: 3 } });
    const md = renderMarkdown(published(a), { lang: "de" });
    const row = md.split("\n").find((l) => l.startsWith("| Alpha |") && l.includes("Bürger"));
    // 50 ± t(0.975, 10) · √(2 · 187.5 / 6) = 50 ± 17.6
    expect(row).toMatch(/\| \+50,0 \| \+32,4 … \+67,6 \| ja \|$/);
  });

  it("without an interval where a side is below 2k", () => {
    const rs = [
      ...records([5, 5, 5, 4, 4, 4], "a"),
      ...records([3, 3, 3, 2, 2, 2], undefined, "citizens"),
    ];
    const a = scoreRecords(qs, rs, { settings: { ...DEFAULT_SETTINGS, minGroupSize: 4 } });
    const md = renderMarkdown(published(a), { lang: "en" });
    expect(md.split("\n").find((l) => l.startsWith("| Alpha |") && l.includes("Citizens"))).toMatch(
      /\| \+50\.0 \| – \| – \|$/,
    );
  });

  it("names an expert assessment as such", () => {
    const rs = [...records([5, 4, 3, 4, 5, 3], "a"), ...records([2], "b")];
    const a = scoreRecords(qs, rs, {
      settings: { ...DEFAULT_SETTINGS, minGroupSize: 3 },
      interviewed: ["b"],
    });
    const md = renderMarkdown(published(a), { lang: "de" });
    expect(md).toContain("b (Expertenbewertung)");
    expect(renderMarkdown(published(a), { lang: "en" })).toContain("b (expert assessment)");
  });
});
