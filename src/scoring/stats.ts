// Statistics over score histograms. Respondent scores repeat a lot (they are means of a few
// discrete item scores), so cells keep value → count maps: memory does not grow with the number
// of respondents. Values are exact rationals (exact.ts), so sums, means, medians and level
// boundaries are exact and independent of the order rows arrive in; only the standard deviation
// (a square root) and what follows from it are floats.
import { tQuantile } from "../util/student-t.js";
import { add, decimal, lcm, type Ratio, ratio, small, sub, toNumber, ZERO } from "./exact.js";

export { tQuantile };

export class Histogram {
  /**
   * Scores as integer numerators over one denominator (value = key / den; 0: none added yet):
   * a number per distinct score, not a rational object, so the histograms of every cell and
   * unit, all alive while the assessment is built, stay small.
   */
  private den = 0;
  private readonly m = new Map<number, number>();

  /** Adds `weight` respondents with the score key / den (safe integers). */
  addKey(key: number, den: number, weight = 1): void {
    if (den !== this.den) {
      if (this.den === 0) this.den = den;
      else if (this.den % den !== 0) this.rescale(lcm(this.den, den));
      key *= this.den / den;
      if (!Number.isSafeInteger(key)) throw new RangeError(`${key} is too fine for exact scoring`);
    }
    this.m.set(key, (this.m.get(key) ?? 0) + weight);
  }

  /** Adds `weight` respondents with this score (a number is taken as the decimal it spells). */
  add(value: Ratio | number, weight = 1): void {
    const [p, q] = small(typeof value === "number" ? decimal(value) : value);
    this.addKey(p, q, weight);
  }

  private rescale(den: number): void {
    const f = den / this.den;
    const old = [...this.m];
    this.m.clear();
    this.den = den;
    for (const [k, w] of old) {
      if (!Number.isSafeInteger(k * f))
        throw new RangeError(`${den} is too fine for exact scoring`);
      this.m.set(k * f, w);
    }
  }

  merge(other: Histogram): void {
    other.m.forEach((w, k) => {
      this.addKey(k, other.den, w);
    });
  }

  get size(): number {
    return this.m.size;
  }

  /** [value, weight] pairs in ascending order of value. */
  sorted(): [Ratio, number][] {
    return [...this.m.keys()]
      .sort((a, b) => a - b)
      .map((k) => [ratio(k, this.den), this.m.get(k)!]);
  }
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
