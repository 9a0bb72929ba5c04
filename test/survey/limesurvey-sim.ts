// LimeSurvey as a test sees it: reads a survey structure (.txt) the way TSVImportSurvey() does
// (header row, rows by class, each attached to the G/Q above it, one block per language), lets
// simulated respondents fill it in (relevance evaluated as ExpressionScript, irrelevant questions
// stored as NULL), and writes the response export as LimeSurvey's CsvWriter does: UTF-8 BOM, ";",
// every field quoted, CRLF, an empty last line; code or full-text headings, answer codes or texts.
import { evaluateExpressionScript } from "./expression-script.js";

export interface LsAnswer {
  readonly code: string;
  readonly text: string;
}
export interface LsQuestion {
  readonly code: string;
  readonly type: string;
  readonly text: string;
  readonly relevance: string;
  readonly mandatory: string;
  readonly default: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly sub: LsAnswer[];
  readonly answers: LsAnswer[];
}
export interface LsGroup {
  readonly order: string;
  readonly name: string;
  readonly questions: LsQuestion[];
}
export interface LsSurvey {
  readonly columns: readonly string[];
  readonly settings: Readonly<Record<string, string>>;
  readonly languageSettings: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly groups: Readonly<Record<string, LsGroup[]>>;
}

const BASE = [
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
];

export function readStructure(tsv: string): LsSurvey {
  const lines = tsv
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .filter((l) => l !== "");
  const unquote = (v: string) => (/^".*"$/s.test(v) ? v.slice(1, -1).replace(/""/g, '"') : v);
  const columns = lines[0]!.split("\t");
  const settings: Record<string, string> = {};
  const languageSettings: Record<string, Record<string, string>> = {};
  const groups: Record<string, LsGroup[]> = {};
  let group: LsGroup | undefined;
  let question: LsQuestion | undefined;
  for (const line of lines.slice(1)) {
    const cells = line.split("\t").map(unquote);
    const row = Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? ""]));
    const lang = row.language || settings.language || "en";
    switch (row.class) {
      case "S":
        settings[row.name!] = row.text!;
        break;
      case "SL":
        languageSettings[lang] = { ...languageSettings[lang], [row.name!]: row.text! };
        break;
      case "G":
        group = { order: row["type/scale"]!, name: row.name!, questions: [] };
        groups[lang] = [...(groups[lang] ?? []), group];
        break;
      case "Q":
        question = {
          code: row.name!,
          type: row["type/scale"]!,
          text: row.text!,
          relevance: row.relevance!,
          mandatory: row.mandatory!,
          default: row.default!,
          attributes: Object.fromEntries(
            columns.filter((c) => !BASE.includes(c) && row[c] !== "").map((c) => [c, row[c]!]),
          ),
          sub: [],
          answers: [],
        };
        group!.questions.push(question);
        break;
      case "SQ":
        question!.sub.push({ code: row.name!, text: row.text! });
        break;
      case "A":
        question!.answers.push({ code: row.name!, text: row.text! });
        break;
      default:
        throw new Error(`unknown row class ${row.class}`);
    }
  }
  return { columns, settings, languageSettings, groups };
}

/** A respondent's stored values: field name (`q` or `q_sq`) → short value; absent = NULL. */
export type Stored = Map<string, string>;

/**
 * What LimeSurvey stores for a respondent who answers by the *texts* they see (in the base
 * language): `pick(question, sub)` returns the chosen answer text, "Y" for a ticked box, a number
 * or text, or undefined for no answer. Relevance is evaluated in question order.
 */
export function fill(
  survey: LsSurvey,
  pick: (q: LsQuestion, sub?: LsAnswer) => string | undefined,
): Stored {
  const base = survey.settings.language!;
  const stored: Stored = new Map();
  const vars = (name: string) => stored.get(name) ?? "";
  for (const g of survey.groups[base]!) {
    for (const q of g.questions) {
      const relevant = evaluateExpressionScript(q.relevance || "1", vars);
      if (!relevant) continue;
      if (q.type === "S" && q.attributes.hidden === "1") {
        stored.set(q.code, q.default);
        continue;
      }
      const code = (text: string | undefined) => {
        if (text === undefined) return "";
        const a = q.answers.find((x) => x.text === text);
        if (!a) throw new Error(`${q.code}: no answer option "${text}"`);
        return a.code;
      };
      if (q.type === "L") stored.set(q.code, code(pick(q)));
      else if (q.type === "F")
        for (const s of q.sub) stored.set(`${q.code}_${s.code}`, code(pick(q, s)));
      else if (q.type === "M")
        for (const s of q.sub) stored.set(`${q.code}_${s.code}`, pick(q, s) ?? "");
      else stored.set(q.code, pick(q) ?? "");
    }
  }
  return stored;
}

export interface ExportOptions {
  readonly headings: "code" | "full";
  readonly answers: "short" | "long";
  /** Export language (texts of headings and answers). */
  readonly lang: string;
}

const FIXED: Readonly<Record<string, readonly string[]>> = {
  code: ["id", "submitdate", "lastpage", "startlanguage", "seed"],
  de: ["Antwort ID", "Datum Abgeschickt", "Letzte Seite", "Start-Sprache", "Seed"],
  en: ["Response ID", "Date submitted", "Last page", "Start language", "Seed"],
};
const YES_NO: Readonly<Record<string, readonly [string, string]>> = {
  de: ["Ja", "Nein"],
  en: ["Yes", "No"],
};
const strip = (html: string) =>
  html
    .replace(/<[^>]*>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .trim();

export function exportResponses(
  survey: LsSurvey,
  responses: readonly Stored[],
  o: ExportOptions,
): string {
  const base = survey.settings.language!;
  const baseGroups = survey.groups[base]!;
  const langGroups = survey.groups[o.lang]!;
  const header = [...(o.headings === "code" ? FIXED.code! : FIXED[o.lang]!)];
  const fields: { name: string; value: (s: Stored) => string }[] = [];
  baseGroups.forEach((g, gi) => {
    g.questions.forEach((q, qi) => {
      const lq = langGroups[gi]!.questions[qi]!;
      const answerText = (code: string) =>
        code === "" ? "" : (lq.answers[q.answers.findIndex((a) => a.code === code)]?.text ?? code);
      if (q.type === "M" || q.type === "F") {
        q.sub.forEach((s, si) => {
          header.push(
            o.headings === "code"
              ? `${q.code}[${s.code}]`
              : `${strip(lq.text)} [${strip(lq.sub[si]!.text)}]`,
          );
          const name = `${q.code}_${s.code}`;
          fields.push({
            name,
            value: (st) => {
              const v = st.get(name) ?? "";
              if (o.answers === "short") return v;
              if (q.type === "F") return strip(answerText(v));
              // An unticked box of an answered question reads "No"; a question never shown, "".
              const [yes, no] = YES_NO[o.lang]!;
              return !st.has(name) ? "" : v === "Y" ? yes : no;
            },
          });
        });
        return;
      }
      header.push(o.headings === "code" ? q.code : strip(lq.text));
      fields.push({
        name: q.code,
        value: (st) => {
          const v = st.get(q.code) ?? "";
          return o.answers === "long" && q.type === "L" ? strip(answerText(v)) : v;
        },
      });
    });
  });
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const lines = [header.map(quote).join(";")];
  responses.forEach((st, i) => {
    const fixed = [String(i + 1), "2026-03-01 10:00:00", "3", o.lang, String(1000 + i)];
    lines.push([...fixed, ...fields.map((f) => f.value(st))].map(quote).join(";"));
  });
  return `\uFEFF${lines.join("\r\n")}\r\n\r\n`;
}
