// Codes in a LimeSurvey survey built from a questionnaire. Question and sub-question codes follow
// the importer's rule (`limesurveyCode`: the id without underscores). Answer option codes are
// stricter in LimeSurvey (1–5 letters or digits, models/Answer.php): a reifegrad code that fits is
// kept as it is ("1"…"5", dk, na, yes, no); a longer one ("management") gets its first five letters
// and digits ("manag") or, where two share them, a code by its position ("A02") — the rule lives
// beside limesurveyCode, and the importer reads such codes back by it.
import {
  ANSWER_CODE,
  limesurveyAnswerCodes,
  limesurveyCode,
} from "../responses/import/presets/limesurvey.js";

export { ANSWER_CODE, limesurveyAnswerCodes, limesurveyCode };

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
