// What the import of survey exports says (src/responses/import, src/cli/import-exports.ts), in
// English and German: single cells, rows, columns, files and mapping files.
import { list, msg, suggestion } from "./entry.js";

const quoted = (parts: readonly string[], lang: "de" | "en") =>
  parts.map((p) => (lang === "de" ? `„${p}“` : `"${p}"`)).join(", ");

const MISSING_DEPARTMENT_EN =
  "fill in the department, name the department column in a mapping file, or pass --department";
const MISSING_DEPARTMENT_DE =
  "Tragen Sie die Dienststelle ein, benennen Sie die Spalte der Dienststelle in einer Zuordnungsdatei oder geben Sie --department an.";

export const IMPORT_MESSAGES = {
  "value-out-of-range.scale": msg<{ raw: string; item: string; codes: readonly string[] }>({
    en: (p) => `"${p.raw}" is not on the scale of item ${p.item} (codes: ${list("en", p.codes)})`,
    de: (p) =>
      `„${p.raw}“ liegt nicht auf der Skala der Frage ${p.item} (Codes: ${list("de", p.codes)})`,
    hint: {
      en: () => "correct the value or leave the cell empty",
      de: () => "Korrigieren Sie den Wert oder lassen Sie die Zelle leer.",
    },
  }),
  "value-out-of-range.band": msg<{ raw: string; item: string }>({
    en: (p) => `${p.raw} is outside every score band of item ${p.item}`,
    de: (p) => `${p.raw} liegt außerhalb aller Wertungsbereiche der Frage ${p.item}`,
    hint: {
      en: () => "check the value; the questionnaire defines the valid range",
      de: () => "Prüfen Sie den Wert; der Fragebogen legt den gültigen Bereich fest.",
    },
  }),
  "unknown-label": msg<{ raw: string; item: string; codes: readonly string[] }>({
    en: (p) =>
      `"${p.raw}" is neither a code nor a label of item ${p.item} (codes: ${list("en", p.codes)})`,
    de: (p) =>
      `„${p.raw}“ ist weder ein Code noch eine Antwort der Frage ${p.item} (Codes: ${list("de", p.codes)})`,
    hint: {
      en: () => "add the label to the mapping file under `values` or `itemValues`",
      de: () =>
        "Tragen Sie die Antwort in der Zuordnungsdatei unter `values` oder `itemValues` ein.",
    },
  }),
  "unknown-label.multi": msg<{
    parts: readonly string[];
    raw: string;
    item: string;
    codes: readonly string[];
  }>({
    en: (p) =>
      `${quoted(p.parts, "en")} in "${p.raw}" is neither a code nor a label of item ${p.item} (codes: ${list("en", p.codes)})`,
    de: (p) =>
      `${quoted(p.parts, "de")} in „${p.raw}“ ist weder ein Code noch eine Antwort der Frage ${p.item} (Codes: ${list("de", p.codes)})`,
    hint: {
      en: () => "add the label to the mapping file under `values` or `itemValues`",
      de: () =>
        "Tragen Sie die Antwort in der Zuordnungsdatei unter `values` oder `itemValues` ein.",
    },
  }),
  "unknown-label.choice-column": msg<{ raw: string; item: string }>({
    en: (p) => `"${p.raw}" in a choice column of item ${p.item} is neither ticked (Y) nor empty`,
    de: (p) =>
      `„${p.raw}“ in einer Auswahlspalte der Frage ${p.item} ist weder angekreuzt (Y) noch leer`,
    hint: {
      en: () => "a choice column holds Y (ticked) or nothing",
      de: () => "Eine Auswahlspalte enthält Y (angekreuzt) oder nichts.",
    },
  }),
  "other-text": msg<{
    parts: readonly string[];
    raw: string;
    item: string;
    kept: readonly string[];
  }>({
    en: (p) =>
      `${quoted(p.parts, "en")} in "${p.raw}" is no option of item ${p.item}: the chosen options (${p.kept.join(", ")}) are kept, the text is not scored`,
    de: (p) =>
      `${quoted(p.parts, "de")} in „${p.raw}“ ist keine Option der Frage ${p.item}: Die gewählten Optionen (${p.kept.join(", ")}) bleiben, der Text wird nicht gewertet`,
    hint: {
      en: () =>
        'an "Other" answer; if it is a label of an option, add it to the mapping file under `itemValues`',
      de: () =>
        "Eine „Sonstiges“-Antwort; ist sie die Bezeichnung einer Option, tragen Sie sie in der Zuordnungsdatei unter `itemValues` ein.",
    },
  }),
  "not-a-number": msg<{ raw: string; item: string; unitEn?: string; unitDe?: string }>({
    en: (p) =>
      `"${p.raw}" is not a number (item ${p.item} expects a number${p.unitEn ? ` in ${p.unitEn}` : ""})`,
    de: (p) =>
      `„${p.raw}“ ist keine Zahl (die Frage ${p.item} erwartet eine Zahl${p.unitDe ? `, Einheit: ${p.unitDe}` : ""})`,
    hint: {
      en: () => "write a number such as 12 or 12,5; leave the cell empty when unknown",
      de: () =>
        "Schreiben Sie eine Zahl wie 12 oder 12,5; ist sie unbekannt, bleibt die Zelle leer.",
    },
  }),
  "item-without-column": msg<{ count: number; shown: readonly string[] }>({
    en: (p) =>
      `${p.count} item${p.count === 1 ? "" : "s"} asked of these respondents ha${p.count === 1 ? "s" : "ve"} no column: ${p.shown.join(", ")}${p.count > p.shown.length ? ` … and ${p.count - p.shown.length} more` : ""}`,
    de: (p) =>
      `${p.count} ${p.count === 1 ? "Frage an diese Befragten hat" : "Fragen an diese Befragten haben"} keine Spalte: ${p.shown.join(", ")}${p.count > p.shown.length ? ` … und ${p.count - p.shown.length} weitere` : ""}`,
    hint: {
      en: () =>
        "their answers count as missing; map the columns in a mapping file if they exist under another heading",
      de: () =>
        "Ihre Antworten zählen als fehlend; stehen die Spalten unter einer anderen Überschrift, ordnen Sie sie in einer Zuordnungsdatei zu.",
    },
  }),
  // One row of an export (file-importer.ts).
  "unknown-group.row": msg<{ raw: string; groups: readonly string[] }>({
    en: (p) => `unknown respondent group "${p.raw}"`,
    de: (p) => `unbekannte Befragtengruppe „${p.raw}“`,
    hint: {
      en: (p) => `use one of ${list("en", p.groups)} or map it under \`groups\` in a mapping file`,
      de: (p) =>
        `Verwenden Sie eine der Gruppen ${list("de", p.groups)} oder ordnen Sie sie in einer Zuordnungsdatei unter \`groups\` zu.`,
    },
  }),
  "missing-department.row": msg({
    en: () => "row has no department",
    de: () => "die Zeile hat keine Dienststelle",
    hint: { en: () => MISSING_DEPARTMENT_EN, de: () => MISSING_DEPARTMENT_DE },
  }),
  "missing-department.file": msg({
    en: () => "file has no department column",
    de: () => "die Datei hat keine Spalte für die Dienststelle",
    hint: { en: () => MISSING_DEPARTMENT_EN, de: () => MISSING_DEPARTMENT_DE },
  }),
  "unknown-department.row": msg<{ raw: string; closest?: string; known: readonly string[] }>({
    en: (p) => `unknown department "${p.raw}"${suggestion("en", p.closest)}`,
    de: (p) => `unbekannte Dienststelle „${p.raw}“${suggestion("de", p.closest)}`,
    hint: {
      en: (p) =>
        `use a department id (${p.known.join(", ")}) or its name, map it under \`departments\` in a mapping file, or pass --allow-unknown-departments`,
      de: (p) =>
        `Verwenden Sie eine Dienststellen-ID (${list("de", p.known)}) oder ihren Namen, ordnen Sie sie in einer Zuordnungsdatei unter \`departments\` zu oder geben Sie --allow-unknown-departments an.`,
    },
  }),
  "extra-fields": msg<{ fields: number; header: number }>({
    en: (p) => `row has ${p.fields} fields, the header ${p.header}; the extra ones are ignored`,
    de: (p) =>
      `die Zeile hat ${p.fields} Felder, die Kopfzeile ${p.header}; die zusätzlichen werden nicht gelesen`,
    hint: {
      en: () => "check the quotes and delimiters in this row",
      de: () => "Prüfen Sie Anführungszeichen und Trennzeichen in dieser Zeile.",
    },
  }),
  "no-answers": msg({
    en: () => "row has no answers",
    de: () => "die Zeile enthält keine Antworten",
    hint: {
      en: () => "an empty response is not scored",
      de: () => "Eine leere Antwort wird nicht gewertet.",
    },
  }),
  "answered-not-asked": msg<{
    value: string;
    item: string;
    questionnaire?: string;
    only?: readonly string[];
    group?: string;
    condition?: string;
  }>({
    en: (p) =>
      `"${p.value}" answers ${p.item}, which is not asked: ${
        p.questionnaire !== undefined
          ? `not in the questionnaire ${p.questionnaire}`
          : p.only !== undefined
            ? `only for ${p.only.join(", ")}, not ${p.group}`
            : `its condition ${p.condition} does not hold here`
      }`,
    de: (p) =>
      `„${p.value}“ beantwortet ${p.item}, die hier nicht gestellt wird: ${
        p.questionnaire !== undefined
          ? `nicht im Fragebogen ${p.questionnaire}`
          : p.only !== undefined
            ? `nur für ${p.only.join(", ")}, nicht für ${p.group}`
            : `ihre Bedingung ${p.condition} gilt hier nicht`
      }`,
    hint: {
      en: () =>
        "the answer is not scored; check the department and group of the row, or the column",
      de: () =>
        "Die Antwort wird nicht gewertet; prüfen Sie Dienststelle und Gruppe der Zeile oder die Spalte.",
    },
  }),
  "department-without-questionnaire": msg<{
    value: string;
    id: string;
    rows: number;
    allowed: boolean;
  }>({
    en: (p) =>
      `department "${p.value}"${p.value !== p.id ? ` (as ${p.id})` : ""} has no questionnaire; its ${p.rows} rows are scored with the core questionnaire`,
    de: (p) =>
      `die Dienststelle „${p.value}“${p.value !== p.id ? ` (als ${p.id})` : ""} hat keinen Fragebogen; ihre ${p.rows} Zeilen werden mit dem Kernfragebogen gewertet`,
    hint: {
      en: (p) =>
        p.allowed
          ? "allowed by --allow-unknown-departments"
          : "add a department questionnaire, or map the name to a department in a mapping file",
      de: (p) =>
        p.allowed
          ? "erlaubt durch --allow-unknown-departments"
          : "Legen Sie einen Fragebogen für die Dienststelle an oder ordnen Sie den Namen in einer Zuordnungsdatei einer Dienststelle zu.",
    },
  }),
};
