// Single parts of items: choices (unique codes, scores), number bands (no overlaps), grid rows
// (unique ids).
import type { Origin } from "../compose.js";
import { originAt } from "../compose.js";
import type { Report } from "../reporter.js";
import { key, type Rule, rawAt, rawList } from "./rule.js";

export const itemPartsRule: Rule = {
  name: "item-parts",
  scope: "part",
  check({ composed, report }) {
    for (const [id, origin] of composed.origins.items) {
      const type = rawAt(origin, "type");
      if (type === "single" || type === "multi") checkChoices(id, type, origin, report);
      if (type === "number") checkBands(id, origin, report);
      if (type === "grid") checkRows(id, origin, report);
    }
  },
};

function checkChoices(id: string, type: "single" | "multi", origin: Origin, report: Report): void {
  const choices = rawList(origin, "choices");
  const codes = new Set<string>();
  let scored = 0;
  choices.forEach((c, i) => {
    const code = key(c.code);
    if (code !== undefined) {
      if (codes.has(code)) {
        report(
          "duplicate-code",
          `code "${code}" appears twice in the choices of "${id}"`,
          originAt(origin, "choices", i, "code"),
          {
            hint: "every choice needs its own code",
          },
        );
      }
      codes.add(code);
    }
    if (c.missing === undefined) {
      if (type === "single" || c.exclusive !== true) scored++;
      if (c.score === undefined) {
        report(
          "missing-field",
          `choice "${code}" of "${id}" has no \`score\``,
          originAt(origin, "choices", i),
          {
            hint: "add `score: 0…100`, or `missing: dont_know` for a don't-know choice",
          },
        );
      }
    }
    if (c.exclusive === true && type !== "multi") {
      report(
        "field-not-allowed",
        `\`exclusive\` only applies to multi items`,
        originAt(origin, "choices", i, "exclusive"),
        {
          severity: "warning",
          hint: "remove it; a single item allows one choice anyway",
        },
      );
    }
  });
  if (choices.length > 0 && scored < (type === "single" ? 2 : 1)) {
    report(
      "too-few-choices",
      `${type} item "${id}" has ${scored} scored choice(s); it needs at least ${type === "single" ? 2 : 1}`,
      originAt(origin, "choices"),
      { hint: "add choices with `score:`" },
    );
  }
}

function checkBands(id: string, origin: Origin, report: Report): void {
  const bands = rawList(origin, "bands");
  const lo = (b: Record<string, unknown>) =>
    typeof b.min === "number" ? b.min : Number.NEGATIVE_INFINITY;
  const hi = (b: Record<string, unknown>) =>
    typeof b.max === "number" ? b.max : Number.POSITIVE_INFINITY;
  const range = (b: Record<string, unknown>) =>
    `[${typeof b.min === "number" ? b.min : "−∞"}, ${typeof b.max === "number" ? b.max : "∞"})`;
  bands.forEach((b, i) => {
    if (lo(b) >= hi(b)) {
      report(
        "invalid-band",
        `band ${i + 1} of "${id}" is empty: min ${lo(b)} is not below max ${hi(b)}`,
        originAt(origin, "bands", i),
        {
          hint: "min is inclusive, max exclusive: min must be smaller than max",
        },
      );
      return;
    }
    for (let j = 0; j < i; j++) {
      const other = bands[j]!;
      if (lo(other) >= hi(other)) continue;
      if (lo(b) < hi(other) && lo(other) < hi(b)) {
        report(
          "bands-overlap",
          `band ${i + 1} of "${id}" ${range(b)} overlaps band ${j + 1} ${range(other)}`,
          originAt(origin, "bands", i),
          {
            hint: "bands include min and exclude max; let each band start where the previous one ends",
          },
        );
      }
    }
  });
}

function checkRows(id: string, origin: Origin, report: Report): void {
  const seen = new Set<string>();
  rawList(origin, "rows").forEach((r, i) => {
    const rowId = key(r.id);
    if (rowId === undefined) return;
    if (seen.has(rowId)) {
      report(
        "duplicate-id",
        `row id "${rowId}" is used twice in grid "${id}"`,
        originAt(origin, "rows", i, "id"),
        {
          hint: "every row of a grid needs its own id (it becomes the column item[row])",
        },
      );
    }
    seen.add(rowId);
  });
}
