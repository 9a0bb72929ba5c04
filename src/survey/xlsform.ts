// An XLSForm (KoboToolbox, ODK) as data: the `survey`, `choices` and `settings` sheets, each a
// header row and rows of cells. Format as xlsform.org describes it: `type`, `name`, translated
// columns `label::Deutsch (de)`, `hint::…`, `required`, `relevant` (XPath over `${name}`),
// `appearance`, `calculation`, `constraint`; choice lists by `list_name`; `begin_group` /
// `end_group`. Field names are reifegrad's item ids (`str_01`), so an export's headings are the ids
// (`strategy/str_01` with group paths); a grid row is `item_row` in a table-list group named after
// the item. Pure: src/survey/xlsx.ts writes the workbook.
import { createHash } from "node:crypto";
import type { Text } from "../questionnaire/model.js";
import { textIn } from "../questionnaire/text.js";
import { allOf, type Operand, translate, XLSFORM_XPATH } from "./expression.js";
import { noticeLines } from "./notice.js";
import { optionsOf, type PlannedItem, type SurveyPlan } from "./plan.js";
import { askedOf, restriction, SELECTOR, type SurveyNote, surveyNote } from "./selectors.js";

/** A legal XLSForm name: a letter or "_" first, then letters, digits, "_", "-" and ".". */
export const XLSFORM_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

export interface Sheet {
  readonly name: "survey" | "choices" | "settings";
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

export interface XlsForm {
  readonly sheets: readonly [Sheet, Sheet, Sheet];
  readonly notes: readonly SurveyNote[];
}

/** The language name of a `label::` column: `Deutsch (de)`, `English (en)`, else `xx (xx)`. */
export function languageColumn(lang: string): string {
  const names: Readonly<Record<string, string>> = { de: "Deutsch", en: "English" };
  return `${names[lang] ?? lang} (${lang})`;
}

/** The field name of a grid row (an answer key `item[row]`). */
export function gridRowName(item: string, row: string): string {
  return `${item}_${row}`;
}

const WORDS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  de: {
    about: "Angaben zur Person",
    group: "Befragtengruppe",
    groupHelp: "Führungskräfte leiten ein Amt, eine Abteilung oder ein Sachgebiet.",
    department: "In welchem Amt arbeiten Sie?",
    exclusive: "„{x}“ kann nicht zusammen mit anderen Antworten gewählt werden.",
    unit: "Angabe in: {x}",
  },
  en: {
    about: "About you",
    group: "Respondent group",
    groupHelp: "Management means you head a department, a division or a team.",
    department: "Department",
    exclusive: "“{x}” cannot be chosen together with other answers.",
    unit: "In: {x}",
  },
};

type Cells = Partial<Record<string, string>>;

export function xlsform(plan: SurveyPlan): XlsForm {
  const langs = plan.languages;
  const words = (lang: string) => WORDS[lang] ?? WORDS.en!;
  const per = (column: string, f: (lang: string) => string): Cells =>
    Object.fromEntries(langs.map((l) => [`${column}::${languageColumn(l)}`, f(l)]));
  const text = (column: string, t: Text | undefined): Cells =>
    t ? per(column, (l) => textIn(t, l, langs)) : {};
  const word = (column: string, key: string): Cells => per(column, (l) => words(l)[key]!);

  const asked = askedOf(plan);
  const survey: Cells[] = [];
  const choices: Cells[] = [];
  const lists = new Set<string>();
  const list = (name: string, options: readonly { code: string; label: Text }[]) => {
    if (lists.has(name)) return name;
    lists.add(name);
    for (const o of options)
      choices.push({ list_name: name, name: o.code, ...text("label", o.label) });
    return name;
  };
  const listOf = (p: PlannedItem): string => {
    const item = p.item;
    if (item.type === "yesno") return list("yesno", optionsOf(p));
    if ((item.type === "likert" || item.type === "grid") && p.scale)
      return list(`scale_${item.scale}`, p.scale.options);
    return list(`list_${item.id}`, optionsOf(p));
  };

  // Skip rules: `${name}` references; a grid row is its own field.
  const byId = new Map(asked.map((p) => [p.item.id, p]));
  const resolve = (ref: string): Operand | undefined => {
    const code = (c: string) => c;
    if (ref === SELECTOR.group || ref === SELECTOR.department)
      return { kind: "code", value: `\${${ref}}`, code };
    const m = /^([^[]+)\[(.+)\]$/.exec(ref);
    const p = byId.get(m ? m[1]! : ref);
    if (!p) return undefined;
    const name = `\${${p.item.id}}`;
    switch (p.item.type) {
      case "grid":
        return m
          ? { kind: "code", value: `\${${gridRowName(p.item.id, m[2]!)}}`, code }
          : undefined;
      case "multi":
        return { kind: "multi", value: name, code };
      case "number":
        return { kind: "number", value: name, code };
      case "text":
        return { kind: "text", value: name, code };
      default:
        return { kind: "code", value: name, code };
    }
  };
  const relevant = (p: PlannedItem): string => {
    const cond = allOf(restriction(plan, p), p.item.when);
    return cond ? translate(cond, XLSFORM_XPATH, resolve) : "";
  };

  // The notice first, as a note.
  survey.push({
    type: "note",
    name: "notice",
    ...per("label", (l) =>
      [
        textIn(plan.title, l, langs),
        ...(plan.description ? [textIn(plan.description, l, langs)] : []),
        ...noticeLines(plan.notice, l, langs).map((x) => `${x.heading}: ${x.text}`),
      ].join("\n\n"),
    ),
  });

  // Who answers: department and group, under the names `score` reads.
  survey.push({ type: "begin_group", name: "about", ...word("label", "about") });
  if (plan.department) {
    survey.push({
      type: "calculate",
      name: SELECTOR.department,
      calculation: `'${plan.department.id}'`,
    });
  } else if (plan.departments.length > 0) {
    survey.push({
      type: `select_one ${list(
        "departments",
        plan.departments.map((d) => ({ code: d.id, label: d.name })),
      )}`,
      name: SELECTOR.department,
      ...word("label", "department"),
      required: "yes",
    });
  }
  if (plan.fixedGroup) {
    survey.push({
      type: "calculate",
      name: SELECTOR.group,
      calculation: `'${plan.fixedGroup.id}'`,
    });
  } else if (plan.groups.length > 0) {
    survey.push({
      type: `select_one ${list(
        "groups",
        plan.groups.map((g) => ({ code: g.id, label: g.name })),
      )}`,
      name: SELECTOR.group,
      ...word("label", "group"),
      ...word("hint", "groupHelp"),
      required: "yes",
    });
  }
  survey.push({ type: "end_group", name: "about" });

  for (const section of plan.sections) {
    const items = section.items.filter((p) => byId.has(p.item.id));
    if (items.length === 0) continue;
    const dim = section.dimension;
    survey.push({
      type: "begin_group",
      name: dim.id,
      ...text("label", dim.name),
      ...text("hint", dim.description),
    });
    for (const p of items) {
      const item = p.item;
      const base: Cells = {
        name: item.id,
        ...text("label", item.text),
        ...text("hint", item.help),
        ...(item.required ? { required: "yes" } : {}),
        relevant: relevant(p),
      };
      switch (item.type) {
        case "grid": {
          const listName = listOf(p);
          survey.push({ ...base, type: "begin_group", required: "", appearance: "table-list" });
          for (const r of item.rows)
            survey.push({
              type: `select_one ${listName}`,
              name: gridRowName(item.id, r.id),
              ...text("label", r.text),
              ...(item.required ? { required: "yes" } : {}),
            });
          survey.push({ type: "end_group", name: item.id });
          break;
        }
        case "multi": {
          const exclusive = item.choices.filter((c) => c.exclusive);
          survey.push({
            ...base,
            type: `select_multiple ${listOf(p)}`,
            ...(exclusive.length > 0
              ? {
                  constraint: exclusive
                    .map((c) => `not(selected(., '${c.code}') and count-selected(.) > 1)`)
                    .join(" and "),
                  ...per("constraint_message", (l) =>
                    exclusive
                      .map((c) => words(l).exclusive!.replace("{x}", textIn(c.label, l, langs)))
                      .join(" "),
                  ),
                }
              : {}),
          });
          break;
        }
        case "number": {
          const unit = item.unit;
          survey.push({
            ...base,
            type: "decimal",
            ...(unit
              ? per("hint", (l) =>
                  [
                    textIn(item.help, l, langs),
                    words(l).unit!.replace("{x}", textIn(unit, l, langs)),
                  ]
                    .filter((x) => x !== "")
                    .join(" "),
                )
              : {}),
          });
          break;
        }
        case "text":
          survey.push({ ...base, type: "text", appearance: "multiline" });
          break;
        default:
          survey.push({ ...base, type: `select_one ${listOf(p)}` });
      }
    }
    survey.push({ type: "end_group", name: dim.id });
  }

  const notes: SurveyNote[] = [];
  const names = survey.filter((r) => r.type !== "end_group").map((r) => r.name!);
  for (const n of new Set(names))
    if (!XLSFORM_NAME.test(n))
      notes.push(surveyNote("invalid-question-code.xlsform-name", { name: n }));
  // Choice names are stored space-separated by select_multiple: no spaces.
  for (const c of choices)
    if (!/^\S+$/.test(c.name!))
      notes.push(
        surveyNote("invalid-question-code.choice-space", { name: c.name!, list: c.list_name! }),
      );

  const surveyHeader = [
    "type",
    "name",
    ...langs.map((l) => `label::${languageColumn(l)}`),
    ...langs.map((l) => `hint::${languageColumn(l)}`),
    "required",
    "relevant",
    "appearance",
    "calculation",
    "constraint",
    ...langs.map((l) => `constraint_message::${languageColumn(l)}`),
  ];
  const choicesHeader = ["list_name", "name", ...langs.map((l) => `label::${languageColumn(l)}`)];
  const rowsOf = (header: readonly string[], rows: readonly Cells[]) =>
    rows.map((r) => header.map((h) => r[h] ?? ""));
  const surveySheet: Sheet = {
    name: "survey",
    header: surveyHeader,
    rows: rowsOf(surveyHeader, survey),
  };
  const choicesSheet: Sheet = {
    name: "choices",
    header: choicesHeader,
    rows: rowsOf(choicesHeader, choices),
  };
  // The version changes whenever the form does (KoboToolbox and ODK Central need a new one).
  const version = createHash("sha256")
    .update(JSON.stringify([surveySheet, choicesSheet]))
    .digest("hex")
    .slice(0, 12);
  const settingsHeader = ["form_title", "form_id", "version", "default_language"];
  const settingsSheet: Sheet = {
    name: "settings",
    header: settingsHeader,
    rows: [
      [
        textIn(plan.title, langs[0] ?? "de", langs),
        `reifegrad_${plan.id.replace(/[^A-Za-z0-9_]/g, "_")}`,
        version,
        languageColumn(langs[0] ?? "de"),
      ],
    ],
  };
  return { sheets: [surveySheet, choicesSheet, settingsSheet], notes };
}
