import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../../src/report/markdown.js";
import { DEFAULT_SETTINGS } from "../../src/scoring/assessment.js";
import { scoreRecords } from "../../src/scoring/score.js";
import { tinyWithAreas } from "../scoring/helpers.js";

describe("areas in the reports", () => {
  it("lists each unit's area scores", () => {
    const questionnaires = tinyWithAreas();
    const records = ["1", "2", "3", "4", "5"].map((x, i) => ({
      respondent: `r${i}`,
      department: "d1",
      group: "staff",
      answers: new Map(
        Object.entries({ a1: x, a2: String(6 - Number(x)), a3: x, b1: "5", b2: "yes", b3: "5" }),
      ),
    }));
    const a = scoreRecords(questionnaires, records, { settings: DEFAULT_SETTINGS });
    const md = renderMarkdown(a, { lang: "de" });
    expect(md).toMatch(/Handlungsbereiche: Innen 50,0 \(L3[^)]*\) · Außen 100,0 \(L4/);
  });
});
