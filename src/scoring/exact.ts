// Exact rational numbers for statistics. Item scores, weights and level thresholds are decimals
// from the questionnaire (and 100·(x−min)/(max−min) of them), so every respondent score is a
// rational; keeping it one until a number is written is what decides a level boundary exactly
// (a mean of exactly 60 is the level that starts at 60) and makes results independent of the
// order rows arrive in. BigInt here is cheap: it runs per distinct value, never per row.

/** p/q in lowest terms, q > 0. */
export interface Ratio {
  readonly p: bigint;
  readonly q: bigint;
}

export function bigGcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) {
    const r = x % y;
    x = y;
    y = r;
  }
  return x;
}

export function ratio(p: bigint | number, q: bigint | number = 1n): Ratio {
  // Safe integers (every histogram key) are reduced as numbers: BigInt division is far slower.
  if (
    typeof p === "number" &&
    typeof q === "number" &&
    Number.isSafeInteger(p) &&
    Number.isSafeInteger(q) &&
    q > 0
  ) {
    const g = gcd(p, q) || 1;
    return { p: BigInt(p / g), q: BigInt(q / g) };
  }
  let a = BigInt(p);
  let b = BigInt(q);
  if (b === 0n) throw new RangeError("ratio with denominator 0");
  if (b < 0n) [a, b] = [-a, -b];
  const g = bigGcd(a, b);
  return g > 1n ? { p: a / g, q: b / g } : { p: a, q: b };
}

export const ZERO = ratio(0);

/**
 * The exact value of a decimal number as written in a questionnaire (0.5, 33.3, 1e-3): the
 * decimal its shortest representation spells, not the binary double behind it.
 */
export function decimal(x: number): Ratio {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/.exec(String(x));
  if (!m) throw new RangeError(`not a decimal: ${x}`);
  const digits = BigInt(`${m[1]}${m[2]}${m[3] ?? ""}`);
  const exponent = Number(m[4] ?? 0) - (m[3]?.length ?? 0);
  return exponent >= 0
    ? ratio(digits * 10n ** BigInt(exponent))
    : ratio(digits, 10n ** BigInt(-exponent));
}

export const add = (a: Ratio, b: Ratio): Ratio => ratio(a.p * b.q + b.p * a.q, a.q * b.q);
export const sub = (a: Ratio, b: Ratio): Ratio => ratio(a.p * b.q - b.p * a.q, a.q * b.q);
export const mul = (a: Ratio, b: Ratio): Ratio => ratio(a.p * b.p, a.q * b.q);
export const div = (a: Ratio, b: Ratio): Ratio => ratio(a.p * b.q, a.q * b.p);

/** −1, 0 or 1 as a < b, a = b, a > b. */
export function cmp(a: Ratio, b: Ratio): number {
  const l = a.p * b.q;
  const r = b.p * a.q;
  return l < r ? -1 : l > r ? 1 : 0;
}

export const min = (a: Ratio, b: Ratio): Ratio => (cmp(a, b) <= 0 ? a : b);

/** Σ wᵢ·rᵢ / Σ wᵢ with exact weights; undefined when the weights sum to 0. */
export function weightedMean(parts: readonly { value: Ratio; weight: Ratio }[]): Ratio | undefined {
  let sum = ZERO;
  let total = ZERO;
  for (const { value, weight } of parts) {
    sum = add(sum, mul(value, weight));
    total = add(total, weight);
  }
  return total.p === 0n ? undefined : div(sum, total);
}

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * The double nearest to p/q (to within one unit in the last place for huge terms): the one
 * place where an exact value becomes a float, right before it is written.
 */
export function toNumber(r: Ratio): number {
  const abs = r.p < 0n ? -r.p : r.p;
  if (abs <= SAFE && r.q <= SAFE) return Number(r.p) / Number(r.q);
  // 20 significant digits of the quotient, then one correctly rounded parse.
  const scale = 10n ** 20n;
  const whole = (r.p * scale) / r.q;
  return Number(`${whole}e-20`);
}

/** Canonical text of a ratio, a Map key for exact histograms. */
export const keyOf = (r: Ratio): string => `${r.p}/${r.q}`;

export function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y !== 0) {
    const r = x % y;
    x = y;
    y = r;
  }
  return x;
}

export const lcm = (a: number, b: number): number => (a === 0 || b === 0 ? 0 : (a / gcd(a, b)) * b);

/** A ratio whose terms are safe integers, as [numerator, denominator] numbers. */
export function small(r: Ratio): [number, number] {
  const abs = r.p < 0n ? -r.p : r.p;
  if (abs > SAFE || r.q > SAFE) throw new RangeError(`${keyOf(r)} is too fine for exact scoring`);
  return [Number(r.p), Number(r.q)];
}
