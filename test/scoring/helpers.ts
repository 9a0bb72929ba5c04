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
