// LimeSurvey CSV export: `;`-separated, UTF-8 with BOM, every field quoted. Headings as question
// codes (`str01`, `G01Q01`, `Q1[SQ001]`) or full question texts (`Text [Subquestion]`); values as
// codes or answer texts. `submitdate` is empty for incomplete responses.
import { type Preset, roles } from "./types.js";

/**
 * The code LimeSurvey gives an item id, grid row or choice: question and sub-question codes hold
 * only letters and digits, so the underscore is dropped (`str_01` → `str01`, `city_model` →
 * `citymodel`). The one rule for reading exports and for building a survey from a questionnaire.
 */
export function limesurveyCode(id: string): string {
  return id.replace(/_/g, "");
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
  // full-text headings (en, de)
  "response id": "response-id",
  "date submitted": "submitted",
  "last page": "meta",
  "start language": "meta",
  "access code": "token",
  "date started": "meta",
  "date last action": "meta",
  "ip address": "meta",
  "referrer url": "meta",
  "total time": "meta",
  "antwort id": "response-id",
  "antwort-id": "response-id",
  "datum abgeschickt": "submitted",
  "letzte seite": "meta",
  "start-sprache": "meta",
  startsprache: "meta",
  zugangsschlüssel: "token",
  zugangscode: "token",
  "datum gestartet": "meta",
  "datum letzte aktivität": "meta",
  "ip-adresse": "meta",
  "referrer-url": "meta",
  gesamtzeit: "meta",
});

export const limesurvey: Preset = {
  id: "limesurvey",
  detect: (h) => {
    const strong = [
      "submitdate",
      "lastpage",
      "startlanguage",
      "date submitted",
      "last page",
      "datum abgeschickt",
      "letzte seite",
    ];
    return h.some((x) => strong.includes(x)) ? 3 : 0;
  },
  meta,
  respondentRoles: ["token", "response-id"],
  multiSeparator: ";",
};
