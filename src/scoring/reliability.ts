// Cronbach's alpha and corrected item–total correlations from running sums, so they can be
// computed while streaming (no respondent rows kept). Listwise: only respondents who answered
// every item of the dimension count.
//
// Alpha and the item statistics need only the item variances, each item's covariance with the
// total T = Σ xᵢ, and the variance of T (Σⱼ cov(xᵢ, xⱼ) = cov(xᵢ, T)); so a respondent costs
// O(k) sums — Σ xᵢ, Σ xᵢ², Σ xᵢ·T, Σ T, Σ T² — not the O(k²) of a full covariance matrix.

import type { Reliability } from "./assessment.js";

export class ReliabilityAcc {
  n = 0;
  /** Per item: Σ x, Σ x², Σ x·T. */
  readonly s: Float64Array;
  readonly q: Float64Array;
  readonly p: Float64Array;
  /** Σ T and Σ T² over the same respondents. */
  st = 0;
  qt = 0;

  constructor(readonly itemIds: readonly string[]) {
    const k = itemIds.length;
    this.s = new Float64Array(k);
    this.q = new Float64Array(k);
    this.p = new Float64Array(k);
  }

  add(x: ArrayLike<number>): void {
    const k = this.itemIds.length;
    let t = 0;
    for (let i = 0; i < k; i++) t += x[i]!;
    const { s, q, p } = this;
    for (let i = 0; i < k; i++) {
      const xi = x[i]!;
      s[i]! += xi;
      q[i]! += xi * xi;
      p[i]! += xi * t;
    }
    this.n++;
    this.st += t;
    this.qt += t * t;
  }

  merge(other: ReliabilityAcc): void {
    this.n += other.n;
    for (let i = 0; i < this.s.length; i++) {
      this.s[i]! += other.s[i]!;
      this.q[i]! += other.q[i]!;
      this.p[i]! += other.p[i]!;
    }
    this.st += other.st;
    this.qt += other.qt;
  }
}

export type AlphaResult = Pick<Reliability, "n" | "alpha"> & {
  readonly items: readonly Omit<Reliability["itemStats"][number], "lowersAlpha">[];
};

/**
 * Below this share of the mean squares involved, a (co)variance is rounding noise: sums of
 * squares minus a squared sum cancel, so a variance that is zero (all answers alike; items that
 * cancel exactly, like an item and its reverse) comes out as ~1e-13 of the mean square, and a
 * noise variance in a denominator gives absurd values. Real variances of 0–100 scores are far
 * above it.
 */
const NOISE = 1e-9;

/** (Σab − Σa·Σb/n) / (n − 1), zero when it is below the noise of the mean squares. */
function covariance(sab: number, sa: number, sb: number, scale: number, n: number): number {
  const c = (sab - (sa * sb) / n) / (n - 1);
  return Math.abs(c) <= NOISE * scale ? 0 : c;
}

/** k/(k−1)·(1 − Σ var / var(total)); null for fewer than two items or no total variance. */
function alphaOf(k: number, sumVar: number, totalVar: number): number | null {
  if (k < 2 || totalVar <= 0) return null;
  return (k / (k - 1)) * (1 - sumVar / totalVar);
}

export function cronbach(acc: ReliabilityAcc, minN: number): AlphaResult {
  const k = acc.itemIds.length;
  const n = acc.n;
  if (n < Math.max(2, minN) || k < 2) {
    return {
      n,
      alpha: null,
      items: acc.itemIds.map((id) => ({ id, itemTotal: null, alphaIfDeleted: null })),
    };
  }
  const varT = covariance(acc.qt, acc.st, acc.st, acc.qt / n, n);
  const vars = acc.itemIds.map((_, i) =>
    covariance(acc.q[i]!, acc.s[i]!, acc.s[i]!, acc.q[i]! / n, n),
  );
  const covT = acc.itemIds.map((_, i) =>
    covariance(acc.p[i]!, acc.s[i]!, acc.st, Math.sqrt((acc.q[i]! / n) * (acc.qt / n)), n),
  );
  const sumVar = vars.reduce((a, b) => a + b, 0);
  const items = acc.itemIds.map((id, i) => {
    const vi = vars[i]!;
    // The rest R = T − xᵢ: cov(xᵢ, R) = cov(xᵢ, T) − var xᵢ; var R = var T − 2 cov(xᵢ, T) + var xᵢ.
    const restVar = sumVar - vi;
    let varR = varT - 2 * covT[i]! + vi;
    if (varR <= NOISE * ((acc.qt + acc.q[i]!) / n)) varR = 0;
    const denom = Math.sqrt(vi * varR);
    return {
      id,
      itemTotal: denom > 0 ? (covT[i]! - vi) / denom : null,
      alphaIfDeleted: alphaOf(k - 1, restVar, varR),
    };
  });
  return { n, alpha: alphaOf(k, sumVar, varT), items };
}
