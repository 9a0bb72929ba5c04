// Skip logic: `when` must parse, may refer only to earlier items of the composed questionnaire,
// and only to codes or values those items can have. Removing an item a `when` needs is an error.
import { type Origin, originAt } from "../compose.js";
import type { Item, Literal, Questionnaire } from "../model.js";
import type { Report } from "../reporter.js";
import { didYouMean, listing } from "../suggest.js";
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
          `when of "${item.id}": ${result.message}`,
          origin.parsed.charAt([...origin.path, "when"], result.offset),
          {
            hint: 'write e.g. `when: "str_01 >= 3 and it_cloud == yes"`; see the grammar in docs/questionnaire-format.md',
          },
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
            report(
              "remove-referenced",
              `"${ref.item}" is removed, but the when of "${item.id}" refers to it`,
              originAt(removed),
              {
                hint: `keep "${ref.item}", or also remove "${item.id}"`,
              },
            );
            continue;
          }
          report(
            "when-unknown-item",
            `when of "${item.id}" refers to "${ref.item}", which is not an item${didYouMean(ref.item, index.keys())}`,
            at(ref.offset),
            {
              hint: "refer to the id of an earlier item",
            },
          );
          continue;
        }
        if (target >= position) {
          report(
            "when-forward-reference",
            target === position
              ? `when of "${item.id}" refers to the item itself`
              : `when of "${item.id}" refers to "${ref.item}", which is asked later`,
            at(ref.offset),
            {
              hint: "a condition may only use answers given before; move the item after the one it depends on (items are asked by dimension, in dimension order)",
            },
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
      "when-unknown-item",
      `"${target.id}" is a grid; refer to one of its rows as ${target.id}[row]`,
      at(ref.offset),
      {
        hint: `rows: ${listing(target.rows.map((r) => r.id))}`,
      },
    );
    return;
  }
  if (ref.row !== undefined) {
    if (target.type !== "grid") {
      report(
        "when-unknown-item",
        `"${target.id}" is not a grid, so it has no row "${ref.row}"`,
        at(ref.offset),
        {
          hint: `write just ${target.id}`,
        },
      );
      return;
    }
    if (!target.rows.some((r) => r.id === ref.row)) {
      report(
        "when-unknown-item",
        `grid "${target.id}" has no row "${ref.row}"${didYouMean(
          ref.row,
          target.rows.map((r) => r.id),
        )}`,
        at(ref.offset),
        {
          hint: `rows: ${listing(target.rows.map((r) => r.id))}`,
        },
      );
      return;
    }
  }
  if (ref.kind === "answered") return;
  const codes = possibleCodes(target, q);
  const ordering = ref.op === "<" || ref.op === "<=" || ref.op === ">" || ref.op === ">=";
  for (const { value, offset } of ref.values) {
    const problem = impossible(target, codes, value, ordering ? ref.op : undefined);
    if (problem) {
      report("when-impossible-value", `when of "${item.id}": ${problem}`, at(offset), {
        hint: codes
          ? `"${target.id}" can be: ${listing(codes)}`
          : `"${target.id}" is a ${target.type} item`,
      });
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

/**
 * Why a comparison of an item's answer with `value` is wrong, or undefined when it can be true.
 * `ordering` is the operator of <, <=, > and >= (undefined for ==, != and `in`).
 */
function impossible(
  item: Item,
  codes: string[] | undefined,
  value: Literal,
  ordering: OrderingOp | undefined,
): string | undefined {
  if (item.type === "number") {
    return typeof value === "number"
      ? undefined
      : `"${item.id}" is a number, so it is never ${JSON.stringify(value)}`;
  }
  if (item.type === "text") {
    return ordering
      ? `"${item.id}" is free text and cannot be compared with <, <=, > or >=`
      : undefined;
  }
  if (!codes) return undefined;
  if (ordering) {
    if (typeof value !== "number")
      return `${JSON.stringify(value)} is not a number, so <, <=, > and >= cannot compare it`;
    const numeric = codes.flatMap((c) => toNumber(c) ?? []);
    if (item.type === "multi" || numeric.length === 0) {
      return `"${item.id}" has no numeric codes, so <, <=, > and >= are never true`;
    }
    const min = Math.min(...numeric);
    const max = Math.max(...numeric);
    if (value < min || value > max) {
      return `${value} is outside the scale of "${item.id}" (${min}–${max})`;
    }
    if (!numeric.some((x) => holds(x, ordering, value))) {
      const end = ordering === ">" ? `ends at ${max}` : `starts at ${min}`;
      return `no answer of "${item.id}" is ${ordering} ${value} (the scale ${end})`;
    }
    return undefined;
  }
  const matches = codes.some((c) =>
    typeof value === "number"
      ? toNumber(c) === value || c === String(value)
      : c === literalCode(value),
  );
  return matches ? undefined : `"${item.id}" is never ${JSON.stringify(literalCode(value))}`;
}
