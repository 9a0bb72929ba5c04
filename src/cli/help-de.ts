// The German words of `--help`, the way gettext keeps them: every help text a command declares
// (in English, where it declares its options) is a key, its German wording the value. Under a
// German locale main.ts words every command's description, arguments, options and example
// comments from here, and commander's own words (Usage:, Options:, "(default: …)") in German.
// test/e2e/help-locale.test.ts holds the table complete: a help text without its German, or a
// German text whose English is gone, fails it. Only strings: this module is part of a bare start.

/** Commander's headings. */
export const TITLES_DE: Readonly<Record<string, string>> = {
  "Usage:": "Aufruf:",
  "Options:": "Optionen:",
  "Arguments:": "Argumente:",
  "Commands:": "Befehle:",
  "Global Options:": "Globale Optionen:",
};

/**
 * Placeholders in usage lines, option and argument terms (`[options]`, `<dir>`, `[exports...]`);
 * lower case, as the German error messages write them (`--out <ordner>`). Names and ids stay.
 */
export const PLACEHOLDERS_DE: Readonly<Record<string, string>> = {
  options: "Optionen",
  command: "Befehl",
  dir: "ordner",
  file: "datei",
  path: "pfad",
  paths: "pfade",
  exports: "exporte",
  lang: "sprache",
  char: "zeichen",
  list: "liste",
  share: "anteil",
  tool: "werkzeug",
  how: "art",
  before: "alt",
  after: "neu",
  target: "ziel",
  "YYYY-MM-DD": "JJJJ-MM-TT",
};

/** Commander's words in "(choices: …, default: …)" after an option. */
export const EXTRAS_DE: readonly (readonly [RegExp, string])[] = [
  [/\bchoices: /g, "Auswahl: "],
  [/\bdefault: /g, "Standard: "],
  [/\bpreset: /g, "ohne Wert: "],
];

export const HELP_DE: Readonly<Record<string, string>> = {
  // the program and commander's own options
  "Measure the digital maturity of a public administration":
    "Den digitalen Reifegrad einer öffentlichen Verwaltung messen",
  "output the version number": "Versionsnummer ausgeben",
  "display help for command": "Hilfe zum Befehl anzeigen",
  "show stack traces for unexpected errors": "bei unerwarteten Fehlern den Stacktrace zeigen",
  "Examples:": "Beispiele:",

  // the commands
  "scaffold an assessment folder: reifegrad.yaml, questionnaires to adapt, exports/, CI jobs":
    "einen Bewertungsordner anlegen: reifegrad.yaml, anpassbare Fragebögen, exports/, CI-Jobs",
  "check questionnaire files and report every problem with file:line:column":
    "Fragebogendateien prüfen und jedes Problem mit Datei:Zeile:Spalte nennen",
  "score survey exports per department and dimension and write reports":
    "Umfrage-Exporte je Amt und Dimension auswerten und die Berichte schreiben",
  "write a draft mapping file for a survey export (what matched, and TODOs for the rest)":
    "einen Entwurf der Zuordnungsdatei für einen Umfrage-Export schreiben (was passt, und TODOs für den Rest)",
  "interview a department in the terminal (autosave, resume, skip logic)":
    "ein Amt im Terminal interviewen (speichert laufend, lässt sich fortsetzen, mit Filterfragen)",
  "list the questionnaires (id, department, group, dimensions, items)":
    "die Fragebögen auflisten (Kennung, Amt, Gruppe, Dimensionen, Fragen)",
  "print a composed questionnaire for review: dimensions, items, scales, skip logic":
    "einen zusammengesetzten Fragebogen zur Durchsicht ausgeben: Dimensionen, Fragen, Skalen, Filter",
  "write a blank answer CSV (header only) for a questionnaire, and its code list":
    "eine leere Antwort-CSV (nur Kopfzeile) für einen Fragebogen schreiben, dazu die Codeliste",
  "write a survey for a survey tool (limesurvey, googleforms, xlsform) or on paper from the questionnaires; its export (or the typed-in paper answers) is scored without a mapping file":
    "aus den Fragebögen eine Umfrage für ein Umfragewerkzeug (limesurvey, googleforms, xlsform) oder auf Papier schreiben; ihr Export (oder die abgetippten Papierantworten) wird ohne Zuordnungsdatei ausgewertet",
  "render the reports from a saved assessment.json (no raw answers needed); in a project folder without an argument, from its committed reports/assessment.json — with --check, name every stale report file (for CI)":
    "die Berichte aus einer gespeicherten assessment.json erzeugen (ohne Rohdaten); im Projektordner ohne Argument aus der eingecheckten reports/assessment.json — mit --check jede veraltete Berichtsdatei nennen (für CI)",
  "show the change between two assessments (survey waves)":
    "die Veränderung zwischen zwei Auswertungen (Erhebungswellen) zeigen",

  // arguments
  "folder to create or fill": "Ordner, der angelegt oder gefüllt wird",
  "files or folders (default: the project's questionnaires, else questionnaires/)":
    "Dateien oder Ordner (Standard: die Fragebögen des Projekts, sonst questionnaires/)",
  "export files (CSV, TSV) or folders of them (default: the inputs of reifegrad.yaml)":
    "Exportdateien (CSV, TSV) oder Ordner mit ihnen (Standard: die Eingaben aus reifegrad.yaml)",
  "export file (CSV, TSV)": "Exportdatei (CSV, TSV)",
  "questionnaire id": "Kennung des Fragebogens",
  "survey tool: limesurvey, paper, googleforms, xlsform":
    "Umfragewerkzeug: limesurvey, paper, googleforms, xlsform",
  "assessment.json written by `reifegrad score`":
    "von `reifegrad score` geschriebene assessment.json",
  "the earlier assessment.json": "die frühere assessment.json",
  "the later assessment.json": "die spätere assessment.json",

  // options shared by several commands
  "questionnaire folder or file (default: questionnaires/)":
    "Fragebogenordner oder -datei (Standard: questionnaires/)",
  "project file (default: reifegrad.yaml here or in a parent folder)":
    "Projektdatei (Standard: reifegrad.yaml hier oder in einem übergeordneten Ordner)",
  "report language": "Sprache der Berichte",
  "folder for assessment.json and the reports": "Ordner für assessment.json und die Berichte",
  "folder for the reports": "Ordner für die Berichte",
  "formats, comma-separated: terminal,md,html,json,csv,pdf (all: every one but pdf, which needs Chromium)":
    "Formate, durch Kommas getrennt: terminal,md,html,json,csv,pdf (alle außer pdf, das Chromium braucht)",
  "CSV for German Excel: UTF-8 BOM, ';' and decimal comma":
    "CSV für deutsches Excel: UTF-8 mit BOM, ';' und Dezimalkomma",
  "show free-text answers (units of at least k respondents) in report.md, report.html and assessment.json; without it they never appear":
    "Freitextantworten (von Einheiten mit mindestens k Befragten) in report.md, report.html und assessment.json zeigen; ohne die Option erscheinen sie nie",
  "write nothing; exit 1 listing every file in --out that would change (for CI)":
    "nichts schreiben; Exit-Code 1 und jede Datei in --out nennen, die sich ändern würde (für CI)",

  // init, validate
  "where the CI jobs install this reifegrad version from (an npm install spec, e.g. git+https://host/group/reifegrad.git#v0.1.0)":
    "woher die CI-Jobs diese reifegrad-Version installieren (eine Angabe für npm install, z. B. git+https://host/gruppe/reifegrad.git#v0.1.0)",
  "print the result as JSON on stdout (problems with code, place, message)":
    "das Ergebnis als JSON auf stdout ausgeben (Probleme mit Code, Stelle, Meldung)",

  // score and the import options (score, map)
  "suppress groups smaller than this (at least 3)":
    "Gruppen mit weniger Befragten ausblenden (mindestens 3)",
  "share of a dimension's items a respondent must answer":
    "Anteil der Fragen einer Dimension, den eine befragte Person beantworten muss",
  "administration total: pool respondents or weigh departments equally":
    "Gesamtverwaltung: alle Befragten zusammen oder jedes Amt gleich gewichtet",
  "report date (never taken from the clock)": "Berichtsdatum (nie von der Uhr genommen)",
  "the previous wave's assessment.json: recorded in assessment.json, the reports show the change since then (default: previous: in reifegrad.yaml)":
    "die assessment.json der Vorerhebung: wird in assessment.json vermerkt, die Berichte zeigen die Veränderung seitdem (Standard: previous: in reifegrad.yaml)",
  "force the encoding: utf-8, utf-16le, utf-16be, windows-1252 (default: detect)":
    "Zeichenkodierung vorgeben: utf-8, utf-16le, utf-16be, windows-1252 (Standard: erkennen)",
  'force the delimiter: "," ";" or tab (default: detect)':
    'Trennzeichen vorgeben: "," ";" oder tab (Standard: erkennen)',
  "force the export dialect (default: detect from the header)":
    "Exportformat vorgeben (Standard: an der Kopfzeile erkennen)",
  "sheet of .xlsx workbooks to read: name or number (default: the first)":
    "zu lesendes Blatt einer .xlsx-Arbeitsmappe: Name oder Nummer (Standard: das erste)",
  "mapping file: columns, labels and department names (see docs/mapping-format.md)":
    "Zuordnungsdatei: Spalten, Antworttexte und Amtsnamen (siehe docs/mapping-format.md)",
  "department of every row (when the export has no department column)":
    "Amt jeder Zeile (wenn der Export keine Amts-Spalte hat)",
  "respondent group of every row (default: the group column, else the questionnaire's group)":
    "Befragtengruppe jeder Zeile (Standard: die Gruppen-Spalte, sonst die Gruppe des Fragebogens)",
  "also score incomplete responses (LimeSurvey: empty submitdate)":
    "auch unvollständige Antworten auswerten (LimeSurvey: leeres submitdate)",
  "score departments that match no questionnaire with the core questionnaire":
    "Ämter ohne passenden Fragebogen mit dem Kernfragebogen auswerten",
  "score every row even when a respondent id repeats (default: keep the last)":
    "jede Zeile auswerten, auch wenn sich eine Kennung wiederholt (Standard: die letzte behalten)",
  "any import problem fails the run (exit 1) before anything is written":
    "jedes Importproblem bricht den Lauf ab (Exit-Code 1), bevor etwas geschrieben wird",
  "write the draft here (default: stdout)": "den Entwurf hierhin schreiben (Standard: stdout)",

  // run
  "department id, or `core` for the whole administration":
    "Kennung des Amts, oder `core` für die Gesamtverwaltung",
  "respondent group (e.g. staff, management)": "Befragtengruppe (z. B. staff, management)",
  "respondent pseudonym, e.g. P-017 (default: a generated one; names and e-mail addresses are refused)":
    "Pseudonym der befragten Person, z. B. P-017 (Standard: ein erzeugtes; Namen und E-Mail-Adressen werden abgelehnt)",
  "answers file the finished interview is added to (default: answers.csv)":
    "Antwortdatei, an die das fertige Interview angehängt wird (Standard: answers.csv)",
  "language of the interview": "Sprache des Interviews",
  "folder for interview sessions": "Ordner für die Interview-Sitzungen",
  "continue an interrupted interview (without id: list them)":
    "ein unterbrochenes Interview fortsetzen (ohne Kennung: Liste zur Auswahl)",

  // questionnaires, template
  "language of the texts (default: the questionnaire's first)":
    "Sprache der Texte (Standard: die erste des Fragebogens)",
  "output format": "Ausgabeformat",
  "write the CSV here (default: stdout)": "die CSV hierhin schreiben (Standard: stdout)",
  "write the code list here (default: stderr)":
    "die Codeliste hierhin schreiben (Standard: stderr)",
  "language of the code labels (default: the questionnaire's first)":
    "Sprache der Antworttexte in der Codeliste (Standard: die erste des Fragebogens)",

  // survey
  "one survey for this department's questionnaire": "eine Umfrage mit dem Fragebogen dieses Amts",
  "one survey for this questionnaire (e.g. citizens, businesses)":
    "eine Umfrage mit diesem Fragebogen (z. B. citizens, businesses)",
  "one survey for every department, the department as the first question":
    "eine Umfrage für alle Ämter, das Amt als erste Frage",
  "survey language (default: the questionnaire's first)":
    "Sprache der Umfrage (Standard: die erste des Fragebogens)",
  "folder to write the survey files to": "Ordner für die Umfragedateien",
  "paper: also print the form to an A4 PDF (needs Chromium on the PATH)":
    "paper: das Formular auch als A4-PDF drucken (braucht Chromium im PATH)",

  // report, compare
  "the previous wave: record it in assessment.json and show the change since then (with an assessment file; a project names it in reifegrad.yaml)":
    "die Vorerhebung: in assessment.json vermerken und die Veränderung seitdem zeigen (mit einer assessment.json; ein Projekt nennt sie in reifegrad.yaml)",
  "folder for compare.json / .md / .html / .csv": "Ordner für compare.json / .md / .html / .csv",
  "formats, comma-separated: terminal,md,html,json,csv":
    "Formate, durch Kommas getrennt: terminal,md,html,json,csv",
  "write nothing; exit 1 listing every file in --out that would change":
    "nichts schreiben; Exit-Code 1 und jede Datei in --out nennen, die sich ändern würde",

  // comments of the examples
  "fill the current folder (overwrites nothing)":
    "den aktuellen Ordner füllen (überschreibt nichts)",
  "the project's questionnaires and reifegrad.yaml":
    "die Fragebögen des Projekts und reifegrad.yaml",
  "one file, with the core it extends": "eine Datei, mit dem Kern, den sie erweitert",
  "for tools: code, place, message per problem": "für Werkzeuge: Code, Stelle, Meldung je Problem",
  "in an assessment folder: every input of reifegrad.yaml":
    "im Bewertungsordner: jede Eingabe aus reifegrad.yaml",
  "then: reifegrad score forms.csv --mapping mapping.yaml":
    "danach: reifegrad score forms.csv --mapping mapping.yaml",
  "asks for department, group and a pseudonym": "fragt nach Amt, Gruppe und Pseudonym",
  "continue an interrupted interview": "ein unterbrochenes Interview fortsetzen",
  "one survey, the department asked first": "eine Umfrage, das Amt als erste Frage",
  "A4 form and data-entry CSV": "A4-Formular und CSV zum Abtippen",
  "Apps Script that creates the form": "Apps Script, das das Formular anlegt",
  "XLSForm for KoboToolbox / ODK": "XLSForm für KoboToolbox / ODK",
  "CI: exit 1 naming every stale report (committed files only)":
    "CI: Exit-Code 1 mit jedem veralteten Bericht (nur eingecheckte Dateien)",
};
