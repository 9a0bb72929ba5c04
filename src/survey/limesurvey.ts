// The survey structure LimeSurvey imports as a tab-separated text file ("Import survey", .txt).
// Format as LimeSurvey reads it: TSVImportSurvey() in application/helpers/admin/import_helper.php
// (checked against LimeSurvey 6.13, see docs/survey.md): a header row of column names, then rows
// by class — S (survey setting), SL (language setting), G (question group), Q (question), SQ
// (sub-question), A (answer option). A row belongs to the G or Q above it; one block per language,
// groups matched across languages by `type/scale` (their order), questions by group and code.
// Attributes are further columns named after the attribute (only on the first language's rows,
// as LimeSurvey's own export writes them).
import type { Item, Text } from "../questionnaire/model.js";
import { textIn } from "../questionnaire/text.js";
import { allOf, EXPRESSION_SCRIPT, type Operand, translate } from "./expression.js";
import {
  limesurveyAnswerCodes,
  limesurveyCode,
  QUESTION_CODE,
  RESERVED,
} from "./limesurvey-codes.js";
import { noticeLines } from "./notice.js";
import { optionsOf, type PlannedItem, type SurveyPlan } from "./plan.js";
import { askedOf, restriction, SELECTOR, type SurveyNote, surveyNote } from "./selectors.js";

/** Columns in the order LimeSurvey's own TSV export writes them, then the attributes used. */
export const LIMESURVEY_COLUMNS = [
  "id",
  "related_id",
  "class",
  "type/scale",
  "name",
  "relevance",
  "text",
  "help",
  "language",
  "validation",
  "mandatory",
  "other",
  "default",
  "same_default",
  "exclude_all_others",
  "hidden",
  "suffix",
] as const;
type Column = (typeof LIMESURVEY_COLUMNS)[number];
type Row = Partial<Record<Column, string>>;

/** LimeSurvey question types used (Question::QT_*). */
export const LS_TYPE = {
  list: "L",
  array: "F",
  multi: "M",
  number: "N",
  longText: "T",
  shortText: "S",
} as const;

const WORDS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  de: {
    about: "Angaben zur Person",
    aboutText:
      "Diese Angaben ordnen Ihre Antworten zu; sie werden nur zusammengefasst ausgewertet.",
    group: "Befragtengruppe",
    groupHelp: "Führungskräfte leiten ein Amt, eine Abteilung oder ein Sachgebiet.",
    department: "In welchem Amt arbeiten Sie?",
    departmentFixed: "Amt",
    end: "Vielen Dank für Ihre Teilnahme!",
  },
  en: {
    about: "About you",
    aboutText: "These details place your answers; they are only analysed in aggregate.",
    group: "Respondent group",
    groupHelp: "Management means you head a department, a division or a team.",
    department: "Department",
    departmentFixed: "Department",
    end: "Thank you for taking part!",
  },
};

export interface LimeSurveyResult {
  readonly text: string;
  readonly notes: readonly SurveyNote[];
}

/** The .txt file LimeSurvey imports, and notes on shortened codes. */
export function limesurveyStructure(plan: SurveyPlan): LimeSurveyResult {
  const notes: SurveyNote[] = [];
  const asked = askedOf(plan);
  const answerCodes = new Map<string, ReadonlyMap<string, string>>();
  const codesOf = (key: string, codes: readonly string[], what: string) => {
    const m = limesurveyAnswerCodes(codes);
    answerCodes.set(key, m);
    const changed = [...m].filter(([a, b]) => a !== b);
    if (changed.length > 0) {
      notes.push(
        surveyNote("shortened-answer-codes", {
          what,
          codes: changed.map(([a, b]) => `${b} = ${a}`),
        }),
      );
    }
    return m;
  };
  if (plan.groups.length > 0)
    codesOf(
      SELECTOR.group,
      plan.groups.map((g) => g.id),
      "group",
    );
  if (plan.departments.length > 0)
    codesOf(
      SELECTOR.department,
      plan.departments.map((d) => d.id),
      "department",
    );
  for (const p of asked) {
    const options = optionsOf(p);
    if (p.item.type !== "multi" && options.length > 0)
      codesOf(
        p.item.id,
        options.map((o) => o.code),
        p.item.id,
      );
    for (const code of questionCodes(p)) {
      if (!QUESTION_CODE.test(code.code) || RESERVED.has(code.code)) {
        notes.push(
          surveyNote("invalid-question-code.limesurvey", {
            item: p.item.id,
            code: code.code,
            sub: code.what === "sub-question",
          }),
        );
      }
    }
  }

  const itemsById = new Map(asked.map((p) => [p.item.id, p]));
  const resolve = (ref: string): Operand | undefined => {
    if (ref === SELECTOR.group || ref === SELECTOR.department) {
      const codes = answerCodes.get(ref);
      if (!codes) return undefined;
      return { kind: "code", value: `${ref}.NAOK`, code: (c) => codes.get(c) ?? c };
    }
    const m = /^([^[]+)\[(.+)\]$/.exec(ref);
    const p = itemsById.get(m ? m[1]! : ref);
    if (!p) return undefined;
    const q = limesurveyCode(p.item.id);
    const codes = answerCodes.get(p.item.id);
    const code = (c: string) => codes?.get(c) ?? c;
    switch (p.item.type) {
      case "grid":
        return m ? { kind: "code", value: `${q}_${limesurveyCode(m[2]!)}.NAOK`, code } : undefined;
      case "multi": {
        const choice = (c: string) => `${q}_${limesurveyCode(c)}.NAOK`;
        return {
          kind: "multi",
          value: `${q}.NAOK`,
          code,
          choice,
          choices: p.item.choices.map((c) => choice(c.code)),
        };
      }
      case "number":
        return { kind: "number", value: `${q}.NAOK`, code };
      case "text":
        return { kind: "text", value: `${q}.NAOK`, code };
      default:
        return { kind: "code", value: `${q}.NAOK`, code };
    }
  };
  const relevance = (p: PlannedItem): string => {
    const cond = allOf(restriction(plan, p), p.item.when);
    return cond ? translate(cond, EXPRESSION_SCRIPT, resolve) : "1";
  };

  const rows: Row[] = [
    ...surveyRows(plan),
    ...plan.languages.flatMap((lang) => languageRows(plan, lang)),
  ];
  plan.languages.forEach((lang, li) => {
    const first = li === 0;
    const t = (text: Text | undefined) => html(textIn(text, lang, plan.languages));
    const W = WORDS[lang] ?? WORDS.en!;
    let order = 0;
    const about: Row[] = [];
    if (plan.department) {
      about.push({
        class: "Q",
        "type/scale": LS_TYPE.shortText,
        name: SELECTOR.department,
        relevance: "1",
        text: html(W.departmentFixed!),
        language: lang,
        mandatory: "N",
        other: "N",
        default: plan.department.id,
        same_default: "1",
        ...(first ? { hidden: "1" } : {}),
      });
    } else if (plan.departments.length > 0) {
      const codes = answerCodes.get(SELECTOR.department)!;
      about.push(
        listQuestion(SELECTOR.department, html(W.department!), "", lang),
        ...plan.departments.map((d) => answer(codes.get(d.id)!, t(d.name), lang)),
      );
    }
    if (plan.fixedGroup) {
      about.push({
        class: "Q",
        "type/scale": LS_TYPE.shortText,
        name: SELECTOR.group,
        relevance: "1",
        text: html(W.group!),
        language: lang,
        mandatory: "N",
        other: "N",
        default: plan.fixedGroup.id,
        same_default: "1",
        ...(first ? { hidden: "1" } : {}),
      });
    } else if (plan.groups.length > 0) {
      const codes = answerCodes.get(SELECTOR.group)!;
      about.push(
        listQuestion(SELECTOR.group, html(W.group!), html(W.groupHelp!), lang),
        ...plan.groups.map((g) => answer(codes.get(g.id)!, t(g.name), lang)),
      );
    }
    if (about.length > 0) {
      order += 1;
      rows.push(
        {
          class: "G",
          "type/scale": String(order),
          name: W.about!,
          text: html(W.aboutText!),
          language: lang,
          relevance: "1",
        },
        ...about,
      );
    }
    for (const section of plan.sections) {
      const items = section.items.filter((p) => itemsById.has(p.item.id));
      if (items.length === 0) continue;
      order += 1;
      rows.push({
        class: "G",
        "type/scale": String(order),
        name: textIn(section.dimension.name, lang, plan.languages),
        text: t(section.dimension.description),
        language: lang,
        relevance: "1",
      });
      for (const p of items) {
        rows.push(...questionRows(p, lang, plan.languages, first, relevance(p), answerCodes));
      }
    }
  });
  return { text: tsv(rows), notes };
}

function surveyRows(plan: SurveyPlan): Row[] {
  const [base, ...more] = plan.languages;
  const settings: [string, string][] = [
    ["language", base ?? "de"],
    ["additional_languages", more.join(" ")],
    ["format", "G"],
    ["anonymized", "Y"],
    ["allowprev", "Y"],
    ["showprogress", "Y"],
    ["showwelcome", "Y"],
  ];
  return settings.map(([name, text]) => ({ class: "S", name, text }));
}

function languageRows(plan: SurveyPlan, lang: string): Row[] {
  const W = WORDS[lang] ?? WORDS.en!;
  const t = (text: Text | undefined) => textIn(text, lang, plan.languages);
  const title = t(plan.title);
  const welcome = [
    ...(plan.description ? [`<p>${html(t(plan.description))}</p>`] : []),
    ...noticeLines(plan.notice, lang, plan.languages).map(
      (l) => `<p><strong>${html(l.heading)}:</strong> ${html(l.text)}</p>`,
    ),
  ].join("");
  const settings: [string, string][] = [
    ["surveyls_title", title],
    ["surveyls_description", ""],
    ["surveyls_welcometext", welcome],
    ["surveyls_endtext", `<p>${html(W.end!)}</p>`],
  ];
  return settings.map(([name, text]) => ({ class: "SL", name, text, language: lang }));
}

function listQuestion(name: string, text: string, help: string, lang: string): Row {
  return {
    class: "Q",
    "type/scale": LS_TYPE.list,
    name,
    relevance: "1",
    text,
    help,
    language: lang,
    mandatory: "Y",
    other: "N",
  };
}

function answer(code: string, text: string, lang: string): Row {
  return { class: "A", "type/scale": "0", name: code, text, language: lang };
}

function questionRows(
  p: PlannedItem,
  lang: string,
  languages: readonly string[],
  first: boolean,
  relevance: string,
  answerCodes: ReadonlyMap<string, ReadonlyMap<string, string>>,
): Row[] {
  const item = p.item;
  const t = (text: Text | undefined) => html(textIn(text, lang, languages));
  const q: Row = {
    class: "Q",
    "type/scale": typeOf(item),
    name: limesurveyCode(item.id),
    relevance,
    text: t(item.text),
    help: t(item.help),
    language: lang,
    mandatory: item.required ? "Y" : "N",
    other: "N",
  };
  const codes = answerCodes.get(item.id);
  const answers = () =>
    optionsOf(p).map((o) => answer(codes?.get(o.code) ?? o.code, t(o.label), lang));
  switch (item.type) {
    case "grid":
      return [
        q,
        ...item.rows.map(
          (r): Row => ({
            class: "SQ",
            "type/scale": "0",
            name: limesurveyCode(r.id),
            text: t(r.text),
            language: lang,
            relevance: "1",
          }),
        ),
        ...answers(),
      ];
    case "multi": {
      const exclusive = item.choices.filter((c) => c.exclusive).map((c) => limesurveyCode(c.code));
      return [
        {
          ...q,
          ...(first && exclusive.length > 0 ? { exclude_all_others: exclusive.join(";") } : {}),
        },
        ...item.choices.map(
          (c): Row => ({
            class: "SQ",
            "type/scale": "0",
            name: limesurveyCode(c.code),
            text: t(c.label),
            language: lang,
            relevance: "1",
          }),
        ),
      ];
    }
    case "number":
      return [{ ...q, ...(item.unit ? { suffix: t(item.unit) } : {}) }];
    case "text":
      return [q];
    default:
      return [q, ...answers()];
  }
}

function typeOf(item: Item): string {
  switch (item.type) {
    case "grid":
      return LS_TYPE.array;
    case "multi":
      return LS_TYPE.multi;
    case "number":
      return LS_TYPE.number;
    case "text":
      return LS_TYPE.longText;
    default:
      return LS_TYPE.list;
  }
}

/** Question and sub-question codes of an item, for checking them. */
function questionCodes(p: PlannedItem): { code: string; what: string }[] {
  const item = p.item;
  const own = [{ code: limesurveyCode(item.id), what: "question" }];
  if (item.type === "grid")
    return [
      ...own,
      ...item.rows.map((r) => ({ code: `s${limesurveyCode(r.id)}`, what: "sub-question" })),
    ];
  if (item.type === "multi")
    return [
      ...own,
      ...item.choices.map((c) => ({ code: `s${limesurveyCode(c.code)}`, what: "sub-question" })),
    ];
  return own;
}

/** Text for LimeSurvey's HTML fields: <, > and & escaped, no line breaks. */
function html(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\s*\n\s*/g, " ");
}

function tsv(rows: readonly Row[]): string {
  const cell = (v: string | undefined) => {
    const s = (v ?? "").replace(/[\t\r\n]+/g, " ");
    return /["]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [
    LIMESURVEY_COLUMNS.join("\t"),
    ...rows.map((r) => LIMESURVEY_COLUMNS.map((c) => cell(r[c])).join("\t")),
  ]
    .map((l) => `${l}\n`)
    .join("");
}
