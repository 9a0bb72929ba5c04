// What the checks of reifegrad.yaml say (src/project/load.ts), in English and German. Its
// structure is checked by the questionnaire format's shape rules, whose messages are in
// questionnaire.ts.
import { list, msg, suggestion } from "./entry.js";

export const PROJECT_MESSAGES = {
  "duplicate-id.department": msg<{ id: string; first: number }>({
    en: (p) => `department "${p.id}" is listed twice`,
    de: (p) => `Das Amt „${p.id}“ steht zweimal in der Liste`,
    hint: {
      en: (p) => `keep one entry (the first is departments[${p.first}])`,
      de: (p) => `Behalten Sie einen Eintrag (der erste ist departments[${p.first}]).`,
    },
  }),
  "unknown-department.target": msg<{ id: string; closest?: string }>({
    en: (p) =>
      `targets name department "${p.id}", which is not in \`departments\`${suggestion("en", p.closest)}`,
    de: (p) =>
      `Unter targets steht das Amt „${p.id}“, das nicht unter \`departments\` steht${suggestion("de", p.closest)}`,
    hint: {
      en: () => "add the department to `departments` or fix the id",
      de: () => "Tragen Sie das Amt unter `departments` ein oder korrigieren Sie die Kennung.",
    },
  }),
  "unknown-department.input": msg<{ id: string; closest?: string }>({
    en: (p) =>
      `input names department "${p.id}", which is not in \`departments\`${suggestion("en", p.closest)}`,
    de: (p) =>
      `Die Eingabe nennt das Amt „${p.id}“, das nicht unter \`departments\` steht${suggestion("de", p.closest)}`,
    hint: {
      en: () => "add the department to `departments` or fix the id",
      de: () => "Tragen Sie das Amt unter `departments` ein oder korrigieren Sie die Kennung.",
    },
  }),
  "unknown-dimension.target": msg<{
    questionnaire: string;
    department: string;
    id: string;
    closest?: string;
    dimensions: readonly string[];
  }>({
    en: (p) =>
      `questionnaire "${p.questionnaire}" of department "${p.department}" has no dimension "${p.id}"${suggestion("en", p.closest)}`,
    de: (p) =>
      `Der Fragebogen „${p.questionnaire}“ des Amts „${p.department}“ hat keine Dimension „${p.id}“${suggestion("de", p.closest)}`,
    hint: {
      en: (p) => `dimensions: ${p.dimensions.join(", ")}`,
      de: (p) => `Dimensionen: ${list("de", p.dimensions)}`,
    },
  }),
  "unknown-level.target": msg<{ id: string; closest?: string; levels: readonly string[] }>({
    en: (p) => `target "${p.id}" is not a level${suggestion("en", p.closest)}`,
    de: (p) => `Das Ziel „${p.id}“ ist keine Stufe${suggestion("de", p.closest)}`,
    hint: {
      en: (p) => `levels: ${p.levels.join(", ")}`,
      de: (p) => `Stufen: ${list("de", p.levels)}`,
    },
  }),
  "missing-input": msg<{ path: string; optional: boolean }>({
    en: (p) => `input "${p.path}" matches no file`,
    de: (p) => `Zur Eingabe „${p.path}“ passt keine Datei`,
    hint: {
      en: (p) =>
        p.optional
          ? "optional input: nothing to read from it yet"
          : "put the export there (e.g. into exports/) or fix the path",
      de: (p) =>
        p.optional
          ? "Optionale Eingabe: Es gibt noch nichts daraus zu lesen."
          : "Legen Sie den Export dort ab (z. B. in exports/) oder korrigieren Sie den Pfad.",
    },
  }),
  "headcount-below-respondents": msg<{ id: string; headcount: number; respondents: number }>({
    en: (p) =>
      `department "${p.id}" has headcount ${p.headcount}, but ${p.respondents} people answered`,
    de: (p) =>
      `Für das Amt „${p.id}“ sind ${p.headcount} Beschäftigte angegeben, aber ${p.respondents} Personen haben geantwortet`,
    hint: {
      en: () => "update the headcount, or check the department column of the exports",
      de: () =>
        "Aktualisieren Sie die Beschäftigtenzahl (headcount) oder prüfen Sie die Amts-Spalte der Exporte.",
    },
  }),
};
