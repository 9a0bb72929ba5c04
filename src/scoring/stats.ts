// Statistics over score histograms. Respondent scores repeat a lot (they are means of a few
// discrete item scores), so cells keep value → weight maps: memory does not grow with the number
// of respondents, and summing over sorted keys makes every result independent of input order.

/**
 * Scores are stored as integer micro-points (score × 10⁶, rounded): small-integer Map keys are
 * fast to hash, and a score reached by different float paths (81.25 vs 81.24999999999999) lands
 * in one bucket, which keeps results independent of input order. 10⁻⁶ is far below any
 * rounding a report shows.
 */
export const SCALE = 1e6;

export class Histogram {
  private readonly m = new Map<number, number>();

  add(value: number, weight = 1): void {
    const k = Math.round(value * SCALE);
    this.m.set(k, (this.m.get(k) ?? 0) + weight);
  }

  merge(other: Histogram, factor = 1): void {
    // forEach and indexed loops, not `for (const [k, w] of …)`, in this file: these run a few
    // thousand times once per run, in V8's interpreter, where each [k, w] destructuring goes
    // through the iterator protocol and costs several times the arithmetic.
    other.m.forEach((w, k) => {
      this.m.set(k, (this.m.get(k) ?? 0) + w * factor);
    });
  }

  /** Adds raw (micro-point key, weight) entries, e.g. of a histogram cloned across threads. */
  mergeEntries(entries: Iterable<readonly [number, number]>): void {
    for (const [k, w] of entries) this.m.set(k, (this.m.get(k) ?? 0) + w);
  }

  clear(): void {
    this.m.clear();
  }

  get size(): number {
    return this.m.size;
  }

  /** [value, weight] pairs in ascending order of value. */
  sorted(): [number, number][] {
    return [...this.m.entries()].sort((a, b) => a[0] - b[0]).map((e) => [e[0] / SCALE, e[1]]);
  }
}

/**
 * Counts per non-negative integer key (a Histogram's micro-point keys) in an open-addressing
 * table of typed arrays: the per-row path adds one respondent score without a Map operation.
 */
export class CountTable {
  private keys = new Int32Array(256).fill(-1);
  private counts = new Float64Array(256);
  private shift = 24; // 32 − log2(capacity)
  private size = 0;
  /** Keys outside 0 … 2³¹−1 (not expected for 0–100 scores) are counted here instead. */
  private readonly other = new Map<number, number>();

  add(key: number): void {
    this.addCount(key, 1);
  }

  private grow(): void {
    const { keys, counts } = this;
    this.keys = new Int32Array(keys.length * 2).fill(-1);
    this.counts = new Float64Array(keys.length * 2);
    this.shift--;
    this.size = 0;
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] === -1) continue;
      let j = Math.imul(keys[i]!, 0x9e3779b1) >>> this.shift;
      while (this.keys[j] !== -1) j = (j + 1) & (this.keys.length - 1);
      this.keys[j] = keys[i]!;
      this.counts[j] = counts[i]!;
      this.size++;
    }
  }

  /** Adds `count` to a key's count. */
  addCount(key: number, count: number): void {
    if (!(key >= 0 && key <= 0x7fffffff)) {
      this.other.set(key, (this.other.get(key) ?? 0) + count);
      return;
    }
    const keys = this.keys;
    const mask = keys.length - 1;
    let i = Math.imul(key, 0x9e3779b1) >>> this.shift;
    for (;;) {
      const k = keys[i]!;
      if (k === key) {
        this.counts[i]! += count;
        return;
      }
      if (k === -1) break;
      i = (i + 1) & mask;
    }
    keys[i] = key;
    this.counts[i] = count;
    if (++this.size * 2 > keys.length) this.grow();
  }

  /** The entries as key, count, key, count, … (a transferable copy, see addPairs). */
  toPairs(): Float64Array {
    const out = new Float64Array(2 * (this.size + this.other.size));
    let n = 0;
    for (const [k, c] of this.entries()) {
      out[n++] = k;
      out[n++] = c;
    }
    return out;
  }

  /** Adds the counts of another table's `toPairs`. */
  addPairs(pairs: Float64Array): void {
    for (let i = 0; i < pairs.length; i += 2) this.addCount(pairs[i]!, pairs[i + 1]!);
  }

  /** [key, count] pairs (in table order). */
  *entries(): Generator<[number, number]> {
    for (let i = 0; i < this.keys.length; i++)
      if (this.keys[i] !== -1) yield [this.keys[i]!, this.counts[i]!];
    yield* this.other;
  }

  clear(): void {
    this.keys.fill(-1);
    this.counts.fill(0);
    this.size = 0;
    this.other.clear();
  }
}

export function addTo(h: Histogram, value: number, weight = 1): void {
  h.add(value, weight);
}

export function mergeInto(target: Histogram, source: Histogram, factor = 1): void {
  target.merge(source, factor);
}

export interface Summary {
  readonly n: number;
  readonly mean: number;
  readonly median: number;
  readonly sd: number;
  readonly min: number;
  readonly max: number;
}

/** Summary of a frequency histogram (weights are counts); sums run in ascending order. */
export function summarize(h: Histogram): Summary | undefined {
  return summarizeSorted(h.sorted());
}

/** The same from a histogram's `sorted()` entries, for callers that also walk them. */
export function summarizeSorted(
  entries: readonly (readonly [number, number])[],
): Summary | undefined {
  let n = 0;
  let sum = 0;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    n += e[1];
    sum += e[0] * e[1];
  }
  if (n === 0 || entries.length === 0) return undefined;
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    ss += e[1] * (e[0] - mean) ** 2;
  }
  const sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
  return {
    n,
    mean,
    median: weightedMedian(entries),
    sd,
    min: entries[0]![0],
    max: entries[entries.length - 1]![0],
  };
}

/** Median of sorted [value, weight] pairs; the mean of the two middle values for an even split. */
export function weightedMedian(entries: readonly (readonly [number, number])[]): number {
  let total = 0;
  for (let i = 0; i < entries.length; i++) total += entries[i]![1];
  const half = total / 2;
  let cum = 0;
  for (let i = 0; i < entries.length; i++) {
    const v = entries[i]![0];
    cum += entries[i]![1];
    if (Math.abs(cum - half) < 1e-9 * total && i + 1 < entries.length)
      return (v + entries[i + 1]![0]) / 2;
    if (cum > half) return v;
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

export function tCdf(t: number, df: number): number {
  return tCdfWith(t, df, lnBetaTerm(df / 2, 0.5));
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
export function regularizedBeta(x: number, a: number, b: number): number {
  return regularizedBetaWith(x, a, b, lnBetaTerm(a, b));
}

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
