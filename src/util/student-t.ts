// Student's t distribution: the quantile behind every confidence interval, from the regularized
// incomplete beta function. Plain numerics, no statistics policy: that lives in src/scoring.
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
