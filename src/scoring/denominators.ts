// Common denominators that make every per-respondent sum an integer sum. A dimension's item
// scores are integers over D (the least common denominator of every score its items can give),
// its weights integers over W; a respondent's weighted mean Σbᵢaᵢ / (D·Σbᵢ) is then an integer
// over L = D · lcm(every Σbᵢ a respondent can reach). Overall scores combine dimension scores
// over Q, a common multiple of their L. So the per-row loop adds and multiplies integers only,
// exactly, and a score is the integer key of a histogram whose denominator is known.
import { decimal, lcm, small } from "./exact.js";

/** Keys stay below 2⁵³ with room for a 0–100 score: beyond this, scoring would not be exact. */
const LIMIT = Number.MAX_SAFE_INTEGER / 100;

/** Integer numerators of decimal weights over their least common denominator. */
export function integerWeights(weights: readonly number[]): number[] {
  const parts = weights.map((w) => small(decimal(w)));
  const den = parts.reduce((d, [, q]) => lcm(d, q), 1);
  return parts.map(([p, q]) => p * (den / q));
}

/** lcm of every sum of a subset of the weights (the denominators a weighted mean can have). */
function reachableLcm(weights: readonly number[], where: string): number {
  const total = weights.reduce((a, b) => a + b, 0);
  if (total > 1 << 16)
    throw new RangeError(`${where}: the item weights are too fine for exact scoring`);
  const reach = new Uint8Array(total + 1);
  reach[0] = 1;
  for (const w of weights) for (let s = total - w; s >= 0; s--) if (reach[s]) reach[s + w] = 1;
  let l = 1;
  for (let s = 1; s <= total; s++) if (reach[s]) l = lcm(l, s);
  return l;
}

export interface DimensionScale {
  /** Item scores are integers over D. */
  readonly D: number;
  /** Respondent scores are integers over L. */
  readonly L: number;
  /** Per Σbᵢ = m: L / (D·m), the factor that puts Σbᵢaᵢ over L. */
  readonly perWeight: Float64Array;
}

/** The scale of one dimension from its items' score denominators and integer weights. */
export function dimensionScale(
  itemDens: readonly number[],
  weights: readonly number[],
  minimum: boolean,
  where: string,
): DimensionScale {
  const D = itemDens.reduce((d, x) => lcm(d, x), 1);
  // The weakest link is one item score: over D already.
  const L = minimum ? D : D * reachableLcm(weights, where);
  if (!(L <= LIMIT)) throw new RangeError(`${where}: the scores are too fine for exact scoring`);
  const total = weights.reduce((a, b) => a + b, 0);
  const perWeight = new Float64Array(total + 1);
  for (let m = 1; m <= total; m++) perWeight[m] = (L / D) % m === 0 ? L / (D * m) : Number.NaN;
  return { D, L, perWeight };
}

export interface OverallScale {
  /** Overall scores are integers over Q. */
  readonly Q: number;
  /** Per dimension: the factor that puts its key (over its L) over Q, times its weight. */
  readonly factor: Float64Array;
}

/** The scale of an overall score over dimensions with these L and decimal weights. */
export function overallScale(
  Ls: readonly number[],
  weights: readonly number[],
  minimum: boolean,
  where: string,
): OverallScale {
  const c = integerWeights(weights);
  const C = minimum ? 1 : c.reduce((a, b) => a + b, 0);
  const Q = C * Ls.reduce((q, l) => lcm(q, l), 1);
  if (!(Q <= LIMIT))
    throw new RangeError(`${where}: the overall score is too fine for exact scoring`);
  const factor = Float64Array.from(Ls, (l, d) => (minimum ? Q / l : (c[d]! * Q) / (C * l)));
  return { Q, factor };
}
