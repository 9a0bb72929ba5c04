// The result at the end of an interview is decided as the report decides it: exactly. Three
// dimensions scoring 250/3, 55 and 125/3 have the overall mean 60 exactly, but their float mean
// is 59.99999999999999: a float sum would put the result one level below the report's.
import { describe, expect, it } from "vitest";
import { loadQuestionnaires } from "../../src/questionnaire/load.js";
import { startState } from "../../src/responses/interview/flow.js";
import { interviewResult } from "../../src/responses/interview/summary.js";

const likert = (id: string, dimension: string) =>
  `  - { id: ${id}, dimension: ${dimension}, type: likert, scale: s5, text: { de: ${id}, en: ${id} } }`;
const dimension = (id: string) =>
  `  - { id: ${id}, name: { de: ${id}, en: ${id} }, weight: 1, recommendations: { L1: [{ de: x, en: x }] } }`;

const YAML = [
  "format: 1",
  "id: exact",
  'version: "1"',
  "languages: [de, en]",
  "title: { de: Exakt, en: Exact }",
  "group: staff",
  "groups:",
  "  - { id: staff, name: { de: Beschäftigte, en: Staff }, perspective: internal }",
  "scales:",
  "  s5:",
  "    options:",
  ...[1, 2, 3, 4, 5].map(
    (v) => `      - { code: "${v}", value: ${v}, label: { de: "${v}", en: "${v}" } }`,
  ),
  "levels:",
  "  - { id: L1, min: 0, name: { de: Stufe 1, en: Level 1 } }",
  "  - { id: L2, min: 60, name: { de: Stufe 2, en: Level 2 } }",
  "dimensions:",
  ...["d1", "d2", "d3"].map(dimension),
  "items:",
  ...["a1", "a2", "a3"].map((i) => likert(i, "d1")),
  ...["b1", "b2", "b3", "b4", "b5"].map((i) => likert(i, "d2")),
  ...["c1", "c2", "c3"].map((i) => likert(i, "d3")),
].join("\n");

describe("the interview's result at a level threshold", () => {
  it("an overall mean of exactly 60 is at the level that starts at 60", () => {
    const r = loadQuestionnaires([{ path: "exact.yaml", text: YAML }]);
    expect(r.problems.filter((p) => p.severity === "error")).toEqual([]);
    const q = r.questionnaires[0]!;
    // d1: 75, 75, 100 → 250/3; d2: 75, 50, 50, 50, 50 → 55; d3: 50, 50, 25 → 125/3.
    const answers = { a1: "4", a2: "4", a3: "5", b1: "4", b2: "3", b3: "3", b4: "3", b5: "3" };
    const state = {
      ...startState(q, { respondent: "r1", group: "staff" }),
      answers: { ...answers, c1: "3", c2: "3", c3: "2" },
      position: undefined,
    };
    expect((250 / 3 + 55 + 125 / 3) / 3).toBeLessThan(60); // the trap a float sum falls into
    const result = interviewResult(q, state, "en", 0.5);
    expect(result.dimensions.map((d) => d.level)).toEqual(["Level 2", "Level 1", "Level 1"]);
    expect(result.overall).toBe(60);
    expect(result.overallLevel).toBe("Level 2");
  });
});
