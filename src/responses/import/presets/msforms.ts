// Microsoft Forms (Excel download, saved as CSV): ID, Start time, Completion time, Email, Name,
// [Last modified time], then question texts. Metadata headings follow the form owner's language.
// Multi-select answers are joined by ";" (often with a trailing ";").
import { type Preset, roles } from "./types.js";

const fixed = roles({
  id: "response-id",
  "start time": "meta",
  "completion time": "meta",
  email: "email",
  "e-mail": "email",
  name: "meta",
  "last modified time": "meta",
  "total points": "meta",
  "quiz feedback": "meta",
  startzeit: "meta",
  fertigstellungszeit: "meta",
  abschlusszeit: "meta",
  "zeitpunkt der letzten änderung": "meta",
  "letzte änderung": "meta",
  "letzte änderungszeit": "meta",
  gesamtpunktzahl: "meta",
  "quiz-feedback": "meta",
});

export const msforms: Preset = {
  id: "msforms",
  detect: (h) => {
    const start = h.includes("start time") || h.includes("startzeit");
    const done =
      h.includes("completion time") ||
      h.includes("fertigstellungszeit") ||
      h.includes("abschlusszeit");
    return start && done ? 3 : 0;
  },
  meta: (h) => fixed(h) ?? (/^(points|feedback|punkte) - /.test(h) ? "meta" : undefined),
  respondentRoles: ["response-id"],
  multiSeparator: ";",
};
