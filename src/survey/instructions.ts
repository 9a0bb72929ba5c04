// Skip rules and group restrictions as instructions a person reads (paper, and survey tools that
// cannot express them as logic): "Nur wenn Sie bei Frage 3 „ja“ angekreuzt haben." The answers a
// comparison accepts are worked out with reifegrad's own evaluation (when.ts), option by option,
// so the printed words say what `reifegrad run` does.
import type { Condition, Literal, Text } from "../questionnaire/model.js";
import { textIn } from "../questionnaire/text.js";
import { evaluateCondition, literalCode } from "../questionnaire/when.js";
import type { SurveyPlan } from "./plan.js";
import { optionsOf } from "./plan.js";

/** A question as an instruction refers to it. */
export interface Referent {
  /** "bei Frage 3" / "for question 3", or with a row: "bei Frage 3, Zeile „…“". */
  readonly name: string;
  readonly kind: "code" | "number" | "text" | "multi";
  /** The options to tick (code kind, multi), in order. */
  readonly options: readonly { readonly code: string; readonly label: string }[];
}

const W = {
  de: {
    only: (p: string) => `Nur wenn ${p}.`,
    and: " und ",
    or: " oder ",
    not: (p: string) => `nicht (${p})`,
    ticked: (name: string, labels: string) => `Sie ${name} ${labels} angekreuzt haben`,
    otherThan: (name: string, label: string) =>
      `Sie ${name} etwas angekreuzt haben, aber nicht ${label}`,
    answered: (name: string) => `Sie ${name} eine Antwort gegeben haben`,
    number: (name: string, op: string, n: string) =>
      `Sie ${name} eine Zahl ${op} ${n} angegeben haben`,
    ops: {
      "==": "gleich",
      "!=": "ungleich",
      "<": "kleiner als",
      "<=": "von höchstens",
      ">": "größer als",
      ">=": "von mindestens",
    },
    text: (name: string, v: string) => `Sie ${name} „${v}“ geschrieben haben`,
    list: (xs: readonly string[]) =>
      xs.length <= 1 ? (xs[0] ?? "") : `${xs.slice(0, -1).join(", ")} oder ${xs.at(-1)}`,
    quote: (s: string) => `„${s}“`,
    groups: (names: string) => `Nur für ${names}.`,
    departments: (names: string) => `Nur für: ${names}.`,
    never: "nie",
  },
  en: {
    only: (p: string) => `Only if ${p}.`,
    and: " and ",
    or: " or ",
    not: (p: string) => `not (${p})`,
    ticked: (name: string, labels: string) => `you ticked ${labels} ${name}`,
    otherThan: (name: string, label: string) => `you ticked something ${name}, but not ${label}`,
    answered: (name: string) => `you gave an answer ${name}`,
    number: (name: string, op: string, n: string) => `you entered a number ${op} ${n} ${name}`,
    ops: {
      "==": "equal to",
      "!=": "other than",
      "<": "less than",
      "<=": "of at most",
      ">": "greater than",
      ">=": "of at least",
    },
    text: (name: string, v: string) => `you wrote "${v}" ${name}`,
    list: (xs: readonly string[]) =>
      xs.length <= 1 ? (xs[0] ?? "") : `${xs.slice(0, -1).join(", ")} or ${xs.at(-1)}`,
    quote: (s: string) => `“${s}”`,
    groups: (names: string) => `Only for ${names}.`,
    departments: (names: string) => `Only for: ${names}.`,
    never: "never",
  },
} as const;

type Words = (typeof W)["de"] | (typeof W)["en"];
function words(lang: string): Words {
  return lang === "de" ? W.de : W.en;
}

/**
 * The instruction for a skip rule, e.g. "Nur wenn Sie bei Frage 3 „trifft eher zu“ oder „trifft
 * zu“ angekreuzt haben." `refer` names the question an item id (or item[row]) is.
 */
export function conditionInstruction(
  cond: Condition,
  lang: string,
  refer: (ref: string) => Referent | undefined,
): string {
  const w = words(lang);
  const go = (c: Condition): string => {
    switch (c.kind) {
      case "and":
        return `${go(c.left)}${w.and}${go(c.right)}`;
      case "or":
        return `${go(c.left)}${w.or}${go(c.right)}`;
      case "not":
        return w.not(go(c.operand));
      case "answered": {
        const r = refer(c.item);
        return r ? w.answered(r.name) : w.never;
      }
      case "in":
      case "compare": {
        const r = refer(c.item);
        return r ? leaf(c, r, w) : w.never;
      }
    }
  };
  return w.only(go(cond));
}

function leaf(c: Extract<Condition, { kind: "in" | "compare" }>, r: Referent, w: Words): string {
  if (r.kind === "number" && c.kind === "compare") {
    return w.number(r.name, w.ops[c.op], String(c.value));
  }
  if (r.kind === "multi") {
    const label = (v: Literal) =>
      w.quote(r.options.find((o) => o.code === literalCode(v))?.label ?? literalCode(v));
    if (c.kind === "in") return w.ticked(r.name, w.list(c.values.map(label)));
    if (c.op === "==") return w.ticked(r.name, label(c.value));
    if (c.op === "!=") return w.otherThan(r.name, label(c.value));
    return w.never;
  }
  if (r.kind === "text" || r.options.length === 0) {
    const values = c.kind === "in" ? c.values : [c.value];
    return w.text(r.name, values.map(literalCode).join(" / "));
  }
  // An option list: the options that make the condition true, by reifegrad's own evaluation.
  const accepted = r.options.filter((o) => evaluateCondition(c, () => o.code));
  if (accepted.length === 0) return w.never;
  return w.ticked(r.name, w.list(accepted.map((o) => w.quote(o.label))));
}

/** "Nur für Führungskräfte." for an item restricted to groups, or undefined. */
export function groupInstruction(
  plan: SurveyPlan,
  groups: readonly string[] | undefined,
  lang: string,
): string | undefined {
  if (!groups || plan.fixedGroup) return undefined;
  if (plan.groups.every((g) => groups.includes(g.id))) return undefined;
  const names = plan.groups
    .filter((g) => groups.includes(g.id))
    .map((g) => textIn(g.name, lang, plan.languages));
  return words(lang).groups(words(lang).list(names));
}

/** "Nur für: Bauen und Planen." for an item asked of some departments only (one form for all). */
export function departmentInstruction(
  plan: SurveyPlan,
  departments: readonly string[] | undefined,
  lang: string,
): string | undefined {
  if (!departments) return undefined;
  const names = plan.departments
    .filter((d) => departments.includes(d.id))
    .map((d) => textIn(d.name, lang, plan.languages));
  return words(lang).departments(names.join(", "));
}

/**
 * The referents of a plan's items, named by `name(itemId, rowText?)` ("bei Frage 3" …): options
 * labelled in `lang`.
 */
export function referents(
  plan: SurveyPlan,
  lang: string,
  name: (itemId: string, row?: Text) => string,
): (ref: string) => Referent | undefined {
  const byId = new Map(plan.sections.flatMap((s) => s.items.map((p) => [p.item.id, p] as const)));
  const t = (x: Text | undefined) => textIn(x, lang, plan.languages);
  return (ref) => {
    const m = /^([^[]+)\[(.+)\]$/.exec(ref);
    const p = byId.get(m ? m[1]! : ref);
    if (!p) return undefined;
    const item = p.item;
    const options = optionsOf(p).map((o) => ({ code: o.code, label: t(o.label) }));
    switch (item.type) {
      case "grid": {
        const row = m ? item.rows.find((r) => r.id === m[2]) : undefined;
        return row ? { name: name(item.id, row.text), kind: "code", options } : undefined;
      }
      case "multi":
        return { name: name(item.id), kind: "multi", options };
      case "number":
        return { name: name(item.id), kind: "number", options: [] };
      case "text":
        return { name: name(item.id), kind: "text", options: [] };
      default:
        return { name: name(item.id), kind: "code", options };
    }
  };
}
