// The per-row fast path for the common questionnaire: every scored item is single-code (Likert,
// single choice, yes/no), skip logic refers to such items, and every dimension is an equally
// weighted mean.
// The importer then hands over one answer slot per item (the index of its option in the count
// table) instead of answer strings, and a row costs a few typed-array increments: option counts per item, and per dimension a count in a
// histogram indexed by (Σ score units, items answered). Both determine the respondent's dimension
// score exactly (score units are the option scores in the dimension's common quantum), so
// nothing is lost: at the end the counts are folded into the same cell accumulators the generic
// path fills, and the assessment is the same (a property test checks it). Questionnaires that do
// not fit return no kernel and use the generic path.
// The row engine (assembly/row-engine.ts) runs `add` in WebAssembly on copies of these tables
// (conditions as postfix programs, KernelAcc.engineTables) and hands its counts back at `spill`.
import { evaluateCondition } from "../questionnaire/condition.js";
import type { Condition } from "../questionnaire/model.js";
import type { Cell, ItemAcc } from "./cell.js";
import type { Outcome } from "./item-score.js";
import type { ReliabilityAcc } from "./reliability.js";
import {
  KIND_BLANK,
  KIND_NOT_APPLICABLE,
  KIND_SCORE,
  KIND_SKIPPED,
  KINDS,
  type Plan,
} from "./respondent.js";
import { CountTable, type Histogram, SCALE } from "./stats.js";

/** Per dimension: more items than this do not fit the packed per-row sums. */
const MAX_ITEMS_PER_DIMENSION = 31;
/** Largest multiplier tried to make a dimension's option scores integers (e.g. 3 for 33⅓). */
const MAX_QUANTUM_DIVISOR = 120;
/** Bucket tables larger than this (per dimension) are not worth it: use the generic path. */
const MAX_BUCKETS = 1 << 16;

// A row's per-dimension sums are packed into one integer per dimension: score units above bit
// 10, answered items in bits 5–9, items not applicable or skipped in bits 0–4. Adding the packed
// value of each item's slot sums all three at once (MAX_BUCKETS keeps the units below 2¹⁶).
const UNIT_SHIFT = 10;
const ANSWERED_SHIFT = 5;
const FIELD_MASK = 31;

export interface KernelItem {
  /** Position in plan.items. */
  readonly planIndex: number;
  readonly id: string;
  /**
   * Answer codes in option order: the importer sends the slot of the code it read
   * (KernelAcc.slotOf). Empty for an item the input has no column for: always unanswered, so it
   * may be of any type.
   */
  readonly options: readonly string[];
}

/** A `when` condition over the row's answer slots (see Kernel.base). */
type ConditionTest = (answers: Int32Array, base: Int32Array) => boolean;

/**
 * A condition in postfix form, for the row engine (row-engine.ts): a comparison reads kernel
 * item `item` through `table` (indexed like the test's), then "and", "or", "not" combine.
 */
export type ConditionStep =
  | { readonly item: number; readonly table: Uint8Array }
  | "and"
  | "or"
  | "not";

interface KernelCondition {
  readonly test: ConditionTest;
  readonly program: readonly ConditionStep[];
}

/**
 * Compiles `when` against kernel positions: each comparison reads one item, so its result is a
 * table over that item's option indexes (the last entry: no answer), filled by the same
 * evaluator the generic path uses. Undefined when it reads an item outside the kernel.
 */
function compileKernelCondition(
  cond: Condition,
  items: readonly KernelItem[],
): KernelCondition | undefined {
  switch (cond.kind) {
    case "and":
    case "or": {
      const l = compileKernelCondition(cond.left, items);
      const r = compileKernelCondition(cond.right, items);
      if (!l || !r) return undefined;
      const [lt, rt] = [l.test, r.test];
      return {
        test: cond.kind === "and" ? (a, b) => lt(a, b) && rt(a, b) : (a, b) => lt(a, b) || rt(a, b),
        program: [...l.program, ...r.program, cond.kind],
      };
    }
    case "not": {
      const inner = compileKernelCondition(cond.operand, items);
      if (!inner) return undefined;
      const t = inner.test;
      return { test: (a, b) => !t(a, b), program: [...inner.program, "not"] };
    }
    default: {
      const j = items.findIndex((k) => k.id === cond.item);
      if (j < 0) return undefined;
      const codes = items[j]!.options;
      const table = Uint8Array.from([...codes, undefined], (code) =>
        evaluateCondition(cond, () => code) ? 1 : 0,
      );
      // Option index = slot − base; the last entry (index = option count) is "no answer".
      return { test: (a, b) => table[a[j]! - b[j]!] === 1, program: [{ item: j, table }] };
    }
  }
}

/** Compiled tables of one plan for one respondent group (groups decide which items are asked). */
export class Kernel {
  /**
   * Items asked of this group: first those with a column in the input (in plan order), then
   * those without (always unanswered: `add` does not look at them).
   */
  readonly items: readonly KernelItem[];
  /** How many items have a column (they come first in `items`). */
  readonly columns: number;
  /** Start of an item's slots (its options, then blank, then skipped) in the count tables. */
  readonly base: Int32Array;
  /** Number of options per item (the blank slot's offset within the item). */
  readonly width: Int32Array;
  /** The items with a `when` (kernel positions), their conditions' tests and programs. */
  readonly conditional: Int32Array;
  readonly conditions: readonly ConditionTest[];
  readonly programs: readonly (readonly ConditionStep[])[];
  /** Dimension index (plan.dimensions) per item. */
  readonly dimOf: Int32Array;
  /** Per slot: packed units / answered / not applicable (see UNIT_SHIFT). */
  readonly pack: Int32Array;
  /** Per slot: the item score (NaN when the slot is not a score). */
  readonly score: Float64Array;
  /** Per slot: the KIND_* of the answer. */
  readonly kind: Int8Array;
  /** Per slot: the score in its dimension's units (0 when not a score). */
  readonly unit: Int32Array;
  /** Per dimension: the score of one unit. */
  readonly quantum: Float64Array;
  readonly slots: number;
  /** Per dimension: items asked of the group, bucket table offset, units → value factor. */
  readonly dimItems: Int32Array;
  readonly bucketBase: Int32Array;
  readonly buckets: number;
  /** Dimension score of each bucket (NaN for impossible buckets). */
  readonly bucketValue: Float64Array;

  constructor(
    readonly plan: Plan,
    items: KernelItem[],
    /** Per item: the outcome of each option, then of no answer (see outcomesOf). */
    outcomes: readonly (readonly Outcome[])[],
    conditions: readonly (KernelCondition | undefined)[],
    dims: readonly DimensionQuantum[],
    readonly minCoverage: number,
  ) {
    this.items = items;
    this.columns = items.filter((k) => k.options.length > 0).length;
    const asked = conditions.flatMap((c, j) => (c ? [j] : []));
    this.conditional = Int32Array.from(asked);
    this.conditions = asked.map((j) => conditions[j]!.test);
    this.programs = asked.map((j) => conditions[j]!.program);
    const n = items.length;
    this.base = new Int32Array(n);
    this.width = new Int32Array(n);
    this.dimOf = new Int32Array(n);
    let slots = 0;
    items.forEach((k, j) => {
      this.base[j] = slots;
      this.width[j] = k.options.length;
      this.dimOf[j] = plan.items[k.planIndex]!.dim;
      slots += k.options.length + 2;
    });
    this.slots = slots;
    this.pack = new Int32Array(slots);
    this.score = new Float64Array(slots).fill(Number.NaN);
    this.kind = new Int8Array(slots);
    this.unit = new Int32Array(slots);
    const nd = plan.dimensions.length;
    this.quantum = Float64Array.from(dims, (q) => q.quantum);
    this.dimItems = new Int32Array(nd);
    for (let j = 0; j < n; j++) this.dimItems[this.dimOf[j]!]!++;
    items.forEach((k, j) => {
      const q = dims[this.dimOf[j]!]!;
      outcomes[j]!.forEach((out, o) => {
        const s = this.base[j]! + o;
        this.kind[s] = out.code;
        if (out.code === KIND_SCORE) {
          const score = (out as { score: number }).score;
          this.score[s] = score;
          this.unit[s] = q.unitOf(score);
          this.pack[s] = (this.unit[s]! << UNIT_SHIFT) | (1 << ANSWERED_SHIFT);
        } else if (out.code === KIND_NOT_APPLICABLE) this.pack[s] = 1;
      });
      // Skipped by `when`: neither answered nor applicable (counted like not applicable).
      const skipped = this.base[j]! + k.options.length + 1;
      this.kind[skipped] = KIND_SKIPPED;
      this.pack[skipped] = 1;
    });
    this.bucketBase = new Int32Array(nd);
    let buckets = 0;
    for (let d = 0; d < nd; d++) {
      this.bucketBase[d] = buckets;
      const k = this.dimItems[d]!;
      buckets += (k * dims[d]!.maxUnit + 1) * (k + 1);
    }
    this.buckets = buckets;
    this.bucketValue = new Float64Array(buckets).fill(Number.NaN);
    for (let d = 0; d < nd; d++) {
      const k = this.dimItems[d]!;
      for (let su = 0; su <= k * dims[d]!.maxUnit; su++)
        for (let an = 1; an <= k; an++)
          this.bucketValue[this.bucketBase[d]! + su * (k + 1) + an] = dims[d]!.value(su, an);
    }
  }
}

/** How a dimension's option scores map to integer units: score = units · quantum. */
interface DimensionQuantum {
  readonly maxUnit: number;
  readonly quantum: number;
  unitOf(score: number): number;
  /** Mean score of `answered` items whose units sum to `units`, correctly rounded. */
  value(units: number, answered: number): number;
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/**
 * Units for a set of option scores: the smallest multiplier m that makes every score·m an
 * integer, divided by their common divisor g, so score = units · g / m. Undefined when no small
 * multiplier works (then the generic path scores the questionnaire).
 */
function quantum(scores: readonly number[], maxItems: number): DimensionQuantum | undefined {
  if (scores.some((s) => s < 0 || !Number.isFinite(s))) return undefined;
  for (let m = 1; m <= MAX_QUANTUM_DIVISOR; m++) {
    const ints = scores.map((s) => Math.round(s * m));
    if (!scores.every((s, i) => Math.abs(s * m - ints[i]!) < 1e-9)) continue;
    const g = ints.reduce(gcd, 0) || 1;
    const maxUnit = Math.max(0, ...ints) / g;
    if ((maxItems * maxUnit + 1) * (maxItems + 1) > MAX_BUCKETS) return undefined;
    // A mean exactly halfway between two micro-points could round either way depending on
    // summation order; such dimensions are left to the generic path (never the case for the
    // usual 100/span quanta).
    for (let su = 0; su <= maxItems * maxUnit; su++)
      for (let an = 1; an <= maxItems; an++) {
        const num = su * g * 2_000_000;
        const den = m * an;
        if (num % den === 0 && (num / den) % 2 === 1) return undefined;
      }
    return {
      maxUnit,
      quantum: g / m,
      unitOf: (score) => Math.round(score * m) / g,
      value: (units, answered) => (units * g) / (m * answered),
    };
  }
  return undefined;
}

/**
 * The kernel for a plan and group, or undefined when the questionnaire needs the generic path:
 * composite or conditional items, minimum or weighted dimension aggregates, odd score quanta.
 */
export function compileKernel(
  plan: Plan,
  group: string,
  minCoverage: number,
  hasColumn: (itemId: string) => boolean = () => true,
): Kernel | undefined {
  const nd = plan.dimensions.length;
  if (plan.dimensions.some((d) => d.aggregate !== "mean")) return undefined;
  const weights: (number | undefined)[] = new Array(nd);
  const scores: number[][] = Array.from({ length: nd }, () => []);
  const perDim = new Array<number>(nd).fill(0);
  const items: KernelItem[] = [];
  const outcomes: Outcome[][] = [];
  for (let i = 0; i < plan.items.length; i++) {
    const p = plan.items[i]!;
    const present = hasColumn(p.item.id);
    if (present) {
      if (!p.options || p.answerColumns.length !== 1) return undefined;
      // Only answered items enter a mean, so only they need equal weights.
      if (weights[p.dim] === undefined) weights[p.dim] = p.weight;
      else if (weights[p.dim] !== p.weight) return undefined;
    }
    if (p.groups && !p.groups.includes(group)) continue;
    perDim[p.dim]!++;
    const item = { planIndex: i, id: p.item.id, options: present ? (p.options ?? []) : [] };
    items.push(item);
    const out = outcomesOf(plan, item);
    outcomes.push(out);
    for (const o of out)
      if (o.code === KIND_SCORE) scores[p.dim]!.push((o as { score: number }).score);
  }
  if (perDim.some((k) => k > MAX_ITEMS_PER_DIMENSION)) return undefined;
  // Items with a column first: the row loop stops after them (the others are always blank).
  const order = items.map((_, j) => j);
  order.sort((a, b) => Number(items[b]!.options.length > 0) - Number(items[a]!.options.length > 0));
  const sortedItems = order.map((j) => items[j]!);
  const sortedOutcomes = order.map((j) => outcomes[j]!);
  items.splice(0, items.length, ...sortedItems);
  outcomes.splice(0, outcomes.length, ...sortedOutcomes);
  const conditions: (KernelCondition | undefined)[] = [];
  for (const k of items) {
    const when = plan.items[k.planIndex]!.when;
    const c = when ? compileKernelCondition(when, items) : undefined;
    if (when && !c) return undefined;
    conditions.push(c);
  }
  const dims: DimensionQuantum[] = [];
  for (let d = 0; d < nd; d++) {
    const q = quantum(scores[d]!, Math.max(1, perDim[d]!));
    if (!q) return undefined;
    dims.push(q);
  }
  return new Kernel(plan, items, outcomes, conditions, dims, minCoverage);
}

/**
 * What the item's own scorer makes of each of its options, then of no answer: so both paths
 * read codes alike.
 */
function outcomesOf(plan: Plan, item: KernelItem): Outcome[] {
  const p = plan.items[item.planIndex]!;
  const at = p.answerColumns[0]![1];
  const probe = new Array<string | undefined>(plan.keys.length);
  return [...item.options, undefined].map((code) => {
    probe[at] = code;
    return p.scorer(probe);
  });
}

/** A reliability accumulator fed by the kernel: which kernel items, in the accumulator's order. */
export interface KernelReliability {
  readonly acc: ReliabilityAcc;
  /** Kernel item positions (−1: the item is not asked of this group, so never complete). */
  readonly items: Int32Array;
}

/**
 * Whether a cell's reliability item sets suit the kernel: each set lies within one dimension
 * (true of the root's sets unless a department questionnaire moves an item), so its listwise
 * completeness and total come from the per-row sums the kernel keeps anyway.
 */
export function reliabilityFits(
  kernel: Kernel,
  reliability: readonly KernelReliability[],
): boolean {
  const conditional = new Set(kernel.conditional);
  return reliability.every((r) => {
    if (r.items.some((j) => j < 0)) return true; // never complete: not counted at all
    return r.items.every(
      (j) => kernel.dimOf[j] === kernel.dimOf[r.items[0]!] && !conditional.has(j),
    );
  });
}

/**
 * A KernelAcc's counts as plain typed arrays: what a worker thread posts (transferred, not
 * copied), and what a fork hands to the real scorer. Only an accumulator of the same kernel and
 * cell can `absorb` it. Adding counts before the one fold keeps the result that of one thread.
 */
export interface KernelState {
  readonly respondents: number;
  readonly counts: Float64Array;
  readonly hist: Float64Array;
  readonly relCount: Float64Array;
  readonly relTotal: Float64Array;
  readonly relN: Float64Array;
  readonly relT: Float64Array;
  /** CountTable.toPairs of the overall scores, and of the root's when it is another table. */
  readonly overall: Float64Array;
  readonly rootOverall?: Float64Array;
}

/** What the row engine copies of a KernelAcc (see KernelAcc.engineTables). */
export interface EngineAccTables {
  readonly kernel: Kernel;
  readonly partOf: Int32Array;
  readonly partDim: Int32Array;
  readonly relStart: Int32Array;
  readonly relItems: Int32Array;
  readonly relPart: Int32Array;
  readonly others: Int32Array;
  readonly weights: Float64Array;
  readonly minimum: boolean;
  readonly rootDims?: Int32Array;
  readonly rootWeights: Float64Array;
  readonly rootMinimum: boolean;
}

/** One cell's running state on the fast path. */
export class KernelAcc {
  respondents = 0;
  /** Option counts per slot and dimension histograms; complete after `spill()`. */
  readonly counts: Float64Array;
  readonly hist: Float64Array;
  /**
   * The per-row counts are 16-bit (a quarter of the cache footprint of doubles: the row loop
   * feels it most when both threads run) and move into the doubles every `spillEvery` rows,
   * before they could overflow; `tally` may go below zero for a while (skipped items, see
   * `add`), hence signed. Σ T per slot (`relTotal`) grows by more than one a row: 32-bit.
   */
  private readonly tally: Int16Array;
  private readonly buckets: Int16Array;
  private readonly spillEvery: number;
  private sinceSpill = 0;
  /** Move the row engines' counts for this cell here (see attachEngine). */
  private readonly drains: (() => void)[] = [];
  /** Respondent overall scores (cell questionnaire), and over the root's dimensions. */
  readonly overall = new CountTable();
  readonly rootOverall: CountTable;
  /**
   * Per-row sums (packed like `pack`) of the row's parts: the items are split into parts that
   * lie within one dimension, one per reliability set and one for each dimension's other items.
   * A dimension's sum is the sum of its parts; a set is listwise complete when its part counts
   * all its items as answered, and its part's units are the total T.
   */
  private readonly parts: Int32Array;
  private readonly partOf: Int32Array;
  private readonly partDim: Int32Array;
  private readonly sums: Int32Array;
  private readonly values: Float64Array;
  private readonly rootValues: Float64Array;
  /** The reliability sets the kernel counts (no item missing for this group) and their parts. */
  private readonly relItems: readonly Int32Array[];
  /** Items with a column outside the counted sets (their options are counted in `tally`). */
  private readonly others: Int32Array;
  /** The items a row's conditions skipped. */
  private readonly skipped: Int32Array;
  private readonly relPart: Int32Array;
  private readonly relAcc: readonly ReliabilityAcc[];
  /**
   * Reliability tallies in score units (exact integers), folded into the ReliabilityAcc at the
   * end: per set, listwise-complete respondents, Σ T and Σ T²; per slot, how many complete
   * respondents chose it and the sum of their T. Σ x, Σ x² and Σ x·T per item follow from these.
   */
  private readonly relN: Float64Array;
  private readonly relT: Float64Array;
  private readonly relCount: Int16Array;
  private readonly relTotal: Int32Array;
  private readonly relCount64: Float64Array;
  private readonly relTotal64: Float64Array;

  constructor(
    readonly kernel: Kernel,
    /** The overall score: dimension weights and aggregate of the cell's questionnaire… */
    private readonly weights: Float64Array,
    private readonly minimum: boolean,
    /** …and of the root, with root dimension → plan dimension (−1 absent); undefined when the
     * plan is the root's. */
    private readonly rootDims: Int32Array | undefined,
    private readonly rootWeights: Float64Array,
    private readonly rootMinimum: boolean,
    /** Must fit (reliabilityFits). */
    reliability: readonly KernelReliability[],
  ) {
    const nd = kernel.plan.dimensions.length;
    this.counts = new Float64Array(kernel.slots);
    this.hist = new Float64Array(kernel.buckets);
    this.tally = new Int16Array(kernel.slots);
    this.buckets = new Int16Array(kernel.buckets);
    this.sums = new Int32Array(nd);
    this.values = new Float64Array(nd);
    this.rootValues = new Float64Array(rootDims?.length ?? 0);
    this.rootOverall = rootDims ? new CountTable() : this.overall;
    // Sets with an item not asked of the group, or without a column, are never complete.
    const counted = reliability.filter((r) => r.items.every((j) => j >= 0 && j < kernel.columns));
    const partOf = Int32Array.from(kernel.dimOf);
    const partDim = Array.from({ length: nd }, (_, d) => d);
    this.relPart = Int32Array.from(counted, (r) => {
      const p = partDim.length;
      partDim.push(kernel.dimOf[r.items[0]!]!);
      for (const j of r.items) partOf[j] = p;
      return p;
    });
    this.partOf = partOf;
    this.partDim = Int32Array.from(partDim);
    this.parts = new Int32Array(partDim.length);
    this.relItems = counted.map((r) => r.items);
    const inSet = new Set(counted.flatMap((r) => [...r.items]));
    this.others = Int32Array.from({ length: kernel.columns }, (_, j) => j).filter(
      (j) => !inSet.has(j),
    );
    this.skipped = new Int32Array(kernel.conditional.length);
    this.relAcc = counted.map((r) => r.acc);
    this.relN = new Float64Array(counted.length);
    this.relT = new Float64Array(2 * counted.length);
    this.relCount = new Int16Array(kernel.slots);
    this.relTotal = new Int32Array(kernel.slots);
    this.relCount64 = new Float64Array(kernel.slots);
    this.relTotal64 = new Float64Array(kernel.slots);
    // relTotal grows fastest: by a set's total units per row.
    let maxTotal = 1;
    for (const items of this.relItems) {
      let t = 0;
      for (const j of items) {
        for (let o = 0; o < kernel.width[j]!; o++) {
          t = Math.max(t, kernel.unit[kernel.base[j]! + o]!);
        }
      }
      maxTotal = Math.max(maxTotal, t * items.length);
    }
    this.spillEvery = Math.min(0x7fff, Math.floor(0x7fffffff / maxTotal));
  }

  /**
   * The row engine's cell tables (row-engine.ts): how items form parts, the counted reliability
   * sets (flattened: set r's items are relItems[relStart[r], relStart[r + 1])), the other items
   * and the overall scores' weights.
   */
  engineTables(): EngineAccTables {
    const relStart = new Int32Array(this.relItems.length + 1);
    this.relItems.forEach((items, r) => {
      relStart[r + 1] = relStart[r]! + items.length;
    });
    const relItems = new Int32Array(relStart[this.relItems.length]!);
    this.relItems.forEach((items, r) => {
      relItems.set(items, relStart[r]!);
    });
    return {
      kernel: this.kernel,
      partOf: this.partOf,
      partDim: this.partDim,
      relStart,
      relItems,
      relPart: this.relPart,
      others: this.others,
      weights: this.weights,
      minimum: this.minimum,
      ...(this.rootDims ? { rootDims: this.rootDims } : {}),
      rootWeights: this.rootWeights,
      rootMinimum: this.rootMinimum,
    };
  }

  /**
   * A row the row engine scored: it keeps the row's counts (until `spill` drains them, see
   * attachEngine) and hands over the overall scores `add` would count here (NaN: none).
   */
  engineRow(overall: number, root: number): void {
    this.respondents++;
    if (!Number.isNaN(overall)) this.overall.add(Math.round(overall * SCALE));
    if (this.rootDims && !Number.isNaN(root)) this.rootOverall.add(Math.round(root * SCALE));
  }

  /**
   * A row engine's drain (one per engine that scores rows of this cell): `spill` calls them
   * first, so every reader of the counts sees the engines' rows. `detach` removes it.
   */
  attachEngine(drain: () => void): () => void {
    this.drains.push(drain);
    return () => {
      const i = this.drains.indexOf(drain);
      if (i >= 0) this.drains.splice(i, 1);
    };
  }

  /** Adds counts the row engine kept for this cell (views of its memory, same layout). */
  absorbEngine(
    tally: Int32Array,
    buckets: Int32Array,
    relCount: Int32Array,
    relTotal: Float64Array,
    relN: Float64Array,
    relT: Float64Array,
  ): void {
    const pairs: [Int32Array | Float64Array, Float64Array][] = [
      [tally, this.counts],
      [buckets, this.hist],
      [relCount, this.relCount64],
      [relTotal, this.relTotal64],
      [relN, this.relN],
      [relT, this.relT],
    ];
    for (const [from, to] of pairs) {
      if (from.length !== to.length) throw new Error("row engine counts of another cell");
      for (let i = 0; i < from.length; i++) to[i]! += from[i]!;
    }
  }

  /** Moves the 32-bit tallies into the doubles (`counts`, `hist`, reliability) and zeroes them. */
  spill(): void {
    for (const drain of this.drains) drain();
    const pairs: [Int32Array | Int16Array, Float64Array][] = [
      [this.tally, this.counts],
      [this.buckets, this.hist],
      [this.relCount, this.relCount64],
      [this.relTotal, this.relTotal64],
    ];
    for (const [from, to] of pairs) {
      for (let i = 0; i < from.length; i++) to[i]! += from[i]!;
      from.fill(0);
    }
    this.sinceSpill = 0;
  }

  /** A copy of the counts so far (see KernelState). */
  exportState(): KernelState {
    this.spill();
    return {
      respondents: this.respondents,
      counts: this.counts.slice(),
      hist: this.hist.slice(),
      relCount: this.relCount64.slice(),
      relTotal: this.relTotal64.slice(),
      relN: this.relN.slice(),
      relT: this.relT.slice(),
      overall: this.overall.toPairs(),
      ...(this.rootOverall !== this.overall ? { rootOverall: this.rootOverall.toPairs() } : {}),
    };
  }

  /** Adds the counts of an accumulator of the same kernel and cell (its `exportState`). */
  absorb(s: KernelState): void {
    const pairs: [Float64Array, Float64Array][] = [
      [s.counts, this.counts],
      [s.hist, this.hist],
      [s.relCount, this.relCount64],
      [s.relTotal, this.relTotal64],
      [s.relN, this.relN],
      [s.relT, this.relT],
    ];
    for (const [from, to] of pairs) {
      if (from.length !== to.length) throw new Error("kernel state of another kernel or cell");
      for (let i = 0; i < from.length; i++) to[i]! += from[i]!;
    }
    if ((s.rootOverall !== undefined) !== (this.rootOverall !== this.overall))
      throw new Error("kernel state of another kernel or cell");
    this.respondents += s.respondents;
    this.overall.addPairs(s.overall);
    if (s.rootOverall) this.rootOverall.addPairs(s.rootOverall);
  }

  /** Adds the unit tallies to the reliability accumulators (score = units · quantum) and resets. */
  foldReliability(): void {
    const k = this.kernel;
    this.relItems.forEach((items, r) => {
      if (this.relN[r] === 0) return;
      const q = k.quantum[k.dimOf[items[0]!]!]!;
      const acc = this.relAcc[r]!;
      acc.n += this.relN[r]!;
      items.forEach((j, a) => {
        let sx = 0;
        let sxx = 0;
        let sxt = 0;
        for (let o = 0; o < k.width[j]!; o++) {
          const s = k.base[j]! + o;
          if (k.kind[s] !== KIND_SCORE) continue;
          const u = k.unit[s]!;
          sx += this.relCount64[s]! * u;
          sxx += this.relCount64[s]! * u * u;
          sxt += this.relTotal64[s]! * u;
        }
        acc.s[a]! += sx * q;
        acc.q[a]! += sxx * q * q;
        acc.p[a]! += sxt * q * q;
      });
      acc.st += this.relT[2 * r]! * q;
      acc.qt += this.relT[2 * r + 1]! * q * q;
    });
    for (const a of [this.relN, this.relT, this.relCount64, this.relTotal64]) a.fill(0);
  }

  get items(): readonly KernelItem[] {
    return this.kernel.items;
  }

  /** The slot of kernel item j's option o (−1: no answer), for `add`. */
  slotOf(j: number, o: number): number {
    const k = this.kernel;
    return k.base[j]! + (o < 0 ? k.width[j]! : o);
  }

  /**
   * One respondent: `answers[j]` is kernel item j's slot, `base[j]` + the index of its answer
   * in `options`, or `base[j]` + `width[j]` for no answer (see slotOf). Items without a column
   * (past `kernel.columns`) must hold their no-answer slot; they are counted at the fold.
   */
  add(answers: Int32Array): void {
    const k = this.kernel;
    const { base, width, pack } = k;
    const parts = this.parts;
    const partOf = this.partOf;
    const counts = this.tally;
    for (let p = 0; p < parts.length; p++) parts[p] = 0;
    const columns = k.columns;
    for (let j = 0; j < columns; j++) parts[partOf[j]!]! += pack[answers[j]!]!;
    // Items skipped by their `when` move to their "skipped" slot (few items have one). The
    // conditions read the answers as given, like the generic path reads the raw values.
    const { conditional, conditions } = k;
    const skipped = this.skipped;
    let nSkipped = 0;
    for (let c = 0; c < conditional.length; c++) {
      if (conditions[c]!(answers, base)) continue;
      const j = conditional[c]!;
      parts[partOf[j]!]! += pack[base[j]! + width[j]! + 1]! - pack[answers[j]!]!;
      skipped[nSkipped++] = j;
    }
    const sums = this.sums;
    const partDim = this.partDim;
    for (let d = 0; d < sums.length; d++) sums[d] = parts[d]!;
    for (let p = sums.length; p < parts.length; p++) sums[partDim[p]!]! += parts[p]!;
    const { dimItems, bucketBase, bucketValue, minCoverage } = k;
    const values = this.values;
    const hist = this.buckets;
    for (let d = 0; d < sums.length; d++) {
      const v = sums[d]!;
      const answered = (v >> ANSWERED_SHIFT) & FIELD_MASK;
      const n = dimItems[d]!;
      if (answered > 0 && answered >= minCoverage * (n - (v & FIELD_MASK))) {
        const b = bucketBase[d]! + (v >> UNIT_SHIFT) * (n + 1) + answered;
        hist[b]!++;
        values[d] = bucketValue[b]!;
      } else values[d] = Number.NaN;
    }
    this.respondents++;
    if (++this.sinceSpill === this.spillEvery) this.spill();
    const overall = combine(values, this.weights, this.minimum);
    if (!Number.isNaN(overall)) this.overall.add(Math.round(overall * SCALE));
    const rootDims = this.rootDims;
    if (rootDims) {
      const rv = this.rootValues;
      for (let i = 0; i < rootDims.length; i++) {
        const at = rootDims[i]!;
        rv[i] = at < 0 ? Number.NaN : values[at]!;
      }
      const r = combine(rv, this.rootWeights, this.rootMinimum);
      if (!Number.isNaN(r)) this.rootOverall.add(Math.round(r * SCALE));
    }
    // Option counts. A reliability set whose part has every item answered is listwise
    // complete: its items go to the reliability tallies (which count options too), all other
    // items to `tally`.
    const rels = this.relItems;
    const { relPart, relN, relT, relCount, relTotal } = this;
    for (let r = 0; r < rels.length; r++) {
      const v = parts[relPart[r]!]!;
      const idx = rels[r]!;
      if (((v >> ANSWERED_SHIFT) & FIELD_MASK) !== idx.length) {
        for (let a = 0; a < idx.length; a++) counts[answers[idx[a]!]!]!++;
        continue;
      }
      const t = v >> UNIT_SHIFT;
      relN[r]!++;
      relT[2 * r]! += t;
      relT[2 * r + 1]! += t * t;
      for (let a = 0; a < idx.length; a++) {
        const s = answers[idx[a]!]!;
        relCount[s]!++;
        relTotal[s]! += t;
      }
    }
    const others = this.others;
    for (let i = 0; i < others.length; i++) counts[answers[others[i]!]!]!++;
    for (let i = 0; i < nSkipped; i++) {
      const j = skipped[i]!;
      counts[answers[j]!]!--;
      counts[base[j]! + width[j]! + 1]!++;
    }
  }

  /** Respondents who chose slot s (after `spill`). */
  countOf(s: number): number {
    return this.counts[s]! + this.relCount64[s]!;
  }
}

/**
 * combineDimensions (respondent.ts) on numbers: NaN where that gives undefined. The same
 * operations in the same order, so both paths land in the same micro-point bucket.
 */
function combine(scores: Float64Array, weights: Float64Array, minimum: boolean): number {
  let sum = 0;
  let tot = 0;
  let min = Number.POSITIVE_INFINITY;
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i]!;
    if (Number.isNaN(s)) return Number.NaN;
    sum += weights[i]! * s;
    tot += weights[i]!;
    if (s < min) min = s;
  }
  if (tot === 0) return Number.NaN;
  return minimum ? min : sum / tot;
}

/** Leaf-side tables the kernel's counts are folded into (the generic path's typed tallies). */
export interface FoldTarget {
  readonly cell: Cell;
  readonly items: readonly ItemAcc[];
  readonly dimAccs: readonly { hist: Histogram; applicable: number; answered: number }[];
  readonly tally: Float64Array;
  readonly optBase: Int32Array;
  readonly optCounts: Float64Array;
  readonly optScores: Float64Array;
}

/** Adds a kernel accumulator's counts to the leaf's accumulators and resets it. */
export function foldKernel(acc: KernelAcc, t: FoldTarget): void {
  const k = acc.kernel;
  const R = acc.respondents;
  if (R === 0) return;
  acc.spill();
  // Items without a column were left out of the row loop: every respondent left them blank
  // (minus those whose `when` skipped them, already moved to "skipped").
  for (let j = k.columns; j < k.items.length; j++) acc.counts[k.base[j]! + k.width[j]!]! += R;
  const asked = new Uint8Array(k.plan.items.length);
  const applicable = new Float64Array(k.plan.dimensions.length);
  const answered = new Float64Array(k.plan.dimensions.length);
  // Single-code items are tallied in the leaf's typed arrays; composite ones (never answered
  // here: they have no column) in their accumulator.
  const tally = (i: number, kind: number, c: number) => {
    if (t.optBase[i]! >= 0) t.tally[i * KINDS + kind]! += c;
    else if (kind === KIND_BLANK) t.items[i]!.blank += c;
    else if (kind === KIND_SKIPPED) t.items[i]!.skipped += c;
  };
  k.items.forEach((item, j) => {
    const i = item.planIndex;
    asked[i] = 1;
    const d = k.dimOf[j]!;
    applicable[d]! += R;
    for (let o = 0; o <= k.width[j]! + 1; o++) {
      const s = k.base[j]! + o;
      const c = acc.countOf(s);
      if (c === 0) continue;
      const kind = k.kind[s]!;
      tally(i, kind, c);
      if (kind === KIND_NOT_APPLICABLE || kind === KIND_SKIPPED) applicable[d]! -= c;
      if (kind === KIND_SCORE) answered[d]! += c;
      if (kind === KIND_BLANK || kind === KIND_SKIPPED) continue;
      const ob = t.optBase[i]! + o;
      t.optCounts[ob]! += c;
      if (kind === KIND_SCORE) t.optScores[ob] = k.score[s]!;
    }
  });
  for (let i = 0; i < asked.length; i++) if (!asked[i]) t.tally[i * KINDS + KIND_SKIPPED]! += R;
  for (let d = 0; d < k.plan.dimensions.length; d++) {
    const dim = t.dimAccs[d]!;
    dim.applicable += applicable[d]!;
    dim.answered += answered[d]!;
    const b0 = k.bucketBase[d]!;
    const end = d + 1 < k.bucketBase.length ? k.bucketBase[d + 1]! : k.buckets;
    for (let b = b0; b < end; b++) {
      const c = acc.hist[b]!;
      if (c > 0) dim.hist.add(k.bucketValue[b]!, c);
    }
  }
  acc.foldReliability();
  t.cell.overall.mergeEntries(acc.overall.entries());
  t.cell.rootOverall.mergeEntries(acc.rootOverall.entries());
  acc.counts.fill(0);
  acc.hist.fill(0);
  acc.overall.clear();
  acc.rootOverall.clear();
  acc.respondents = 0;
}
