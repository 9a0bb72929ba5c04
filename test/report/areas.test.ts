import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadQuestionnaires } from "../../src/questionnaire/load.js";
import { renderMarkdown } from "../../src/report/markdown.js";
import { DEFAULT_SETTINGS } from "../../src/scoring/assessment.js";
import { scoreRecords } from "../../src/scoring/score.js";

describe("areas in the reports", () => {
  it("lists each unit's area scores", () => {
    const text = readFileSync("fixtures/scoring/tiny.yaml", "utf8")
      .replace(
        "dimensions:\n",
        "areas:\n  - { id: inside, name: { de: Innen, en: Inside }, weight: 1 }\n  - { id: outside, name: { de: Außen, en: Outside }, weight: 3 }\ndimensions:\n",
      )
      .replace(
        "    weight: 2\n    target: L4\n",
        "    weight: 2\n    target: L4\n    area: inside\n",
      )
      .replace(
        "    weight: 1\n    aggregate: min\n",
        "    weight: 1\n    aggregate: min\n    area: outside\n",
      );
    const { questionnaires } = loadQuestionnaires([{ path: "areas.yaml", text }]);
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
