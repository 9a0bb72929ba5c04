#!/usr/bin/env node
// Writes the hand-designed import fixtures in fixtures/exports/ (one file per case, named after
// it). Byte-level cases (Windows-1252, UTF-16, BOM, CRLF) are why this is a script and not
// hand-edited files. Deterministic: same script → same bytes. Usage: node scripts/make-export-fixtures.mjs
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";

const dir = "fixtures/exports";
const q = (v) => (/[",;\t\r\n]/.test(v) || v === "" ? `"${v.replace(/"/g, '""')}"` : v);
const csv = (rows, d = ",", eol = "\n", quoteAll = false) =>
  rows
    .map((r) =>
      r.map((v) => (quoteAll ? `"${String(v).replace(/"/g, '""')}"` : q(String(v)))).join(d),
    )
    .join(eol) + eol;
const write = (name, data) => writeFileSync(join(dir, name), data);
const cp1252 = (s) => Buffer.from(s, "latin1"); // only Latin-1 characters are used below
// LimeSurvey's CsvWriter: UTF-8 BOM, every field quoted, ";", CRLF, one more CRLF at the end.
const lime = (rows) =>
  Buffer.concat([
    Buffer.from([0xef, 0xbb, 0xbf]),
    Buffer.from(csv(rows, ";", "\r\n", true) + "\r\n"),
  ]);
const utf16le = (s) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, "utf16le")]);

// Texts of the questionnaire items used (German and English, as in questionnaires/).
const T = {
  str_01: {
    de: "Die Stadtverwaltung hat eine beschlossene Digitalisierungsstrategie mit konkreten Zielen.",
    en: "The city administration has an adopted digitalisation strategy with concrete goals.",
  },
  str_02: {
    de: "Die Verwaltungsspitze unterstützt die Digitalisierung sichtbar.",
    en: "The head of the administration visibly supports digitalisation.",
  },
  str_03: {
    de: "Für Digitalisierungsvorhaben sind die Zuständigkeiten klar geregelt.",
    en: "Responsibilities for digitalisation projects are clearly defined.",
  },
  bua_02: {
    de: "Steht im Bürgeramt ein Selbstbedienungsterminal für die Aufnahme von Lichtbild, Unterschrift und Fingerabdrücken zur Verfügung?",
    en: "Does the citizens' office have a self-service terminal for capturing photo, signature and fingerprints?",
  },
  bua_06: {
    de: "Welche digitalen Angebote ergänzen den Besuch im Bürgeramt?",
    en: "Which digital offerings complement a visit to the citizens' office?",
  },
  bau_05: {
    de: "Wie ist der Stand bei den folgenden digitalen Planungswerkzeugen?",
    en: "What is the status of the following digital planning tools?",
  },
  fin_05: {
    de: "Welche Daten gelangen ohne manuelle Übertragung in das Finanzverfahren?",
    en: "Which data reaches the financial system without manual transfer?",
  },
};
const AGREE_DE = {
  1: "trifft überhaupt nicht zu",
  2: "trifft eher nicht zu",
  3: "teils, teils",
  4: "trifft eher zu",
  5: "trifft voll zu",
  dk: "weiß nicht",
};

// Five Bürgeramt respondents; str_01 answers 4,4,5,2,dk → counts {2:1, 4:2, 5:1, dk:1}.
const S1 = ["4", "4", "5", "2", "dk"];
const S2 = ["3", "4", "4", "3", "5"];
const S3 = ["2", "3", "na", "4", "4"];
// A yes/no item (bua_02): as LimeSurvey stores it.
const YN = ["Y", "N", "Y", "N", "Y"];

// 1. LimeSurvey, code headings: ";", BOM, every field quoted, CRLF, trailing empty line; one
//    incomplete row. Codes as LimeSurvey has them: letters and digits only (str_01 → str01).
//    The same responses exported with "Convert Y to 1 / N to 2" (which also turns an empty
//    multiple-choice or yes/no cell into 2), and with "code & text" headings (separator ". ").
{
  const head = [
    "id",
    "submitdate",
    "lastpage",
    "startlanguage",
    "seed",
    "token",
    "amt",
    "str01",
    "str02",
    "str03",
    "bua02",
    "bua06[reminder]",
    "bua06[waiting]",
    "bua06[none]",
  ];
  const text = {
    id: "Antwort ID",
    submitdate: "Datum Abgeschickt",
    lastpage: "Letzte Seite",
    startlanguage: "Start-Sprache",
    seed: "Seed",
    token: "Zugangsschlüssel",
    amt: "In welchem Amt arbeiten Sie?",
    str01: T.str_01.de,
    str02: T.str_02.de,
    str03: T.str_03.de,
    bua02: T.bua_02.de,
    "bua06[reminder]": `${T.bua_06.de} [Terminerinnerung per E-Mail oder SMS]`,
    "bua06[waiting]": `${T.bua_06.de} [aktuelle Wartezeit online einsehbar]`,
    "bua06[none]": `${T.bua_06.de} [keines davon]`,
  };
  const rows = S1.map((v, i) => [
    String(i + 1),
    `2026-03-0${i + 1} 10:00:00`,
    "3",
    "de",
    "123",
    "",
    "buergeramt",
    v,
    S2[i],
    S3[i],
    YN[i],
    i % 2 ? "Y" : "",
    "Y",
    "",
  ]);
  rows.push(["6", "", "1", "de", "456", "", "buergeramt", "1", "", "", "", "", "", ""]);
  write("limesurvey-codes.csv", lime([head, ...rows]));
  const yn = { Y: "1", N: "2", "": "2" };
  const converted = rows.map((r) => r.map((v, c) => (c >= 10 ? yn[v] : v)));
  write("limesurvey-codes-y1-n2.csv", lime([head, ...converted]));
  write("limesurvey-codetext-de.csv", lime([head.map((h) => `${h}. ${text[h]}`), ...rows]));
}
// 2. LimeSurvey, full-text headings (German) and answer texts; two incomplete rows.
{
  const head = [
    "Antwort ID",
    "Datum Abgeschickt",
    "Letzte Seite",
    "Start-Sprache",
    "Seed",
    "Amt",
    T.str_01.de,
    T.str_02.de,
    T.bua_02.de,
    `${T.bua_06.de} [Terminerinnerung per E-Mail oder SMS]`,
    `${T.bua_06.de} [aktuelle Wartezeit online einsehbar]`,
  ];
  const rows = [head];
  S1.forEach(
    (v, i) =>
      void rows.push([
        String(10 + i),
        "2026-03-01 09:00:00",
        "3",
        "de",
        "1",
        "Bürgeramt",
        AGREE_DE[v],
        AGREE_DE[S2[i]],
        YN[i] === "Y" ? "Ja" : "Nein",
        i % 2 ? "Ja" : "",
        "Ja",
      ]),
  );
  rows.push(["20", "", "1", "de", "1", "Bürgeramt", AGREE_DE[1], "", "", "", ""]);
  rows.push(["21", "", "2", "de", "1", "Bürgeramt", AGREE_DE[5], AGREE_DE[5], "Ja", "Ja", ""]);
  write("limesurvey-fulltext.csv", lime(rows));
}
// 3. Microsoft Forms, German metadata headings, question texts, multi-select joined by ";" (trailing ";").
{
  const head = [
    "ID",
    "Startzeit",
    "Fertigstellungszeit",
    "E-Mail",
    "Name",
    "In welchem Amt arbeiten Sie?",
    T.str_01.de,
    T.str_02.de,
    T.bua_06.de,
  ];
  const multi = [
    "Terminerinnerung per E-Mail oder SMS;aktuelle Wartezeit online einsehbar;",
    "keines davon;",
    "bargeldlose Zahlung am Schalter;",
    "",
    "Terminerinnerung per E-Mail oder SMS;",
  ];
  const rows = [head];
  S1.forEach(
    (v, i) =>
      void rows.push([
        String(i + 1),
        "3/1/26 9:00:00",
        "3/1/26 9:05:00",
        "anonymous",
        "",
        "Bürgeramt",
        AGREE_DE[v],
        AGREE_DE[S2[i]],
        multi[i],
      ]),
  );
  write("msforms-de.csv", csv(rows));
  // The workbook Forms downloads ("Open in Excel"): the same responses, IDs as numbers, times as
  // dates, one sheet "Sheet1"; msforms-de.csv is what Excel saves from it as CSV.
  const wb = new ExcelJS.Workbook();
  wb.created = wb.modified = new Date(Date.UTC(2026, 2, 1));
  const ws = wb.addWorksheet("Sheet1");
  for (const [i, r] of rows.entries()) {
    const at = (m) => new Date(Date.UTC(2026, 2, 1, 9, m));
    ws.addRow(i === 0 ? r : [Number(r[0]), at(0), at(5), ...r.slice(3)]);
  }
  await wb.xlsx.writeFile(join(dir, "msforms-de.xlsx"));
}
// 4. Google Forms: Timestamp, English titles, grid rows `Title [Row]`, checkboxes joined by ", "
//    (one label itself contains ", ").
{
  const head = [
    "Timestamp",
    "Email Address",
    "Department",
    T.str_01.en,
    `${T.bau_05.en} [development plans in the XPlanung standard]`,
    `${T.bau_05.en} [BIM for municipal building projects]`,
    T.fin_05.en,
  ];
  const rows = [head];
  const fin = [
    "bank statements with automatic payment matching, tax and levy assessments (e.g. property tax, trade tax)",
    "tax and levy assessments (e.g. property tax, trade tax)",
    "none of these",
    "e-invoices from the invoice receipt portal, staff costs from payroll",
    "",
  ];
  S1.forEach(
    (v, i) =>
      void rows.push([
        `2026/03/0${i + 1} 10:00:00 AM GMT+1`,
        `f${i}@example.org`,
        "Finance and treasury",
        {
          1: "does not apply at all",
          2: "rather does not apply",
          4: "rather applies",
          5: "fully applies",
          dk: "don't know",
        }[v],
        "",
        "",
        fin[i],
      ]),
  );
  ["implemented", "planned", "not planned", "implemented", "don't know"].forEach(
    (g, i) =>
      void rows.push([
        `2026/03/1${i} 10:00:00 AM GMT+1`,
        `b${i}@example.org`,
        "bauen",
        "partly",
        g,
        i % 2 ? "planned" : "implemented",
        "",
      ]),
  );
  write("googleforms.csv", csv(rows));
}
// 5. German Excel: Windows-1252 bytes ("Bürgeramt" with 0xFC), ";" delimiter, decimal comma.
{
  const rows = [["respondent", "department", "group", "str_01", "str_02", "bil_05"]];
  S1.forEach((v, i) => void rows.push([`X${i + 1}`, "Bürgeramt", "staff", v, S2[i], ""]));
  ["2,5", "1,2", "4,0", "12,5", "3"].forEach(
    (n, i) => void rows.push([`Y${i + 1}`, "Bildung, Kultur und Schulen", "staff", "3", "3", n]),
  );
  write("excel-semicolon-cp1252.csv", cp1252(csv(rows, ";", "\r\n")));
}
// 6. UTF-16 LE with BOM, tab-separated.
{
  const rows = [["respondent", "department", "group", "str_01", "str_02"]];
  S1.forEach((v, i) => void rows.push([`U${i + 1}`, "buergeramt", "staff", v, S2[i]]));
  write("utf16le-bom.tsv", utf16le(csv(rows, "\t", "\r\n")));
}
// 7. UTF-8 with BOM and CRLF.
{
  const rows = [["respondent", "department", "group", "str_01", "str_02"]];
  S1.forEach((v, i) => void rows.push([`B${i + 1}`, "buergeramt", "staff", v, S2[i]]));
  write(
    "utf8-bom-crlf.csv",
    Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv(rows, ",", "\r\n"))]),
  );
}
// 8. Quoted fields with embedded newlines and doubled quotes (a free-text item).
{
  const rows = [["respondent", "department", "group", "str_01", "soz_05", "str_02"]];
  const texts = [
    'Die E-Akte,\nund zwar "bald".',
    "",
    "Zeile 1\r\nZeile 2\r\nZeile 3",
    "ohne Umbruch",
    '"ganz" in Anführungszeichen',
  ];
  S1.forEach((v, i) => void rows.push([`Q${i + 1}`, "soziales", "staff", v, texts[i], S2[i]]));
  write("quoted-newlines.csv", csv(rows));
}
// 9. Bad cells: out of range, unknown label, text in a number item (cells dropped, rows kept).
{
  const rows = [["respondent", "department", "group", "str_01", "str_02", "bil_05"]];
  rows.push(["C1", "bildung", "staff", "7", "4", "2"]);
  rows.push(["C2", "bildung", "staff", "4", "stimmt total", "3,5"]);
  rows.push(["C3", "bildung", "staff", "5", "4", "viele"]);
  rows.push(["C4", "bildung", "staff", "3", "trifft eher zu", "-"]);
  rows.push(["C5", "bildung", "staff", "2", "2", "1"]);
  write("bad-cells.csv", csv(rows));
}
// 10. Unknown departments: a name nobody knows and a typo of an id (both rejected).
{
  const rows = [["respondent", "department", "group", "str_01", "str_02"]];
  S1.forEach((v, i) => void rows.push([`D${i + 1}`, "buergeramt", "staff", v, S2[i]]));
  rows.push(["D6", "Amt 33", "staff", "3", "3"]);
  rows.push(["D7", "personl", "staff", "=1+2", "3"]);
  write("unknown-department.csv", csv(rows));
}
// 11. Duplicate respondent ids: the last complete submission counts.
{
  const rows = [["respondent", "department", "group", "str_01", "str_02"]];
  S1.forEach((v, i) => void rows.push([`P${i + 1}`, "buergeramt", "staff", v, S2[i]]));
  rows.splice(2, 0, ["P3", "buergeramt", "staff", "1", "1"]); // earlier submission of P3
  rows.push(["P1", "buergeramt", "staff", "1", "1"]); // later submission of P1 (kept; row 2 rejected)
  write("duplicate-ids.csv", csv(rows));
}
// 12. Rows without a department.
{
  const rows = [["respondent", "department", "group", "str_01", "str_02"]];
  S1.forEach(
    (v, i) =>
      void rows.push([`N${i + 1}`, i === 1 || i === 3 ? "" : "buergeramt", "staff", v, S2[i]]),
  );
  write("no-department.csv", csv(rows));
}
// 13. The demo export split in two halves (same header): one file vs two must score the same.
{
  const demo = readFileSync("fixtures/demo/staff-survey.csv", "utf8")
    .split("\n")
    .filter((l) => l !== "");
  const [head, ...body] = demo;
  const mid = Math.floor(body.length / 2);
  write("split-part1.csv", [head, ...body.slice(0, mid)].join("\n") + "\n");
  write("split-part2.csv", [head, ...body.slice(mid)].join("\n") + "\n");
}
// 14. One LimeSurvey survey per department, each numbering its responses 1, 2, 3 …: scored
//     together, every respondent counts (the response id identifies a row only within its file).
{
  const head = ["id", "submitdate", "lastpage", "startlanguage", "seed", "startdate", "datestamp"];
  const meta = (i, done = true) => {
    const at = `2026-03-0${i} 10:0${i}:00`;
    return [String(i), done ? at : "", done ? "3" : "1", "de", String(1000 + i), at, at];
  };
  const bauen = [
    ["4", "3", "2", "Y"],
    ["4", "4", "3", "N"],
    ["5", "4", "4", "Y"],
    ["2", "3", "4", "N"],
    ["dk", "5", "4", "Y"],
  ].map((a, i) => [...meta(i + 1), "bauen", ...a]);
  bauen.push([...meta(6, false), "bauen", "1", "", "", ""]);
  write(
    "limesurvey-survey-bauen.csv",
    lime([[...head, "amt", "str01", "str02", "str03", "bau06"], ...bauen]),
  );
  const it = [
    ["3", "3", "3", "Y"],
    ["3", "4", "3", "Y"],
    ["3", "4", "3", "N"],
    ["2", "2", "2", "N"],
    ["4", "4", "4", "Y"],
  ].map((a, i) => [...meta(i + 1), "it", ...a]);
  write(
    "limesurvey-survey-it.csv",
    lime([[...head, "amt", "str01", "str02", "str03", "itd03"], ...it]),
  );
}
// 15. A survey with a participants table: the token names a person, across files too; one
//     participant was allowed to answer twice (the last submission counts).
{
  const rows = [
    ["id", "submitdate", "lastpage", "startlanguage", "seed", "token", "amt", "str01", "str02"],
  ];
  [
    ["tk8Hq2Lw", "4", "3"],
    ["Zp3mX9aR", "1", "1"],
    ["Qa7nB4cD", "4", "4"],
    ["Zp3mX9aR", "5", "4"],
    ["Rr5tY6uI", "2", "3"],
  ].forEach(
    ([t, a, b], i) =>
      void rows.push([
        String(i + 1),
        `2026-03-0${i + 1} 10:00:00`,
        "2",
        "de",
        String(2001 + i),
        t,
        "bildung",
        a,
        b,
      ]),
  );
  write("limesurvey-token-twice.csv", lime(rows));
}
// 16. LimeSurvey, full headings in another export language (French): the metadata columns are
//     found by position and values (id, submit date, last page, language), whatever they are
//     called; the question texts are mapped in fixtures/mappings/limesurvey-fr.yaml.
{
  const head = [
    "ID de la réponse",
    "Date de soumission",
    "Dernière page",
    "Langue de départ",
    "Graine",
    "La ville a adopté une stratégie numérique avec des objectifs concrets.",
    "La direction et le conseil municipal soutiennent visiblement la numérisation.",
  ];
  const AGREE_FR = {
    1: "pas du tout d'accord",
    2: "plutôt pas d'accord",
    3: "mitigé",
    4: "plutôt d'accord",
    5: "tout à fait d'accord",
    dk: "je ne sais pas",
  };
  const rows = S1.map((v, i) => [
    String(i + 1),
    `2026-03-0${i + 1} 10:00:00`,
    "2",
    "fr",
    "7",
    AGREE_FR[v],
    AGREE_FR[S2[i]],
  ]);
  rows.push(["6", "", "1", "fr", "8", AGREE_FR[1], ""]);
  write("limesurvey-fulltext-fr.csv", lime([head, ...rows]));
}
// 17. LimeSurvey's VV export (vvexport_<sid>.csv): tab-separated, no quotes, every line ending in
//     a tab; question texts in the first line, field codes in the second (expression codes,
//     `bua06_reminder`); raw values (Y, empty), `{question_not_shown}` for a question never
//     shown (also the submit date of an incomplete response).
{
  const codes = [
    "id",
    "submitdate",
    "lastpage",
    "startlanguage",
    "seed",
    "amt",
    "str01",
    "str02",
    "bua02",
    "bua06_reminder",
    "bua06_waiting",
  ];
  const texts = [
    "Antwort ID",
    "Datum Abgeschickt",
    "Letzte Seite",
    "Start-Sprache",
    "Seed",
    "Amt",
    T.str_01.de,
    T.str_02.de,
    T.bua_02.de,
    T.bua_06.de,
    T.bua_06.de,
  ];
  const NS = "{question_not_shown}";
  const rows = S1.map((v, i) => [
    String(i + 1),
    `2026-03-0${i + 1} 10:00:00`,
    "3",
    "de",
    "123",
    "buergeramt",
    v,
    S2[i],
    YN[i],
    i % 2 ? "Y" : "",
    "Y",
  ]);
  rows.push(["6", NS, "1", "de", "456", "buergeramt", "1", NS, NS, NS, NS]);
  write("limesurvey-vv.csv", [texts, codes, ...rows].map((r) => `${r.join("\t")}\t\n`).join(""));
}
// 18. Microsoft Forms: a multi-select question with "Other" — the typed text stands among the
//     chosen options in the cell, joined by ";" like them.
{
  const head = [
    "ID",
    "Start time",
    "Completion time",
    "Email",
    "Name",
    "Department",
    T.str_01.en,
    T.bua_06.en,
  ];
  const multi = [
    "appointment reminder by e-mail or text message;chatbot on the website;",
    "current waiting time visible online;",
    "chatbot on the website;",
    "appointment reminder by e-mail or text message;current waiting time visible online;",
    "",
  ];
  const agree = {
    2: "rather does not apply",
    4: "rather applies",
    5: "fully applies",
    dk: "don't know",
  };
  const rows = S1.map((v, i) => [
    String(i + 1),
    "3/1/26 9:00:00",
    "3/1/26 9:05:00",
    "anonymous",
    "",
    "buergeramt",
    agree[v],
    multi[i],
  ]);
  write("msforms-other-text.csv", csv([head, ...rows]));
}
// 19. Google Forms with two questions of the same title (a free-text "Anmerkungen" twice) and a
//     row that is rejected: rejects.csv keeps both columns.
{
  const head = ["Zeitstempel", "Abteilung", T.str_01.de, "Anmerkungen", "Anmerkungen"];
  const rows = S1.map((v, i) => [
    `01.03.2026 10:0${i}:00`,
    i === 4 ? "Amt 99" : "Bürgeramt",
    AGREE_DE[v],
    `erste ${i + 1}`,
    `zweite ${i + 1}`,
  ]);
  write("googleforms-repeated-headings.csv", csv([head, ...rows]));
}
// 20. Answers to items not asked of the respondent (a management item answered by staff, an item
//     whose `when` does not hold, another department's item) and an invalid cell.
{
  const rows = [
    ["respondent", "department", "group", "str_01", "str_04", "str_06", "bau_06"],
    ["A1", "buergeramt", "staff", "4", "5", "4", ""],
    ["A2", "buergeramt", "management", "2", "3", "5", ""],
    ["A3", "buergeramt", "staff", "4", "", "3", "ja"],
    ["A4", "bauen", "staff", "3", "", "", "nein"],
    ["A5", "bauen", "staff", "4", "", "4", "vielleicht"],
  ];
  write("answered-not-asked.csv", csv(rows));
}
console.error(`wrote ${dir}/`);

// 21. LimeSurvey's free text beside questions (createFieldMap, SurveyObj::getFullAnswer): a list
//     question with "Other" (bua01: the code -oth-, the text in bua01[other]), a list with comment
//     (str02[comment]) and a multiple choice with comments and "Other" (bua06[SQcomment],
//     bua06[other], bua06[othercomment]). Code headings and answer codes; the same exported with
//     "Convert Y to 1 / N to 2" (which also writes 2 into the empty free-text columns of the
//     multiple-choice question); and full-text headings with full answers in German ("[Sonstiges]",
//     "[Kommentar]", the code -oth- as "Sonstiges", unticked as "Nein") and English. One response
//     (code headings) names an unknown department: rejected, its free text kept in rejects.csv.
{
  const BUA01 = {
    de: "Wie weit ist die Wohnsitzanmeldung in der Stadt digitalisiert?",
    en: "How far has registration of residence been digitalised in the city?",
  };
  const LABEL = {
    form: {
      de: "Online-Formular zur Vorbereitung, Abschluss vor Ort",
      en: "online form for preparation, completed in person",
    },
    e2e: {
      de: "vollständig online, Daten fließen ohne Nacherfassung ins Melderegister",
      en: "fully online, data flows into the population register without re-entry",
    },
    online: {
      de: "vollständig online möglich, Daten werden im Bürgeramt nacherfasst",
      en: "fully possible online, data is re-entered in the citizens' office",
    },
    "-oth-": { de: "Sonstiges", en: "Other" },
    "": { de: "", en: "" },
  };
  const AGREE_EN = { 2: "rather does not apply", 4: "rather applies", 5: "fully applies" };
  AGREE_EN.dk = "don't know";
  // str01, str02, str02[comment], bua01, bua01[other], reminder, its comment, waiting, its
  // comment, other, other's comment
  const answers = [
    ["4", "3", "", "form", "", "Y", "per SMS und E-Mail", "", "", "", ""],
    [
      "4",
      "4",
      "Gemeinderat zögert",
      "-oth-",
      "nur Terminbuchung online",
      "",
      "",
      "Y",
      "",
      "Chatbot",
      "im Test",
    ],
    ["5", "4", "", "e2e", "", "Y", "", "Y", "", "", ""],
    ["2", "3", "", "-oth-", "geplant für 2027", "", "", "", "", "Videoberatung", ""],
    ["dk", "5", "", "online", "", "Y", "", "Y", "seit Jahren", "", ""],
  ];
  const meta = (i, done = true) => [
    String(i + 1),
    done ? `2026-03-0${i + 1} 10:00:00` : "",
    done ? "3" : "1",
    "de",
    String(3000 + i),
    "",
    "buergeramt",
  ];
  const head = [
    ...["id", "submitdate", "lastpage", "startlanguage", "seed", "token", "amt"],
    ...["str01", "str02", "str02[comment]", "bua01", "bua01[other]"],
    ...["bua06[reminder]", "bua06[remindercomment]", "bua06[waiting]", "bua06[waitingcomment]"],
    ...["bua06[other]", "bua06[othercomment]"],
  ];
  const rows = answers.map((a, i) => [...meta(i), ...a]);
  rows.push([...meta(5, false), "1", ...Array(10).fill("")]);
  // A department no questionnaire knows: rejected, its free text kept in rejects.csv.
  rows.push([
    ...meta(6).slice(0, 6),
    "Amt 99",
    "3",
    "3",
    "",
    "-oth-",
    "Bürgerbüro mobil",
    ...Array(6).fill(""),
  ]);
  write("limesurvey-other-comment.csv", lime([head, ...rows]));
  // Convert Y/N: every column of the multiple-choice question (Writer::transformResponseValue).
  const yn = (v) => (v === "Y" ? "1" : v === "" || v === "N" ? "2" : v);
  const converted = rows.map((r) => r.map((v, c) => (c >= 12 ? yn(v) : v)));
  write("limesurvey-other-comment-y1-n2.csv", lime([head, ...converted]));
  const fulltext = (lang, metaHead, words, yes, no, agree) => {
    const [other, comment] = words;
    const q6 = T.bua_06[lang];
    const [rem, wait] = [
      lang === "de"
        ? "Terminerinnerung per E-Mail oder SMS"
        : "appointment reminder by e-mail or text message",
      lang === "de" ? "aktuelle Wartezeit online einsehbar" : "current waiting time visible online",
    ];
    const h = [
      ...metaHead,
      T.str_01[lang],
      BUA01[lang],
      `${BUA01[lang]} [${other}]`,
      `${q6} [${rem}]`,
      `${q6} [${rem}] [${comment}]`,
      `${q6} [${wait}]`,
      `${q6} [${wait}] [${comment}]`,
      `${q6} [${other}]`,
    ];
    const tick = (v) => (v === "Y" ? yes : no);
    const body = answers.map((a, i) => [
      ...meta(i)
        .slice(0, 6)
        .filter((_, c) => c !== 5),
      lang === "de" ? "Bürgeramt" : "buergeramt",
      agree[a[0]],
      LABEL[a[3]][lang],
      a[4],
      tick(a[5]),
      a[6],
      tick(a[7]),
      a[8],
      a[9],
    ]);
    return lime([h, ...body.map((r) => r.map((v, c) => (c === 3 ? lang : v)))]);
  };
  write(
    "limesurvey-other-fulltext-de.csv",
    fulltext(
      "de",
      ["Antwort ID", "Datum Abgeschickt", "Letzte Seite", "Start-Sprache", "Seed", "Amt"],
      ["Sonstiges", "Kommentar"],
      "Ja",
      "Nein",
      AGREE_DE,
    ),
  );
  write(
    "limesurvey-other-fulltext-en.csv",
    fulltext(
      "en",
      ["Response ID", "Date submitted", "Last page", "Start language", "Seed", "Department"],
      ["Other", "Comment"],
      "Yes",
      "No",
      AGREE_EN,
    ),
  );
}

// 22. LimeSurvey's SPSS export: a data file without headings (SPSSExportData: ",", numbers bare,
//     texts and dates in single quotes, "\n") beside its .sps syntax file. Not an export to read:
//     refused with a message naming the CSV export.
{
  const rows = [
    "1,'01-03-2026 10:00:00',3,'de','3000','buergeramt',4,3,'form',1,'per SMS und E-Mail',0",
    "2,'02-03-2026 10:00:00',3,'de','3001','buergeramt',4,4,'-oth-',0,'',1",
  ];
  write("limesurvey-spss-data.dat", `${rows.join("\n")}\n`);
}
