// Google Forms: an Apps Script file that creates the form with FormApp (the only import path
// Google offers). The form is data (a JSON literal) and a short builder walks it, calling only
// methods of Google's documented Forms service (checked against developers.google.com/apps-script/
// reference/forms; see docs/survey.md). The export comes back through the Google Forms preset
// without a mapping file: question titles are the item texts, grid rows the row texts, answers
// the option labels; the department and group questions carry headings and labels the importer
// knows ("Amt", "Befragtengruppe"; department and group names).
//
// Skip rules: Google Forms can only jump to a section by the answer to a multiple-choice
// question. They are not translated into jumps; each conditional or group-restricted question
// says in its help text whom it is for, and `score` applies the rule itself (an answer to a
// question `reifegrad run` would not have asked is not scored).
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
import { askedOf, type SurveyNote, surveyNote } from "./selectors.js";

/** A question of the generated form, as the script's data holds it. */
export type GfQuestion =
  | {
      readonly kind: "choice" | "checkbox";
      readonly title: string;
      readonly help: string;
      readonly required: boolean;
      readonly choices: readonly string[];
    }
  | {
      readonly kind: "grid";
      readonly title: string;
      readonly help: string;
      readonly required: boolean;
      readonly rows: readonly string[];
      readonly columns: readonly string[];
    }
  | {
      readonly kind: "number" | "paragraph";
      readonly title: string;
      readonly help: string;
      readonly required: boolean;
    };

export interface GfSection {
  readonly title: string;
  readonly help: string;
  readonly questions: readonly GfQuestion[];
}

export interface GfForm {
  readonly title: string;
  readonly description: string;
  readonly confirmation: string;
  /** The first page: department and group. */
  readonly first: readonly GfQuestion[];
  /** One section (page) per dimension. */
  readonly sections: readonly GfSection[];
}

const WORDS = {
  de: {
    department: "Amt",
    departmentQ: "In welchem Amt arbeiten Sie?",
    group: "Befragtengruppe",
    groupHelp: "Führungskräfte leiten ein Amt, eine Abteilung oder ein Sachgebiet.",
    departmentHelp: "Bitte bestätigen Sie Ihr Amt.",
    fixedGroupHelp: "Bitte bestätigen Sie, dass Sie zu dieser Gruppe gehören.",
    at: (title: string) => `bei der Frage „${short(title)}“`,
    row: (t: string) => `, Zeile „${t}“`,
    multi: "Mehrfachnennung möglich.",
    exclusive: (labels: string) => `${labels} bitte nur allein ankreuzen.`,
    number: (unit: string) =>
      `Bitte eine Zahl${unit ? ` (${unit})` : ""}; leer lassen, wenn Sie es nicht wissen.`,
    thanks: "Vielen Dank für Ihre Teilnahme!",
  },
  en: {
    department: "Department",
    departmentQ: "Department",
    group: "Respondent group",
    groupHelp: "Management means you head a department, a division or a team.",
    departmentHelp: "Please confirm your department.",
    fixedGroupHelp: "Please confirm that you belong to this group.",
    at: (title: string) => `for the question “${short(title)}”`,
    row: (t: string) => `, row “${t}”`,
    multi: "Several answers possible.",
    exclusive: (labels: string) => `Please tick ${labels} only on its own.`,
    number: (unit: string) =>
      `Please enter a number${unit ? ` (${unit})` : ""}; leave it empty if you do not know.`,
    thanks: "Thank you for taking part!",
  },
} as const;
type Words = (typeof WORDS)[keyof typeof WORDS];

function short(s: string): string {
  return s.length <= 70 ? s : `${s.slice(0, 67).replace(/\s+\S*$/, "")} …`;
}

/** The form a plan becomes, in the plan's first language. */
export function googleForm(plan: SurveyPlan): GfForm {
  const lang = plan.languages[0] ?? "de";
  const w: Words = lang === "de" ? WORDS.de : WORDS.en;
  const t = (x: Text | undefined) => textIn(x, lang, plan.languages);
  const asked = askedOf(plan);
  const askedIds = new Set(asked.map((p) => p.item.id));
  const titles = new Map(asked.map((p) => [p.item.id, t(p.item.text)]));
  const refer = referents(
    plan,
    lang,
    (id, row) => `${w.at(titles.get(id) ?? id)}${row ? w.row(t(row)) : ""}`,
  );

  const first: GfQuestion[] = [];
  if (plan.department) {
    first.push({
      kind: "choice",
      title: w.department,
      help: w.departmentHelp,
      required: true,
      choices: [t(plan.department.name)],
    });
  } else if (plan.departments.length > 0) {
    first.push({
      kind: "choice",
      title: w.departmentQ,
      help: "",
      required: true,
      choices: plan.departments.map((d) => t(d.name)),
    });
  }
  if (plan.fixedGroup) {
    first.push({
      kind: "choice",
      title: w.group,
      help: w.fixedGroupHelp,
      required: true,
      choices: [t(plan.fixedGroup.name)],
    });
  } else if (plan.groups.length > 0) {
    first.push({
      kind: "choice",
      title: w.group,
      help: w.groupHelp,
      required: true,
      choices: plan.groups.map((g) => t(g.name)),
    });
  }

  const sections: GfSection[] = plan.sections
    .map((s) => ({
      title: t(s.dimension.name),
      help: t(s.dimension.description),
      questions: s.items
        .filter((p) => askedIds.has(p.item.id))
        .map((p) => question(plan, p, lang, w, t, refer)),
    }))
    .filter((s) => s.questions.length > 0);

  const description = [
    ...(plan.description ? [t(plan.description)] : []),
    ...noticeLines(plan.notice, lang, plan.languages).map((l) => `${l.heading}: ${l.text}`),
  ].join("\n\n");
  return { title: t(plan.title), description, confirmation: w.thanks, first, sections };
}

function question(
  plan: SurveyPlan,
  p: PlannedItem,
  lang: string,
  w: Words,
  t: (x: Text | undefined) => string,
  refer: Parameters<typeof conditionInstruction>[2],
): GfQuestion {
  const item = p.item;
  const conditional =
    item.when !== undefined || item.groups !== undefined || p.departments !== undefined;
  const notes = [
    t(item.help),
    departmentInstruction(plan, p.departments, lang),
    groupInstruction(plan, item.groups, lang),
    item.when ? conditionInstruction(item.when, lang, refer) : undefined,
  ];
  const base = {
    title: t(item.text),
    required: item.required && !conditional,
  };
  const help = (more: (string | undefined)[] = []) =>
    [...notes, ...more].filter((x): x is string => x !== undefined && x !== "").join(" ");
  const labels = optionsOf(p).map((o) => t(o.label));
  switch (item.type) {
    case "grid":
      return {
        ...base,
        kind: "grid",
        help: help(),
        rows: item.rows.map((r) => t(r.text)),
        columns: labels,
      };
    case "multi": {
      const exclusive = item.choices.filter((c) => c.exclusive).map((c) => `„${t(c.label)}“`);
      return {
        ...base,
        kind: "checkbox",
        help: help([w.multi, exclusive.length > 0 ? w.exclusive(exclusive.join(", ")) : undefined]),
        choices: labels,
      };
    }
    case "number":
      return { ...base, kind: "number", help: help([w.number(t(item.unit))]) };
    case "text":
      return { ...base, kind: "paragraph", help: help() };
    default:
      return { ...base, kind: "choice", help: help(), choices: labels };
  }
}

export interface GoogleFormsResult {
  readonly script: string;
  readonly form: GfForm;
  readonly notes: readonly SurveyNote[];
}

/** The Apps Script file (.gs): the form as data and the builder that creates it. */
export function googleFormsScript(plan: SurveyPlan): GoogleFormsResult {
  const form = googleForm(plan);
  const notes: SurveyNote[] = [];
  const conditional = askedOf(plan).filter(
    (p) => p.item.when !== undefined || p.item.groups !== undefined || p.departments,
  );
  if (conditional.length > 0) {
    notes.push(surveyNote("no-skip-logic", { items: conditional.map((p) => p.item.id) }));
  }
  const titles = new Set<string>();
  for (const q of [...form.first, ...form.sections.flatMap((s) => s.questions)]) {
    if (titles.has(q.title)) notes.push(surveyNote("duplicate-title", { title: q.title }));
    titles.add(q.title);
  }
  const script = [
    `// ${form.title}`,
    "// Generated by reifegrad (reifegrad survey googleforms). Creates the Google Form:",
    "// script.google.com → New project → paste this file → Run createForm → allow access.",
    "// The log shows the form's edit link. Do not change question titles or answer texts:",
    "// the responses' CSV is read back by them (reifegrad score, no mapping file).",
    "",
    `var FORM = ${JSON.stringify(form, null, 2)};`,
    "",
    BUILDER,
  ].join("\n");
  return { script, form, notes };
}

/**
 * The builder, in Apps Script (plain ES5 JavaScript). Only documented FormApp methods:
 * FormApp.create, Form.setDescription / setConfirmationMessage / addPageBreakItem /
 * addMultipleChoiceItem / addCheckboxItem / addGridItem / addTextItem / addParagraphTextItem /
 * getEditUrl, item setTitle / setHelpText / setRequired / setChoiceValues / setRows / setColumns /
 * setValidation, FormApp.createTextValidation().requireNumber().build(), Logger.log.
 */
const BUILDER = `function createForm() {
  var form = FORM;
  var f = FormApp.create(form.title);
  f.setDescription(form.description);
  f.setConfirmationMessage(form.confirmation);
  form.first.forEach(function (q) { addQuestion(f, q); });
  form.sections.forEach(function (s) {
    f.addPageBreakItem().setTitle(s.title).setHelpText(s.help);
    s.questions.forEach(function (q) { addQuestion(f, q); });
  });
  Logger.log('Form created: ' + f.getEditUrl());
  return f;
}

function addQuestion(f, q) {
  var item;
  if (q.kind === 'choice') {
    item = f.addMultipleChoiceItem().setChoiceValues(q.choices);
  } else if (q.kind === 'checkbox') {
    item = f.addCheckboxItem().setChoiceValues(q.choices);
  } else if (q.kind === 'grid') {
    item = f.addGridItem().setRows(q.rows).setColumns(q.columns);
  } else if (q.kind === 'number') {
    item = f.addTextItem().setValidation(FormApp.createTextValidation().requireNumber().build());
  } else {
    item = f.addParagraphTextItem();
  }
  item.setTitle(q.title).setHelpText(q.help).setRequired(q.required);
  return item;
}
`;
