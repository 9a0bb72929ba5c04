// Statistics over score histograms. Respondent scores repeat a lot (they are means of a few
// discrete item scores), so cells keep value → count tables: memory does not grow with the number
// of respondents. Values are exact rationals (exact.ts), so sums, means, medians and level
// boundaries are exact and independent of the order rows arrive in; only the standard deviation
// (a square root) and what follows from it are floats.
import { tQuantile } from "../util/student-t.js";
import { add, bigGcd, decimal, lcm, type Ratio, ratio, small, toNumber } from "./exact.js";

export { tQuantile };

/**
 * Respondents by score: scores are integer numerators over one denominator (score = key / den),
 * counted in an open-addressing table of typed arrays. It is hit once per row and dimension, so a
 * Map's hashing would be most of the per-row cost, and every cell's and unit's histograms are
 * alive while the assessment is built: typed arrays keep them off the garbage-collected heap.
 */
export class Histogram {
  private den = 0; // 0: nothing added yet
  private keys = new Float64Array(16).fill(Number.NaN); // NaN: a free slot
  private counts = new Float64Array(16);
  private bits = 4; // keys.length = 2^bits
  private used = 0;

  /** Distinct scores counted so far (0: nobody has a score). */
  get size(): number {
    return this.used;
  }

  /** Adds `count` respondents with the score key / den (safe integers). */
  addKey(key: number, den: number, count = 1): void {
    if (den !== this.den) {
      if (this.den === 0) this.den = den;
      else if (this.den % den !== 0) this.rescale(lcm(this.den, den));
      key *= this.den / den;
      if (!Number.isSafeInteger(key)) throw new RangeError(`${key} is too fine for exact scoring`);
    }
    const keys = this.keys;
    const mask = keys.length - 1;
    // Keys are safe integers: fold both halves to 32 bits (`%` on a double would be a slow fmod),
    // mix, and take the top bits (keys often share low zero bits: multiples of a scale factor).
    const h = Math.imul((key | 0) ^ ((key / 0x100000000) | 0), 0x9e3779b1);
    let i = h >>> (32 - this.bits);
    for (;;) {
      i &= mask;
      const k = keys[i]!;
      if (k === key) {
        this.counts[i]! += count;
        return;
      }
      if (Number.isNaN(k)) break;
      i++;
    }
    keys[i] = key;
    this.counts[i] = count;
    if (++this.used * 2 > keys.length) this.rehash(keys.length * 2, 1);
  }

  /** Adds `weight` respondents with this score (a number is taken as the decimal it spells). */
  add(value: Ratio | number, weight = 1): void {
    const [p, q] = small(typeof value === "number" ? decimal(value) : value);
    this.addKey(p, q, weight);
  }

  /** Moves every key into a table of `size` slots, multiplied by `factor`. */
  private rehash(size: number, factor: number): void {
    const { keys, counts } = this;
    this.keys = new Float64Array(size).fill(Number.NaN);
    this.counts = new Float64Array(size);
    this.bits = Math.log2(size);
    this.used = 0;
    for (let i = 0; i < keys.length; i++) {
      if (Number.isNaN(keys[i]!)) continue;
      const k = keys[i]! * factor;
      if (!Number.isSafeInteger(k)) throw new RangeError(`${k} is too fine for exact scoring`);
      this.addKey(k, this.den, counts[i]!);
    }
  }

  private rescale(den: number): void {
    const factor = den / this.den;
    this.den = den;
    this.rehash(this.keys.length, factor);
  }

  merge(other: Histogram): void {
    const { keys, counts } = other;
    for (let i = 0; i < keys.length; i++)
      if (!Number.isNaN(keys[i]!)) this.addKey(keys[i]!, other.den, counts[i]!);
  }

  /** [value, weight] pairs in ascending order of value. */
  sorted(): [Ratio, number][] {
    const { keys, counts } = this;
    const slots: number[] = [];
    for (let i = 0; i < keys.length; i++) if (!Number.isNaN(keys[i]!)) slots.push(i);
    slots.sort((x, y) => keys[x]! - keys[y]!);
    return slots.map((i) => [ratio(keys[i]!, this.den), counts[i]!]);
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
  // Over the entries' common denominator L the values are integers P: the sums need no
  // reduction per entry, and Σ w·(v − mean)² = (n·Σ w·P² − (Σ w·P)²) / (n·L²) exactly.
  let n = 0;
  let common = 1n;
  for (const [v, w] of entries) {
    n += w;
    if (common % v.q !== 0n) common *= v.q / bigGcd(common, v.q);
  }
  if (n === 0 || entries.length === 0) return undefined;
  let sum = 0n;
  let squares = 0n;
  for (const [v, w] of entries) {
    const P = v.p * (common / v.q);
    const W = BigInt(w);
    sum += W * P;
    squares += W * P * P;
  }
  const N = BigInt(n);
  const mean = ratio(sum, common * N);
  // The sample variance Σ w·(v − mean)² / (n − 1), reduced once.
  const sd =
    n > 1
      ? Math.sqrt(toNumber(ratio(N * squares - sum * sum, N * common * common * BigInt(n - 1))))
      : 0;
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
