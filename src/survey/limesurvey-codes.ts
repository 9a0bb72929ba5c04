// Codes in a LimeSurvey survey built from a questionnaire. Question and sub-question codes follow
// the importer's rule (`limesurveyCode`: the id without underscores). Answer option codes are
// stricter in LimeSurvey (1–5 letters or digits, models/Answer.php): a reifegrad code that fits is
// kept as it is ("1"…"5", dk, na, yes, no), so an export with answer codes reads back by code; a
// longer one ("portal_digital", "management") gets a short code by its position ("A02"), and the
// export is read back by the answer text (LimeSurvey: "Full answers").
import { limesurveyCode } from "../responses/import/presets/limesurvey.js";

export { limesurveyCode };

/** LimeSurvey's rule for answer option codes. */
export const ANSWER_CODE = /^[A-Za-z0-9]{1,5}$/;
/** LimeSurvey's rule for question codes (models/Question.php), and the words it reserves. */
export const QUESTION_CODE = /^[A-Za-z][A-Za-z0-9]*$/;
export const RESERVED = new Set([
  "LANG",
  "SID",
  "SAVEDID",
  "TOKEN",
  "QID",
  "GID",
  "SGQ",
  "self",
  "that",
  "this",
]);

/**
 * LimeSurvey answer codes for a list of reifegrad codes, in order: each code itself when LimeSurvey
 * accepts it, else `A` + its 1-based position (two digits; another letter when that is taken).
 */
export function limesurveyAnswerCodes(codes: readonly string[]): ReadonlyMap<string, string> {
  const taken = new Set(codes.filter((c) => ANSWER_CODE.test(c)));
  const out = new Map<string, string>();
  codes.forEach((code, i) => {
    if (ANSWER_CODE.test(code)) {
      out.set(code, code);
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
