// The paper form: a self-contained A4 HTML page (print stylesheet, no scripts, no requests) with
// the survey's questions, a box to tick for every answer and, by each box, the small code a typist
// enters; skip rules and group restrictions printed as instructions. And the data-entry CSV
// template: reifegrad's own headings (respondent, department, group, item ids; grid rows as
// item[row]), so what is typed from the paper goes straight to `score`.
import { DEFAULT_MISSING } from "../questionnaire/missing.js";
import type { Text } from "../questionnaire/model.js";
import { textIn } from "../questionnaire/text.js";
import {
  conditionInstruction,
  departmentInstruction,
  groupInstruction,
  referents,
} from "./instructions.js";
import { noticeLines } from "./notice.js";
import { optionsOf, type PlannedItem, type SurveyPlan } from "./plan.js";
import { askedOf, SELECTOR } from "./selectors.js";

const WORDS = {
  de: {
    question: (n: number) => `Frage ${n}`,
    atQuestion: (n: number) => `bei Frage ${n}`,
    row: (t: string) => `, Zeile „${t}“`,
    sheet: "Bogen-Nr.",
    sheetHelp: "wird bei der Erfassung vergeben",
    notice: "Hinweise zur Befragung und zum Datenschutz",
    how: "So füllen Sie den Bogen aus: Kreuzen Sie je Frage ein Kästchen an (bei „Mehrfachnennung möglich“ alle zutreffenden). Wenn Sie etwas nicht beurteilen können, kreuzen Sie „weiß nicht“ an; Sie können Fragen auch auslassen. Die kleinen grauen Codes neben den Kästchen sind für die Erfassung.",
    about: "Angaben zur Person",
    department: "Amt",
    departmentQ: "In welchem Amt arbeiten Sie?",
    group: "Befragtengruppe",
    groupHelp: "Führungskräfte leiten ein Amt, eine Abteilung oder ein Sachgebiet.",
    multi: "Mehrfachnennung möglich",
    exclusive: (labels: string) => `${labels} nur allein ankreuzen`,
    number: "Zahl",
    text: "Ihre Antwort",
    thanks: "Vielen Dank für Ihre Teilnahme!",
    entry: "Für die Erfassung",
    entryText: (file: string, dept: string) =>
      `Je Bogen eine Zeile in ${file}: respondent = Bogen-Nr.; department = ${dept}; group und je Frage der Code neben dem angekreuzten Kästchen (Spalte = der Code unter der Frage, z. B. str_01); mehrere Kreuze: Codes mit ; trennen; Zahlen und Text wie geschrieben; nichts angekreuzt: leer lassen.`,
    entryDept: "der Code neben dem Amt",
    page: "Seite",
  },
  en: {
    question: (n: number) => `Question ${n}`,
    atQuestion: (n: number) => `for question ${n}`,
    row: (t: string) => `, row “${t}”`,
    sheet: "Form no.",
    sheetHelp: "assigned when the form is entered",
    notice: "About this survey and data protection",
    how: "How to fill in the form: tick one box per question (all that apply where it says “several answers possible”). If you cannot judge something, tick “don't know”; you may also leave questions out. The small grey codes by the boxes are for data entry.",
    about: "About you",
    department: "Department",
    departmentQ: "Which department do you work in?",
    group: "Respondent group",
    groupHelp: "Management means you head a department, a division or a team.",
    multi: "Several answers possible",
    exclusive: (labels: string) => `tick ${labels} only on its own`,
    number: "Number",
    text: "Your answer",
    thanks: "Thank you for taking part!",
    entry: "For data entry",
    entryText: (file: string, dept: string) =>
      `One line per form in ${file}: respondent = form no.; department = ${dept}; group and, per question, the code by the ticked box (column = the code under the question, e.g. str_01); several ticks: codes joined by ;; numbers and text as written; nothing ticked: leave empty.`,
    entryDept: "the code by the department",
    page: "Page",
  },
} as const;
type Words = (typeof WORDS)[keyof typeof WORDS];

export interface PaperForm {
  readonly html: string;
  /** The data-entry template: the header row only. */
  readonly csv: string;
  readonly columns: readonly string[];
}

/** The file names of a plan's paper form. */
export function paperNames(plan: SurveyPlan): { html: string; csv: string; pdf: string } {
  const stem = `paper-${plan.id}`;
  return { html: `${stem}.html`, csv: `${stem}.csv`, pdf: `${stem}.pdf` };
}

/** The columns of the data-entry template, in the order the form asks. */
export function entryColumns(plan: SurveyPlan): string[] {
  return [
    "respondent",
    SELECTOR.department,
    SELECTOR.group,
    ...askedOf(plan).flatMap((p) =>
      p.item.type === "grid" ? p.item.rows.map((r) => `${p.item.id}[${r.id}]`) : [p.item.id],
    ),
  ];
}

/** The paper form in the plan's first language, and its data-entry template. */
export function paperForm(plan: SurveyPlan): PaperForm {
  const lang = plan.languages[0] ?? "de";
  const w: Words = lang === "de" ? WORDS.de : WORDS.en;
  const t = (x: Text | undefined) => textIn(x, lang, plan.languages);
  const asked = askedOf(plan);
  const numbers = new Map(asked.map((p, i) => [p.item.id, i + 1]));
  const refer = referents(plan, lang, (id, row) => {
    const n = numbers.get(id);
    return `${n === undefined ? id : w.atQuestion(n)}${row ? w.row(t(row)) : ""}`;
  });
  const askedIds = new Set(asked.map((p) => p.item.id));
  const columns = entryColumns(plan);
  const names = paperNames(plan);

  const body: string[] = [];
  body.push(
    `<header class="form-head"><h1>${esc(t(plan.title))}</h1>`,
    plan.department
      ? `<p class="unit">${esc(w.department)}: <strong>${esc(t(plan.department.name))}</strong> ${code(plan.department.id)}</p>`
      : plan.fixedGroup
        ? `<p class="unit">${esc(w.group)}: <strong>${esc(t(plan.fixedGroup.name))}</strong> ${code(plan.fixedGroup.id)}</p>`
        : "",
    `<p class="sheet">${esc(w.sheet)} <span class="field" data-column="respondent"></span> <span class="code">respondent · ${esc(w.sheetHelp)}</span></p>`,
    "</header>",
  );
  body.push('<section class="intro">');
  if (plan.description) body.push(`<p>${esc(t(plan.description))}</p>`);
  body.push(`<h2>${esc(w.notice)}</h2>`, "<dl>");
  for (const l of noticeLines(plan.notice, lang, plan.languages))
    body.push(`<dt>${esc(l.heading)}</dt><dd>${esc(l.text)}</dd>`);
  body.push("</dl>", `<p class="how">${esc(w.how)}</p>`, "</section>");

  const about: string[] = [];
  if (plan.departments.length > 0) {
    about.push(
      question(
        w.departmentQ,
        SELECTOR.department,
        [],
        boxes(
          SELECTOR.department,
          plan.departments.map((d) => ({ code: d.id, label: t(d.name) })),
        ),
      ),
    );
  }
  if (plan.groups.length > 0) {
    about.push(
      question(
        w.group,
        SELECTOR.group,
        [`<p class="help">${esc(w.groupHelp)}</p>`],
        boxes(
          SELECTOR.group,
          plan.groups.map((g) => ({ code: g.id, label: t(g.name) })),
        ),
      ),
    );
  }
  if (about.length > 0)
    body.push(`<section class="about"><h2>${esc(w.about)}</h2>`, ...about, "</section>");

  for (const section of plan.sections) {
    const items = section.items.filter((p) => askedIds.has(p.item.id));
    if (items.length === 0) continue;
    body.push(
      '<section class="dimension">',
      `<h2>${esc(t(section.dimension.name))}</h2>`,
      section.dimension.description
        ? `<p class="dim-desc">${esc(t(section.dimension.description))}</p>`
        : "",
    );
    for (const p of items) {
      const notes: string[] = [];
      if (p.item.help) notes.push(`<p class="help">${esc(t(p.item.help))}</p>`);
      const only = [
        departmentInstruction(plan, p.departments, lang),
        groupInstruction(plan, p.item.groups, lang),
      ].filter((x): x is string => x !== undefined);
      for (const o of only) notes.push(`<p class="only">${esc(o)}</p>`);
      if (p.item.when)
        notes.push(`<p class="rule">${esc(conditionInstruction(p.item.when, lang, refer))}</p>`);
      const n = numbers.get(p.item.id)!;
      body.push(
        question(
          t(p.item.text),
          p.item.id,
          notes,
          answerBlock(p, w, t),
          `${w.question(n)}`,
          p.item.groups !== undefined,
        ),
      );
    }
    body.push("</section>");
  }
  body.push(
    `<p class="thanks">${esc(w.thanks)}</p>`,
    `<aside class="entry"><h2>${esc(w.entry)}</h2><p>${esc(
      w.entryText(names.csv, plan.department ? plan.department.id : w.entryDept),
    )}</p></aside>`,
  );

  const html = [
    "<!doctype html>",
    `<html lang="${esc(lang)}">`,
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(t(plan.title))}${plan.department ? ` – ${esc(t(plan.department.name))}` : ""}</title>`,
    `<style>${CSS}</style>`,
    "</head>",
    "<body>",
    ...body.filter((x) => x !== ""),
    "</body>",
    "</html>",
    "",
  ].join("\n");
  return { html, csv: `${columns.join(",")}\n`, columns };
}

function answerBlock(p: PlannedItem, w: Words, t: (x: Text | undefined) => string): string {
  const item = p.item;
  const options = optionsOf(p).map((o) => ({ code: o.code, label: t(o.label) }));
  switch (item.type) {
    case "grid": {
      const head = options
        .map((o) => `<th scope="col">${esc(o.label)}<br>${code(o.code)}</th>`)
        .join("");
      const rows = item.rows
        .map((r) => {
          const col = `${item.id}[${r.id}]`;
          const cells = options
            .map(
              (o) =>
                `<td><span class="box" data-column="${esc(col)}" data-code="${esc(o.code)}" role="img" aria-label="${esc(o.label)}"></span></td>`,
            )
            .join("");
          return `<tr><th scope="row">${esc(t(r.text))}<br>${code(col)}</th>${cells}</tr>`;
        })
        .join("");
      return `<table class="grid"><thead><tr><td></td>${head}</tr></thead><tbody>${rows}</tbody></table>`;
    }
    case "multi": {
      const exclusive = item.choices.filter((c) => c.exclusive).map((c) => `„${t(c.label)}“`);
      const hint = [w.multi, ...(exclusive.length > 0 ? [w.exclusive(exclusive.join(", "))] : [])];
      return `<p class="multi">${esc(hint.join("; "))}</p>${boxes(item.id, options, true)}`;
    }
    case "number":
      return `<div class="number"><span class="label">${esc(w.number)}:</span> <span class="field" data-column="${esc(item.id)}"></span>${item.unit ? ` <span class="unit">${esc(t(item.unit))}</span>` : ""}</div>${boxes(
        item.id,
        [
          { code: "dk", label: t((p.missing ?? DEFAULT_MISSING).dk) },
          { code: "na", label: t((p.missing ?? DEFAULT_MISSING).na) },
        ],
      )}`;
    case "text":
      return `<div class="lines" data-column="${esc(item.id)}" aria-label="${esc(w.text)}"><span></span><span></span><span></span></div>`;
    default:
      return boxes(
        item.id,
        options,
        false,
        options.length > 7 || options.some((o) => o.label.length > 34),
      );
  }
}

function question(
  text: string,
  column: string,
  notes: readonly string[],
  answers: string,
  number?: string,
  restricted = false,
): string {
  return [
    `<div class="q${restricted ? " restricted" : ""}" data-column="${esc(column)}">`,
    `<p class="qtext">${number ? `<span class="qno">${esc(number)}</span> ` : ""}${esc(text)} ${code(column)}</p>`,
    ...notes,
    answers,
    "</div>",
  ].join("");
}

function boxes(
  column: string,
  options: readonly { code: string; label: string }[],
  multi = false,
  vertical = false,
): string {
  const li = options
    .map(
      (o) =>
        `<li><span class="box${multi ? " square" : ""}" data-column="${esc(column)}" data-code="${esc(o.code)}"></span> ${vertical ? `<span class="label">${esc(o.label)}</span> ${code(o.code)}` : `${code(o.code)} <span class="label">${esc(o.label)}</span>`}</li>`,
    )
    .join("");
  return `<ul class="options${vertical ? " vertical" : ""}">${li}</ul>`;
}

function code(c: string): string {
  return `<span class="code">${esc(c)}</span>`;
}

function esc(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** Print first: A4, black on white, a question never split across pages. */
const CSS = `
@page { size: A4; margin: 14mm 15mm 16mm 15mm; }
* { box-sizing: border-box; }
html { font-family: "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif; font-size: 10pt; line-height: 1.35; color: #000; background: #fff; }
body { margin: 0 auto; max-width: 180mm; padding: 0; overflow-wrap: break-word; }
@media screen { body { padding: 10mm 0; } }
h1 { font-size: 15pt; margin: 0 0 2mm; }
h2 { font-size: 12pt; margin: 5mm 0 2mm; padding-bottom: 1mm; border-bottom: 0.4mm solid #000; break-after: avoid; page-break-after: avoid; }
.form-head { border-bottom: 0.6mm solid #000; padding-bottom: 2mm; margin-bottom: 3mm; }
.form-head p { margin: 1mm 0; }
.field { display: inline-block; min-width: 35mm; height: 6mm; border: 0.3mm solid #000; vertical-align: middle; }
.code { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 7pt; color: #555; white-space: nowrap; }
.intro dl { margin: 0; display: grid; grid-template-columns: 38mm minmax(0, 1fr); gap: 1mm 3mm; font-size: 9pt; }
.intro dt { font-weight: bold; }
.intro dd { margin: 0; }
.how { font-size: 9pt; font-style: italic; }
.q { break-inside: avoid; page-break-inside: avoid; margin: 0 0 3.5mm; padding: 1.5mm 0 0; }
.q + .q { border-top: 0.2mm solid #bbb; }
.qtext { margin: 0 0 1mm; font-weight: bold; }
.qno { display: inline-block; min-width: 17mm; }
.help, .multi { margin: 0 0 1mm; font-size: 8.5pt; color: #333; }
.rule, .only { margin: 0 0 1mm; font-size: 9pt; font-weight: bold; }
.rule::before, .only::before { content: "→ "; }
.options { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(24mm, 1fr)); gap: 1mm 2mm; }
.options li { min-width: 0; font-size: 9pt; break-inside: avoid; }
.options .label { display: block; }
.options.vertical { display: block; }
.options.vertical li { display: flex; align-items: flex-start; gap: 1.5mm; margin-bottom: 0.8mm; }
.options.vertical .label { display: inline; }
.box { flex: none; display: inline-block; width: 3.6mm; height: 3.6mm; border: 0.35mm solid #000; border-radius: 50%; vertical-align: -0.6mm; }
.box.square { border-radius: 0; }
table.grid { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: 8pt; }
table.grid th, table.grid td { border: 0.2mm solid #999; padding: 0.8mm; text-align: center; vertical-align: middle; overflow-wrap: anywhere; }
table.grid th[scope="row"] { text-align: left; width: 38%; font-weight: normal; }
table.grid thead th { font-weight: normal; }
table.grid tr { break-inside: avoid; page-break-inside: avoid; }
table.grid .box { margin: 0; }
.number { display: flex; align-items: center; gap: 2mm; margin-bottom: 1mm; }
.lines span { display: block; height: 7mm; border-bottom: 0.3mm solid #000; }
.thanks { font-weight: bold; margin-top: 6mm; }
.entry { margin-top: 4mm; padding: 2mm; border: 0.3mm dashed #777; font-size: 8pt; color: #333; break-inside: avoid; }
.entry h2 { font-size: 9pt; border: none; margin: 0 0 1mm; }
.entry p { margin: 0; }
`.trim();
