// What the import says about single cells of an export (src/responses/import/values.ts,
// file-importer.ts), in English and German. The import's other problems keep their English
// texts for now (they are printed as written).
import { list, msg } from "./entry.js";

const quoted = (parts: readonly string[], lang: "de" | "en") =>
  parts.map((p) => (lang === "de" ? `„${p}“` : `"${p}"`)).join(", ");

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
};
