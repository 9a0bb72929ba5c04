// The structure of reifegrad.yaml as data, checked by the questionnaire format's shape rules.
import type { Field, ObjectShape, Shape } from "../questionnaire/format.js";

const str: Shape = { kind: "string" };
const id: Shape = {
  kind: "string",
  pattern: /^[a-z][a-z0-9_-]*$/,
  patternText: "a lowercase letter, then lowercase letters, digits, _ or -",
};
const f = (shape: Shape, description: string, required = false): Field => ({
  shape,
  description,
  ...(required ? { required: true } : {}),
});
const obj = (name: string, fields: Record<string, Field>): ObjectShape => ({
  kind: "object",
  name,
  fields,
});

export const REPORT_FORMATS = ["terminal", "md", "html", "json", "csv"] as const;

export const PROJECT: ObjectShape = obj("project", {
  format: f({ kind: "const", value: 1 }, "Format version of the project file: 1.", true),
  title: f(
    { kind: "text" },
    "Name of the assessment, e.g. { de: Diagnose 2026, en: Diagnosis 2026 }.",
  ),
  questionnaires: f(
    { kind: "list", of: str, minItems: 1 },
    'Questionnaire files or folders, relative to this file; "bundled" for the questionnaires shipped with reifegrad.',
  ),
  departments: f(
    {
      kind: "list",
      of: obj("department", {
        id: f(id, "Department id, as in the department questionnaires and the exports.", true),
        name: f(
          { kind: "text" },
          "Name in every language, e.g. { de: Bürgeramt, en: Citizens' office }.",
        ),
        aliases: f(
          { kind: "list", of: str },
          'Other names of the department in exports, e.g. "Amt 33".',
        ),
        headcount: f(
          { kind: "number", min: 1, integer: true, rangeCode: "invalid-headcount" },
          "Number of staff, for response rates.",
        ),
        method: f(
          { kind: "string", enum: ["survey", "interview"] },
          "survey (default), or interview: an expert assessment (e.g. a workshop with the head of the department), shown and labelled as such whatever its size, never pooled with survey respondents.",
        ),
      }),
    },
    "The departments (Ämter / Fachbereiche) of the administration.",
  ),
  targets: f(
    { kind: "map", values: { kind: "map", values: str } },
    "Target level per department and dimension: { bauen: { services: L4 } }.",
  ),
  inputs: f(
    {
      kind: "list",
      of: obj("input", {
        path: f(str, "An export file, a folder, or a pattern such as exports/*.csv.", true),
        preset: f(
          {
            kind: "string",
            enum: ["limesurvey", "msforms", "googleforms", "kobotoolbox", "reifegrad"],
          },
          "Export format; detected from the header when left out.",
        ),
        mapping: f(str, "A mapping file for exports no preset understands."),
        department: f(id, "Department of every row of this input."),
        group: f(id, "Respondent group of every row of this input."),
        optional: f(
          { kind: "boolean" },
          "The input may match no file yet (e.g. interviews not held yet): a warning instead of an error.",
        ),
      }),
    },
    "The survey exports to score.",
  ),
  settings: f(
    obj("settings", {
      minGroupSize: f(
        { kind: "number", min: 3, integer: true, rangeCode: "invalid-setting" },
        "Minimum group size k (at least 3); smaller groups are suppressed.",
      ),
      minCoverage: f(
        { kind: "number", min: 0, max: 1, exclusiveMin: true, rangeCode: "invalid-setting" },
        "Share of a dimension's items a respondent must answer.",
      ),
      minResponseRate: f(
        { kind: "number", min: 0, max: 1, rangeCode: "invalid-setting" },
        "Response rates below this share are flagged.",
      ),
      weighting: f(
        { kind: "string", enum: ["respondent", "department"] },
        "How the administration total is formed.",
      ),
      lang: f({ kind: "string", enum: ["de", "en"] }, "Report language."),
      date: f(
        { kind: "string", pattern: /^\d{4}-\d{2}-\d{2}$/, patternText: "a date like 2026-11-25" },
        "Report date.",
      ),
    }),
    "Scoring and report settings; command-line flags override them.",
  ),
  outputs: f(
    obj("outputs", {
      dir: f(str, "Folder for assessment.json and the reports (default reports)."),
      formats: f(
        { kind: "list", of: { kind: "string", enum: REPORT_FORMATS } },
        "Report formats (default all).",
      ),
    }),
    "Where reports go.",
  ),
  previous: f(
    str,
    "The previous wave's assessment.json, relative to this file (e.g. waves/2024/assessment.json): score records it in the new assessment.json and the reports show the change since then.",
  ),
});
