// Checks that parsed JSON is an assessment the renderers can use (schemaVersion 1 and the fields
// they read). Pure: returns the first problem as a message with a JSON path, or the assessment.
import { type Assessment, SCHEMA_VERSION } from "../scoring/assessment.js";

type Check = (v: unknown, path: string) => string | undefined;

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const str: Check = (v, p) => (typeof v === "string" ? undefined : `${p} must be a string`);
const num: Check = (v, p) =>
  typeof v === "number" && Number.isFinite(v) ? undefined : `${p} must be a number`;
const numOrNull: Check = (v, p) => (v === null ? undefined : num(v, p));
const text: Check = (v, p) =>
  isObj(v) && Object.values(v).every((x) => typeof x === "string")
    ? undefined
    : `${p} must be an object of texts per language`;
const opt =
  (c: Check): Check =>
  (v, p) =>
    v === undefined ? undefined : c(v, p);
const arr =
  (c: Check): Check =>
  (v, p) => {
    if (!Array.isArray(v)) return `${p} must be an array`;
    for (let i = 0; i < v.length; i++) {
      const e = c(v[i], `${p}[${i}]`);
      if (e) return e;
    }
    return undefined;
  };
const obj =
  (fields: Record<string, Check>): Check =>
  (v, p) => {
    if (!isObj(v)) return `${p} must be an object`;
    for (const [k, c] of Object.entries(fields)) {
      const e = c(v[k], `${p}.${k}`);
      if (e) return e;
    }
    return undefined;
  };

const dimensionResult = obj({
  id: str,
  names: text,
  n: num,
  mean: opt(num),
  level: opt(str),
  gap: opt(num),
  suppressed: opt(str),
});
const unit: Check = obj({
  id: str,
  kind: (v, p) =>
    v === "administration" || v === "department" || v === "group"
      ? undefined
      : `${p} must be administration, department or group`,
  names: text,
  respondents: numOrNull,
  suppressed: opt(str),
  headcount: opt(num),
  responseRate: opt(num),
  freeText: opt(arr(obj({ item: str, answers: arr(str) }))),
  overall: obj({ score: numOrNull, level: (v, p) => (v === null ? undefined : str(v, p)) }),
  dimensions: arr(dimensionResult),
  priorities: opt(
    arr(
      obj({
        rank: num,
        dimension: str,
        gap: num,
        weight: num,
        priority: num,
        recommendations: arr(text),
      }),
    ),
  ),
  items: opt(
    arr(
      obj({
        id: str,
        dimension: str,
        n: num,
        dontKnow: num,
        notApplicable: num,
        blank: num,
        counts: obj({}),
        suppressed: opt(str),
      }),
    ),
  ),
  groups: opt(arr((v, p) => unit(v, p))),
});

/** The previous wave assessment.json may record (trend.ts, `previousWave`). */
const waveUnit = obj({
  id: str,
  respondents: numOrNull,
  suppressed: opt(str),
  overall: obj({
    score: numOrNull,
    level: (v, p) => (v === null ? undefined : str(v, p)),
    ciLow: opt(num),
    ciHigh: opt(num),
  }),
  dimensions: arr(
    obj({
      id: str,
      n: num,
      mean: opt(num),
      level: opt(str),
      ciLow: opt(num),
      ciHigh: opt(num),
      suppressed: opt(str),
    }),
  ),
});
const previousWave = obj({
  date: opt(str),
  questionnaire: obj({ id: str, version: str, contentHash: str }),
  administration: waveUnit,
  departments: arr(waveUnit),
});

const assessment = obj({
  generator: obj({ name: str, version: str }),
  questionnaire: obj({ id: str, version: str, contentHash: str }),
  questionnaires: arr(obj({ id: str, version: str, contentHash: str, group: str })),
  date: opt(str),
  settings: obj({ minGroupSize: num, minCoverage: num, confidence: num, minAlphaN: num }),
  levels: arr(obj({ id: str, rank: num, name: text, min: num })),
  dimensions: arr(obj({ id: str, name: text, weight: num })),
  items: arr(
    obj({
      id: str,
      dimension: str,
      type: str,
      text: text,
      options: arr(obj({ code: str, label: text })),
    }),
  ),
  administration: unit,
  departments: arr(unit),
  groups: arr(unit),
  comparisons: arr(obj({ dimension: str, difference: num })),
  suppression: obj({ minGroupSize: num, records: arr(obj({ unit: str, reason: str })) }),
  counts: obj({
    respondents: num,
    answers: num,
    dontKnow: num,
    notApplicable: num,
    blank: num,
    invalid: num,
  }),
  previousWave: opt(previousWave),
});

/** Parses assessment JSON text: the assessment, or a one-line reason (English, and German). */
export function parseAssessment(
  textIn: string,
): { assessment: Assessment } | { error: string; errorDe: string } {
  let v: unknown;
  try {
    v = JSON.parse(textIn.replace(/^\uFEFF/, ""));
  } catch (e) {
    const why = (e as Error).message.split("\n")[0];
    return { error: `not valid JSON (${why})`, errorDe: `kein gültiges JSON (${why})` };
  }
  if (!isObj(v))
    return {
      error: "not an assessment (expected a JSON object)",
      errorDe: "keine Bewertung (erwartet: ein JSON-Objekt)",
    };
  if (v.schemaVersion !== SCHEMA_VERSION) {
    const got = JSON.stringify(v.schemaVersion ?? null);
    return {
      error: `unsupported schemaVersion ${got} (this reifegrad reads ${SCHEMA_VERSION})`,
      errorDe: `schemaVersion ${got} wird nicht unterstützt (diese reifegrad-Version liest ${SCHEMA_VERSION})`,
    };
  }
  // The place in the file ($.units[0]…) and what it should hold, as the validator says it.
  const e = assessment(v, "$");
  if (e) return { error: `not an assessment: ${e}`, errorDe: `keine Bewertung: ${e}` };
  return { assessment: v as unknown as Assessment };
}
