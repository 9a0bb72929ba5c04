import { readFileSync } from "node:fs";
import { loadQuestionnaires } from "../../src/questionnaire/load.js";
import type { Questionnaire } from "../../src/questionnaire/model.js";
import type { ResponseRecord } from "../../src/responses/model.js";

export function loadFixture(...paths: string[]): Questionnaire[] {
  const r = loadQuestionnaires(paths.map((p) => ({ path: p, text: readFileSync(p, "utf8") })));
  const errors = r.problems.filter((p) => p.severity === "error");
  if (errors.length > 0) throw new Error(JSON.stringify(errors, null, 2));
  return [...r.questionnaires];
}

let serial = 0;
export function rec(
  answers: Record<string, string>,
  department: string | undefined = "d1",
  group = "staff",
): ResponseRecord {
  serial++;
  return {
    respondent: `r${serial}`,
    ...(department !== undefined ? { department } : {}),
    group,
    answers: new Map(Object.entries(answers)),
  };
}

/**
 * Respondents of fixtures/scoring/tiny.yaml with every alpha item at one code each (alpha score
 * 25 · (code − 1)) and beta answered 5 / yes / 5.
 */
export function alphaRecords(
  codes: readonly number[],
  department?: string,
  group = "staff",
): ResponseRecord[] {
  return codes.map((code) =>
    rec(
      { a1: String(code), a2: String(6 - code), a3: String(code), b1: "5", b2: "yes", b3: "5" },
      department,
      group,
    ),
  );
}

/** fixtures/scoring/tiny.yaml with two areas: alpha in "inside" (weight 1), beta in "outside" (3). */
export function tinyWithAreas(): Questionnaire[] {
  const text = readFileSync("fixtures/scoring/tiny.yaml", "utf8")
    .replace(
      "dimensions:\n",
      "areas:\n  - { id: inside, name: { de: Innen, en: Inside }, weight: 1 }\n  - { id: outside, name: { de: Außen, en: Outside }, weight: 3 }\ndimensions:\n",
    )
    .replace("    weight: 2\n    target: L4\n", "    weight: 2\n    target: L4\n    area: inside\n")
    .replace(
      "    weight: 1\n    aggregate: min\n",
      "    weight: 1\n    aggregate: min\n    area: outside\n",
    );
  const r = loadQuestionnaires([{ path: "tiny-areas.yaml", text }]);
  const errors = r.problems.filter((p) => p.severity === "error");
  if (errors.length > 0) throw new Error(JSON.stringify(errors, null, 2));
  return [...r.questionnaires];
}
