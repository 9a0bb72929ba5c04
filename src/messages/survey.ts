// What `reifegrad survey` notes about a generated survey (src/survey), in English and German:
// answer codes it had to shorten, names a survey tool would not take, what a tool cannot do.
import { msg } from "./entry.js";

export const SURVEY_MESSAGES = {
  "shortened-answer-codes": msg<{ what: string; codes: readonly string[] }>({
    en: (p) => `${p.what}: LimeSurvey answer codes ${p.codes.join(", ")} (score reads them back)`,
    de: (p) => `${p.what}: LimeSurvey-Antwortcodes ${p.codes.join(", ")} (score liest sie zurück)`,
  }),
  "invalid-question-code.limesurvey": msg<{ item: string; code: string; sub: boolean }>({
    en: (p) =>
      `${p.item}: "${p.code}" is not a valid LimeSurvey ${p.sub ? "sub-question" : "question"} code; LimeSurvey will rename it on import`,
    de: (p) =>
      `${p.item}: „${p.code}“ ist kein gültiger LimeSurvey-Code für eine ${p.sub ? "Teilfrage" : "Frage"}; LimeSurvey benennt ihn beim Import um`,
  }),
  "invalid-question-code.xlsform-name": msg<{ name: string }>({
    en: (p) => `"${p.name}" is not a valid XLSForm name; rename it in the questionnaire`,
    de: (p) => `„${p.name}“ ist kein gültiger XLSForm-Name; benennen Sie es im Fragebogen um`,
  }),
  "invalid-question-code.choice-space": msg<{ name: string; list: string }>({
    en: (p) =>
      `choice "${p.name}" of list ${p.list} has a space, which select_multiple cannot store`,
    de: (p) =>
      `die Auswahl „${p.name}“ der Liste ${p.list} enthält ein Leerzeichen, das select_multiple nicht speichern kann`,
  }),
  "no-skip-logic": msg<{ items: readonly string[] }>({
    en: (p) =>
      `Google Forms: ${p.items.length} question(s) with a skip rule or group restriction (${p.items.join(", ")}) say whom they are for in their help text; score applies the rules`,
    de: (p) =>
      `Google Forms: ${p.items.length} Frage(n) mit Filterregel oder Gruppeneinschränkung (${p.items.join(", ")}) nennen im Hilfetext, für wen sie gelten; score wendet die Regeln an`,
  }),
  "duplicate-title": msg<{ title: string }>({
    en: (p) =>
      `Google Forms: two questions titled "${p.title}"; their export columns cannot be told apart`,
    de: (p) =>
      `Google Forms: zwei Fragen heißen „${p.title}“; ihre Spalten im Export lassen sich nicht unterscheiden`,
  }),
};
