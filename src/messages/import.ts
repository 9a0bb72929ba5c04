// What the import of survey exports says (src/responses/import, src/cli/import-exports.ts), in
// English and German: single cells, rows, columns, files and mapping files.
import type { BinaryKind } from "../responses/import/binary.js";
import { list, msg, suggestion } from "./entry.js";

const quoted = (parts: readonly string[], lang: "de" | "en") =>
  parts.map((p) => (lang === "de" ? `„${p}“` : `"${p}"`)).join(", ");

const MISSING_DEPARTMENT_EN =
  "fill in the department, name the department column in a mapping file, or pass --department";
const MISSING_DEPARTMENT_DE =
  "Tragen Sie die Dienststelle ein, benennen Sie die Spalte der Dienststelle in einer Zuordnungsdatei oder geben Sie --department an.";

/** A column's role in German, after "die Spalte": "der Dienststelle". */
const ROLE_DE: Readonly<Record<string, string>> = {
  respondent: "der Befragten-ID",
  "response-id": "der Antwort-ID",
  token: "des Zugangsschlüssels (token)",
  email: "der E-Mail-Adresse",
  department: "der Dienststelle",
  group: "der Befragtengruppe",
  submitted: "des Abgabezeitpunkts",
};
const roleDe = (role: string) => ROLE_DE[role] ?? `„${role}“`;

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
  "other-text.other": msg<{ raw: string; item: string; choice?: string }>({
    en: (p) => `"${p.raw}" is the "Other" text of item ${p.item}: free text, not scored`,
    de: (p) =>
      `„${p.raw}“ ist der „Sonstiges“-Text der Frage ${p.item}: Freitext, wird nicht gewertet`,
    hint: {
      en: () => "the options chosen beside it are scored",
      de: () => "Die daneben gewählten Optionen werden gewertet.",
    },
  }),
  "other-text.comment": msg<{ raw: string; item: string; choice?: string }>({
    en: (p) =>
      `"${p.raw}" is a comment on ${p.choice === "other" ? 'the "Other" answer of ' : ""}item ${p.item}${p.choice && p.choice !== "other" ? ` (${p.choice})` : ""}: free text, not scored`,
    de: (p) =>
      `„${p.raw}“ ist ein Kommentar zu${p.choice === "other" ? "r „Sonstiges“-Antwort der" : "r"} Frage ${p.item}${p.choice && p.choice !== "other" ? ` (${p.choice})` : ""}: Freitext, wird nicht gewertet`,
  }),
  "other-text.chosen": msg<{ raw: string; item: string }>({
    en: (p) =>
      `"${p.raw}"${p.raw === "-oth-" ? ' ("Other")' : ""} is no option of item ${p.item}: the item counts as unanswered in this row`,
    de: (p) =>
      `„${p.raw}“${p.raw === "-oth-" ? " („Sonstiges“)" : ""} ist keine Option der Frage ${p.item}: Die Frage gilt in dieser Zeile als unbeantwortet`,
    hint: {
      en: () =>
        "the text typed for it is in the item's [other] column; if it names an option, correct the answer",
      de: () =>
        "Der dazu eingegebene Text steht in der Spalte [other] der Frage; nennt er eine Option, korrigieren Sie die Antwort.",
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
  "no-scores": msg<{ percent: number }>({
    en: (p) =>
      `no respondent answered enough items of any dimension for a score (at least ${p.percent}% of its items): the reports hold no score`,
    de: (p) =>
      `kein Befragter hat genug Fragen einer Dimension für einen Wert beantwortet (mindestens ${p.percent} % ihrer Fragen): die Berichte enthalten keinen Wert`,
    hint: {
      en: () =>
        "map the missing columns with --mapping (see item-without-column; `reifegrad map <export>` drafts a mapping), or lower --min-coverage",
      de: () =>
        "Ordnen Sie die fehlenden Spalten mit --mapping zu (siehe item-without-column; `reifegrad map <export>` entwirft eine Zuordnung), oder senken Sie --min-coverage.",
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
        "Die Antworten auf diese Fragen zählen als fehlend; stehen die Spalten unter einer anderen Überschrift, ordnen Sie sie in einer Zuordnungsdatei zu.",
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
  "missing-fields": msg<{ fields: number; header: number }>({
    en: (p) =>
      `row has ${p.fields} fields, the header ${p.header}; the missing ones count as unanswered`,
    de: (p) =>
      `die Zeile hat ${p.fields} Felder, die Kopfzeile ${p.header}; die fehlenden gelten als unbeantwortet`,
    hint: {
      en: () =>
        "check whether the row was cut off (a line break inside an unquoted field, or a file edited by hand)",
      de: () =>
        "Prüfen Sie, ob die Zeile abgeschnitten ist (ein Zeilenumbruch in einem Feld ohne Anführungszeichen, oder eine von Hand bearbeitete Datei).",
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
  // The columns of an export (columns.ts).
  "ignored-role-column": msg<{ heading: string; role: string; mapping: string; line?: number }>({
    en: (p) =>
      `column "${p.heading}" is the ${p.role} column, but ${p.mapping}${p.line ? ` line ${p.line}` : ""} marks it ignore; it is kept as the ${p.role} column`,
    de: (p) =>
      `die Spalte „${p.heading}“ ist die Spalte ${roleDe(p.role)}, aber ${p.mapping}${p.line ? ` Zeile ${p.line}` : ""} markiert sie mit ignore; sie bleibt die Spalte ${roleDe(p.role)}`,
    hint: {
      en: (p) => `remove the ignore line from ${p.mapping}, or name another ${p.role} column in it`,
      de: (p) =>
        `Entfernen Sie die ignore-Zeile aus ${p.mapping} oder nennen Sie dort eine andere Spalte ${roleDe(p.role)}.`,
    },
  }),
  "unmatched-column": msg<{ heading: string }>({
    en: (p) => `column "${p.heading}" matches no item and is ignored`,
    de: (p) => `die Spalte „${p.heading}“ passt zu keiner Frage und wird nicht gelesen`,
    hint: {
      en: () => "map it in a mapping file (`reifegrad map` writes a draft), or mark it `ignore`",
      de: () =>
        "Ordnen Sie sie in einer Zuordnungsdatei zu (`reifegrad map` schreibt einen Entwurf) oder markieren Sie sie mit `ignore`.",
    },
  }),
  "duplicate-column": msg<{ heading: string; key: string; before: number }>({
    en: (p) => `column "${p.heading}" maps to ${p.key} like column ${p.before}; it is ignored`,
    de: (p) =>
      `die Spalte „${p.heading}“ gehört wie Spalte ${p.before} zu ${p.key}; sie wird nicht gelesen`,
    hint: {
      en: () => "remove one of the columns or map it elsewhere in a mapping file",
      de: () =>
        "Entfernen Sie eine der Spalten oder ordnen Sie sie in einer Zuordnungsdatei anders zu.",
    },
  }),
  // A file and the run over all files (run.ts, src/cli/import-exports.ts).
  "unterminated-quote": msg({
    en: () => "a quoted field is not closed before the end of the file",
    de: () => "ein Feld in Anführungszeichen wird bis zum Dateiende nicht geschlossen",
    hint: {
      en: () => "check the quotes in this row; everything after the quote was read as one field",
      de: () =>
        "Prüfen Sie die Anführungszeichen in dieser Zeile; alles nach dem Anführungszeichen wurde als ein Feld gelesen.",
    },
  }),
  "empty-file": msg({
    en: () => "the file has no header row",
    de: () => "die Datei hat keine Kopfzeile",
  }),
  "unmatched-mapping-key": msg<{ text: string; closest?: string }>({
    en: (p) => `"${p.text}" matches no column of the exports${suggestion("en", p.closest)}`,
    de: (p) => `„${p.text}“ passt zu keiner Spalte der Exporte${suggestion("de", p.closest)}`,
    hint: {
      en: () => "correct the heading as the export writes it, or remove the line",
      de: () =>
        "Schreiben Sie die Überschrift so, wie der Export sie schreibt, oder entfernen Sie die Zeile.",
    },
  }),
  "duplicate-respondent": msg<{
    id: string;
    heading: string;
    acrossFiles: boolean;
    file: string;
    line: number;
  }>({
    en: (p) =>
      `respondent "${p.id}" ("${p.heading}" ${p.acrossFiles ? "across files" : "within the file"}) answered again in ${p.file} row ${p.line}; the last submission is kept`,
    de: (p) =>
      `die befragte Person „${p.id}“ („${p.heading}“ ${p.acrossFiles ? "über alle Dateien" : "innerhalb der Datei"}) hat in ${p.file} Zeile ${p.line} erneut geantwortet; die letzte Antwort zählt`,
    hint: {
      en: () =>
        "an earlier submission of the same respondent is left out; pass --keep-duplicates to score every row",
      de: () =>
        "Eine frühere Antwort derselben Person wird nicht gewertet; mit --keep-duplicates wird jede Zeile gewertet.",
    },
  }),
  "not-a-text-export": msg<{ file: string; kind: BinaryKind }>({
    en: (p) =>
      `cannot read ${p.file}: ${
        p.kind === "pdf"
          ? "it is a PDF document, not a CSV export: download the survey results as CSV"
          : p.kind === "binary"
            ? "it is not a text file: export the survey results as CSV or TSV"
            : "it is an old-style or unnamed spreadsheet workbook: save it in Excel as .xlsx (read directly) or use File › Save As › CSV UTF-8"
      }`,
    de: (p) =>
      `${p.file} ist nicht lesbar: ${
        p.kind === "pdf"
          ? "es ist ein PDF-Dokument, kein CSV-Export: Laden Sie die Ergebnisse der Umfrage als CSV herunter"
          : p.kind === "binary"
            ? "es ist keine Textdatei: Exportieren Sie die Ergebnisse der Umfrage als CSV oder TSV"
            : "es ist eine Arbeitsmappe im alten Format oder ohne Endung .xlsx: Speichern Sie sie in Excel als .xlsx (wird direkt gelesen) oder mit Datei › Speichern unter › CSV UTF-8"
      }`,
  }),
  "cr-line-ends": msg<{ file: string }>({
    en: (p) =>
      `the lines of ${p.file} end in CR alone (the old Mac format), which is not read as the end of a row`,
    de: (p) =>
      `die Zeilen von ${p.file} enden nur mit CR (das alte Mac-Format), das nicht als Zeilenende gelesen wird`,
    hint: {
      en: () =>
        "save the export again as CSV UTF-8 (Excel: File › Save As › CSV UTF-8), or turn the line ends into LF, e.g. with tr '\\r' '\\n'",
      de: () =>
        "Speichern Sie den Export erneut als CSV UTF-8 (Excel: Datei › Speichern unter › CSV UTF-8), oder machen Sie die Zeilenenden zu LF, z. B. mit tr '\\r' '\\n'.",
    },
  }),
  "headerless-export": msg<{ file: string }>({
    en: (p) =>
      `the first row of ${p.file} holds answers, not column headings: this looks like the data file of LimeSurvey's SPSS export (.dat), which has no headings`,
    de: (p) =>
      `die erste Zeile von ${p.file} enthält Antworten statt Spaltenüberschriften: Das sieht aus wie die Datendatei des SPSS-Exports von LimeSurvey (.dat), die keine Überschriften hat`,
    hint: {
      en: () =>
        "export the responses as CSV instead (Responses › Export › Export responses: format CSV, headings: question code)",
      de: () =>
        "Exportieren Sie die Antworten stattdessen als CSV (Antworten › Exportieren › Antworten exportieren: Format CSV, Überschriften: Fragecode).",
    },
  }),
  // The mapping file (mapping.ts).
  "mapping-shape.document": msg({
    en: () => "a mapping file is a YAML mapping of keys such as `columns:` and `departments:`",
    de: () =>
      "eine Zuordnungsdatei ist eine YAML-Zuordnung von Schlüsseln wie `columns:` und `departments:`",
  }),
  "mapping-shape.heading": msg<{ key: string }>({
    en: (p) => `${p.key} must be a column heading (text)`,
    de: (p) => `${p.key} muss eine Spaltenüberschrift (Text) sein`,
  }),
  "mapping-shape.section": msg<{ key: string }>({
    en: (p) => `${p.key} must be a mapping`,
    de: (p) => `${p.key} muss eine Zuordnung (Schlüssel: Wert) sein`,
  }),
  "mapping-shape.alias": msg({
    en: () => "an alias is a column heading (text)",
    de: () => "ein Alias ist eine Spaltenüberschrift (Text)",
  }),
  "mapping-shape.target": msg({
    en: () => "expected an item id, { item, row }, { item, choice } or ignore",
    de: () => "erwartet: eine Fragen-ID, { item, row }, { item, choice } oder ignore",
  }),
  "mapping-shape.label": msg({
    en: () => "a label maps to an answer code",
    de: () => "einer Antwort wird ein Antwortcode zugeordnet",
  }),
  "mapping-shape.item-values": msg({
    en: () => "itemValues.<item> maps labels to codes",
    de: () => "itemValues.<Frage> ordnet Antworten Codes zu",
  }),
  "mapping-shape.department": msg({
    en: () => "a department name maps to a department id (lower case, e.g. buergeramt)",
    de: () =>
      "einem Dienststellennamen wird eine Dienststellen-ID zugeordnet (kleingeschrieben, z. B. buergeramt)",
  }),
  "unknown-key.mapping": msg<{ key: string; closest?: string; keys: readonly string[] }>({
    en: (p) => `unknown key "${p.key}"${suggestion("en", p.closest)}`,
    de: (p) => `unbekannter Schlüssel „${p.key}“${suggestion("de", p.closest)}`,
    hint: {
      en: (p) => `allowed: ${p.keys.join(", ")}`,
      de: (p) => `Erlaubt: ${p.keys.join(", ")}.`,
    },
  }),
  "mapping-format": msg({
    en: () => "format must be 1",
    de: () => "format muss 1 sein",
  }),
  "unknown-preset": msg<{ value: string; presets: readonly string[] }>({
    en: (p) => `unknown preset ${p.value}`,
    de: (p) => `unbekanntes Preset ${p.value}`,
    hint: {
      en: (p) => `one of ${p.presets.join(", ")}`,
      de: (p) => `Eines von ${p.presets.join(", ")}.`,
    },
  }),
  "unknown-item.mapping": msg<{ id: string; closest?: string }>({
    en: (p) => `unknown item "${p.id}"${suggestion("en", p.closest)}`,
    de: (p) => `unbekannte Frage „${p.id}“${suggestion("de", p.closest)}`,
  }),
  "unknown-row": msg<{ item: string; row: string; closest?: string; rows?: readonly string[] }>({
    en: (p) => `item ${p.item} has no row "${p.row}"${suggestion("en", p.closest)}`,
    de: (p) => `die Frage ${p.item} hat keine Zeile „${p.row}“${suggestion("de", p.closest)}`,
    hint: {
      en: (p) => (p.rows ? `rows: ${p.rows.join(", ")}` : `${p.item} is not a grid`),
      de: (p) => (p.rows ? `Zeilen: ${p.rows.join(", ")}` : `${p.item} ist keine Matrixfrage.`),
    },
  }),
  "unknown-choice": msg<{
    item: string;
    choice: string;
    closest?: string;
    choices?: readonly string[];
  }>({
    en: (p) => `item ${p.item} has no choice "${p.choice}"${suggestion("en", p.closest)}`,
    de: (p) => `die Frage ${p.item} hat keine Option „${p.choice}“${suggestion("de", p.closest)}`,
    hint: {
      en: (p) =>
        p.choices ? `choices: ${p.choices.join(", ")}` : `${p.item} is not a multiple-choice item`,
      de: (p) =>
        p.choices
          ? `Optionen: ${p.choices.join(", ")}`
          : `${p.item} ist keine Frage mit Mehrfachauswahl.`,
    },
  }),
  "missing-row": msg<{ item: string; row?: string }>({
    en: (p) => `item ${p.item} is a grid: say which row, e.g. { item: ${p.item}, row: ${p.row} }`,
    de: (p) =>
      `die Frage ${p.item} ist eine Matrixfrage: Geben Sie die Zeile an, z. B. { item: ${p.item}, row: ${p.row} }`,
  }),
  "unknown-code": msg<{ code: string; codes: readonly string[] }>({
    en: (p) => `"${p.code}" is not an answer code`,
    de: (p) => `„${p.code}“ ist kein Antwortcode`,
    hint: {
      en: (p) => `codes: ${p.codes.join(", ")}`,
      de: (p) => `Codes: ${p.codes.join(", ")}`,
    },
  }),
  "unknown-code.values": msg<{ code: string; closest?: string }>({
    en: (p) => `no item has the answer code "${p.code}"${suggestion("en", p.closest)}`,
    de: (p) => `keine Frage hat den Antwortcode „${p.code}“${suggestion("de", p.closest)}`,
    hint: {
      en: () =>
        "values: maps an answer text to a code for every item that has that code (scale codes such as 1-5, dk, na, or choice codes); for one item's own codes use itemValues:",
      de: () =>
        "Unter values: gilt ein Antworttext für jede Frage, die diesen Code hat (Skalencodes wie 1-5, dk, na oder Auswahlcodes); für die Codes einer einzelnen Frage verwenden Sie itemValues.",
    },
  }),
  "unknown-department.mapping": msg<{ id: string; closest?: string }>({
    en: (p) => `department "${p.id}" has no questionnaire${suggestion("en", p.closest)}`,
    de: (p) => `die Dienststelle „${p.id}“ hat keinen Fragebogen${suggestion("de", p.closest)}`,
    hint: {
      en: () =>
        "departments without a questionnaire are scored with the core questionnaire; check for a typo",
      de: () =>
        "Dienststellen ohne Fragebogen werden mit dem Kernfragebogen gewertet; prüfen Sie auf Tippfehler.",
    },
  }),
  "unknown-group.mapping": msg<{ value: string; closest?: string; groups: readonly string[] }>({
    en: (p) => `unknown group ${p.value}${suggestion("en", p.closest)}`,
    de: (p) => `unbekannte Gruppe ${p.value}${suggestion("de", p.closest)}`,
    hint: {
      en: (p) => `groups: ${p.groups.join(", ")}`,
      de: (p) => `Gruppen: ${p.groups.join(", ")}`,
    },
  }),
  "ignored-role-column.mapping": msg<{ heading: string; role: string; line: number }>({
    en: (p) =>
      `column "${p.heading}" is the ${p.role} column (line ${p.line}) and is marked ignore here`,
    de: (p) =>
      `die Spalte „${p.heading}“ ist die Spalte ${roleDe(p.role)} (Zeile ${p.line}) und ist hier mit ignore markiert`,
    hint: {
      en: () => "remove one of the two lines",
      de: () => "Entfernen Sie eine der beiden Zeilen.",
    },
  }),
};
