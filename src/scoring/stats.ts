// Statistics over score histograms. Respondent scores repeat a lot (they are means of a few
// discrete item scores), so cells keep value → count maps: memory does not grow with the number
// of respondents. Values are exact rationals (exact.ts), so sums, means, medians and level
// boundaries are exact and independent of the order rows arrive in; only the standard deviation
// (a square root) and what follows from it are floats.
import { tQuantile } from "../util/student-t.js";
import { add, cmp, decimal, keyOf, type Ratio, ratio, sub, toNumber, ZERO } from "./exact.js";

export { tQuantile };

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
