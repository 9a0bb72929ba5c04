// Issue 17: "the demo and every fixture pass the auditor". Each export fixture that scores (and
// the demo survey) is scored with the bundled questionnaires at the default minimum group size
// and, as the truth an attacker does not have, at k = 1; every attack of intruder.ts and the
// auditor as attacker must find nothing in what is published — in both weightings.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { published } from "../../src/report/json.js";
import type { Settings } from "../../src/scoring/assessment.js";
import { loadTexts, scoreFiles } from "../scoring/score-files.js";
import {
  departmentFromGroups,
  departmentWeighting,
  fiveScores,
  groupFromSiblings,
  groupResidual,
  linearProgram,
  prioritiesAndTargets,
  publicCounts,
  smallOverallBlocks,
} from "./intruder.js";

const walk = (dir: string): string[] =>
  readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? walk(p) : /\.ya?ml$/.test(p) ? [p] : [];
    });
const questionnaires = loadTexts(
  Object.fromEntries(walk("questionnaires").map((p) => [p, readFileSync(p, "utf8")])),
);
const external = new Set(
  questionnaires.flatMap((q) =>
    q.groups.filter((g) => g.perspective === "external").map((g) => g.id),
  ),
);
const internal = (g: string) => !external.has(g);

const inputs = [
  "fixtures/demo/staff-survey.csv",
  ...readdirSync("fixtures/exports")
    .filter((f) => /\.(csv|tsv)$/.test(f))
    .sort()
    .map((f) => join("fixtures/exports", f)),
];

describe.each(["respondent", "department"] as const)(
  "auditor over the fixtures (%s weighting)",
  (w) => {
    for (const file of inputs) {
      test(file, async () => {
        const settings: Partial<Settings> = { administrationWeighting: w };
        const a = published((await scoreFiles(questionnaires, [file], { settings })).assessment);
        const truth = published(
          (await scoreFiles(questionnaires, [file], { settings: { ...settings, minGroupSize: 1 } }))
            .assessment,
        );
        const found = [
          ...departmentFromGroups(a),
          ...groupFromSiblings(a),
          ...smallOverallBlocks(a),
          ...groupResidual(a),
          ...prioritiesAndTargets(a),
          ...fiveScores(a),
          ...(w === "department" ? departmentWeighting(a, publicCounts(truth)) : []),
          ...linearProgram(a, truth, internal, a.suppression.protectionInterval ?? 5),
        ];
        expect(found).toEqual([]);
      });
    }
  },
);
