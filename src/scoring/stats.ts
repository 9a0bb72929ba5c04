// Statistics over score histograms. Respondent scores repeat a lot (they are means of a few
// discrete item scores), so cells keep value → count maps: memory does not grow with the number
// of respondents. Values are exact rationals (exact.ts), so sums, means, medians and level
// boundaries are exact and independent of the order rows arrive in; only the standard deviation
// (a square root) and what follows from it are floats.
import { add, cmp, decimal, keyOf, type Ratio, ratio, sub, toNumber, ZERO } from "./exact.js";

export class Histogram {
  private readonly m = new Map<string, { value: Ratio; weight: number }>();

  /** Adds `weight` respondents with this score (a number is taken as the decimal it spells). */
  add(value: Ratio | number, weight = 1): void {
    const v = typeof value === "number" ? decimal(value) : value;
    const k = keyOf(v);
    const e = this.m.get(k);
    if (e) e.weight += weight;
    else this.m.set(k, { value: v, weight });
  }

  merge(other: Histogram): void {
    other.m.forEach((e) => {
      this.add(e.value, e.weight);
    });
  }

  get size(): number {
    return this.m.size;
  }

  /** [value, weight] pairs in ascending order of value. */
  sorted(): [Ratio, number][] {
    return [...this.m.values()]
      .sort((a, b) => cmp(a.value, b.value))
      .map((e) => [e.value, e.weight]);
  }
}

export function addTo(h: Histogram, value: Ratio | number, weight = 1): void {
  h.add(value, weight);
}

export function mergeInto(target: Histogram, source: Histogram): void {
  target.merge(source);
}

/** A summary's exact values: what levels and gaps are decided from. */
export interface ExactSummary {
  readonly mean: Ratio;
  readonly median: Ratio;
  readonly min: Ratio;
  readonly max: Ratio;
}

export interface Summary {
  readonly n: number;
  readonly mean: number;
  readonly median: number;
  readonly sd: number;
  readonly min: number;
  readonly max: number;
  readonly exact: ExactSummary;
}

/** Summary of a frequency histogram (weights are counts). */
export function summarize(h: Histogram): Summary | undefined {
  return summarizeSorted(h.sorted());
}

/** The same from a histogram's `sorted()` entries, for callers that also walk them. */
export function summarizeSorted(
  entries: readonly (readonly [Ratio, number])[],
): Summary | undefined {
  let n = 0;
  let sum = ZERO;
  for (const [v, w] of entries) {
    n += w;
    sum = add(sum, ratio(v.p * BigInt(w), v.q));
  }
  if (n === 0 || entries.length === 0) return undefined;
  const mean = ratio(sum.p, sum.q * BigInt(n));
  let ss = ZERO;
  for (const [v, w] of entries) {
    const d = sub(v, mean);
    ss = add(ss, ratio(d.p * d.p * BigInt(w), d.q * d.q));
  }
  const sd = n > 1 ? Math.sqrt(toNumber(ratio(ss.p, ss.q * BigInt(n - 1)))) : 0;
  const median = weightedMedian(entries);
  const lo = entries[0]![0];
  const hi = entries[entries.length - 1]![0];
  return {
    n,
    mean: toNumber(mean),
    median: toNumber(median),
    sd,
    min: toNumber(lo),
    max: toNumber(hi),
    exact: { mean, median, min: lo, max: hi },
  };
}

/** Median of sorted [value, count] pairs; the mean of the two middle values for an even split. */
export function weightedMedian(entries: readonly (readonly [Ratio, number])[]): Ratio {
  let total = 0;
  for (const e of entries) total += e[1];
  let cum = 0;
  for (let i = 0; i < entries.length; i++) {
    const v = entries[i]![0];
    cum += entries[i]![1];
    // Counts are integers: 2·cum = total is an exact even split.
    if (2 * cum === total && i + 1 < entries.length) {
      const s = add(v, entries[i + 1]![0]);
      return ratio(s.p, s.q * 2n);
    }
    if (2 * cum > total) return v;
  }
  return entries[entries.length - 1]![0];
}

/** Two-sided confidence interval half-width: t(1−α/2, n−1) · sd / √n. */
export function ciHalfWidth(sd: number, n: number, confidence: number): number {
  if (n < 2) return 0;
  return tQuantile(1 - (1 - confidence) / 2, n - 1) * (sd / Math.sqrt(n));
}

const tCache = new Map<string, number>();

/** Quantile of Student's t distribution (bisection on the CDF; exact to ~1e-12), memoised. */
export function tQuantile(p: number, df: number): number {
  const key = `${p}:${df}`;
  let q = tCache.get(key);
  if (q === undefined) {
    q = tQuantileUncached(p, df);
    if (tCache.size < 10_000) tCache.set(key, q);
  }
  return q;
}

function tQuantileUncached(p: number, df: number): number {
  if (p === 0.5) return 0;
  if (p < 0.5) return -tQuantileUncached(1 - p, df);
  // The bisection evaluates the CDF some 50 times at one df: its three lnGamma terms are
  // computed once (the same value, so the same bits as tCdf computes).
  const lnB = lnBetaTerm(df / 2, 0.5);
  let lo = 0;
  let hi = 1;
  while (tCdfWith(hi, df, lnB) < p) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-13; i++) {
    const mid = (lo + hi) / 2;
    if (tCdfWith(mid, df, lnB) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

function tCdfWith(t: number, df: number, lnB: number): number {
  const x = df / (df + t * t);
  const tail = 0.5 * regularizedBetaWith(x, df / 2, 0.5, lnB);
  return t >= 0 ? 1 - tail : tail;
}

/** ln Γ(a+b) − ln Γ(a) − ln Γ(b), evaluated in that order. */
function lnBetaTerm(a: number, b: number): number {
  return lnGamma(a + b) - lnGamma(a) - lnGamma(b);
}

/** Regularized incomplete beta I_x(a, b) via its continued fraction (Numerical Recipes §6.4). */
function regularizedBetaWith(x: number, a: number, b: number, lnB: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const lnFront = lnB + a * Math.log(x) + b * Math.log(1 - x);
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(lnFront) * betaFraction(x, a, b)) / a;
  return 1 - (Math.exp(lnFront) * betaFraction(1 - x, b, a)) / b;
}

function betaFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a - 1 + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + 1 + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return h;
}

/** ln Γ(x), Lanczos approximation (g = 7, n = 9). */
export function lnGamma(x: number): number {
  const g = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
    -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
    1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  const xx = x - 1;
  let a = g[0]!;
  const t = xx + 7.5;
  for (let i = 1; i < 9; i++) a += g[i]! / (xx + i);
  return 0.5 * Math.log(2 * Math.PI) + (xx + 0.5) * Math.log(t) - t + Math.log(a);
}
