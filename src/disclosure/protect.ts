// Cell suppression per dimension: primary (fewer than k respondents), then complementary
// suppressions until the hidden cells are safe — checked with simple rules over every published
// total first (cheap and exact), then with the auditor's intervals (lp).
//
// Rules for a total and its published parts (respondents without a part count as a hidden part):
// - never exactly one hidden member (it would be the total minus the others);
// - a shown total's hidden parts hold no respondents or at least k (their difference is public).
// Auditor: every hidden cell of fewer than k respondents (and every unpublished group of them)
// can still take an interval at least 2p wide, given every released mean, minimum and maximum.
// Complementary suppressions are chosen among the shown parts of the totals the unsafe cell is
// in, fewest respondents first (ties by key), so the same inputs always hide the same cells.

import type { SuppressionReason } from "../scoring/assessment.js";
import { compareStrings } from "../util/order.js";
import { intervals, type Released } from "./audit.js";
import type { DimTable, Relation } from "./table.js";

/** Default protection interval p: points on the 0–100 scale (docs/methodology.md argues it). */
export const DEFAULT_PROTECTION = 5;

/**
 * How much wider than 2p an interval must be here. assessment.json rounds every number to 6
 * decimals, and an attacker's interval from rounded numbers can come out narrower than the one
 * computed here from exact ones by some 1e-6 × the relation's coefficients (a generated case
 * reached [0, 9.99999] from an interval of exactly [0, 10]); the margin keeps 2p true of what is
 * published.
 */
const MARGIN = 1e-3;

export interface CellValues {
  readonly mean: number;
  readonly min?: number;
  readonly max?: number;
}

/**
 * Hides cells of one dimension until it is safe; `hidden` comes in with the cells hidden as
 * whole units and the primary suppressions, and goes out with the complementary ones added.
 * `values` gives each cell's true numbers; `statisticsFrom` is the size from which a cell's
 * minimum and maximum are released (2k).
 */
export function protectTable(
  t: DimTable,
  values: ReadonlyMap<string, CellValues>,
  hidden: Map<string, SuppressionReason>,
  k: number,
  p: number,
  statisticsFrom: number,
): void {
  const n = new Map(t.cells.map((c) => [c.key, c.n]));
  for (let guard = 0; guard <= t.cells.length; guard++) {
    const byRule = ruleViolation(t.relations, hidden, n, k);
    const unsafe = byRule ?? auditViolation(t, values, hidden, k, p, statisticsFrom);
    if (!unsafe) return;
    const next = complement(t, unsafe.relations, hidden, n);
    if (!next) return;
    hidden.set(next, "secondary");
  }
}

/** The first relation that breaks a rule, if any. */
function ruleViolation(
  relations: readonly Relation[],
  hidden: ReadonlyMap<string, SuppressionReason>,
  n: ReadonlyMap<string, number>,
  k: number,
): { relations: Relation[] } | undefined {
  for (const r of relations) {
    const hiddenParts = r.parts.filter((x) => hidden.has(x));
    const members = hiddenParts.length + (hidden.has(r.total) ? 1 : 0) + (r.remainder > 0 ? 1 : 0);
    const hiddenN = hiddenParts.reduce((s, x) => s + (n.get(x) ?? 0), 0) + r.remainder;
    const lone = members === 1 && !(r.remainder >= k && hiddenParts.length === 0);
    const residual = !hidden.has(r.total) && hiddenN > 0 && hiddenN < k;
    if (lone || residual) return { relations: [r] };
  }
  return undefined;
}

/** The first hidden cell or unpublished atom below k whose interval is narrower than 2p. */
function auditViolation(
  t: DimTable,
  values: ReadonlyMap<string, CellValues>,
  hidden: ReadonlyMap<string, SuppressionReason>,
  k: number,
  p: number,
  statisticsFrom: number,
): { relations: Relation[] } | undefined {
  const released = new Map<string, Released>();
  for (const c of t.cells) {
    const v = values.get(c.key);
    if (hidden.has(c.key) || !v) continue;
    released.set(
      c.key,
      c.n >= statisticsFrom && v.min !== undefined && v.max !== undefined
        ? { mean: v.mean, min: v.min, max: v.max }
        : { mean: v.mean },
    );
  }
  const cellKeys = new Set(t.cells.map((c) => c.key));
  for (const iv of intervals(t, released)) {
    // Sensitive: fewer than k respondents. A cell of k or more hidden only to protect others
    // could be published itself; its interval protects the small cells, not itself.
    if (iv.n >= k) continue;
    if (iv.high - iv.low >= 2 * p + MARGIN) continue;
    const mine = t.relations.filter(
      (r) =>
        r.total === iv.key ||
        r.parts.includes(iv.key) ||
        (!cellKeys.has(iv.key) && r.remainder > 0 && iv.key.startsWith(`${r.total}/`)) ||
        (!cellKeys.has(iv.key) && r.remainder > 0 && r.total === "administration"),
    );
    return { relations: mine.length > 0 ? mine : [...t.relations] };
  }
  return undefined;
}

/** The next cell to hide: a shown part of these relations with the fewest respondents. */
function complement(
  t: DimTable,
  relations: readonly Relation[],
  hidden: ReadonlyMap<string, SuppressionReason>,
  n: ReadonlyMap<string, number>,
): string | undefined {
  const byFewest = (keys: Iterable<string>) =>
    [...new Set(keys)]
      .filter((x) => !hidden.has(x) && (n.get(x) ?? 0) > 0)
      .sort((x, y) => n.get(x)! - n.get(y)! || compareStrings(x, y))[0];
  return (
    byFewest(relations.flatMap((r) => r.parts)) ??
    byFewest(relations.map((r) => r.total)) ??
    byFewest(t.cells.filter((c) => c.key !== "administration").map((c) => c.key)) ??
    byFewest(t.cells.map((c) => c.key))
  );
}
