// The auditor: for each hidden cell of a dimension, the interval its mean can still take given
// everything released — the published means (exact linear equations over the atoms), the
// published minima and maxima (bounds on every respondent inside), and 0–100 — by solving two
// small linear programs per cell (lp.ts). The disclosure step runs it until every hidden cell's
// interval is wide enough; the intruder tests run it on a published assessment as an attacker.

import { Polytope } from "./lp.js";
import type { DimTable } from "./table.js";

/** What a reader sees of a shown cell: its mean, and its minimum and maximum when released. */
export interface Released {
  readonly mean: number;
  readonly min?: number;
  readonly max?: number;
}

export interface Interval {
  readonly key: string;
  readonly n: number;
  readonly low: number;
  readonly high: number;
}

/**
 * Intervals of the cells not in `released`, and of the atoms no published cell shows alone
 * (respondents without a department), in table order. Empty equations (nothing released)
 * leave every interval at its bounds.
 */
export function intervals(t: DimTable, released: ReadonlyMap<string, Released>): Interval[] {
  const size = t.atoms.length;
  const lo = new Array<number>(size).fill(0);
  const hi = new Array<number>(size).fill(100);
  for (const c of t.cells) {
    const r = released.get(c.key);
    if (r?.min === undefined || r.max === undefined) continue;
    for (const [i, coef] of c.terms) {
      if (coef <= 0) continue;
      lo[i] = Math.max(lo[i]!, r.min);
      hi[i] = Math.min(hi[i]!, r.max);
    }
  }
  const upper = hi.map((h, i) => Math.max(0, h - lo[i]!));
  const A: number[][] = [];
  const b: number[] = [];
  for (const c of t.cells) {
    const r = released.get(c.key);
    if (!r) continue;
    const row = new Array<number>(size).fill(0);
    let shift = 0;
    for (const [i, coef] of c.terms) {
      row[i] = coef;
      shift += coef * lo[i]!;
    }
    A.push(row);
    b.push(r.mean - shift);
  }
  const targets: { key: string; n: number; terms: readonly (readonly [number, number])[] }[] = [
    ...t.cells.filter((c) => !released.has(c.key)),
    ...t.atoms
      .map((a, i) => ({ key: a.key, n: a.n, terms: [[i, 1] as const] }))
      .filter((a) => !t.cells.some((c) => c.key === a.key)),
  ];
  if (targets.length === 0) return [];
  const P = Polytope.of(A, b, upper);
  return targets.map((c) => {
    const obj = new Array<number>(size).fill(0);
    let shift = 0;
    for (const [i, coef] of c.terms) {
      obj[i] = coef;
      shift += coef * lo[i]!;
    }
    // An empty polytope (published numbers inconsistent beyond rounding) tells a reader nothing.
    const [low, high] = P ? P.range(obj) : [0, obj.reduce((s, x, i) => s + x * upper[i]!, 0)];
    return { key: c.key, n: c.n, low: low + shift, high: high + shift };
  });
}
