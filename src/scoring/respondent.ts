// One respondent: item outcomes → dimension scores → overall score, for one questionnaire.
import { evaluateCondition } from "../questionnaire/condition.js";
import type { Dimension, Item, Questionnaire } from "../questionnaire/model.js";
import {
  type AnswerGetter,
  compileItemScorer,
  type ItemScorer,
  type Outcome,
} from "./item-score.js";

export interface PlannedItem {
  readonly item: Item;
  /** Index of the item's dimension in `plan.dimensions`. */
  readonly dim: number;
  readonly scorer: ItemScorer;
}

export interface Plan {
  readonly questionnaire: Questionnaire;
  readonly items: readonly PlannedItem[];
  readonly dimensions: readonly Dimension[];
}

export function compilePlan(q: Questionnaire): Plan {
  const dimIndex = new Map(q.dimensions.map((d, i) => [d.id, i]));
  const items: PlannedItem[] = [];
  for (const item of q.items) {
    const scorer = compileItemScorer(item, q);
    const dim = dimIndex.get(item.dimension);
    if (scorer && dim !== undefined) items.push({ item, dim, scorer });
  }
  return { questionnaire: q, items, dimensions: q.dimensions };
}

export type ItemState = Outcome | { readonly kind: "skipped" };
const SKIPPED: ItemState = { kind: "skipped" };

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
  const nd = plan.dimensions.length;
  const applicable = new Array<number>(nd).fill(0);
  const answered = new Array<number>(nd).fill(0);
  const wsum = new Array<number>(nd).fill(0);
  const wtot = new Array<number>(nd).fill(0);
  const mins = new Array<number>(nd).fill(Number.POSITIVE_INFINITY);
  const items: ItemState[] = [];
  for (const p of plan.items) {
    const { item } = p;
    if (
      (item.groups && !item.groups.includes(group)) ||
      (item.when && !evaluateCondition(item.when, get))
    ) {
      items.push(SKIPPED);
      continue;
    }
    const o = p.scorer(get);
    items.push(o);
    if (o.kind === "not_applicable") continue;
    applicable[p.dim]!++;
    if (o.kind !== "score") continue;
    answered[p.dim]!++;
    wsum[p.dim]! += item.weight * o.score;
    wtot[p.dim]! += item.weight;
    if (o.score < mins[p.dim]!) mins[p.dim] = o.score;
  }
  const dimensions = plan.dimensions.map((d, i): DimensionScore => {
    const a = applicable[i]!;
    const n = answered[i]!;
    const counts = n > 0 && n >= minCoverage * a;
    return {
      applicable: a,
      answered: n,
      score: counts ? (d.aggregate === "min" ? mins[i]! : wsum[i]! / wtot[i]!) : undefined,
    };
  });
  return { items, dimensions };
}

/**
 * Weighted mean (or minimum) of dimension scores; undefined unless every listed dimension has a
 * score, so that an overall score always means the same mix of dimensions.
 */
export function combineDimensions(
  scores: readonly (number | undefined)[],
  weights: readonly number[],
  aggregate: "mean" | "min",
): number | undefined {
  let sum = 0;
  let tot = 0;
  let min = Number.POSITIVE_INFINITY;
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i];
    if (s === undefined) return undefined;
    sum += weights[i]! * s;
    tot += weights[i]!;
    if (s < min) min = s;
  }
  if (tot === 0) return undefined;
  return aggregate === "min" ? min : sum / tot;
}
