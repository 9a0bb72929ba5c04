// A small linear program solver for the auditor: the range a linear objective can take over
//   { y : A·y = b, 0 ≤ y ≤ u }.
// Dense two-phase simplex with Bland's rule (no cycling), in doubles. The auditor's programs
// have at most a few dozen variables (one per department × group cell of one dimension) and
// coefficients between 0 and 1 (shares of respondents), so a dense tableau is both simple and
// fast enough; every operation happens in a fixed order, so the results are the same bytes on
// every run.

const EPS = 1e-9;

/** A feasible basis of the polytope, ready to optimise objectives over (phase 2). */
export class Polytope {
  private readonly rows: number[][];
  private readonly basis: number[];
  private readonly cols: number;
  /** Number of structural variables y. */
  readonly size: number;

  private constructor(rows: number[][], basis: number[], size: number) {
    this.rows = rows;
    this.basis = basis;
    this.size = size;
    this.cols = 2 * size;
  }

  /**
   * The polytope { A·y = b, 0 ≤ y ≤ u }, or undefined when it is empty (the equations
   * contradict the bounds by more than rounding).
   */
  static of(
    A: readonly (readonly number[])[],
    b: readonly number[],
    u: readonly number[],
  ): Polytope | undefined {
    const n = u.length;
    const m = A.length;
    // Columns: y (n), upper-bound slacks s (n), artificials (m), right-hand side.
    const width = 2 * n + m + 1;
    const rows: number[][] = [];
    const basis: number[] = [];
    for (let i = 0; i < m; i++) {
      const sign = b[i]! < 0 ? -1 : 1;
      const row = new Array<number>(width).fill(0);
      for (let j = 0; j < n; j++) row[j] = sign * (A[i]![j] ?? 0);
      row[2 * n + i] = 1;
      row[width - 1] = sign * b[i]!;
      rows.push(row);
      basis.push(2 * n + i);
    }
    for (let j = 0; j < n; j++) {
      const row = new Array<number>(width).fill(0);
      row[j] = 1;
      row[n + j] = 1;
      row[width - 1] = u[j]!;
      rows.push(row);
      basis.push(n + j);
    }
    // Phase 1: minimise the sum of the artificials.
    const cost = new Array<number>(width).fill(0);
    for (let i = 0; i < m; i++) cost[2 * n + i] = 1;
    const value = simplex(rows, basis, cost, width - 1);
    const scale = Math.max(1, ...b.map(Math.abs), ...u);
    if (value > 1e-7 * scale) return undefined;
    // Drive artificials out of the basis; a row that cannot lose its artificial is redundant.
    for (let i = rows.length - 1; i >= 0; i--) {
      if (basis[i]! < 2 * n) continue;
      const row = rows[i]!;
      let col = -1;
      for (let j = 0; j < 2 * n; j++) if (Math.abs(row[j]!) > EPS) col = col < 0 ? j : col;
      if (col < 0) {
        rows.splice(i, 1);
        basis.splice(i, 1);
      } else pivot(rows, basis, i, col);
    }
    const trimmed = rows.map((r) => [...r.slice(0, 2 * n), r[width - 1]!]);
    return new Polytope(trimmed, basis, n);
  }

  /** The minimum of c·y over the polytope (bounded, since every y is boxed). */
  minimize(c: readonly number[]): number {
    const rows = this.rows.map((r) => r.slice());
    const basis = this.basis.slice();
    const cost = new Array<number>(this.cols + 1).fill(0);
    for (let j = 0; j < this.size; j++) cost[j] = c[j] ?? 0;
    return simplex(rows, basis, cost, this.cols);
  }

  /** [min, max] of c·y. */
  range(c: readonly number[]): [number, number] {
    return [this.minimize(c), -this.minimize(c.map((x) => -x))];
  }
}

/**
 * Minimises cost·x over the tableau (rows in canonical form for `basis`, right-hand side in
 * column `rhs`), pivoting in place; returns the optimum.
 */
function simplex(rows: number[][], basis: number[], cost: readonly number[], rhs: number): number {
  for (let iteration = 0; iteration < 50_000; iteration++) {
    // Reduced costs: cost_j − Σ cost_basis(i) · row_i[j]; Bland: the first improving column.
    let enter = -1;
    for (let j = 0; j < rhs && enter < 0; j++) {
      if (basis.includes(j)) continue;
      let d = cost[j]!;
      for (let i = 0; i < rows.length; i++) d -= cost[basis[i]!]! * rows[i]![j]!;
      if (d < -EPS) enter = j;
    }
    if (enter < 0) break;
    // Ratio test; Bland: ties by the smallest basic index.
    let leave = -1;
    let best = Number.POSITIVE_INFINITY;
    for (let i = 0; i < rows.length; i++) {
      const a = rows[i]![enter]!;
      if (a <= EPS) continue;
      const ratio = rows[i]![rhs]! / a;
      if (ratio < best - EPS) {
        best = ratio;
        leave = i;
      } else if (ratio <= best + EPS && basis[i]! < basis[leave]!) leave = i;
    }
    if (leave < 0) return Number.NEGATIVE_INFINITY;
    pivot(rows, basis, leave, enter);
  }
  let value = 0;
  for (let i = 0; i < rows.length; i++) value += cost[basis[i]!]! * rows[i]![rhs]!;
  return value;
}

function pivot(rows: number[][], basis: number[], r: number, c: number): void {
  const row = rows[r]!;
  const p = row[c]!;
  for (let j = 0; j < row.length; j++) row[j]! /= p;
  row[c] = 1;
  for (let i = 0; i < rows.length; i++) {
    if (i === r) continue;
    const other = rows[i]!;
    const f = other[c]!;
    if (f === 0) continue;
    for (let j = 0; j < other.length; j++) other[j]! -= f * row[j]!;
    other[c] = 0;
  }
  basis[r] = c;
}
