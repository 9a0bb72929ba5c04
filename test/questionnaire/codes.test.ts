import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { QUESTIONNAIRE_PROBLEM_CODES } from "../../src/questionnaire/codes.js";

test("every problem code is documented in docs/questionnaire-format.md, and no other", () => {
  const doc = readFileSync("docs/questionnaire-format.md", "utf8");
  const table = doc.slice(doc.indexOf("## Problem codes"));
  const documented = [...table.matchAll(/^\| `([a-z-]+)` \|/gm)].map((m) => m[1]);
  expect([...documented].sort()).toEqual([...QUESTIONNAIRE_PROBLEM_CODES].sort());
});
