// The columns of reifegrad's own answer CSV for a questionnaire, with the codes each accepts.
// Used by `reifegrad template`; the same names are the item references of `when` (item[row]).
import { missingLabels } from "./missing.js";
import type { Item, Questionnaire } from "./model.js";
import { textIn } from "./text.js";

export const FIXED_COLUMNS = ["respondent", "department", "group"] as const;

export interface AnswerColumn {
  /** The header: item id, or item[row] for a grid row. */
  readonly name: string;
  readonly item: string;
  readonly row?: string;
  readonly type: Item["type"];
  /** What a cell may hold, in one language. */
  readonly codes: readonly { readonly code: string; readonly label: string }[];
  /** For columns without a code list: "a number (years)", "free text", "several codes joined by ;". */
  readonly note?: string;
}

const YESNO: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  de: { yes: "ja", no: "nein" },
  en: { yes: "yes", no: "no" },
};
const NOTES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  de: { number: "eine Zahl", text: "freier Text", multi: "mehrere Codes, durch ; getrennt" },
  en: { number: "a number", text: "free text", multi: "several codes joined by ;" },
};

/** Item columns in questionnaire order (grids: one per row). */
export function answerColumns(q: Omit<Questionnaire, "contentHash">, lang: string): AnswerColumn[] {
  const t = (text: Parameters<typeof textIn>[0]) => textIn(text, lang, q.languages);
  const notes = NOTES[lang] ?? NOTES.en!;
  // Yes/no items' missing answers in the questionnaire's own words.
  const missing = missingLabels(q);
  return q.items.flatMap((item): AnswerColumn[] => {
    const base = { item: item.id, type: item.type };
    switch (item.type) {
      case "likert":
      case "grid": {
        const scale = q.scales.get(item.scale);
        const codes = (scale?.options ?? []).map((o) => ({ code: o.code, label: t(o.label) }));
        if (item.type === "likert") return [{ ...base, name: item.id, codes }];
        return item.rows.map((r) => ({ ...base, name: `${item.id}[${r.id}]`, row: r.id, codes }));
      }
      case "single":
      case "multi":
        return [
          {
            ...base,
            name: item.id,
            codes: item.choices.map((c) => ({ code: c.code, label: t(c.label) })),
            ...(item.type === "multi" ? { note: notes.multi } : {}),
          },
        ];
      case "yesno": {
        const labels = YESNO[lang] ?? YESNO.en!;
        return [
          {
            ...base,
            name: item.id,
            codes: [
              ...Object.entries(labels).map(([code, label]) => ({ code, label })),
              { code: "dk", label: t(missing.dk) },
              { code: "na", label: t(missing.na) },
            ],
          },
        ];
      }
      case "number":
        return [
          {
            ...base,
            name: item.id,
            codes: [],
            note: item.unit ? `${notes.number} (${t(item.unit)})` : notes.number,
          },
        ];
      default: // text
        return [{ ...base, name: item.id, codes: [], note: notes.text }];
    }
  });
}

/** The header row: respondent, department, group, then every item column. */
export function answerHeader(q: Omit<Questionnaire, "contentHash">): string[] {
  return [...FIXED_COLUMNS, ...answerColumns(q, q.languages[0] ?? "de").map((c) => c.name)];
}

/** One line per column: `name: code = label; …` (or its note), for people filling in the file. */
export function codeListLines(q: Omit<Questionnaire, "contentHash">, lang: string): string[] {
  const fixed = [
    `respondent: ${lang === "de" ? "eine eindeutige Kennung je Person" : "a unique id per person"}`,
    `department: ${q.department?.id ?? (lang === "de" ? "Kennung der Organisationseinheit" : "id of the department")}`,
    `group: ${q.groups.length > 0 ? q.groups.map((g) => `${g.id} = ${textIn(g.name, lang, q.languages)}`).join("; ") : q.group}`,
  ];
  return [
    ...fixed,
    ...answerColumns(q, lang).map((c) => {
      const list = c.codes.map((x) => `${x.code} = ${x.label}`).join("; ");
      return `${c.name}: ${[list, c.note].filter((x) => x).join(" — ")}`;
    }),
  ];
}
