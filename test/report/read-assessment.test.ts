// An assessment file is checked against its published schema before anything renders it: a file
// changed by hand (or broken) is refused with the place and what it should hold, and whatever the
// check lets through renders in every format without an internal error.
import { readFileSync } from "node:fs";
import { Chalk } from "chalk";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseAssessment } from "../../src/report/read-assessment.js";
import { renderReportFiles } from "../../src/report/render.js";
import { renderTerminal } from "../../src/report/terminal.js";
import { ASSESSMENT_SCHEMA } from "./assessment-schema.js";

const text = readFileSync("fixtures/assessments/wave-2026.json", "utf8");
const base = JSON.parse(text);

/** Every path into the assessment, to pick one to change. */
const paths: (string | number)[][] = [];
const walk = (v: unknown, p: (string | number)[]) => {
  paths.push(p);
  if (Array.isArray(v)) {
    for (const [i, x] of v.entries()) walk(x, [...p, i]);
  } else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, [...p, k]);
};
walk(base, []);

const VALUES = [null, -1, 0, 0.5, 250, 1e9, "", "zz", "L9", "strategy", "staff", true, [], {}];

describe("reading assessment.json", () => {
  it("takes what score writes, and refuses a changed type at its place", () => {
    expect("assessment" in parseAssessment(text, ASSESSMENT_SCHEMA)).toBe(true);
    const broken = structuredClone(base);
    broken.departments[0].items[0].mean = true;
    expect(parseAssessment(JSON.stringify(broken), ASSESSMENT_SCHEMA)).toEqual({
      error: "not an assessment: $.departments[0].items[0].mean must be a number",
      errorDe: "keine Bewertung: $.departments[0].items[0].mean muss eine Zahl sein",
    });
  });

  it("whatever a hand edit leaves that the check accepts renders in every format", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: paths.length - 1 }),
        fc.integer({ min: -1, max: VALUES.length - 1 }),
        async (at, value) => {
          const a = structuredClone(base);
          const path = paths[at]!;
          let o = a;
          for (const k of path.slice(0, -1)) o = o[k];
          const k = path.at(-1)!;
          if (value < 0) {
            if (Array.isArray(o)) o.splice(Number(k), 1);
            else delete o[k];
          } else o[k] = structuredClone(VALUES[value]);
          const parsed = parseAssessment(JSON.stringify(a), ASSESSMENT_SCHEMA);
          if ("error" in parsed) return;
          const formats = ["md", "html", "json", "csv"];
          for (const lang of ["de", "en"] as const) {
            await renderReportFiles(parsed.assessment, formats, { lang, includeFreeText: true });
            renderTerminal(parsed.assessment, { lang, color: new Chalk({ level: 0 }) });
          }
        },
      ),
      { numRuns: 300, seed: 16 },
    );
  });
});
