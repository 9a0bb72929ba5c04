// Skip logic: `when` must parse, may refer only to earlier items of the composed questionnaire,
// and only to codes or values those items can have. Removing an item a `when` needs is an error.

import type { ParamsOf } from "../../messages/catalogue.js";
import { type Origin, originAt } from "../compose.js";
import type { Item, Literal, Questionnaire } from "../model.js";
import type { Report } from "../reporter.js";
import { closest } from "../suggest.js";
import { literalCode, parseCondition, type Reference, toNumber } from "../when.js";
import type { Rule } from "./rule.js";

const YESNO_CODES = ["yes", "no", "dk", "na"];

export const whenSyntaxRule: Rule = {
  name: "when-syntax",
  scope: "part",
  check({ composed, report }) {
    for (const item of composed.questionnaire.items) {
      const origin = composed.origins.items.get(item.id);
      if (!origin || item.whenSource === undefined) continue;
      const result = parseCondition(item.whenSource);
      if (!result.ok) {
        report(
          "when-syntax",
          { item: item.id, ...result.error },
          origin.parsed.charAt([...origin.path, "when"], result.offset),
        );
      }
    }
  },
};

export const whenReferencesRule: Rule = {
  name: "when-references",
  scope: "whole",
  check({ composed, report }) {
    const q = composed.questionnaire;
    const index = new Map(q.items.map((it, i) => [it.id, i]));
    q.items.forEach((item, position) => {
      const origin = composed.origins.items.get(item.id);
      if (!origin || item.whenSource === undefined) return;
      const result = parseCondition(item.whenSource);
      if (!result.ok) return;
      const at = (offset: number) => origin.parsed.charAt([...origin.path, "when"], offset);
      for (const ref of result.references) {
        const target = index.get(ref.item);
        if (target === undefined) {
          const removed = composed.origins.removed.get(ref.item);
          if (removed) {
            report("remove-referenced", { item: ref.item, by: item.id }, originAt(removed));
            continue;
          }
          report(
            "when-unknown-item",
            { item: item.id, ref: ref.item, closest: closest(ref.item, index.keys()) },
            at(ref.offset),
          );
          continue;
        }
        if (target >= position) {
          report(
            "when-forward-reference",
            { item: item.id, ref: ref.item, self: target === position },
            at(ref.offset),
          );
          continue;
        }
        checkValues(item, q.items[target]!, ref, q, at, report);
      }
    });
  },
};

function checkValues(
  item: Item,
  target: Item,
  ref: Reference,
  q: Omit<Questionnaire, "contentHash">,
  at: (offset: number) => ReturnType<Origin["parsed"]["at"]>,
  report: Report,
): void {
  if (target.type === "grid" && ref.row === undefined) {
    report(
      "when-unknown-item.grid",
      { grid: target.id, rows: target.rows.map((r) => r.id) },
      at(ref.offset),
    );
    return;
  }
  if (ref.row !== undefined) {
    if (target.type !== "grid") {
      report("when-unknown-item.not-grid", { item: target.id, row: ref.row }, at(ref.offset));
      return;
    }
    if (!target.rows.some((r) => r.id === ref.row)) {
      const rows = target.rows.map((r) => r.id);
      report(
        "when-unknown-item.no-row",
        { grid: target.id, row: ref.row, closest: closest(ref.row, rows), rows },
        at(ref.offset),
      );
      return;
    }
  }
  if (ref.kind === "answered") return;
  const codes = possibleCodes(target, q);
  const ordering = ref.op === "<" || ref.op === "<=" || ref.op === ">" || ref.op === ">=";
  for (const { value, offset } of ref.values) {
    const why = impossible(target, codes, value, ordering ? ref.op : undefined);
    if (why) {
      report(
        "when-impossible-value",
        { item: item.id, target: target.id, codes, type: target.type, ...why },
        at(offset),
      );
    }
  }
}

/** The codes an item's answer can be; undefined for free answers (number, text). */
function possibleCodes(item: Item, q: Omit<Questionnaire, "contentHash">): string[] | undefined {
  switch (item.type) {
    case "likert":
    case "grid":
      return q.scales.get(item.scale)?.options.map((o) => o.code);
    case "single":
    case "multi":
      return item.choices.map((c) => c.code);
    case "yesno":
      return YESNO_CODES;
    default:
      return undefined;
  }
}

/** An ordering comparison: <, <=, > or >=. */
type OrderingOp = "<" | "<=" | ">" | ">=";

const holds = (x: number, op: OrderingOp, v: number): boolean =>
  op === "<" ? x < v : op === "<=" ? x <= v : op === ">" ? x > v : x >= v;

/** Why a comparison can never be true, as the message "when-impossible-value" words it. */
type Impossible = Pick<ParamsOf<"when-impossible-value">, "why" | "value" | "op" | "min" | "max">;

/**
 * Why a comparison of an item's answer with `value` is wrong, or undefined when it can be true.
 * `ordering` is the operator of <, <=, > and >= (undefined for ==, != and `in`).
 */
function impossible(
  item: Item,
  codes: string[] | undefined,
  value: Literal,
  ordering: OrderingOp | undefined,
): Impossible | undefined {
  const shown = JSON.stringify(value);
  if (item.type === "number") {
    return typeof value === "number" ? undefined : { why: "not-number", value: shown };
  }
  if (item.type === "text") {
    return ordering ? { why: "text-ordered", value: shown } : undefined;
  }
  if (!codes) return undefined;
  if (ordering) {
    if (typeof value !== "number") return { why: "not-numeric-value", value: shown };
    const numeric = codes.flatMap((c) => toNumber(c) ?? []);
    if (item.type === "multi" || numeric.length === 0) {
      return { why: "no-numeric-codes", value: shown };
    }
    const min = Math.min(...numeric);
    const max = Math.max(...numeric);
    if (value < min || value > max) return { why: "outside", value: String(value), min, max };
    if (!numeric.some((x) => holds(x, ordering, value))) {
      return { why: "never-holds", value: String(value), op: ordering, min, max };
    }
    return undefined;
  }
  const matches = codes.some((c) =>
    typeof value === "number"
      ? toNumber(c) === value || c === String(value)
      : c === literalCode(value),
  );
  return matches ? undefined : { why: "never", value: JSON.stringify(literalCode(value)) };
}
