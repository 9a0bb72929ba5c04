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
        report("duplicate-code.choice", { code, item: id }, originAt(origin, "choices", i, "code"));
      }
      codes.add(code);
    }
    if (c.missing === undefined) {
      if (type === "single" || c.exclusive !== true) scored++;
      if (c.score === undefined) {
        report(
          "missing-field.choice-score",
          { code: String(code), item: id },
          originAt(origin, "choices", i),
        );
      }
    }
    if (c.exclusive === true && type !== "multi") {
      report("field-not-allowed.exclusive", {}, originAt(origin, "choices", i, "exclusive"), {
        severity: "warning",
      });
    }
  });
  if (choices.length > 0 && scored < (type === "single" ? 2 : 1)) {
    report(
      "too-few-choices",
      { type, item: id, scored, needed: type === "single" ? 2 : 1 },
      originAt(origin, "choices"),
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
        { n: i + 1, item: id, min: String(lo(b)), max: String(hi(b)) },
        originAt(origin, "bands", i),
      );
      return;
    }
    for (let j = 0; j < i; j++) {
      const other = bands[j]!;
      if (lo(other) >= hi(other)) continue;
      if (lo(b) < hi(other) && lo(other) < hi(b)) {
        report(
          "bands-overlap",
          { n: i + 1, item: id, range: range(b), other: j + 1, otherRange: range(other) },
          originAt(origin, "bands", i),
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
      report("duplicate-id.row", { row: rowId, grid: id }, originAt(origin, "rows", i, "id"));
    }
    seen.add(rowId);
  });
}
