// Skip logic for survey tools: a parsed `when` condition (and the group and department an item is
// restricted to) becomes the tool's own expression. The meaning is reifegrad's (when.ts): a
// comparison on an unanswered question is false, `!=` needs an answer, `<`…`>=` need numbers, and
// for a multiple-choice item `==` / `in` mean "ticked". One table per dialect holds every rule,
// by the kind of question and the operator, so each case is one line to read and to test.

import type { Condition, Literal } from "../questionnaire/model.js";
import { literalCode } from "../questionnaire/when.js";

export type Op = "==" | "!=" | "<" | "<=" | ">" | ">=";
/** How a question stores its answer in the tool: one code, a number, text, or ticks per choice. */
export type OperandKind = "code" | "number" | "text" | "multi";

/** A question as an expression sees it. */
export interface Operand {
  readonly kind: OperandKind;
  /** The question's value, e.g. `str01.NAOK`. */
  readonly value: string;
  /** The tool's answer code for a reifegrad code (answer codes may be shortened). */
  readonly code: (code: string) => string;
  /** multi: the value of one choice's tick box, and of every choice. */
  readonly choice?: (code: string) => string;
  readonly choices?: readonly string[];
}

type Rule = (o: Operand, v: Literal) => string;

export interface Dialect {
  readonly and: (l: string, r: string) => string;
  readonly or: (l: string, r: string) => string;
  readonly not: (x: string) => string;
  readonly never: string;
  readonly answered: Readonly<Record<OperandKind, (o: Operand) => string>>;
  readonly compare: Readonly<Record<OperandKind, Readonly<Record<Op, Rule>>>>;
}

/**
 * A string literal of ExpressionScript, in single quotes (no escapes: double quotes when the text
 * has a single one), so the TSV cell needs no quoting.
 */
function str(s: string): string {
  return s.includes("'") ? `"${s}"` : `'${s}'`;
}
const num = (v: Literal): number | undefined =>
  typeof v === "number" ? v : /^-?\d+(\.\d+)?$/.test(String(v)) ? Number(v) : undefined;
const ordered =
  (op: "<" | "<=" | ">" | ">="): Rule =>
  (o, v) => {
    const n = num(v);
    return n === undefined ? "0" : `(is_numeric(${o.value}) and ${o.value} ${op} ${n})`;
  };
const codeEq: Rule = (o, v) => `${o.value} == ${str(o.code(literalCode(v)))}`;
const codeNe: Rule = (o, v) =>
  `(!is_empty(${o.value}) and ${o.value} != ${str(o.code(literalCode(v)))})`;
const numberEq: Rule = (o, v) => {
  const n = num(v);
  return n === undefined ? codeEq(o, v) : `(is_numeric(${o.value}) and ${o.value} == ${n})`;
};
const numberNe: Rule = (o, v) => {
  const n = num(v);
  return n === undefined ? codeNe(o, v) : `(!is_empty(${o.value}) and ${o.value} != ${n})`;
};
const ticked: Rule = (o, v) => `${o.choice!(literalCode(v))} == 'Y'`;
const anyTicked = (o: Operand) => `count(${o.choices!.join(", ")}) > 0`;
const ORDERED = { "<": ordered("<"), "<=": ordered("<="), ">": ordered(">"), ">=": ordered(">=") };

/** LimeSurvey's ExpressionScript, over `.NAOK` values (an unasked question reads as empty). */
export const EXPRESSION_SCRIPT: Dialect = {
  and: (l, r) => `(${l} and ${r})`,
  or: (l, r) => `(${l} or ${r})`,
  not: (x) => `!${x}`,
  never: "0",
  answered: {
    code: (o) => `!is_empty(${o.value})`,
    number: (o) => `!is_empty(${o.value})`,
    text: (o) => `!is_empty(${o.value})`,
    multi: anyTicked,
  },
  compare: {
    code: { "==": codeEq, "!=": codeNe, ...ORDERED },
    number: { "==": numberEq, "!=": numberNe, ...ORDERED },
    text: { "==": codeEq, "!=": codeNe, ...ORDERED },
    multi: {
      "==": ticked,
      "!=": (o, v) => `(${anyTicked(o)} and ${ticked(o, v).replace("== 'Y'", "!= 'Y'")})`,
      "<": () => "0",
      "<=": () => "0",
      ">": () => "0",
      ">=": () => "0",
    },
  },
};

/**
 * Translates a condition. `resolve` gives the operand of an item id, `item[row]` or a selector
 * question (group, department); an unknown reference makes that part false.
 */
export function translate(
  cond: Condition,
  dialect: Dialect,
  resolve: (ref: string) => Operand | undefined,
): string {
  const go = (c: Condition): string => {
    switch (c.kind) {
      case "and":
        return dialect.and(go(c.left), go(c.right));
      case "or":
        return dialect.or(go(c.left), go(c.right));
      case "not":
        return dialect.not(go(c.operand));
      case "answered": {
        const o = resolve(c.item);
        return o ? dialect.answered[o.kind](o) : dialect.never;
      }
      case "in": {
        const o = resolve(c.item);
        if (!o || c.values.length === 0) return dialect.never;
        const parts = c.values.map((v) => dialect.compare[o.kind]["=="](o, v));
        return parts.length === 1 ? parts[0]! : `(${parts.join(" or ")})`;
      }
      case "compare": {
        const o = resolve(c.item);
        return o ? dialect.compare[o.kind][c.op](o, c.value) : dialect.never;
      }
    }
  };
  return go(cond);
}

/** Both conditions (either may be absent). */
export function allOf(...conds: (Condition | undefined)[]): Condition | undefined {
  return conds.reduce<Condition | undefined>(
    (acc, c) =>
      c === undefined ? acc : acc === undefined ? c : { kind: "and", left: acc, right: c },
    undefined,
  );
}

/** An XPath string literal (XLSForm): single quotes, double quotes when the text has one. */
function xstr(s: string): string {
  return s.includes("'") ? `"${s}"` : `'${s}'`;
}
const xordered =
  (op: "<" | "<=" | ">" | ">="): Rule =>
  (o, v) => {
    // An empty or non-numeric value converts to NaN in XPath: the comparison is false.
    const n = num(v);
    return n === undefined ? "false()" : `${o.value} ${op} ${n}`;
  };
const xcodeEq: Rule = (o, v) => `${o.value} = ${xstr(o.code(literalCode(v)))}`;
const xcodeNe: Rule = (o, v) =>
  `(${o.value} != '' and ${o.value} != ${xstr(o.code(literalCode(v)))})`;
const xnumberEq: Rule = (o, v) => {
  const n = num(v);
  return n === undefined ? xcodeEq(o, v) : `${o.value} = ${n}`;
};
const xnumberNe: Rule = (o, v) => {
  const n = num(v);
  return n === undefined ? xcodeNe(o, v) : `(${o.value} != '' and ${o.value} != ${n})`;
};
const xselected: Rule = (o, v) => `selected(${o.value}, ${xstr(o.code(literalCode(v)))})`;
const xanySelected = (o: Operand) => `count-selected(${o.value}) > 0`;
const XORDERED = {
  "<": xordered("<"),
  "<=": xordered("<="),
  ">": xordered(">"),
  ">=": xordered(">="),
};
const xnever = () => "false()";

/**
 * XLSForm's `relevant` (ODK XPath) over `${name}` references: an unanswered or non-relevant
 * question reads as '' (NaN as a number), a select_multiple is tested with `selected()`.
 */
export const XLSFORM_XPATH: Dialect = {
  and: (l, r) => `(${l} and ${r})`,
  or: (l, r) => `(${l} or ${r})`,
  not: (x) => `not(${x})`,
  never: "false()",
  answered: {
    code: (o) => `${o.value} != ''`,
    number: (o) => `${o.value} != ''`,
    text: (o) => `${o.value} != ''`,
    multi: xanySelected,
  },
  compare: {
    code: { "==": xcodeEq, "!=": xcodeNe, ...XORDERED },
    number: { "==": xnumberEq, "!=": xnumberNe, ...XORDERED },
    text: { "==": xcodeEq, "!=": xcodeNe, ...XORDERED },
    multi: {
      "==": xselected,
      "!=": (o, v) => `(${xanySelected(o)} and not(${xselected(o, v)}))`,
      "<": xnever,
      "<=": xnever,
      ">": xnever,
      ">=": xnever,
    },
  },
};
