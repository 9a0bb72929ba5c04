// One respondent: item outcomes → dimension scores → overall score, for one questionnaire.
import { evaluateCondition } from "../questionnaire/condition.js";
import type { Condition, Dimension, Item, Questionnaire } from "../questionnaire/model.js";
import { gridKey } from "../responses/model.js";
import {
  type DimensionScale,
  dimensionScale,
  integerWeights,
  type OverallScale,
  overallScale,
} from "./denominators.js";
import {
  type AnswerGetter,
  byCharTable,
  compileItemScorer,
  type ItemScorer,
  KIND_NOT_APPLICABLE,
  KIND_SCORE,
  KIND_SKIPPED,
  KINDS,
  lookupAnswer,
  type Outcome,
  optionCodes,
  outcome,
  type Values,
} from "./item-score.js";

export interface PlannedItem {
  readonly item: Item;
  /** Index of the item's dimension in `plan.dimensions`. */
  readonly dim: number;
  readonly scorer: ItemScorer;
  /**
   * Single-code items: the key position and code → outcome tables, so the per-row loop looks
   * the answer up itself (one call less per cell); undefined for composite items.
   */
  readonly at: number;
  readonly byChar: readonly (Outcome | undefined)[] | undefined;
  readonly table: ReadonlyMap<string, Outcome> | undefined;
  /** Item scores are integers over the dimension's D: a = num · (D / den). */
  readonly D: number;
  /** The item's weight as an integer over the dimension's weight denominator. */
  readonly units: number;
  /** Codes that `Outcome.option` indexes (single-code items), for answer counts. */
  readonly options: readonly string[] | undefined;
  // Copied from the item so the per-row loop reads one object shape (items differ in shape).
  readonly groups: readonly string[] | undefined;
  /** `when` compiled against the plan's key positions (undefined = always asked). */
  readonly condition: ((values: Values) => boolean) | undefined;
  /** Where a composite item's answers are: [grid row id or "" for the item, key index]. */
  readonly answerColumns: readonly (readonly [string, number])[];
}

export interface Plan {
  readonly questionnaire: Questionnaire;
  /** Scored items (free text excluded), in questionnaire order. */
  readonly items: readonly PlannedItem[];
  readonly dimensions: readonly Dimension[];
  /** Every answer key: item ids, grid rows as `item[row]`; values arrays follow this order. */
  readonly keys: readonly string[];
  readonly keyIndex: ReadonlyMap<string, number>;
  /** Per dimension: integer scales (denominators.ts); respondent scores are integers over L. */
  readonly scales: readonly DimensionScale[];
  /** Indexes of the composite items (grid, multi, number): no option list to count by. */
  readonly composites: readonly number[];
  /** The overall score over this questionnaire's dimensions: an integer over Q. */
  readonly overall: OverallScale;
}

/**
 * A `when` condition as a function of the values array. Each comparison depends on one answer
 * only, so its result is memoised per answer code (codes repeat; free text is not memoised past a
 * bound). The comparison itself is evaluateCondition's, so both paths agree.
 */
export function compileCondition(
  cond: Condition,
  indexOf: (key: string) => number,
): (values: Values) => boolean {
  switch (cond.kind) {
    case "and": {
      const l = compileCondition(cond.left, indexOf);
      const r = compileCondition(cond.right, indexOf);
      return (v) => l(v) && r(v);
    }
    case "or": {
      const l = compileCondition(cond.left, indexOf);
      const r = compileCondition(cond.right, indexOf);
      return (v) => l(v) || r(v);
    }
    case "not": {
      const inner = compileCondition(cond.operand, indexOf);
      return (v) => !inner(v);
    }
    default: {
      const at = indexOf(cond.item);
      const memo = new Map<string | undefined, boolean>();
      return (values) => {
        const answer = at < 0 ? undefined : values[at];
        let result = memo.get(answer);
        if (result === undefined) {
          result = evaluateCondition(cond, () => answer);
          if (memo.size < 1024) memo.set(answer, result);
        }
        return result;
      };
    }
  }
}

export function answerKeys(q: Questionnaire): string[] {
  return q.items.flatMap((item) =>
    item.type === "grid" ? item.rows.map((r) => gridKey(item.id, r.id)) : [item.id],
  );
}

/** Plans by questionnaire: a plan holds no per-row state, so the CLI's check and the scorer share it. */
const plans = new WeakMap<Questionnaire, Plan>();

export function compilePlan(q: Questionnaire): Plan {
  let plan = plans.get(q);
  if (!plan) {
    plan = compileUncached(q);
    plans.set(q, plan);
  }
  return plan;
}

function compileUncached(q: Questionnaire): Plan {
  const dimIndex = new Map(q.dimensions.map((d, i) => [d.id, i]));
  const keys = answerKeys(q);
  const keyIndex = new Map(keys.map((k, i) => [k, i]));
  const indexOf = (key: string) => keyIndex.get(key) ?? -1;
  const compiled = q.items.flatMap((item) => {
    const c = compileItemScorer(item, q, indexOf);
    const dim = dimIndex.get(item.dimension);
    return c && dim !== undefined ? [{ item, dim, c }] : [];
  });
  // Per dimension: its items' integer weights and, from them, its integer scale.
  const units = new Map<Item, number>();
  const scales = q.dimensions.map((d, di) => {
    const mine = compiled.filter((x) => x.dim === di);
    const weights = integerWeights(mine.map((x) => x.item.weight));
    mine.forEach((x, j) => {
      units.set(x.item, weights[j]!);
    });
    return dimensionScale(
      mine.map((x) => x.c.den),
      weights,
      d.aggregate === "min",
      `questionnaire ${q.id}, dimension ${d.id}`,
    );
  });
  const items: PlannedItem[] = compiled.map(({ item, dim, c }) => ({
    item,
    dim,
    scorer: c.score,
    at: c.table ? indexOf(item.id) : -1,
    byChar: c.table ? byCharTable(c.table) : undefined,
    table: c.table,
    D: scales[dim]!.D,
    units: units.get(item)!,
    options: optionCodes(item, q),
    groups: item.groups,
    condition: item.when ? compileCondition(item.when, indexOf) : undefined,
    answerColumns:
      item.type === "grid"
        ? item.rows.map((r) => [r.id, indexOf(gridKey(item.id, r.id))] as const)
        : [["", indexOf(item.id)] as const],
  }));
  const overall = overallScale(
    scales.map((x) => x.L),
    q.dimensions.map((d) => d.weight),
    q.overall.aggregate === "min",
    `questionnaire ${q.id}`,
  );
  const composites = items.flatMap((p, i) => (p.options ? [] : [i]));
  return {
    questionnaire: q,
    items,
    dimensions: q.dimensions,
    keys,
    keyIndex,
    scales,
    overall,
    composites,
  };
}

export type ItemState = Outcome | { readonly kind: "skipped" };
const SKIPPED: ItemState = outcome("skipped") as ItemState;

export interface DimensionScore {
  /** Items that applied (not skipped by `when` or group). */
  readonly applicable: number;
  /** Items answered with a score. */
  readonly answered: number;
  /** The respondent's dimension score, when coverage ≥ minimum; else undefined. */
  readonly score: number | undefined;
}

export interface RespondentScores {
  readonly items: readonly ItemState[];
  readonly dimensions: readonly DimensionScore[];
}

/**
 * Scores every item and dimension. A dimension counts when answered / applicable ≥ minCoverage
 * (and at least one item is answered); it is the weighted mean of the answered item scores, or
 * their minimum for weakest-link dimensions.
 */
export function scoreRespondent(
  plan: Plan,
  group: string,
  get: AnswerGetter,
  minCoverage: number,
): RespondentScores {
  return scoreValues(
    plan,
    group,
    plan.keys.map((k) => get(k)),
    minCoverage,
  );
}

/** Reusable buffers for scoring many respondents without allocating per row. */
export class Workspace {
  readonly applicable: Float64Array;
  readonly answered: Float64Array;
  /** Per dimension: Σ bᵢaᵢ, Σ bᵢ and min aᵢ over the answered items (integers). */
  readonly wsum: Float64Array;
  readonly wtot: Float64Array;
  readonly mins: Float64Array;
  /** Per dimension: the respondent's score as an integer over the dimension's L (NaN: none). */
  readonly keys: Float64Array;
  readonly items: ItemState[];
  /** Per item, as numbers for the accumulating loops: KIND_* code and score (NaN: none). */
  readonly kinds: Int8Array;
  readonly itemScores: Float64Array;
  /** Dimension scores; NaN where the respondent has none. */
  readonly scores: Float64Array;
  /** Per group: which items it is asked. */
  readonly asked = new Map<string, Uint8Array>();

  constructor(readonly plan: Plan) {
    const nd = plan.dimensions.length;
    this.applicable = new Float64Array(nd);
    this.answered = new Float64Array(nd);
    this.wsum = new Float64Array(nd);
    this.wtot = new Float64Array(nd);
    this.mins = new Float64Array(nd);
    this.keys = new Float64Array(nd);
    this.scores = new Float64Array(nd);
    this.items = new Array<ItemState>(plan.items.length).fill(SKIPPED);
    this.kinds = new Int8Array(plan.items.length);
    this.itemScores = new Float64Array(plan.items.length);
  }
}

export {
  KIND_BLANK,
  KIND_DONT_KNOW,
  KIND_INVALID,
  KIND_NOT_APPLICABLE,
  KIND_SCORE,
  KIND_SKIPPED,
  KINDS,
} from "./item-score.js";

/** Which items a group is asked (1) by their `groups`, computed once per group. */
function askedOf(ws: Workspace, group: string): Uint8Array {
  let mask = ws.asked.get(group);
  if (!mask) {
    mask = Uint8Array.from(ws.plan.items, (p) =>
      p.groups === undefined || p.groups.includes(group) ? 1 : 0,
    );
    ws.asked.set(group, mask);
  }
  return mask;
}

/**
 * A cell's answer counts of single-code items, filled by `scoreInto` in the same pass: per item
 * its outcome kinds (KINDS per item), and from `optBase[i]` (−1: a composite item) per option
 * its count and exact score num / den.
 */
export interface OptionCounts {
  readonly tally: Float64Array;
  readonly optBase: Int32Array;
  readonly optCounts: Float64Array;
  readonly optNum: Float64Array;
  readonly optDen: Float64Array;
}

/**
 * The per-row core: fills `ws` with item outcomes and dimension scores, and counts the answers
 * of single-code items into `counts`. A dimension counts when answered / applicable ≥
 * minCoverage (and at least one item is answered).
 */
export function scoreInto(
  ws: Workspace,
  group: string,
  values: Values,
  minCoverage: number,
  counts?: OptionCounts,
): void {
  const { plan, applicable, answered, wsum, wtot, mins, items, scores, kinds, itemScores } = ws;
  // Plain loops: TypedArray#fill is a builtin call with a fixed cost that dominates at length 8.
  for (let d = 0; d < applicable.length; d++) {
    applicable[d] = 0;
    answered[d] = 0;
    wsum[d] = 0;
    wtot[d] = 0;
    mins[d] = Number.POSITIVE_INFINITY;
  }
  const planned = plan.items;
  const asked = askedOf(ws, group);
  for (let i = 0; i < planned.length; i++) {
    const p = planned[i]!;
    const base = counts ? counts.optBase[i]! : -1;
    if (asked[i] === 0 || (p.condition !== undefined && !p.condition(values))) {
      items[i] = SKIPPED;
      kinds[i] = KIND_SKIPPED;
      if (base >= 0) counts!.tally[i * KINDS + KIND_SKIPPED]!++;
      continue;
    }
    // Single-code items are looked up here, one call less per cell than through their scorer.
    const o =
      p.table !== undefined ? lookupAnswer(p.table, p.byChar!, values[p.at]) : p.scorer(values);
    items[i] = o;
    const code = o.code;
    kinds[i] = code;
    const option = (o as { option?: number }).option ?? -1;
    if (base >= 0) {
      counts!.tally[i * KINDS + code]!++;
      if (option >= 0) {
        counts!.optCounts[base + option]!++;
        // An option always scores the same: its exact score, for the item's histogram.
        if (code === KIND_SCORE) {
          counts!.optNum[base + option] = o.num;
          counts!.optDen[base + option] = o.den;
        }
      }
    }
    if (code !== KIND_SCORE) {
      itemScores[i] = Number.NaN;
      if (code !== KIND_NOT_APPLICABLE) applicable[p.dim]!++;
      continue;
    }
    const d = p.dim;
    // The item score as an integer over the dimension's D (o.den divides D).
    const a = o.num * (p.D / o.den);
    applicable[d]!++;
    itemScores[i] = o.num / o.den;
    answered[d]!++;
    wsum[d]! += p.units * a;
    wtot[d]! += p.units;
    if (a < mins[d]!) mins[d] = a;
  }
  const dims = plan.dimensions;
  const scales = plan.scales;
  for (let d = 0; d < dims.length; d++) {
    const n = answered[d]!;
    const scale = scales[d]!;
    let key = Number.NaN;
    if (n > 0 && n >= minCoverage * applicable[d]!) {
      if (dims[d]!.aggregate === "min") key = mins[d]!;
      else if (wtot[d]! > 0) key = wsum[d]! * scale.perWeight[wtot[d]!]!;
    }
    ws.keys[d] = key;
    scores[d] = key / scale.L;
  }
}

/**
 * A respondent's overall score over `dims` (indexes into the workspace's dimensions, −1 for one
 * the questionnaire lacks) as an integer over `scale.Q`; NaN unless every dimension has a score,
 * so that an overall score always means the same mix of dimensions.
 */
export function overallKey(
  keys: Float64Array,
  dims: Int32Array | undefined,
  scale: OverallScale,
  minimum: boolean,
): number {
  const factor = scale.factor;
  let sum = 0;
  let low = Number.POSITIVE_INFINITY;
  for (let i = 0; i < factor.length; i++) {
    const at = dims ? dims[i]! : i;
    const k = at < 0 ? Number.NaN : keys[at]!;
    if (Number.isNaN(k)) return Number.NaN;
    const v = k * factor[i]!;
    sum += v;
    if (v < low) low = v;
  }
  return factor.length === 0 ? Number.NaN : minimum ? low : sum;
}

/** As scoreRespondent, with the answers already aligned with `plan.keys`. */
export function scoreValues(
  plan: Plan,
  group: string,
  values: Values,
  minCoverage: number,
): RespondentScores {
  const ws = new Workspace(plan);
  scoreInto(ws, group, values, minCoverage);
  return {
    items: [...ws.items],
    dimensions: plan.dimensions.map((_, d) => ({
      applicable: ws.applicable[d]!,
      answered: ws.answered[d]!,
      score: Number.isNaN(ws.scores[d]!) ? undefined : ws.scores[d]!,
    })),
  };
}

/**
 * Weighted mean (or minimum) of dimension scores; undefined unless every listed dimension has a
 * score, so that an overall score always means the same mix of dimensions.
 */
export function combineDimensions(
  scores: ArrayLike<number | undefined>,
  weights: readonly number[],
  aggregate: "mean" | "min",
): number | undefined {
  let sum = 0;
  let tot = 0;
  let min = Number.POSITIVE_INFINITY;
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i];
    if (s === undefined || Number.isNaN(s)) return undefined;
    sum += weights[i]! * s;
    tot += weights[i]!;
    if (s < min) min = s;
  }
  if (tot === 0) return undefined;
  return aggregate === "min" ? min : sum / tot;
}
