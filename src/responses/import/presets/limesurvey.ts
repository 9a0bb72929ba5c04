// LimeSurvey CSV export: `;`-separated, UTF-8 with BOM, every field quoted. Headings as question
// codes (`str01`, `G01Q01`, `Q1[SQ001]`), full question texts (`Text [Subquestion]`) or both
// (`str01. Text`); values as codes or answer texts. It always writes `id`, `submitdate`,
// `lastpage`, `startlanguage` first, so these are found by position and by their values in any
// export language. `submitdate` is empty for incomplete responses.
import { type Preset, roles } from "./types.js";

/**
 * The code LimeSurvey gives an item id, grid row or choice: question and sub-question codes hold
 * only letters and digits, so the underscore is dropped (`str_01` → `str01`, `city_model` →
 * `citymodel`). The one rule for reading exports and for building a survey from a questionnaire.
 */
export function limesurveyCode(id: string): string {
  return id.replace(/_/g, "");
}

/** LimeSurvey's rule for answer option codes (models/Answer.php): 1–5 letters or digits. */
export const ANSWER_CODE = /^[A-Za-z0-9]{1,5}$/;

/**
 * LimeSurvey answer codes for a list of reifegrad codes (an item's options, the groups, the
 * departments): a code that fits is kept; a longer one gets its first five letters and digits
 * (`management` → `manag`) when no other code of the list shares them, else `A` + its position
 * (`A02`). The survey export writes them and the importer reads them back with the same rule
 * over the item's (or the groups', the departments') codes.
 */
export function limesurveyAnswerCodes(codes: readonly string[]): ReadonlyMap<string, string> {
  const taken = new Set(codes.filter((c) => ANSWER_CODE.test(c)));
  const prefix = (c: string) => c.replace(/[^A-Za-z0-9]/g, "").slice(0, 5);
  const shared = new Map<string, number>();
  for (const c of codes)
    if (!ANSWER_CODE.test(c)) shared.set(prefix(c), (shared.get(prefix(c)) ?? 0) + 1);
  const out = new Map<string, string>();
  codes.forEach((code, i) => {
    if (ANSWER_CODE.test(code)) {
      out.set(code, code);
      return;
    }
    const p = prefix(code);
    if (p !== "" && shared.get(p) === 1 && !taken.has(p)) {
      taken.add(p);
      out.set(code, p);
      return;
    }
    const n = String(i + 1).padStart(2, "0");
    for (const letter of "ABCDEFGHIJKLMNOPQRSTUVWXYZ") {
      const candidate = `${letter}${n}`;
      if (!taken.has(candidate)) {
        taken.add(candidate);
        out.set(code, candidate);
        return;
      }
    }
  });
  return out;
}

const meta = roles({
  id: "response-id",
  submitdate: "submitted",
  lastpage: "meta",
  startlanguage: "meta",
  seed: "meta",
  token: "token",
  startdate: "meta",
  datestamp: "meta",
  ipaddr: "meta",
  refurl: "meta",
  interviewtime: "meta",
  // full-text headings (en, de); the first four columns are found by position
  "access code": "token",
  "date started": "meta",
  "date last action": "meta",
  "ip address": "meta",
  "referrer url": "meta",
  "total time": "meta",
  zugangsschlüssel: "token",
  zugangscode: "token",
  "datum gestartet": "meta",
  "datum letzte aktivität": "meta",
  "ip-adresse": "meta",
  "referrer-url": "meta",
  gesamtzeit: "meta",
});

/** A first data row as LimeSurvey writes it: id, submit date (or none), last page, language. */
function fixedValues(row: readonly string[]): boolean {
  return (
    /^\d+$/.test(row[0] ?? "") &&
    /^(\d{4}-\d\d-\d\d \d\d:\d\d(:\d\d)?)?$/.test(row[1] ?? "") &&
    /^\d*$/.test(row[2] ?? "") &&
    /^[a-z]{2,3}([-_][a-zA-Z0-9]+)*$/.test(row[3] ?? "")
  );
}

export const limesurvey: Preset = {
  id: "limesurvey",
  fixed: ["response-id", "submitted", "meta", "meta"],
  detect: (h, row) => {
    const strong = [
      "submitdate",
      "lastpage",
      "startlanguage",
      "date submitted",
      "last page",
      "datum abgeschickt",
      "letzte seite",
    ];
    if (h.some((x) => strong.includes(x))) return 3;
    return row && fixedValues(row) ? 2 : 0;
  },
  meta,
  respondentRoles: ["token", "response-id"],
  multiSeparator: ";",
};
