// Streaming scorer: add respondents one at a time, then finish() builds the Assessment.
import type { Questionnaire } from "../questionnaire/model.js";
import type { ResponseRecord } from "../responses/model.js";
import { compareStrings } from "../util/order.js";
import type { Assessment, Settings } from "./assessment.js";
import { buildAssessment } from "./build.js";
import { Cell, type DimAcc, type ItemAcc, reviveCell } from "./cell.js";
import type { Values } from "./item-score.js";
import {
  compileKernel,
  foldKernel,
  type Kernel,
  KernelAcc,
  type KernelItem,
  type KernelState,
  reliabilityFits,
} from "./kernel.js";
import { ReliabilityAcc } from "./reliability.js";
import {
  combineDimensions,
  compilePlan,
  KIND_BLANK,
  KIND_DONT_KNOW,
  KIND_INVALID,
  KIND_NOT_APPLICABLE,
  KIND_SCORE,
  KIND_SKIPPED,
  KINDS,
  type Plan,
  type PlannedItem,
  scoreInto,
  Workspace,
} from "./respondent.js";
import { addTo } from "./stats.js";

export interface ScorerOptions {
  readonly settings: Settings;
  /** Target level per department and dimension, overriding the questionnaire's targets. */
  readonly targets?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Department names (e.g. from a project file) for departments without a questionnaire. */
  readonly departmentNames?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Staff per department (e.g. from a project file), for response rates. */
  readonly headcounts?: Readonly<Record<string, number>>;
  readonly date?: string;
  readonly generatorVersion?: string;
}

/** Picks the root questionnaire: the base the department questionnaires extend. */
export function findRoot(questionnaires: readonly Questionnaire[]): Questionnaire {
  const bases = questionnaires.filter((q) => q.extendsChain.length === 1 && !q.department);
  const extended = new Map<string, number>();
  for (const q of questionnaires) {
    const base = q.extendsChain[0];
    if (base && q.extendsChain.length > 1) extended.set(base, (extended.get(base) ?? 0) + 1);
  }
  const sorted = [...bases].sort(
    (a, b) => (extended.get(b.id) ?? 0) - (extended.get(a.id) ?? 0) || compareStrings(a.id, b.id),
  );
  const internal = sorted.filter((q) => !isExternal(q));
  const root =
    internal.find((q) => q.id === "core") ?? internal[0] ?? sorted[0] ?? questionnaires[0];
  if (!root) throw new Error("no questionnaire to score with");
  return root;
}

export function isExternal(q: Questionnaire): boolean {
  return q.groups.find((g) => g.id === q.group)?.perspective === "external";
}

export interface CellKey {
  readonly questionnaire: string;
  readonly department: string | undefined;
  readonly group: string;
}

interface PlanEntry {
  readonly plan: Plan;
  readonly workspace: Workspace;
  /** Reused buffer for a row's values in `add` (addValues scores it before returning). */
  readonly values: (string | undefined)[];
  readonly weights: readonly number[];
  /** For each root dimension: indexes into plan.items of the root's items (−1 when removed). */
  readonly rootItems: ReadonlyMap<string, readonly number[]>;
  /** Index of each root dimension in plan.dimensions (−1 when absent). */
  readonly rootDims: readonly number[];
}

/** A cell with its accumulators aligned to the plan, so the per-row path needs no lookups. */
interface Leaf {
  readonly key: CellKey;
  readonly cell: Cell;
  readonly entry: PlanEntry;
  readonly dims: readonly DimAcc[];
  readonly items: readonly ItemAcc[];
  readonly texts: readonly { readonly at: number; readonly list: string[] }[];
  /** Single-code items: outcome tallies (KINDS per item) and counts per option, in typed arrays. */
  readonly tally: Float64Array;
  /** Offset of an item's options in optCounts / optScores; −1 for composite items. */
  readonly optBase: Int32Array;
  readonly optCounts: Float64Array;
  readonly optScores: Float64Array;
  readonly rel: readonly { acc: ReliabilityAcc; idx: Int32Array; xs: Float64Array }[];
  /** The fast path's state, per kernel (one per input layout). */
  readonly kernels: Map<Kernel, KernelAcc | null>;
}

/**
 * A scorer's state for another scorer's `absorbState` (a fork's, or a worker's, structured-cloned
 * with its typed arrays transferred): per cell, what the generic path added (only when it added
 * anything) and each fast-path accumulator's counts, keyed by the input layout of its kernel.
 */
export interface LeafState {
  readonly key: CellKey;
  readonly cell?: unknown;
  readonly kernels: readonly { readonly layout: string; readonly state: KernelState }[];
}

/** Where the importer sends rows on the fast path: one answer slot per item (see slotOf). */
export interface KernelTarget {
  readonly items: readonly KernelItem[];
  /** The slot of item j's option o (−1: no answer). */
  slotOf(j: number, o: number): number;
  add(answers: Int32Array): void;
}

/**
 * What a scorer compiles from its questionnaires: plans per questionnaire, kernels per input
 * layout. Shared with its forks, so absorbing a fork's state compiles nothing again.
 */
interface Compiled {
  readonly plans: Map<string, PlanEntry>;
  readonly kernels: Map<string, Kernel | null>;
  /** The input layout each kernel was compiled for (see kernelFor). */
  readonly kernelLayouts: Map<Kernel, string>;
}

export class Scorer {
  readonly root: Questionnaire;
  private readonly plans: Map<string, PlanEntry>;
  private readonly cells = new Map<string, Leaf>();
  private readonly leafCache = new Map<string, Map<string, Leaf>>();
  private readonly layouts = new WeakMap<object, Map<string, Int32Array>>();
  private readonly kernels: Map<string, Kernel | null>;
  private readonly kernelLayouts: Map<Kernel, string>;
  private readonly rootScores: Float64Array;
  private readonly rootWeights: readonly number[];
  private readonly byDepartment = new Map<string, Questionnaire>();
  private readonly byGroup = new Map<string, Questionnaire>();

  constructor(
    readonly questionnaires: readonly Questionnaire[],
    readonly options: ScorerOptions,
    compiled: Compiled = { plans: new Map(), kernels: new Map(), kernelLayouts: new Map() },
  ) {
    this.plans = compiled.plans;
    this.kernels = compiled.kernels;
    this.kernelLayouts = compiled.kernelLayouts;
    this.root = findRoot(questionnaires);
    this.rootWeights = this.root.dimensions.map((d) => d.weight);
    this.rootScores = new Float64Array(this.root.dimensions.length);
    for (const q of questionnaires) {
      if (q.department) this.byDepartment.set(q.department.id, q);
      else if (q !== this.root && !this.byGroup.has(q.group)) this.byGroup.set(q.group, q);
    }
  }

  /**
   * A scorer for rows kept apart until this one absorbs its state (`exportState`), or dropped.
   * It shares what this one compiled, on the same thread: plans hold per-row scratch space.
   */
  fork(): Scorer {
    return new Scorer(this.questionnaires, this.options, {
      plans: this.plans,
      kernels: this.kernels,
      kernelLayouts: this.kernelLayouts,
    });
  }

  /** The questionnaire a record is scored with: its department's, its group's, or the root. */
  questionnaireFor(department: string | undefined, group: string): Questionnaire {
    if (department !== undefined) {
      const q = this.byDepartment.get(department);
      if (q) return q;
    }
    return this.byGroup.get(group) ?? this.root;
  }

  private planFor(q: Questionnaire): PlanEntry {
    let entry = this.plans.get(q.id);
    if (!entry) {
      const plan = compilePlan(q);
      const rel = isExternal(q) ? q : this.root;
      const rootItems = new Map<string, number[]>();
      for (const d of rel.dimensions) {
        // Alpha needs one item set for everyone: the items every respondent is asked (no group
        // restriction, no skip logic), or listwise deletion would drop whole groups.
        const ids = rel.items
          .filter((i) => i.dimension === d.id && i.type !== "text" && !i.groups && !i.when)
          .map((i) => i.id);
        rootItems.set(
          d.id,
          ids.map((id) => plan.items.findIndex((p) => p.item.id === id)),
        );
      }
      const rootDims = this.root.dimensions.map((d) =>
        plan.dimensions.findIndex((x) => x.id === d.id),
      );
      entry = {
        plan,
        workspace: new Workspace(plan),
        values: new Array<string | undefined>(plan.keys.length),
        weights: plan.dimensions.map((d) => d.weight),
        rootItems,
        rootDims,
      };
      this.plans.set(q.id, entry);
    }
    return entry;
  }

  private leafFor(q: Questionnaire, department: string | undefined, group: string): Leaf {
    // Two plain lookups on the row's own strings; the composite key is built once per cell.
    let byGroup = this.leafCache.get(department ?? "");
    if (!byGroup) {
      byGroup = new Map();
      this.leafCache.set(department ?? "", byGroup);
    }
    const cached = byGroup.get(group);
    if (cached) return cached;
    const k = `${q.id}\u0000${department ?? ""}\u0000${group}`;
    let leaf = this.cells.get(k);
    if (!leaf) {
      const entry = this.planFor(q);
      const cell = new Cell();
      leaf = {
        key: { questionnaire: q.id, department, group },
        cell,
        entry,
        dims: entry.plan.dimensions.map((d) => cell.dim(d.id)),
        items: entry.plan.items.map((p) => cell.item(p.item.id)),
        ...optionTables(entry.plan),
        kernels: new Map(),
        texts: this.options.settings.includeFreeText
          ? entry.plan.questionnaire.items
              .filter((i) => i.type === "text")
              .map((i) => {
                const list: string[] = [];
                cell.freeText.set(i.id, list);
                return { at: entry.plan.keyIndex.get(i.id) ?? -1, list };
              })
          : [],
        rel: [...entry.rootItems].map(([dim, idx]) => {
          const acc = new ReliabilityAcc(
            idx.map((i) => (i < 0 ? "" : entry.plan.items[i]!.item.id)),
          );
          if (idx.length >= 2 && idx.every((i) => i >= 0)) cell.reliability.set(dim, acc);
          return { acc, idx: Int32Array.from(idx), xs: new Float64Array(idx.length) };
        }),
      };
      this.cells.set(k, leaf);
    }
    byGroup.set(group, leaf);
    return leaf;
  }

  /** Respondents added so far per department (before any suppression; for input checks). */
  respondentsByDepartment(): Map<string, number> {
    const out = new Map<string, number>();
    for (const leaf of this.cells.values()) {
      const d = leaf.key.department;
      let n = leaf.cell.respondents;
      for (const k of leaf.kernels.values()) n += k?.respondents ?? 0;
      if (d !== undefined) out.set(d, (out.get(d) ?? 0) + n);
    }
    return out;
  }

  /** Answer keys of the questionnaire a row is scored with, for `addValues`. */
  keysFor(department: string | undefined, group: string): readonly string[] {
    return this.planFor(this.questionnaireFor(department, group)).plan.keys;
  }

  /**
   * The fast path for rows of this department and group, or undefined when their questionnaire
   * needs the generic one (see kernel.ts). Rows may go either way; both end in the same cell.
   */
  kernelFor(
    department: string | undefined,
    group: string,
    hasColumn?: (itemId: string) => boolean,
  ): KernelTarget | undefined {
    const q = this.questionnaireFor(department, group);
    // Free text is only collected on the generic path.
    if (this.options.settings.includeFreeText && q.items.some((i) => i.type === "text"))
      return undefined;
    const leaf = this.leafFor(q, department, group);
    const { plan } = leaf.entry;
    const layout = hasColumn ? plan.items.map((p) => (hasColumn(p.item.id) ? 1 : 0)).join("") : "";
    return this.accFor(q, leaf, group, layout) ?? undefined;
  }

  /** The leaf's accumulator for the kernel of an input layout (null: no kernel fits). */
  private accFor(q: Questionnaire, leaf: Leaf, group: string, layout: string): KernelAcc | null {
    const key = `${q.id}\u0000${group}\u0000${layout}`;
    let kernel = this.kernels.get(key);
    if (kernel === undefined) {
      const { plan } = leaf.entry;
      const column = new Map(plan.items.map((p, i) => [p.item.id, layout[i] === "1"]));
      const hasColumn = layout === "" ? undefined : (id: string) => column.get(id) === true;
      kernel = compileKernel(plan, group, this.options.settings.minCoverage, hasColumn) ?? null;
      this.kernels.set(key, kernel);
      if (kernel) this.kernelLayouts.set(kernel, layout);
    }
    if (!kernel) return null;
    let acc = leaf.kernels.get(kernel);
    if (acc === undefined) {
      acc = this.kernelAcc(q, kernel, leaf);
      leaf.kernels.set(kernel, acc);
    }
    return acc;
  }

  /** The cell's kernel accumulator, or null when its reliability sets do not suit the kernel. */
  private kernelAcc(q: Questionnaire, kernel: Kernel, leaf: Leaf): KernelAcc | null {
    const position = new Map(kernel.items.map((k, j) => [k.planIndex, j]));
    const reliability = leaf.rel
      .filter((r) => r.idx.length >= 2)
      .map((r) => ({
        acc: r.acc,
        items: Int32Array.from(r.idx, (i) => (i < 0 ? -1 : (position.get(i) ?? -1))),
      }));
    if (!reliabilityFits(kernel, reliability)) return null;
    return new KernelAcc(
      kernel,
      Float64Array.from(leaf.entry.weights),
      q.overall.aggregate === "min",
      q === this.root ? undefined : Int32Array.from(leaf.entry.rootDims),
      Float64Array.from(this.rootWeights),
      this.root.overall.aggregate === "min",
      reliability,
    );
  }

  add(record: ResponseRecord): void {
    const q = this.questionnaireFor(record.department, record.group);
    const entry = this.planFor(q);
    const keys = entry.plan.keys;
    const values = entry.values;
    const aligned = record.aligned;
    if (aligned) {
      // Positions are resolved once per (file layout, questionnaire), not per row and key.
      let layouts = this.layouts.get(aligned.index);
      if (!layouts) {
        layouts = new Map();
        this.layouts.set(aligned.index, layouts);
      }
      let slots = layouts.get(q.id);
      if (!slots) {
        slots = Int32Array.from(keys, (k) => aligned.index.get(k) ?? -1);
        layouts.set(q.id, slots);
      }
      const cells = aligned.cells;
      for (let i = 0; i < slots.length; i++) {
        const at = slots[i]!;
        values[i] = at < 0 ? undefined : cells[at];
      }
    } else {
      for (let i = 0; i < keys.length; i++) values[i] = record.answers.get(keys[i]!);
    }
    this.addValues(record.department, record.group, values);
  }

  /**
   * The fast path: one respondent's answers aligned with `keysFor(department, group)`. Importers
   * map their columns to those positions once per file instead of building a Map per row.
   */
  addValues(department: string | undefined, group: string, values: Values): void {
    const q = this.questionnaireFor(department, group);
    const leaf = this.leafFor(q, department, group);
    const { plan, rootDims } = leaf.entry;
    const ws = leaf.entry.workspace;
    scoreInto(ws, group, values, this.options.settings.minCoverage);
    const cell = leaf.cell;
    cell.respondents++;
    const dimScores = ws.scores;
    for (let i = 0; i < dimScores.length; i++) {
      const acc = leaf.dims[i]!;
      acc.applicable += ws.applicable[i]!;
      acc.answered += ws.answered[i]!;
      if (!Number.isNaN(dimScores[i]!)) addTo(acc.hist, dimScores[i]!);
    }
    const overall = combineDimensions(dimScores, leaf.entry.weights, q.overall.aggregate);
    if (overall !== undefined) addTo(cell.overall, overall);
    const rootScores = this.rootScores;
    for (let i = 0; i < rootDims.length; i++) {
      const at = rootDims[i]!;
      rootScores[i] = at < 0 ? Number.NaN : dimScores[at]!;
    }
    const rootOverall = combineDimensions(
      rootScores,
      this.rootWeights,
      this.root.overall.aggregate,
    );
    if (rootOverall !== undefined) addTo(cell.rootOverall, rootOverall);
    const { kinds, itemScores, options } = ws;
    const { tally, optBase, optCounts, optScores } = leaf;
    for (let i = 0; i < kinds.length; i++) {
      const base = optBase[i]!;
      if (base < 0) {
        const p = plan.items[i]!;
        leaf.items[i]!.addComposite(
          ws.items[i]!,
          p.item.type === "number" ? [] : codesOf(p, values),
        );
        continue;
      }
      const kind = kinds[i]!;
      tally[i * KINDS + kind]!++;
      const option = options[i]!;
      if (option >= 0) {
        optCounts[base + option]!++;
        if (kind === KIND_SCORE) optScores[base + option] = itemScores[i]!;
      }
    }
    for (const t of leaf.texts) {
      const v = values[t.at]?.trim();
      if (v) t.list.push(v);
    }
    const rels = leaf.rel;
    for (let r = 0; r < rels.length; r++) {
      const rel = rels[r]!;
      const idx = rel.idx;
      const xs = rel.xs;
      const k = idx.length;
      if (k < 2) continue;
      let j = 0;
      for (; j < k; j++) {
        const at = idx[j]!;
        if (at < 0 || kinds[at] !== KIND_SCORE) break;
        xs[j] = itemScores[at]!;
      }
      if (j === k) rel.acc.add(xs);
    }
  }

  /**
   * Folds the fast path's counts into the cells now (finish does it otherwise); for a fork,
   * while another thread still works. Add nothing of the same cells from another scorer after.
   */
  settle(): void {
    this.flush();
  }

  /** Moves the per-row tallies (typed arrays, kernels) into the cells; safe to repeat. */
  private flush(): void {
    for (const leaf of this.cells.values()) {
      for (const acc of leaf.kernels.values()) {
        if (!acc) continue;
        leaf.cell.respondents += acc.respondents;
        foldKernel(acc, { ...leaf, dimAccs: leaf.dims });
      }
      flushLeaf(leaf);
    }
  }

  /**
   * The state so far, for another scorer's `absorbState` (see LeafState). Cheap: the fast path's
   * counts are copied, not folded into cells; the one fold happens in the scorer that finishes.
   */
  exportState(): LeafState[] {
    return [...this.cells.values()].map((leaf) => this.leafState(leaf));
  }

  private leafState(leaf: Leaf): LeafState {
    flushLeaf(leaf);
    const kernels = [...leaf.kernels].flatMap(([kernel, acc]) =>
      acc && acc.respondents > 0
        ? [{ layout: this.kernelLayouts.get(kernel)!, state: acc.exportState() }]
        : [],
    );
    // A cell only the fast path added to holds nothing yet: reviving it would be wasted work.
    return leaf.cell.respondents > 0
      ? { key: leaf.key, cell: leaf.cell, kernels }
      : { key: leaf.key, kernels };
  }

  /**
   * Takes over the cells of a fork of this scorer (see `fork`): moved as they are where this
   * scorer has none yet (nothing to copy or add), added otherwise. The fork is spent after.
   */
  adopt(fork: Scorer): void {
    if (fork.plans !== this.plans) throw new Error("adopt: not a fork of this scorer");
    for (const [k, leaf] of fork.cells) {
      if (this.cells.has(k)) this.absorbState([fork.leafState(leaf)]);
      else this.cells.set(k, leaf);
    }
    fork.cells.clear();
    fork.leafCache.clear();
  }

  /** Adds the state of a scorer with the same questionnaires and settings (cloned or not). */
  absorbState(leaves: readonly LeafState[]): void {
    for (const { key, cell, kernels } of leaves) {
      const q = this.questionnaires.find((x) => x.id === key.questionnaire);
      if (!q) throw new Error(`cell of unknown questionnaire ${key.questionnaire}`);
      const leaf = this.leafFor(q, key.department, key.group);
      if (cell !== undefined) leaf.cell.merge(cell instanceof Cell ? cell : reviveCell(cell));
      for (const { layout, state } of kernels) {
        const acc = this.accFor(q, leaf, key.group, layout);
        if (!acc) throw new Error(`no kernel for the layout of ${key.questionnaire}`);
        acc.absorb(state);
      }
    }
  }

  finish(input?: unknown): Assessment {
    this.flush();
    const cells = [...this.cells.values()].sort((a, b) =>
      compareStrings(
        `${a.key.questionnaire}\u0000${a.key.department ?? ""}\u0000${a.key.group}`,
        `${b.key.questionnaire}\u0000${b.key.department ?? ""}\u0000${b.key.group}`,
      ),
    );
    return buildAssessment({
      root: this.root,
      questionnaires: this.questionnaires,
      cells,
      options: this.options,
      input,
      questionnaireFor: (d, g) => this.questionnaireFor(d, g),
    });
  }
}

function optionTables(plan: Plan) {
  const optBase = new Int32Array(plan.items.length);
  let total = 0;
  plan.items.forEach((p, i) => {
    optBase[i] = p.options ? total : -1;
    total += p.options?.length ?? 0;
  });
  return {
    tally: new Float64Array(plan.items.length * KINDS),
    optBase,
    optCounts: new Float64Array(total),
    optScores: new Float64Array(total).fill(Number.NaN),
  };
}

/** Moves a leaf's typed-array tallies into its cell's item accumulators (once, at the end). */
function flushLeaf(leaf: Leaf): void {
  const { items } = leaf.entry.plan;
  const { tally, optBase, optCounts, optScores } = leaf;
  // A plain loop without a closure or [code, count, score] tuples per item: this runs once, cold,
  // for every item of every cell (see Histogram.merge).
  for (let i = 0; i < items.length; i++) {
    const codes = items[i]!.options;
    const base = optBase[i]!;
    if (base < 0 || !codes) continue;
    const at = i * KINDS;
    leaf.items[i]!.addTallies(
      {
        n: tally[at + KIND_SCORE]!,
        dontKnow: tally[at + KIND_DONT_KNOW]!,
        notApplicable: tally[at + KIND_NOT_APPLICABLE]!,
        blank: tally[at + KIND_BLANK]!,
        skipped: tally[at + KIND_SKIPPED]!,
        invalid: tally[at + KIND_INVALID]!,
      },
      codes,
      optCounts,
      optScores,
      base,
    );
    tally.fill(0, at, at + KINDS);
    optCounts.fill(0, base, base + codes.length);
  }
}

/** Answer codes of a composite item (grid rows as `row:code`, multi choices), for counts. */
function codesOf(p: PlannedItem, values: Values): string[] {
  const out: string[] = [];
  for (const [label, at] of p.answerColumns) {
    const v = values[at];
    if (v === undefined || v === "") continue;
    if (label === "") {
      for (const c of v.split(";")) if (c !== "") out.push(c);
    } else out.push(`${label}:${v}`);
  }
  return out;
}

export function scoreRecords(
  questionnaires: readonly Questionnaire[],
  records: Iterable<ResponseRecord>,
  options: ScorerOptions,
): Assessment {
  const s = new Scorer(questionnaires, options);
  for (const r of records) s.add(r);
  return s.finish();
}
