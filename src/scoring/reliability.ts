// Cronbach's alpha and corrected item–total correlations from running sums of products, so they
// can be computed while streaming (no respondent rows kept). Listwise: only respondents who
// answered every item of the dimension count.

export class ReliabilityAcc {
  n = 0;
  readonly s: Float64Array;
  /** Upper triangle incl. diagonal, row-major: ss[i*k + j] for j ≥ i. */
  readonly ss: Float64Array;

  constructor(readonly itemIds: readonly string[]) {
    const k = itemIds.length;
    this.s = new Float64Array(k);
    this.ss = new Float64Array(k * k);
  }

  add(x: ArrayLike<number>): void {
    // Locals, not this.s / this.ss in the loops: this runs for every dimension of every row.
    const k = this.itemIds.length;
    const s = this.s;
    const ss = this.ss;
    this.n++;
    for (let i = 0; i < k; i++) {
      const xi = x[i]!;
      s[i]! += xi;
      let at = i * k + i;
      for (let j = i; j < k; j++) ss[at++]! += xi * x[j]!;
    }
  }

  merge(other: ReliabilityAcc): void {
    this.n += other.n;
    for (let i = 0; i < this.s.length; i++) this.s[i]! += other.s[i]!;
    for (let i = 0; i < this.ss.length; i++) this.ss[i]! += other.ss[i]!;
  }
}

export interface AlphaResult {
  readonly n: number;
  readonly alpha: number | null;
  readonly items: readonly {
    id: string;
    itemTotal: number | null;
    alphaIfDeleted: number | null;
  }[];
}

/**
 * Covariance matrix (n − 1 denominator). Sums of products minus a product of sums cancel: a
 * covariance that is zero comes out as rounding noise (~1e-13 of the mean square), and a noise
 * "variance" in the denominator of alpha gives absurd values. So anything below 1e-9 of the
 * items' mean squares counts as zero; real covariances of 0–100 scores are far above that.
 */
function covariance(acc: ReliabilityAcc): number[][] {
  const k = acc.itemIds.length;
  const n = acc.n;
  const cov: number[][] = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < k; i++) {
    for (let j = i; j < k; j++) {
      const scale = (acc.ss[i * k + i]! + acc.ss[j * k + j]!) / (2 * n);
      let c = (acc.ss[i * k + j]! - (acc.s[i]! * acc.s[j]!) / n) / (n - 1);
      if (Math.abs(c) <= 1e-9 * scale) c = 0;
      cov[i]![j] = c;
      cov[j]![i] = c;
    }
  }
  return cov;
}

/** Below this share of the summed item variances, a variance is rounding noise. */
const NOISE = 1e-9;

function alphaOf(cov: number[][], keep: readonly number[]): number | null {
  const k = keep.length;
  if (k < 2) return null;
  let total = 0;
  let diag = 0;
  for (const i of keep) {
    diag += cov[i]![i]!;
    for (const j of keep) total += cov[i]![j]!;
  }
  // A total variance that is rounding noise (items that cancel exactly, e.g. an item and its
  // reverse) means alpha is undefined, not a huge negative number.
  if (total <= NOISE * diag) return null;
  return (k / (k - 1)) * (1 - diag / total);
}

export function cronbach(acc: ReliabilityAcc, minN: number): AlphaResult {
  const k = acc.itemIds.length;
  if (acc.n < Math.max(2, minN) || k < 2) {
    return {
      n: acc.n,
      alpha: null,
      items: acc.itemIds.map((id) => ({ id, itemTotal: null, alphaIfDeleted: null })),
    };
  }
  const cov = covariance(acc);
  const all = acc.itemIds.map((_, i) => i);
  const alpha = alphaOf(cov, all);
  const items = acc.itemIds.map((id, i) => {
    const rest = all.filter((j) => j !== i);
    let covRest = 0;
    let varRest = 0;
    for (const j of rest) {
      covRest += cov[i]![j]!;
      for (const l of rest) varRest += cov[j]![l]!;
    }
    let restDiag = 0;
    for (const j of rest) restDiag += cov[j]![j]!;
    if (varRest <= NOISE * restDiag) varRest = 0;
    const vi = cov[i]![i]!;
    const denom = Math.sqrt(vi * varRest);
    return {
      id,
      itemTotal: denom > 0 ? covRest / denom : null,
      alphaIfDeleted: alphaOf(cov, rest),
    };
  });
  return { n: acc.n, alpha, items };
}
