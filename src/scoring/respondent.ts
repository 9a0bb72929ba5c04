// One respondent: item outcomes → dimension scores → overall score, for one questionnaire.
import type { Dimension, Item, Questionnaire } from "../questionnaire/model.js";
import { AnswerCodes, compileCondition, grown, type KeyCodes } from "../responses/answer-codes.js";
import { gridKey } from "../responses/model.js";
import {
  type DimensionScale,
  dimensionScale,
  integerWeights,
  type OverallScale,
  overallScale,
} from "./denominators.js";
import { type Ratio, ratio } from "./exact.js";
import {
  type AnswerGetter,
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
  /** Key position of the item's answer; −1 for a grid (its rows are in `answerColumns`). */
  readonly at: number;
  /** Single-code items: code → outcome. */
  readonly table: ReadonlyMap<string, Outcome> | undefined;
  /** Item scores are integers over the dimension's D: a = num · (D / den). */
  readonly D: number;
  /** The item's weight as an integer over the dimension's weight denominator. */
  readonly units: number;
  /** Codes that `Outcome.option` indexes (single-code items), for answer counts. */
  readonly options: readonly string[] | undefined;
  // Copied from the item so the per-row loop reads one object shape (items differ in shape).
  readonly groups: readonly string[] | undefined;
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
    at: item.type === "grid" ? -1 : indexOf(item.id),
    table: c.table,
    D: scales[dim]!.D,
    units: units.get(item)!,
    options: optionCodes(item, q),
    groups: item.groups,
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
  /** The same score exact, for levels and the overall index (a float can miss a threshold). */
  readonly exact: Ratio | undefined;
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
  const ws = new Workspace(plan, new AnswerCodes(), 1);
  ws.read(get, ws.codes, 0);
  scoreCodes(ws, group, minCoverage, ws.newCounts(), 1);
  return {
    items: plan.items.map((_, i) => ws.outcomeOf(i, 0)),
    dimensions: plan.dimensions.map((_, d) => ({
      applicable: ws.applicable[d]!,
      answered: ws.answered[d]!,
      score: Number.isNaN(ws.keys[d]!) ? undefined : ws.keys[d]! / plan.scales[d]!.L,
      exact: Number.isNaN(ws.keys[d]!) ? undefined : ratio(ws.keys[d]!, plan.scales[d]!.L),
    })),
  };
}

/** Per code in CodeTable.v: what it adds to its row's sums, and its score. */
const APPLICABLE = 0; // 1 unless not applicable
const SCORED = 1; // 1 for a score
const WEIGHT = 2; // the item's weight for a score (0: none)
const WA = 3; // the weight × the score as an integer over the dimension's D (0: none)
const MIN = 4; // the score over D, or +∞ when there is no score (for weakest-link dimensions)
const X = 5; // the score 0–100 (NaN: none), for reliability
const STRIDE = 6;

/**
 * What each code of one item means, learned before a batch is scored (a grid's code 0: for each
 * row): its KIND_*, where it is counted among the options (Workspace.tallies; a spare slot: not an
 * option), and STRIDE numbers in one typed array, so a cell of the per-row loop reads its
 * meaning at one place and adds without branching on the kind of answer.
 */
class CodeTable {
  kind = new Int8Array(16);
  /** Codes below this are learned (single-key items). */
  private known = 0;
  option = new Int32Array(16);
  v = new Float64Array(16 * STRIDE);
  readonly outcome: Outcome[] = [];

  constructor(
    private readonly p: PlannedItem,
    private readonly strings: readonly (string | undefined)[],
    private readonly keys: number,
    /** Where the item's options are counted (−1: no option list), and the spare slot. */
    private readonly base: number,
    private readonly spare: number,
  ) {}

  /** Learns every code its key has so far (a single-key item): all of a batch's, before it. */
  learnAll(): void {
    for (; this.known < this.strings.length; this.known++)
      this.set(this.known, this.outcomeOf(this.known));
  }

  private outcomeOf(code: number): Outcome {
    const { p } = this;
    const answer = this.strings[code];
    if (p.table) return lookupAnswer(p.table, answer);
    const values = new Array<string | undefined>(this.keys);
    values[p.at] = answer;
    return p.scorer(values);
  }

  set(code: number, o: Outcome): void {
    if (code >= this.kind.length) {
      this.kind = grown(this.kind, code);
      this.option = grown(this.option, code);
      this.v = grown(this.v, code * STRIDE + STRIDE - 1);
    }
    const at = code * STRIDE;
    const score = o.code === KIND_SCORE;
    const a = score ? o.num * (this.p.D / o.den) : 0;
    const option = (o as { option?: number }).option;
    const { v } = this;
    this.kind[code] = o.code;
    this.option[code] = this.base >= 0 && option !== undefined ? this.base + option : this.spare;
    v[at + APPLICABLE] = o.code === KIND_NOT_APPLICABLE ? 0 : 1;
    v[at + SCORED] = score ? 1 : 0;
    v[at + WEIGHT] = score ? this.p.units : 0;
    v[at + WA] = this.p.units * a;
    v[at + MIN] = score ? a : Number.POSITIVE_INFINITY;
    v[at + X] = score ? o.num / o.den : Number.NaN;
    this.outcome[code] = o;
  }
}

/**
 * One plan's per-row state, reused for every respondent scored with it: the row's codes (the
 * input, aligned with `plan.keys`), the code tables and conditions over the run's answer codes,
 * and the buffers the per-row loop fills.
 */
export class Workspace {
  /**
   * The row being scored: per plan key its answer code (0: not answered), from `row` in
   * `codes` (a batch of rows, see Scorer; or the workspace's own one-row buffer).
   */
  codes: Int32Array;
  row = 0;
  /** Per plan key, the answers its codes stand for. */
  readonly answers: readonly (readonly (string | undefined)[])[];
  readonly keyCodes: readonly KeyCodes[];
  /** Per item: its code table (a grid's holds the row's outcome at code 0). */
  readonly tables: readonly CodeTable[];
  /** Per item: its `when` over the row's codes (undefined = always asked). */
  readonly conditions: readonly (((codes: Int32Array, row: number) => boolean) | undefined)[];
  /** Per item: where its options are counted in tallies().optCounts (−1: no option list). */
  readonly optBase: Int32Array;
  /** Length of tallies().optCounts: every option, and a spare slot for other answers. */
  readonly optSlots: number;
  /** Per option (at optBase): its exact score num / den (den 0: it scores nothing). */
  readonly optNum: Float64Array;
  readonly optDen: Float64Array;
  /**
   * Per row of a batch and dimension (at row · dimensions + d): applicable and answered items,
   * Σ bᵢaᵢ, Σ bᵢ and min aᵢ over the answered items (integers), and the respondent's score as an
   * integer over the dimension's L (NaN: none).
   */
  readonly applicable: Float64Array;
  readonly answered: Float64Array;
  readonly wsum: Float64Array;
  readonly wtot: Float64Array;
  readonly mins: Float64Array;
  readonly keys: Float64Array;
  /** Per row of a batch and item (at row · items + i): 1 when skipped, and its score (NaN: none). */
  readonly skips: Uint8Array;
  readonly itemScores: Float64Array;
  /** Per group: which items it is asked. */
  readonly asked = new Map<string, Uint8Array>();
  private readonly values: (string | undefined)[];

  constructor(
    readonly plan: Plan,
    codes: AnswerCodes,
    /** Rows scored at once (see scoreCodes). */
    readonly rows: number,
  ) {
    const nd = plan.dimensions.length;
    const nk = plan.keys.length;
    this.codes = new Int32Array(rows * nk);
    this.keyCodes = plan.keys.map((k) => codes.of(k));
    this.answers = this.keyCodes.map((k) => k.strings);
    this.values = new Array<string | undefined>(nk);
    this.optBase = new Int32Array(plan.items.length);
    let total = 0;
    plan.items.forEach((p, i) => {
      this.optBase[i] = p.options ? total : -1;
      total += p.options?.length ?? 0;
    });
    this.optSlots = total + 1;
    // An option always scores the same: its exact score, for the item histograms at the end.
    this.optNum = new Float64Array(total);
    this.optDen = new Float64Array(total);
    plan.items.forEach((p, i) => {
      for (const o of p.table?.values() ?? []) {
        const option = (o as { option?: number }).option;
        if (o.kind !== "score" || option === undefined || this.optBase[i]! < 0) continue;
        this.optNum[this.optBase[i]! + option] = o.num;
        this.optDen[this.optBase[i]! + option] = o.den;
      }
    });
    this.tables = plan.items.map(
      (p, i) => new CodeTable(p, p.at < 0 ? [] : this.answers[p.at]!, nk, this.optBase[i]!, total),
    );
    const indexOf = (key: string) => plan.keyIndex.get(key) ?? -1;
    this.conditions = plan.items.map(({ item }) =>
      item.when ? compileCondition(item.when, indexOf, (at) => this.answers[at]!) : undefined,
    );
    const ni = plan.items.length;
    this.applicable = new Float64Array(rows * nd);
    this.answered = new Float64Array(rows * nd);
    this.wsum = new Float64Array(rows * nd);
    this.wtot = new Float64Array(rows * nd);
    this.mins = new Float64Array(rows * nd);
    this.keys = new Float64Array(rows * nd);
    this.skips = new Uint8Array(rows * ni);
    this.itemScores = new Float64Array(rows * ni);
  }

  /** Empty answer counts for this plan (one per cell). */
  newCounts(): CodeCounts {
    return {
      byCode: this.plan.items.map(() => new Float64Array(8)),
      skipped: new Float64Array(this.plan.items.length),
    };
  }

  /**
   * The counts by kind (KINDS per item) and by option (at optBase, a spare slot last) that a
   * cell's code counts stand for: each counted code's kind and option are in its item's table.
   */
  tallies(counts: CodeCounts): { tally: Float64Array; optCounts: Float64Array } {
    const tally = new Float64Array(this.plan.items.length * KINDS);
    const optCounts = new Float64Array(this.optSlots);
    this.plan.items.forEach((p, i) => {
      const t = this.tables[i]!;
      const cc = counts.byCode[i]!;
      tally[i * KINDS + KIND_SKIPPED] = counts.skipped[i]!;
      for (let c = 0; c < cc.length; c++) {
        const k = cc[c]!;
        if (k === 0) continue;
        if (p.at < 0) tally[i * KINDS + c]! += k;
        else {
          tally[i * KINDS + t.kind[c]!]! += k;
          optCounts[t.option[c]!]! += k;
        }
      }
    });
    return { tally, optCounts };
  }

  /** Writes a row's codes from answers by key to `row` in `to` (records without codes). */
  read(get: AnswerGetter, to: Int32Array, row: number): void {
    const { keys } = this.plan;
    for (let i = 0; i < keys.length; i++) to[row + i] = this.keyCodes[i]!.code(get(keys[i]!));
  }

  /** Item i's outcome in row r of the last batch (a grid is scored again from its answers). */
  outcomeOf(i: number, r: number): ItemState {
    if (this.skips[r * this.plan.items.length + i]) return SKIPPED;
    const p = this.plan.items[i]!;
    this.row = r * this.plan.keys.length;
    if (p.at < 0) return p.scorer(this.valuesOf(p));
    return this.tables[i]!.outcome[this.codes[this.row + p.at]!]!;
  }

  /** The answers at a composite item's keys, as the item scorer reads them (an aligned array). */
  valuesOf(p: PlannedItem): Values {
    const { codes, row } = this;
    // Indexed: a destructuring for-of would allocate per row of a grid.
    for (let k = 0; k < p.answerColumns.length; k++) {
      const at = p.answerColumns[k]![1];
      this.values[at] = this.answers[at]![codes[row + at]!];
    }
    return this.values;
  }
}

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
 * A cell's answer counts, filled by `scoreCodes` in the same pass: per item, respondents by
 * answer code (a grid, scored from several codes: by KIND_*), and those not asked. What the
 * codes mean is counted once at the end (Workspace.tallies), not once per cell of a row.
 */
export interface CodeCounts {
  readonly byCode: Float64Array[];
  readonly skipped: Float64Array;
}

/**
 * The kernel: scores the first `n` rows of `ws.codes` (per plan key its answer code, row after
 * row), filling per row and dimension the sums and the respondent's score (`ws.keys`), per row
 * and item its kind and score, and counting the answers into `counts`. Item by item, then row by
 * row: an item's table, condition and weight stay at hand for the whole batch. A dimension counts
 * when answered / applicable ≥ minCoverage (and at least one item is answered).
 */
export function scoreCodes(
  ws: Workspace,
  group: string,
  minCoverage: number,
  counts: CodeCounts,
  n: number,
): void {
  const { plan, applicable, answered, wsum, wtot, mins, keys, skips, itemScores } = ws;
  const { codes, tables, conditions } = ws;
  const { byCode, skipped } = counts;
  const nd = plan.dimensions.length;
  const ni = plan.items.length;
  const nk = plan.keys.length;
  applicable.fill(0, 0, n * nd);
  answered.fill(0, 0, n * nd);
  wsum.fill(0, 0, n * nd);
  wtot.fill(0, 0, n * nd);
  mins.fill(Number.POSITIVE_INFINITY, 0, n * nd);
  skips.fill(0, 0, n * ni);
  const planned = plan.items;
  const asked = askedOf(ws, group);
  for (let i = 0; i < ni; i++) {
    const p = planned[i]!;
    const t = tables[i]!;
    const condition = conditions[i];
    const { dim, at } = p;
    const notAsked = asked[i] === 0;
    if (at >= 0) t.learnAll();
    let counted = byCode[i]!;
    if (counted.length < t.kind.length) byCode[i] = counted = grown(counted, t.kind.length - 1);
    const minimum = plan.dimensions[dim]!.aggregate === "min";
    const { kind, v } = t;
    for (let r = 0, base = 0; r < n; r++, base += nk) {
      const x = r * ni + i;
      if (notAsked || (condition !== undefined && !condition(codes, base))) {
        skips[x] = 1;
        itemScores[x] = Number.NaN;
        skipped[i]!++;
        continue;
      }
      let code = 0;
      if (at >= 0) code = codes[base + at]!;
      else {
        ws.row = base; // a grid: scored from several answers, counted by kind
        t.set(0, p.scorer(ws.valuesOf(p)));
      }
      counted[at >= 0 ? code : kind[0]!]!++;
      const c = code * STRIDE;
      itemScores[x] = v[c + X]!;
      const o = r * nd + dim;
      applicable[o]! += v[c + APPLICABLE]!;
      answered[o]! += v[c + SCORED]!;
      wsum[o]! += v[c + WA]!;
      wtot[o]! += v[c + WEIGHT]!;
      // Only a weakest-link dimension reads its minimum.
      if (minimum && v[c + MIN]! < mins[o]!) mins[o] = v[c + MIN]!;
    }
  }
  const dims = plan.dimensions;
  const scales = plan.scales;
  for (let d = 0; d < nd; d++) {
    const minimum = dims[d]!.aggregate === "min";
    const perWeight = scales[d]!.perWeight;
    for (let o = d; o < n * nd; o += nd) {
      const k = answered[o]!;
      let key = Number.NaN;
      if (k > 0 && k >= minCoverage * applicable[o]!) {
        if (minimum) key = mins[o]!;
        else if (wtot[o]! > 0) key = wsum[o]! * perWeight[wtot[o]!]!;
      }
      keys[o] = key;
    }
  }
}

/**
 * A respondent's overall score over `dims` (indexes into the workspace's dimensions, −1 for one
 * the questionnaire lacks) as an integer over `scale.Q`; NaN unless every dimension has a score,
 * so that an overall score always means the same mix of dimensions.
 */
export function overallKey(
  keys: Float64Array,
  from: number,
  dims: Int32Array | undefined,
  scale: OverallScale,
  minimum: boolean,
): number {
  const factor = scale.factor;
  let sum = 0;
  let low = Number.POSITIVE_INFINITY;
  for (let i = 0; i < factor.length; i++) {
    const at = dims ? dims[i]! : i;
    const k = at < 0 ? Number.NaN : keys[from + at]!;
    if (Number.isNaN(k)) return Number.NaN;
    const v = k * factor[i]!;
    sum += v;
    if (v < low) low = v;
  }
  return factor.length === 0 ? Number.NaN : minimum ? low : sum;
}
