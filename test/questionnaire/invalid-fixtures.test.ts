// One fixture per validation rule: each case must report exactly these codes at these positions.
import { readdirSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { QUESTIONNAIRE_PROBLEM_CODES } from "../../src/questionnaire/codes.js";
import { loadQuestionnaires } from "../../src/questionnaire/load.js";
import { FIXTURES, source } from "./helpers.js";

const DIR = `${FIXTURES}/invalid`;
const CORE = `${FIXTURES}/compose/core.yaml`;

type Expected = readonly (readonly [code: string, line: number, column: number])[];

/** case file → every problem reported in it (code, line, column). */
const CASES: Record<string, Expected> = {
  "alias-bomb": [["yaml-alias-limit", 1, 1]],
  "band-score-out-of-range": [["score-out-of-range", 23, 26]],
  "bands-overlap": [["bands-overlap", 24, 9]],
  "cannot-override": [["cannot-override", 6, 32]],
  "cannot-redefine": [["cannot-redefine", 5, 1]],
  "choice-missing-score": [["missing-field", 24, 9]],
  "circular-extends-a": [["circular-extends", 3, 10]],
  "circular-extends-b": [["circular-extends", 3, 10]],
  "duplicate-choice-code": [["duplicate-code", 24, 17]],
  "duplicate-dimension-id": [["duplicate-id", 17, 11]],
  "duplicate-grid-row": [["duplicate-id", 25, 15]],
  "duplicate-item-id": [["duplicate-id", 19, 11]],
  "duplicate-key": [["duplicate-key", 15, 1]],
  "duplicate-questionnaire": [["duplicate-questionnaire", 2, 5]],
  "duplicate-scale-code": [["duplicate-code", 11, 17]],
  "empty-dimension": [["empty-dimension", 17, 11]],
  "empty-list": [["empty-list", 18, 79]],
  "field-not-allowed": [["field-not-allowed", 18, 75]],
  "invalid-band": [["invalid-band", 23, 9]],
  "invalid-code": [["invalid-code", 23, 17]],
  "invalid-combine": [["invalid-value", 21, 14]],
  "invalid-id": [["invalid-id", 18, 11]],
  "invalid-option": [["invalid-option", 11, 9]],
  "invalid-value": [["invalid-value", 16, 48]],
  "invalid-weight": [["invalid-weight", 18, 83]],
  "language-not-in-base": [["missing-translation", 4, 12]],
  "level-out-of-range": [["level-out-of-range", 15, 20]],
  "levels-not-ascending": [["levels-not-ascending", 15, 20]],
  "levels-not-from-zero": [["levels-not-from-zero", 13, 20]],
  "missing-field": [["missing-field", 18, 5]],
  "missing-format": [["missing-field", 1, 1]],
  "missing-translation": [["missing-translation", 18, 71]],
  "not-a-mapping": [["not-a-mapping", 1, 1]],
  "recommendation-for-top-level": [["recommendation-for-top-level", 20, 7]],
  "remove-referenced": [["remove-referenced", 5, 10]],
  "scale-not-ascending": [["scale-not-ascending", 11, 29]],
  "scale-too-small": [["scale-too-small", 13, 5]],
  "score-out-of-range": [["score-out-of-range", 24, 27]],
  "tab-indentation": [["tab-indentation", 4, 1]],
  "too-deep": [["yaml-too-deep", 1, 68]],
  "too-few-choices": [["too-few-choices", 23, 7]],
  "unknown-area": [["unknown-area", 18, 43]],
  "unknown-dimension": [["unknown-dimension", 19, 26]],
  "unknown-extends": [["unknown-extends", 3, 10]],
  "unknown-group": [["unknown-group", 20, 91]],
  "unknown-item-type": [["unknown-item-type", 19, 42]],
  "unknown-key": [["unknown-key", 15, 1]],
  "unknown-language": [["unknown-language", 16, 43]],
  "unknown-level": [["unknown-level", 16, 45]],
  "unknown-recommendation-level": [["unknown-level", 19, 7]],
  "unknown-remove": [["unknown-remove", 5, 18]],
  "unknown-scale": [["unknown-scale", 18, 57]],
  "unsupported-format": [["unsupported-format", 2, 9]],
  "when-forward-reference": [["when-forward-reference", 18, 82]],
  "when-impossible-value": [["when-impossible-value", 19, 72]],
  // An ordering comparison with a number outside the scale, or one no answer can satisfy.
  "when-never-true": [["when-impossible-value", 19, 71]],
  "when-outside-scale": [["when-impossible-value", 19, 72]],
  "when-syntax": [["when-syntax", 19, 86]],
  "when-unknown-item": [["when-unknown-item", 19, 77]],
  "wrong-type": [["wrong-type", 16, 45]],
  "yaml-syntax-error": [["yaml-syntax", 3, 1]],
};

/** Files loaded with a case: the mini core (for `extends`), and the other half of a cycle. */
function sourcesFor(name: string) {
  const partner = name.startsWith("circular-extends-")
    ? [source(`${DIR}/circular-extends-${name.endsWith("-a") ? "b" : "a"}.yaml`)]
    : [];
  return [source(CORE), ...partner, source(`${DIR}/${name}.yaml`)];
}

describe("invalid questionnaire fixtures", () => {
  test("every fixture has a case and every case a fixture", () => {
    const files = readdirSync(DIR)
      .filter((f) => f.endsWith(".yaml"))
      .map((f) => f.replace(/\.yaml$/, ""))
      .sort();
    expect(Object.keys(CASES).sort()).toEqual(files);
  });

  test.each(Object.entries(CASES))("%s", (name, expected) => {
    const { problems, questionnaires } = loadQuestionnaires(sourcesFor(name));
    const file = `${DIR}/${name}.yaml`;
    const found = problems.filter((p) => p.file === file).map((p) => [p.code, p.line, p.column]);
    expect(found).toEqual(expected);
    // Problems stay in the case file: the core it builds on is fine.
    const elsewhere = problems.filter(
      (p) => p.file !== file && !p.file?.includes("circular-extends"),
    );
    expect(elsewhere).toEqual([]);
    for (const p of problems) {
      expect(p.message.length).toBeGreaterThan(0);
      expect(QUESTIONNAIRE_PROBLEM_CODES).toContain(p.code);
    }
    const hasError = expected.some(([code]) => !WARNINGS.has(code));
    expect(questionnaires.some((q) => q.source === file)).toBe(!hasError);
  });
});

const WARNINGS = new Set(["empty-dimension", "recommendation-for-top-level", "unknown-language"]);
