// Evaluates a parsed `when` condition against a respondent's answers (codes). Never evals code.
import type { Condition, Literal } from "./model.js";

/** Answer code of an item (multi: codes joined by ";"), or undefined when not answered. */
export type AnswerLookup = (itemId: string) => string | undefined;

export function evaluateCondition(cond: Condition, answer: AnswerLookup): boolean {
  switch (cond.kind) {
    case "and":
      return evaluateCondition(cond.left, answer) && evaluateCondition(cond.right, answer);
    case "or":
      return evaluateCondition(cond.left, answer) || evaluateCondition(cond.right, answer);
    case "not":
      return !evaluateCondition(cond.operand, answer);
    case "answered": {
      const a = answer(cond.item);
      return a !== undefined && a !== "";
    }
    case "in": {
      const codes = codesOf(answer(cond.item));
      return codes.some((c) => cond.values.some((v) => equal(c, v)));
    }
    case "compare": {
      const codes = codesOf(answer(cond.item));
      if (codes.length === 0) return false;
      if (cond.op === "==") return codes.some((c) => equal(c, cond.value));
      if (cond.op === "!=") return !codes.some((c) => equal(c, cond.value));
      const a = Number(codes[0]);
      const b = typeof cond.value === "number" ? cond.value : Number(cond.value);
      if (codes.length !== 1 || !Number.isFinite(a) || !Number.isFinite(b)) return false;
      switch (cond.op) {
        case "<":
          return a < b;
        case "<=":
          return a <= b;
        case ">":
          return a > b;
        case ">=":
          return a >= b;
      }
    }
  }
}

function codesOf(answer: string | undefined): string[] {
  if (answer === undefined || answer === "") return [];
  return answer.includes(";") ? answer.split(";").filter((c) => c !== "") : [answer];
}

function equal(code: string, value: Literal): boolean {
  if (typeof value === "number") return Number(code) === value && code.trim() !== "";
  if (typeof value === "boolean") return code === (value ? "yes" : "no") || code === String(value);
  return code === value;
}
